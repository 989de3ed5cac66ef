"""Fuzz campaign: ten thousand generated and mutated inputs through every reader (text,
DOCX, PDF, BPMN, JSON) and, for whatever is read, lint and every export format.

Each input runs under a 30 s alarm, in a process limited to 2 GiB of address space, so
a hang or a runaway allocation is counted, not suffered. Prints the counts per reader
and in total; the target is 0 tracebacks, 0 hangs, 0 over memory. A failing input is
written to ``var/fuzz-failures/`` to become a regression test.

    .venv/bin/python bench/fuzz.py [--inputs 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import resource
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fuzz.bases import SUFFIXES, base  # noqa: E402
from tests.fuzz.check import check  # noqa: E402
from tests.fuzz.mutate import fuzz_input  # noqa: E402

KINDS = ("text", "docx", "bpmn", "json", "pdf")
#: Share of the inputs per reader: text manuals matter most, PDF reads cost most.
WEIGHTS = (5, 2, 1, 1, 1)
HANG_SECONDS = 30
MEMORY_BYTES = 2 * 1024**3
FAILURES = ROOT / "var" / "fuzz-failures"


class Hang(Exception):
    pass


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise Hang


def run_one(kind: str, data: bytes, slow: bool) -> tuple[str, float]:
    start = time.perf_counter()
    signal.alarm(HANG_SECONDS)
    try:
        outcome = check(kind, data, slow=slow)
    except Hang:
        outcome = "hang"
    except MemoryError:
        outcome = "memory"
    except Exception:  # noqa: BLE001 — any other exception is the finding
        outcome = "traceback"
        print(f"--- {kind}\n{traceback.format_exc(limit=6)}", file=sys.stderr)
    finally:
        signal.alarm(0)
    return outcome, time.perf_counter() - start


def keep(kind: str, index: int, data: bytes) -> None:
    FAILURES.mkdir(parents=True, exist_ok=True)
    (FAILURES / f"{kind}-{index}{SUFFIXES[kind]}").write_bytes(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for kind in KINDS:
        base(kind)  # built before the memory limit (WeasyPrint maps a lot)
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    signal.signal(signal.SIGALRM, _alarm)
    rnd = random.Random(args.seed)
    counts: dict[str, Counter[str]] = {kind: Counter() for kind in KINDS}
    slowest, started = 0.0, time.perf_counter()
    for index in range(args.inputs):
        kind = rnd.choices(KINDS, WEIGHTS)[0]
        data = fuzz_input(kind, rnd)
        outcome, seconds = run_one(kind, data, slow=index % 50 == 0)
        counts[kind][outcome] += 1
        slowest = max(slowest, seconds)
        if outcome in ("traceback", "hang", "memory"):
            keep(kind, index, data)
    total: Counter[str] = sum(counts.values(), Counter())
    for kind in KINDS:
        print(f"{kind:5} {dict(sorted(counts[kind].items()))}")
    print(
        f"total {args.inputs} inputs in {time.perf_counter() - started:.0f} s: "
        f"{total['read']} read, {total['refused']} refused, {total['traceback']} tracebacks, "
        f"{total['hang']} hangs over {HANG_SECONDS} s, {total['memory']} over 2 GiB; "
        f"slowest input {slowest:.1f} s"
    )
    return 1 if total["traceback"] or total["hang"] or total["memory"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
