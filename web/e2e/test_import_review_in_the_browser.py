"""A Word manual of another institution, uploaded in a real browser: its procedures are
found under their Word headings, named from the section headers, and each says whether
it needs review — readable on a desktop and on a phone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from web.e2e.conftest import SignIn

pytestmark = pytest.mark.django_db(transaction=True)

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus" / "docs"


def upload(page: Any, path: Path) -> None:
    page.get_by_role("link", name="Manuales").first.click()
    page.get_by_label("Archivo del manual", exact=False).set_input_files(str(path))
    page.get_by_role("button", name="Importar").click()
    page.wait_for_load_state()


def test_it_imports_a_word_manual_and_shows_how_sure_it_is(
    sign_in: SignIn, alicia: User, shots: Path
) -> None:
    # given: the Directora signed in, with a Word manual whose codes live in its headers
    page = sign_in(alicia)
    # when: she uploads it
    upload(page, CORPUS / "santa-lucia-administrativa.docx")
    # then: three procedures, coded from the section headers, each with its review badge
    expect(page.locator("main")).to_contain_text("3 procedimientos")
    for code in ("PRO-DA-03", "PRO-DA-04", "PRO-DA-05"):
        expect(page.locator("main")).to_contain_text(code)
    expect(page.locator("main")).to_contain_text("Control de correspondencia")
    expect(page.get_by_text("Sin observaciones").first).to_be_visible()
    page.screenshot(path=str(shots / "review-status-docx.png"), full_page=True)
    # and on a phone the badges stay on screen
    page.set_viewport_size({"width": 390, "height": 844})
    badge = page.get_by_text("Sin observaciones").first
    expect(badge).to_be_visible()
    box = badge.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390
    page.screenshot(path=str(shots / "review-status-docx-390.png"), full_page=True)
