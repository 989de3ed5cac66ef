"""Render benchmark: the 36 seed procedures (seeds 000, 003, 004) to swimlane SVG, and to
BPMN 2.0 when ``folio.render.bpmn.export_bpmn`` exists.

Figures are the best of three cold runs (text caches cleared), printed against a baseline
measured in the same run: the JSON export of the same three manuals
(``manual_to_json``), a plain walk over the same data. Target: all 36 to SVG + BPMN in
≤ 2 s.

    .venv/bin/python bench/render.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from folio.manuals.cleaning import clean, fold, plain
from folio.manuals.jsonio import manual_to_json
from folio.manuals.load import load_manual
from folio.manuals.model import Manual, Procedure
from folio.render.layout import layout_procedure
from folio.render.layout.text import text_width, wrap
from folio.render.svg import render_svg

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
FILES = ("000_01b5b7b5d026b297.txt", "003_639c1c1c2cc31a4c.txt", "004_8ba2f66cbbd48f8b.txt")
TARGET = 2.0


def best_of(runs: int, fn: Callable[[], object]) -> float:
    """Fastest of ``runs`` runs, each with the text caches cleared."""
    times = []
    for _ in range(runs):
        for cached in (clean, plain, fold, text_width, wrap):
            cached.cache_clear()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def bpmn_exporter() -> Callable[[Procedure], str] | None:
    try:
        from folio.render.bpmn import export_bpmn
    except ImportError:
        return None
    return export_bpmn


def timed_jobs(
    procedures: list[Procedure], export_bpmn: Callable[[Procedure], str] | None
) -> list[tuple[str, Callable[[], None]]]:
    """What to time, by name; the last one is checked against the target."""

    def layout() -> None:
        for p in procedures:
            layout_procedure(p)

    def svg() -> None:
        for p in procedures:
            render_svg(p)

    jobs: list[tuple[str, Callable[[], None]]] = [("layout only", layout), ("SVG", svg)]
    if export_bpmn is None:
        return jobs
    bpmn = export_bpmn

    def bpmn_job() -> None:
        for p in procedures:
            bpmn(p)

    def both() -> None:
        for p in procedures:
            render_svg(p)
            bpmn(p)

    return [*jobs, ("BPMN", bpmn_job), ("SVG + BPMN", both)]


def main() -> int:
    paths = [SEEDS / name for name in FILES]
    if not all(p.is_file() for p in paths):
        print("bench/render.py: ../shared/seeds is absent; nothing to measure.")
        return 0
    manuals: list[Manual] = [load_manual(p) for p in paths]
    procedures = [p for m in manuals for p in m.procedures]
    export_bpmn = bpmn_exporter()
    jobs = timed_jobs(procedures, export_bpmn)

    def baseline() -> None:
        for manual in manuals:
            manual_to_json(manual)

    base = best_of(3, baseline)
    print(f"procedures: {len(procedures)} (seeds 000, 003, 004)")
    print(f"  baseline (manual_to_json of the 3 manuals): {base * 1000:8.1f} ms")
    for name, job in jobs:
        took = best_of(3, job)
        print(f"  {name + ':':43} {took * 1000:8.1f} ms ({took / base:.1f}× baseline)")
    total = best_of(3, jobs[-1][1])
    verdict = "ok" if total <= TARGET else "OVER TARGET"
    last = jobs[-1][0]
    print(f"  {last} of all {len(procedures)}: {total:.2f} s (target ≤ {TARGET:.0f} s) {verdict}")
    if export_bpmn is None:
        print("  (folio.render.bpmn.export_bpmn not importable: BPMN not measured)")
    time_document(manuals[-1])
    return 0


# --- The manual as a document (folio.render.document) -------------------------------------
DOCUMENT_TARGET = 20.0


def time_document(manual: Manual) -> None:
    """HTML, PDF and DOCX of one manual (seed 004): one cold run each, as a user waits for
    them. Target: the PDF in ≤ 20 s. The PDF draws its diagrams in a second process when
    there is a second core, so a busy machine shows in the figure."""
    import os

    from folio.render.document import render_docx, render_html, render_pdf

    print(f"document: {manual.title} ({len(manual.procedures)} procedures)")
    for name, render in (("HTML", render_html), ("PDF", render_pdf), ("DOCX", render_docx)):
        start = time.perf_counter()
        data = render(manual)
        took = time.perf_counter() - start
        size = len(data) / 1024
        verdict = ""
        if name == "PDF":
            verdict = " ok" if took <= DOCUMENT_TARGET else " OVER TARGET"
            verdict += f" (target ≤ {DOCUMENT_TARGET:.0f} s; load {os.getloadavg()[0]:.1f})"
        print(f"  {name + ':':6} {took:6.2f} s, {size:7.0f} KB{verdict}")


if __name__ == "__main__":
    sys.exit(main())
