"""The at-risk day counts the office's días inhábiles, and the case list, its filter and
the dashboard's open work agree on it (they all read the office calendar)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.contrib.auth.models import User

from folio.demo import DEMO_TEXT
from web.accounts.models import Unit
from web.cases.actions import add_closed_day, open_case
from web.cases.case_search import CaseFilters, search_cases
from web.cases.models import Case
from web.cases.queries import case_deadlines
from web.cases.tests.conftest import SetClock, clock
from web.catalog.actions import import_manual_file
from web.indicators.dashboard_work import open_work

__all__ = ["clock"]

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("closed", [False, True])
def test_the_at_risk_day_counts_the_offices_dias_inhabiles(
    closed: bool, gabriela: User, alicia: User, atencion: Unit, clock: SetClock
) -> None:
    # given: a "1 a 5 días hábiles" case opened on Monday 2 March 2026: at risk once
    # its one día hábil has passed, on Wednesday 4; or on Thursday 5 when Tuesday 3 is
    # declared inhábil
    demo, _ = import_manual_file(DEMO_TEXT, unit=atencion)
    if closed:
        add_closed_day(alicia, date(2026, 3, 3), "Inventario")
    clock(datetime(2026, 3, 2, 9))
    case = open_case(demo.procedures.get(code="P1"), gabriela, "Luminaria apagada")
    first_at_risk = date(2026, 3, 5) if closed else date(2026, 3, 4)
    for today in (date(2026, 3, 4), date(2026, 3, 5)):
        state = "at_risk" if today >= first_at_risk else "on_time"
        # when
        [row] = case_deadlines([Case.objects.get(pk=case.pk)], today)
        listed = search_cases(gabriela, CaseFilters(deadline=state), today)
        work = open_work(None, today)
        # then
        assert row.deadline is not None and row.deadline.state == state, today
        assert [c.folio for c in listed] == [case.folio], today
        assert sum(w.at_risk for w in work) == (state == "at_risk"), today
