"""Drawing many SVGs (as PDF pages or PNGs) in a second process, so that the slow halves
of a build run side by side when the machine has a second core: WeasyPrint's layout and
cairosvg's drawing for the PDF, two halves of the pictures for Word. The child is this
module run with ``-m``: it reads a pickled ``(format, svgs)`` on stdin and writes the
pickled list of drawings on stdout. Should it fail, the drawings are made in this
process instead.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

from folio.render.document.diagrams import rasterize, svg_pdf

Format = Literal["pdf", "png"]

#: Fewer drawings than this are not worth a process.
MIN_BATCH = 4


def draw_all(svgs: Sequence[str], fmt: Format) -> list[bytes]:
    return [svg_pdf(svg) for svg in svgs] if fmt == "pdf" else rasterize(svgs)


def cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def draw_shared(svgs: Sequence[str], fmt: Format) -> list[bytes]:
    """Draw ``svgs``, the second half in a second process while this one draws the first."""
    half = len(svgs) // 2
    rest = start_drawing(svgs[half:], fmt)
    return draw_all(svgs[:half], fmt) + rest()


def start_drawing(svgs: Sequence[str], fmt: Format) -> Callable[[], list[bytes]]:
    """Start drawing ``svgs``; returns the function that waits for the drawings (in order)."""
    batch = list(svgs)
    if len(batch) < MIN_BATCH or cores() < 2:
        done = draw_all(batch, fmt)
        return lambda: done
    root = str(Path(__file__).resolve().parents[3])
    path = os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))
    # closed by wait(), which outlives this function
    source = tempfile.TemporaryFile()  # noqa: SIM115
    sink = tempfile.TemporaryFile()  # noqa: SIM115
    pickle.dump((fmt, batch), source)
    source.seek(0)
    child = subprocess.Popen(
        [sys.executable, "-m", __name__],
        stdin=source,
        stdout=sink,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": path},
    )

    def wait() -> list[bytes]:
        try:
            if child.wait() != 0:
                return draw_all(batch, fmt)
            sink.seek(0)
            result = pickle.load(sink)
        finally:
            source.close()
            sink.close()
        assert isinstance(result, list) and len(result) == len(batch)
        return result

    return wait


def main() -> None:
    fmt, svgs = pickle.load(sys.stdin.buffer)
    sys.stdout.buffer.write(pickle.dumps(draw_all(svgs, fmt)))


if __name__ == "__main__":
    main()
