"""Where each procedure starts and ends, from every signal together.

A procedure is a step table (or a narrative run of "Paso N:" paragraphs) and what
introduces it. Each table looks back, to the end of the table before it, for what opens
it: a "Nombre del Procedimiento" label wins, then the nearest heading that names a
procedure (numbered "5.1.2 RECEPCIÓN…", a Word heading style, "Subproceso «…»"), then
a DOCX section header carrying a code and name. A table with no opener continues the
procedure above, unless its numbering starts again at 1. Headings with no table before
the next heading (group headings: "5.1 PROCEDIMIENTOS DE LA DIRECCIÓN…") open nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from folio.manuals.blocks import Row
from folio.manuals.cleaning import fold, plain
from folio.manuals.fields import NAME, match_label
from folio.manuals.tablefind import StepTable

#: Titles of the parts of a procedure, never the procedure itself (whole titles, or
#: the start of one when they end in a space).
_PART_TITLES = frozenset(
    {
        "descripcion",
        "descripcion del procedimiento",
        "descripcion de actividades",
        "descripcion de las actividades",
        "desarrollo",
        "desarrollo del procedimiento",
        "actividades",
        "diagrama",
        "diagrama de flujo",
        "diagramacion",
        "flujograma",
        "politicas",
        "politicas de operacion",
        "normas de operacion",
        "objetivo",
        "objetivos",
        "proposito",
        "alcance",
        "responsabilidades",
        "definiciones",
        "marco juridico",
        "marco legal",
        "marco normativo",
        "fundamento legal",
        "fundamento juridico",
        "base legal",
        "narrativa",
        "procedimiento",
        "procedimientos",
        "medicion",
        "indicadores",
        "indicador",
        "insumos",
        "resultados",
        "interaccion con otros procedimientos",
        "normatividad",
        "lineamientos",
        "tiempo promedio de gestion",
        "formatos e instructivos",
        "descripcion narrativa",
        "secuencia de actividades",
        "unidad responsable",
        "area responsable",
    }
)
#: First words that make any heading a part of a procedure ("Actividades del
#: procedimiento", "Políticas generales"); procedure names do not start with them.
_PART_FIRST_WORDS = frozenset(
    {
        "descripcion",
        "actividades",
        "diagrama",
        "diagramacion",
        "flujograma",
        "politicas",
        "objetivo",
        "objetivos",
        "proposito",
        "alcance",
        "responsabilidades",
        "definiciones",
        "narrativa",
        "medicion",
        "indicadores",
        "indicador",
        "insumos",
        "interaccion",
        "lineamientos",
        "secuencia",
        "simbologia",
        "glosario",
    }
)
_PART_PREFIXES = ("procedimientos de ", "procedimientos del ")
#: Sections whose tables are never step tables (a record list, a change log…).
_OTHER_TITLES = frozenset(
    {
        "glosario",
        "glosario de terminos",
        "referencias",
        "documentos de referencia",
        "documentos aplicables",
        "anexos",
        "anexo",
        "formatos",
        "registros",
        "registros de calidad",
        "simbologia",
        "control de cambios",
        "cambios de esta version",
        "historial de cambios",
        "historial de revisiones",
        "registro de cambios",
        "registro de ediciones",
        "distribucion",
        "introduccion",
        "presentacion",
        "indice",
        "contenido",
        "autorizacion",
        "autorizaciones",
        "firmas",
        "control de firmas",
        "validacion",
        "terminos y definiciones",
        "abreviaturas",
        "siglas",
        "bitacora de cambios",
        "control de emisiones",
        "control de revisiones",
    }
)
_OTHER_PREFIXES = ("anexo ", "glosario ", "control de cambios ")
_NUMBERED = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(\S.{2,160})$")
_PROCEDURE_N = re.compile(
    r"^\s*procedimiento\s+(?:n[oº°]\.?\s*)?\d{1,3}(?:\.\d{1,3})*\s*[.:)-]\s*(\S.{2,160})$",
    re.IGNORECASE,
)
_SUBPROCESS = re.compile(r"^\s*(?:sub)?proceso\s*[:«\"“]\s*(.+?)[»\"”]?\s*$", re.IGNORECASE)
_ROMAN = re.compile(r"^\s*[IVXLC]{1,7}\s*[.)-]\s+")
_CODE = re.compile(r"\b([A-Z][A-Z0-9]{1,9}(?:[-./][A-Z0-9]{1,10}){1,5})\b")


@dataclass(frozen=True)
class Opener:
    index: int
    kind: str  # "label", "heading", "page-header"
    name: str = ""
    code: str = ""


@dataclass(frozen=True)
class Region:
    start: int
    end: int
    tables: tuple[StepTable, ...]
    opener: Opener | None
    #: The code and name of the DOCX section header in force, if any.
    header_code: str = ""
    header_name: str = ""


def heading_text(row: Row) -> str | None:
    """The title of a heading row (its number dropped), or ``None``."""
    cells = [c for c in row.cells if c.strip()]
    if len(cells) != 1 or match_label(row) is not None:
        return None
    text = plain(cells[0])
    if row.style.startswith(("heading", "title")):
        return _NUMBERED.sub(r"\2", text).strip() or None
    m = _SUBPROCESS.match(text) or _PROCEDURE_N.match(text)
    if m:
        return m.group(1).strip()
    m = _NUMBERED.match(text)
    if m is None or text.endswith((".", ":", ";", ",")):
        return None
    title = m.group(2).strip()
    letters = [ch for ch in title if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters) / max(len(letters), 1)
    if upper >= 0.7 or ("." in m.group(1) and len(title.split()) <= 14):
        return title
    return None


def is_section_title(title: str) -> bool:
    """A part of a procedure or of the manual, never a procedure's own title."""
    words = fold(title).strip(" :.").split()
    if words and words[0] in _PART_FIRST_WORDS:
        return True
    return _is(title, _PART_TITLES, _PART_PREFIXES) or is_other_section(title)


