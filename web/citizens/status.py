"""What the public sees of a report's case: open or closed (Open311 ``status``), the
fine-grained state (recibida, asignada, en proceso, verificada, cerrada) and its history,
from the activities the case reached and the public notes. Never a task's notes, never
a name of staff."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from web.cases.models import Case, CaseState, Task
from web.citizens.models import Report

RECEIVED = "recibida"
CLOSED = "cerrada"
CANCELLED = "cancelada"


@dataclass(frozen=True)
class Change:
    at: datetime
    state: str
    note: str = ""


@dataclass(frozen=True)
class PublicStatus:
    status: str  # "open" or "closed"
    state: str
    history: tuple[Change, ...]

    @property
    def updated_at(self) -> datetime:
        return max(change.at for change in self.history)

    @property
    def notes(self) -> str:
        """Open311 ``status_notes``: the state, and the latest public note."""
        latest = next((c.note for c in reversed(self.history) if c.note), "")
        text = _("State: %(state)s.") % {"state": self.state}
        return f"{text} {latest}".strip()


def public_status(report: Report, tasks: Iterable[Task] | None = None) -> PublicStatus:
    case = report.case
    stages = {str(k): str(v) for k, v in (report.service.stages or {}).items()}
    rows = sorted(tasks if tasks is not None else case.tasks.all(), key=_task_order)
    changes = [Change(report.requested_at, RECEIVED)]
    for task in rows:
        label = stages.get(task.step_number)
        if label and label != changes[-1].state:
            changes.append(Change(task.created_at, label))
    end = _ending(case)
    if end is not None:
        changes.append(end)
    notes = [Change(n.created_at, "", n.text) for n in report.public_notes.all()]
    history = _merge(changes, notes)
    status = "open" if case.state in (CaseState.OPEN, CaseState.BLOCKED) else "closed"
    return PublicStatus(status, changes[-1].state, history)


def _task_order(task: Task) -> tuple[datetime, int]:
    return (task.created_at, task.pk)


def _ending(case: Case) -> Change | None:
    if case.state == CaseState.ENDED and case.ended_at is not None:
        return Change(case.ended_at, CLOSED)
    if case.state == CaseState.CANCELLED and case.ended_at is not None:
        return Change(case.ended_at, CANCELLED)
    return None


def _merge(changes: list[Change], notes: list[Change]) -> tuple[Change, ...]:
    """State changes and notes in time order; a note carries the state it was written in."""
    merged: list[Change] = []
    timeline = sorted(
        [(c.at, 0, c) for c in changes] + [(n.at, 1, n) for n in notes], key=lambda t: t[:2]
    )
    state = RECEIVED
    for _at, _kind, change in timeline:
        if change.state:
            state = change.state
            merged.append(change)
        else:
            merged.append(Change(change.at, state, change.note))
    return tuple(merged)
