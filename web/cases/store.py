"""The SQL of the busiest write: completing a task and opening the next one.

A completion is the one action every case repeats at each of its steps, so it runs as a
handful of plain statements instead of ORM calls (each ORM call costs more than the
statement it sends): one read brings the task, its case, the person's profile and the
task's roles with whether the person holds each; one update marks it done; one insert
opens the next task, numbering its pass in the same statement. Table and column names
come from the models, so a renamed field breaks here loudly, at import.

The statements run on the action's connection, inside its transaction, with values
adapted the way the ORM would. ``run`` hands them straight to the driver (Django's
cursor wrapper costs more than a short statement) except when someone watches the
queries (debug logging, ``CaptureQueriesContext``, an execute wrapper): then they go
through Django's cursor and are counted like any other.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from web.accounts.models import Profile
from web.cases.models import Case, LogHead, StepTarget, Task, TaskState
from web.catalog.models import ManualVersion, Procedure, Role, RoleAlias


def _table(model: type[Model]) -> str:
    return model._meta.db_table


def _through(model: type[Model], field: str) -> str:
    through: Any = model._meta.get_field(field).remote_field.through  # type: ignore[union-attr]
    return _table(through)


TASK, CASE, ROLE, ALIAS = _table(Task), _table(Case), _table(Role), _table(RoleAlias)
PROCEDURE, VERSION = _table(Procedure), _table(ManualVersion)
TARGET, LOGHEAD = _table(StepTarget), _table(LogHead)
PROFILE, MEMBERS = _table(Profile), _through(Role, "members")
OTHER_ROLES = _through(Task, "other_roles")
OPEN, CLAIMED, DONE = TaskState.OPEN.value, TaskState.CLAIMED.value, TaskState.DONE.value

_READ = f"""
SELECT t.id, t.state, t.version, t.step_number, t.pass_number, t.assignee_id,
       t.delegated_to_id, t.role_id, c.id, c.state, c.procedure_id, c.unit_id,
       c.due_date, c.folio, p.unit_id, p.is_auditor, r.id, r.name, r.is_external,
       EXISTS (SELECT 1 FROM {MEMBERS} m WHERE m.role_id = r.id AND m.user_id = %s),
       pr.version_id, v.sha256, pr.code{{head}}
FROM {TASK} t
JOIN {CASE} c ON c.id = t.case_id
JOIN {PROCEDURE} pr ON pr.id = c.procedure_id
JOIN {VERSION} v ON v.id = pr.version_id
LEFT JOIN {PROFILE} p ON p.user_id = %s
LEFT JOIN {ROLE} r ON r.id = t.role_id
    OR r.id IN (SELECT o.role_id FROM {OTHER_ROLES} o WHERE o.task_id = t.id)
WHERE t.id = %s
"""
#: SQLite: the write transaction is already the log's lock, so the head comes along.
_HEAD = f", (SELECT seq FROM {LOGHEAD} WHERE id = 1), (SELECT hash FROM {LOGHEAD} WHERE id = 1)"
_READ_ALONE, _READ_WITH_HEAD = _READ.format(head=""), _READ.format(head=_HEAD)
_LOCK_CASE = f"SELECT id FROM {CASE} WHERE id = %s FOR UPDATE"
_MARK_DONE = f"""
UPDATE {TASK} SET state = %s, completed_by_id = %s, completed_at = %s, choice = %s,
       notes = %s, version = version + 1
WHERE id = %s AND version = %s AND state IN (%s, %s)
"""
_NEEDS = f"""
SELECT 2, NULL, days, CASE WHEN business_days THEN '1' ELSE '0' END FROM {TARGET}
WHERE procedure_id = %s AND step_number = %s
UNION ALL SELECT 0, a.name, r.id, r.name FROM {ALIAS} a JOIN {ROLE} r ON r.id = a.role_id
WHERE a.name IN ({{marks}})
UNION ALL SELECT 1, name, id, name FROM {ROLE} WHERE name IN ({{marks}})
"""
_OPEN_TASK = f"""
INSERT INTO {TASK} (case_id, step_number, role_id, state, created_at, due_date, choice,
                    notes, pass_number, version)
