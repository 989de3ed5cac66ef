"""The page of an organization manual: its unit tree, its positions, its org chart and
its findings grouped by code, with downloads."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import docx
import pytest
from django.contrib.auth.models import User

from folio.demo import SEEDS
from folio.manuals import jsonio
from folio.manuals.lint import lint_manual
from folio.manuals.model import Manual, Organization, Position, Unit
from web.catalog.actions import import_manual_file
from web.catalog.models import CatalogManual, ManualKind, ManualVersion
from web.catalog.publish.organization import unit_tree
from web.conftest import signed_in

pytestmark = pytest.mark.django_db

#: An invented Dirección with two departments and one coordination under the first.
ORGANIZATION = Organization(
    units=(
        Unit("1", "Dirección de Pruebas"),
        Unit("1.1", "Departamento de Sistemas de Prueba", parent="1"),
        Unit("1.1.1", "Coordinación de Ensayos", parent="1.1"),
        Unit("1.2", "Departamento de Calidad de Prueba", parent="1"),
    ),
    positions=(
        Position("1", "Director/a de Pruebas", unit="1", objective="Dirigir las pruebas."),
        Position(
            "1.1",
            "Jefe/a de Sistemas de Prueba",
            unit="1.1",
            reports_to="Director/a de Pruebas",
            reports_to_number="1",
            subordinates=("Coordinador/a de Ensayos",),
            functions=("Planear los ensayos.", "Revisar los resultados."),
        ),
    ),
)


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def organization_manual(db: None) -> ManualVersion:
    manual = Manual(kind="organizacion", title="Manual de Organización de Pruebas", code="MO-P-1")
    manual = Manual(**{**manual.__dict__, "organization": ORGANIZATION})
    catalog = CatalogManual.objects.create(
        title=manual.title, code=manual.code, kind=ManualKind.ORGANIZATION
    )
    data = jsonio.manual_to_dict(manual, lint_manual(manual))
    return ManualVersion.objects.create(
        manual=catalog, number=1, source_name="mo.txt", sha256="0" * 64, data=data
    )


def test_it_shows_the_unit_tree_and_the_positions(
    alicia: User, organization_manual: ManualVersion
) -> None:
    # when
    response = signed_in(alicia).get(f"/catalogo/manuales/{organization_manual.manual_id}/")
    body = response.content.decode()
    # then: nested lists, the coordination two levels down
    tree = body.split('id="estructura"')[1].split('id="organigrama"')[0]
    nested = r"Dirección de Pruebas.*<ul.*Sistemas de Prueba.*<ul.*Coordinación de Ensayos"
    assert re.search(nested, tree, re.S)
    assert tree.count('<ul class="units">') == 3
    # a collapsible record per position, its boss linked
    assert '<details class="position" id="puesto-1.1">' in body
    assert '<a href="#puesto-1">Director/a de Pruebas</a>' in body
    assert "<li>Planear los ensayos.</li>" in body
    # the org chart inline, and no procedures table
    assert '<svg id="oc-svg"' in body and "Procedimientos" not in body.split("<main")[1]
    # the findings grouped: the two units without a record are one group of two
    assert re.search(r"ORG016</span>[^<]*<span class=\"count\">2</span>", body)


def test_it_downloads_the_org_chart_and_the_manual(
    alicia: User, organization_manual: ManualVersion
) -> None:
    client = signed_in(alicia)
    base = f"/catalogo/versiones/{organization_manual.pk}"
    chart = client.get(f"{base}/descargar/organigrama/")
    assert chart["Content-Disposition"] == 'attachment; filename="mo-p-1-v1-organigrama.svg"'
    assert "Coordinación de Ensayos" in "".join(ElementTree.fromstring(chart.content).itertext())
    alone = client.get(f"{base}/organigrama.svg")
    assert alone.status_code == 200 and alone["Content-Disposition"].startswith("inline;")
    word = docx.Document(io.BytesIO(client.get(f"{base}/descargar/docx/").content))
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert "Planear los ensayos." in "\n".join(p.text for p in word.paragraphs) + "\n".join(cells)
    assert client.get(f"{base}/descargar/pdf/").content.startswith(b"%PDF-")
    assert "Coordinación de Ensayos" in client.get(f"{base}/descargar/html/").content.decode()
    data = json.loads(client.get(f"{base}/descargar/json/").content)
    assert len(data["organization"]["units"]) == 4
    assert client.get(f"{base}/descargar/svg/").status_code == 404  # no procedures to zip


def test_it_shows_seed_002_with_its_findings_grouped(alicia: User) -> None:
    found = sorted(SEEDS.glob("002_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"the seed manuals are not in {SEEDS} (../shared is absent)")
    version, _ = import_manual_file(found[0])
    body = signed_in(alicia).get(f"/catalogo/manuales/{version.manual_id}/").content.decode()
    positions = version.data["organization"]["positions"]
    assert body.count('<details class="position"') == len(positions) == 40
    groups = body.count('<details class="finding-group')
    assert 5 <= groups < 30  # a dozen kinds of finding, not 94 lines
    assert body.count('<li class="sev-') == len(version.data["diagnostics"])
    assert '<svg id="oc-svg"' in body and body.count('<ul class="units">') > 5


def test_it_keeps_units_whose_parents_loop_as_roots() -> None:
    # given: a misread structure where 2 and 3 name each other as parent
    org = Organization(
        units=(Unit("1", "Dirección"), Unit("2", "Uno", parent="3"), Unit("3", "Dos", parent="2"))
    )
    # when
    roots = unit_tree(org)
    # then: every unit shows once, and the tree ends
    assert [n.unit.number for n in roots] == ["1", "2", "3"]
    assert all(not n.children for n in roots)
