"""The 072 world of the citizens tests: the Dirección de Atención Ciudadana runs the demo
072 manual (``folio/demo/manual-072-arco-demo.txt``); the portal account registers
reports; Hugo heads Alumbrado Público and Ramón is its crew; an Open311 application."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from folio.demo import DEMO_TEXT
from web.accounts.models import Unit
from web.catalog.actions import ensure_role, import_manual_file
from web.catalog.models import ManualVersion, Procedure
from web.citizens.actions import issue_api_client
from web.citizens.models import ApiClient, Datatype, ServiceAttribute, ServiceType, Settings
from web.conftest import person

MANUAL_072 = DEMO_TEXT.parent / "manual-072-arco-demo.txt"
OPERATOR = "Operador/a de Atención Ciudadana"
STAGES = {"2": "recibida", "3": "asignada", "4": "en proceso", "6": "verificada"}


@pytest.fixture
def alumbrado(atencion: Unit) -> Unit:
    return Unit.objects.create(name="Departamento de Alumbrado Público", parent=atencion)


@pytest.fixture
def manual_072(atencion: Unit) -> ManualVersion:
    version, _ = import_manual_file(MANUAL_072, unit=atencion)
    return version


@pytest.fixture
def portal(atencion: Unit) -> User:
    user = person("portal072", "Portal 072", atencion, OPERATOR)
    ensure_role(OPERATOR, atencion).members.add(user)
    return user


@pytest.fixture
def hugo(alumbrado: Unit) -> User:
    position = "Jefe/a de Departamento de Alumbrado Público"
    user = person("hugo", "Hugo Salinas", alumbrado, position, is_head=True)
    ensure_role(position, alumbrado).members.add(user)
    return user


@pytest.fixture
def ramon(alumbrado: Unit) -> User:
    user = person("ramon", "Ramón Ortega", alumbrado, "Cuadrilla de Mantenimiento")
    ensure_role("Cuadrilla de Mantenimiento", alumbrado).members.add(user)
    return user


@pytest.fixture
def admin072(atencion: Unit) -> User:
    return person("lucia", "Lucía Herrera", atencion, "Director/a", is_head=True, is_staff=True)


@pytest.fixture
def luminaria(
    manual_072: ManualVersion,
    portal: User,
    alumbrado: Unit,
    gabriela: User,
    hugo: User,
    ramon: User,
) -> ServiceType:
    service = ServiceType.objects.create(
        code="luminaria-apagada",
        name="Luminaria apagada",
        description="Lámparas del alumbrado público que no encienden.",
        group="Alumbrado público",
        keywords="luz,lámpara,poste",
        procedure=manual_072.procedures.get(code="P1"),
        unit=alumbrado,
        opened_as=portal,
        stages=STAGES,
    )
    ServiceAttribute.objects.create(
        service=service,
        code="lamparas",
        description="¿Cuántas lámparas están apagadas?",
        datatype=Datatype.SINGLE,
        required=True,
        order=1,
        values=[["una", "Una"], ["varias", "Varias"]],
    )
    ServiceAttribute.objects.create(
        service=service,
        code="poste",
        description="Número del poste",
        datatype=Datatype.STRING,
        order=2,
    )
    return service


@pytest.fixture
def bache(luminaria: ServiceType, atencion: Unit, portal: User) -> ServiceType:
    return ServiceType.objects.create(
        code="bache",
        name="Bache",
        description="Hoyos en el pavimento.",
        group="Vialidades",
        procedure=luminaria.procedure,
        unit=atencion,
        opened_as=portal,
        stages=STAGES,
    )


@pytest.fixture
def app_key(admin072: User) -> str:
    return issue_api_client("App de prueba", "app@example.org", 100, admin072).key


@pytest.fixture
def api_client_row(app_key: str) -> ApiClient:
    return ApiClient.objects.get()


@pytest.fixture
def arco_ready(manual_072: ManualVersion, portal: User) -> Procedure:
    procedure = manual_072.procedures.get(code="P2")
    Settings.objects.create(arco_procedure=procedure, arco_opened_as=portal)
    return procedure


@pytest.fixture(autouse=True)
def fresh_cache() -> Any:
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
