"""What the published manual contains and in which order, independent of the format.

The HTML/PDF and the DOCX builders walk the same ``outline(manual)``, so that their
sections, numbering and anchors agree. The order is the one Mexican municipal manuals
use: cover, authorizations, index, introduction, the procedures grouped by the unit
that runs them (or the organization chapters), forms with their instructivos, glossary,
simbología, registro de ediciones and distribución. A part appears only when the
manual has content for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from folio.manuals.documents import FORM_CODE, normalize_form_code
from folio.manuals.model import Manual, Position, Procedure, Step
from folio.manuals.roles import split_roles

PartKind = Literal[
    "introduction",
    "procedures",
    "structure",
    "orgchart",
    "positions",
    "forms",
    "glossary",
    "symbols",
    "editions",
    "distribution",
]

STEP_HEADERS = ("Responsable", "No.", "Actividad", "Formato o Documento", "Tantos")
EDITION_HEADERS = ("No. de edición", "Fecha", "Descripción del cambio")


@dataclass(frozen=True)
class Entry:
    """A procedure inside a part, with its anchor."""

    anchor: str
    procedure: Procedure

    @property
    def title(self) -> str:
        return procedure_title(self.procedure)


@dataclass(frozen=True)
class Part:
    kind: PartKind
    anchor: str
    title: str  # with its Roman numeral: "III. Departamento de Servicios Web"
    entries: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class StepRow:
    responsible: str  # empty when it is the same as the row above
    number: str
    activity: str
    documents: str
    copies: str


def outline(manual: Manual) -> tuple[Part, ...]:
    """The numbered parts of ``manual``'s document, in order."""
    plan: list[tuple[PartKind, str, tuple[Entry, ...]]] = []
    if manual.introduction.strip():
        plan.append(("introduction", "Introducción", ()))
    for unit, entries in _procedure_groups(manual):
        plan.append(("procedures", unit, entries))
    org = manual.organization
    if org is not None and org.units:
        plan.append(("structure", "Estructura orgánica", ()))
    if org is not None and (org.units or org.positions):
        plan.append(("orgchart", "Organigrama", ()))
    if org is not None and org.positions:
        plan.append(("positions", "Descripción de puestos", ()))
    optional: tuple[tuple[PartKind, str, object], ...] = (
        ("forms", "Formatos e instructivos de llenado", manual.forms),
        ("glossary", "Glosario de términos", manual.glossary),
        ("symbols", "Simbología", manual.symbols),
        ("editions", "Registro de ediciones", manual.editions),
        ("distribution", "Distribución", manual.distribution),
    )
    plan += [(kind, title, ()) for kind, title, content in optional if content]
    return tuple(
        Part(kind, f"part-{i}", f"{roman(i)}. {title}", entries)
        for i, (kind, title, entries) in enumerate(plan, start=1)
    )


def _procedure_groups(manual: Manual) -> list[tuple[str, tuple[Entry, ...]]]:
    """Consecutive procedures of the same unit form one part."""
    groups: list[tuple[str, list[Entry]]] = []
    used: set[str] = set()
    for proc in manual.procedures:
        unit = proc.unit.strip() or "Procedimientos"
        entry = Entry(_unique(f"proc-{slug(proc.code or proc.name)}", used), proc)
        if groups and groups[-1][0] == unit:
            groups[-1][1].append(entry)
        else:
            groups.append((unit, [entry]))
    return [(unit, tuple(entries)) for unit, entries in groups]


def _unique(anchor: str, used: set[str]) -> str:
    candidate, n = anchor, 2
    while candidate in used:
        candidate, n = f"{anchor}-{n}", n + 1
    used.add(candidate)
    return candidate


def slug(text: str) -> str:
    """An anchor-safe ASCII form of ``text``."""
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:40] or "x"


def roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out, n = out + letters, n - value
    return out


def procedure_title(proc: Procedure) -> str:
    name = proc.name.strip().rstrip(".") or "Procedimiento sin nombre"
    return f"{proc.code}. {name}" if proc.code else name


