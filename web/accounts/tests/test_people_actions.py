"""People actions: each change is made whole and recorded in the log; passwords and
email addresses never reach the log; only administrators act; nobody locks themselves
out; a departing person's held activities go back to their roles."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client

from web.accounts.models import Unit
from web.accounts.people.actions import (
    PersonError,
    create_person,
    deactivate_person,
    reactivate_person,
    set_person_roles,
    update_person,
)
from web.accounts.tests.people_world import new_person
from web.cases.actions import claim_task, open_case
from web.cases.log import verify_log
from web.cases.models import Event, TaskState
from web.cases.queries import get_staff_for_reassign
from web.cases.tests.conftest import waiting
from web.catalog.models import Procedure, Role
from web.conftest import ANALISTA_AB, PASSWORD, signed_in

pytestmark = pytest.mark.django_db


def can_sign_in(username: str) -> bool:
    form = {"username": username, "password": PASSWORD}
    return Client().post("/cuentas/entrar/", form).status_code == 302


def last_entry(kind: str) -> dict[str, Any]:
    return Event.objects.filter(kind=kind).latest("seq").payload


def test_it_creates_a_person_with_a_first_password_and_logs_it(
    alicia: User, ingenieria: Unit, dge_roles: dict[str, Role]
) -> None:
    # when
    data = new_person(ingenieria)
    person = create_person(
        data, actor=alicia, roles=[dge_roles[ANALISTA_AB]], password="Tlaxcala-2026"
    )
    # then
    assert person.check_password("Tlaxcala-2026")
    assert person.profile.unit == ingenieria and person.profile.position == "Analista de Sistemas"
    assert list(person.folio_roles.all()) == [dge_roles[ANALISTA_AB]]
    logged = last_entry("person.created")
    assert logged["username"] == "hugo" and logged["roles"] == [ANALISTA_AB]
    assert logged["password"] == "set" and "Tlaxcala" not in str(logged)
    assert "hugo@example.org" not in str(logged)
    assert verify_log().ok


def test_it_mails_a_link_to_choose_the_password(
    alicia: User, ingenieria: Unit, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        person = create_person(new_person(ingenieria), actor=alicia)
    assert not person.has_usable_password()
    [message] = mail.outbox
    assert message.to == ["hugo@example.org"]
    assert "Elija su contraseña" in message.body and "/cuentas/contrasena/nueva/" in message.body


def test_it_refuses_a_link_without_an_email(alicia: User, ingenieria: Unit) -> None:
    with pytest.raises(PersonError):
        create_person(new_person(ingenieria, email=""), actor=alicia)
    assert not User.objects.filter(username="hugo").exists()


def test_it_lets_only_administrators_add_people(
    bruno: User, fernando: User, ingenieria: Unit
) -> None:
    fernando.is_staff = True  # an auditor who is staff still only reads
    fernando.save()
    for someone in (bruno, fernando):
        with pytest.raises(PermissionDenied):
            create_person(new_person(ingenieria), actor=someone, password="Tlaxcala-2026")
    assert not Event.objects.filter(kind="person.created").exists()


def test_it_logs_what_an_edit_changed(alicia: User, bruno: User, ingenieria: Unit) -> None:
    data = new_person(ingenieria, username="bruno", first_name="Bruno", last_name="Téllez")
    update_person(bruno, data, actor=alicia)
    changed = last_entry("person.updated")["changed"]
    assert changed["unit"] == ["Dirección de Gobierno Electrónico", ingenieria.name]
    assert changed["email"] == ["…", "…"]  # changed, but the address stays out of the log
    assert "first_name" not in changed


def test_it_keeps_administrators_from_demoting_themselves(alicia: User, dge: Unit) -> None:
    for change in ({"is_staff": False}, {"is_staff": True, "is_auditor": True}):
        with pytest.raises(PersonError):
            update_person(alicia, new_person(dge, username="alicia", **change), actor=alicia)
    alicia.refresh_from_db()
    assert alicia.is_staff and not alicia.profile.is_auditor


def test_it_keeps_superusers_out_of_reach_of_administrators(alicia: User, dge: Unit) -> None:
    root = User.objects.create_superuser("raiz", "raiz@example.org", PASSWORD)
    with pytest.raises(PermissionDenied):
        update_person(
            root, new_person(dge, username="raiz", email="otro@example.org"), actor=alicia
        )


def test_it_sets_roles_and_logs_added_and_removed(
    alicia: User, carla: User, dge_roles: dict[str, Role]
) -> None:
    set_person_roles(carla, [dge_roles[ANALISTA_AB]], actor=alicia)
    assert list(carla.folio_roles.all()) == [dge_roles[ANALISTA_AB]]
    logged = last_entry("person.roles_set")
    assert logged["added"] == [ANALISTA_AB]
    assert logged["removed"] == ["Jefe/a de Departamento de Ingeniería de Aplicaciones"]


def test_it_gives_no_new_role_to_an_inactive_person(
    alicia: User, carla: User, dge_roles: dict[str, Role]
) -> None:
    deactivate_person(carla, actor=alicia)
    with pytest.raises(PersonError):
        set_person_roles(carla, [*carla.folio_roles.all(), dge_roles[ANALISTA_AB]], actor=alicia)
    set_person_roles(carla, [], actor=alicia)  # taking roles away is fine
    assert not carla.folio_roles.exists()


def test_it_deactivates_a_person_who_then_cannot_sign_in(alicia: User, bruno: User) -> None:
    # given: Bruno has a session open
    session = signed_in(bruno)
    assert session.get("/casos/").status_code == 200
    # when
    deactivate_person(bruno, actor=alicia)
    # then
    assert not can_sign_in("bruno")
    assert session.get("/casos/").status_code == 302  # the open session ended
    assert User.objects.filter(pk=bruno.pk).exists()  # never deleted
    assert last_entry("person.deactivated")["released_tasks"] == 0


def test_it_releases_the_activities_a_departing_person_holds(
    alicia: User, bruno: User, cuentas: Procedure
) -> None:
    # given
    case = open_case(cuentas, bruno, "Cuenta SAP para Tesorería")
    claim_task(waiting(case), bruno)
    # when
    released = deactivate_person(bruno, actor=alicia, release_tasks=True)
    # then
    task = waiting(case)
    assert released == 1 and (task.state, task.assignee) == (TaskState.OPEN, None)
    assert Event.objects.filter(kind="task.released", case=case).count() == 1
    assert verify_log().ok


def test_it_no_longer_offers_a_deactivated_person_for_a_handover(
    alicia: User, bruno: User, elena: User, cuentas: Procedure
) -> None:
    task = waiting(open_case(cuentas, bruno, "Cuenta SAP para Tesorería"))
    assert elena in get_staff_for_reassign(task, alicia)
    deactivate_person(elena, actor=alicia)
    assert elena not in get_staff_for_reassign(task, alicia)


def test_it_refuses_to_deactivate_oneself(alicia: User) -> None:
    with pytest.raises(PersonError):
        deactivate_person(alicia, actor=alicia)
    alicia.refresh_from_db()
    assert alicia.is_active


def test_it_reactivates_a_person(alicia: User, bruno: User) -> None:
    deactivate_person(bruno, actor=alicia)
    reactivate_person(bruno, actor=alicia)
    assert can_sign_in("bruno")
    assert last_entry("person.reactivated")["username"] == "bruno"
