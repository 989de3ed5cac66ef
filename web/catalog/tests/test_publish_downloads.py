"""Downloads of a procedure or a whole manual, in every format, for any version."""

from __future__ import annotations

import dataclasses
import io
import json
import threading
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import docx
import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from web.catalog.actions import save_manual_version
from web.catalog.models import ManualVersion, Procedure
from web.catalog.publish import files
from web.conftest import signed_in

pytestmark = pytest.mark.django_db
BPMN = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def well_formed(fmt: str, content: bytes) -> str:
    """The text that shows ``content`` is a real file of ``fmt``."""
    if fmt in ("svg", "bpmn"):
        root = ElementTree.fromstring(content)
        assert root.tag.endswith("svg" if fmt == "svg" else "definitions")
        return ElementTree.tostring(root, encoding="unicode", method="text")
    if fmt == "pdf":
        assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")
        return ""
    if fmt == "docx":
        document = docx.Document(io.BytesIO(content))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if fmt == "json":
        data = json.loads(content)
        return " ".join(p["name"] for p in data["procedures"])
    text = content.decode()
    assert text.lstrip().lower().startswith("<!doctype html")
    return text


@pytest.mark.parametrize("fmt", files.PROCEDURE_FORMATS)
def test_it_downloads_a_procedure_in_every_format(
    fmt: str, alicia: User, cuentas: Procedure
) -> None:
    # when
    response = signed_in(alicia).get(f"/catalogo/procedimientos/{cuentas.pk}/descargar/{fmt}/")
    # then
    assert response.status_code == 200
    assert response["Content-Type"] == files.CONTENT_TYPES[fmt]
    name = f"pruebas-mp-dge-001-v1-p1.{fmt}"
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    text = well_formed(fmt, response.content)
    if fmt in ("docx", "json", "html"):
        assert "asignación de cuentas de usuario" in text
        assert "copia de seguridad" not in text  # only the chosen procedure


@pytest.mark.parametrize("fmt", ["json", "html", "pdf", "docx"])
def test_it_downloads_the_whole_manual(fmt: str, alicia: User, pruebas_dge: ManualVersion) -> None:
    response = signed_in(alicia).get(f"/catalogo/versiones/{pruebas_dge.pk}/descargar/{fmt}/")
    assert response.status_code == 200
    assert response["Content-Type"] == files.CONTENT_TYPES[fmt]
    assert f'filename="pruebas-mp-dge-001-v1.{fmt}"' in response["Content-Disposition"]
    text = well_formed(fmt, response.content)
    if fmt != "pdf":
        assert "asignación de cuentas de usuario" in text and "copia de seguridad" in text


@pytest.mark.parametrize("fmt", ["svg", "bpmn"])
def test_it_zips_one_diagram_per_procedure(
    fmt: str, alicia: User, pruebas_dge: ManualVersion
) -> None:
    response = signed_in(alicia).get(f"/catalogo/versiones/{pruebas_dge.pk}/descargar/{fmt}/")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert f'filename="pruebas-mp-dge-001-v1-{fmt}.zip"' in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.namelist() == [f"P1.{fmt}", f"P2.{fmt}"]
    for name in archive.namelist():
        well_formed(fmt, archive.read(name))


