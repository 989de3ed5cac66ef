"""Uploads are checked by their content, beyond the first bytes (``web.uploads``)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from web import uploads
from web.cases.actions import NewDocument, add_document, open_case
from web.cases.errors import DocumentRefused
from web.cases.models import CaseDocument
from web.catalog.models import CatalogManual, Procedure
from web.conftest import signed_in
from web.tests.files import MAIN_PARTS, office_zip, tiny_image, tiny_pdf
from web.uploads import ContentRefused, check_content


def refusal(name: str, content: bytes) -> str:
    with pytest.raises(ContentRefused) as refused:
        check_content(name, content)
    message = str(refused.value)
    assert f"«{name}»" in message
    assert message.replace(name, "").count(".") == 1 and message.endswith(".")  # one sentence
    return message


@pytest.mark.parametrize(
    "name, content",
    [
        ("oficio.pdf", tiny_pdf()),
        ("foto.png", tiny_image("PNG")),
        ("foto.jpg", tiny_image("JPEG")),
        ("foto.jpeg", tiny_image("JPEG")),
        ("oficio.docx", office_zip(MAIN_PARTS["docx"])),
        ("cuadro.xlsx", office_zip(MAIN_PARTS["xlsx"])),
        ("oficio.odt", office_zip(MAIN_PARTS["odt"])),
        ("notas.txt", "Acuse de recepción, año 2026".encode()),
        ("notas.txt", "Acuse de recepción, año 2026\r\n\tfin".encode("latin-1")),
        ("manual.md", b"# Manual\n\nPaso 1."),
        ("tala.bpmn", b"<definitions/>"),  # the BPMN importer reads these itself
    ],
)
def test_it_accepts_sound_files(name: str, content: bytes) -> None:
    check_content(name, content)


def test_it_refuses_a_pdf_that_does_not_open() -> None:
    good = tiny_pdf()
    assert "como un PDF" in refusal("oficio.pdf", b"%PDF-1.7\n% solo el encabezado\n")
    refusal("oficio.pdf", good[: len(good) // 3])  # cut short: no pages, no xref
    refusal("oficio.pdf", b"%PDF-1.4\n" + b"\x00" * 500)


@pytest.mark.parametrize("kind", ["docx", "xlsx", "odt"])
def test_it_refuses_a_zip_without_its_main_part(kind: str) -> None:
    name = f"archivo.{kind}"
    wrong = {"docx": "xlsx", "xlsx": "odt", "odt": "docx"}[kind]
    refusal(name, office_zip(MAIN_PARTS[wrong]))
    refusal(name, office_zip({"otro.txt": b"hola"}))
    refusal(name, b"PK\x03\x04" + b"no es un zip" * 10)


def test_it_refuses_a_corrupt_stream() -> None:
    good = office_zip(MAIN_PARTS["docx"])
    start = good.index(b"word/document.xml") + len(b"word/document.xml")
    corrupt = good[:start] + bytes(b ^ 0x5A for b in good[start : start + 30]) + good[start + 30 :]
    assert "documento de Word" in refusal("oficio.docx", corrupt)


def test_it_refuses_an_archive_that_would_unpack_past_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    padded = office_zip({**MAIN_PARTS["docx"], "word/media/relleno.bin": b"\0" * 5000})
    check_content("oficio.docx", padded)
    monkeypatch.setattr(uploads, "MAX_UNZIPPED", 4096)
    refusal("oficio.docx", padded)


def test_it_refuses_an_image_that_does_not_decode() -> None:
    png = tiny_image("PNG")
    assert "imagen PNG" in refusal("foto.png", png[: len(png) - 20])
    refusal("foto.png", png[:8] + b"\x00" * 64)
    jpeg = tiny_image("JPEG")
    refusal("foto.jpg", jpeg[: len(jpeg) // 2])
    refusal("foto.jpg", png)  # a PNG named .jpg


def test_it_refuses_binary_data_named_as_text() -> None:
    assert "no es texto" in refusal("notas.txt", b"\xff\xfe\x00b\x00i\x00n")
    refusal("notas.txt", b"MZ\x90\x00\x03\x00")
    refusal("manual.md", b"Paso 1\x07")


@pytest.mark.django_db
def test_the_manual_upload_refuses_a_word_file_that_does_not_open(alicia: User) -> None:
    broken = office_zip({"[Content_Types].xml": b"<Types/>"})  # no word/document.xml
    upload = SimpleUploadedFile("manual.docx", broken)
    response = signed_in(alicia).post("/catalogo/", {"file": upload})
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "El archivo «manual.docx» no se abre como un documento de Word" in page
    assert CatalogManual.objects.count() == 0


@pytest.mark.django_db
def test_a_case_document_is_refused_when_its_image_does_not_decode(
    cuentas: Procedure, bruno: User, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    case = open_case(cuentas, bruno, "Cuenta SAP")
    png = tiny_image("PNG")
    damaged = NewDocument("oficio", "evidencia.png", png[:-20], number="TM/1/2026")
    with pytest.raises(DocumentRefused, match="«evidencia.png» no se abre como una imagen PNG"):
        add_document(case, bruno, damaged)
    assert not CaseDocument.objects.exists()
    add_document(case, bruno, NewDocument("oficio", "evidencia.png", png, number="TM/1/2026"))
    assert CaseDocument.objects.get().content_type == "image/png"
