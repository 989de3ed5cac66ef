"""``folio demo`` seeds the demo office: manuals, people with roles, cases at different
stages; running it again adds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User

from folio.demo import SEEDS
from web.cases.models import Case, CaseState, Event, Task
from web.catalog.models import CatalogManual
from web.demo import PASSWORD, PEOPLE, seed

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    models = (CatalogManual, User, Case, Task, Event)
    return tuple(model.objects.count() for model in models)


def test_it_seeds_the_demo_manuals_office_once(tmp_path: Path) -> None:
    # given: no seed manuals beside the checkout
    first = seed(seeds=tmp_path)
    before = counts()
    # when: it runs again
    seed(seeds=tmp_path)
    # then: nothing was added
    assert counts() == before
    # the office's people, and the planning institute's analyst the planning demo adds
    names = {person.username for person in PEOPLE} | {"mariana"}
    assert set(User.objects.values_list("username", flat=True)) == names
    assert f"contraseña: {PASSWORD}" in first
    gabriela = User.objects.get(username="gabriela")
    assert gabriela.check_password(PASSWORD)
    assert gabriela.folio_roles.filter(name="Operador/a de Atención Ciudadana").exists()
    states = set(Case.objects.values_list("state", flat=True))
    assert states == {CaseState.OPEN, CaseState.ENDED}
    looped = Case.objects.get(subject="Luminaria apagada en la calle 5 de Mayo")
    assert looped.tasks.filter(step_number="5", pass_number=2, assignee__isnull=False).exists()


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed manuals are not in {SEEDS}")
def test_it_runs_the_dge_requests_with_the_seed_manuals() -> None:
    summary = seed()
    before = counts()
    seed()
    assert counts() == before
    assert "MANUAL DE ORGANIZACIÓN" in summary
    assert CatalogManual.objects.filter(code="PCCR2124/RMP/SECATI/DGE/022/04102022").exists()
    rejected = Case.objects.get(subject="Cuenta de correo para el Archivo Histórico")
    assert rejected.state == CaseState.ENDED and "«No»" in rejected.outcome
    waiting = Case.objects.get(subject="Cuenta SAP para la Tesorería Municipal")
    task = waiting.tasks.get(state="claimed")
    assert (task.step_number, task.assignee) == ("6", User.objects.get(username="diego"))