def header_rows(proc: Procedure) -> list[tuple[str, str | tuple[str, ...]]]:
    """The procedure's identification table: label and text (a tuple is a list)."""
    rows: list[tuple[str, str | tuple[str, ...]]] = [
        ("Nombre del Procedimiento", proc.name),
        ("Objetivo", proc.objective),
        ("Fundamento Legal", proc.legal_basis),
        ("Políticas de Operación", proc.policies),
        ("Tiempo Promedio de Gestión", proc.time.text),
    ]
    if proc.forms:
        rows.append(("Formatos", proc.forms))
    if proc.indicators:
        rows.append(("Indicadores", tuple(f"{i.name}: {i.text}" for i in proc.indicators)))
    return [(label, value or "—") for label, value in rows]


def step_rows(proc: Procedure) -> list[StepRow]:
    """The step table's rows. The Responsable cell shows what the manual wrote there
    while it still names the step's roles (an edit may have changed them), blank where
    the manual left it blank, so that reading the table back gives the same step;
    otherwise the roles where they change."""
    rows: list[StepRow] = []
    previous: tuple[str, ...] = ()
    for step in proc.steps:
        raw = step.responsible_raw
        if raw and split_roles(raw) == step.responsible:
            shown = raw
        else:
            shown = "" if step.responsible == previous else ", ".join(step.responsible)
        previous = step.responsible
        rows.append(StepRow(shown, step.number, step.activity, documents(step), step.copies))
    return rows


def form_codes(text: str) -> set[str]:
    """The form codes written in ``text``, normalized ("FORM.296/SECATI /012224" is
    FORM.296/SECATI/012224)."""
    return {normalize_form_code(m.group(0)) for m in FORM_CODE.finditer(text)}


def documents(step: Step) -> str:
    """The Formato o Documento cell: each document's text once (one text naming two
    forms gives two documents), its form code added when the text lacks it."""
    parts: list[str] = []
    for doc in step.documents:
        text = doc.text or doc.type
        if doc.form_code and doc.form_code not in form_codes(text):
            text = f"{text} ({doc.form_code})"
        if text not in parts:
            parts.append(text)
    return ", ".join(parts)


def edition_table(manual: Manual) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Registro de ediciones: headers and rows, three columns when every line reads
    "01 | fecha | cambio", else one."""
    rows = [tuple(cell.strip() for cell in line.split("|")) for line in manual.editions]
    if all(len(r) == len(EDITION_HEADERS) for r in rows):
        return EDITION_HEADERS, rows
    return ("Edición",), [(line,) for line in manual.editions]


def form_users(manual: Manual, code: str) -> list[Procedure]:
    """Procedures that use the form ``code``."""
    return [p for p in manual.procedures if code in p.forms]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def cover_facts(manual: Manual) -> list[tuple[str, str]]:
    facts = [
        ("Registro", manual.code),
        ("Fecha de elaboración", manual.elaborated),
        ("Fecha de actualización", manual.updated),
        ("No. de revisión", manual.revision),
    ]
    return [(label, value) for label, value in facts if value.strip()]


def running_header(manual: Manual) -> tuple[str, str]:
    """Left and right texts of every page header: title; registro and revision (one line
    each)."""
    right = [f"Registro: {manual.code}"] if manual.code else []
    if manual.revision:
        right.append(f"No. de revisión: {manual.revision}")
    return manual.title or "Manual", "\n".join(right)


def position_fields(p: Position) -> list[tuple[str, str | tuple[str, ...]]]:
    """The labelled fields of a position record that have a value, in the order the
    Manuales de Organización print them (shared by the HTML and DOCX renderers)."""
    rows: list[tuple[str, str | tuple[str, ...]]] = [
        ("Puesto nominal", p.nominal),
        ("Puesto al que le reporta", p.reports_to),
        ("Puestos que le reportan", p.subordinates),
        ("Tipo de puesto", p.kind),
        ("Objetivo", p.objective),
        ("Funciones", p.functions),
        ("Valor que aporta", p.value),
    ]
    return [(label, value) for label, value in rows if value]
