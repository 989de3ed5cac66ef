"""Editing steps in the editor: each row posts itself (htmx swaps it in with the
swimlane and the findings; without JavaScript the page reloads)."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from web.catalog.models import Procedure, ProcedureDraft
from web.catalog.tests.editor_world import HTMX, demo_fixture, open_editor, p1_fixture, step_post  # noqa: F401

pytestmark = pytest.mark.django_db


def jumps(draft: ProcedureDraft) -> dict[str, list[str]]:
    draft.refresh_from_db()
    return {
        s["number"]: [f"{t['when']}>{t['to']}" if t["when"] else str(t["to"]) for t in s["next"]]
        for s in draft.data["steps"]
    }


def post(
    client: Client, draft: ProcedureDraft, at: str, htmx: bool = True, **fields: object
) -> Any:
    url = f"/catalogo/borradores/{draft.pk}/pasos/{at}/"
    return client.post(url, step_post(draft, at, **fields), headers=HTMX if htmx else {})


def test_it_edits_a_transition_and_swaps_the_row_with_swimlane_and_findings(
    alicia: User, p1: Procedure
) -> None:
    # given
    client, draft = open_editor(alicia, p1)
    # when: "¿Se reparó? Si" now goes to the end
    response = post(
        client, draft, "5", when=["Si", "En caso contrario", ""], target=["end", "6", ""]
    )
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('\n<form id="paso-5"') or '<form id="paso-5"' in html.split("\n", 2)[1]
    assert 'id="preview" class="swimlane" hx-swap-oob="true"' in html and "<svg" in html
    assert 'id="findings" hx-swap-oob="true"' in html
    assert jumps(draft)["5"] == ["Si>end", "En caso contrario>6"]


def test_without_javascript_the_row_posts_and_comes_back_to_the_editor(
    alicia: User, p1: Procedure
) -> None:
    client, draft = open_editor(alicia, p1)
    response = post(client, draft, "5", htmx=False, activity="Acude y repara.")
    assert response.status_code == 302
    assert response["Location"] == f"/catalogo/borradores/{draft.pk}/?paso=5#paso-5"
    draft.refresh_from_db()
    assert draft.data["steps"][4]["activity"] == "Acude y repara."


def test_a_finding_appears_and_disappears_with_the_fix(alicia: User, p1: Procedure) -> None:
    # given
    client, draft = open_editor(alicia, p1)
    # when: step 6 jumps to a step that does not exist
    broken = post(client, draft, "6", target=["9", ""]).content.decode()
    fixed = post(client, draft, "6", target=["5", ""]).content.decode()
    # then
    assert "FOL201" in broken and 'href="?paso=6#paso-6"' in broken
    assert "FOL201" not in fixed


def test_it_splits_a_compound_responsible(alicia: User, p1: Procedure) -> None:
    client, draft = open_editor(alicia, p1)
    both = "Jefe/a de Departamento de Alumbrado Público y Cuadrilla de Mantenimiento"
    html = post(client, draft, "4", responsible=[both, ""]).content.decode()
    assert 'value="split:' in html
    post(client, draft, "4", op=f"split:{both}")
    draft.refresh_from_db()
    assert draft.data["steps"][3]["responsible"] == [
        "Jefe/a de Departamento de Alumbrado Público",
        "Cuadrilla de Mantenimiento",
    ]


@pytest.mark.parametrize(
    ("number", "op", "expected"),
    [
        ("3", "add", {"3": ["4"], "4": ["5"], "6": ["Si>8", "En caso contrario>7"], "7": ["6"]}),
        ("6", "delete", {"5": ["Si>6", "En caso contrario>5"], "6": ["7"], "7": ["end"]}),
        ("6", "up", {"5": ["6"], "6": ["Si>7", "En caso contrario>5"], "7": ["8"]}),
        ("4", "down", {"3": ["5"], "4": ["Si>7", "En caso contrario>6"], "5": ["4"]}),
    ],
)
def test_add_delete_and_move_keep_every_jump_on_its_step(
    alicia: User, p1: Procedure, number: str, op: str, expected: dict[str, list[str]]
) -> None:
    # given
    client, draft = open_editor(alicia, p1)
    # when
    response = post(client, draft, number, op=op)
    # then: the whole table comes back (numbers moved)
    assert response["HX-Retarget"] == "#steps"
    found = jumps(draft)
    assert {k: found[k] for k in expected} == expected


def test_it_renumbers_and_refuses_a_duplicate_number(alicia: User, p1: Procedure) -> None:
    # given
    client, draft = open_editor(alicia, p1)
    post(client, draft, "7", number="7.5")
    # when
    refused = post(client, draft, "6", number="5")
    client.post(f"/catalogo/borradores/{draft.pk}/renumerar/", headers=HTMX)
    # then
    assert refused["HX-Retarget"] == "[id='error-paso-6']"
    assert refused.content.decode().strip() == "Paso 6, número: ya hay un paso 5."
    assert jumps(draft)["5"] == ["Si>7", "En caso contrario>6"]
    assert [s["number"] for s in draft.data["steps"]] == [str(n) for n in range(1, 9)]


def test_without_javascript_a_refusal_is_a_message_on_the_page(alicia: User, p1: Procedure) -> None:
    client, draft = open_editor(alicia, p1)
    response = post(client, draft, "6", htmx=False, activity=" ")
    page = client.get(response["Location"]).content.decode()
    assert "Paso 6, actividad: escriba qué se hace en este paso." in page


def test_it_refuses_people_who_do_not_administer(alicia: User, bruno: User, p1: Procedure) -> None:
    _, draft = open_editor(alicia, p1)
    client = Client()
    client.force_login(bruno)
    assert post(client, draft, "5", activity="x").status_code == 403
