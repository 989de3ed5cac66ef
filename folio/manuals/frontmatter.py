"""Manual-level data: title, registro/clave code, dates, revision, authorizations,
introduction, glossary, simbología, registro de ediciones, distribution, and the coded
forms reproduced with their *instructivo de llenado*.

Page headers carry much of this ("Registro: …", "Fecha de elaboración: …", "Código:
TecNM-AC-PO-001"), so it is read from the raw rows, before furniture is removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from folio.manuals.blocks import Row
from folio.manuals.cleaning import fold, plain
from folio.manuals.documents import FORM_CODE, normalize_form_code
from folio.manuals.model import Authorization, Form, Term
from folio.manuals.signatures import read_authorizations

_KEYS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("code", re.compile(r"\b(?:registro|clave|c[oó]digo)\s*:\s*([A-Z0-9][\w./ -]{3,60})", re.I)),
    ("elaborated", re.compile(r"fecha de elaboraci[oó]n\s*:\s*([\w/ .-]{4,30})", re.I)),
    ("updated", re.compile(r"fecha de actualizaci[oó]n\s*:\s*([\w/ .-]{4,30})", re.I)),
    (
        "revision",
        re.compile(
            r"(?:^|\b(?:no\.?|n[uú]m(?:ero|\.)?)\s+de\s+)(?:revisi[oó]n|versi[oó]n)\s*:\s*(\w{1,6})\b",
            re.I,
        ),
    ),
    ("procedure_name", re.compile(r"nombre del (?:procedimiento|documento)\s*:\s*(.+)", re.I)),
)
_SECTION = re.compile(r"^(?:[ivxl]+|\d+)\s*(?:\.-|\.|-)?\s*(.+)$")


@dataclass
class FrontMatter:
    values: dict[str, str] = field(default_factory=dict)
    authorizations: tuple[Authorization, ...] = ()
    glossary: tuple[Term, ...] = ()
    symbols: tuple[Term, ...] = ()
    editions: tuple[str, ...] = ()
    distribution: tuple[str, ...] = ()

    def get(self, key: str, default: str = "") -> str:
        return self.values.get(key, default)


def read_front_matter(rows: list[Row], body: list[Row], file: str) -> FrontMatter:
    """Front matter from the raw ``rows`` (page headers carry the registro code and
    dates) and the furniture-free ``body`` (sections)."""
    fm = FrontMatter()
    for row in rows:
        for cell in row.cells:
            if ":" not in cell:
                continue
            text = plain(cell)
            for key, rx in _KEYS:
                m = rx.search(text)
                if m and key not in fm.values:
                    fm.values[key] = m.group(1).strip(" .")
    fm.values.setdefault("title", _title(rows))
    sections = _sections(body)
    intro = (sections.get("introduccion") or sections.get("presentacion") or [])[:40]
    fm.values["introduction"] = " ".join(x.replace("\t", " ") for x in intro).strip()
    fm.glossary = _terms(sections.get("glosario", []))
    fm.symbols = _terms(sections.get("simbologia", []))
    fm.editions = _lines(sections, "registro de ediciones", "control de cambios")
    fm.distribution = _lines(sections, "distribucion")
    fm.authorizations = read_authorizations(rows)
    fm.values["unit"] = _unit_of(fm.values["title"])
    return fm


def _title(rows: list[Row]) -> str:
    """The first "Manual de …" line of the cover, with the lines that complete it
    ("DE LA DIRECCIÓN DE …", "UNIDAD DE …") when it stands alone."""
    for i, row in enumerate(rows[:80]):
        text = plain(" ".join(c for c in row.cells if c.strip()))
        if "manual de" in fold(text) and len(text) < 160:
            return text if len(text) > 30 else _complete_title(text, rows[i + 1 : i + 12])
    for row in rows:
        if not row.is_blank:
            return plain(row.text)[:160]
    return ""


def _complete_title(title: str, following: list[Row]) -> str:
    parts = [title]
    for row in following:
        text = plain(" ".join(c for c in row.cells if c.strip()))
        if not text:
            continue
        if not text.isupper() or re.search(r"\d", text) or len(parts) == 4:
            break
        parts.append(text)
    return " ".join(parts)


def _unit_of(title: str) -> str:
    """ "Manual de Procedimientos DE LA DIRECCIÓN DE X" → "Dirección de X"."""
    m = re.search(r"manual de \w+\s+(?:de la|del|de)\s+(.+)$", title, re.I)
    if not m:
        return ""
    small = {"de", "del", "la", "las", "los", "y", "e", "o", "en"}
    words = m.group(1).lower().split()
    return " ".join(w if w in small and i else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _sections(rows: list[Row]) -> dict[str, list[str]]:
    """Text under the manual-level headings we keep, by folded heading name."""
    wanted = (
        "introduccion",
        "presentacion",
        "glosario",
        "simbologia",
        "registro de ediciones",
        "control de cambios",
        "distribucion",
    )
    out: dict[str, list[str]] = {}
    current: str | None = None
    table: int | None = None
    level = _NO_LEVEL  # of the Word heading that opened the section (0: not one)
    for row in rows:
        first_row, table = row.table is not None and row.table != table, row.table
        raw = [c for c in row.cells if c.strip()]
        if not raw or (current is None and (len(raw) > 2 or len(raw[0]) > 300)):
            continue
        cells = [plain(c) for c in raw]
        # a Word heading ends the section unless it is a subheading of the section's own
        heading = _heading(cells, row.style if _level(row.style) <= level else "")
        if heading is not None:
            if heading.endswith("(indice)"):
                continue  # an index entry, not the section
            current = next((w for w in wanted if heading.startswith(w)), None)
            if current is not None and current in out:
                current = None  # an index entry came first; keep the real section
            if current is not None:
                out[current] = []
            opened = _level(row.style)
            level = _NO_LEVEL if current is None else 0 if opened == _NO_LEVEL else opened
            continue
        if first_row and current in _EDITIONS and _EDITION_HEADER.match(fold(cells[0])):
            continue  # the header of the table of editions, not an edition
        if current is not None and len(out[current]) < 200:
            out[current].append("\t".join(cells))
    return out


_NO_LEVEL = 99


def _level(style: str) -> int:
    """How high a Word heading is: 0 for a title, N for "headingN"; ``_NO_LEVEL`` for
    any other row."""
    if style == "title":
        return 0
    if style.startswith("heading") and style[7:].isdigit():
        return int(style[7:])
    return _NO_LEVEL


_EDITIONS = ("registro de ediciones", "control de cambios")
#: The first cell of the header row of a table of editions ("No. de edición", "Edición").
_EDITION_HEADER = re.compile(r"^(?:no\.?\s*(?:de\s+)?)?(?:edicion|version|revision)$")


def _heading(cells: list[str], style: str = "") -> str | None:
    """The folded title of a heading row (a Word heading style is one, whatever it
    says), with " (indice)" when it is an index entry; None for other rows."""
    word_heading = style.startswith(("heading", "title"))
    if len(cells) > 2 or (len(cells[0]) > 70 and not word_heading):
        return None
    m = _SECTION.match(fold(cells[0]))
    text = m.group(1) if m else fold(cells[0])
    text = text.strip(" .:")
    known = (
        "introduccion",
        "presentacion",
        "glosario",
        "simbologia",
        "registro de ediciones",
        "control de cambios",
        "distribucion",
    )
    if any(text.startswith(k) for k in known) and (len(cells) == 1 or cells[1].isdigit()):
        return text if len(cells) == 1 else text + " (indice)"
    if len(cells) == 1 and (word_heading or (cells[0].isupper() and len(cells[0]) > 6)):
        return text
    return None


def _lines(sections: dict[str, list[str]], *names: str) -> tuple[str, ...]:
    for name in names:
        if name in sections:
            return tuple(x.replace("\t", " | ") for x in sections[name])
    return ()


def _terms(lines: list[str]) -> tuple[Term, ...]:
    """ "Término.- definición", "a) **TÉRMINO.** definición", or a table row
    "Término | Descripción"; a header row of a table is skipped."""
    terms = []
    for line in lines:
        line = re.sub(r"^[-•]\s+", "", line)
        if "\t" in line:
            term, _, definition = line.partition("\t")
            if fold(term).startswith(("nombre", "termino", "simbolo")):
                continue
            terms.append(Term(term.strip(" *:."), definition.split("\t")[0].strip()))
            continue
        m = re.match(r"^(?:[a-z]\)\s*)?(.{2,60}?)(?:\.-|\.\s|:\s|\s-\s)\s*(.+)$", line)
        if m:
            terms.append(Term(m.group(1).strip(" *."), m.group(2).strip()))
        elif line and len(line) < 60:
            terms.append(Term(line.strip(" *:."), ""))
    return tuple(terms)


def read_forms(rows: list[Row], file: str) -> tuple[Form, ...]:
    """Coded forms with an *instructivo de llenado*: the code printed within a few rows
    of an "Instructivo" heading, and the numbered items that follow as fields."""
    forms: dict[str, Form] = {}
    for i, row in enumerate(rows):
        if "nstructivo" not in row.text.lower() or _FORMS_PART.match(fold(plain(row.text))):
            continue
        window = rows[max(0, i - 40) : i + 40]
        codes = [
            normalize_form_code(m.group(0)) for r in window for m in FORM_CODE.finditer(r.text)
        ]
        if not codes:
            continue
        code = _nearest_code(rows, i) or codes[0]
        if code in forms:
            continue
        forms[code] = Form(
            code, _form_name(rows, i), _items(rows[i + 1 : i + 60]), True, row.source
        )
    return tuple(forms.values())


#: The title of a part holding every form ("VI. Formatos e instructivos de llenado"),
#: which names none of them.
_FORMS_PART = re.compile(r"^(?:[ivxl]+|\d+)?[.\s-]*formatos? e instructivos?\b")


def _nearest_code(rows: list[Row], i: int) -> str | None:
    for r in rows[i : i + 40]:
        m = FORM_CODE.search(r.text)
        if m:
            return normalize_form_code(m.group(0))
    return None


def _form_name(rows: list[Row], i: int) -> str:
    text = plain(rows[i].text)
    m = re.search(r"(?:formato|instructivo de llenado del?)\s+(.{4,100})", text, re.I)
    return m.group(1).strip(" .") if m else ""


def _items(rows: list[Row]) -> tuple[str, ...]:
    items = []
    for r in rows:
        text = plain(r.text)
        m = re.match(r"^\s*(\d{1,2})[.)]\s+(.+)$", text)
        if m:
            items.append(m.group(2).strip())
        elif items and (match_end(text) or r.style.startswith("heading")):
            break
    return tuple(items)


def match_end(text: str) -> bool:
    return bool(re.match(r"^(nombre del procedimiento|manual de|[ivxl]+\.\s)", fold(text)))
