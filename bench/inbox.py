"""Inbox benchmark: a role's inbox (first page and count) among 1,000,000 cases.

Fills a fresh database in bulk (``bench/inbox_fill.py``: 30 offices, 150 roles, 5 % of
the cases open with an active task, each case keeping its last ``--history`` completed
tasks), then, for a person holding the busiest role and one holding the quietest:

- SQL: each query of the inbox run ``--runs`` times straight on the connection (p50 and
  p95, ms), with ``EXPLAIN`` of the main ones. Target ≤ 5 ms for the first page of the
  role's queue plus its count (sum of p95s);
- HTTP: pages fetched from gunicorn on 127.0.0.1 with a signed-in session (p50 and p95,
  ms, with the SQL statements each ran): the app's own inbox (``cases:inbox``) and its
  count, and two bench pages (``inbox_site``) with the same inbox paginated by
  ``inbox_queries``: rows by the app's ``task_view``, or decided once per page
  (``inbox_site/rows.py``). Target ≤ 100 ms;
- then the indexes of ``inbox_queries.PROPOSED_INDEXES`` are added to this database
  (never to the app) and everything is measured again.

Filling 1,000,000 cases (3.06 M tasks) took 514 s on SQLite and 427 s on PostgreSQL on
2 shared cores (~2,000 cases/s); ``--data DIR`` keeps the SQLite file (the PostgreSQL
database is kept anyway) and a later run with the same ``--cases`` reuses it.

    .venv/bin/python bench/inbox.py [--cases 1000000] [--data var/bench]
    eval "$(bash .ci/postgres)"; .venv/bin/python bench/inbox.py --pg
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from databases import fresh_postgres, postgres_server_url

SQL_TARGET_MS, HTTP_TARGET_MS = 5.0, 100.0


def configure(args: argparse.Namespace, data: Path) -> dict[str, str]:
    """Point Folio's settings at the bench database; the environment for gunicorn."""
    env = {"FOLIO_VAR": str(data), "DJANGO_SETTINGS_MODULE": "inbox_site.settings"}
    if args.pg is not None:
        name = f"folio_bench_inbox_{args.cases}"
        server = postgres_server_url(args.pg)
        reused = _reuse_postgres(server, name, args.cases)
        env["DATABASE_URL"] = reused or fresh_postgres(server, name)
    else:
        env["SQLITE_PATH"] = str(data / f"inbox-{args.cases}.sqlite3")
        os.environ.pop("DATABASE_URL", None)
    os.environ.update(env)
    import django

    django.setup()
    return env


def _reuse_postgres(server: str, name: str, cases: int) -> str:
    """The database's URL when it already holds ``cases`` cases; "" otherwise."""
    import psycopg

    url = server.rsplit("/", 1)[0] + f"/{name}"
    try:
        with psycopg.connect(url) as conn:
            (count,) = conn.execute("SELECT count(*) FROM cases_case").fetchone() or (0,)
    except psycopg.Error:
        return ""
    return url if count == cases else ""


def fill(args: argparse.Namespace) -> None:
    """Migrate and fill, unless the database already holds ``--cases`` cases."""
    import inbox_fill
    from django.core.management import call_command

    from web.cases.models import Case, Task

    call_command("migrate", verbosity=0)
    if Case.objects.count() == args.cases:
        print(f"reusing the filled database ({args.cases:,} cases)")
        return
    if Case.objects.exists():
        raise SystemExit("the database holds other cases: remove it or use another --data")
    start = time.perf_counter()
    world = inbox_fill.build_world()
    cases, tasks = inbox_fill.fill_cases(world, args.cases, args.history, args.seed, print)
    inbox_fill.finish([Case, Task])
    took = time.perf_counter() - start
    print(
        f"filled {cases:,} cases and {tasks:,} tasks in {took:.0f} s ({cases / took:,.0f} cases/s)"
    )


def pick_people() -> dict[str, tuple[Any, int]]:
    """The second holder (the one who also claimed some) of the busiest and the quietest
    role, with the number of open tasks waiting for that role."""
    from django.contrib.auth.models import User
    from django.db.models import Count

    from web.cases.models import Task

    waiting = (
        Task.objects.filter(state="open")
        .values("role_id")
        .annotate(n=Count("pk"))
        .order_by("-n", "role_id")
    )
    rows = list(waiting)
    people = {}
    for label, row in (("busiest role", rows[0]), ("quietest role", rows[-1])):
        user = User.objects.filter(folio_roles=row["role_id"]).order_by("username").last()
        people[label] = (user, row["n"])
    return people


