"""What the case page reads besides the case row: its history told from the log (every
pass through every step, loops included) and the swimlane chart with the current step
marked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from folio.manuals.model import Procedure as CoreProcedure
from folio.render.svg import render_svg
from web.cases.models import Case, DocumentKind, Event, EventKind


@dataclass(frozen=True)
class Entry:
    """One line of the timeline."""

    at: datetime
    kind: str
    text: str
    actor: str = ""
    #: The external role the actor recorded the step for.
    on_behalf_of: str = ""
    step: str = ""
    activity: str = ""
    details: list[str] = field(default_factory=list)


def person_name(user: User | None) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.username


def case_timeline(case: Case, model: CoreProcedure) -> list[Entry]:
    """The case's log entries in order, each told as a sentence; a task due on a date
    of its own (its activity's target) says when."""
    events = Event.objects.filter(case=case).select_related("actor").order_by("seq")
    people = _people_named_in(events)
    entries = [_entry(event, model, people) for event in events]
    own = _own_due_dates(case)
    for event, entry in zip(events, entries, strict=True):
        due = own.get(event.payload.get("task")) if event.kind == EventKind.TASK_CREATED else None
        if due is not None:
            entry.details.append(
                _("Due on %(date)s.") % {"date": date_format(due, "SHORT_DATE_FORMAT")}
            )
    return entries


def _own_due_dates(case: Case) -> dict[int, date]:
    """Due dates of the case's tasks that differ from the case's own."""
    tasks = case.tasks.filter(due_date__isnull=False)
    if case.due_date is not None:
        tasks = tasks.exclude(due_date=case.due_date)
    return {pk: due for pk, due in tasks.values_list("pk", "due_date") if due is not None}


def _people_named_in(events: QuerySet[Event]) -> dict[int, str]:
    ids = {e.payload.get("to") for e in events if e.kind == EventKind.TASK_REASSIGNED}
    found = User.objects.filter(pk__in=[i for i in ids if isinstance(i, int)])
    return {user.pk: person_name(user) for user in found}


def _entry(event: Event, model: CoreProcedure, people: dict[int, str]) -> Entry:
    data = event.payload
    number = str(data.get("step") or "")
    step = model.step(number) if number else None
    text, details = _told(event.kind, data, people)
    pass_number = data.get("pass") or 1
    if number and isinstance(pass_number, int) and pass_number > 1:
        details.insert(0, _("Pass %(n)s through this activity.") % {"n": pass_number})
    return Entry(
        at=event.created_at,
        kind=event.kind.replace(".", "-"),
        text=text,
        actor=person_name(event.actor),
        on_behalf_of=str(data.get("on_behalf_of") or ""),
        step=number,
        activity=step.activity if step is not None else "",
        details=details,
    )


def _told(kind: str, data: dict[str, Any], people: dict[int, str]) -> tuple[str, list[str]]:
    words = {"step": data.get("step", ""), "roles": "; ".join(data.get("roles") or [])}
    if kind == EventKind.CASE_OPENED:
        return _("Case opened."), [data.get("subject", "")]
    if kind == EventKind.TASK_CREATED:
        if words["roles"]:
            return _("Activity %(step)s waits for %(roles)s.") % words, []
        return _("Activity %(step)s waits.") % words, []
    if kind == EventKind.TASK_CLAIMED:
        return _("Activity %(step)s taken.") % words, []
    if kind == EventKind.TASK_RELEASED:
        return _("Activity %(step)s released for the whole role.") % words, []
    if kind == EventKind.TASK_REASSIGNED:
        words["to"] = people.get(data.get("to") or 0, "?")
        reason = _("Reason: %(reason)s") % {"reason": data.get("reason", "")}
        return _("Activity %(step)s reassigned to %(to)s.") % words, [reason]
    if kind == EventKind.TASK_COMPLETED:
        return _("Activity %(step)s completed.") % words, _completed_details(data)
    if kind == EventKind.DOCUMENT_ADDED:
        return _document_told(data), []
    if kind == EventKind.CASE_RESUMED:
        return _resumed_told(data)
    return _case_told(kind, data), []


def _resumed_told(data: dict[str, Any]) -> tuple[str, list[str]]:
    text = _("Case resumed at activity %(step)s.") % {"step": data.get("step", "")}
    details = [_("Reason: %(reason)s") % {"reason": data.get("reason", "")}]
    if data.get("blocked_reason"):
        words = {"reason": data["blocked_reason"]}
        details.append(_("It was blocked because: %(reason)s") % words)
    return text, details


def _completed_details(data: dict[str, Any]) -> list[str]:
    details = []
    if data.get("choice"):
        details.append(_("Answer: «%(choice)s»") % {"choice": data["choice"]})
    if data.get("notes"):
        details.append(_("Notes: %(notes)s") % {"notes": data["notes"]})
    return details


def _document_told(data: dict[str, Any]) -> str:
    kind = str(data.get("kind", ""))
    parts = [str(dict(DocumentKind.choices).get(kind, kind))]
    if data.get("number"):
        parts.append(_("no. %(number)s") % {"number": data["number"]})
    if data.get("date"):
        parts.append(_("of %(date)s") % {"date": _date_text(data["date"])})
    return _("%(document)s added.") % {"document": " ".join(parts)}


def _date_text(iso: str | None) -> str:
    if not iso or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
        return iso or ""
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def _case_told(kind: str, data: dict[str, Any]) -> str:
    if kind == EventKind.CASE_ENDED:
        if data.get("how") == "external":
            return _("Case ended at activity %(step)s: it continues in procedure %(target)s.") % {
                "step": data.get("step", ""),
                "target": data.get("target", ""),
            }
        return _("Case ended at activity %(step)s.") % {"step": data.get("step", "")}
    if kind == EventKind.CASE_BLOCKED:
        return _("Case blocked: %(reason)s") % {"reason": data.get("reason", "")}
    if kind == EventKind.CASE_CANCELLED:
        return _("Case cancelled: %(reason)s") % {"reason": data.get("reason", "")}
    return str(EventKind(kind).label) if kind in EventKind.values else kind


def swimlane(model: CoreProcedure, current: list[str]) -> tuple[str, str]:
    """The procedure's chart as inline SVG and a style rule that marks the steps in
    ``current`` (their boxes and decision diamonds: node ids ``s<k>``, ``s<k>q…``)."""
    svg = render_svg(model)
    svg = re.sub(r"^<\?xml[^>]*>\s*", "", svg)
    rows = [k for k, step in enumerate(model.steps, 1) if step.number in current]
    selectors = []
    for k in rows:
        selectors += [f'.swimlane [id="s{k}"] rect', f'.swimlane [id^="s{k}q"] polygon']
    if not selectors:
        return svg, ""
    rule = ", ".join(selectors) + " { stroke: #c2410c; stroke-width: 4px; fill: #fff1e6; }"
    return svg, rule
