"""A head of unit finds the unit's overdue cases in the case list, opens one, comes back
to the same filtered list and downloads it as XLSX, which the test reads back."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import openpyxl  # type: ignore[import-untyped]
import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from web.cases.actions import open_case
from web.catalog.models import Procedure
from web.e2e.conftest import SignIn

pytestmark = pytest.mark.django_db(transaction=True)

DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"


def open_cases_late(monkeypatch: pytest.MonkeyPatch, cuentas: Procedure, bruno: User) -> list[str]:
    """Two cases opened on 2 and 3 November 2026 (5 días hábiles: long overdue now)."""
    folios = []
    for day, subject in ((2, "Cuenta para Juárez"), (3, "Cuenta de nómina atrasada")):
        moment = datetime(2026, 11, day, 10, tzinfo=ZoneInfo("America/Mexico_City"))
        with monkeypatch.context() as patch:
            patch.setattr(timezone, "now", lambda moment=moment: moment)
            folios.append(open_case(cuentas, bruno, subject, "Tesorería").folio)
    return folios


def test_a_head_finds_exports_the_overdue_cases_of_the_unit(
    sign_in: SignIn,
    live_server: Any,
    cuentas: Procedure,
    alicia: User,
    bruno: User,
    monkeypatch: pytest.MonkeyPatch,
    shots: Path,
    tmp_path: Path,
) -> None:
    # given: two overdue cases and one opened today
    late = open_cases_late(monkeypatch, cuentas, bruno)
    fresh = open_case(cuentas, bruno, "Cuenta nueva").folio
    page = sign_in(alicia)
    # when: the director asks the case list for the overdue ones
    page.goto(f"{live_server.url}/casos/buscar/")
    page.get_by_label("Plazo").select_option(label="Vencido")
    page.get_by_role("button", name="Buscar").click()
    page.wait_for_url("**deadline=overdue**")
    body = page.locator("table.grid").inner_text()
    assert all(folio in body for folio in late) and fresh not in body
    assert "Se encontraron 2 casos." in page.locator("p.meta").first.inner_text()
    _screenshots(page, shots)
    # opens one and comes back to the same filtered list
    page.get_by_role("link", name=late[0]).click()
    page.wait_for_url("**/casos/*/")
    assert page.get_by_role("heading", level=1).inner_text().startswith(late[0])
    page.go_back()
    assert "deadline=overdue" in page.url and fresh not in page.locator("table.grid").inner_text()
    # then: the XLSX holds the overdue cases, all of them and only them
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel (XLSX)").click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    assert target.name.startswith("casos-") and target.suffix == ".xlsx"
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][0] == "Folio" and rows[0][5] == "Plazo"
    assert sorted(row[0] for row in rows[1:]) == sorted(late)
    assert {row[5] for row in rows[1:]} == {"Vencido"}
    assert {row[1] for row in rows[1:]} == {"Cuenta para Juárez", "Cuenta de nómina atrasada"}


def _screenshots(page: Any, shots: Path) -> None:
    """The filtered list on a desktop (kept in docs/img) and on a phone."""
    page.set_viewport_size({"width": 1366, "height": 900})
    page.screenshot(path=str(shots / "case-list-filters.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(shots / "case-list-filters-phone.png"), full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the filtered list is {width} px wide on a phone"
    page.set_viewport_size({"width": 1366, "height": 900})
