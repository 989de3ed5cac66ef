"""Labelled fields of a procedure's header: "Objetivo:\\tvalue" on one row (Puebla),
"5.1.2 Objetivo" with the value on the following lines (Naucalpan), "1. PROPÓSITO" as a
numbered section (TecNM). A field runs until the next label or step table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from folio.manuals.blocks import Row
from folio.manuals.cleaning import clean, fold, plain

NAME, OBJECTIVE, LEGAL, POLICIES, TIME = "name", "objective", "legal", "policies", "time"
UNIT = "unit"
INDICATORS, DESCRIPTION, OTHER = "indicators", "description", "other"

_LABELS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        [
            ("nombre del procedimiento", NAME),
            ("nombre del documento", NAME),
            ("objetivo del procedimiento", OBJECTIVE),
            ("objetivo", OBJECTIVE),
            ("proposito", OBJECTIVE),
            ("fundamento legal", LEGAL),
            ("fundamento juridico", LEGAL),
            ("marco legal", LEGAL),
            ("marco juridico", LEGAL),
            ("base legal", LEGAL),
            ("politicas de operacion", POLICIES),
            ("politicas", POLICIES),
            ("normas de operacion", POLICIES),
            ("tiempo promedio de gestion", TIME),
            ("tiempo de gestion", TIME),
            ("tiempo de respuesta", TIME),
            ("tiempo promedio", TIME),
            ("medicion", INDICATORS),
            ("indicadores", INDICATORS),
            ("indicador", INDICATORS),
            ("descripcion del procedimiento", DESCRIPTION),
            ("alcance", OTHER),
            ("referencias", OTHER),
            ("documentos de referencia", OTHER),
            ("responsabilidades", OTHER),
            ("definiciones", OTHER),
            ("insumos", OTHER),
            ("resultados", OTHER),
            ("interaccion con otros procedimientos", OTHER),
            ("desarrollo", OTHER),
            ("diagramacion", OTHER),
            ("diagrama de flujo", OTHER),
            ("diagrama del procedimiento", OTHER),
            ("diagrama de procedimiento", OTHER),
            ("formatos e instructivos", OTHER),
            ("registros", OTHER),
            ("glosario", OTHER),
            ("anexos", OTHER),
            ("cambios de esta version", OTHER),
            ("area responsable", UNIT),
            ("unidad responsable", UNIT),
            ("unidad administrativa responsable", UNIT),
            ("codigo del procedimiento", OTHER),
            ("clave del procedimiento", OTHER),
            ("fecha de emision", OTHER),
        ],
        key=lambda lk: -len(lk[0]),
    )
)
_LABEL_STARTS = frozenset(words[:4] for words, _ in _LABELS)
#: "5.1.2", "3)" or "IV." before a label; a Roman numeral only when something parts it from
#: the word (the I of "Indicadores" is no numeral).
_NUMBERING = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[IVXL]+(?=[\s.\-)]))\s*(?:\.-|\.|-|\))?\s*")


@dataclass
class Field:
    kind: str
    label: str
    lines: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(x for x in self.lines if x).strip()


def match_label(row: Row) -> tuple[str, str, str] | None:
    """``(kind, label, rest of the row)`` if the row opens a labelled field."""
    return _match_cells(row.cells)


@lru_cache(maxsize=1 << 14)
def _match_cells(all_cells: tuple[str, ...]) -> tuple[str, str, str] | None:
    cells = [c for c in all_cells if c.strip()]
    if not cells:
        return None
    body = _NUMBERING.sub("", plain(cells[0]), count=1)
    key = fold(body)
    if key[:4] not in _LABEL_STARTS:
        return None
    for words, kind in _LABELS:
        if not key.startswith(words):
            continue
        after = body[len(words) :]
        if after.strip() and not after.lstrip().startswith(":"):
            continue
        if not after.strip() and len(cells) == 1 and len(body) > len(words) + 3:
            continue
        rest = " ".join([after.lstrip(" :")] + [clean(c) for c in cells[1:]]).strip()
        return kind, body[: len(words)], rest
    return None


def collect_fields(rows: list[Row]) -> list[Field]:
    """Labelled fields among ``rows`` (rows that are not part of a step table)."""
    fields: list[Field] = []
    current: Field | None = None
    for row in rows:
        m = match_label(row)
        if m is not None:
            kind, label, rest = m
            current = Field(kind, label, [rest] if rest else [], [row])
            fields.append(current)
        elif current is not None and not _ends_name(current, row):
            current.lines.append(" ".join(clean(c) for c in row.cells if c.strip()))
            current.rows.append(row)
    return fields


def _ends_name(current: Field, row: Row) -> bool:
    """A name or unit given on its label's row goes on only in lines that continue its
    sentence (lower case); the next line of a header box or a page is something else."""
    if current.kind not in (NAME, UNIT):
        return False
    if not current.lines or len(current.rows) > 2:
        return len(current.rows) > 3
    first = next((plain(c) for c in row.cells if c.strip()), "")
    return not first[:1].islower()


def split_policies(text: str) -> tuple[str, ...]:
    """Numbered policies "1. … 2. …" (or "3.1 … 3.2 …"), else bullets, else one."""
    for pattern in (r"(?:^|(?<=\s))(\d{1,2})\s*[.)]\s+", r"(?:^|(?<=\s))\d+\.(\d{1,2})\.?\s+"):
        items = _numbered(text, pattern)
        if len(items) >= 1 and items != [text]:
            return tuple(items)
    bullets = [b.strip(" -") for b in re.split(r"\s•\s|(?:^|\s)-\s(?=[A-ZÁÉÍÓÚ])", text)]
    bullets = [b for b in bullets if b]
    return tuple(bullets) if bullets else ()


def _numbered(text: str, pattern: str) -> list[str]:
    """Split at markers numbered 1, 2, 3… in order (other numbers stay in the text)."""
    cuts: list[tuple[int, int]] = []
    expected = 1
    for m in re.finditer(pattern, text):
        if int(m.group(1)) == expected and (m.start() == 0 or text[m.start() - 1] in " •>"):
            cuts.append((m.start(), m.end()))
            expected += 1
    if not cuts or cuts[0][0] > 40:
        return [text]
    items = []
    for i, (_start, end) in enumerate(cuts):
        stop = cuts[i + 1][0] if i + 1 < len(cuts) else len(text)
        items.append(text[end:stop].strip(" •;"))
    return [i for i in items if i]
