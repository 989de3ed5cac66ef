"""Reading the kept figures for a scope (units and procedure versions) and a period:
two sums over the figures (the months before and the days of the month of the day
judged), one over the lead times. Whole months read the month rows."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q, Sum

from folio.measures import Period, Summary
from web.indicators.rollup.tables import (
    COUNTS,
    DELTAS,
    DayFigures,
    DayLeads,
    MonthFigures,
    MonthLeads,
)


@dataclass(frozen=True)
class KeptFigures:
    #: Sums over the period of ``tables.COUNTS``.
    counts: dict[str, int]
    #: The interval figures on the day judged, by delta column.
    standing: dict[str, int]
    #: Lead times of the cases completed in the period: procedure id → lead → cases.
    leads: dict[int, Counter[int]]


def whole_months(period: Period) -> bool:
    after = period.end + timedelta(days=1)
    return period.start.day == 1 and after.day == 1


def read_kept(period: Period, as_of: date, where: Q) -> KeptFigures:
    first = as_of.replace(day=1)
    months = whole_months(period)
    in_period = Q(month__gte=period.start, month__lte=period.end)
    month_sums = {f"b_{name}": Sum(name, filter=Q(month__lt=first)) for name in DELTAS}
    day_sums = {f"d_{name}": Sum(name, filter=Q(day__gte=first, day__lte=as_of)) for name in DELTAS}
    if months:
        month_sums |= {f"c_{name}": Sum(name, filter=in_period) for name in COUNTS}
    else:
        days = Q(day__gte=period.start, day__lte=period.end)
        day_sums |= {f"c_{name}": Sum(name, filter=days) for name in COUNTS}
    sums = MonthFigures.objects.filter(where).aggregate(**month_sums)
    sums |= DayFigures.objects.filter(where).aggregate(**day_sums)
    counts = {name: sums[f"c_{name}"] or 0 for name in COUNTS}
    standing = {name: (sums[f"b_{name}"] or 0) + (sums[f"d_{name}"] or 0) for name in DELTAS}
    return KeptFigures(counts, standing, _leads(period, where, months))


def _leads(period: Period, where: Q, months: bool) -> dict[int, Counter[int]]:
    if months:
        rows = MonthLeads.objects.filter(where, month__gte=period.start, month__lte=period.end)
    else:
        rows = DayLeads.objects.filter(where, day__gte=period.start, day__lte=period.end)  # type: ignore[assignment]
    found: dict[int, Counter[int]] = {}
    grouped = rows.values_list("procedure_id", "lead").annotate(n=Sum("count")).order_by()
    for procedure, lead, n in grouped:
        if n:
            found.setdefault(procedure, Counter())[lead] += n
    return found


def summary_of(histogram: Counter[int]) -> Summary:
    """``folio.measures.summarize`` of the values a histogram stands for, exactly."""
    n = sum(histogram.values())
    if n == 0:
        return Summary(0, None, None, 0.0)
    ordered = sorted(histogram.items())

    def nth(rank: int) -> float:  # 1-based
        seen = 0
        for value, count in ordered:
            seen += count
            if seen >= rank:
                return float(value)
        raise AssertionError("rank past the histogram")

    middle = nth(n // 2 + 1) if n % 2 else (nth(n // 2) + nth(n // 2 + 1)) / 2
    p90 = nth(max(math.ceil(90 / 100 * n), 1))  # as folio.measures.percentile
    total = float(sum(value * count for value, count in ordered))
    return Summary(n, middle, p90, total)
