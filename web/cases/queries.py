"""Read helpers for the case pages: deadline states, what a person may do with a task,
the procedures they may start and the cases they may find (the inbox has its own
module, ``web/cases/inbox.py``). Writes stay in ``web/cases/actions/``; who may do what
stays in ``web/cases/permissions.py``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from folio.calendar import BusinessCalendar, DeadlineState
from folio.flow.engine import choices
from folio.manuals.model import Procedure as CoreProcedure
from folio.manuals.model import Step, TimeSpec
from web.accounts.models import Unit
from web.cases.deadlines import office_calendar, step_targets, target_state
from web.cases.flow import procedure_model
from web.cases.models import ACTIVE_TASK_STATES, Case, CaseState, StepTarget, Task, TaskState
from web.cases.permissions import (
    AnyUser,
    can_act_on,
    can_supervise_task,
    is_internal,
    profile_of,
)
from web.catalog.models import CatalogManual, ManualKind, Procedure

#: What each deadline state is called (translated when shown).
DEADLINE_LABELS = {
    "on_time": gettext_noop("On time"),
    "at_risk": gettext_noop("At risk"),
    "overdue": gettext_noop("Overdue"),
    "no_deadline": gettext_noop("No deadline"),
}


@dataclass(frozen=True)
class Deadline:
    state: DeadlineState
    due_date: date | None
    #: The manual's Tiempo Promedio de Gestión, as written ("Variable.").
    time_text: str

    @property
    def label(self) -> str:
        return _(DEADLINE_LABELS[self.state])

    @property
    def explanation(self) -> str:
        """Why there is no date, said plainly; empty when there is one."""
        if self.state != "no_deadline":
            return ""
        if self.time_text:
            text = self.time_text.strip().rstrip(".")
            return _("The manual gives no fixed time: «%(text)s».") % {"text": text}
        return _("The manual gives no time for this procedure.")


def deadline_of(
    case: Case,
    time: TimeSpec,
    today: date | None = None,
    calendar: BusinessCalendar | None = None,
) -> Deadline:
    """The case's deadline state from its stored due date (set when it opened) and the
    lower bound of the procedure's ``time``, past which it is at risk. Pass one
    ``calendar`` for many cases: it reads the office calendar once."""
    if case.due_date is None:
        return Deadline("no_deadline", None, time.text)
    today = today or timezone.localdate()
    if today > case.due_date:
        return Deadline("overdue", case.due_date, time.text)
    start = timezone.localdate(case.started_at)
    risk = (calendar or office_calendar()).risk_date(start, time)
    state: DeadlineState = "at_risk" if risk is not None and today > risk else "on_time"
    return Deadline(state, case.due_date, time.text)


def task_deadline(
    task: Task,
    time: TimeSpec,
    target: StepTarget | None,
    today: date,
    calendar: BusinessCalendar,
) -> Deadline:
    """The deadline of the task itself: its own due date (``Task.due_date``), stated as
    its activity's target states it when there is one (``target_state``); a task due
    when its case is has the case's state."""
    if target is not None:
        return Deadline(target_state(task.due_date, target, today, calendar), task.due_date, "")
    of_case = deadline_of(task.case, time, today, calendar)
    if task.due_date is None or task.due_date == task.case.due_date:
        return of_case
    if today > task.due_date:
        return Deadline("overdue", task.due_date, time.text)
    state: DeadlineState = "on_time" if of_case.state == "no_deadline" else of_case.state
    return Deadline(state, task.due_date, time.text)


@dataclass(frozen=True)
class TaskView:
    """A task as one person sees it: the step it stands for and what they may do."""

    task: Task
    step: Step | None
    deadline: Deadline
    #: The branch labels offered, as the manual words them; empty when not a decision.
    choices: tuple[str, ...]
    can_complete: bool
    can_claim: bool
    can_release: bool
    can_reassign: bool

    @property
    def roles(self) -> str:
        return "; ".join(self.step.responsible) if self.step else str(self.task.role or "")


