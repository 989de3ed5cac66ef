"""Folio's side of the engine benchmark, in its own process (``bench/engine.py`` runs it).

Imports the workload manual through the catalog (``import_manual_file``), opens the cases
with ``open_case`` and completes every task with ``complete_task``: one transaction per
completion, log entry included, as the task page does. Prints one JSON line of figures.

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
    played.open_seconds = time.perf_counter() - start
    cpu = time.process_time()
    for case_index, completion in workload.rounds(paths):
        case = opened[case_index]
        with CaptureQueriesContext(connection) as captured:
            if not count_queries:
                connection.force_debug_cursor = False  # no recording while timed
            start = time.perf_counter()
            task = Task.objects.get(case_id=case.pk, state__in=ACTIVE_TASK_STATES)
            complete_task(task, people[completion.role], completion.choice)
            played.seconds += time.perf_counter() - start
        played.completions += 1
        played.queries += len(captured.captured_queries)
        if task.step_number != completion.step:
            raise SystemExit(f"engine_folio: {case.folio} waits at {task.step_number}")
    played.cpu_seconds = time.process_time() - cpu
    return played


def floor(count: int) -> Played:
    """The least a completion with a chained log needs through the ORM, in one
    transaction each: read the task, update it, insert the next one, lock the log head,
    insert the entry, move the head (6 statements; Folio's rules and checks left out)."""
    from django.db import transaction
    from django.db.models import F
    from django.utils import timezone

    from web.cases.models import Event, EventKind, LogHead, Task, TaskState

    played, cpu = Played(), time.process_time()
    pks = list(Task.objects.order_by("pk").values_list("pk", flat=True)[:count])
    for pass_number, pk in enumerate(pks, start=1000):
        start = time.perf_counter()
        with transaction.atomic():
            task = Task.objects.select_related("case").get(pk=pk)
            Task.objects.filter(pk=pk).update(version=F("version") + 1)
            Task.objects.create(
                case_id=task.case_id, step_number="0", pass_number=pass_number, state=TaskState.DONE
            )
            head = LogHead.objects.select_for_update().get(pk=1)
            Event.objects.create(
                seq=head.seq + 1,
                kind=EventKind.TASK_COMPLETED,
                case_id=task.case_id,
                payload={"task": pk},
                created_at=timezone.now(),
                prev_hash=head.hash,
                hash=head.hash,
            )
            LogHead.objects.filter(pk=1).update(seq=F("seq") + 1)
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
        least = floor(timed.completions)  # after the check: its entries are not chained
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
                "engine": "orm floor",
                "store": "postgresql" if database_url else "sqlite",
                "completions": least.completions,
                "seconds": least.seconds,
                "cpu_seconds": least.cpu_seconds,
                "queries_per_completion": 6,
                "note": "6 ORM statements a transaction, no rules (see floor())",
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
