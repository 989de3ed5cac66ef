"""The page layer of an organization manual: clean cells, the control header repeated
on every page (CÓDIGO / VERSIÓN / EMISIÓN / PÁGINA, the logo words, the dependency name)
taken out and read once, and the document cut into its sections (estructura orgánica,
organigrama, puestos y funciones, …)."""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from folio.manuals.blocks import Row
from folio.manuals.cleaning import strip_accents

_TAG = re.compile(r"<[^>]{0,400}>")
_SPACES = re.compile(r"\s+")
_CONTROL = {
    "codigo": "code",
    "clave": "code",
    "version": "revision",
    "revision": "revision",
    "no de revision": "revision",
    "emision": "elaborated",
    "fecha de emision": "elaborated",
    "fecha de elaboracion": "elaborated",
    "fecha de actualizacion": "updated",
    "pagina": "page",
    "hoja": "page",
}
_PAGE_COUNTER = re.compile(r"^(?:p[aá]gina|hoja)\s*:?\s*(\d+\s*(?:de|/)\s*\d+)$", re.IGNORECASE)
_NUMBERED = re.compile(r"^[-•·*▪]?\s*(?P<number>\d+(?:\.\d+)*)\.?\s+(?P<name>\S.*)$")
_ROMAN = re.compile(r"^(?P<prefix>[IVXLC]+|\d{1,2})\s*[.)-]?\s+(?P<rest>\S.*)$")

SECTION_NAMES: dict[str, tuple[str, ...]] = {
    "structure": ("estructura organica", "estructura organizacional", "estructura organica basica"),
    "chart": ("organigrama", "organigramas", "organigrama general", "organigrama estructural"),
    "positions": (
        "puestos y funciones", "descripcion de puestos", "descripcion de puestos y funciones",
        "perfiles de puestos", "perfiles y funciones", "funciones por puesto",
        "catalogo de puestos", "descripcion de funciones por puesto",
    ),
    "authorizations": (
        "hoja de formalizacion", "hoja de autorizacion", "hoja de autorizaciones",
        "autorizacion", "autorizaciones", "hoja de firmas", "firmas de autorizacion",
        "hoja de validacion", "validacion",
    ),
    "introduction": ("introduccion", "presentacion"),
    "glossary": ("glosario", "glosario de terminos", "definiciones", "terminos y definiciones"),
    "editions": (
        "control de cambios", "registro de ediciones", "historial de cambios",
        "control de revisiones", "registro de cambios", "historial de revisiones",
    ),
}  # fmt: skip
#: Other sections: only an upper-case or roman-numbered heading opens them, so that a
#: record label written without its colon ("Objetivo") is not taken for a heading.
_OTHER_NAMES = frozenset({
    "indice", "contenido", "indice general", "objetivo del manual", "objetivo",
    "objetivos", "antecedentes", "antecedentes historicos", "objetivo general de la dependencia",
    "mision", "vision", "valores", "mision y vision", "marco juridico",
    "marco juridico administrativo", "marco juridico normativo", "marco normativo",
    "marco legal", "atribuciones", "directorio", "politicas", "disposiciones generales",
    "alcance", "anexos",
})  # fmt: skip


def clean_cell(text: str) -> str:
    """Plain text of a cell: markup (HTML tags, ``**bold**``, entities) removed and
    whitespace collapsed."""
    text = _TAG.sub(" ", html.unescape(text)).replace("**", "")
    return _SPACES.sub(" ", text).strip()


def clean_rows(rows: list[Row]) -> list[Row]:
    """Rows with clean, non-empty cells; blank rows keep an empty ``cells``."""
    cleaned = []
    for row in rows:
        cells = tuple(c for c in (clean_cell(c) for c in row.cells) if c)
        cleaned.append(Row(cells, row.source))
    return cleaned


@lru_cache(maxsize=1 << 14)
def fold(text: str) -> str:
    """Lowercase, no accents, words separated by one space."""
    return " ".join(re.split(r"[\W_]+", strip_accents(text).casefold())).strip()


def row_text(row: Row) -> str:
    return " ".join(row.cells)


def numbered(row: Row) -> tuple[str, str] | None:
    """``("2.1.3", "Coordinación de Ciencia de Datos")`` for a numbered line, written in
    one cell ("2.1.3 …", "- 4.1 …", "2.1.8. …") or as number and name cells."""
    cells = row.cells
    if len(cells) >= 2 and re.fullmatch(r"\d+(?:\.\d+)*\.?", cells[0]):
        return cells[0].rstrip("."), " ".join(cells[1:])
    if len(cells) == 1 and (m := _NUMBERED.match(cells[0])):
        return m["number"], m["name"].strip()
    return None


@dataclass
class Furniture:
    """What the repeated page header said, read once."""

    control: dict[str, str] = field(default_factory=dict)
    dependency: str = ""


