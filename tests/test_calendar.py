"""Due dates over real calendars: weekends, Mexico's federal holidays, días inhábiles."""

from __future__ import annotations

from datetime import date

import pytest

from folio.calendar import BusinessCalendar, add_months
from folio.manuals.timespec import parse_time

THURSDAY = date(2026, 3, 12)


def test_it_skips_the_weekend_and_the_third_monday_of_march() -> None:
    cal = BusinessCalendar()
    # Fri 13, (Sat, Sun, Mon 16 = natalicio de Benito Juárez), Tue 17 … Fri 20
    assert cal.due_date(THURSDAY, parse_time("5 días hábiles.")) == date(2026, 3, 20)
    assert cal.holiday(date(2026, 3, 16)) is not None
    assert not cal.is_business_day(date(2026, 3, 16))


def test_it_skips_an_office_dia_inhabil() -> None:
    cal = BusinessCalendar.with_closed_days([date(2026, 3, 18)])
    assert cal.due_date(THURSDAY, parse_time("5 días hábiles.")) == date(2026, 3, 23)
    assert cal.holiday(date(2026, 3, 18)) == "Día inhábil"


def test_it_counts_dias_naturales_straight() -> None:
    cal = BusinessCalendar()
    assert cal.due_date(THURSDAY, parse_time("1 a 30 días naturales.")) == date(2026, 4, 11)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("24 horas.", date(2026, 3, 13)),
        ("1 a 2 días naturales.", date(2026, 3, 14)),
        ("1 semana a 6 meses.", date(2026, 9, 12)),
        ("1 año.", date(2027, 3, 12)),
        ("Dos meses como máximo.", date(2026, 5, 12)),
        ("1 día.", date(2026, 3, 13)),
    ],
)
def test_it_uses_the_upper_bound(text: str, due: date) -> None:
    assert BusinessCalendar().due_date(THURSDAY, parse_time(text)) == due


@pytest.mark.parametrize(
    "text", ["Variable.", "Revisión y actualización mensual.", "El que se indique.", ""]
)
def test_it_gives_no_due_date_when_the_manual_states_none(text: str) -> None:
    cal = BusinessCalendar()
    assert cal.due_date(THURSDAY, parse_time(text)) is None
    assert cal.state(THURSDAY, date(2030, 1, 1), parse_time(text)) == "no_deadline"


def test_it_tells_on_time_at_risk_and_overdue() -> None:
    cal, time = BusinessCalendar(), parse_time("1 a 5 días hábiles.")
    assert cal.state(THURSDAY, date(2026, 3, 13), time) == "on_time"  # day 1 = lower bound
    assert cal.state(THURSDAY, date(2026, 3, 17), time) == "at_risk"
    assert cal.state(THURSDAY, date(2026, 3, 20), time) == "at_risk"  # due today
    assert cal.state(THURSDAY, date(2026, 3, 23), time) == "overdue"


def test_it_counts_business_days_between_dates() -> None:
    assert BusinessCalendar().business_days_between(THURSDAY, date(2026, 3, 20)) == 5


def test_it_clamps_months_to_their_end() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
