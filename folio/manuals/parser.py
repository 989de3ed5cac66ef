"""The one parser: a ``Row`` stream (from any format adapter) → a ``Manual``.

A procedure starts at its "Nombre del Procedimiento" label (or, in one-procedure
documents such as the TecNM template, spans the whole document); its step table is found
by header words; repeated page furniture is removed first.
"""

from __future__ import annotations

import re

from folio.manuals.blocks import ParseError, Row
from folio.manuals.cleaning import fold, plain
from folio.manuals.documents import form_codes, parse_documents
from folio.manuals.fields import (
    DESCRIPTION,
    INDICATORS,
    LEGAL,
    NAME,
    OBJECTIVE,
    POLICIES,
    TIME,
    Field,
    collect_fields,
    match_label,
    split_policies,
)
from folio.manuals.frontmatter import read_forms, read_front_matter
from folio.manuals.furniture import is_diagram_heading, remove_furniture
from folio.manuals.indicators import parse_indicators
from folio.manuals.model import EXTERNAL, Diagnostic, Manual, Procedure, SourceRef, Step
from folio.manuals.roles import split_roles
from folio.manuals.steps import build_drafts
from folio.manuals.table import Columns, TableRow, header_columns, read_row
from folio.manuals.timespec import parse_time
from folio.manuals.transitions import resolve

_UNIT_HEADING = re.compile(
    r"^(?:[ivxl]+|\d+)\s*[.-]+\s*((?:direccion|departamento|jefatura|subdireccion|coordinacion"
    r"|unidad|area|secretaria)\b.*)$"
)


def parse_rows(rows: list[Row], file: str) -> Manual:
    if not any(not r.is_blank for r in rows):
        raise ParseError(f"{file}: el archivo no contiene texto.")
    body = remove_furniture(rows)
    front = read_front_matter(rows, body, file)
    procedures: list[Procedure] = []
    diagnostics: list[Diagnostic] = []
    for index, (start, end) in enumerate(_regions(body), start=1):
        parsed = _parse_procedure(body, start, end, index, front.get("procedure_name", ""))
        if parsed is not None:
            procedures.append(parsed[0])
            diagnostics.extend(parsed[1])
    if not procedures:
        raise ParseError(
            f"{file}: no se encontró ninguna tabla de actividades de procedimiento "
            "(encabezados como «Responsable | No. | Actividad»)."
        )
    procedures = _fix_codes(procedures, front.get("code", ""))
    return Manual(
        kind="procedimientos",
        title=front.get("title", ""),
        unit=front.get("unit") or _common_unit(procedures),
        code=front.get("code", ""),
        elaborated=front.get("elaborated", ""),
        updated=front.get("updated", ""),
        revision=front.get("revision", ""),
        authorizations=front.authorizations,
        introduction=front.get("introduction", ""),
        glossary=front.glossary,
        symbols=front.symbols,
        editions=front.editions,
        distribution=front.distribution,
        procedures=tuple(_link_external(procedures)),
        forms=read_forms(rows, file),
        diagnostics=tuple(diagnostics),
        source=SourceRef(file),
    )


def _common_unit(procedures: list[Procedure]) -> str:
    units = [p.unit for p in procedures if p.unit]
    return max(set(units), key=units.count) if units else ""


def _regions(body: list[Row]) -> list[tuple[int, int]]:
    starts = [i for i, r in enumerate(body) if (m := match_label(r)) and m[0] == NAME]
    if not starts:
        return [(0, len(body))]
    bounds = starts + [len(body)]
    return list(zip(bounds, bounds[1:], strict=False))


def _parse_procedure(
    body: list[Row], start: int, end: int, index: int, fallback_name: str
) -> tuple[Procedure, list[Diagnostic]] | None:
    region = body[start:end]
    table_rows, other_rows = _split_table(region)
    if not table_rows:
        return None
    fields = {f.kind: f for f in reversed(collect_fields(other_rows))}
    name = _field(fields, NAME) or _description(fields) or fallback_name or f"Procedimiento {index}"
    code = f"P{index}"
    drafts, diagnostics = build_drafts(table_rows, code)
    flows = resolve(drafts)
    steps = tuple(
        Step(
            number=d.number,
            responsible=split_roles(d.responsible),
            activity=plain(d.text),
            documents=parse_documents(d.documents),
            copies=_copies(d.copies),
            next=nexts,
            questions=questions,
            responsible_raw=plain(d.responsible_raw),
            stage=d.stage,
            source=d.source,
        )
        for d, (nexts, questions) in zip(drafts, flows, strict=True)
    )
    policies_text = _field(fields, POLICIES)
    procedure = Procedure(
        code=code,
        name=name,
        unit=_unit_before(body, start),
        objective=_field(fields, OBJECTIVE),
        legal_basis=_field(fields, LEGAL),
        policies=split_policies(policies_text) if policies_text else (),
        time=parse_time(_field(fields, TIME)),
        forms=_forms_of(steps, policies_text),
        indicators=parse_indicators(fields.get(INDICATORS)),
        steps=steps,
        source=region[0].source,
    )
    return procedure, diagnostics


