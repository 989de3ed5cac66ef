"""Folio's side of the engine benchmark, in its own process (``bench/engine.py`` runs it).

Imports the workload manual through the catalog (``import_manual_file``), opens the cases
with ``open_case`` and completes every task with ``complete_task``: one transaction per
completion, log entries included, as the task page does. Each completion is handed the
task the previous one opened (``complete_task`` returns it), as a person clicks the
task in their inbox; viewflow's side instead finds the waiting task of the process
inside its completion, one indexed query. Prints one JSON line of figures.

    .venv/bin/python bench/engine_folio.py --cases 100 [--database-url postgres://…]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import workload

#: Cases run before timing (imports, caches); their queries are counted.
WARM_UP = 5


def setup_django(database_url: str, var_dir: Path) -> None:
    os.environ["FOLIO_VAR"] = str(var_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "web.settings"
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
        os.environ["SQLITE_PATH"] = str(var_dir / "folio.sqlite3")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def build_world(var_dir: Path):  # type: ignore[no-untyped-def]
    """The office, one person per role, and the procedure imported as a manual."""
    from django.contrib.auth.models import User

    from web.accounts.models import Profile, Unit
    from web.catalog.actions import ensure_role, import_manual_file

    unit = Unit.objects.create(name="Dirección de Gobierno Electrónico", folio_prefix="DGE")
    people = {}
    for index, name in enumerate(workload.ROLES, start=1):
        user = User.objects.create_user(f"persona{index}", password=None)
        Profile.objects.create(user=user, unit=unit, position=name)
        ensure_role(name, unit).members.add(user)
        people[name] = user
    built = workload.build_procedure()
    source = var_dir / "manual-banco.txt"
    source.write_text(workload.manual_text(built), encoding="utf-8")
    version, _new = import_manual_file(source, unit=unit)
    procedure = version.procedures.get()
    if workload.flow_of(procedure.model()) != workload.flow_of(built):
        raise SystemExit("engine_folio: the imported procedure differs from the workload.")
    return procedure, people


@dataclass
class Played:
    open_seconds: float = 0.0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    completions: int = 0
    queries: int = 0


def play(procedure, people, paths, count_queries=False):  # type: ignore[no-untyped-def]
    """Open the cases, then complete their tasks round by round (``workload.rounds``)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from web.cases.actions import complete_task, open_case
    from web.cases.models import ACTIVE_TASK_STATES, Task

    played, opener = Played(), people[workload.ROLES[0]]
    start = time.perf_counter()
    opened = [open_case(procedure, opener, f"Solicitud {n}") for n in range(len(paths))]
    first = Task.objects.filter(case__in=opened, state__in=ACTIVE_TASK_STATES)
    waiting = {task.case_id: task for task in first}
    played.open_seconds = time.perf_counter() - start
    cpu = time.process_time()
    for case_index, completion in workload.rounds(paths):
        task = waiting.pop(opened[case_index].pk)
        with CaptureQueriesContext(connection) as captured:
            if not count_queries:
                connection.force_debug_cursor = False  # no recording while timed
            start = time.perf_counter()
            done = complete_task(task, people[completion.role], completion.choice)
            played.seconds += time.perf_counter() - start
        played.completions += 1
        played.queries += len(captured.captured_queries)
        if task.step_number != completion.step:
            raise SystemExit(f"engine_folio: {done.folio} waited at {task.step_number}")
        if done.next_task is not None:
            waiting[done.case_id] = done.next_task
    played.cpu_seconds = time.process_time() - cpu
    return played


def floor(count: int) -> Played:
    """What any engine pays per completion on this store, rules and rows aside: one
    transaction (Django's ``atomic``) that rewrites one row."""
    from django.db import connection, transaction

    played, cpu = Played(), time.process_time()
    for _ in range(count):
        start = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("UPDATE cases_loghead SET seq = seq WHERE id = 1")
        played.seconds += time.perf_counter() - start
        played.completions += 1
    played.cpu_seconds = time.process_time() - cpu
    return played


def run(cases: int, seed: int, database_url: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="folio-bench-") as tmp:
        setup_django(database_url, Path(tmp))
        from web.cases.log import verify_log

        procedure, people = build_world(Path(tmp))
        warm = play(procedure, people, workload.case_paths(WARM_UP, seed + 1), True)
        timed = play(procedure, people, workload.case_paths(cases, seed))
        checked = verify_log()
        least = floor(timed.completions)
        return {
            "engine": "folio",
            "store": "postgresql" if database_url else "sqlite",
            "cases": cases,
            "completions": timed.completions,
            "seconds": timed.seconds,
            "cpu_seconds": timed.cpu_seconds,
            "open_seconds": timed.open_seconds,
            "queries_per_completion": warm.queries / warm.completions,
            "note": f"log verified: {checked.ok}, {checked.checked} entries",
            "floor": {
                "engine": "1-row txn",
                "store": "postgresql" if database_url else "sqlite",
                "completions": least.completions,
                "seconds": least.seconds,
                "cpu_seconds": least.cpu_seconds,
                "queries_per_completion": 1,
                "note": "the least a write costs here: one row rewritten (see floor())",
            },
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", default="", help="PostgreSQL; SQLite when empty")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.cases, args.seed, args.database_url)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