VALUES (%s, %s, %s, %s, %s, %s, '', '',
        (SELECT COUNT(*) + 1 FROM {TASK} WHERE case_id = %s AND step_number = %s), 1)
RETURNING id, pass_number
"""
_OTHER_ROLES = f"INSERT INTO {OTHER_ROLES} (task_id, role_id) VALUES (%s, %s)"
_CLEAR_OTHER_ROLES = f"DELETE FROM {OTHER_ROLES} WHERE task_id = %s"
_CLOSE_CASE = f"UPDATE {CASE} SET state = %s, ended_at = %s, outcome = %s WHERE id = %s"


class OpenedTask(NamedTuple):
    """A task just opened, as far as its opener knows it (cheaper than a model)."""

    pk: int
    case_id: int
    step_number: str
    pass_number: int
    role_id: int | None
    created_at: datetime
    due_date: date | None
    version: int = 1


class TaskRole(NamedTuple):
    pk: int
    name: str
    is_external: bool
    #: Whether the person asking holds it.
    held: bool


class TaskAtHand(NamedTuple):
    """A task as a completion sees it, with its case and the person's standing."""

    pk: int
    state: str
    version: int
    step_number: str
    pass_number: int
    assignee_id: int | None
    delegated_to_id: int | None
    case_id: int
    case_state: str
    #: The procedure row and what names its content (see ``web/cases/flow.py``).
    procedure_id: int
    procedure_key: tuple[int, str, str]
    unit_id: int
    case_due: date | None
    folio: str
    #: The person's unit and whether they audit (None, False: no profile).
    user_unit_id: int | None
    user_is_auditor: bool
    #: The step's first responsible first, the rest by name.
    roles: tuple[TaskRole, ...]


