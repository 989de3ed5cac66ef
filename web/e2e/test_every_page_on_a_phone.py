"""Every signed-in page at 390 px, in Chromium: nothing wider than the phone (the top
menu wraps, tables become cards), and pictures of the inbox, a case, the case list and
the role directory (``FOLIO_E2E_SHOTS=docs/img`` keeps them as ``phone-*.png``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from folio.demo import SEEDS
from web.cases.actions import open_case
from web.cases.models import Case
from web.cases.tests.conftest import step
from web.catalog.actions import import_manual_file, save_manual_version
from web.catalog.models import ManualVersion, Procedure, Role
from web.conftest import PASSWORD
from web.e2e.conftest import SignIn

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
#: The innermost elements that reach past the window's right edge (to say what overflows).
CULPRITS = """[...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
  .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
  .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))"""
SHOTS = {
    "inbox": "phone-inbox",
    "case": "phone-case",
    "cases": "phone-cases",
    "roles": "phone-roles",
}


def office(version: ManualVersion, bruno: User, alicia: User) -> Case:
    """Cases waiting at activity 2 (Alicia's) and one further on, with documents."""
    cuentas = version.procedures.get(code="P1")
    subjects = [
        "Alta de cuenta en el sistema de nómina para la Dirección de Egresos",
        "Cuenta de correo institucional para personal de nuevo ingreso",
        "Acceso al sistema de catastro",
    ]
    cases = [open_case(cuentas, bruno, subject) for subject in subjects]
    for case in cases:
        step(case, bruno, "1")
    step(cases[0], alicia, "2")
    return cases[0]


def pages(version: ManualVersion, case: Case, org: ManualVersion | None) -> dict[str, str]:
    procedure = Procedure.objects.get(version=version, code="P1")
    manual = version.manual_id
    found = {
        "inbox": "/casos/",
        "cases": "/casos/buscar/",
        "case": f"/casos/{case.pk}/",
        "case-create": "/casos/nuevo/",
        "calendar": "/casos/calendario/",
        "roles": "/catalogo/roles/",
        "manuals": "/catalogo/",
        "manual": f"/catalogo/manuales/{manual}/",
        "procedure": f"/catalogo/procedimientos/{procedure.pk}/",
        "editor": f"/catalogo/procedimientos/{procedure.pk}/editar/",
        "versions": f"/catalogo/manuales/{manual}/versiones/",
        "diff": f"/catalogo/manuales/{manual}/cambios/?a=1&b=2",
        "manual-form": "/catalogo/manuales/nuevo/",
    }
    if org is not None:
        found["org"] = f"/catalogo/manuales/{org.manual_id}/"
    return found


def seed(prefix: str) -> Path | None:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    return found[0] if found else None


def test_every_page_fits_a_phone(
    sign_in: SignIn,
    live_server: Any,
    alicia: User,
    bruno: User,
    carla: User,
    diego: User,
    elena: User,
    pruebas_dge: ManualVersion,
    shots: Path,
) -> None:
    # given: an office with running cases, a second version, the seeds when present
    case = office(pruebas_dge, bruno, alicia)
    note = "Se precisa la redacción de las actividades."
    save_manual_version(
        pruebas_dge.manual, pruebas_dge.model(), user=alicia, note=note, based_on=pruebas_dge
    )
    for prefix in ("004",):
        if (path := seed(prefix)) is not None:
            import_manual_file(path, unit=pruebas_dge.manual.unit)
    Role.objects.order_by("name").first().members.add(bruno, diego)  # type: ignore[union-attr]
    org = import_manual_file(path)[0] if (path := seed("002")) is not None else None
    page = sign_in(alicia)
    page.set_viewport_size(PHONE)
    # when / then
    wide = {}
    for name, url in pages(pruebas_dge, case, org).items():
        response = page.goto(f"{live_server.url}{url}")
        assert response is not None and response.status == 200, f"{name}: {url}"
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[name] = (width, page.evaluate(CULPRITS))
        if name in SHOTS:
            page.screenshot(path=str(shots / f"{SHOTS[name]}.png"))
    assert not wide, f"pages wider than 390 px: {wide}"


def test_the_menu_and_sign_out_stay_on_screen(sign_in: SignIn, bruno: User) -> None:
    page = sign_in(bruno)
    page.set_viewport_size(PHONE)
    page.reload()
    for name in ("Bandeja", "Casos", "Manuales", "Roles", "Calendario"):
        box = (
            page.get_by_role("navigation").get_by_role("link", name=name, exact=True).bounding_box()
        )
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, name
    out = page.get_by_role("button", name="Salir").bounding_box()
    assert out is not None and out["x"] + out["width"] <= 390


def test_the_role_directory_adds_removes_and_merges_without_javascript(
    browser: Any, live_server: Any, alicia: User, bruno: User, shots: Path
) -> None:
    from web.catalog.actions import ensure_role

    keep, variant = ensure_role("Analista Consultivo A"), ensure_role("Consultivo A")
    variant.members.add(bruno)
    context = browser.new_context(java_script_enabled=False, locale="es-MX", viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_server.url}/cuentas/entrar/")
    page.get_by_label("Usuario").fill("alicia")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Entrar").click()
    page.goto(f"{live_server.url}/catalogo/roles/?q=consultivo")
    row = page.locator(f"#rol-{keep.pk}")
    row.get_by_label("Persona que se agrega a Analista Consultivo A").select_option(
        label="Alicia Ramos"
    )
    row.get_by_role("button", name="Agregar").click()
    assert "Alicia Ramos ahora actúa como «Analista Consultivo A»." in page.inner_text(".messages")
    assert page.url.endswith(f"/catalogo/roles/?q=consultivo#rol-{keep.pk}")
    page.goto(f"{live_server.url}/catalogo/roles/{variant.pk}/unir/?into={keep.pk}")
    assert "Bruno Téllez" in page.inner_text("main")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(shots / "phone-role-merge.png"))
    page.get_by_role("button", name="Unir").click()
    assert set(keep.members.values_list("username", flat=True)) == {"alicia", "bruno"}
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_server.url}/catalogo/roles/")
    page.screenshot(path=str(shots / "role-directory-1366.png"))
    context.close()
