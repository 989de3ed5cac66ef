"""Seed 004-P13 blocks where the manual says "Regresa a la actividad no." with no
number; the Directora resumes it at activity 1 and it runs to its end."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from tests.conftest import SEED_004, needs_shared
from web.accounts.models import Unit
from web.cases.actions import open_case, resume_case
from web.cases.log import verify_log
from web.cases.models import CaseState, Event, EventKind
from web.cases.tests.conftest import step, waiting
from web.catalog.actions import import_manual_file
from web.catalog.models import Procedure, Role
from web.conftest import person

pytestmark = [pytest.mark.django_db, needs_shared]


@pytest.fixture
def redes(dge: Unit) -> Procedure:
    version, _ = import_manual_file(SEED_004, unit=dge)
    return version.procedures.get(code="P13")


@pytest.fixture
def itzel(dge: Unit, redes: Procedure) -> User:
    """An analyst of the Dirección who holds every internal role of the seed."""
    user = person("itzel", "Itzel Robles", dge, "Analista A/B")
    user.folio_roles.add(*Role.objects.filter(is_external=False))
    return user


def test_it_resumes_004_p13_and_runs_it_to_its_end(
    redes: Procedure, itzel: User, alicia: User
) -> None:
    # given: the network came back, and the manual does not say where to return
    case = open_case(redes, itzel, "Monitoreo de redes")
    case = step(case, itzel, "1", "En caso contrario")
    case = step(case, itzel, "2", "Si")
    assert case.state == CaseState.BLOCKED
    # when: the Directora sends it back to monitoring
    resume_case(case, alicia, "1", "Restablecida la red, se vuelve a monitorear")
    # then
    task = waiting(case)
    assert (task.step_number, task.pass_number) == ("1", 2)
    assert task.role is not None and task.role.name == "Analista Consultivo A"
    event = Event.objects.get(case=case, kind=EventKind.CASE_RESUMED)
    assert event.payload["blocked_reason"] == (
        "La actividad 2 indica un salto sin decir a qué actividad."
    )
    # and the next incident runs to the end of the procedure
    case = step(case, itzel, "1", "En caso contrario")
    case = step(case, itzel, "2", "De lo contrario")
    for number in ("3", "4", "5"):
        case = step(case, itzel, number)
    assert case.state == CaseState.ENDED
    assert verify_log().ok
