"""The source rows of a DOCX or text manual around a step, and the plain note when there
is no source to show (BPMN, written in Folio, file not kept)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.template.loader import render_to_string

from folio.demo import SEEDS
from web.catalog.actions import import_manual_upload, save_manual_version
from web.catalog.models import CatalogManual, ManualVersion, VersionOrigin
from web.catalog.sources import source_context

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parents[3] / "tests" / "corpus" / "docs"


def imported(name: str) -> ManualVersion:
    path = CORPUS / name
    version, _ = import_manual_upload(path.name, path.read_bytes())
    return version


@pytest.mark.parametrize("name", ["puebla-desarrollo-urbano.txt", "puebla-desarrollo-urbano.docx"])
def test_it_shows_the_rows_around_a_step_with_the_steps_own_marked(name: str) -> None:
    # given
    version = imported(name)
    step = version.model().procedures[0].steps[1]
    # when
    source = source_context(version, "P1", step.number)
    # then: the step's row is marked and holds its text; rows around it are context
    marked = [row for row in source["rows"] if row.is_step]
    assert source["kind"] == "rows" and source["file"] == name
    assert marked[0].line == step.source.line
    assert any(step.activity[:30] in cell for cell in marked[0].cells)
    assert any(row.line < step.source.line for row in source["rows"])
    assert any(not row.is_step and row.line > marked[-1].line for row in source["rows"])
    html = render_to_string("catalog/_source.html", {"source": source})
    assert f'<li value="{step.source.line}" class="is-step">' in html and "Fuente" in html


def test_it_still_shows_the_source_of_a_version_edited_from_an_import(alicia: User) -> None:
    # given: an edit saved over the imported text manual
    imported_version = imported("puebla-desarrollo-urbano.txt")
    edited = save_manual_version(
        imported_version.manual,
        imported_version.model(),
        user=alicia,
        note="Corrige un responsable",
        based_on=imported_version,
    )
    # when
    source = source_context(edited, "P1", "2")
    # then
    assert source["kind"] == "rows" and any(row.is_step for row in source["rows"])


def test_it_says_a_bpmn_diagram_has_no_rows() -> None:
    version = imported("licencia-dos-pools.bpmn")
    procedure = version.data["procedures"][0]
    source = source_context(version, procedure["code"], procedure["steps"][0]["number"])
    assert source["kind"] == "none" and "BPMN" in source["note"]


def test_it_says_a_manual_written_in_folio_has_no_source(alicia: User) -> None:
    # given: a version whose steps were written in Folio (no file, no source)
    version = imported("puebla-desarrollo-urbano.txt")
    written = CatalogManual.objects.create(title="Escrito", kind="procedimientos")
    data = {**version.data}
    for procedure in data["procedures"]:
        for step in procedure["steps"]:
            step["source"] = {"file": "", "page": None, "line": None}
    new = ManualVersion.objects.create(
        manual=written, number=1, sha256="0" * 64, origin=VersionOrigin.WRITTEN, data=data
    )
    # when
    source = source_context(new, "P1", "2")
    # then
    html = render_to_string("catalog/_source.html", {"source": source})
    assert source["kind"] == "none" and "se escribió en Folio" in html


def test_it_says_when_the_imported_file_was_not_kept() -> None:
    version = imported("puebla-desarrollo-urbano.txt")
    version.source_file = ""
    version.save()
    assert "no se conservó" in source_context(version, "P1", "2")["note"]
    assert "no está en esta versión" in source_context(version, "P1", "404")["note"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds/ (the seed manuals) is absent")
def test_it_shows_the_rows_of_a_real_manual_step() -> None:
    # given: seed 004 (a text conversion of a real manual) imported
    path = sorted(SEEDS.glob("004_*.txt"))[0]
    version, _ = import_manual_upload(path.name, path.read_bytes())
    procedure = version.model().procedures[0]
    step = procedure.steps[2]
    # when
    source = source_context(version, procedure.code, step.number)
    # then: the marked rows start at the step's line and hold the start of its activity
    marked = [row for row in source["rows"] if row.is_step]
    assert marked and marked[0].line == step.source.line
    words = " ".join(step.activity.split()[:4])
    assert any(words in " ".join(cell.split()) for row in marked for cell in row.cells)
