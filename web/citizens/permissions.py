"""Who may do what in the citizens app.

- Anyone, without an account, files reports, looks a folio up and reads the public map
  and list: none of them shows personal data.
- Administrators (``is_staff``) manage the service catalogue, the Open311 applications
  and the app's settings.
- The reporter's data (name, email, phone) are read only by the staff who need them to
  answer: people of the case's unit (or a unit below it) who hold a role named in the
  case's procedure. Auditors, other units and other roles see the case without them.
- Public notes are written by whoever may act on the case's waiting task, by those who
  see the reporter's data (they answer the citizen), or by a head above the case's unit.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import Q

from web.cases.models import ACTIVE_TASK_STATES, Case
from web.cases.permissions import AnyUser, can_act_on, is_auditor, is_internal, supervises, works_in
from web.catalog.models import Role


def can_manage_catalogue(user: AnyUser) -> bool:
    return isinstance(user, User) and user.is_active and user.is_staff and not is_auditor(user)


def procedure_roles(case: Case) -> set[str]:
    names: set[str] = set()
    for step in case.procedure.data.get("steps", []):
        names.update(str(name) for name in step.get("responsible", []))
    return names


def can_see_reporter(user: AnyUser, case: Case) -> bool:
    if not is_internal(user) or not isinstance(user, User) or not works_in(user, case):
        return False
    names = procedure_roles(case)
    named = Q(name__in=names) | Q(aliases__name__in=names)
    return Role.objects.filter(named, members=user).exists()


def can_add_public_note(user: AnyUser, case: Case) -> bool:
    if not is_internal(user):
        return False
    if supervises(user, case) or can_see_reporter(user, case):
        return True
    active = case.tasks.filter(state__in=ACTIVE_TASK_STATES).select_related("role", "case")
    return any(can_act_on(user, task) for task in active)
