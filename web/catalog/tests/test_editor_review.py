"""A procedure the importer marked "revisar" opens with its findings as a checklist;
when every one is ticked the procedure is marked ok, and saving drops those findings."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from web.catalog.actions import import_manual_upload
from web.catalog.models import Procedure
from web.catalog.tests.editor_world import open_editor
from web.catalog.tests.test_procedure_detail import UNPLACED_ROW

pytestmark = pytest.mark.django_db


@pytest.fixture
def misread(alicia: User) -> Procedure:
    """The demo manual with a row in P2's table that belongs to no step (FOL001)."""
    version, _ = import_manual_upload("demo.txt", UNPLACED_ROW.encode())
    return version.procedures.get(code="P2")


def test_it_lists_the_import_findings_to_tick(alicia: User, misread: Procedure) -> None:
    client, draft = open_editor(alicia, misread)
    page = client.get(f"/catalogo/borradores/{draft.pk}/").content.decode()
    assert "Revise lo que encontró la lectura" in page
    assert 'name="checked" value="0"' in page and "FOL001" in page


def test_ticking_every_finding_marks_the_procedure_ok_and_saving_drops_them(
    alicia: User, misread: Procedure
) -> None:
    # given
    client, draft = open_editor(alicia, misread)
    url = f"/catalogo/borradores/{draft.pk}/"
    # when: nothing ticked, then everything
    client.post(url + "revision/", {})
    draft.refresh_from_db()
    assert draft.data["review"] == "revisar"
    client.post(url + "revision/", {"checked": ["0"]})
    page = client.get(url).content.decode()
    client.post(url + "guardar/", {"note": "Revisado contra el original."})
    # then
    assert "Revise lo que encontró la lectura" not in page
    version = misread.version.manual.current
    assert version is not None and version.number == 2
    assert version.procedures.get(code="P2").data["review"] == "ok"
    assert not [d for d in version.data["diagnostics"] if d["code"] == "FOL001"]
    assert [d for d in misread.version.data["diagnostics"] if d["code"] == "FOL001"]
