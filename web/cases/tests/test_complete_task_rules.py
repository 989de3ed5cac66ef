"""complete_task reads everything in one statement and applies the rules itself; these
tests hold it to the rule functions the rest of the app uses (``can_act_on``,
``acting_for``) over the shared world, and to its statement budget."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from pytest_django.fixtures import Settings

from folio.flow.engine import choices
from web.cases.actions import (
    NewDocument,
    claim_task,
    complete_task,
    open_case,
    reassign_task,
)
from web.cases.flow import procedure_model
from web.cases.log import canonical_json, entry_hash, entry_text, verify_log
from web.cases.models import Case, Event, EventKind, Task
from web.cases.permissions import acting_for, can_act_on
from web.cases.tests.conftest import step, waiting
from web.catalog.models import Procedure
from web.tests.files import tiny_pdf

pytestmark = pytest.mark.django_db

PEOPLE = ("alicia", "bruno", "carla", "diego", "elena", "fernando", "gabriela")


class Undo(Exception):
    """Raised to roll a trial completion back."""


def trial(task: Task, user: User) -> tuple[bool, str | None]:
    """Whether ``user`` could complete ``task`` (with its first answer, at a decision)
    and whom the log says they acted for; nothing stays written."""
    here = procedure_model(task.case.procedure).step(task.step_number)
    answer = next(iter(choices(here)), None) if here is not None else None
    try:
        with transaction.atomic():
            complete_task(task, user, answer)
            entry = Event.objects.filter(kind=EventKind.TASK_COMPLETED).latest("seq")
            raise Undo(entry.payload.get("on_behalf_of"))
    except PermissionDenied:
        return False, None
    except Undo as undone:
        return True, undone.args[0]


def expected(task: Task, user: User) -> tuple[bool, str | None]:
    if not can_act_on(user, task):
        return False, None
    behalf = acting_for(user, task)
    return True, behalf.name if behalf is not None else None


Situation = Callable[[Case, dict[str, User]], Task]


def role_task(case: Case, people: dict[str, User]) -> Task:
    step(case, people["bruno"], "1")
    step(case, people["alicia"], "2")
    return waiting(case)


def claimed_task(case: Case, people: dict[str, User]) -> Task:
    return claim_task(role_task(case, people), people["carla"])


def delegated_task(case: Case, people: dict[str, User]) -> Task:
    return reassign_task(role_task(case, people), people["carla"], people["diego"], "Vacaciones")


def outsider_task(case: Case, people: dict[str, User]) -> Task:
    return waiting(case)


@pytest.mark.parametrize("situation", [role_task, claimed_task, delegated_task, outsider_task])
def test_it_lets_through_exactly_whom_the_rules_let_act(
    situation: Situation, cuentas: Procedure, request: pytest.FixtureRequest
) -> None:
    people = {name: request.getfixturevalue(name) for name in PEOPLE}
    case = open_case(cuentas, people["bruno"], "Cuenta SAP para Tesorería")
    task = situation(case, people)
    task.refresh_from_db()
    got = {name: trial(task, user) for name, user in people.items()}
    assert got == {name: expected(task, user) for name, user in people.items()}
    assert any(may for may, _behalf in got.values())


def test_it_completes_a_step_in_a_fixed_number_of_statements(
    cuentas: Procedure, alicia: User, bruno: User
) -> None:
    case = open_case(cuentas, bruno, "Cuenta SAP para Tesorería")
    step(case, bruno, "1")
    task = waiting(case)
    with CaptureQueriesContext(connection) as done:
        complete_task(task, alicia)
    transaction_control = ("BEGIN", "SAVEPOINT", "RELEASE SAVEPOINT", "COMMIT")
    statements = [q["sql"] for q in done.captured_queries]
    statements = [sql for sql in statements if not sql.startswith(transaction_control)]
    # the task with all the rules need; mark it done; the next step's roles and target;
    # open it; the log entries; move the log head. PostgreSQL also locks the case and
    # the head; on SQLite the write transaction is the lock and the head comes with
    # the task.
    wanted = 6 if connection.vendor == "sqlite" else 8
    assert len(statements) == wanted, statements


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"task": 3, "step": "2.1", "pass": 1, "choice": None},
        {"notes": 'Comillas "dobles", barra \\ y acentos: Dirección, año', "roles": ["Jefe/a"]},
        {"nested": {"z": [1, 2.5, True, None], "a": "ñ"}},
    ],
)
def test_the_entry_text_is_the_canonical_json_of_the_entry(payload: dict[str, object]) -> None:
    moment = datetime(2026, 3, 12, 16, 5, 7, 123456, tzinfo=UTC)
    text = entry_text(
        9, "task.completed", 4, None, canonical_json(payload), moment.isoformat(), "ab"
    )
    body = json.loads(text)
    assert canonical_json(body) == text
    assert body["payload"] == payload
    digest = entry_hash(9, "task.completed", 4, None, payload, moment, "ab")
    assert hashlib.sha256(text.encode()).hexdigest() == digest


def test_documents_sent_with_a_completion_keep_the_log_chained(
    cuentas: Procedure, bruno: User, settings: Settings, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    case = open_case(cuentas, bruno, "Cuenta SAP para Tesorería")
    oficio = NewDocument("oficio", "oficio.pdf", tiny_pdf(), number="TM/0412/2026")
    complete_task(waiting(case), bruno, documents=[oficio])
    kinds = list(Event.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds[-3:] == [
        EventKind.DOCUMENT_ADDED,
        EventKind.TASK_COMPLETED,
        EventKind.TASK_CREATED,
    ]
    assert verify_log().ok
