"""django-viewflow's side of the engine benchmark, in its own process with its own
settings (``bench/viewflow_bench/settings.py``) and database.

Cases start through the flow's ``StartHandle``; each completion does what viewflow's task
view does on POST, in one transaction under the flow's lock: load the waiting task,
check the person may take it, assign, start, write the choice into ``process.data`` and
``execute()`` (which runs the gateway and creates the next task).

    .venv/bin/python bench/engine_viewflow.py --cases 100 [--database-url postgres://…]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import workload


def setup_django(database_url: str) -> None:
    os.environ["BENCH_DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "viewflow_bench.settings"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def build_people():  # type: ignore[no-untyped-def]
    """One person per role; the role is a group holding the role's permission."""
    from django.contrib.auth.models import Group, Permission, User
    from django.contrib.contenttypes.models import ContentType
    from viewflow.workflow.models import Process
    from viewflow_bench.flows import PERMISSIONS

    content_type = ContentType.objects.get_for_model(Process)
    people = {}
    for index, role in enumerate(workload.ROLES, start=1):
        permission = Permission.objects.create(
            codename=PERMISSIONS[role], name=role[:255], content_type=content_type
        )
        group = Group.objects.create(name=role[:150])
        group.permissions.add(permission)
        user = User.objects.create_user(f"persona{index}", password=None)
        user.groups.add(group)
        people[role] = user
    return people


def complete(process_pk: int, user, completion: workload.Completion) -> None:  # type: ignore[no-untyped-def]
    from django.db import transaction
    from viewflow.workflow.status import STATUS
    from viewflow_bench.flows import WorkloadFlow

    with WorkloadFlow.lock(process_pk), transaction.atomic():
        task_class = WorkloadFlow.task_class
        waiting = task_class.objects.filter(process_id=process_pk, status=STATUS.NEW)
        task = waiting.select_related("process").get()
        node = task.flow_task
        if node.name != f"step_{completion.step}":
            raise SystemExit(f"engine_viewflow: expected {completion.step}, found {node.name}")
        activation = node.activation_class(task)
        if not node.can_assign(user, task):
            raise SystemExit(f"engine_viewflow: {user} may not take {node.name}")
        activation.assign(user)
        activation.start(None)
        if completion.choice is not None:
            activation.process.data["choice"] = completion.choice
            activation.process.save(update_fields=["data"])
        activation.execute()


def run(cases: int, seed: int, database_url: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="viewflow-bench-") as tmp:
        setup_django(database_url or str(Path(tmp) / "viewflow.sqlite3"))
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        from viewflow.workflow.status import PROCESS
        from viewflow_bench.flows import WorkloadFlow

        people = build_people()

        def play(paths, count_queries=False):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            pks = [WorkloadFlow.start.run().pk for _ in paths]
            open_seconds, busy, queries = time.perf_counter() - start, 0.0, 0
            cpu, order = time.process_time(), workload.rounds(paths)
            for case, completion in order:
                with CaptureQueriesContext(connection) as captured:
                    connection.force_debug_cursor = count_queries
                    start = time.perf_counter()
                    complete(pks[case], people[completion.role], completion)
                    busy += time.perf_counter() - start
                queries += len(captured.captured_queries)
            cpu = time.process_time() - cpu
            ended = WorkloadFlow.process_class.objects.filter(pk__in=pks, status=PROCESS.DONE)
            return open_seconds, busy, cpu, len(order), queries, ended.count()

        warm = play(workload.case_paths(5, seed + 1), True)
        open_seconds, busy, cpu, count, _queries, ended = play(workload.case_paths(cases, seed))
        return {
            "engine": "viewflow",
            "store": "postgresql" if database_url else "sqlite",
            "cases": cases,
            "completions": count,
            "seconds": busy,
            "cpu_seconds": cpu,
            "open_seconds": open_seconds,
            "queries_per_completion": warm[4] / warm[3],
            "note": f"{ended}/{cases} processes done",
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