def task_view(
    task: Task, user: AnyUser, model: CoreProcedure, today: date | None = None
) -> TaskView:
    step = model.step(task.step_number)
    targets = step_targets(task.case.procedure_id, [task.step_number])
    calendar = office_calendar()
    acts = can_act_on(user, task)
    supervises = can_supervise_task(user, task)
    claimed_by_me = task.state == TaskState.CLAIMED and task.assignee_id == user.pk
    return TaskView(
        task=task,
        step=step,
        deadline=task_deadline(
            task, model.time, targets.get(task.step_number), today or timezone.localdate(), calendar
        ),
        choices=choices(step) if step is not None else (),
        can_complete=acts,
        can_claim=acts and task.state == TaskState.OPEN,
        can_release=task.state == TaskState.CLAIMED and (claimed_by_me or supervises),
        can_reassign=task.state in ACTIVE_TASK_STATES and (acts or supervises),
    )


def units_above(unit: Unit) -> set[int]:
    """The unit and every unit above it."""
    ids: set[int] = set()
    node: Unit | None = unit
    while node is not None and node.pk not in ids:
        ids.add(node.pk)
        node = node.parent
    return ids


def active_tasks(case: Case, user: AnyUser, model: CoreProcedure) -> list[TaskView]:
    tasks = case.tasks.filter(state__in=ACTIVE_TASK_STATES).select_related("role", "assignee")
    today = timezone.localdate()
    views = []
    for task in tasks:
        task.case = case
        views.append(task_view(task, user, model, today))
    return views


def get_procedures_for_user(user: AnyUser) -> list[Procedure]:
    """Procedures of the current version of every procedures manual that ``user`` may
    start a case of, grouped by manual in reading order: the manuals of their unit and
    of the units above it (whose subtree holds them); manuals with no unit yet only to
    administrators. Retired manuals and procedures are left out. ``open_case`` checks
    again (``can_open_case``)."""
    profile = profile_of(user)
    if not isinstance(user, User) or not is_internal(user) or profile is None:
        return []
    assert profile.unit is not None  # is_internal
    theirs = Q(unit_id__in=units_above(profile.unit))
    if user.is_staff:
        theirs |= Q(unit__isnull=True)
    manuals = CatalogManual.objects.filter(
        theirs, kind=ManualKind.PROCEDURES, retired_at__isnull=True
    )
    current = [
        version_id
        for version_id in (
            m.versions.order_by("-number").values_list("pk", flat=True).first() for m in manuals
        )
        if version_id is not None
    ]
    rows = (
        Procedure.objects.filter(version_id__in=current, retired_at__isnull=True)
        .select_related("version__manual")
        .defer("version__data")  # the whole manual: large, and not needed here
    )
    return list(rows.order_by("version__manual__title", "position"))


def case_deadlines(
    cases: Iterable[Case], today: date | None = None, calendar: BusinessCalendar | None = None
) -> list[CaseRow]:
    """Each case with its deadline state when it is open (None otherwise), for a list:
    the procedures' parsed models are cached, the office calendar read once (or given)."""
    today = today or timezone.localdate()
    calendar = calendar or office_calendar()
    rows = []
    for case in cases:
        deadline = None
        if case.state == CaseState.OPEN:
            deadline = deadline_of(case, procedure_model(case.procedure).time, today, calendar)
        rows.append(CaseRow(case, deadline))
    return rows


@dataclass(frozen=True)
class CaseRow:
    case: Case
    deadline: Deadline | None


def get_staff_for_reassign(task: Task, user: AnyUser) -> QuerySet[User]:
    """People a task may be handed to: active staff of the case's unit, of units below
    it and of units above it (auditors excluded), except whoever holds it now."""
    units = task.case.unit.subtree_ids() | units_above(task.case.unit)
    people = User.objects.filter(
        is_active=True, profile__unit_id__in=units, profile__is_auditor=False
    )
    if task.assignee_id is not None:
        people = people.exclude(pk=task.assignee_id)
    return people.select_related("profile").order_by("first_name", "last_name", "username")
