"""The case list exported: every case the filters find, as CSV (UTF-8 with a BOM) and
XLSX, read back; only the cases one may see."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import openpyxl  # type: ignore[import-untyped]
import pytest
from django.contrib.auth.models import User
from django.http import FileResponse, StreamingHttpResponse
from django.test import Client
from django.urls import reverse

from folio.demo import DEMO_TEXT
from web.accounts.models import Unit
from web.cases.actions import cancel_case, claim_task, open_case
from web.cases.tests.conftest import SetClock, waiting
from web.catalog.actions import import_manual_file
from web.catalog.models import Procedure
from web.conftest import signed_in

pytestmark = pytest.mark.django_db

HEADER = [
    "Folio",
    "Asunto",
    "Procedimiento",
    "Unidad",
    "Estado",
    "Plazo",
    "Fecha límite",
    "Actividad en curso",
    "Quién la tiene",
    "Inicio",
    "Terminado",
]


def csv_rows(client: Client, query: str = "") -> list[list[str]]:
    response = client.get(f"/casos/buscar/exportar.csv?{query}")
    assert isinstance(response, StreamingHttpResponse)
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def xlsx_rows(client: Client, query: str = "") -> list[tuple[object, ...]]:
    response = client.get(f"/casos/buscar/exportar.xlsx?{query}")
    assert isinstance(response, FileResponse)
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return list(book.active.iter_rows(values_only=True))


def test_it_exports_the_filtered_cases_as_csv_and_xlsx(
    cuentas: Procedure, bruno: User, alicia: User, clock: SetClock
) -> None:
    # given: a case overdue since 9 March held by the director, a fresh one, a cancelled one
    clock(datetime(2026, 3, 2, 10))
    late = open_case(cuentas, bruno, "Cuenta para Juárez", "Tesorería")
    claim_task(waiting(late), alicia)
    clock(datetime(2026, 3, 18, 10))
    open_case(cuentas, bruno, "Cuenta nueva")
    gone = open_case(cuentas, bruno, "Cuenta duplicada")
    cancel_case(gone, bruno, "Duplicado")
    clock(datetime(2026, 3, 20, 10))
    client = signed_in(alicia)
    # when: the overdue cases are exported
    rows = csv_rows(client, "deadline=overdue")
    sheet = xlsx_rows(client, "deadline=overdue")
    # then: one row each, the same columns, accents kept
    assert rows[0] == HEADER and list(sheet[0]) == HEADER
    procedure = f"{cuentas.code}. {cuentas.name}"
    assert rows[1:] == [
        [
            late.folio,
            "Cuenta para Juárez",
            procedure,
            late.unit.name,
            "Abierto",
            "Vencido",
            "2026-03-09",
            "1",
            "Alicia Ramos",
            "2026-03-02",
            "",
        ]
    ]
    assert sheet[1][:6] == (
        late.folio,
        "Cuenta para Juárez",
        procedure,
        late.unit.name,
        "Abierto",
        "Vencido",
    )
    assert sheet[1][6] == datetime(2026, 3, 9) and sheet[1][9] == datetime(2026, 3, 2)
    assert sheet[1][7:9] == ("1", "Alicia Ramos") and sheet[1][10] is None
    # the cancelled case has no deadline state, and its end day
    ended = csv_rows(client, "state=cancelled")[1]
    assert ended[0] == gone.folio and ended[5] == "" and ended[10] == "2026-03-18"


def test_it_exports_every_match_not_only_the_page_in_bounded_queries(
    cuentas: Procedure, bruno: User, django_assert_max_num_queries: object
) -> None:
    made = {open_case(cuentas, bruno, f"Cuenta {i}").folio for i in range(30)}
    client = signed_in(bruno)
    client.get("/casos/buscar/exportar.csv")  # warm the parsed procedure cache
    with django_assert_max_num_queries(10):  # type: ignore[operator]
        rows = csv_rows(client, "q=cuenta")
    assert {row[0] for row in rows[1:]} == made
    with django_assert_max_num_queries(10):  # type: ignore[operator]
        sheet = xlsx_rows(client)
    assert {row[0] for row in sheet[1:]} == made


def test_it_names_the_files_with_the_date(bruno: User, clock: SetClock) -> None:
    clock(datetime(2026, 3, 20, 10))
    client = signed_in(bruno)
    for kind in ("csv", "xlsx"):
        response = client.get(f"/casos/buscar/exportar.{kind}")
        disposition = response["Content-Disposition"]
        assert disposition.startswith("attachment;")
        assert f'filename="casos-{date(2026, 3, 20).isoformat()}.{kind}"' in disposition
    assert client.get("/casos/buscar/exportar.pdf").status_code == 404


def test_an_outsider_exports_nothing_of_another_unit(
    cuentas: Procedure, bruno: User, gabriela: User, atencion: Unit
) -> None:
    open_case(cuentas, bruno, "Cuenta SAP")
    demo, _ = import_manual_file(DEMO_TEXT, unit=atencion)
    own = open_case(demo.procedures.get(code="P1"), gabriela, "Luminaria apagada")
    client = signed_in(gabriela)
    assert [row[0] for row in csv_rows(client)[1:]] == [own.folio]
    assert [row[0] for row in xlsx_rows(client)[1:]] == [own.folio]
    assert csv_rows(client, "q=cuenta") == [HEADER]


def test_it_asks_to_sign_in_first(db: None) -> None:
    for kind in ("csv", "xlsx"):
        response = Client().get(f"/casos/buscar/exportar.{kind}")
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_it_refuses_wrong_filters_instead_of_exporting_everything(
    cuentas: Procedure, bruno: User
) -> None:
    open_case(cuentas, bruno, "Cuenta SAP")
    response = signed_in(bruno).get(
        "/casos/buscar/exportar.csv?started_from=2026-03-05&started_to=2026-03-01"
    )
    assert response.status_code == 400 and response["Content-Type"].startswith("text/plain")
    assert "La fecha final es anterior a la inicial." in response.content.decode()


def test_a_subject_that_looks_like_a_formula_stays_text(
    cuentas: Procedure, bruno: User, alicia: User, clock: SetClock
) -> None:
    # given: a case whose subject (it may come from a citizen) starts like a formula
    clock(datetime(2026, 3, 2, 10))
    open_case(cuentas, bruno, '=HYPERLINK("http://example.invalid","clic")', "Tesorería")
    client = signed_in(alicia)
    # when: it is exported both ways
    row = csv_rows(client)[1]
    sheet = xlsx_rows(client)[1]
    # then: the spreadsheet shows it as text instead of running it
    assert row[1] == sheet[1] == '\'=HYPERLINK("http://example.invalid","clic")'
