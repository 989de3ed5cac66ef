"""Proposals: a citizen sends one (after proving their email), staff enter those received
elsewhere, classify and moderate them, and list and export them for the annual plans."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from web.consultations import actions
from web.consultations.actions.answering import closed_message, proved_ticket
from web.consultations.errors import ConsultationError
from web.consultations.exports import proposals_csv, proposals_xlsx
from web.consultations.forms import ClassifyForm, ProposalFields, ProposalFilterForm, ProposalForm
from web.consultations.models import Proposal, Purpose
from web.consultations.permissions import (
    can_manage,
    get_consultations_for_user,
    may_work_on_consultations,
)
from web.consultations.proposal_search import search_proposals
from web.consultations.verification import is_bot
from web.consultations.views.common import (
    REFUSALS,
    public_consultation,
    staff_consultation,
    tell,
    ticket_of,
    user_of,
)


def proposal_create(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = public_consultation(pk)
    ticket = ticket_of(request, consultation, Purpose.PROPOSAL)
    try:
        if not consultation.is_open():
            raise ConsultationError(closed_message(consultation))
        proved_ticket(ticket, consultation, Purpose.PROPOSAL)
    except ConsultationError as err:
        tell(request, err)
        return redirect("consultations:consultation-detail", pk)
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and (is_bot(request.POST) or form.is_valid()):
        try:
            if not is_bot(request.POST):
                actions.submit_proposal(ticket, consultation, form.data_object())
        except ConsultationError as err:
            tell(request, err)
        else:
            messages.success(request, _("Thank you: your proposal was received."))
            return redirect("consultations:proposal-create", pk)
    context = {"consultation": consultation, "form": form}
    return render(request, "consultations/proposal_create.html", context)


@login_required
def proposal_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if not may_work_on_consultations(user):
        raise Http404
    consultations = get_consultations_for_user(user)
    form = ProposalFilterForm(request.GET or None, consultations=consultations)
    found = search_proposals(Proposal.objects.filter(consultation__in=consultations), form)
    fmt = request.GET.get("formato")
    if fmt == "csv":
        return proposals_csv(found)
    if fmt == "xlsx":
        return proposals_xlsx(found)
    context = {"form": form, "proposals": found.select_related("consultation")[:500]}
    context["count"] = found.count()
    return render(request, "consultations/proposal_list.html", context)


@login_required
def proposal_enter(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = staff_consultation(request, pk)
    form = ProposalFields(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.enter_proposal(user_of(request), consultation, form.data_object())
        except REFUSALS as err:
            tell(request, err)
        else:
            messages.success(request, _("Proposal entered."))
            return redirect("consultations:proposal-enter", pk)
    context = {"consultation": consultation, "form": form}
    return render(request, "consultations/proposal_enter.html", context)


@login_required
def proposal_classify(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(Proposal.objects.select_related("consultation__unit"), pk=pk)
    staff_consultation(request, proposal.consultation_id)
    names = ("title", "description", "colonia", "kind", "term", "moderation")
    initial = {name: getattr(proposal, name) for name in names}
    form = ClassifyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        state = form.cleaned_data["moderation"]
        try:
            actions.classify_proposal(user_of(request), proposal, form.data_object(), state)
        except REFUSALS as err:
            tell(request, err)
        else:
            messages.success(request, _("Proposal saved."))
            return redirect("consultations:proposal-list")
    manages = can_manage(request.user, proposal.consultation)
    context = {"proposal": proposal, "form": form, "manages": manages}
    return render(request, "consultations/proposal_classify.html", context)
