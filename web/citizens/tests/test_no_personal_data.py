"""The reporter's data never leave the ``Reporter`` table: a scan of every public page,
every Open311 answer (both formats, with and without extensions), the open-data table,
the case list's exports and the tamper-evident log finds none of them."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from web.cases.actions import complete_task
from web.cases.models import ACTIVE_TASK_STATES, Event
from web.citizens.actions import NewReport, PersonalData, add_public_note, file_report
from web.citizens.models import Report, ServiceType
from web.citizens.tests.test_public_pages import form_data
from web.datasets import registered_sources

SECRETS = [
    "Eustolia",
    "Marroquín",
    "eustolia.m@example.net",
    "2221234567",
    "Rosalba",
    "Quintanilla",
    "vecina.reportante",
    "2225550199",
    "device-7f3a",
    "cuenta-991",
]


@pytest.fixture
def reports(
    client: Client, luminaria: ServiceType, api_client_row: Any, gabriela: User
) -> list[Report]:
    client.post("/ciudadania/reportar/", form_data(luminaria, lat="19.04321", long="-98.19876"))
    person = PersonalData(
        "Rosalba",
        "Quintanilla",
        "vecina.reportante@example.net",
        "2225550199",
        "device-7f3a",
        "cuenta-991",
    )
    new = NewReport(
        luminaria,
        "Poste caído",
        address="Av. Reforma 100",
        attributes={"lamparas": "una"},
        channel="open311",
        client=api_client_row,
    )
    file_report(new, person)
    filed = list(Report.objects.all())
    for report in filed:
        task = report.case.tasks.get(state__in=ACTIVE_TASK_STATES)
        complete_task(task, gabriela)
        add_public_note(report, gabriela, "Canalizado a Alumbrado Público.")
    return filed


def xlsx_text(content: bytes) -> str:
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    book = load_workbook(io.BytesIO(content), read_only=True)
    cells = [str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
    assert cells, "the XLSX export is empty"
    return "\n".join(cells)


def public_urls(reports: list[Report]) -> list[str]:
    urls = [
        "/ciudadania/reportar/",
        "/ciudadania/reportes/",
        "/ciudadania/privacidad/",
        "/ciudadania/privacidad/integral/",
        "/ciudadania/arco/",
    ]
    for fmt in ("xml", "json"):
        urls += [
            f"/open311/discovery.{fmt}",
            f"/open311/v2/services.{fmt}",
            f"/open311/v2/services/luminaria-apagada.{fmt}",
            f"/open311/v2/requests.{fmt}",
            f"/open311/v2/requests.{fmt}?extensions=true",
        ]
        for report in reports:
            urls += [
                f"/open311/v2/requests/{report.case.folio}.{fmt}?extensions=true",
                f"/open311/v2/tokens/{report.token}.{fmt}",
            ]
    urls += [f"/ciudadania/folio/?folio={r.case.folio}" for r in reports]
    return urls


def test_no_public_response_or_export_holds_the_reporters_data(
    reports: list[Report], gabriela: User
) -> None:
    anonymous = Client()
    scanned = 0
    for url in public_urls(reports):
        response = anonymous.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert body.strip(), url
        for secret in SECRETS:
            assert secret not in body, (url, secret)
        scanned += 1
    assert scanned >= 25
    source = next(s for s in registered_sources() if s.slug == "reportes-ciudadanos")
    rows = list(source.rows())
    assert len(rows) == 2 and {r["estado"] for r in rows} == {"asignada"}
    assert {r["latitud"] for r in rows} == {19.043, None}
    text = json.dumps(rows, default=str)
    staff = Client()
    staff.force_login(gabriela)
    for kind in ("csv", "xlsx"):
        export = staff.get(f"/casos/buscar/exportar.{kind}")
        assert export.status_code == 200
        content = export.getvalue()
        text += content.decode("utf-8-sig") if kind == "csv" else xlsx_text(content)
    text += json.dumps([e.payload for e in Event.objects.all()], ensure_ascii=False)
    for secret in SECRETS:
        assert secret not in text, secret


def test_the_open_data_refresh_publishes_the_reports_table(reports: list[Report]) -> None:
    """The open-data app's own personal-data check accepts the table as it is."""
    from web.opendata.actions.refresh import refresh_sources

    result = refresh_sources()
    assert "reportes-ciudadanos" in result.changed, result.errors
    assert not [e for e in result.errors if e.startswith("reportes-ciudadanos")]
