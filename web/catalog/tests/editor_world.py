"""What the editor tests share: the demo manual imported by Alicia's office, and a
draft of its first procedure (8 steps, a decision at 2 that ends the procedure on "No",
a loop from 6 back to 5)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from folio.demo import DEMO_TEXT
from web.accounts.models import Unit
from web.catalog.actions import import_manual_file
from web.catalog.models import ManualVersion, Procedure, ProcedureDraft
from web.conftest import signed_in


@pytest.fixture(name="demo")
def demo_fixture(dge: Unit) -> ManualVersion:
    version, _ = import_manual_file(DEMO_TEXT, unit=dge)
    return version


@pytest.fixture(name="p1")
def p1_fixture(demo: ManualVersion) -> Procedure:
    return demo.procedures.get(code="P1")


def open_editor(user: User, row: Procedure) -> tuple[Client, ProcedureDraft]:
    client = signed_in(user)
    response = client.get(f"/catalogo/procedimientos/{row.pk}/editar/")
    assert response.status_code == 302, response
    draft = ProcedureDraft.objects.get(author=user, code=row.code)
    assert response["Location"] == f"/catalogo/borradores/{draft.pk}/"
    return client, draft


def step_post(draft: ProcedureDraft, at: str, **fields: object) -> dict[str, object]:
    """The row form of step ``at`` as the page fills it, with ``fields`` changed."""
    draft.refresh_from_db()
    step = next(s for s in draft.data["steps"] if s["number"] == at)
    jumps = step["next"]
    data: dict[str, object] = {
        "op": "save",
        "number": at,
        "responsible": [*step["responsible"], ""],
        "activity": step["activity"],
        "questions": "\n".join(step["questions"]),
        "doc_type": [d["type"] for d in step["documents"]] + [""],
        "doc_code": [d["form_code"] or "" for d in step["documents"]] + [""],
        "copies": step["copies"],
        "when": [t["when"] or "" for t in jumps] + [""],
        "target": [_choice(t["to"]) for t in jumps] + [""],
        "external": [(t["to"] or "").removeprefix("external:") for t in jumps] + [""],
    }
    return {**data, **fields}


def _choice(to: str | None) -> str:
    if to is None:
        return ""
    return "external" if to.startswith("external:") else to


HTMX = {"HX-Request": "true"}
