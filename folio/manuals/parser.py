"""The one parser: a ``Row`` stream (from any format adapter) → a ``Manual``.

A procedure starts at its "Nombre del Procedimiento" label (or, in one-procedure
documents such as the TecNM template, spans the whole document); its step table is found
by header words; repeated page furniture is removed first.
"""

from __future__ import annotations

import re
from dataclasses import replace

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
    UNIT,
    Field,
    collect_fields,
    split_policies,
)
from folio.manuals.frontmatter import read_forms, read_front_matter
from folio.manuals.furniture import remove_furniture
from folio.manuals.indicators import parse_indicators
from folio.manuals.model import EXTERNAL, Diagnostic, Manual, Procedure, SourceRef, Step
from folio.manuals.review import review_status, table_notes
from folio.manuals.roles import split_roles
from folio.manuals.segment import CODE_KEYS, NAME_KEYS, UNIT_KEYS, Region, box_value, segment
from folio.manuals.steps import build_drafts
from folio.manuals.tablefind import find_tables
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
    regions = segment(body, find_tables(body))
    for index, region in enumerate(regions, start=1):
        procedure, found = _parse_procedure(body, region, index, front.get("procedure_name", ""))
        procedures.append(procedure)
        diagnostics.extend(found)
    if not procedures:
        raise ParseError(
            f"{file}: no se encontró ninguna tabla de actividades de procedimiento "
            "(una columna de números de paso con el texto de cada actividad)."
        )
    procedures = _fix_codes(procedures, front.get("code", ""))
    procedures = [replace(p, review=review_status(p, diagnostics)) for p in procedures]
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


def _parse_procedure(
    body: list[Row], region: Region, index: int, fallback_name: str
) -> tuple[Procedure, list[Diagnostic]]:
    inside = {i for t in region.tables for i in range(t.start, t.end)}
    other_rows = [
        body[i]
        for i in range(region.start, region.end)
        if i not in inside and body[i].style != "page-header"
    ]
    table_rows = [r for t in region.tables for r in t.rows]
    fields = {f.kind: f for f in reversed(collect_fields(other_rows))}
    code = region.header_code or box_value(other_rows, CODE_KEYS) or f"P{index}"
    name, naming = _name(region, fields, fallback_name, code, body, other_rows)
    drafts, diagnostics = build_drafts(table_rows, code)
    diagnostics.extend(naming)
    diagnostics.extend(table_notes(region.tables, code))
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
        unit=_field(fields, UNIT)
        or box_value(other_rows, UNIT_KEYS)
        or _unit_before(body, region.start),
        objective=_field(fields, OBJECTIVE),
        legal_basis=_field(fields, LEGAL),
        policies=split_policies(policies_text) if policies_text else (),
        time=parse_time(_field(fields, TIME)),
        forms=_forms_of(steps, policies_text),
        indicators=parse_indicators(fields.get(INDICATORS)),
        steps=steps,
        source=body[region.start].source,
    )
    return procedure, diagnostics


def _name(
    region: Region,
    fields: dict[str, Field],
    fallback: str,
    code: str,
    body: list[Row],
    other_rows: list[Row],
) -> tuple[str, list[Diagnostic]]:
    """The procedure's name from its own field or heading; the DOCX section header's
    when the body has none, or only a shorter form of it; a disagreement is reported."""
    body_name = (
        _field(fields, NAME)
        or box_value(other_rows, NAME_KEYS)
        or (region.opener.name if region.opener else "")
    )
    header = region.header_name
    if not body_name or (header and fold(body_name) in fold(header)):
        body_name = header or body_name
    elif header and fold(header) not in fold(body_name):
        message = (
            f"El encabezado de la sección nombra el procedimiento «{header}» y el cuerpo "
            f"«{body_name}»; se usa el del cuerpo."
        )
        at = body[region.opener.index if region.opener else region.start].source
        return body_name, [Diagnostic("FOL004", "info", message, code, None, at)]
    return body_name or _description(fields) or fallback or f"Procedimiento {index_of(code)}", []


def index_of(code: str) -> str:
    return code[1:] if code.startswith("P") else code


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
    code = manual_code.split()[0] if manual_code.split() else ""
    if len(procedures) == 1 and code and procedures[0].code.startswith("P"):
        return [replace(procedures[0], code=code)]
    return procedures


def _link_external(procedures: list[Procedure]) -> list[Procedure]:
    """ "Ir a procedimiento para la Carga de requisiciones…" → external:<code> when one
    procedure of the manual matches the named one."""
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
