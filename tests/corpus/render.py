"""Writing helpers shared by the families: reproducible DOCX (python-docx) and PDF
(WeasyPrint, HTML + CSS) files."""

from __future__ import annotations

import datetime as dt
import html
import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.table import _Cell

FIXED = dt.datetime(2025, 3, 1, 9, 0, 0)


def new_docx(header: str = "") -> DocxDocument:
    document = docx.Document()
    props = document.core_properties
    props.author = "Corpus Folio"
    props.last_modified_by = "Corpus Folio"
    props.created = props.modified = props.last_printed = FIXED
    props.revision = 1
    if header:
        document.sections[0].header.paragraphs[0].text = header
    return document


def set_cell(cell: _Cell, value: str | list[str], bold: bool = False) -> None:
    """Write ``value`` in ``cell``: one paragraph per item of a list."""
    items = [value] if isinstance(value, str) else value
    first = cell.paragraphs[0]
    for i, item in enumerate(items):
        paragraph = first if i == 0 else cell.add_paragraph()
        run = paragraph.add_run(item)
        run.bold = bold or None


def save_docx(document: DocxDocument, path: Path) -> None:
    """Save with fixed zip timestamps so the same spec gives the same bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))


def write_pdf(body: str, css: str, path: Path) -> None:
    import weasyprint

    page = f"<!doctype html><html lang=es><head><meta charset=utf-8><style>{BASE_CSS}{css}"
    page += f"</style></head><body>{body}</body></html>"
    path.write_bytes(weasyprint.HTML(string=page).write_pdf())


def esc(text: str) -> str:
    return html.escape(text, quote=False)


BASE_CSS = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 8.5pt; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 0.6pt solid #000; padding: 2pt 3pt; vertical-align: top; text-align: left; }
th { background: #d9d9d9; }
h1 { font-size: 13pt; } h2 { font-size: 11pt; } h3 { font-size: 10pt; }
.page { break-before: page; }
"""


def flowchart(title: str, lanes: list[str], boxes: list[tuple[int, str, str]]) -> str:
    """A flowchart page drawn with absolutely positioned bordered boxes, as word
    processors export them: ``boxes`` are (lane index, kind, 1–3 word label), kind one of
    "start", "task", "decision", "end"; they are stacked top to bottom."""
    width = 170 / max(len(lanes), 1)
    parts = [f"<div class=page><h3>{esc(title)}</h3><div class=chart>"]
    for i, lane in enumerate(lanes):
        parts.append(
            f"<div class=lane style='left:{i * width:.1f}mm;width:{width:.1f}mm'>"
            f"<div class=lanehead>{esc(lane)}</div></div>"
        )
    step = min(15.0, 175 / max(len(boxes), 1))
    for row, (lane, kind, label) in enumerate(boxes):
        left = lane * width + (width - 30) / 2
        parts.append(
            f"<div class='box {kind}' style='left:{left:.1f}mm;top:{14 + row * step:.1f}mm'>"
            f"<span>{esc(label)}</span></div>"
        )
    parts.append("</div></div>")
    return "".join(parts)


FLOWCHART_CSS = """
.chart { position: relative; height: 195mm; width: 170mm; }
.lane { position: absolute; top: 0; height: 195mm; border: 0.6pt solid #000; }
.lanehead { border-bottom: 0.6pt solid #000; font-size: 7pt; text-align: center;
            height: 10mm; padding-top: 1mm; background: #eee; }
.box { position: absolute; width: 30mm; height: 9mm; border: 0.8pt solid #000;
       font-size: 6.5pt; text-align: center; }
.box span { display: block; padding-top: 2.5mm; }
.start, .end { border-radius: 4.5mm; }
.decision { border-style: dashed; font-weight: bold; }
"""
