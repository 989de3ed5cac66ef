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

_KEYS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("code", re.compile(r"\b(?:registro|clave|c[oó]digo)\s*:\s*([A-Z0-9][\w./ -]{3,60})", re.I)),
    ("elaborated", re.compile(r"fecha de elaboraci[oó]n\s*:\s*([\w/ .-]{4,30})", re.I)),
    ("updated", re.compile(r"fecha de actualizaci[oó]n\s*:\s*([\w/ .-]{4,30})", re.I)),
    ("revision", re.compile(r"(?:no\.?\s+de\s+)?revisi[oó]n\s*:\s*(\w{1,6})", re.I)),
    ("procedure_name", re.compile(r"nombre del (?:procedimiento|documento)\s*:\s*(.+)", re.I)),
)
_ACTIONS = re.compile(
    r"^(elabor[aó]|revis[aó]|revisar|valid[aó]|autoriz[aó]|aprob[oó]|aprueba|expide|administra)"
    r"\s*:?$",
    re.I,
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


def read_front_matter(rows: list[Row], file: str) -> FrontMatter:
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
    sections = _sections(rows)
    fm.values["introduction"] = " ".join(sections.get("introduccion", [])[:40]).strip()
    fm.glossary = _terms(sections.get("glosario", []))
    fm.symbols = _terms(sections.get("simbologia", []))
    fm.editions = tuple(sections.get("registro de ediciones", []))
    fm.distribution = tuple(sections.get("distribucion", []))
    fm.authorizations = _authorizations(rows)
    return fm


def _title(rows: list[Row]) -> str:
    for row in rows[:80]:
        text = plain(" ".join(c for c in row.cells if c.strip()))
        if "manual de" in fold(text) and len(text) < 160:
            return text
    for row in rows:
        if not row.is_blank:
            return plain(row.text)[:160]
    return ""


def _sections(rows: list[Row]) -> dict[str, list[str]]:
    """Text under the manual-level headings we keep, by folded heading name."""
    wanted = ("introduccion", "glosario", "simbologia", "registro de ediciones", "distribucion")
    out: dict[str, list[str]] = {}
    current: str | None = None
    for row in rows:
        raw = [c for c in row.cells if c.strip()]
        if not raw or (current is None and (len(raw) > 2 or len(raw[0]) > 300)):
            continue
        cells = [plain(c) for c in raw]
        heading = _heading(cells)
        if heading is not None:
            current = next((w for w in wanted if heading.startswith(w)), None)
            if current is not None and current in out:
                current = None  # an index entry came first; keep the real section
            if current is not None:
                out[current] = []
            continue
        if current is not None and len(out[current]) < 200:
            out[current].append(" ".join(cells))
    return out


def _heading(cells: list[str]) -> str | None:
    if len(cells) > 2 or len(cells[0]) > 70:
        return None
    m = _SECTION.match(fold(cells[0]))
    text = m.group(1) if m else fold(cells[0])
    text = text.strip(" .:")
    known = ("introduccion", "glosario", "simbologia", "registro de ediciones", "distribucion")
    if any(text.startswith(k) for k in known) and (len(cells) == 1 or cells[1].isdigit()):
        return text if len(cells) == 1 else text + " (indice)"
    if len(cells) == 1 and cells[0].isupper() and len(cells[0]) > 6:
        return text
    return None


def _terms(lines: list[str]) -> tuple[Term, ...]:
    terms = []
    for line in lines:
        m = re.match(r"^(?:[a-z]\)\s*)?(.{2,60}?)(?:\.-|\.\s|:\s|\s-\s)\s*(.+)$", line)
        if m:
            terms.append(Term(m.group(1).strip(" *."), m.group(2).strip()))
        elif line and len(line) < 60:
            terms.append(Term(line.strip(" *:."), ""))
    return tuple(terms)


def _authorizations(rows: list[Row]) -> tuple[Authorization, ...]:
    """ "Autoriza:" followed (same row or next row) by "<name> <position>"."""
    found: list[Authorization] = []
    for i, row in enumerate(rows):
        raw = [c for c in row.cells if c.strip()]
        if len(raw) not in (1, 2) or len(raw[0]) > 60:
            continue
        cells = [plain(c) for c in raw]
        if _ACTIONS.match(cells[0]):
            who = cells[1] if len(cells) == 2 else _next_text(rows, i)
            if who and not _ACTIONS.match(who):
                person, position = _person_position(who)
                found.append(Authorization(person, position, cells[0].rstrip(":")))
    return tuple(dict.fromkeys(found))


def _next_text(rows: list[Row], i: int) -> str:
    for row in rows[i + 1 : i + 3]:
        if not row.is_blank:
            return plain(" ".join(c for c in row.cells if c.strip()))
    return ""


def _person_position(text: str) -> tuple[str, str]:
    """Name and role often share one paragraph: split at the first role word."""
    m = re.search(
        r"\b(Secretari[oa]|Director|Directora|Subdirector|Subdirectora|Jef[ea]|Contralor"
        r"|Coordinador|Coordinadora|Titular|Presidente|Presidenta|Tesorer[oa])\b",
        text,
    )
    if m and m.start() > 0:
        return text[: m.start()].strip(" ,"), text[m.start() :].strip()
    return text, ""


def read_forms(rows: list[Row], file: str) -> tuple[Form, ...]:
    """Coded forms with an *instructivo de llenado*: the code printed within a few rows
    of an "Instructivo" heading, and the numbered items that follow as fields."""
    forms: dict[str, Form] = {}
    for i, row in enumerate(rows):
        if "nstructivo" not in row.text.lower():
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
        elif items and match_end(text):
            break
    return tuple(items)


def match_end(text: str) -> bool:
    return bool(re.match(r"^(nombre del procedimiento|manual de|[ivxl]+\.\s)", fold(text)))
