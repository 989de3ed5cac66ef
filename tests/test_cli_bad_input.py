"""`folio manual export|lint` on input that is not a readable manual: exit code 2, one
sentence on stderr naming the file and why, nothing on stdout, no traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest

from folio.cli import main

from .conftest import SAMPLES, SEED_004, needs_shared
from .docx_fixtures import read_seed_procedure, write_without_step_table
from .test_bad_input import image_only_pdf, ocr_garbage


def empty(tmp: Path) -> Path:
    (tmp / "vacio.txt").write_bytes(b"")
    return tmp / "vacio.txt"


def scanned(tmp: Path) -> Path:
    return image_only_pdf(tmp / "escaneado.pdf")


def encrypted(tmp: Path) -> Path:
    writer = pypdf.PdfWriter(clone_from=SAMPLES / "pdf" / "TecNM-AC-PO-001.pdf")
    writer.encrypt(user_password="secreto", owner_password="propietario", algorithm="AES-128")
    writer.write(tmp / "protegido.pdf")
    return tmp / "protegido.pdf"


def docx_without_table(tmp: Path) -> Path:
    return write_without_step_table(tmp / "sin_tabla.docx", read_seed_procedure(SEED_004))


def garbage_ocr(tmp: Path) -> Path:
    (tmp / "ocr.txt").write_text(ocr_garbage(SEED_004.read_text()))
    return tmp / "ocr.txt"


CASES: list[tuple[Callable[[Path], Path], str]] = [
    (empty, "vacío"),
    (scanned, "escaneado"),
    (encrypted, "contraseña"),
    (docx_without_table, "tabla de actividades"),
    (garbage_ocr, "ilegible"),
]


@needs_shared
@pytest.mark.parametrize("command", ["export", "lint"])
@pytest.mark.parametrize(("make", "why"), CASES, ids=[c[0].__name__ for c in CASES])
def test_it_refuses_unreadable_input_with_one_sentence(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    make: Callable[[Path], Path],
    why: str,
) -> None:
    path = make(tmp_path)
    assert main(["manual", command, str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"folio: {path.name}:") and why in err
    assert err.count("\n") == 1 and "Traceback" not in err