def _split_table(region: list[Row]) -> tuple[list[TableRow], list[Row]]:
    """Body rows of the region's step table(s) (repeated headers skipped) and the rest."""
    table: list[TableRow] = []
    other: list[Row] = []
    cols: Columns | None = None
    for row in region:
        header = header_columns(row)
        if header is not None:
            cols = header if cols is None or header.width != cols.width else cols
            continue
        if cols is not None and _continues_table(row):
            table.append(read_row(row, cols))
            continue
        cols = None
        other.append(row)
    return table, other


def _continues_table(row: Row) -> bool:
    """Table body rows have several cells; a paragraph, a label or a diagram heading
    ends the table."""
    return len(row.cells) > 1 and match_label(row) is None and not is_diagram_heading(row)


def _field(fields: dict[str, Field], kind: str) -> str:
    f = fields.get(kind)
    return plain(f.text) if f else ""


def _description(fields: dict[str, Field]) -> str:
    return _field(fields, DESCRIPTION)


def _copies(text: str) -> str:
    value = plain(text).strip()
    return "" if fold(value).strip(" .") in {"n/a", "na", "no aplica", "-", "—"} else value


def _forms_of(steps: tuple[Step, ...], policies: str) -> tuple[str, ...]:
    codes: list[str] = []
    for s in steps:
        codes.extend(d.form_code for d in s.documents if d.form_code)
        codes.extend(form_codes(s.activity))
    codes.extend(form_codes(policies))
    return tuple(dict.fromkeys(codes))


def _unit_before(body: list[Row], start: int) -> str:
    for row in reversed(body[:start]):
        cells = [c for c in row.cells if c.strip()]
        if len(cells) != 1:
            continue
        m = _UNIT_HEADING.match(fold(plain(cells[0])))
        if m:
            text = plain(cells[0])
            return _title_case(text[len(text) - len(m.group(1)) :].strip())
    return ""


def _title_case(text: str) -> str:
    """ "DIRECCIÓN DE GOBIERNO ELECTRÓNICO" → "Dirección de Gobierno Electrónico"."""
    small = {"de", "del", "la", "las", "los", "y", "e", "o", "en", "a", "para"}
    words = text.lower().split()
    return " ".join(w if w in small and i else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _fix_codes(procedures: list[Procedure], manual_code: str) -> list[Procedure]:
    """A one-procedure document coded like "TecNM-AC-PO-001" gives its code."""
    if len(procedures) == 1 and manual_code:
        from dataclasses import replace

        return [replace(procedures[0], code=manual_code)]
    return procedures


def _link_external(procedures: list[Procedure]) -> list[Procedure]:
    """ "Ir a procedimiento para la Carga de requisiciones…" → external:<code> when one
    procedure of the manual matches the named one."""
    from dataclasses import replace

    linked = []
    for p in procedures:
        steps = []
        for s in p.steps:
            nexts = tuple(
                replace(t, to=EXTERNAL + _match_procedure(t.to[len(EXTERNAL) :], procedures))
                if t.to and t.to.startswith(EXTERNAL)
                else t
                for t in s.next
            )
            steps.append(replace(s, next=nexts))
        linked.append(replace(p, steps=tuple(steps)))
    return linked


def _match_procedure(name: str, procedures: list[Procedure]) -> str:
    words = set(re.findall(r"[a-z]{4,}", fold(name)))
    best, best_score = name, 0.0
    for p in procedures:
        pw = set(re.findall(r"[a-z]{4,}", fold(p.name))) - {"procedimiento", "para"}
        if not pw:
            continue
        score = len(words & pw) / len(pw)
        if score > best_score:
            best, best_score = p.code, score
    return best if best_score >= 0.6 else name
