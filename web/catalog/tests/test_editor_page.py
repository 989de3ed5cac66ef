"""Opening the editor: staff only, one draft per person and procedure, resumed."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from web.catalog.models import Procedure, ProcedureDraft
from web.catalog.tests.editor_world import demo_fixture, open_editor, p1_fixture  # noqa: F401
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_it_opens_a_draft_with_the_steps_swimlane_and_findings(alicia: User, p1: Procedure) -> None:
    # when
    client, draft = open_editor(alicia, p1)
    page = client.get(f"/catalogo/borradores/{draft.pk}/").content.decode()
    # then
    assert draft.base == p1.version and draft.data == p1.data
    assert page.count('class="step-row') == 8 and 'id="paso-5"' in page
    assert "<svg" in page and 'id="findings"' in page
    assert 'list="roles"' in page and '<option value="Cuadrilla de Mantenimiento">' in page
    assert "Leído como: 1 – 5 días hábiles" in page


def test_it_resumes_the_same_draft(alicia: User, p1: Procedure) -> None:
    open_editor(alicia, p1)
    open_editor(alicia, p1)
    assert ProcedureDraft.objects.count() == 1


def test_it_refuses_people_who_do_not_administer(bruno: User, p1: Procedure) -> None:
    client = signed_in(bruno)
    assert client.get(f"/catalogo/procedimientos/{p1.pk}/editar/").status_code == 403
    assert ProcedureDraft.objects.count() == 0


def test_it_hides_a_draft_from_another_administrator(
    alicia: User, p1: Procedure, fernando: User
) -> None:
    _, draft = open_editor(alicia, p1)
    other = User.objects.create_user("otra", is_staff=True)
    assert signed_in(other).get(f"/catalogo/borradores/{draft.pk}/").status_code == 404
    fernando.is_staff = True
    fernando.save()
    assert signed_in(fernando).get(f"/catalogo/borradores/{draft.pk}/").status_code == 403


def test_the_procedure_page_links_to_the_editor_for_staff(
    alicia: User, bruno: User, p1: Procedure
) -> None:
    url = f"/catalogo/procedimientos/{p1.pk}/editar/"
    assert url in signed_in(alicia).get(f"/catalogo/procedimientos/{p1.pk}/").content.decode()
    assert url not in signed_in(bruno).get(f"/catalogo/procedimientos/{p1.pk}/").content.decode()
