"""``measure_cases`` from the kept figures (``web/indicators/rollup``): the same
``CaseMeasures`` as computed from the cases, in a few queries over a few hundred rows
whatever the number of cases."""

from __future__ import annotations

from collections import Counter
from datetime import date

from folio.measures import AGE_BUCKETS, Period, ratio
from web.cases.flow import procedure_model_by_key
from web.catalog.models import Procedure
from web.indicators.measures import CaseMeasures, ProcedureLeadTime
from web.indicators.rollup.read import Where, read_kept, summary_of
from web.indicators.scope import Scope


def kept_filter(scope: Scope) -> Where:
    """The units and procedure versions of ``scope`` (one query for a procedure)."""
    units = scope.unit.subtree_ids() if scope.unit is not None else None
    return Where(units, scope.procedure_ids())


def measure_kept(scope: Scope, period: Period, today: date) -> CaseMeasures:
    as_of = min(period.end, today)
    kept = read_kept(period, as_of, kept_filter(scope))
    counts, standing = kept.counts, kept.standing
    everything: Counter[int] = Counter()
    for histogram in kept.leads.values():
        everything.update(histogram)
    return CaseMeasures(
        period=period,
        as_of=as_of,
        received=counts["received"],
        completed=counts["completed"],
        cancelled=counts["cancelled"],
        in_process=standing["open_delta"],
        overdue=standing["overdue_delta"],
        at_risk=standing["at_risk_delta"],
        response_capacity=ratio(counts["completed"], counts["received"]),
        on_time_rate=ratio(counts["completed_on_time"], counts["completed_with_due"]),
        lead_time=summary_of(everything),
        lead_by_procedure=_by_procedure(kept.leads),
        backlog=backlog_of(standing),
    )


def backlog_of(standing: dict[str, int]) -> dict[str, int]:
    """Open cases by age bucket: those aged past each bucket's lowest age, less those
    past the next one."""
    reached = [standing["open_delta"]]
    reached += [standing[f"aged_{low}_delta"] for _label, low, _high in AGE_BUCKETS[1:]]
    reached.append(0)
    return {
        label: reached[at] - reached[at + 1] for at, (label, _lo, _hi) in enumerate(AGE_BUCKETS)
    }


def _by_procedure(leads: dict[int, Counter[int]]) -> tuple[ProcedureLeadTime, ...]:
    """Per procedure code (its versions together), read with its lowest version's time."""
    if not leads:
        return ()
    rows = Procedure.objects.filter(pk__in=leads).order_by("code", "pk")
    first: dict[str, tuple[int, tuple[int, str, str]]] = {}
    merged: dict[str, Counter[int]] = {}
    for pk, code, version, sha in rows.values_list("pk", "code", "version_id", "version__sha256"):
        first.setdefault(code, (pk, (version, sha, code)))
        merged.setdefault(code, Counter()).update(leads[pk])
    found = []
    for code, (pk, key) in first.items():
        model = procedure_model_by_key(pk, key)
        time = model.time
        in_business_days = time.status == "stated" and time.unit in ("días hábiles", "días")
        target = time.max if in_business_days else None
        lead = summary_of(merged[code])
        found.append(ProcedureLeadTime(code, model.name, time.text, target, lead))
    return tuple(found)
