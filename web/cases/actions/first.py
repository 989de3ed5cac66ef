"""Starting a case is the registration its first activity asks for.

A procedure's first activity is often the office receiving the request and registering
it ("Recibe el reporte ... y lo registra en el sistema con un folio"), or the outside
party sending it ("Dependencia solicitante: envía oficio de solicitud"). The person who
starts the case has just done exactly that: given it its folio and typed the oficio's
data. So ``open_case`` completes that activity in the same transaction, logged as any
completion (for an outside party, on its behalf), when

- the starter holds one of the activity's roles and it receives or registers the
  request (its words say *recibe* or *registra*); or
- every role of the activity is an outside party and the case is started with the
  oficio (its number or date), which is then kept as the activity's document.

A first activity that asks a question, or that is neither of these, waits as any other.
"""

from __future__ import annotations

import re

from django.contrib.auth.models import User
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from folio.flow.engine import choices
from folio.manuals.cleaning import fold
from folio.manuals.model import Step
from web.cases.actions.complete import complete_task
from web.cases.documents import NewDocument, kind_of_type
from web.cases.models import Case, DocumentKind
from web.cases.store import OpenedTask
from web.catalog.models import Role

#: Words of an activity that receives or registers the request.
REGISTERS = re.compile(r"\b(recib|registr)")


def registers_at_start(step: Step, user: User, case: Case) -> bool:
    """Whether starting ``case`` is ``step``'s work (see the module's docstring)."""
    if choices(step) or not step.responsible:
        return False
    named = Q(name__in=step.responsible) | Q(aliases__name__in=step.responsible)
    roles = Role.objects.filter(named).distinct()
    if roles.filter(members=user).exists():
        return REGISTERS.search(fold(step.activity)) is not None
    has_oficio = bool(case.oficio_number.strip()) or case.oficio_date is not None
    everyone_outside = roles.exists() and not roles.filter(is_external=False).exists()
    return has_oficio and everyone_outside


def record_first_step(case: Case, opened: OpenedTask, step: Step, user: User) -> None:
    """Complete the first task as the starter, with the oficio as its document."""
    documents = []
    has_oficio = bool(case.oficio_number) or case.oficio_date is not None
    if has_oficio:
        kinds = [kind_of_type(ref.type) for ref in step.documents]
        kind = DocumentKind.OFICIO if DocumentKind.OFICIO in kinds or not kinds else kinds[0]
        paper = NewDocument(kind, "", b"", number=case.oficio_number, date=case.oficio_date)
        documents.append(paper)
    complete_task(opened, user, None, _started_note(case), documents)


def _started_note(case: Case) -> str:
    if not case.oficio_number and case.oficio_date is None:
        return _("Registered when the case was started.")
    day = date_format(case.oficio_date, "SHORT_DATE_FORMAT") if case.oficio_date else "—"
    words = {"number": case.oficio_number or "—", "date": day}
    return _("Registered when the case was started: oficio %(number)s of %(date)s.") % words
