"""The Informe del Nivel de Avance Mensual and the annual PMD progress report: the numbers.

A meta's value in a month is its validated capture, or — for a meta linked to a Folio
procedure measure — the measure over the cases of that month. A capture not yet
validated does not count: the report shows it as pending with its case's folio. The
semáforo compares the value reached with the value programmed for the month
(``folio.planning.semaphore``) and also the accumulated values up to the month.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from folio.measures import Period
from folio.planning.semaphore import Light, semaphore
from web.accounts.models import Unit
from web.indicators.live import measure_value
from web.planning.actions.progress import MONTHS
from web.planning.models import Goal, Pat, PlanElement, Pmd, Progress
from web.planning.status import is_validated, status_of


@dataclass(frozen=True)
class GoalRow:
    goal: Goal
    programmed: Decimal | None
    reached: Decimal | None
    source: str
    folio: str
    light: Light
    programmed_to_date: Decimal | None
    reached_to_date: Decimal | None
    light_to_date: Light
    narrative: str = ""


@dataclass
class UnitReport:
    pat: Pat
    month: int
    rows: list[GoalRow] = field(default_factory=list)

    @property
    def unit(self) -> Unit:
        return self.pat.unit

    def count(self, color: str) -> int:
        return sum(1 for r in self.rows if r.light.color == color)

    @property
    def counts(self) -> dict[str, int]:
        return {c: self.count(c) for c in ("verde", "amarillo", "rojo", "sin dato")}


def month_name(month: int) -> str:
    return MONTHS[month - 1]


def monthly_report(year: int, month: int, unit: Unit | None = None) -> list[UnitReport]:
    """One report per dependencia with a PAT of ``year`` (only ``unit``'s when given)."""
    pats = Pat.objects.filter(year=year).select_related("unit")
    if unit is not None:
        pats = pats.filter(unit=unit)
    return [unit_report(pat, month) for pat in pats]


def unit_report(pat: Pat, month: int) -> UnitReport:
    goals = (
        Goal.objects.filter(project__program__pat=pat)
        .select_related("project__program", "live_unit")
        .order_by("project__program__code", "project__pk", "pk")
    )
    captured = Progress.objects.filter(goal__project__program__pat=pat, month__lte=month)
    by_goal: dict[int, dict[int, Progress]] = {}
    for p in captured.select_related("case"):
        by_goal.setdefault(p.goal_id, {})[p.month] = p
    report = UnitReport(pat, month)
    for goal in goals:
        report.rows.append(_row(goal, pat.year, month, by_goal.get(goal.pk, {})))
    return report


def _row(goal: Goal, year: int, month: int, captures: dict[int, Progress]) -> GoalRow:
    values = [_value(goal, year, m, captures.get(m)) for m in range(1, month + 1)]
    reached = values[-1]
    programmed = goal.programmed_for(month)
    planned = [goal.programmed_for(m) for m in range(1, month + 1)]
    planned_sum = _sum(planned)
    reached_sum = _sum([v for v, p in zip(values, planned, strict=True) if p is not None])
    here = captures.get(month)
    if goal.is_live:
        source = _("Folio measure")
    elif here is None and programmed is None:
        source = _("Nothing programmed this month")
    elif here is None:
        source = _("Not captured")
    else:
        source = status_of(here).label
    return GoalRow(
        goal=goal,
        programmed=programmed,
        reached=reached,
        source=source,
        folio=here.case.folio if here is not None else "",
        light=_light(reached, programmed, goal.sentido),
        programmed_to_date=planned_sum,
        reached_to_date=reached_sum if planned_sum is not None else None,
        light_to_date=_light(reached_sum, planned_sum, goal.sentido),
        narrative=here.narrative if here is not None and not goal.is_live else "",
    )


def _value(goal: Goal, year: int, month: int, capture: Progress | None) -> Decimal | None:
    if goal.is_live:
        period = Period.of("month", date(year, month, 1))
        found = measure_value(
            goal.live_measure,
            period=period,
            procedure_code=goal.live_procedure_code or None,
            unit=goal.live_unit,
        )
        return None if found is None else Decimal(str(round(found, 2)))
    if capture is None or not is_validated(capture):
        return None
    return capture.value


def _sum(values: list[Decimal | None]) -> Decimal | None:
    known = [v for v in values if v is not None]
    return sum(known, Decimal(0)) if known else None


def _light(value: Decimal | None, target: Decimal | None, sentido: str) -> Light:
    reached = None if value is None else float(value)
    planned = None if target is None else float(target)
    if sentido == "descendente":
        return semaphore(reached, planned, "descendente")
    return semaphore(reached, planned, "ascendente")


@dataclass(frozen=True)
class AxisProgress:
    eje: PlanElement
    implementation: Decimal | None
    lines: int
    lines_measured: int
    projects: int
    objectives: list[tuple[PlanElement, Decimal | None]]


def pmd_progress(pmd: Pmd) -> list[AxisProgress]:
    """The nivel de implementación of each eje (and its objetivos): the mean of its
    líneas de acción's levels, over those with a level."""
    elements = list(pmd.elements.all())
    children: dict[int | None, list[PlanElement]] = {}
    for e in elements:
        children.setdefault(e.parent_id, []).append(e)
    axes = []
    for eje in children.get(None, []):
        lines = _lines(eje, children)
        objectives = [(o, _mean(_lines(o, children))) for o in children.get(eje.pk, [])]
        projects = sum(line.projects.count() for line in lines)
        measured = [line for line in lines if line.implementation is not None]
        axes.append(
            AxisProgress(eje, _mean(lines), len(lines), len(measured), projects, objectives)
        )
    return axes


def _lines(
    element: PlanElement, children: dict[int | None, list[PlanElement]]
) -> list[PlanElement]:
    if element.level == "linea":
        return [element]
    found: list[PlanElement] = []
    for child in children.get(element.pk, []):
        found.extend(_lines(child, children))
    return found


def _mean(lines: list[PlanElement]) -> Decimal | None:
    levels = [line.implementation for line in lines if line.implementation is not None]
    if not levels:
        return None
    return (sum(levels, Decimal(0)) / len(levels)).quantize(Decimal("0.1"))
