"""Who may do what with cases. Actions call these and raise ``PermissionDenied``.

- People act on a task when they hold its role, or it was delegated or assigned to them;
  a task claimed by someone else waits for them.
- Steps of external roles (the requesting dependencia, a supplier, a citizen) are
  recorded by the staff of the case's unit on the outsider's behalf.
- Everyone sees the cases of their unit and those they took part in (or that wait for a
  role they hold); heads see their unit's subtree; auditors (Contraloría) see every case
  and change none; administrators (``is_staff``) manage the calendar.
- Cases of a manual are started by the staff of the manual's unit and of the units
  below it; nobody starts cases of a retired manual or procedure.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db.models import Q, QuerySet

from web.accounts.models import Profile, Unit
from web.cases.models import ACTIVE_TASK_STATES, Case, CaseState, Event, Task, TaskState
from web.catalog.models import Procedure, Role

AnyUser = User | AbstractBaseUser | AnonymousUser


def profile_of(user: AnyUser) -> Profile | None:
    if not isinstance(user, User) or not user.is_active:
        return None
    return Profile.objects.select_related("unit").filter(user=user).first()


def is_auditor(user: AnyUser) -> bool:
    profile = profile_of(user)
    return profile is not None and profile.is_auditor


def is_internal(user: AnyUser) -> bool:
    """Active staff of some unit who may change cases (auditors only read)."""
    profile = profile_of(user)
    return profile is not None and profile.unit_id is not None and not profile.is_auditor


def works_in(user: AnyUser, case: Case) -> bool:
    """Staff of the case's unit or of a unit below it."""
    profile = profile_of(user)
    return profile is not None and profile.unit_id in case.unit.subtree_ids()


def supervises(user: AnyUser, case: Case) -> bool:
    """A head whose unit is the case's unit or above it."""
    profile = profile_of(user)
    if not is_internal(user) or profile is None or not profile.is_head or profile.unit is None:
        return False
    return case.unit_id in profile.unit.subtree_ids()


def task_roles(task: Task) -> list[Role]:
    roles = [task.role] if task.role is not None else []
    return roles + list(task.other_roles.all())


def holds_role(user: AnyUser, task: Task) -> bool:
    ids = [role.pk for role in task_roles(task)]
    return isinstance(user, User) and user.folio_roles.filter(pk__in=ids).exists()


def external_role(task: Task) -> Role | None:
    return next((role for role in task_roles(task) if role.is_external), None)


def can_act_on(user: AnyUser, task: Task) -> bool:
    if not is_internal(user) or task.state not in ACTIVE_TASK_STATES:
        return False
    if task.case.state != CaseState.OPEN:
        return False
    if user.pk in (task.assignee_id, task.delegated_to_id):
        return True
    if task.state == TaskState.CLAIMED:
        return False
    if holds_role(user, task):
        return True
    return external_role(task) is not None and works_in(user, task.case)


def acting_for(user: AnyUser, task: Task) -> Role | None:
    """The external role ``user`` acts on behalf of at ``task``; None when they act as
    themselves (they hold a role of the step, or the step is internal)."""
    if holds_role(user, task):
        return None
    return external_role(task)


def can_open_case(user: AnyUser, procedure: Procedure) -> bool:
    """Staff of the manual's unit or of a unit below it. A manual with no unit yet (an
    old import) is open to administrators only; its page asks them to set the unit.
    Nobody starts cases of a retired manual or procedure."""
    profile = profile_of(user)
    if not isinstance(user, User) or not is_internal(user) or profile is None:
        return False
    manual = procedure.version.manual
    if manual.retired_at is not None or procedure.retired_at is not None:
        return False
    if manual.unit_id is None:
        return user.is_staff
    return manual.unit_id in _units_above(profile.unit_id)


def _units_above(unit_id: int | None) -> set[int]:
    ids: set[int] = set()
    while unit_id is not None and unit_id not in ids:
        ids.add(unit_id)
        unit_id = Unit.objects.filter(pk=unit_id).values_list("parent_id", flat=True).first()
    return ids


def can_supervise_task(user: AnyUser, task: Task) -> bool:
    """May release or reassign a task someone else holds."""
    return supervises(user, task.case) and task.state in ACTIVE_TASK_STATES


def can_release(user: AnyUser, task: Task) -> bool:
    holder = task.state == TaskState.CLAIMED and user.pk == task.assignee_id
    return is_internal(user) and (holder or can_supervise_task(user, task))


def can_reassign(user: AnyUser, task: Task) -> bool:
    return can_act_on(user, task) or can_supervise_task(user, task)


def can_cancel_case(user: AnyUser, case: Case) -> bool:
    if not is_internal(user) or case.state not in (CaseState.OPEN, CaseState.BLOCKED):
        return False
    return case.started_by_id == user.pk or supervises(user, case)


def can_add_document(user: AnyUser, case: Case) -> bool:
    if not is_internal(user) or case.state not in (CaseState.OPEN, CaseState.BLOCKED):
        return False
    if case.started_by_id == user.pk or supervises(user, case):
        return True
    active = case.tasks.filter(state__in=ACTIVE_TASK_STATES).select_related("role", "case")
    return any(can_act_on(user, task) for task in active)


def can_manage_calendar(user: AnyUser) -> bool:
    return isinstance(user, User) and user.is_active and user.is_staff


def get_cases_for_user(user: AnyUser) -> QuerySet[Case]:
    if not isinstance(user, User) or not user.is_active:
        return Case.objects.none()
    profile = profile_of(user)
    if user.is_superuser or (profile is not None and profile.is_auditor):
        return Case.objects.all()
    units: set[int] = set()
    if profile is not None and profile.unit is not None:
        units = profile.unit.subtree_ids() if profile.is_head else {profile.unit.pk}
    acted = Event.objects.filter(actor=user, case__isnull=False).values("case_id")
    # A task handed to someone is claimed with them as assignee (``reassign_task``).
    by_role = Q(role__members=user) | Q(other_roles__members=user)
    waiting = Task.objects.filter(by_role, state__in=ACTIVE_TASK_STATES).values("case_id")
    held = Task.objects.filter(state=TaskState.CLAIMED, assignee=user).values("case_id")
    mine = Q(started_by=user) | Q(pk__in=acted) | Q(pk__in=waiting) | Q(pk__in=held)
    return Case.objects.filter(Q(unit_id__in=units) | mine)


def can_resume_case(user: AnyUser, case: Case) -> bool:
    """A blocked case goes on where a head above its unit, or an administrator, says."""
    if case.state != CaseState.BLOCKED or not isinstance(user, User) or is_auditor(user):
        return False
    return can_manage_calendar(user) or supervises(user, case)


def can_set_step_targets(user: AnyUser) -> bool:
    """Administrators give activities their own time."""
    return can_manage_calendar(user) and not is_auditor(user)
