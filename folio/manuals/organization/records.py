"""Position records ("fichas de puesto") of "Puestos y funciones".

A record opens with a numbered heading ("2.1.3 Coordinación de Ciencia de Datos")
followed within a few lines by identity labels, or with a title label when there is no
heading. Fields are labelled lines in any order, the label and its value in one cell
("Fecha: 31/03/2023") or in consecutive cells; a value may go on over the following
lines. Functions are numbered or bulleted items; an unnumbered line continues the item
before it when it reads as its continuation (a page break cut it). The template's fixed
instructions ("Representa la finalidad …", "DESCRIPCIÓN DE LA FUNCIÓN: ¿Qué hace? …") are
dropped: by their wording, and by opening the same field in many records.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from folio.manuals.blocks import Row
from folio.manuals.model import SourceRef
from folio.manuals.organization.front import continues, join_paragraphs
from folio.manuals.organization.layout import fold, numbered, row_text
from folio.manuals.organization.names import is_not_applicable, split_names

_LABELS: dict[str, tuple[str, ...]] = {
    "identification": ("identificacion", "identificacion del puesto", "datos generales"),
    "title": ("puesto funcional", "puesto", "nombre del puesto", "denominacion del puesto",
              "titulo del puesto", "denominacion"),
    "nominal": ("puesto nominal", "nombramiento", "categoria"),
    "date": ("fecha", "fecha de elaboracion"),
    "secretaria": ("secretaria", "dependencia"),
    "direccion": ("direccion", "direccion de area"),
    "area": ("area", "area de adscripcion", "adscripcion", "unidad administrativa",
             "departamento"),
    "organization": ("organizacion",),
    "reports_to": ("puesto al que le reporta", "puesto al que reporta", "reporta a",
                   "jefe inmediato", "superior inmediato", "puesto superior", "reporta"),
    "subordinates": ("puestos que le reportan", "puestos que reportan", "le reportan",
                     "subordinados", "puestos subordinados", "supervisa a",
                     "personal a su cargo"),
    "objective": ("objetivo general del puesto", "objetivo del puesto", "objetivo general",
                  "objetivo", "proposito del puesto", "proposito", "mision del puesto"),
    "value": ("valor que aporta al puesto que reporta", "valor que aporta", "valor"),
    "kind": ("tipo de puesto", "tipo"),
    "functions": ("funciones y responsabilidades clave", "funciones y responsabilidades",
                  "funciones principales", "funciones especificas", "funciones",
                  "responsabilidades"),
}  # fmt: skip
LABELS = {label: key for key, labels in _LABELS.items() for label in labels}
#: Labels that, right after a numbered line, show that it heads a record.
_IDENTITY = frozenset({"identification", "title", "nominal", "secretaria", "direccion",
                       "area", "organization", "reports_to", "subordinates"})  # fmt: skip
_INSTRUCTIONS = ("representa la finalidad", "descripcion de la funcion",
                 "cada funcion integra", "verbo de accion", "que hace")  # fmt: skip
_ITEM_MARK = r"(?:\d{1,3}[.)]?|[a-zA-Z][.)]|[-•·*▪●○➢►✓])"
_ITEM = re.compile(rf"^{_ITEM_MARK}\s+(?P<text>\S.*)$")


@dataclass
class RawRecord:
    """A record as read: each field's parts as (is_list_item, text)."""

    number: str
    heading: str
    source: SourceRef
    fields: dict[str, list[tuple[bool, str]]] = field(default_factory=dict)

    def add(self, key: str, text: str, is_item: bool = False) -> None:
        parts = self.fields.setdefault(key, [])
        if text.strip():
            parts.append((is_item, text.strip()))

    def parts(self, key: str) -> list[tuple[bool, str]]:
        return self.fields.get(key, [])

    def text(self, key: str) -> str:
        value = " ".join(t for _, t in self.parts(key)).strip()
        return "" if is_not_applicable(value) else value


@dataclass(frozen=True)
class Record:
    """A record with its fields finished: instructions out, lists split."""

    number: str
    heading: str
    source: SourceRef
    title: str
    nominal: str
    secretaria: str
    direccion: str
    area: str
    reports_to: str
    subordinates: tuple[str, ...]
    objective: str
    functions: tuple[str, ...]
    value: str
    kind: str


