"""folio.measures: periods, median and nearest-rank percentile, business-day spans and
waits across a weekend, a federal holiday (Mon 16 March 2026) and an office closing."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from folio.calendar import BusinessCalendar
from folio.measures import (
    Period,
    age_bucket,
    business_wait,
    lead_days,
    median,
    percentile,
    ratio,
    summarize,
)

CLOSED_20 = BusinessCalendar.with_closed_days([date(2026, 3, 20)])


@pytest.mark.parametrize(
    ("kind", "day", "start", "end"),
    [
        ("day", date(2026, 3, 18), date(2026, 3, 18), date(2026, 3, 18)),
        ("week", date(2026, 3, 18), date(2026, 3, 16), date(2026, 3, 22)),
        ("month", date(2026, 2, 10), date(2026, 2, 1), date(2026, 2, 28)),
        ("month", date(2026, 12, 31), date(2026, 12, 1), date(2026, 12, 31)),
        ("year", date(2026, 7, 1), date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_it_finds_the_period_holding_a_day(kind: str, day: date, start: date, end: date) -> None:
    assert Period.of(kind, day) == Period(start, end)  # type: ignore[arg-type]


def test_it_refuses_a_period_ending_before_it_starts() -> None:
    with pytest.raises(ValueError, match="antes de empezar"):
        Period(date(2026, 3, 2), date(2026, 3, 1))


@pytest.mark.parametrize(
    ("values", "mid", "p90"),
    [
        ([], None, None),
        ([4], 4.0, 4.0),
        ([6, 0, 2, 1], 1.5, 6.0),  # p90: ⌈3.6⌉ = 4th of 0 1 2 6
        (list(range(1, 11)), 5.5, 9.0),  # p90: ⌈9⌉ = 9th
        (list(range(1, 12)), 6.0, 10.0),  # p90: ⌈9.9⌉ = 10th
    ],
)
def test_it_takes_median_and_p90(values: list[int], mid: float | None, p90: float | None) -> None:
    assert (median(values), percentile(values, 90)) == (mid, p90)


def test_it_refuses_a_percentile_out_of_range() -> None:
    with pytest.raises(ValueError, match="Percentil"):
        percentile([1.0], 0)


def test_it_summarizes() -> None:
    s = summarize([3.0, 1.0, 2.0])
    assert (s.count, s.median, s.p90, s.total) == (3, 2.0, 3.0, 6.0)


def test_it_gives_no_ratio_over_nothing() -> None:
    assert (ratio(4, 7), ratio(0, 0)) == (pytest.approx(57.142857), None)


def test_it_counts_lead_days_as_due_dates_do() -> None:
    # Thu 12 → Tue 24 March: 13, 17, 18, 19, 23, 24 (weekends, 16 and 20 skipped)
    assert lead_days(date(2026, 3, 12), date(2026, 3, 24), CLOSED_20) == 6
    assert lead_days(date(2026, 3, 12), date(2026, 3, 24), BusinessCalendar()) == 7
    assert lead_days(date(2026, 3, 6), date(2026, 3, 9), CLOSED_20) == 1  # over a weekend
    assert lead_days(date(2026, 3, 10), date(2026, 3, 10), CLOSED_20) == 0


def test_it_counts_only_business_time_as_waiting() -> None:
    # Fri 6 March 16:00 → Mon 9 March 09:00: 8 h + 9 h
    assert business_wait(
        datetime(2026, 3, 6, 16), datetime(2026, 3, 9, 9), CLOSED_20
    ) == pytest.approx(17 / 24)
    # Thu 12 09:00 → Tue 24 10:00: 15 + 24 (13) + 72 (17–19) + 24 (23) + 10 hours
    assert business_wait(
        datetime(2026, 3, 12, 9), datetime(2026, 3, 24, 10), CLOSED_20
    ) == pytest.approx(145 / 24)
    assert business_wait(datetime(2026, 3, 14, 9), datetime(2026, 3, 16, 20), CLOSED_20) == 0.0
    assert business_wait(datetime(2026, 3, 9, 9), datetime(2026, 3, 9, 8), CLOSED_20) == 0.0


@pytest.mark.parametrize(
    ("days", "bucket"),
    [(0, "0–5"), (5, "0–5"), (6, "6–10"), (10, "6–10"), (11, "11–20"), (20, "11–20"), (21, "> 20")],
)
def test_it_buckets_backlog_age(days: int, bucket: str) -> None:
    assert age_bucket(days) == bucket


def test_it_refuses_a_negative_age() -> None:
    with pytest.raises(ValueError, match="negativa"):
        age_bucket(-1)