class Store:
    """The statements, run on the connection of the current transaction. Made once per
    action: reaching the connection (a thread-local) costs as much as a statement."""

    def __init__(self) -> None:
        self.db: Any = transaction.get_connection()
        self.ops = self.db.ops
        #: The action's one instant: every row and log entry it writes carries it.
        self.now = timezone.now()
        self.moment = self.ops.adapt_datetimefield_value(self.now)
        self.watched = self.db.queries_logged or bool(self.db.execute_wrappers)
        self.qmarks = self.db.vendor == "sqlite"
        self.locks_rows = self.db.features.has_select_for_update
        #: The log head (seq, hash) when a read already brought it under the lock.
        self.head: tuple[int, str] | None = None
        #: PostgreSQL: one cursor for every statement (each is read before the next).
        self.server_cursor: Any = None

    def run(self, sql: str, params: Sequence[Any]) -> Any:
        """Execute ``sql`` (written with ``%s`` placeholders); the cursor. On
        PostgreSQL the statement is prepared once per connection: planning these joins
        costs several times what running them does."""
        if self.watched:
            cursor = self.db.cursor()
            cursor.execute(sql, params)
            return cursor
        if self.qmarks:
            cursor = self.db.connection.cursor()
            cursor.execute(_qmarks(sql), params)
            return cursor
        if self.server_cursor is None:
            self.server_cursor = _server_cursor(self.db.connection)
        self.server_cursor.execute(sql, params, prepare=True)
        return self.server_cursor

    def json(self, value: Any, text: str) -> Any:
        """``value`` for a JSON column, given as ``text`` too: SQLite stores the text,
        PostgreSQL gets the value through its adapter (jsonb)."""
        return text if self.qmarks else self.ops.adapt_json_value(value, None)

    def lock_case(self, case_id: int) -> None:
        """Lock the case row where the database locks rows (SQLite's write transaction
        already excludes every other writer)."""
        if self.locks_rows:
            self.run(_LOCK_CASE, [case_id])

    def read_task(self, task_id: int, user_id: int) -> TaskAtHand | None:
        """The task with its case, roles and the person's standing; on SQLite the log
        head too (``self.head``), as the transaction already holds the write lock."""
        sql = _READ_ALONE if self.locks_rows else _READ_WITH_HEAD
        rows = self.run(sql, [user_id, user_id, task_id]).fetchall()
        if not rows:
            return None
        if not self.locks_rows and rows[0][23] is not None:
            self.head = (int(rows[0][23]), str(rows[0][24]))
        return _task_at_hand(rows)

    def mark_done(self, task: TaskAtHand, user_id: int, choice: str, notes: str) -> bool:
        """Done, if nobody changed it since it was read; False otherwise."""
        params = [DONE, user_id, self.moment, choice, notes, task.pk, task.version, OPEN, CLAIMED]
        return bool(self.run(_MARK_DONE, params).rowcount == 1)

    def clear_other_roles(self, task: TaskAtHand) -> None:
        """A task waits for its other roles only while it waits (see ``Task``)."""
        if len(task.roles) > 1:
            self.run(_CLEAR_OTHER_ROLES, [task.pk])

    def step_needs(
        self, procedure_id: int, number: str, names: Sequence[str]
    ) -> tuple[dict[str, tuple[int, str]], tuple[int, bool] | None]:
        """What opening a task of activity ``number`` needs, in one read: the roles its
        responsible names stand for, by spelling (id, the role's own name; an alias
        wins over a role of the same name, as in ``ensure_role``; unknown names are
        left out), and the activity's own target (days, whether días hábiles)."""
        marks = ", ".join(["%s"] * len(names)) or "NULL"
        sql = _NEEDS.format(marks=marks)
        found = self.run(sql, [procedure_id, number, *names, *names]).fetchall()
        found.sort(key=lambda row: -row[0])  # target (2) first, aliases (0) last: they win
        roles, target = {}, None
        for kind, spelling, pk, name in found:
            if kind == 2:
                target = (int(pk), bool(int(name)))
            else:
                roles[spelling] = (pk, name)
        return roles, target

    def open_task(
        self, case_id: int, number: str, roles: Sequence[int], due: date | None
    ) -> tuple[int, int]:
        """Insert the task for the step's next pass; its id and pass number."""
        first, day = (roles[0] if roles else None), self.ops.adapt_datefield_value(due)
        params = [case_id, number, first, OPEN, self.moment, day, case_id, number]
        pk, pass_number = self.run(_OPEN_TASK, params).fetchone()
        for role in dict.fromkeys(roles[1:]):
            if role != first:
                self.run(_OTHER_ROLES, [pk, role])
        return pk, pass_number

    def close_case(self, case_id: int, state: str, ended: bool, outcome: str) -> None:
        """Leave the case in ``state``, ended now or not (blocked)."""
        self.run(_CLOSE_CASE, [state, self.moment if ended else None, outcome, case_id])


def _server_cursor(connection: Any) -> Any:
    """A psycopg cursor that binds on the server, so statements can be prepared (the
    one Django hands out binds on the client). Behind a pooler in transaction mode,
    use one that keeps prepared statements (PgBouncer ≥ 1.21)."""
    import psycopg

    return psycopg.Cursor(connection)


@functools.lru_cache(maxsize=64)
def _qmarks(sql: str) -> str:
    return sql.replace("%s", "?")


def _task_at_hand(rows: list[tuple[Any, ...]]) -> TaskAtHand:
    first = rows[0]
    roles = [TaskRole(r[16], r[17], bool(r[18]), bool(r[19])) for r in rows if r[16] is not None]
    roles.sort(key=lambda role: (role.pk != first[7], role.name))
    return TaskAtHand(
        first[0],
        first[1],
        first[2],
        first[3],
        first[4],
        first[5],
        first[6],
        first[8],
        first[9],
        first[10],
        (first[20], first[21], first[22]),
        first[11],
        _date(first[12]),
        first[13],
        first[14],
        bool(first[15]),
        tuple(roles),
    )


def _date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
