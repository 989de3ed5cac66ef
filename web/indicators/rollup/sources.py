"""Where case facts come from: the case rows (to build the figures, and when a case
changes) or the log alone (to verify them)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from django.utils import timezone
from django.utils.dateparse import parse_date

from folio.calendar import BusinessCalendar
from folio.manuals.model import TimeSpec
from web.cases.deadlines import office_calendar
from web.cases.flow import procedure_model_by_key
from web.cases.models import Case, CaseState, Event, EventKind
from web.catalog.models import Procedure
from web.indicators.rollup.facts import CaseFacts, Reckoner


def time_of(procedure_id: int) -> TimeSpec:
    """A procedure version's Tiempo Promedio de Gestión, parsed once per process."""
    key = Procedure.objects.filter(pk=procedure_id).values_list(
        "version_id", "version__sha256", "code"
    )
    return procedure_model_by_key(procedure_id, key.get()).time


def reckoner(calendar: BusinessCalendar | None = None) -> Reckoner:
    return Reckoner(calendar or office_calendar(), time_of)


def local_day(moment: datetime) -> date:
    return timezone.localdate(moment)


_ENDS = {CaseState.ENDED.value: "ended", CaseState.CANCELLED.value: "cancelled"}
_COLUMNS = ("unit_id", "procedure_id", "started_at", "due_date", "state", "ended_at")


def facts_of_row(row: tuple[object, ...]) -> CaseFacts:
    unit, procedure, started, due, state, ended = row
    assert isinstance(started, datetime)
    kind = _ENDS.get(str(state), "open")
    end = local_day(ended) if kind != "open" and isinstance(ended, datetime) else None
    return CaseFacts(
        int(str(unit)),
        int(str(procedure)),
        local_day(started),
        due if isinstance(due, date) else None,
        kind,
        end,
    )


def facts_of_cases(ids: list[int] | None = None) -> Iterator[CaseFacts]:
    """Every case's facts (or those of ``ids``), read in chunks."""
    rows = Case.objects.order_by().values_list(*_COLUMNS)
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    for row in rows.iterator(chunk_size=5000):
        yield facts_of_row(row)


def case_facts(case_id: int) -> CaseFacts:
    return facts_of_row(Case.objects.order_by().values_list(*_COLUMNS).get(pk=case_id))


_CASE_KINDS = (
    EventKind.CASE_OPENED.value,
    EventKind.CASE_ENDED.value,
    EventKind.CASE_CANCELLED.value,
    EventKind.CLOSED_DAY_ADDED.value,
    EventKind.CLOSED_DAY_REMOVED.value,
)


def facts_of_log() -> Iterator[CaseFacts]:
    """Every case's facts as the log alone tells them: the opening entry's unit,
    procedure and due date, the day of the entry that ended it, and every due date a
    calendar change moved since."""
    opened: dict[int, CaseFacts] = {}
    folios: dict[str, int] = {}
    events = Event.objects.filter(kind__in=_CASE_KINDS).order_by("seq")
    fields = ("kind", "case_id", "payload", "created_at")
    for kind, case_id, payload, created in events.values_list(*fields).iterator(5000):
        if kind == EventKind.CASE_OPENED:
            due = parse_date(payload["due_date"]) if payload.get("due_date") else None
            opened[case_id] = CaseFacts(
                int(payload["unit"]), int(payload["procedure"]), local_day(created), due
            )
            folios[payload["folio"]] = case_id
        elif kind in (EventKind.CASE_ENDED, EventKind.CASE_CANCELLED):
            was = opened[case_id]
            state = "ended" if kind == EventKind.CASE_ENDED else "cancelled"
            end = local_day(created)
            opened[case_id] = CaseFacts(
                was.unit_id, was.procedure_id, was.start, was.due, state, end
            )
        else:
            for moved in payload.get("cases", []):
                pk = folios[moved["folio"]]
                was = opened[pk]
                due = parse_date(moved["to"]) if moved.get("to") else None
                opened[pk] = CaseFacts(was.unit_id, was.procedure_id, was.start, due)
    yield from opened.values()
