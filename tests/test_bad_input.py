"""Files that are not readable manuals: each failure class gives one ParseError whose
message names the file."""

from __future__ import annotations

import random
import re
import string
import zlib
from collections.abc import Callable
from pathlib import Path

import docx
import pypdf
import pytest
from pypdf.generic import (
    ContentStream,
    DictionaryObject,
    NameObject,
    NumberObject,
    StreamObject,
)

from folio.manuals.blocks import ParseError
from folio.manuals.load import load_manual
from folio.manuals.parser import parse_rows
from folio.manuals.sources.docx import read_docx_rows
from folio.manuals.sources.pdf import read_pdf_rows
from folio.manuals.sources.quality import check_text_quality
from folio.manuals.sources.text import read_text_rows, text_to_rows

from .conftest import SAMPLES, SEED_000, SEED_001, SEED_002, SEED_003, SEED_004, needs_shared
from .docx_fixtures import read_seed_procedure, write_without_step_table

DEMO_MANUAL = Path(__file__).parents[1] / "folio" / "demo" / "manual-demo.txt"
SAMPLE_PDF = SAMPLES / "pdf" / "TecNM-AC-PO-002.pdf"


def image_only_pdf(path: Path) -> Path:
    """A one-page PDF whose page is a single grey image, as a scanner makes."""
    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(612, 792)
    image = StreamObject()
    image.set_data(zlib.compress(bytes(random.Random(7).randrange(256) for _ in range(64 * 64))))
    image.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(64),
            NameObject("/Height"): NumberObject(64),
            NameObject("/ColorSpace"): NameObject("/DeviceGray"),
            NameObject("/BitsPerComponent"): NumberObject(8),
            NameObject("/Filter"): NameObject("/FlateDecode"),
        }
    )
    images = DictionaryObject({NameObject("/Im1"): writer._add_object(image)})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): images})
    content = ContentStream(None, writer)
    content.set_data(b"q 612 0 0 792 0 0 cm /Im1 Do Q")
    page.replace_contents(content)
    writer.write(path)
    return path


def ocr_garbage(seed_text: str) -> str:
    """Seed text as a bad OCR reads it: most words broken by stray symbols."""
    chance = random.Random(3)
    words = []
    for word in seed_text.split()[:3000]:
        if chance.random() < 0.7 and len(word) > 1:
            letters = list(word)
            for _ in range(chance.randint(1, 3)):
                letters[chance.randrange(len(letters))] = chance.choice("|1!l;:~^'°{}[]\\")
            word = "".join(letters)
        words.append(word)
    return "\n".join(" ".join(words[i : i + 12]) for i in range(0, len(words), 12))


def assert_refused(call: Callable[[Path], object], path: Path, *words: str) -> None:
    with pytest.raises(ParseError) as caught:
        call(path)
    message = str(caught.value)
    assert path.name in message
    for word in words:
        assert word in message


# --- one test per failure class ----------------------------------------------------


@pytest.mark.parametrize("read", [read_pdf_rows, read_docx_rows, read_text_rows])
def test_it_refuses_an_empty_file(tmp_path: Path, read: Callable[[Path], object]) -> None:
    (tmp_path / "vacio.bin").write_bytes(b"")

    assert_refused(read, tmp_path / "vacio.bin", "vacío")


def test_it_refuses_an_image_only_pdf(tmp_path: Path) -> None:
    path = image_only_pdf(tmp_path / "escaneado.pdf")

    assert_refused(read_pdf_rows, path, "no tiene capa de texto", "escaneado")


@needs_shared
def test_it_refuses_a_pdf_protected_with_a_password(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=SAMPLE_PDF)
    writer.encrypt(user_password="secreto", owner_password="propietario", algorithm="AES-128")
    writer.write(tmp_path / "protegido.pdf")

    assert_refused(read_pdf_rows, tmp_path / "protegido.pdf", "protegido con contraseña")


