"""An administrator adds a person in Chromium with the person form (no JavaScript
needed), gives them a second role on their page and deactivates them; the form fits at
1366 px and at 390 px (``FOLIO_E2E_SHOTS=docs/img`` keeps both as ``people.png``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from PIL import Image

from web.accounts.models import Unit
from web.catalog.models import Role
from web.conftest import ANALISTA_AB, COORDINADOR_MONITOREO
from web.e2e.conftest import SignIn

pytestmark = pytest.mark.django_db(transaction=True)

#: How far the page reaches past the window's right edge, in pixels.
OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"


def fill_form(page: Any) -> None:
    page.get_by_label("Nombre(s)").fill("Hugo")
    page.get_by_label("Apellidos").fill("Lara Núñez")
    page.locator("#id_username").fill("hugo")
    page.get_by_label("Correo electrónico").fill("hugo@example.org")
    page.get_by_label("Unidad", exact=True).select_option(
        label="Departamento de Ingeniería de Aplicaciones"
    )
    page.locator("#id_position").fill("Analista de Sistemas")
    page.get_by_label(ANALISTA_AB).check()


def side_by_side(wide: Path, phone: Path, target: Path) -> None:
    """One picture: the form at 1366 px and, beside it, at 390 px (halved, in palette
    colours, to stay small)."""
    left, right = Image.open(wide), Image.open(phone)
    height = max(left.height, right.height)
    sheet = Image.new("RGB", (left.width + right.width + 24, height), "#d9dee3")
    sheet.paste(left, (0, 0))
    sheet.paste(right, (left.width + 24, 0))
    half = sheet.resize((sheet.width // 2, sheet.height // 2), Image.Resampling.LANCZOS)
    half.quantize(colors=128).save(target, optimize=True)


def test_it_adds_a_person_and_deactivates_them(
    sign_in: SignIn,
    alicia: User,
    ingenieria: Unit,
    dge_roles: dict[str, Role],
    shots: Path,
    tmp_path: Path,
) -> None:
    # given: Alicia opens the person form from the people list
    page = sign_in(alicia)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.get_by_role("link", name="Personas").click()
    page.get_by_role("link", name="Agregar una persona").click()
    fill_form(page)
    assert page.evaluate(OVERFLOW) <= 0
    page.screenshot(path=str(tmp_path / "wide.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate(OVERFLOW) <= 0
    page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
    side_by_side(tmp_path / "wide.png", tmp_path / "phone.png", shots / "people.png")
    # when: she adds Hugo, then a second role on his page
    page.get_by_role("button", name="Agregar", exact=True).click()
    page.wait_for_url("**/cuentas/personas/*/")
    assert "Se agregó a Hugo Lara Núñez." in page.content()
    page.get_by_label("Buscar un rol para agregar").fill("monitoreo")
    page.get_by_role("button", name="Buscar", exact=True).click()
    page.get_by_role("button", name="Agregar rol").click()
    assert page.evaluate(OVERFLOW) <= 0  # his page fits the phone too
    page.screenshot(path=str(tmp_path / "person.png"), full_page=True)
    # and deactivates him
    page.get_by_text("Desactivar", exact=True).first.click()
    page.get_by_role("button", name="Desactivar").click()
    # then
    assert "Hugo Lara Núñez ya no puede entrar a Folio." in page.content()
    hugo = User.objects.get(username="hugo")
    assert not hugo.is_active and hugo.profile.unit == ingenieria
    assert {r.name for r in hugo.folio_roles.all()} == {ANALISTA_AB, COORDINADOR_MONITOREO}
    assert (shots / "people.png").stat().st_size < 250_000
