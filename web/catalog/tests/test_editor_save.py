"""Saving a draft: a required change note, the next version of the manual, running
cases kept on their version, and a draft begun on an older version refused."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth.models import User

from web.catalog import hooks
from web.catalog.models import ManualVersion, Procedure, ProcedureDraft
from web.catalog.tests.editor_world import demo_fixture, open_editor, p1_fixture, step_post  # noqa: F401
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_it_needs_a_change_note(alicia: User, p1: Procedure) -> None:
    client, draft = open_editor(alicia, p1)
    response = client.post(f"/catalogo/borradores/{draft.pk}/guardar/", {"note": "  "})
    page = client.get(response["Location"]).content.decode()
    assert "Escriba qué cambió: la nota del cambio es obligatoria." in page
    assert ManualVersion.objects.count() == 1 and ProcedureDraft.objects.count() == 1


def test_it_saves_version_n_plus_1_and_a_running_case_keeps_its_version(
    alicia: User, demo: ManualVersion
) -> None:
    # given: a case of P2 (its first step is the requesting dependencia's) runs version 1
    p2 = demo.procedures.get(code="P2")
    opened = signed_in(alicia).post("/casos/nuevo/", {"procedure": p2.pk, "subject": "Oficio 1"})
    assert opened.status_code == 302, opened.content.decode()[:2000]
    case = apps.get_model("cases", "Case").objects.get()  # the catalog never imports cases
    client, draft = open_editor(alicia, p2)
    url = f"/catalogo/borradores/{draft.pk}/pasos/6/"
    client.post(
        url, step_post(draft, "6", when=["No", "En caso contrario", ""], target=["4", "7", ""])
    )
    # when
    response = client.post(
        f"/catalogo/borradores/{draft.pk}/guardar/", {"note": "El rechazo regresa a 4."}
    )
    # then
    version = demo.manual.current
    assert version is not None and version.number == 2 and version.based_on == demo
    assert version.note == "El rechazo regresa a 4." and version.imported_by == alicia
    new_p2 = version.procedures.get(code="P2")
    assert response["Location"] == f"/catalogo/procedimientos/{new_p2.pk}/"
    assert new_p2.data["steps"][5]["next"][0] == {"to": "4", "when": "No"}
    assert version.procedures.get(code="P1").data == demo.procedures.get(code="P1").data
    case.refresh_from_db()
    assert case.procedure_id == p2.pk
    assert p2.data["steps"][5]["next"][0]["to"] == "5"
    assert not ProcedureDraft.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "Se guardó como versión 2." in page


def test_it_refuses_a_draft_begun_on_an_older_version(alicia: User, p1: Procedure) -> None:
    # given: two drafts of the same version; the first is saved
    client, draft = open_editor(alicia, p1)
    other = User.objects.create_user("admin2", is_staff=True)
    late, stale = open_editor(other, p1)
    client.post(f"/catalogo/borradores/{draft.pk}/guardar/", {"note": "Primero."})
    # when
    second = late.post(f"/catalogo/borradores/{stale.pk}/guardar/", {"note": "Después."})
    # then
    page = late.get(second["Location"]).content.decode()
    assert "se guardó como versión 2 después de que empezó este borrador" in page
    assert ProcedureDraft.objects.filter(pk=stale.pk).exists()
    assert p1.version.manual.versions.count() == 2


def test_it_discards_a_draft(alicia: User, p1: Procedure) -> None:
    client, draft = open_editor(alicia, p1)
    response = client.post(f"/catalogo/borradores/{draft.pk}/descartar/")
    assert response["Location"] == f"/catalogo/procedimientos/{p1.pk}/"
    assert not ProcedureDraft.objects.exists() and ManualVersion.objects.count() == 1


def test_it_shows_what_could_not_be_carried_over(
    alicia: User, p1: Procedure, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given: a hook (as the cases app registers) that could not carry a target over
    monkeypatch.setattr(hooks, "_hooks", [lambda change: ["La actividad 9 ya no existe."]])
    client, draft = open_editor(alicia, p1)
    # when
    response = client.post(f"/catalogo/borradores/{draft.pk}/guardar/", {"note": "Cambio."})
    # then
    page = client.get(response["Location"]).content.decode()
    assert "La actividad 9 ya no existe." in page
