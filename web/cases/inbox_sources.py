"""Where an inbox's tasks come from, each source read through an index.

- *Held*: the tasks the person holds. A held task is ``claimed`` with them as
  ``assignee`` (``claim_task`` sets it, ``reassign_task`` sets ``assignee`` and
  ``delegated_to`` alike, ``release_task`` clears both): index ``task_claimed_assignee_due``.
- *By role*: the open tasks of each role they hold, first responsible of the step:
  index ``task_open_role_due``, one branch per role so that each comes out in order.
- *Extra*: the other open tasks that ``can_act_on`` lets them complete. Steps of external
  roles in cases of their unit or a unit above it, which staff record on the outsider's
  behalf (``task_open_role_due`` again, for the few external roles), and steps that name
  one of their roles after another ("A o B": ``Task.other_roles``). These leave out the
  tasks of the person's own roles, so they never overlap the role branches; they are
  few, so their keys are read once per page view. They cost more than the rest: the
  case's unit is on the case, so every open step of an external role in the
  municipality is looked at. ``Task.other_roles`` holds waiting tasks only (completing or
  cancelling a task empties it), so its rows are the work in flight.

The person's roles, units and the external roles are read first, in small queries; no
query joins roles or members or ORs across them. An active task always belongs to an
open case (cancelling cancels it, ending or blocking leaves none), so no query needs
the case's state (the outsiders' source names it only to read case ids from an index).
Pages are sorted by the task's own due date with ``NULLS LAST`` written out (SQLite puts
NULL first, PostgreSQL last); dated and undated tasks are separate branches so that
both databases read each straight from the index.
"""

from __future__ import annotations

import heapq
import itertools
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from typing import Any

from django.contrib.auth.models import User
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.dateparse import parse_date, parse_datetime

from web.accounts.models import Profile, Unit
from web.cases.models import Case, CaseState, Task, TaskState
from web.cases.permissions import AnyUser
from web.catalog.models import Role

OTHER_ROLES = Task.other_roles.through.objects
#: Up to this many ``Task.other_roles`` rows for the roles asked about, they are looked
#: up; past it (a municipality where one role is everyone's second), the open tasks are
#: read instead.
SECOND_LOOKUP = 5000
ORDER = "due_date NULLS LAST, created_at, id"
KEY = ("id", "due_date", "created_at")
#: See ``_key``.
Key = tuple[Any, ...]


@dataclass(frozen=True)
class Reader:
    """Who reads the inbox, as far as the inbox needs to know."""

    user: User
    #: The roles they hold, and every external role; of each, those that some step
    #: names after another role (they are in ``Task.other_roles``).
    roles: tuple[int, ...]
    shared: tuple[int, ...]
    external: tuple[int, ...]
    external_shared: tuple[int, ...]
    #: Their unit and the units above it (whose outsiders' steps they record).
    above: tuple[int, ...]


def reader_of(user: AnyUser) -> Reader | None:
    """The person, their unit and those above it, and the roles that matter to them
    (three small queries); None for whoever has no inbox: auditors, people with no
    unit, inactive accounts."""
    if not isinstance(user, User) or not user.is_active:
        return None
    profile = Profile.objects.filter(user=user).values("unit_id", "is_auditor").first()
    if profile is None or profile["unit_id"] is None or profile["is_auditor"]:
        return None
    parents: dict[int, int | None] = dict(Unit.objects.order_by().values_list("pk", "parent_id"))
    unit = profile["unit_id"]
    members = Role.members.through.objects.filter(role_id=OuterRef("pk"), user_id=user.pk)
    named = Role.objects.annotate(
        mine=Exists(members), second=Exists(OTHER_ROLES.filter(role_id=OuterRef("pk")))
    )
    found = named.filter(Q(mine=True) | Q(is_external=True)).order_by("pk")
    roles = list(found.values_list("pk", "mine", "is_external", "second"))
    return Reader(
        user=user,
        roles=tuple(pk for pk, mine, _external, _second in roles if mine),
        shared=tuple(pk for pk, mine, _external, second in roles if mine and second),
        external=tuple(pk for pk, _mine, external, _second in roles if external),
        external_shared=tuple(pk for pk, _mine, external, second in roles if external and second),
        above=tuple(sorted(_chain(unit, parents))),
    )


def _chain(unit: int, parents: dict[int, int | None]) -> set[int]:
    ids: set[int] = set()
    node: int | None = unit
    while node is not None and node not in ids:
        ids.add(node)
        node = parents.get(node)
    return ids


def held(reader: Reader) -> QuerySet[Task]:
    return Task.objects.filter(state=TaskState.CLAIMED, assignee=reader.user)


def by_role(role: int) -> QuerySet[Task]:
    return Task.objects.filter(state=TaskState.OPEN, role_id=role)


