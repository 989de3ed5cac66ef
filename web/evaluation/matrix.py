"""A program's MIR in matrix order (Fin, Propósito, each Componente followed by its
Actividades), each row with the reference findings use ("Componente 2", "Actividad
2.1"), and the checks of ``folio/planning/mir.py`` over it."""

from __future__ import annotations

from dataclasses import dataclass

from folio.planning.mir import Finding, Row, Sheet, check_matrix
from web.evaluation.models import Indicator, MirRow, Program


@dataclass(frozen=True)
class Placed:
    ref: str
    row: MirRow
    indicators: list[Indicator]


def placed_rows(program: Program) -> list[Placed]:
    rows = list(
        program.rows.prefetch_related("indicators__variables", "indicators__targets").order_by(
            "position", "pk"
        )
    )
    ordered: list[Placed] = []

    def add(ref: str, row: MirRow) -> None:
        ordered.append(Placed(ref, row, list(row.indicators.all())))

    for level, label in (("fin", "Fin"), ("proposito", "Propósito")):
        mine = [r for r in rows if r.level == level]
        for n, row in enumerate(mine, 1):
            add(label if len(mine) == 1 else f"{label} {n}", row)
    components = [r for r in rows if r.level == "componente"]
    for n, component in enumerate(components, 1):
        add(f"Componente {n}", component)
        children = [r for r in rows if r.level == "actividad" and r.parent_id == component.pk]
        for m, activity in enumerate(children, 1):
            add(f"Actividad {n}.{m}", activity)
    seen = {p.row.pk for p in ordered}
    for row in rows:
        if row.pk not in seen:
            add(f"{row.get_level_display()} {row.pk}", row)
    return ordered


def sheet_of(indicator: Indicator) -> Sheet:
    return Sheet(
        name=indicator.name,
        definition=indicator.definition,
        formula=indicator.formula,
        unit=indicator.measure_unit,
        frequency=indicator.frequency,
        baseline_value=indicator.baseline_value,
        baseline_year=indicator.baseline_year,
        targets={t.period: t.value for t in indicator.targets.all()},
        sentido=indicator.sentido,
        green=indicator.green,
        yellow=indicator.yellow,
        dimension=indicator.dimension,
        type=indicator.type,
        variables=tuple(v.name for v in indicator.variables.all()),
    )


def check_program(program: Program, placed: list[Placed] | None = None) -> list[Finding]:
    placed = placed if placed is not None else placed_rows(program)
    refs = {p.row.pk: p.ref for p in placed}
    rows = [
        Row(
            ref=p.ref,
            level=p.row.level,  # type: ignore[arg-type]
            summary=p.row.summary,
            indicators=[sheet_of(i) for i in p.indicators],
            verification=p.row.verification,
            assumptions=p.row.assumptions,
            parent=refs.get(p.row.parent_id) if p.row.parent_id else None,
        )
        for p in placed
    ]
    return check_matrix(rows, program.year)
