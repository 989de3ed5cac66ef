"""What the consultation views share: the signed-in person, the consultation they may
read, the citizen's ticket in the session, and refusals shown as messages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from web.accounts.throttle import client_address
from web.consultations.errors import ConsultationError
from web.consultations.models import Consultation
from web.consultations.permissions import can_read

#: What a view catches from an action and shows as it is.
REFUSALS = (ConsultationError, PermissionDenied)


def user_of(request: HttpRequest) -> User:
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


def tell(request: HttpRequest, error: Exception) -> None:
    messages.error(request, str(error) or _("You may not do that."))


def staff_consultation(request: HttpRequest, pk: int) -> Consultation:
    """A consultation the person manages or audits; 404 for anyone else."""
    consultation = get_object_or_404(Consultation.objects.select_related("unit"), pk=pk)
    if not can_read(request.user, consultation):
        raise Http404
    return consultation


def public_consultation(pk: int) -> Consultation:
    """A published consultation; drafts are not found."""
    found = Consultation.objects.select_related("unit").filter(published_at__isnull=False)
    return get_object_or_404(found, pk=pk)


def ticket_key(consultation: Consultation, purpose: str) -> str:
    return f"consultas-ticket-{consultation.pk}-{purpose}"


def ticket_of(request: HttpRequest, consultation: Consultation, purpose: str) -> int | None:
    value = request.session.get(ticket_key(consultation, purpose))
    return value if isinstance(value, int) else None


def address_of(request: HttpRequest) -> str:
    return client_address(request)
