"""ARCO requests (access, rectification, cancellation, opposition to the use of one's
personal data) run as cases of the ARCO procedure the administrator chose."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from web.cases.actions import open_case
from web.cases.errors import CaseError
from web.cases.log import append_event
from web.cases.models import EventKind
from web.citizens.actions.reports import PersonalData, keep_reporter
from web.citizens.errors import ReportRefused
from web.citizens.models import ArcoRequest, ArcoRight, Settings


@transaction.atomic
def file_arco_request(
    right: str, details: str, about_folio: str, person: PersonalData
) -> ArcoRequest:
    """Open a case of the ARCO procedure; the requester's data are its reporter."""
    config = Settings.objects.select_related("arco_procedure", "arco_opened_as").first()
    if config is None or config.arco_procedure is None or config.arco_opened_as is None:
        raise ReportRefused(_("ARCO requests are not taken here yet: ask at the office."))
    if right not in ArcoRight.values:
        raise ReportRefused(_("Choose the right you exercise."), "right")
    if not details.strip():
        raise ReportRefused(_("Say what you ask."), "details")
    if not (person.first_name.strip() and (person.email.strip() or person.phone.strip())):
        raise ReportRefused(_("Give your name and an email or phone to answer you."), "name")
    subject = _("ARCO request (%(right)s)") % {"right": ArcoRight(right).label}
    try:
        case = open_case(config.arco_procedure, config.arco_opened_as, str(subject))
    except (CaseError, PermissionDenied) as err:
        raise ReportRefused(str(err)) from err
    arco = ArcoRequest.objects.create(
        case=case, right=right, about_folio=about_folio.strip()[:40], details=details.strip()
    )
    keep_reporter(case, person)
    payload = {"folio": case.folio, "right": right}
    append_event(EventKind.CITIZEN_ARCO_FILED, case=case, payload=payload)
    return arco
