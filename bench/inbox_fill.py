"""Filling Folio's database with a municipality's worth of cases, in bulk.

30 offices (6 direcciones with 4 departamentos each), each running its own copy of the
workload procedure (``bench/workload.py``) with five roles of its own (150 roles, two
people each), imported through the catalog. Cases spread over the offices with a
Zipf-like skew (the busiest office gets a quarter of them); 90 % ended, 4 % cancelled,
1 % blocked, 5 % open. An open case waits at a random activity with one active task of
that activity's role (80 % open, 20 % claimed by one of the role's two people); every
case keeps its last ``history`` completed tasks. The log (``Event``) stays empty: no
inbox query reads it.

Two activities stand for the inbox's other sources: activity 1 is the requesting
dependencia's (``EXTERNAL``, one external role for the whole municipality: its open
tasks are recorded by the staff of the case's office), and activity 19 is "Director/a
… o Coordinador/a …" (``SHARED_AT``: the Coordinador/a is in ``Task.other_roles`` of
each of its waiting tasks, open or claimed, and of no other: Folio forgets a task's
other roles once it is done or cancelled).

Rows go in through the database's own bulk path: ``executemany`` on SQLite, ``COPY``
on PostgreSQL, with explicit ids, in chunks.

``FILL_VERSION`` names what a fill holds: ``bench/inbox.py`` keeps it in the name of the
database it reuses, so a database filled by an earlier version is never read as this
one's.
"""

from __future__ import annotations

import random
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import workload

from folio.manuals.model import Procedure

NOW = datetime(2026, 3, 2, 18, 0)  # naive UTC: every run fills the same rows
OFFICES = [(d, k) for d in range(1, 7) for k in range(5)]  # k = 0: the dirección itself
UNDATED = 0.1
STATES = (("ended", 0.90), ("cancelled", 0.04), ("blocked", 0.01), ("open", 0.05))
CHUNK = 20_000
EXTERNAL, EXTERNAL_AT = "Titular de la Dependencia solicitante", "1"
#: The activity two roles share, and the index in ``workload.ROLES`` of the second one.
SHARED_AT, SHARED_WITH = "19", 2
#: Raised whenever the rows a fill writes change (2: ``Task.other_roles`` of waiting
#: tasks only).
FILL_VERSION = 2
#: The task states that keep their ``Task.other_roles`` rows.
WAITING = ("open", "claimed")


@dataclass
class World:
    units: list[Any] = field(default_factory=list)
    procedures: list[int] = field(default_factory=list)
    #: Per office, the role ids in ``workload.ROLES`` order.
    roles: list[list[int]] = field(default_factory=list)
    #: Role id → the ids of the two people who hold it.
    members: dict[int, list[int]] = field(default_factory=dict)
    #: Role id → how many open (unclaimed) tasks wait for it.
    open_tasks: Counter[int] = field(default_factory=Counter)
    #: The external role of activity ``EXTERNAL_AT``.
    external: int = 0


def office_name(d: int, k: int) -> str:
    return f"Dirección {d}" if k == 0 else f"Departamento {d}.{k}"


def build_world() -> World:
    """Offices, roles, people and one imported manual per office (a few seconds)."""
    from django.contrib.auth.models import User

    from web.accounts.models import Profile, Unit
    from web.catalog.actions import import_manual_file
    from web.catalog.models import Role

    world, parents = World(), {}
    root = Unit.objects.create(name="Presidencia Municipal", folio_prefix="PM")
    with tempfile.TemporaryDirectory(prefix="folio-inbox-") as tmp:
        for d, k in OFFICES:
            parent = root if k == 0 else parents[d]
            unit = Unit.objects.create(
                name=office_name(d, k), parent=parent, folio_prefix=f"D{d}" + (f"K{k}" if k else "")
            )
            parents.setdefault(d, unit)
            names = tuple(f"{role} de la {unit.name}" for role in workload.ROLES)
            source = Path(tmp) / f"manual-{d}-{k}.txt"
            text = workload.manual_text(_with_other_sources(names), f"la {unit.name}")
            source.write_text(text.replace("BANCO/MP/DGE/001", f"BANCO/MP/{d}/{k}"))
            version, _new = import_manual_file(source, unit=unit)
            world.units.append(unit)
            world.procedures.append(version.procedures.get().pk)
            world.roles.append([Role.objects.get(name=name).pk for name in names])
    world.external = Role.objects.get(name=EXTERNAL, is_external=True).pk
    for office, role_ids in enumerate(world.roles):
        for role_id in role_ids:
            people = [User.objects.create_user(f"p{role_id}-{n}", password=None) for n in range(2)]
            for person in people:
                Profile.objects.create(user=person, unit=world.units[office])
            Role.objects.get(pk=role_id).members.add(*people)
            world.members[role_id] = [p.pk for p in people]
    return world


