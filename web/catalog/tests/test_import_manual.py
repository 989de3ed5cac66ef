"""import_manual_file: versions, procedures and roles from a real manual."""

from __future__ import annotations

from pathlib import Path

import pytest

from folio.demo import DEMO_TEXT
from folio.manuals.blocks import ParseError
from web.catalog.actions import import_manual_file, import_manual_upload
from web.catalog.models import CatalogManual, ManualVersion, Procedure, Role

pytestmark = pytest.mark.django_db


def test_it_imports_the_demo_manual_with_its_procedures_and_roles() -> None:
    version, created = import_manual_file(DEMO_TEXT)
    assert created and version.number == 1
    assert list(version.procedures.values_list("code", "step_count")) == [("P1", 8), ("P2", 8)]
    assert Role.objects.get(name="Dependencia solicitante").is_external
    assert not Role.objects.get(name="Director/a de Atención Ciudadana").is_external
    procedure = version.procedures.get(code="P1").model()
    assert procedure.steps[1].next[0].when == "No"


def test_it_keeps_one_version_for_the_same_content() -> None:
    first, _ = import_manual_file(DEMO_TEXT)
    again, created = import_manual_file(DEMO_TEXT)
    assert (again.pk, created) == (first.pk, False)


def test_it_adds_a_version_when_the_manual_changes(tmp_path: Path) -> None:
    # given: a running version, then the office edits a step and re-imports
    first, _ = import_manual_file(DEMO_TEXT)
    changed = tmp_path / DEMO_TEXT.name
    changed.write_text(DEMO_TEXT.read_text().replace("asigna una cuadrilla", "asigna dos"))
    # when
    second, created = import_manual_file(changed)
    # then: a new version; the old one and its procedures are untouched
    assert created and second.number == 2 and second.manual_id == first.manual_id
    assert CatalogManual.objects.count() == 1
    assert Procedure.objects.filter(version=first).count() == 2
    assert "asigna dos" in second.procedures.get(code="P1").model().steps[3].activity


def test_it_writes_nothing_for_an_unreadable_file() -> None:
    with pytest.raises(ParseError, match="vacío"):
        import_manual_upload("vacio.txt", b"")
    assert ManualVersion.objects.count() == 0 and Role.objects.count() == 0
