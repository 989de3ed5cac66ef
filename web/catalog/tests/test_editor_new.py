"""A new procedure from the manual page: a blank one-step table or a copy of another;
saved, it is appended to the manual."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from web.catalog.models import ManualVersion, ProcedureDraft
from web.catalog.tests.editor_world import HTMX, demo_fixture, step_post  # noqa: F401
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_the_manual_page_offers_a_new_procedure_to_staff(
    alicia: User, bruno: User, demo: ManualVersion
) -> None:
    url = f"/catalogo/manuales/{demo.manual_id}/"
    action = f"/catalogo/manuales/{demo.manual_id}/procedimientos/nuevo/"
    assert action in signed_in(alicia).get(url).content.decode()
    assert action not in signed_in(bruno).get(url).content.decode()
    assert signed_in(bruno).post(action).status_code == 403


def test_it_writes_a_blank_procedure_and_appends_it(alicia: User, demo: ManualVersion) -> None:
    # given
    client = signed_in(alicia)
    opened = client.post(f"/catalogo/manuales/{demo.manual_id}/procedimientos/nuevo/")
    draft = ProcedureDraft.objects.get()
    assert opened["Location"] == f"/catalogo/borradores/{draft.pk}/" and draft.code == ""
    base = f"/catalogo/borradores/{draft.pk}/"
    # when: a header, then a first step that asks and a second one
    header = {"name": "Préstamo de equipo", "code": "P3", "time": "2 días hábiles"}
    client.post(base + "encabezado/", header, headers=HTMX)
    step = {
        "responsible": ["Analista de Atención Ciudadana", ""],
        "activity": "Recibe la solicitud.",
    }
    client.post(base + "pasos/1/", step_post(draft, "1", **step), headers=HTMX)
    client.post(base + "pasos/1/", {"op": "add"}, headers=HTMX)
    client.post(
        base + "pasos/2/", step_post(draft, "2", activity="Presta el equipo."), headers=HTMX
    )
    refused = client.post(base + "guardar/", {"note": ""})
    saved = client.post(base + "guardar/", {"note": "Nuevo procedimiento P3."})
    # then
    assert refused["Location"] == base
    version = demo.manual.current
    assert version is not None and version.number == 2
    assert [p.code for p in version.procedures.all()] == ["P1", "P2", "P3"]
    p3 = version.procedures.get(code="P3")
    assert saved["Location"] == f"/catalogo/procedimientos/{p3.pk}/"
    assert [s["next"] for s in p3.data["steps"]] == [
        [{"to": "2", "when": None}],
        [{"to": "end", "when": None}],
    ]


def test_it_copies_a_procedure_and_needs_a_new_code(alicia: User, demo: ManualVersion) -> None:
    client = signed_in(alicia)
    p2 = demo.procedures.get(code="P2")
    url = f"/catalogo/manuales/{demo.manual_id}/procedimientos/nuevo/"
    client.post(url, {"copy_of": p2.pk})
    draft = ProcedureDraft.objects.get()
    assert draft.data["steps"] == p2.data["steps"] and draft.data["code"] == ""
    response = client.post(f"/catalogo/borradores/{draft.pk}/guardar/", {"note": "Copia."})
    page = client.get(response["Location"]).content.decode()
    assert "Dé un código al procedimiento antes de guardarlo." in page
    header = {"name": draft.data["name"], "code": "P1"}
    client.post(f"/catalogo/borradores/{draft.pk}/encabezado/", header)
    response = client.post(f"/catalogo/borradores/{draft.pk}/guardar/", {"note": "Copia."})
    page = client.get(response["Location"]).content.decode()
    assert "ya hay un procedimiento P1 en el manual" in page