def _with_other_sources(names: tuple[str, ...]) -> Procedure:
    """The workload with an external first activity and a shared one (see above)."""
    procedure = workload.build_procedure(names)
    shared = f"{names[workload.STEP_ROLES[int(SHARED_AT) - 1]]} o {names[SHARED_WITH]}"
    responsible = {EXTERNAL_AT: (EXTERNAL,), SHARED_AT: (shared,)}
    steps = tuple(
        replace(s, responsible=responsible.get(s.number, s.responsible)) for s in procedure.steps
    )
    return replace(procedure, steps=steps)


class BulkWriter:
    """Rows of one model, written ``CHUNK`` at a time in the database's bulk way."""

    def __init__(self, model: Any, columns: list[str]) -> None:
        from django.db import connection

        self.connection, self.rows = connection, []
        self.sqlite = connection.vendor == "sqlite"
        self.table = model._meta.db_table
        by_name = {f.attname: f for f in model._meta.concrete_fields}
        self.defaults = [
            (f.column, f.get_default())
            for f in model._meta.concrete_fields
            if f.attname not in columns
        ]
        self.columns = [by_name[name].column for name in columns] + [c for c, _ in self.defaults]
        self.extra = tuple(self.value(v) for _, v in self.defaults)
        self.written = 0

    def value(self, value: Any) -> Any:
        """SQLite gets Django's text forms; PostgreSQL gets the Python values."""
        if isinstance(value, datetime):
            return str(value) if self.sqlite else value.replace(tzinfo=UTC)
        if isinstance(value, date):
            return value.isoformat() if self.sqlite else value
        return value

    def add(self, *values: Any) -> None:
        self.rows.append(tuple(self.value(v) for v in values) + self.extra)
        if len(self.rows) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        names = ", ".join(f'"{c}"' for c in self.columns)
        with self.connection.cursor() as cursor:
            if self.sqlite:
                marks = ", ".join("?" for _ in self.columns)
                sql = f'INSERT INTO "{self.table}" ({names}) VALUES ({marks})'
                cursor.cursor.executemany(sql, self.rows)
            else:
                with cursor.cursor.copy(f'COPY "{self.table}" ({names}) FROM STDIN') as copy:
                    for row in self.rows:
                        copy.write_row(row)
        self.written += len(self.rows)
        self.rows = []


CASE_COLUMNS = [
    "id",
    "folio",
    "procedure_id",
    "unit_id",
    "subject",
    "state",
    "started_at",
    "started_by_id",
    "due_date",
    "ended_at",
]
TASK_COLUMNS = [
    "id",
    "case_id",
    "step_number",
    "role_id",
    "assignee_id",
    "state",
    "created_at",
    "completed_at",
    "completed_by_id",
    "choice",
    "pass_number",
    "due_date",
]


