"""The Word export as LibreOffice lays it out (``soffice --headless --convert-to pdf``,
skipped without LibreOffice): the index shows the page each part and procedure starts
on, and the step table's columns are as wide as the writer asked, not all equal."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from folio.demo import DEMO_TEXT
from folio.manuals.load import load_manual
from folio.render.document import render_docx
from folio.render.document.outline import outline

SOFFICE = shutil.which("soffice")

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo manual's DOCX converted to PDF by LibreOffice."""
    folder = tmp_path_factory.mktemp("libreoffice")
    source = folder / "manual.docx"
    source.write_bytes(render_docx(load_manual(DEMO_TEXT)))
    assert SOFFICE is not None
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{folder}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    return folder / "manual.pdf"


def test_it_shows_the_index_with_the_pages_libreoffice_lays_out(converted: Path) -> None:
    # given
    with pdfplumber.open(converted) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    parts = outline(load_manual(DEMO_TEXT))
    titles = [p.title for p in parts] + [e.title for p in parts for e in p.entries]
    index = next(text for text in pages if "Índice" in text)
    # then every entry has a page number, the page where its heading is
    for title in titles:
        found = re.search(re.escape(title[:40]) + r".*?\.{3,}\s*(\d+)\s*$", index, re.M | re.S)
        assert found, title
        page = int(found.group(1))
        assert any(line.startswith(title[:40]) for line in pages[page - 1].splitlines()), title


def test_it_keeps_the_step_tables_column_widths(converted: Path) -> None:
    with pdfplumber.open(converted) as pdf:
        for page in pdf.pages:
            words = {w["text"]: w["x0"] for w in page.extract_words()}
            if {"Responsable", "No.", "Actividad"} <= set(words):
                # 3.4 cm, then 1.1 cm: equal columns would be 3.5 cm each
                assert 80 <= words["No."] - words["Responsable"] <= 110
                assert 20 <= words["Actividad"] - words["No."] <= 45
                return
    pytest.fail("no step table found")