def is_other_section(title: str) -> bool:
    """A section whose tables are not step tables (registros, cambios, anexos…), its
    Roman numeral aside ("VI. Registro de ediciones")."""
    return _is(_ROMAN.sub("", title), _OTHER_TITLES, _OTHER_PREFIXES)


def _is(title: str, titles: frozenset[str], prefixes: tuple[str, ...]) -> bool:
    key = " ".join(fold(title).strip(" :.").split())
    return key in titles or key.startswith(prefixes)


def header_code_name(rows: list[Row]) -> tuple[str, str]:
    """The code and name written in a section header: "PRO-DA-03 Control de …"."""
    text = " ".join(plain(c) for r in rows for c in r.cells if plain(c))
    m = _CODE.search(text)
    if m is None:
        return "", ""
    name = re.sub(r"^(?:c[oó]digo|clave)\s*:?\s*", "", text[m.end() :].strip(" :-–|"), flags=re.I)
    name = re.sub(r"^(?:nombre(?: del procedimiento)?)\s*:?\s*", "", name, flags=re.I)
    return m.group(1), name.strip()


#: First cells of a header box's rows that give the procedure's name and code.
NAME_KEYS = frozenset({"nombre", "nombre del procedimiento", "procedimiento", "proceso"})
UNIT_KEYS = frozenset(
    {"area", "area responsable", "unidad responsable", "unidad administrativa", "dependencia"}
)
CODE_KEYS = frozenset(
    {
        "codigo",
        "clave",
        "codigo del procedimiento",
        "clave del procedimiento",
        "no. de procedimiento",
    }
)


def box_value(rows: list[Row], keys: frozenset[str]) -> str:
    """The value of the first header-box row ("Código:" | "SA-01") whose label is one
    of ``keys``; rows of a source table only."""
    for row in rows:
        cells = [plain(c) for c in row.cells if plain(c)]
        if row.table is None or len(cells) < 2:
            continue
        if fold(cells[0]).strip(" :.") in keys:
            return " ".join(cells[1:]).strip()
    return ""


def segment(body: list[Row], tables: list[StepTable]) -> list[Region]:
    """The procedures' regions, in order; ``[]`` when there is no table."""
    groups: list[tuple[Opener | None, list[StepTable]]] = []
    previous_end = 0
    for table in tables:
        if _in_other_section(body, previous_end, table.start):
            previous_end = table.end
            continue
        opener = _opener(body, previous_end, table.start)
        restarts = table.first_number in ("1", "1.", "1)") or table.narrative
        if groups and opener is None and not (restarts and groups[-1][1]):
            groups[-1][1].append(table)
        else:
            groups.append((opener, [table]))
        previous_end = table.end
    return _regions(body, groups)


def _regions(body: list[Row], groups: list[tuple[Opener | None, list[StepTable]]]) -> list[Region]:
    starts = [(op.index if op else ts[0].start) for op, ts in groups]
    if len(groups) == 1:
        starts = [0]
    regions = []
    for k, (opener, ts) in enumerate(groups):
        end = starts[k + 1] if k + 1 < len(groups) else len(body)
        code, name = _section_header(body, ts[0].start)
        regions.append(Region(starts[k], end, tuple(ts), opener, code, name))
    return regions


def _opener(body: list[Row], lo: int, hi: int) -> Opener | None:
    """What opens the table starting at ``hi``, looking back to ``lo``."""
    label = heading = header = None
    for i in range(lo, hi):
        row = body[i]
        m = match_label(row)
        if m is not None and m[0] == NAME:
            label = Opener(i, "label")
        elif row.style == "page-header":
            header = header if header and header.index == i - 1 else Opener(i, "page-header")
        else:
            title = heading_text(row)
            if title and not is_section_title(title):
                heading = Opener(i, "heading", name=title)
    return label or heading or header


def _in_other_section(body: list[Row], lo: int, hi: int) -> bool:
    """Whether the last heading before the table heads a section of other tables."""
    for i in range(hi - 1, lo - 1, -1):
        cells = [c for c in body[i].cells if c.strip()]
        numbered = _NUMBERED.match(plain(cells[0])) if len(cells) == 1 else None
        title = numbered.group(2) if numbered is not None else heading_text(body[i])
        if title is not None:
            return is_other_section(title)
    return False


def _section_header(body: list[Row], hi: int) -> tuple[str, str]:
    """The code and name of the last section header before ``hi``."""
    rows: list[Row] = []
    for i in range(hi - 1, -1, -1):
        if body[i].style == "page-header":
            rows.insert(0, body[i])
        elif rows:
            break
    return header_code_name(rows) if rows else ("", "")
