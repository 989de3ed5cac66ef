"""get_procedures_for_user: the procedures offered to start a case are those of the
manuals of a person's unit and of the units above it; no retired ones; a manual with no
unit only to administrators."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from folio.demo import DEMO_TEXT
from web.accounts.models import Unit
from web.cases.queries import get_procedures_for_user
from web.catalog.actions import import_manual_file
from web.catalog.models import CatalogManual, ManualVersion, Procedure
from web.catalog.versions.actions import retire_manual, retire_procedure, set_manual_unit

pytestmark = pytest.mark.django_db


def offered(user: User) -> list[str]:
    return [
        f"{row.version.manual.code or 'demo'}:{row.code}" for row in get_procedures_for_user(user)
    ]


DGE = ["PRUEBAS/MP/DGE/001:P1", "PRUEBAS/MP/DGE/001:P2"]


@pytest.fixture
def demo_of_atencion(atencion: Unit) -> ManualVersion:
    version, _ = import_manual_file(DEMO_TEXT, unit=atencion)
    return version


@pytest.mark.usefixtures("pruebas_dge")
def test_it_offers_the_manuals_of_the_persons_unit_and_those_above(
    demo_of_atencion: ManualVersion,
    alicia: User,
    bruno: User,
    diego: User,
    elena: User,
    fernando: User,
    gabriela: User,
) -> None:
    code = demo_of_atencion.manual.code or "demo"
    demo = [f"{code}:{row.code}" for row in demo_of_atencion.procedures.all()]
    assert demo and offered(gabriela) == demo
    for user in (alicia, bruno, diego, elena):
        assert offered(user) == DGE, user.username
    assert offered(fernando) == []


def test_it_keeps_a_departments_manual_to_the_department(
    cuentas: Procedure, alicia: User, carla: User, diego: User, elena: User, ingenieria: Unit
) -> None:
    set_manual_unit(cuentas.version.manual, ingenieria, user=alicia)
    assert offered(carla) == DGE and offered(diego) == DGE
    assert offered(alicia) == [] and offered(elena) == []


def test_it_offers_a_manual_with_no_unit_only_to_administrators(
    cuentas: Procedure, alicia: User, bruno: User
) -> None:
    CatalogManual.objects.filter(pk=cuentas.version.manual_id).update(unit=None)
    assert offered(alicia) == DGE
    assert offered(bruno) == []


def test_it_leaves_out_retired_procedures_and_manuals(
    cuentas: Procedure, respaldos: Procedure, alicia: User, bruno: User
) -> None:
    retire_procedure(respaldos, user=alicia, reason="Lo hace el proveedor de la nube.")
    assert offered(bruno) == ["PRUEBAS/MP/DGE/001:P1"]
    retire_manual(cuentas.version.manual, user=alicia, reason="Manual sustituido.")
    assert offered(bruno) == []
