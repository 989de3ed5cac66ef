"""verify_log and ``folio audit verify``: an edited or deleted log row is caught and
named. The rows are changed with raw SQL, as someone with database access would."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import User
from django.db import connection

from folio.cli import main
from web.cases.actions import open_case
from web.cases.log import entry_hash, verify_log
from web.cases.models import Event, Task
from web.cases.tests.conftest import step
from web.catalog.models import Procedure, Role

pytestmark = pytest.mark.django_db

#: Entries the manual's import wrote before the case (set by ``history``).
BASE = 0


def at(n: int) -> int:
    """The seq of the case's ``n``-th entry."""
    return BASE + n


@pytest.fixture
def history(cuentas: Procedure, alicia: User, bruno: User, carla: User) -> int:
    """A case taken to its early end: eight entries after the manual's import (the
    answer "No" is the case's entry 7)."""
    global BASE
    BASE = Event.objects.count()
    case = open_case(cuentas, bruno, "Cuenta SAP para Tesorería")
    step(case, bruno, "1")
    step(case, alicia, "2")
    step(case, carla, "3", "No")
    return Event.objects.count()


def sql(statement: str, *params: str | int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_it_accepts_an_untouched_log(history: int) -> None:
    assert history == at(8)
    assert verify_log().ok and verify_log().checked == history


def test_it_catches_an_edited_row(history: int) -> None:
    # given: someone rewrites the answer given at activity 3 (entry 7)
    entry = Event.objects.get(seq=at(7))
    assert entry.payload["choice"] == "No"
    forged = {**entry.payload, "choice": "En caso contrario"}
    sql("UPDATE cases_event SET payload = %s WHERE seq = %s", json.dumps(forged), at(7))
    # when
    result = verify_log()
    # then
    assert (result.ok, result.first_broken_seq) == (False, at(7))
    assert str(at(7)) in result.reason


def test_it_catches_a_row_rewritten_with_a_fresh_hash(history: int) -> None:
    # given: the forger also recomputes the edited entry's own hash
    entry = Event.objects.get(seq=at(4))
    payload = {**entry.payload, "notes": "otra cosa"}
    digest = entry_hash(
        at(4), entry.kind, entry.case_id, entry.actor_id, payload, entry.created_at, entry.prev_hash
    )
    sql(
        "UPDATE cases_event SET payload = %s, hash = %s WHERE seq = %s",
        json.dumps(payload),
        digest,
        at(4),
    )
    # then: the next entry no longer follows it
    result = verify_log()
    assert (result.ok, result.first_broken_seq) == (False, at(5))


def test_it_catches_a_deleted_row(history: int) -> None:
    sql("DELETE FROM cases_event WHERE seq = %s", at(3))
    result = verify_log()
    assert (result.ok, result.first_broken_seq) == (False, at(3))
    assert str(at(3)) in result.reason


def test_it_catches_rows_cut_off_the_end(history: int) -> None:
    sql("DELETE FROM cases_event WHERE seq >= %s", history - 1)
    result = verify_log()
    assert (result.ok, result.first_broken_seq) == (False, history - 1)


def test_the_command_exits_1_naming_the_first_broken_entry(
    history: int, capsys: pytest.CaptureFixture[str]
) -> None:
    # given
    assert main(["audit", "verify"]) == 0
    assert f"{history} entradas" in capsys.readouterr().out
    sql("DELETE FROM cases_event WHERE seq = %s", at(6))
    # when
    code = main(["audit", "verify"])
    # then
    out = capsys.readouterr().out
    assert code == 1
    assert out.startswith("Bitácora alterada:") and str(at(6)) in out


def test_it_catches_a_task_row_that_disagrees_with_the_log(history: int, bruno: User) -> None:
    # given: activity 2 of the case (done, entry 5) is set back to waiting and held by
    # Bruno, with no entry saying so
    task = Task.objects.get(step_number="2")
    sql(
        "UPDATE cases_task SET state = 'claimed', assignee_id = %s WHERE id = %s", bruno.pk, task.pk
    )
    # when
    result = verify_log()
    # then: the chain holds, but the row is named
    assert (result.ok, result.first_broken_seq) == (False, at(5))
    assert "actividad 2 (pasada 1) del caso DGE-2026-000001" in result.reason
    assert "Tomada" in result.reason and "Completada" in result.reason


def test_it_catches_a_task_row_the_log_never_opened(history: int) -> None:
    task = Task.objects.get(step_number="2")
    sql("UPDATE cases_task SET pass_number = 2 WHERE id = %s", task.pk)
    result = verify_log()
    assert not result.ok and "actividad 2 (pasada 2)" in result.reason


def test_it_catches_an_on_behalf_of_link_to_another_role(
    history: int, dge_roles: dict[str, Role]
) -> None:
    # given: activity 1 was recorded for the dependencia (its entry names the role)
    entry = Event.objects.get(kind="task.completed", payload__step="1")
    assert entry.on_behalf_of is not None
    assert entry.payload["on_behalf_of"] == entry.on_behalf_of.name
    assert verify_log().ok
    # when: the unhashed link is pointed at another role
    other = next(role for role in dge_roles.values() if role.pk != entry.on_behalf_of_id)
    sql("UPDATE cases_event SET on_behalf_of_id = %s WHERE seq = %s", other.pk, entry.seq)
    # then
    result = verify_log()
    assert (result.ok, result.first_broken_seq) == (False, entry.seq)
    assert "otro rol" in result.reason
