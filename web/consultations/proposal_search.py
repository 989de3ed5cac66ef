"""The proposals list's filters: class, term, colonia (accents and case aside is left to
the database's ``icontains``), state and consultation."""

from __future__ import annotations

from django.db.models import QuerySet

from web.consultations.forms import ProposalFilterForm
from web.consultations.models import Proposal


def search_proposals(found: QuerySet[Proposal], form: ProposalFilterForm) -> QuerySet[Proposal]:
    if not form.is_bound or not form.is_valid():
        return found
    data = form.cleaned_data
    if data["kind"]:
        found = found.filter(kind=data["kind"])
    if data["term"]:
        found = found.filter(term=data["term"])
    if data["colonia"].strip():
        found = found.filter(colonia__icontains=data["colonia"].strip())
    if data["state"]:
        found = found.filter(moderation=data["state"])
    if data["consultation"] is not None:
        found = found.filter(consultation=data["consultation"])
    return found.order_by("kind", "term", "colonia", "pk")
