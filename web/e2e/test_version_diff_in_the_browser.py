"""The versions of a manual in Chromium: from the manual page to its history, then the
diff between two versions, readable at 1366 px and on a 390 px phone."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from folio.manuals.model import END, Transition
from web.cases.actions import TargetChange, set_step_targets
from web.catalog.actions import save_manual_version
from web.catalog.models import ManualVersion
from web.e2e.conftest import SignIn

pytestmark = pytest.mark.django_db(transaction=True)


def second_version(first: ManualVersion, user: User) -> ManualVersion:
    """P1 without activity 4 (5-7 renumbered 4-6); activity 6 (now 5) ends on "No" and is
    also the coordinador's."""
    manual = first.model()
    p1 = manual.procedures[0]
    numbers = {"1": "1", "2": "2", "3": "3", "4": "4", "5": "4", "6": "5", "7": "6"}
    coordinador = p1.steps[4].responsible[0]
    steps = []
    for s in p1.steps:
        if s.number == "4":
            continue
        jumps = tuple(replace(t, to=numbers.get(t.to or "", t.to)) for t in s.next)
        if s.number == "6":
            jumps = (Transition(END, "No"), Transition("6", "En caso contrario"))
            s = replace(s, responsible=(*s.responsible, coordinador))
        steps.append(replace(s, number=numbers[s.number], next=jumps))
    edited = replace(manual, procedures=(replace(p1, steps=tuple(steps)), *manual.procedures[1:]))
    note = "Se suprime el turno al coordinador; un formato incompleto termina el trámite."
    return save_manual_version(first.manual, edited, user=user, note=note, based_on=first)


def fits(page: Any, width: int) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"the page is {overflow} px wide at {width} px"


def test_the_diff_page_reads_on_a_desktop_and_a_phone(
    sign_in: SignIn, alicia: User, pruebas_dge: ManualVersion, shots: Path
) -> None:
    # given: times on P1, then a second version that renumbers it
    set_step_targets(pruebas_dge.procedures.get(code="P1"), alicia, [TargetChange("4", 2)])
    second_version(pruebas_dge, alicia)
    page = sign_in(alicia)
    page.set_viewport_size({"width": 1366, "height": 900})
    # when: she goes from the manual to its versions and compares 1 with 2
    page.goto(page.url.split("/casos")[0] + f"/catalogo/manuales/{pruebas_dge.manual_id}/")
    page.get_by_role("link", name="Versiones y cambios").click()
    page.screenshot(path=str(shots / "versions-list.png"), full_page=True)
    page.get_by_role("button", name="Comparar").click()
    # then
    page.get_by_role("heading", name="Cambios de la versión 1 a la versión 2").wait_for()
    assert page.locator(".diff-pair").count() >= 2
    assert page.get_by_text("«No»: ahora va a fin (antes: actividad 5, ahora 4)").is_visible()
    assert page.get_by_text(
        "ahora va a actividad 4 (antes: actividad 4, que se quitó)"
    ).is_visible()
    fits(page, 1366)
    page.screenshot(path=str(shots / "version-diff.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    fits(page, 390)
    old, new = page.locator(".diff-pair").first.locator(".diff-old, .diff-new").all()
    assert old.bounding_box()["y"] < new.bounding_box()["y"]  # stacked, not side by side
    page.screenshot(path=str(shots / "version-diff-390.png"), full_page=True)
