"""Demo data of the citizens app (invented): the 072 manual with its ARCO procedure, a
service catalogue, an Open311 application and a few reports at different stages, moved
by the demo office's people with the real actions. A second run adds nothing."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User

from folio.demo import DEMO_TEXT
from web.accounts.models import Unit
from web.cases.actions import complete_task
from web.cases.models import ACTIVE_TASK_STATES, Case
from web.cases.permissions import can_act_on
from web.catalog.actions import ensure_role, import_manual_file
from web.catalog.models import ManualVersion
from web.citizens.actions import NewReport, PersonalData, file_report
from web.citizens.actions.catalogue import key_hash
from web.citizens.models import (
    ApiClient,
    Datatype,
    Report,
    ServiceAttribute,
    ServiceType,
    Settings,
)

MANUAL = DEMO_TEXT.parent / "manual-072-arco-demo.txt"
OPERATOR = "Operador/a de Atención Ciudadana"
#: The demo person who registers the reports (``web/demo.py``'s operator).
OPERATOR_USERNAME = "gabriela"
STAGES = {"2": "recibida", "3": "asignada", "4": "en proceso", "6": "verificada"}
#: The demo application's key (a demo on one's own machine; never in production).
DEMO_KEY = "demo-072-clave-de-prueba"

#: code | name | group | unit | description
SERVICES = [
    (
        "luminaria-apagada",
        "Luminaria apagada",
        "Alumbrado público",
        "Departamento de Alumbrado Público",
        "Lámparas del alumbrado público que no encienden.",
    ),
    (
        "bache",
        "Bache",
        "Vialidades",
        "Dirección de Atención Ciudadana",
        "Hoyos o hundimientos en el pavimento.",
    ),
    (
        "fuga-de-agua",
        "Fuga de agua",
        "Agua potable",
        "Dirección de Atención Ciudadana",
        "Agua que brota en la calle o banqueta.",
    ),
    (
        "basura-acumulada",
        "Basura acumulada",
        "Limpia",
        "Dirección de Atención Ciudadana",
        "Basura tirada en la vía pública o contenedores llenos.",
    ),
]

#: service | description | colonia | lat | long | moves (people who act, in order)
REPORTS = [
    (
        "luminaria-apagada",
        "Dos lámparas apagadas en el andador",
        "Centro",
        "19.043512",
        "-98.197430",
        ["gabriela", "hugo", "ramon", "hugo", "gabriela"],
    ),
    (
        "bache",
        "Bache profundo en el carril derecho",
        "La Paz",
        "19.051870",
        "-98.221350",
        ["gabriela", "hugo"],
    ),
    (
        "fuga-de-agua",
        "Fuga frente a la primaria",
        "San Manuel",
        "19.018430",
        "-98.201120",
        ["gabriela"],
    ),
    ("basura-acumulada", "Contenedor desbordado desde el lunes", "Centro", "", "", []),
]


def seed_demo(report: Any) -> None:
    dac = Unit.objects.filter(name="Dirección de Atención Ciudadana").first()
    if dac is None:
        report.add("Atención ciudadana: falta la Dirección de Atención Ciudadana; no se sembró.")
        return
    version, _created = import_manual_file(MANUAL, unit=dac)
    portal = _portal(dac)
    if portal is None:
        report.add(
            "Atención ciudadana: falta la operadora del 072 de la demostración; no se sembró."
        )
        return
    services = _services(version, portal)
    _arco(version, portal)
    _client(report)
    if not Report.objects.exists():
        for row in REPORTS:
            _report(services[row[0]], row)
        report.add(f"Atención ciudadana: {len(REPORTS)} reportes de ejemplo (072 y Open311).")


def _portal(dac: Unit) -> User | None:
    """The demo's 072 operator registers the reports (the office's own account for the
    portal would be one more person in the directory)."""
    user = User.objects.filter(username=OPERATOR_USERNAME, profile__unit=dac).first()
    if user is not None:
        ensure_role(OPERATOR, dac).members.add(user)
    return user


def _services(version: ManualVersion, portal: User) -> dict[str, ServiceType]:
    procedure = version.procedures.get(code="P1")
    found: dict[str, ServiceType] = {}
    for code, name, group, unit_name, description in SERVICES:
        unit = Unit.objects.filter(name=unit_name).first() or procedure.version.manual.unit
        assert unit is not None
        found[code], created = ServiceType.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "group": group,
                "description": description,
                "unit": unit,
                "procedure": procedure,
                "opened_as": portal,
                "stages": STAGES,
            },
        )
        if created and code == "luminaria-apagada":
            _luminaria_attributes(found[code])
    return found


def _luminaria_attributes(service: ServiceType) -> None:
    ServiceAttribute.objects.create(
        service=service,
        code="lamparas",
        description="¿Cuántas lámparas están apagadas?",
        datatype=Datatype.SINGLE,
        required=True,
        order=1,
        values=[["una", "Una"], ["varias", "Varias"], ["toda-la-calle", "Toda la calle"]],
    )
    ServiceAttribute.objects.create(
        service=service,
        code="poste",
        description="Número pintado en el poste (si lo ve)",
        datatype=Datatype.STRING,
        order=2,
    )


def _arco(version: ManualVersion, portal: User) -> None:
    if not Settings.objects.exists():
        procedure = version.procedures.get(code="P2")
        Settings.objects.create(arco_procedure=procedure, arco_opened_as=portal)


def _client(report: Any) -> None:
    if not ApiClient.objects.exists():
        ApiClient.objects.create(
            name="App Mi Colonia (demostración)",
            contact="app@example.org",
            key_hash=key_hash(DEMO_KEY),
            key_hint=DEMO_KEY[:6],
            per_minute=60,
        )
        report.add(f"Open311: /open311/v2/services.xml; api_key de la app de prueba: {DEMO_KEY}")


def _report(service: ServiceType, row: tuple[Any, ...]) -> None:
    _code, description, colonia, lat, long, moves = row
    new = NewReport(
        service=service,
        description=description,
        colonia=colonia,
        lat=Decimal(lat) if lat else None,
        long=Decimal(long) if long else None,
        address="" if lat else "Calle 3 Sur y 11 Poniente",
        attributes={"lamparas": "varias"} if service.code == "luminaria-apagada" else {},
    )
    filed = file_report(new, PersonalData(first_name="Vecina de ejemplo"))
    for username in moves:
        if not _move(filed.case, username):
            break


def _move(case: Case, username: str) -> bool:
    """The person completes the waiting activity; False when they are not in this
    office (another demo) or may not act on it."""
    user = User.objects.filter(username=username).first()
    task = case.tasks.filter(state__in=ACTIVE_TASK_STATES).select_related("case").first()
    if user is None or task is None or not can_act_on(user, task):
        return False
    choice = "En caso contrario" if task.step_number == "5" else None
    complete_task(task, user, choice)
    return True