def extra(reader: Reader) -> list[QuerySet[Task]]:
    """The open tasks waiting for the person other than under their roles (see the
    module's docstring), in up to two parts."""
    waiting = Task.objects.filter(state=TaskState.OPEN).exclude(role_id__in=reader.roles)
    parts = []
    if reader.external:
        # The cases' ids come from ``case_unit_state`` alone (SQLite then leaves the
        # cases' rows unread; PostgreSQL plans it as the join it is).
        cases = Case.objects.filter(unit_id__in=reader.above, state=CaseState.OPEN)
        ours = waiting.filter(case_id__in=cases.order_by().values("id"))
        parts.append(ours.filter(role_id__in=reader.external))
    if reader.shared or reader.external_shared:
        parts.append(waiting.filter(_named_second(reader)))
    return parts


def _named_second(reader: Reader) -> Q:
    """Steps naming one of the person's roles after another role, or an external role
    after another in a case of their units."""
    asked = reader.shared + reader.external_shared
    few = OTHER_ROLES.filter(role_id__in=asked).order_by()[:SECOND_LOOKUP].count() < SECOND_LOOKUP

    def naming(roles: tuple[int, ...]) -> Q:
        rows = OTHER_ROLES.filter(role_id__in=roles)
        if few:
            return Q(pk__in=rows.values("task_id"))
        return Q(Exists(rows.filter(task_id=OuterRef("pk"))))

    terms = [naming(reader.shared)] if reader.shared else []
    if reader.external_shared:
        terms.append(Q(case__unit_id__in=reader.above) & naming(reader.external_shared))
    return reduce(operator.or_, terms)


def extra_keys(reader: Reader) -> list[Key]:
    """The tasks of ``extra`` in inbox order, read once for both the count and the
    page (``UNION`` lists a task reached both ways once)."""
    sqls = [_sql(part.order_by().values_list(*KEY)) for part in extra(reader)]
    if not sqls:
        return []
    union = " UNION ".join(sql for sql, _p in sqls)
    return sorted(map(_key, _fetch(union, [p for _sql_, ps in sqls for p in ps])))


def count(reader: Reader) -> tuple[int, int]:
    """How many tasks the person holds, and how many open ones their roles have: one
    statement, each count read from its index alone."""
    selects: list[str] = []
    params: list[Any] = []
    parts = [held(reader)]
    if reader.roles:
        parts.append(Task.objects.filter(state=TaskState.OPEN, role_id__in=reader.roles))
    for part in parts:
        sql, part_params = _sql(part.order_by().values("id"))
        selects.append(f"(SELECT COUNT(*) FROM ({sql}) AS n{len(selects)})")
        params.extend(part_params)
    numbers = _fetch(f"SELECT {', '.join(selects)}", params)[0]
    return numbers[0], sum(numbers[1:])


def page_ids(
    branches: Sequence[QuerySet[Task]], offset: int, limit: int, extra: Sequence[Key] = ()
) -> list[int]:
    """Ids ``offset`` to ``offset + limit`` of the tasks of ``branches`` and ``extra``
    together, in inbox order. Each branch gives its first ``offset + limit`` (dated and
    undated apart, so that each comes out of its index in order), sorted once in SQL;
    ``extra`` (already read and sorted) is merged in."""
    if limit <= 0:
        return []
    enough, parts = offset + limit, []
    for branch in branches:
        keys = branch.values_list(*KEY)
        dated = keys.filter(due_date__isnull=False).order_by("due_date", "created_at", "id")
        parts += [dated, keys.filter(due_date__isnull=True).order_by("created_at", "id")]
    found: list[Key] = []
    if parts:
        sqls = [_sql(part[:enough]) for part in parts]
        union = " UNION ALL ".join(
            f"SELECT * FROM ({sql}) AS b{n}" for n, (sql, _p) in enumerate(sqls)
        )
        order = f"SELECT {', '.join(KEY)} FROM ({union}) AS q ORDER BY {ORDER} LIMIT %s"
        found = [_key(row) for row in _fetch(order, [p for _s, ps in sqls for p in ps] + [enough])]
    merged = heapq.merge(found, extra[:enough])
    return [key[-1] for key in itertools.islice(merged, offset, enough)]


def _key(row: Sequence[Any]) -> Key:
    """A task's place in the inbox: due date (none last), creation, id. SQLite may hand
    the dates back as text; they are read as the ORM would."""
    pk, due, created = row
    due = parse_date(due) if isinstance(due, str) else due
    created = parse_datetime(created) if isinstance(created, str) else created
    return (0, due, created, pk) if due is not None else (1, created, pk)


def _sql(queryset: QuerySet[Any]) -> tuple[str, tuple[Any, ...]]:
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    return sql, tuple(params)


def _fetch(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