def recorded(call: Callable[[], object]) -> list[tuple[str, Any]]:
    """The SQL statements ``call`` runs (as sent, with parameters)."""
    from django.db import connection

    statements: list[tuple[str, Any]] = []

    def record(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        call()
    return statements


def percentiles(samples: list[float]) -> tuple[float, float]:
    if len(samples) < 2:
        return samples[0], samples[0]
    cuts = statistics.quantiles(samples, n=20, method="inclusive")
    return statistics.median(samples), cuts[18]


def time_sql(statements: list[tuple[str, Any]], runs: int, budget: float) -> list[float]:
    """Run the statements ``runs`` times (fewer past ``budget`` s); ms per run."""
    from django.db import connection

    samples: list[float] = []
    began = time.perf_counter()
    with connection.cursor() as cursor:
        while len(samples) < runs and (len(samples) < 3 or time.perf_counter() - began < budget):
            start = time.perf_counter()
            for sql, params in statements:
                cursor.execute(sql, params)
                cursor.fetchall()
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def explain(sql: str, params: Any) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return "\n".join(f"      {row[3]}" for row in cursor.fetchall())
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {sql}", params)
        return "\n".join(f"      {row[0]}" for row in cursor.fetchall())


def measure_sql(user: Any, args: argparse.Namespace, show_plans: bool) -> None:
    import inbox_queries as q

    ids = q.role_ids(user)
    page = q.PAGE
    queries: dict[str, Callable[[], object]] = {
        "app get_tasks_for_user: page": lambda: list(q.app_inbox(user)[:page]),
        "app get_tasks_for_user: count": lambda: q.app_inbox(user).count(),
        "role ids of the person": lambda: q.role_ids(user),
        "role queue, by case due date: page": lambda: list(q.role_queue(ids, "case")[:page]),
        "role queue: page": lambda: list(q.role_queue(ids)[:page]),
        "role queue: count": lambda: q.role_queue_count(ids),
        "held by the person: page": lambda: list(q.held_tasks(user)[:page]),
        "held by the person: count": lambda: q.held_count(user),
    }
    #: The brief's query: the first page of a role's inbox and its count.
    target = {"role queue: page", "role queue: count"}
    worst = held = 0.0
    for label, call in queries.items():
        statements = recorded(call)
        p50, p95 = percentiles(time_sql(statements, args.runs, args.sql_budget))
        print(f"    {label:<36} p50 {p50:8.2f} ms  p95 {p95:8.2f} ms")
        worst += p95 if label in target else 0.0
        held += p95 if label.startswith(("held", "role ids")) else 0.0
        if show_plans and label in args.plans:
            print(explain(*statements[-1]))
    verdict = "met" if worst <= SQL_TARGET_MS else f"NOT met ({worst / SQL_TARGET_MS:.1f}× over)"
    print(f"    role queue page + count, sum of p95: {worst:.2f} ms: target {verdict}")
    print(f"    with role ids and held page + count: {worst + held:.2f} ms")


def drop_indexes() -> None:
    """Remove the proposed indexes a reused database may still have."""
    import inbox_queries
    from django.db import connection

    with connection.cursor() as cursor:
        for index in inbox_queries.PROPOSED_INDEXES:
            cursor.execute(f'DROP INDEX IF EXISTS "{index.name}"')


def add_indexes() -> None:
    import inbox_queries
    from django.db import connection

    from web.cases.models import Task

    start = time.perf_counter()
    with connection.schema_editor() as editor:
        for index in inbox_queries.PROPOSED_INDEXES:
            editor.add_index(Task, index)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"added {', '.join(i.name for i in inbox_queries.PROPOSED_INDEXES)} in "
        f"{time.perf_counter() - start:.0f} s"
    )