@needs_shared
def test_it_refuses_a_truncated_pdf(tmp_path: Path) -> None:
    data = SAMPLE_PDF.read_bytes()
    (tmp_path / "cortado.pdf").write_bytes(data[: len(data) // 2])

    assert_refused(read_pdf_rows, tmp_path / "cortado.pdf", "dañado")


def test_it_refuses_a_file_that_is_not_a_pdf(tmp_path: Path) -> None:
    (tmp_path / "manual.pdf").write_text("Manual de Procedimientos\n")

    assert_refused(read_pdf_rows, tmp_path / "manual.pdf", "no es un archivo PDF")


def test_it_refuses_a_damaged_docx(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Manual de Procedimientos")
    document.save(str(tmp_path / "completo.docx"))
    data = (tmp_path / "completo.docx").read_bytes()
    (tmp_path / "dañado.docx").write_bytes(data[: len(data) // 2])

    assert_refused(read_docx_rows, tmp_path / "dañado.docx", "dañado")


def test_it_refuses_a_file_that_is_not_a_docx(tmp_path: Path) -> None:
    (tmp_path / "manual.docx").write_text("Manual de Procedimientos\n")
    (tmp_path / "antiguo.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))

    assert_refused(read_docx_rows, tmp_path / "manual.docx", "no es un archivo DOCX")
    assert_refused(read_docx_rows, tmp_path / "antiguo.docx", ".doc")


def test_it_refuses_a_docx_without_text(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("")
    document.add_table(rows=2, cols=2)
    document.save(str(tmp_path / "sin_texto.docx"))

    assert_refused(read_docx_rows, tmp_path / "sin_texto.docx", "no contiene texto")


@needs_shared
def test_it_refuses_a_docx_without_a_procedure_table(tmp_path: Path) -> None:
    path = write_without_step_table(tmp_path / "sin_tabla.docx", read_seed_procedure(SEED_004))

    assert_refused(lambda p: parse_rows(read_docx_rows(p), p.name), path)


@needs_shared
def test_it_refuses_garbage_ocr_text(tmp_path: Path) -> None:
    path = tmp_path / "ocr.txt"
    path.write_text(ocr_garbage(SEED_004.read_text()))

    assert_refused(lambda p: check_text_quality(read_text_rows(p), p.name), path, "ilegible")


# --- the text-quality guard, calibrated ---------------------------------------------


@needs_shared
@pytest.mark.parametrize("seed", [SEED_000, SEED_001, SEED_002, SEED_003, SEED_004])
def test_it_accepts_the_text_of_every_seed(seed: Path) -> None:
    check_text_quality(read_text_rows(seed), seed.name)


@needs_shared
@pytest.mark.parametrize("sample", sorted((SAMPLES / "pdf").glob("*.pdf")), ids=lambda p: p.name)
def test_it_accepts_the_text_of_every_sample(sample: Path) -> None:
    check_text_quality(read_pdf_rows(sample), sample.name)


@pytest.mark.parametrize(
    "alphabet",
    [string.printable[:94], string.ascii_lowercase + "     ", "|!:;~^'°¬«_.,1Iil "],
    ids=["printable", "letters", "scan-noise"],
)
def test_it_refuses_random_characters(alphabet: str) -> None:
    chance = random.Random(5)
    text = "\n".join("".join(chance.choice(alphabet) for _ in range(70)) for _ in range(30))

    with pytest.raises(ParseError, match="ruido.txt: el texto es ilegible"):
        check_text_quality(text_to_rows(text, "ruido.txt"), "ruido.txt")


def test_it_refuses_an_empty_row_stream() -> None:
    with pytest.raises(ParseError, match="nada.txt: el documento no contiene texto"):
        check_text_quality(text_to_rows("\n \t \n", "nada.txt"), "nada.txt")
    with pytest.raises(ParseError, match="nada.txt"):
        check_text_quality([], "nada.txt")


def test_it_accepts_a_short_readable_text() -> None:
    check_text_quality(text_to_rows("Procedimiento para el alta de proveedores", "corto.txt"), "x")


def test_it_reads_control_characters_in_a_cell_as_spaces(tmp_path: Path) -> None:
    # A control character would make every XML export (SVG, BPMN, DOCX) ill-formed.
    text = DEMO_MANUAL.read_text(encoding="utf-8")
    assert "Recibe" in text
    (tmp_path / "control.txt").write_text(text.replace("Recibe", "Re\x01ci\x1bbe\x7f"))

    manual = load_manual(tmp_path / "control.txt")

    activities = " ".join(s.activity for p in manual.procedures for s in p.steps)
    assert "Re ci be" in activities and not re.search(
        "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", activities
    )


def test_it_does_not_take_a_number_of_thousands_of_digits_for_a_step(tmp_path: Path) -> None:
    # Printed in the narrow No. column, such a "number" took WeasyPrint minutes to lay out.
    text = DEMO_MANUAL.read_text(encoding="utf-8")
    huge = "9" * 5000
    (tmp_path / "enorme.txt").write_text(
        text.replace("Cuadrilla de Mantenimiento\t5\t", f"Cuadrilla de Mantenimiento\t{huge}\t", 1)
    )

    manual = load_manual(tmp_path / "enorme.txt")

    assert all(len(s.number) <= 20 for p in manual.procedures for s in p.steps)
    unplaced = [d for d in manual.diagnostics if d.code == "FOL001"]
    assert unplaced and "número no es legible" in unplaced[0].message
