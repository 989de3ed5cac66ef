"""Citizen proposals: sent through an open consultation (proved like an answer) or
entered by its staff (from a paper form or a meeting); staff classify them and approve or
reject them. Approved proposals are what the annual plans read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from web.accounts.audit import record
from web.consultations import verification as v
from web.consultations.actions.answering import closed_message, proved_ticket
from web.consultations.errors import ConsultationError
from web.consultations.models import (
    Consultation,
    Moderation,
    Proposal,
    ProposalKind,
    Purpose,
    Term,
)
from web.consultations.permissions import can_manage


@dataclass(frozen=True)
class ProposalData:
    title: str
    description: str
    colonia: str
    kind: str
    term: str


def _clean(data: ProposalData) -> ProposalData:
    title, description, colonia = data.title.strip(), data.description.strip(), data.colonia.strip()
    if not title or not description:
        raise ConsultationError(_("Proposal: write its title and what it is about."))
    if not colonia:
        raise ConsultationError(_("Colonia: say where the proposal applies."))
    if data.kind not in ProposalKind.values:
        raise ConsultationError(_("Class: choose obra, acción, servicio or proyecto estratégico."))
    if data.term not in Term.values:
        raise ConsultationError(_("Term: choose short, medium or long term."))
    return ProposalData(title, description, colonia, data.kind, data.term)


def _payload(proposal: Proposal) -> dict[str, Any]:
    return {
        "proposal": proposal.pk,
        "consultation": proposal.consultation_id,
        "title": proposal.title,
        "kind": proposal.kind,
        "term": proposal.term,
        "colonia": proposal.colonia,
        "state": proposal.moderation,
    }


@transaction.atomic
def submit_proposal(
    ticket_pk: int | None, consultation: Consultation, data: ProposalData
) -> Proposal:
    """A citizen's proposal, pending until staff approve it. The proved ticket serves
    for a few proposals of the same person (``PROPOSALS_PER_PERSON``)."""
    if not consultation.is_open():
        raise ConsultationError(closed_message(consultation))
    if not consultation.accepts_proposals:
        raise ConsultationError(_("This consultation does not take proposals."))
    ticket = proved_ticket(ticket_pk, consultation, Purpose.PROPOSAL)
    data = _clean(data)
    sent = Proposal.objects.filter(consultation=consultation, submitter_hash=ticket.email_hash)
    if sent.count() >= v.PROPOSALS_PER_PERSON:
        raise ConsultationError(
            _(
                "You have sent %(n)s proposals to this consultation, the most it takes "
                "from one person."
            )
            % {"n": v.PROPOSALS_PER_PERSON}
        )
    proposal = Proposal.objects.create(
        consultation=consultation, submitter_hash=ticket.email_hash, **data.__dict__
    )
    record("proposal.submitted", actor=None, payload=_payload(proposal) | {"origin": "public"})
    return proposal


def _check_manager(user: User, consultation: Consultation) -> None:
    if not can_manage(user, consultation):
        raise PermissionDenied(
            _("Only the head or an administrator of %(unit)s may handle its proposals.")
            % {"unit": consultation.unit.name}
        )


@transaction.atomic
def enter_proposal(user: User, consultation: Consultation, data: ProposalData) -> Proposal:
    """A proposal staff received outside Folio; entered approved, by them."""
    _check_manager(user, consultation)
    data = _clean(data)
    now = timezone.now()
    proposal = Proposal.objects.create(
        consultation=consultation,
        entered_by=user,
        moderation=Moderation.APPROVED,
        moderated_by=user,
        moderated_at=now,
        **data.__dict__,
    )
    record("proposal.submitted", actor=user, payload=_payload(proposal) | {"origin": "staff"})
    return proposal


@transaction.atomic
def classify_proposal(user: User, proposal: Proposal, data: ProposalData, moderation: str) -> None:
    """Set the class, term, colonia and wording staff settled on, and approve or reject."""
    proposal = (
        Proposal.objects.select_for_update()
        .select_related("consultation__unit")
        .get(pk=proposal.pk)
    )
    _check_manager(user, proposal.consultation)
    data = _clean(data)
    if moderation not in Moderation.values:
        raise ConsultationError(_("State: choose pending, approved or rejected."))
    before = _payload(proposal)
    for name, value in data.__dict__.items():
        setattr(proposal, name, value)
    proposal.moderation = moderation
    proposal.moderated_by, proposal.moderated_at = user, timezone.now()
    proposal.save()
    record(
        "proposal.classified", actor=user, payload={"before": before, "after": _payload(proposal)}
    )
