"""Engine benchmark: the 20-activity workload (``bench/workload.py``) run as cases by
Folio's ``complete_task``, by SpiffWorkflow and by django-viewflow, in the same run.

Every engine replays the same seeded completions (about 20 a case, round by round over
all open cases), one transaction per completion, each in a process of its own with a
fresh database; the figures are completions per second of wall-clock time spent in the
completions (CPU seconds of the engine's process beside them). Targets: Folio ≥ 3×
SpiffWorkflow and ≥ 10× viewflow. The default (30 cases, ~600 completions per engine)
takes about a minute on 2 cores; ``--cases`` scales it.

    .venv/bin/python bench/engine.py [--cases 50] [--seed 1]
    eval "$(bash .ci/postgres)"; .venv/bin/python bench/engine.py --pg   # adds PostgreSQL

Needs the ``bench`` extra: ``pip install -e '.[bench]'``.

Measured 2026-11-23 on the 2-core machine (30 cases, load 0.8-1.4; spiff and viewflow
move ±25 % between runs, so several runs give ranges):

    SQLite       Folio 1,129-1,248/s (0.80-0.89 ms, 6 statements a completion)
                 SpiffWorkflow, state written: 502-743/s   -> 1.7-2.5x  (target 3x)
                 SpiffWorkflow, state reloaded: 186-236/s  -> 4.7-6.1x
                 viewflow 140-209/s                        -> 5.9-8.8x  (target 10x)
                 a bare one-row transaction: 0.11-0.13 ms
    PostgreSQL   Folio 149/s (6.7 ms wall, 2.6 ms CPU), viewflow 69/s -> 2.2x (target 10x);
                 a one-row transaction there: 0.7 ms

Where a SQLite completion's ~0.8 ms goes: the commit ~0.25 ms (each of the ~11 pages
it dirtied, table and index pages of the task and two log entries, is one WAL frame),
6 statements ~0.18 ms, Django's transaction ~0.06 ms, the rules, two SHA-256 entries
and their JSON ~0.3 ms. On PostgreSQL every statement is a round trip to the server
and the commit waits for the disk.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from databases import fresh_postgres, postgres_server_url

BENCH = Path(__file__).resolve().parent
SPIFF_TARGET, VIEWFLOW_TARGET = 3.0, 10.0


def work(script: str, cases: int, seed: int, *extra: str) -> dict[str, object] | None:
    """Run one engine's worker; its figures, or None (and its error) when it failed."""
    command = [sys.executable, str(BENCH / script), "--cases", str(cases), "--seed", str(seed)]
    done = subprocess.run([*command, *extra], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(f"  {script} {' '.join(extra)} failed:\n{done.stderr.strip()[-2000:]}")
        return None
    figures: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def rate(figures: dict[str, object]) -> float:
    return float(figures["completions"]) / float(figures["seconds"])  # type: ignore[arg-type]


def cpu_rate(figures: dict[str, object]) -> float:
    return float(figures["completions"]) / float(figures["cpu_seconds"])  # type: ignore[arg-type]


def show(figures: dict[str, object]) -> None:
    seconds = float(figures["seconds"])  # type: ignore[arg-type]
    completions = int(figures["completions"])  # type: ignore[call-overload]
    cpu = float(figures.get("cpu_seconds", 0.0))  # type: ignore[arg-type]
    queries = float(figures["queries_per_completion"])  # type: ignore[arg-type]
    print(
        f"  {figures['engine']:<16} {figures['store']:<10} {rate(figures):>9.0f}/s"
        f" {seconds / completions * 1000:>8.2f} ms {cpu / completions * 1000:>8.2f} ms"
        f" {queries:>6.1f}   {figures['note']}"
    )


def ratio_line(
    name: str,
    folio: dict[str, object] | None,
    other: dict[str, object] | None,
    target: float | None = None,
) -> None:
    """Folio's rate over the other's, by wall clock (the verdict) and by CPU time."""
    if folio is None or other is None:
        return
    ratio = rate(folio) / rate(other)
    by_cpu = cpu_rate(folio) / cpu_rate(other)
    verdict = ""
    if target is not None:
        met = "met" if ratio >= target else f"NOT met, {target / ratio:.1f}× short"
        verdict = f"  target ≥ {target:.0f}×: {met}"
    print(f"  {name:<38} {ratio:6.2f}× (by CPU time {by_cpu:5.2f}×){verdict}")


def _floor(figures: dict[str, object] | None) -> dict[str, object] | None:
    floor = figures.get("floor") if figures is not None else None
    return floor if isinstance(floor, dict) else None


def report(runs: dict[str, dict[str, object] | None], postgres: bool) -> None:
    """Each run's figures, then Folio's ratios against the baselines."""
    print(
        f"  {'engine':<16} {'store':<10} {'compl.':>11} {'wall/c.':>11} {'cpu/c.':>11} queries/c."
    )
    for figures in runs.values():
        if figures is not None:
            show(figures)
            if isinstance(figures.get("floor"), dict):
                show(figures["floor"])  # type: ignore[arg-type]
    print("ratios (completions/s, same run):")
    folio, floor = runs["folio"], _floor(runs["folio"])
    ratio_line("folio / spiff (memory) [sqlite]", folio, runs["spiff memory"], SPIFF_TARGET)
    ratio_line("folio / spiff (reload) [sqlite]", folio, runs["spiff reload"])
    ratio_line("folio / viewflow [sqlite]", folio, runs["viewflow"], VIEWFLOW_TARGET)
    if folio is not None and floor is not None:
        share = 1 / rate(floor) / (1 / rate(folio))
        print(f"  a bare one-row transaction is {share:.0%} of Folio's time per completion")
    if postgres:
        ratio_line(
            "folio / viewflow [postgresql]", runs["folio pg"], runs["viewflow pg"], VIEWFLOW_TARGET
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=30, help="cases per engine (default 30)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--pg", nargs="?", const="", default=None, help="also PostgreSQL (URL or env)"
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    server = postgres_server_url(args.pg) if args.pg is not None else None
    print(f"engine workload: {args.cases} cases a run, seed {args.seed}, 20 activities, 5 roles")
    runs: dict[str, dict[str, object] | None] = {
        "folio": work("engine_folio.py", args.cases, args.seed),
        "spiff memory": work("engine_spiff.py", args.cases, args.seed, "--mode", "memory"),
        "spiff reload": work("engine_spiff.py", args.cases, args.seed, "--mode", "reload"),
        "viewflow": work("engine_viewflow.py", args.cases, args.seed),
    }
    if server is not None:
        folio_pg = fresh_postgres(server, "folio_bench_engine")
        runs["folio pg"] = work(
            "engine_folio.py", args.cases, args.seed, "--database-url", folio_pg
        )
        viewflow_pg = fresh_postgres(server, "folio_bench_viewflow")
        runs["viewflow pg"] = work(
            "engine_viewflow.py", args.cases, args.seed, "--database-url", viewflow_pg
        )
    report(runs, postgres=server is not None)
    print(f"took {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
