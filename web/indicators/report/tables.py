"""The monthly report as titled tables of text, printed alike by the PDF, the XLSX (one
sheet per table) and the CSV (the tables one after another). Numbers are written as
the page shows them: whole numbers bare, rates and días hábiles with one decimal."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from folio.measures import Summary
from web.charts import format_number
from web.indicators.manual import IndicatorValue
from web.indicators.report.content import MonthlyReport, shorten
from web.indicators.tasks import Wait


@dataclass(frozen=True)
class Table:
    #: A short name (an XLSX sheet's: at most 31 characters).
    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    empty: str = ""


def rate(value: float | None) -> str:
    return _("no data") if value is None else format_number(round(value, 1), " %")


def days(value: float | None) -> str:
    return "—" if value is None else format_number(round(value, 1))


def report_tables(report: MonthlyReport) -> tuple[Table, ...]:
    return (
        _cases(report),
        _lead_times(report),
        _indicators(report),
        _waits(report),
        _loop_backs(report),
        _workload(report),
        _backlog(report),
        _trend(report),
        _overdue(report),
    )


def _cases(report: MonthlyReport) -> Table:
    m = report.measures
    rows = (
        (_("Received"), str(m.received)),
        (_("Completed"), str(m.completed)),
        (_("Cancelled"), str(m.cancelled)),
        (_("In process"), str(m.in_process)),
        (_("Overdue cases"), str(m.overdue)),
        (_("Cases at risk"), str(m.at_risk)),
        (_("Capacidad de respuesta (completed ÷ received × 100)"), rate(m.response_capacity)),
        (_("Completed on time"), rate(m.on_time_rate)),
        (_("Lead time, median (días hábiles)"), days(m.lead_time.median)),
        (_("Lead time, 90th percentile (días hábiles)"), days(m.lead_time.p90)),
    )
    return Table("casos", _("Cases of the month"), (_("Measure"), _("Value")), rows)


def _lead_times(report: MonthlyReport) -> Table:
    rows = tuple(
        (
            f"{p.code} {p.name}",
            str(p.lead.count),
            days(p.lead.median),
            days(p.lead.p90),
            p.target_text or "—",
            _yes_no(p.within_target),
        )
        for p in report.measures.lead_by_procedure
    )
    headers = (
        _("Procedure"),
        _("Completed"),
        _("Median"),
        _("90th percentile"),
        _("Tiempo Promedio de Gestión"),
        _("Median within it"),
    )
    empty = _("No case was completed this month.")
    return Table("tiempos", _("Lead time by procedure"), headers, rows, empty)


def _yes_no(value: bool | None) -> str:
    if value is None:
        return "—"
    return _("yes") if value else _("no")


def indicator_text(value: IndicatorValue) -> tuple[str, str]:
    """(value, where it comes from) of one indicator for the report."""
    capture = value.capture
    if capture is not None:
        who = capture.captured_by.get_full_name() or capture.captured_by.username
        source = _("captured by %(who)s on %(day)s") % {
            "who": who,
            "day": f"{capture.captured_at:%d/%m/%Y}",
        }
        number = float(capture.value)
        shown = rate(number) if value.mapping.factor == 100 else format_number(round(number, 2))
        return shown, source
    if value.mapping.manual_entry:
        return "—", _("manual entry: not captured for this month")
    if value.value is None:
        return _("no data"), _("computed from the cases")
    shown = days(value.value) if value.mapping.measure == "lead_time" else rate(value.value)
    return shown, _("computed from the cases")


def manual_formula(value: IndicatorValue) -> str:
    """The manual's fraction, or its words when it states none (a value given directly)."""
    ind = value.indicator
    if ind.numerator and ind.denominator:
        return f"{ind.numerator} ÷ {ind.denominator} × {value.mapping.factor:g}"
    words = ind.text or ind.name
    return words if len(words) <= 160 else words[:159].rstrip() + "…"


def _indicators(report: MonthlyReport) -> Table:
    rows = []
    for p in report.indicators:
        for v in p.values:
            shown, source = indicator_text(v)
            formula = v.mapping.formula
            if v.mapping.manual_entry:
                formula = manual_formula(v)
            rows.append((f"{p.procedure.code} {p.name}", v.indicator.name, formula, shown, source))
    headers = (_("Procedure"), _("Indicator"), _("Formula"), _("Value"), _("Source"))
    empty = _("The manuals of this unit state no indicators.")
    return Table("indicadores", _("Indicators of the manuals"), headers, tuple(rows), empty)


def _summary_cells(s: Summary) -> tuple[str, str, str]:
    return str(s.count), days(s.median), days(s.p90)


def _waits(report: MonthlyReport) -> Table:
    rows = tuple(
        (w.key[0], _activity(w), *_summary_cells(w.wait)) for w in report.waits.by_activity
    ) + tuple((_("role"), w.key[0] or "—", *_summary_cells(w.wait)) for w in report.waits.by_role)
    headers = (_("Procedure"), _("Activity or role"), _("Tasks"), _("Median"), _("90th percentile"))
    empty = _("No task was completed this month.")
    return Table("esperas", _("Wait per activity and role (días hábiles)"), headers, rows, empty)


def _activity(wait: Wait) -> str:
    """«3 · Revisa la solicitud…»: the step number and the start of its words."""
    return f"{wait.key[1]} · {shorten(wait.activity, 60)}" if wait.activity else wait.key[1]


def _loop_backs(report: MonthlyReport) -> Table:
    rows = tuple(
        (b.code, b.step_number, str(b.decisions), str(b.loop_backs), rate(b.rate))
        for b in report.loop_backs
    )
    headers = (_("Procedure"), _("Decision"), _("Taken"), _("Sent back"), _("Rate"))
    empty = _("No decision sent a case back this month.")
    return Table("regresos", _("Loop-backs per decision"), headers, rows, empty)


def _workload(report: MonthlyReport) -> Table:
    rows = tuple((w.name, str(w.completed), str(w.held)) for w in report.workload)
    headers = (_("Person"), _("Tasks completed"), _("Tasks held"))
    empty = _("No tasks completed or held.")
    return Table("carga", _("Workload"), headers, rows, empty)


def _backlog(report: MonthlyReport) -> Table:
    rows = tuple((label, str(n)) for label, n in report.measures.backlog.items())
    headers = (_("Días hábiles open"), _("Cases"))
    return Table("antiguedad", _("Open cases by age"), headers, rows)


def _trend(report: MonthlyReport) -> Table:
    rows = tuple((t.label, str(t.received), str(t.completed), str(t.overdue)) for t in report.trend)
    headers = (_("Month"), _("Received"), _("Completed"), _("Overdue at the month's end"))
    return Table("tendencia", _("The last six months"), headers, rows)


def _overdue(report: MonthlyReport) -> Table:
    rows = tuple(
        (
            c.folio,
            c.subject,
            c.procedure,
            f"{c.opened:%d/%m/%Y}",
            f"{c.due:%d/%m/%Y}",
            str(c.days_late),
            c.waiting_at,
            c.holder,
        )
        for c in report.overdue
    )
    headers = (
        _("Folio"),
        _("Subject"),
        _("Procedure"),
        _("Opened"),
        _("Due"),
        _("Días hábiles late"),
        _("Waiting at"),
        _("Held by"),
    )
    empty = _("No case was overdue at the month's end.")
    title = _("Overdue cases on %(day)s") % {"day": f"{report.measures.as_of:%d/%m/%Y}"}
    return Table("vencidos", title, headers, rows, empty)