def strip_page_furniture(rows: list[Row]) -> tuple[list[Row], Furniture]:
    """``rows`` without blank rows and without each page's control header: a cluster of
    control rows (two labels or more, or a "Página n de m") and the short rows around
    it that repeat through the document (logo words, manual title, dependency name)."""
    control = {i: pairs for i, r in enumerate(rows) if (pairs := control_pairs(r.cells))}
    cores = [i for i in control if _in_cluster(i, control)]
    counts = Counter(fold(row_text(r)) for r in rows if r.cells)
    furniture, repeated = set(cores), Counter[str]()
    for i in cores:
        for step in (-1, 1):
            for j in _furniture_run(rows, i, step, counts, set(control)):
                furniture.add(j)
                repeated[row_text(rows[j])] += 1
    found = Furniture()
    for i in sorted(cores):
        for key, value in control[i]:
            found.control.setdefault(key, value)
    found.dependency = _dependency(repeated)
    kept = [r for i, r in enumerate(rows) if r.cells and i not in furniture]
    return kept, found


def control_pairs(cells: tuple[str, ...]) -> list[tuple[str, str]] | None:
    """``[("code", "MO-SIG-01")]`` when every cell of a row is a control label or its
    value ("CÓDIGO:" | "MO-SIG-01", "Página 3 de 68"); None otherwise."""
    pairs: list[tuple[str, str]] = []
    i = 0
    while i < len(cells):
        if m := _PAGE_COUNTER.match(cells[i]):
            pairs.append(("page", m[1]))
            i += 1
            continue
        label, _, value = cells[i].partition(":")
        key = _CONTROL.get(fold(label))
        if key is None:
            return None
        if not value.strip() and i + 1 < len(cells) and _control_key(cells[i + 1]) is None:
            value, i = cells[i + 1], i + 1
        pairs.append((key, value.strip()))
        i += 1
    return pairs or None


def _control_key(cell: str) -> str | None:
    return _CONTROL.get(fold(cell.partition(":")[0]))


def _in_cluster(i: int, control: dict[int, list[tuple[str, str]]]) -> bool:
    near = sum(len(pairs) for j, pairs in control.items() if abs(j - i) <= 3)
    return near >= 2 or any(key == "page" for key, _ in control[i])


def _furniture_run(
    rows: list[Row], start: int, step: int, counts: Counter[str], control: set[int]
) -> list[int]:
    """Indexes next to a control row (going ``step``-wise) that are blank, control rows
    or short repeated lines; stops at the first other line."""
    run, j, taken = [], start + step, 0
    while 0 <= j < len(rows) and taken < 8:
        row = rows[j]
        if row.cells and j not in control and not _repeated_short(row, counts):
            break
        if row.cells:
            run.append(j)
            taken += 1
        j += step
    return run


def _repeated_short(row: Row, counts: Counter[str]) -> bool:
    text = row_text(row)
    if len(text) > 80 or ":" in text or re.match(r"^\W*\d", text):
        return False
    return counts[fold(text)] >= 3


_DEPENDENCY_STARTS = frozenset({
    "secretaria", "direccion", "instituto", "coordinacion", "contraloria", "tesoreria",
    "presidencia", "sistema", "organismo", "unidad", "oficina", "comision", "consejo",
    "dependencia", "ayuntamiento",
})  # fmt: skip


def names_dependency(text: str) -> bool:
    """Whether a line reads as a dependency's name ("Secretaría de …", "Instituto …")."""
    words = fold(text).split()
    return len(words) >= 3 and words[0] in _DEPENDENCY_STARTS and len(text) <= 120


def _dependency(repeated: Counter[str]) -> str:
    """The most repeated header line naming a dependency ("SECRETARÍA DE …")."""
    return next((text for text, _ in repeated.most_common() if names_dependency(text)), "")


def find_title(rows: list[Row]) -> tuple[str, str]:
    """The first line that reads "Manual de …", as written, and the next line when it
    names a dependency (else "")."""
    lines = [row_text(r) for r in rows[:400] if r.cells]
    for i, text in enumerate(lines):
        if fold(text).startswith("manual de ") and len(text) <= 160:
            after = lines[i + 1] if i + 1 < len(lines) else ""
            return text, after if names_dependency(after) else ""
    return "", ""


def section_kind(row: Row) -> str | None:
    """The kind of section a heading row opens ("structure", "positions", …, "other"),
    or None when the row is not a section heading. Índice lines (ending in a page
    number) are not headings."""
    if len(row.cells) != 1:
        return None
    text = row.cells[0]
    if text.endswith(":") or len(text) > 100 or re.search(r"(?:\.{3,}|\s)\d{1,3}$", text):
        return None
    m = _ROMAN.match(text)
    body = m["rest"] if m else text
    key = fold(body)
    for kind, names in SECTION_NAMES.items():
        if key in names:
            return kind
    roman = m is not None and not m["prefix"].isdigit()
    known = key in _OTHER_NAMES or key.startswith("lineamientos")
    if body.isupper() and (known or roman) and re.search(r"[^\W\d_]{3}", body):
        return "other"
    return None


@dataclass
class Sections:
    """The document's rows by section kind, in order; rows before the first heading
    are "front"."""

    rows: dict[str, list[Row]] = field(default_factory=dict)
    headings: dict[str, Row] = field(default_factory=dict)

    def get(self, kind: str) -> list[Row]:
        return self.rows.get(kind, [])


def split_sections(rows: list[Row]) -> Sections:
    sections = Sections()
    kind = "front"
    for row in rows:
        opened = section_kind(row)
        if opened is not None:
            kind = opened
            sections.headings.setdefault(kind, row)
            sections.rows.setdefault(kind, [])
            continue
        sections.rows.setdefault(kind, []).append(row)
    return sections