def _label_of(cell: str) -> tuple[str, str] | None:
    label, colon, rest = cell.partition(":")
    if colon and len(label) <= 60 and (key := LABELS.get(fold(label))):
        return key, rest.strip()
    key = LABELS.get(fold(cell))
    return (key, "") if key else None


def label_segments(cells: tuple[str, ...]) -> list[tuple[str, str]]:
    """A labelled row as ``[(field, value), …]``; ``[]`` when it does not start with a
    label. "Valor que aporta…:" | "Alto" | "Tipo de Puesto" | "Temporal" gives two."""
    if not cells or _label_of(cells[0]) is None:
        return []
    segments: list[tuple[str, str]] = []
    for cell in cells:
        found = _label_of(cell)
        if found is not None:
            segments.append(found)
        else:
            key, value = segments[-1]
            segments[-1] = (key, f"{value} {cell}".strip())
    return segments


def list_item(row: Row) -> str | None:
    """The text of a numbered or bulleted item ("1" | "Dirigir…", "- Dirigir…")."""
    cells = row.cells
    if len(cells) >= 2 and re.fullmatch(_ITEM_MARK, cells[0]):
        return " ".join(cells[1:])
    if len(cells) == 1 and (m := _ITEM.match(cells[0])):
        return m["text"]
    return None


def _opens_record(rows: list[Row], i: int) -> bool:
    for row in rows[i + 1 : i + 5]:
        segments = label_segments(row.cells)
        if segments:
            return segments[0][0] in _IDENTITY
        if numbered(row) is not None or list_item(row) is not None:
            return False
    return False


def parse_records(rows: list[Row]) -> list[RawRecord]:
    records: list[RawRecord] = []
    key: str | None = None
    for i, row in enumerate(rows):
        heading = numbered(row)
        if heading is not None and _opens_record(rows, i):
            records.append(RawRecord(heading[0], heading[1].rstrip(" ."), row.source))
            key = None
            continue
        segments = label_segments(row.cells)
        if segments:
            if not records or (segments[0][0] == "title" and "title" in records[-1].fields):
                records.append(RawRecord("", "", row.source))
            for key, value in segments:
                records[-1].add(key, value)
            continue
        if records and key is not None:
            item = list_item(row)
            records[-1].add(key, row_text(row) if item is None else item, item is not None)
    return records


def finish_records(raw: list[RawRecord]) -> list[Record]:
    boilerplate = _boilerplate(raw)
    return [_finish(r, boilerplate) for r in raw]


def _boilerplate(raw: list[RawRecord]) -> set[str]:
    """Paragraphs that open the objective or the functions in many records."""
    counts: Counter[str] = Counter()
    for record in raw:
        firsts = {
            fold(parts[0][1]) for k in ("objective", "functions") if (parts := record.parts(k))
        }
        counts.update(firsts)
    threshold = max(3, math.ceil(0.3 * len(raw)))
    return {text for text, n in counts.items() if n >= threshold}


def _is_instruction(text: str, boilerplate: set[str]) -> bool:
    folded = fold(text)
    return folded in boilerplate or folded.startswith(_INSTRUCTIONS)


def _finish(record: RawRecord, boilerplate: set[str]) -> Record:
    objective = [t for _, t in record.parts("objective") if not _is_instruction(t, boilerplate)]
    return Record(
        number=record.number,
        heading=record.heading,
        source=record.source,
        title=record.text("title") or record.heading,
        nominal=record.text("nominal"),
        secretaria=record.text("secretaria"),
        direccion=record.text("direccion"),
        area=record.text("area"),
        reports_to=record.text("reports_to"),
        subordinates=_subordinates(record.parts("subordinates")),
        objective="\n\n".join(join_paragraphs(objective)),
        functions=_functions(record.parts("functions"), boilerplate),
        value=record.text("value"),
        kind=record.text("kind"),
    )


def _subordinates(parts: list[tuple[bool, str]]) -> tuple[str, ...]:
    names = list(split_names(" ".join(t for is_item, t in parts if not is_item)))
    for is_item, text in parts:
        if is_item:
            names.extend(split_names(text))
    return tuple(names)


def _functions(parts: list[tuple[bool, str]], boilerplate: set[str]) -> tuple[str, ...]:
    functions: list[str] = []
    for is_item, text in parts:
        if is_item:
            functions.append(text)
        elif _is_instruction(text, boilerplate):
            continue
        elif functions and continues(functions[-1], text):
            functions[-1] = f"{functions[-1]} {text}"
        else:
            functions.append(text)
    return tuple(functions)
