"""How sure the importer is of each procedure: ``ok`` or ``revisar``.

A procedure is ``revisar`` when a finding about it means a person must look before it is
trusted: an importer error or warning (a row it could not place, steps written as prose,
columns it had to guess with little evidence), or a structural finding of the linter that
a misreading would also cause (a step with no responsible, a repeated or missing number,
a jump to a step that does not exist or names none, a step nothing leads out of, no steps
at all). Notes (``info``) never change the status.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from folio.manuals.model import Diagnostic, Manual, Procedure, ReviewStatus
from folio.manuals.tablefind import StepTable

#: Lint codes that a misread table causes as often as a badly written manual.
MISREAD_CODES = frozenset(
    {"FOL101", "FOL102", "FOL103", "FOL104", "FOL201", "FOL202", "FOL206", "FOL210"}
)


def review_status(procedure: Procedure, importer: Iterable[Diagnostic]) -> ReviewStatus:
    own = [d for d in importer if d.procedure == procedure.code and d.severity != "info"]
    if own or any(d.code in MISREAD_CODES for d in structural_findings(procedure)):
        return "revisar"
    return "ok"


def structural_findings(procedure: Procedure) -> list[Diagnostic]:
    from folio.manuals.lint.flow import check_flow
    from folio.manuals.lint.structure import check_structure

    alone = Manual(kind="procedimientos", procedures=(procedure,))
    return [*check_structure(procedure), *check_flow(procedure, alone)]


def table_notes(tables: Sequence[StepTable], code: str) -> list[Diagnostic]:
    """What the importer says about how it read a procedure's tables."""
    notes = []
    for table in tables:
        if table.narrative and table.rows:
            notes.append(
                Diagnostic(
                    "FOL005",
                    "warning",
                    f"Procedimiento {code}: los pasos están escritos como texto corrido "
                    "(«Paso N: …»), sin tabla; revise el responsable de cada paso.",
                    code,
                    None,
                    table.rows[0].row.source,
                )
            )
        if table.numbered_here and table.rows:
            notes.append(
                Diagnostic(
                    "FOL006",
                    "warning",
                    f"Procedimiento {code}: la tabla de actividades no numera sus pasos; Folio "
                    "los numeró en orden (revise los saltos que el texto mencione).",
                    code,
                    None,
                    table.rows[0].row.source,
                )
            )
    return notes


def review_summary(manual: Manual) -> str:
    """One line: "33 procedimientos, 28 sin observaciones, 5 por revisar: P3, P7…"."""
    total = len(manual.procedures)
    pending = [p.code for p in manual.procedures if p.review == "revisar"]
    noun = "procedimiento" if total == 1 else "procedimientos"
    line = f"{total} {noun}, {total - len(pending)} sin observaciones"
    if not pending:
        return line + "."
    shown = ", ".join(pending[:12]) + (f" y {len(pending) - 12} más" if len(pending) > 12 else "")
    return f"{line}, {len(pending)} por revisar: {shown}."
