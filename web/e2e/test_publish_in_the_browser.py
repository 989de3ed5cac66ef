"""The diagrams of the procedure and organization pages in a real browser: a wide
swimlane at its own size that zooms and pans, the same frame without JavaScript, and
pages that fit a phone."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from folio.demo import SEEDS
from web.catalog.actions import import_manual_file
from web.catalog.models import ManualVersion
from web.conftest import PASSWORD
from web.e2e.conftest import SignIn

pytestmark = pytest.mark.django_db(transaction=True)


def svg_width(page: Any) -> float:
    return float(
        page.evaluate("document.querySelector('.pz-frame svg').getBoundingClientRect().width")
    )


def frame_scroll(page: Any) -> list[float]:
    frame = "document.querySelector('.pz-frame')"
    return list(page.evaluate(f"[{frame}.scrollLeft, {frame}.scrollTop]"))


def test_it_zooms_and_pans_the_twelve_lane_procedure(
    sign_in: SignIn, live_server: Any, alicia: User, seed_dge: ManualVersion
) -> None:
    # given: P29 of seed 004 (3,475 px wide) on a laptop screen
    page = sign_in(alicia)
    p29 = seed_dge.procedures.get(code="P29")
    page.goto(f"{live_server.url}/catalogo/procedimientos/{p29.pk}/")
    level = page.locator(".pz-level")
    expect(level).to_have_text("100 %")
    assert svg_width(page) == pytest.approx(3475, abs=1)
    # when / then: the buttons zoom, "fit" shows the whole width, "actual size" returns
    page.get_by_role("button", name="Acercar").click()
    expect(level).to_have_text("125 %")
    page.get_by_role("button", name="Ajustar al ancho").click()
    frame = page.locator(".pz-frame").bounding_box()
    assert frame is not None and svg_width(page) <= frame["width"]
    page.get_by_role("button", name="Tamaño real").click()
    expect(level).to_have_text("100 %")
    # Ctrl + wheel zooms out at the pointer; a drag pans the frame
    box = page.locator(".pz-frame").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + 300, box["y"] + 200)
    page.keyboard.down("Control")
    page.mouse.wheel(0, 200)
    page.keyboard.up("Control")
    expect(level).to_have_text("80 %")
    before = frame_scroll(page)
    page.mouse.down()
    page.mouse.move(box["x"] + 100, box["y"] + 100, steps=4)
    page.mouse.up()
    after = frame_scroll(page)
    assert after[0] == pytest.approx(before[0] + 200, abs=2)
    assert after[1] == pytest.approx(before[1] + 100, abs=2)
    # and on a phone nothing but the frame scrolls sideways
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_it_shows_the_diagram_in_a_scrolling_frame_without_javascript(
    browser: Any, live_server: Any, alicia: User, seed_dge: ManualVersion
) -> None:
    # given: a browser with JavaScript off, signed in
    context = browser.new_context(java_script_enabled=False, locale="es-MX")
    page = context.new_page()
    page.goto(f"{live_server.url}/cuentas/entrar/")
    page.get_by_label("Usuario").fill("alicia")
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Entrar").click()
    p29 = seed_dge.procedures.get(code="P29")
    # when
    page.goto(f"{live_server.url}/catalogo/procedimientos/{p29.pk}/")
    # then: no toolbar, the SVG at its own size in a frame that scrolls, a link to it alone
    expect(page.locator(".pz-tools")).to_be_hidden()
    assert svg_width(page) == pytest.approx(3475, abs=1)
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.pz-frame')).overflowX") == "auto"
    )
    with context.expect_page() as opened:  # in a tab of its own
        page.get_by_role("link", name="Abrir el diagrama solo, a tamaño completo").click()
    alone = opened.value
    alone.wait_for_load_state()
    assert alone.url.endswith(f"/procedimientos/{p29.pk}/diagrama.svg")
    assert "P29" in str(alone.title())
    context.close()


def test_it_shows_the_org_chart_page_on_a_phone(
    sign_in: SignIn, live_server: Any, alicia: User
) -> None:
    found = sorted(SEEDS.glob("002_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"the seed manuals are not in {SEEDS} (../shared is absent)")
    version, _ = import_manual_file(found[0])
    page = sign_in(alicia)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/catalogo/manuales/{version.manual_id}/")
    expect(page.get_by_role("heading", name="Organigrama")).to_be_visible()
    expect(page.locator(".pz-level")).to_have_text("100 %")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator("details.position summary").first.click()
    expect(page.locator("details.position").first).to_have_attribute("open", "")
