"""The procedure page shows its swimlane (zoomable, readable when wide) and the links to
download it; the diagram opens alone at full size."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from django.contrib.auth.models import User

from folio.demo import SEEDS
from web.accounts.models import Unit
from web.catalog.actions import import_manual_file
from web.catalog.models import Procedure
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def test_it_shows_the_swimlane_with_zoom_and_downloads(alicia: User, cuentas: Procedure) -> None:
    # when
    body = signed_in(alicia).get(f"/catalogo/procedimientos/{cuentas.pk}/").content.decode()
    # then: the SVG is inline, its ids and styles scoped to it
    frame = body.split('<div class="pz-frame"')[1].split("</div>")[0]
    assert '<svg id="pd-svg"' in frame and "<?xml" not in frame
    assert "#pd-svg .box{" in frame and 'marker-end="url(#pd-arrow)"' in frame
    assert "Recibe la solicitud" in frame  # step 2's activity, drawn in its box
    # the toolbar waits for the script (hidden without JavaScript) and the script is a file
    assert '<div class="pz-tools" hidden>' in body and "/static/js/panzoom.js" in body
    assert "<script>" not in body
    assert "Abrir el diagrama solo, a tamaño completo" in body
    assert f"/catalogo/procedimientos/{cuentas.pk}/diagrama.svg" in body
    for fmt in ("svg", "bpmn", "html", "pdf", "docx", "json"):
        assert f"/catalogo/procedimientos/{cuentas.pk}/descargar/{fmt}/" in body
    # and the whole manual's downloads are on the manual page
    page = signed_in(alicia).get(f"/catalogo/manuales/{cuentas.version.manual_id}/")
    assert f"/catalogo/versiones/{cuentas.version_id}/descargar/pdf/" in page.content.decode()


def test_it_opens_the_diagram_alone(alicia: User, cuentas: Procedure) -> None:
    response = signed_in(alicia).get(f"/catalogo/procedimientos/{cuentas.pk}/diagrama.svg")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert response["Content-Disposition"].startswith("inline;")
    assert "sandbox" in response["Content-Security-Policy"]
    assert ElementTree.fromstring(response.content).tag.endswith("svg")


def test_it_shows_a_wide_procedure_at_its_own_size(alicia: User, dge: Unit) -> None:
    # given: P29 of seed 004, twelve lanes
    found = sorted(SEEDS.glob("004_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"the seed manuals are not in {SEEDS} (../shared is absent)")
    version, _ = import_manual_file(found[0], unit=dge)
    p29 = version.procedures.get(code="P29")
    # when
    body = signed_in(alicia).get(f"/catalogo/procedimientos/{p29.pk}/").content.decode()
    # then: drawn at 1:1 (text at its 9.5 px) in a frame that scrolls, never shrunk to fit
    svg = re.search(r'<svg id="pd-svg"[^>]*>', body)
    assert svg is not None
    width = float(re.search(r'width="([\d.]+)"', svg.group(0)).group(1))  # type: ignore[union-attr]
    assert width > 3000
    assert body.count('class="lanegroup"') == 12
