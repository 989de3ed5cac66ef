"""Keeping the figures as cases change: ``on_entries`` runs inside the transaction of
every log append (``web/cases/log.py`` calls it; ``IndicatorsConfig.ready`` registers
it), so a case's figures commit or roll back with the change that moved them."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, time

from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date

from folio.calendar import BusinessCalendar
from web.cases.log import Entry
from web.cases.models import Case, EventKind
from web.indicators.rollup.facts import CaseFacts, FigureKey, LeadKey, Reckoner, contribute
from web.indicators.rollup.sources import _COLUMNS, case_facts, facts_of_row, reckoner
from web.indicators.rollup.write import apply

_ENDINGS = (EventKind.CASE_ENDED, EventKind.CASE_CANCELLED)
_CALENDAR = (EventKind.CLOSED_DAY_ADDED, EventKind.CLOSED_DAY_REMOVED)


def on_entries(entries: list[Entry]) -> None:
    figures: Counter[FigureKey] = Counter()
    leads: Counter[LeadKey] = Counter()
    now: Reckoner | None = None
    for entry in entries:
        if entry.kind == EventKind.CASE_OPENED and entry.case_id is not None:
            now = now or reckoner()
            contribute(case_facts(entry.case_id), now, figures, leads)
        elif entry.kind in _ENDINGS and entry.case_id is not None:
            now = now or reckoner()
            facts = case_facts(entry.case_id)
            contribute(facts.still_open(), now, figures, leads, -1)
            contribute(facts, now, figures, leads)
        elif entry.kind in _CALENDAR:
            _recount(entry, figures, leads)
    if figures or leads:
        apply(figures, leads)


def _recount(entry: Entry, figures: Counter[FigureKey], leads: Counter[LeadKey]) -> None:
    """A día inhábil declared or deleted: take away what the cases running across it
    contributed with the calendar before (and their due dates before, which the entry
    lists), and add what they contribute now."""
    day = parse_date(str(entry.payload["date"]))
    assert day is not None  # the calendar actions write an ISO date
    after = reckoner()
    closed = after.calendar.closed
    before_closed = closed - {day} if entry.kind == EventKind.CLOSED_DAY_ADDED else closed | {day}
    before = Reckoner(BusinessCalendar(before_closed), after.time_of)
    was_due = {m["folio"]: parse_date(m["from"] or "") for m in entry.payload.get("cases", [])}
    midnight = timezone.make_aware(datetime.combine(day, time.min))
    across = Case.objects.order_by().filter(started_at__lt=midnight)
    across = across.filter(Q(ended_at__isnull=True) | Q(ended_at__gte=midnight))
    for *row, folio in across.values_list(*_COLUMNS, "folio").iterator(2000):
        facts = facts_of_row(tuple(row))
        due = was_due.get(folio, facts.due)
        old = CaseFacts(facts.unit_id, facts.procedure_id, facts.start, due, facts.state, facts.end)
        contribute(old, before, figures, leads, -1)
        contribute(facts, after, figures, leads)