class Server:
    """Folio (plus the bench page) under gunicorn on 127.0.0.1, one sync worker."""

    def __init__(self, env: dict[str, str]) -> None:
        import socket
        import subprocess

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        bench, root = Path(__file__).resolve().parent, Path(__file__).resolve().parent.parent
        environ = {**os.environ, **env, "PYTHONPATH": f"{bench}{os.pathsep}{root}"}
        command = [sys.executable, "-m", "gunicorn", "web.wsgi:application", "--workers", "1"]
        command += ["--bind", f"127.0.0.1:{self.port}", "--timeout", "600"]
        self.process = subprocess.Popen(command, cwd=root, env=environ, stderr=subprocess.DEVNULL)
        for _ in range(120):  # up to 60 s to start
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.5)
        raise SystemExit("gunicorn did not start")

    def get(self, path: str, cookie: str, timeout: float) -> tuple[int, float, str]:
        """(status, ms, what the page says: its SQL statements and inbox count)."""
        import http.client

        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        start = time.perf_counter()
        conn.request("GET", path, headers={"Cookie": cookie, "Host": "127.0.0.1"})
        response = conn.getresponse()
        response.read()
        took = (time.perf_counter() - start) * 1000
        conn.close()
        said = f"{response.getheader('X-Queries')} queries"
        if response.getheader("X-Inbox-Count"):
            said += f", count {response.getheader('X-Inbox-Count')}"
        return response.status, took, said

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def session_cookie(user: Any) -> str:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def measure_http(
    server: Server, cookie: str, pages: dict[str, str], args: argparse.Namespace
) -> None:
    """Each page once to warm up, then up to ``--requests`` times within ``--http-budget``."""
    for label, path in pages.items():
        status, first, said = server.get(path, cookie, args.http_budget)
        if status != 200:
            print(f"    {label:<36} HTTP {status}: not measured")
            continue
        samples: list[float] = []
        began = time.perf_counter()
        while len(samples) < args.requests and time.perf_counter() - began < args.http_budget:
            samples.append(server.get(path, cookie, args.http_budget)[1])
        p50, p95 = percentiles(samples or [first])
        verdict = "met" if p95 <= HTTP_TARGET_MS else "NOT met"
        print(
            f"    {label:<36} p50 {p50:8.1f} ms  p95 {p95:8.1f} ms  first {first:8.1f} ms"
            f"  n={len(samples)}  target ≤ {HTTP_TARGET_MS:.0f} ms: {verdict} ({said})"
        )


def measure(
    people: dict[str, tuple[Any, int]],
    server: Server,
    args: argparse.Namespace,
    pages: dict[str, str],
    with_plans: bool,
) -> None:
    for label, (user, waiting) in people.items():
        print(f"  {label}: {user.username}, {waiting:,} open tasks wait for the role")
        measure_sql(user, args, with_plans and label == "busiest role")
        measure_http(server, session_cookie(user), pages, args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--history", type=int, default=3, help="completed tasks kept a case")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pg", nargs="?", const="", default=None, help="PostgreSQL (URL or env)")
    parser.add_argument("--data", type=Path, help="keep the database here and reuse it")
    parser.add_argument("--runs", type=int, default=50, help="SQL runs a query")
    parser.add_argument("--sql-budget", type=float, default=10.0, help="s a query at most")
    parser.add_argument("--requests", type=int, default=30, help="HTTP requests a page")
    parser.add_argument("--http-budget", type=float, default=60.0, help="s a page at most")
    args = parser.parse_args(argv)
    args.plans = {
        "app get_tasks_for_user: page",
        "role queue: page",
        "role queue: count",
        "held by the person: page",
        "held by the person: count",
    }
    with tempfile.TemporaryDirectory(prefix="folio-inbox-") as tmp:
        data = args.data.resolve() if args.data else Path(tmp)
        data.mkdir(parents=True, exist_ok=True)
        env = configure(args, data)
        fill(args)
        from django.urls import reverse

        pages = {
            "app inbox page (cases:inbox)": reverse("cases:inbox"),
            "app inbox count (cases:inbox-count)": reverse("cases:inbox-count"),
            "paginated page, task_view rows": reverse("bench-inbox-page"),
            "paginated page, rows per page": reverse("bench-inbox-batched"),
        }
        people = pick_people()
        drop_indexes()
        server = Server(env)
        try:
            print("without the proposed indexes:")
            measure(people, server, args, pages, True)
            add_indexes()
            print("with the proposed indexes:")
            measure(people, server, args, pages, True)
        finally:
            server.stop()
            if args.data is None and args.pg is not None:
                from django.db import connection

                connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
