"""The indicators at scale: a month's figures for the whole municipality from the kept
figures (``web/indicators/rollup``) against the same figures computed from the cases.

Fills a fresh database with ``--cases`` cases in bulk (``bench/inbox_fill.py``: 30
offices, five years of cases, 5 % open, tasks included; no actions, so no log), builds
the kept figures from the case rows (``folio report rebuild``'s path), then measures:

- the supervisor dashboard of February 2026 for the whole municipality, as the auditor
  reads it: HTTP time through Django's test client (median of ``--runs``), and the SQL
  time of those requests (the sum of their queries' times, median);
- the month's figures the monthly report reads (``measure_cases`` for every unit);
- beside each, the naive computation (the same figures from the cases,
  ``measure_cases_from_cases`` and a trend counted from the cases month by month), and
  the ratio naive ÷ kept.

SQLite in a temporary folder by default; PostgreSQL with ``--pg`` (a URL, or
``FOLIO_BENCH_DATABASE_URL`` / ``FOLIO_TEST_DATABASE_URL``, e.g. after
``eval "$(bash .ci/postgres)"``). Not part of the test suite.

    nice .venv/bin/python bench/indicators.py [--cases 1000000] [--pg [URL]]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

TARGET_HTTP_MS, TARGET_SQL_MS = 300.0, 100.0
MONTH = date(2026, 2, 1)
URL = "/indicadores/tablero/?month=2026-02"


def configure(args: argparse.Namespace, data: Path) -> str:
    os.environ["FOLIO_VAR"] = str(data)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "web.settings")
    if args.pg is not None:
        from databases import fresh_postgres, postgres_server_url

        server = args.pg or os.environ.get("FOLIO_BENCH_DATABASE_URL", "")
        server = postgres_server_url(server or None)
        os.environ["DATABASE_URL"] = fresh_postgres(server, f"folio_bench_indicators_{args.cases}")
        label = "postgresql"
    else:
        os.environ.pop("DATABASE_URL", None)
        os.environ["SQLITE_PATH"] = str(data / "indicators.sqlite3")
        label = "sqlite"
    import django

    django.setup()
    return label


def fill(args: argparse.Namespace) -> None:
    import inbox_fill
    from django.core.management import call_command

    from web.cases.models import Case, Task

    call_command("migrate", verbosity=0)
    if Case.objects.count() == args.cases:
        print(f"reusing the filled database ({args.cases:,} cases)")
        return
    start = time.perf_counter()
    world = inbox_fill.build_world()
    cases, tasks = inbox_fill.fill_cases(world, args.cases, 1, args.seed, lambda _line: None)
    inbox_fill.finish([Case, Task, Task.other_roles.through])
    print(f"filled {cases:,} cases, {tasks:,} tasks in {time.perf_counter() - start:.0f} s")
    from web.indicators.rollup.write import rebuild

    start = time.perf_counter()
    rebuild()
    took = time.perf_counter() - start
    inbox_fill.finish([])  # statistics for the new rows too (PostgreSQL)
    from web.indicators.models import DayFigures, MonthFigures

    rows = DayFigures.objects.count(), MonthFigures.objects.count()
    print(f"kept figures built in {took:.0f} s: {rows[0]:,} day rows, {rows[1]:,} month rows")


def auditor() -> Any:
    from django.contrib.auth.models import User

    from web.accounts.models import Profile, Unit

    found = User.objects.filter(username="auditora").first()
    if found is not None:
        return found
    user = User.objects.create_user("auditora", password=None)
    Profile.objects.create(user=user, unit=Unit.objects.order_by("pk").first(), is_auditor=True)
    return user


def timed(call: Callable[[], object], runs: int, warm: bool = True) -> tuple[float, float]:
    """Median wall time and median SQL time (the sum of the queries' times), in ms."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if warm:  # parsed procedures, the calendar's holidays, prepared statements
        call()
    walls, sqls = [], []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        walls.append((time.perf_counter() - start) * 1000)
    for _ in range(runs):
        with CaptureQueriesContext(connection) as seen:
            call()
        sqls.append(sum(float(q["time"]) for q in seen.captured_queries) * 1000)
    return statistics.median(walls), statistics.median(sqls)


def slowest(call: Callable[[], object]) -> None:
    """The queries of one call, slowest first."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as seen:
        call()
    for query in sorted(seen.captured_queries, key=lambda q: -float(q["time"]))[:8]:
        print(f"{float(query['time']) * 1000:8.1f} ms  {query['sql'][:300]}")


def naive_trend(scope: Any, month: date, today: date, now: Any) -> list[Any]:
    """The dashboard's trend counted from the cases, month by month (the baseline)."""
    from folio.calendar import add_months
    from folio.measures import Period
    from web.indicators.dashboard import TrendMonth
    from web.indicators.measures import measure_cases_from_cases

    months = []
    for back in range(11, -1, -1):
        first = add_months(month, -back)
        m = measure_cases_from_cases(scope, Period.of("month", first), today)
        months.append(TrendMonth(first, m.received, m.completed, m.overdue))
    return months


def measure(args: argparse.Namespace) -> list[tuple[str, str, float, float]]:
    from django.test import Client

    import web.indicators.dashboard as board
    from folio.measures import Period
    from web.accounts.models import Unit
    from web.indicators.measures import measure_cases, measure_cases_from_cases
    from web.indicators.scope import Scope

    client = Client()
    client.force_login(auditor())

    def page() -> None:
        response = client.get(URL)
        assert response.status_code == 200, response.status_code

    http, sql = timed(page, args.runs)
    if args.show_queries:
        slowest(page)
    kept_measure, kept_trend = board.measure_cases, board.trend
    board.measure_cases, board.trend = measure_cases_from_cases, naive_trend  # type: ignore[assignment]
    try:
        naive_http, naive_sql = timed(page, args.naive_runs, warm=False)
    finally:
        board.measure_cases, board.trend = kept_measure, kept_trend  # type: ignore[assignment]
    period, today = Period.of("month", MONTH), date(2026, 3, 2)
    units = list(Unit.objects.order_by("pk"))

    def whole(compute: Callable[..., object]) -> Callable[[], None]:
        return lambda: compute(Scope(), period, today) and None

    def each(compute: Callable[..., object]) -> Callable[[], None]:
        return lambda: [compute(Scope(unit=u), period, today) for u in units] and None

    figures, figures_sql = timed(whole(measure_cases), args.runs)
    naive_figures, naive_figures_sql = timed(
        whole(measure_cases_from_cases), args.naive_runs, warm=False
    )
    per_unit, per_unit_sql = timed(each(measure_cases), args.runs)
    naive_unit, naive_unit_sql = timed(each(measure_cases_from_cases), args.naive_runs, warm=False)
    every = f"month figures of each of the {len(units)} units (report)"
    return [
        ("dashboard HTTP, median", f"≤ {TARGET_HTTP_MS:.0f} ms", http, naive_http),
        ("dashboard SQL, median", f"≤ {TARGET_SQL_MS:.0f} ms", sql, naive_sql),
        ("month figures, whole municipality", f"≤ {TARGET_SQL_MS:.0f} ms", figures, naive_figures),
        (
            "month figures, whole municipality, SQL",
            f"≤ {TARGET_SQL_MS:.0f} ms",
            figures_sql,
            naive_figures_sql,
        ),
        (every, "—", per_unit, naive_unit),
        (every + ", SQL", "—", per_unit_sql, naive_unit_sql),
    ]


def print_table(label: str, cases: int, rows: list[tuple[str, str, float, float]]) -> None:
    print(f"\n{label}, {cases:,} cases")
    head = f"{'figure':<58} {'target':>9} {'measured':>10} {'naive':>11} {'ratio':>7}"
    print(head)
    print("-" * len(head))
    for name, target, kept, naive in rows:
        ratio = naive / kept if kept else float("inf")
        print(f"{name:<58} {target:>9} {kept:>7.1f} ms {naive:>8.1f} ms {ratio:>6.0f}×")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each kept figure")
    parser.add_argument("--naive-runs", type=int, default=3, help="timed runs of the baseline")
    parser.add_argument("--show-queries", action="store_true", help="the dashboard's slowest")
    parser.add_argument("--data", type=Path, help="keep the SQLite database here and reuse it")
    parser.add_argument("--pg", nargs="?", const="", default=None, help="PostgreSQL (URL or env)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    with tempfile.TemporaryDirectory(prefix="folio-bench-indicators-") as tmp:
        label = configure(args, args.data or Path(tmp))
        fill(args)
        print_table(label, args.cases, measure(args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