def test_it_serves_the_second_download_from_the_cache(
    alicia: User, cuentas: Procedure, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given: a first download rendered the PDF
    client = signed_in(alicia)
    first = client.get(f"/catalogo/procedimientos/{cuentas.pk}/descargar/pdf/")
    kept = list((Path(settings.MEDIA_ROOT) / "exports").rglob("pdf.pdf"))
    assert len(kept) == 1 and kept[0].read_bytes() == first.content
    # when: rendering would now fail
    monkeypatch.setattr(files, "export_manual", broken)
    second = client.get(f"/catalogo/procedimientos/{cuentas.pk}/descargar/pdf/")
    # then: the kept file is sent, and nothing half-written lies beside it
    assert second.status_code == 200 and second.content == first.content
    assert [p.name for p in kept[0].parent.iterdir()] == ["pdf.pdf"]


def broken(*args: object, **kwargs: object) -> object:
    raise RuntimeError("the renderer broke")


def test_it_shows_a_spanish_page_when_rendering_fails(
    alicia: User, cuentas: Procedure, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given
    client = signed_in(alicia)
    url = f"/catalogo/procedimientos/{cuentas.pk}/descargar/docx/"
    monkeypatch.setattr(files, "export_manual", broken)
    # when
    response = client.get(url)
    # then
    assert response.status_code == 422
    body = response.content.decode()
    assert "Folio no pudo generar el DOCX del procedimiento P1" in body
    assert "versión 1" in body
    # and once the renderer works again, the next try renders
    monkeypatch.undo()
    assert client.get(url).status_code == 200


def test_it_answers_being_prepared_while_a_slow_file_renders(
    alicia: User, cuentas: Procedure, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given: a renderer that waits for a signal, and requests that wait 50 ms
    release, calls, real = threading.Event(), [], files.export_manual

    def slow(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[1])
        release.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(files, "export_manual", slow)
    settings.FOLIO_EXPORT_WAIT = 0.05
    client = signed_in(alicia)
    url = f"/catalogo/procedimientos/{cuentas.pk}/descargar/pdf/"
    # when
    first, second = client.get(url), client.get(url)
    # then: a page that asks again by itself, and one render only
    assert first.status_code == second.status_code == 202 and first["Refresh"] == "10"
    assert "Folio está generando el PDF del procedimiento P1" in first.content.decode()
    assert f'href="{url}"' in first.content.decode()
    release.set()
    settings.FOLIO_EXPORT_WAIT = 20
    done = client.get(url)
    assert done.status_code == 200 and done.content.startswith(b"%PDF-")
    assert calls == ["pdf"]


def test_it_downloads_an_earlier_version(alicia: User, pruebas_dge: ManualVersion) -> None:
    # given: version 2 renames P1
    manual = pruebas_dge.model()
    renamed = dataclasses.replace(manual.procedures[0], name="Procedimiento renombrado")
    edited = dataclasses.replace(manual, procedures=(renamed, *manual.procedures[1:]))
    save_manual_version(
        pruebas_dge.manual, edited, user=alicia, note="Nombre", based_on=pruebas_dge
    )
    old = pruebas_dge.procedures.get(code="P1")
    # when
    client = signed_in(alicia)
    response = client.get(f"/catalogo/procedimientos/{old.pk}/descargar/json/")
    newer = pruebas_dge.manual.current
    assert newer is not None and newer.number == 2
    current = client.get(f"/catalogo/versiones/{newer.pk}/descargar/json/")
    # then
    assert 'filename="pruebas-mp-dge-001-v1-p1.json"' in response["Content-Disposition"]
    assert json.loads(response.content)["procedures"][0]["name"] != "Procedimiento renombrado"
    assert json.loads(current.content)["procedures"][0]["name"] == "Procedimiento renombrado"


def test_it_still_downloads_a_retired_manual(alicia: User, pruebas_dge: ManualVersion) -> None:
    pruebas_dge.manual.retired_at = timezone.now()
    pruebas_dge.manual.save()
    response = signed_in(alicia).get(f"/catalogo/versiones/{pruebas_dge.pk}/descargar/json/")
    assert response.status_code == 200


def test_it_answers_404_for_an_unknown_format(alicia: User, cuentas: Procedure) -> None:
    client = signed_in(alicia)
    assert client.get(f"/catalogo/procedimientos/{cuentas.pk}/descargar/exe/").status_code == 404
    version = cuentas.version_id
    assert client.get(f"/catalogo/versiones/{version}/descargar/xlsx/").status_code == 404
    # the org chart is only for organization manuals
    assert client.get(f"/catalogo/versiones/{version}/descargar/organigrama/").status_code == 404
    assert client.get(f"/catalogo/versiones/{version}/organigrama.svg").status_code == 404


def test_it_refuses_anonymous_people(cuentas: Procedure) -> None:
    client = Client()
    for url in (
        f"/catalogo/procedimientos/{cuentas.pk}/descargar/svg/",
        f"/catalogo/procedimientos/{cuentas.pk}/diagrama.svg",
        f"/catalogo/versiones/{cuentas.version_id}/descargar/pdf/",
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/cuentas/entrar/" in response["Location"]