def fill_cases(world: World, cases: int, history: int, seed: int, report: Callable[[str], None]):  # type: ignore[no-untyped-def]
    """Insert ``cases`` cases with their tasks in one transaction; (cases, tasks)."""
    from django.db import transaction

    from web.cases.models import Case, FolioCounter, Task

    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(OFFICES))]
    offices = rng.choices(range(len(OFFICES)), weights=weights, k=cases)
    counters: Counter[tuple[int, int]] = Counter()
    case_rows, task_rows = BulkWriter(Case, CASE_COLUMNS), BulkWriter(Task, TASK_COLUMNS)
    shared_rows = BulkWriter(Task.other_roles.through, ["id", "task_id", "role_id"])
    task_id = shared_id = 0
    with transaction.atomic():
        for case_id, office in enumerate(offices, start=1):
            state = _state(rng.random())
            recent = state in ("open", "blocked")
            started = NOW - timedelta(minutes=rng.randrange((90 if recent else 1825) * 1440))
            unit, roles = world.units[office], world.roles[office]
            counters[(office, started.year)] += 1
            folio = f"{unit.folio_prefix}-{started.year}-{counters[(office, started.year)]:06d}"
            ended = None if recent else started + timedelta(days=rng.randint(3, 60))
            # One case in ten has no due date, as a "Variable" procedure's cases.
            due = None if rng.random() < UNDATED else (started + timedelta(days=21)).date()
            opener = world.members[roles[0]][0]
            case_rows.add(
                case_id,
                folio,
                world.procedures[office],
                unit.pk,
                f"Solicitud {case_id}",
                state,
                started,
                opener,
                due,
                ended,
            )
            for row in _tasks(rng, world, roles, state, started, history):
                task_id += 1
                task_rows.add(task_id, case_id, *row, due)
                if row[0] == SHARED_AT and row[3] in WAITING:
                    shared_id += 1
                    shared_rows.add(shared_id, task_id, roles[SHARED_WITH])
            if case_id % 100_000 == 0:
                report(f"  {case_id:,} cases, {task_rows.written + len(task_rows.rows):,} tasks")
        case_rows.flush()
        task_rows.flush()
        shared_rows.flush()
        for (office, year), last in counters.items():
            FolioCounter.objects.create(unit=world.units[office], year=year, last=last)
    return case_rows.written, task_rows.written


def _state(draw: float) -> str:
    for state, share in STATES:
        if draw < share:
            return state
        draw -= share
    return STATES[-1][0]


def _tasks(  # type: ignore[no-untyped-def]
    rng: random.Random, world: World, roles: list[int], state: str, started: datetime, keep: int
) -> Iterator[tuple]:
    """The case's last ``keep`` completed tasks, then its active one if open."""
    path = workload.case_path(rng)
    if state in ("open", "blocked", "cancelled"):
        path = path[: rng.randint(1, len(path))]
    done, current = (path, None) if state == "ended" else (path[:-1], path[-1])
    if state == "blocked":
        done, current = path, None
    passes: Counter[str] = Counter(c.step for c in done[: len(done) - keep])
    moment = started
    for completion in done[len(done) - keep :] if keep else []:
        passes[completion.step] += 1
        role = roles[workload.ROLES.index(completion.role)]
        moment += timedelta(hours=rng.randint(1, 30))
        who = world.members[role][rng.randrange(2)]
        held = who if rng.random() < 0.3 else None  # claimed before completing
        choice = completion.choice or ""
        yield (
            completion.step,
            _task_role(world, completion.step, role),
            held,
            "done",
            moment,
            moment,
            who,
            choice,
            passes[completion.step],
        )
    if current is None:
        return
    passes[current.step] += 1
    role = roles[workload.ROLES.index(current.role)]
    moment += timedelta(hours=rng.randint(1, 30))
    task_state, holder = "open", None
    if state == "cancelled":
        task_state = "cancelled"
    elif rng.random() < 0.2:
        task_state, holder = "claimed", world.members[role][1]
    role = _task_role(world, current.step, role)
    if task_state == "open":
        world.open_tasks[role] += 1
    yield current.step, role, holder, task_state, moment, None, None, "", passes[current.step]


def _task_role(world: World, step: str, role: int) -> int:
    """The task's role: the external one at ``EXTERNAL_AT`` (the office's staff, who hold
    ``role``, record it and may claim it), else ``role``."""
    return world.external if step == EXTERNAL_AT else role


def finish(models: list[Any]) -> None:
    """PostgreSQL: sequences past the explicit ids, then ``VACUUM ANALYZE`` (what
    autovacuum does soon after a bulk load: statistics and the visibility map that
    index-only scans need). SQLite is left as Folio leaves it: no ``ANALYZE``."""
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
            cursor.execute("VACUUM ANALYZE")
