"""Citizens' pages, no account: the published consultations, asking for a code, proving
it (code or link), answering once and the aviso de privacidad."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from web.consultations import actions
from web.consultations.actions.answering import closed_message, proved_ticket
from web.consultations.errors import ConsultationError
from web.consultations.forms import AnswerForm, CodeForm, EmailForm
from web.consultations.models import Consultation, Purpose
from web.consultations.verification import is_bot
from web.consultations.views.common import (
    address_of,
    public_consultation,
    tell,
    ticket_key,
    ticket_of,
)

NEXT = {
    Purpose.ANSWER: "consultations:response-create",
    Purpose.PROPOSAL: "consultations:proposal-create",
}


def consultation_index(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    published = Consultation.objects.filter(published_at__isnull=False).select_related("unit")
    context = {
        "open": published.filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at"),
        "upcoming": published.filter(opens_at__gt=now).order_by("opens_at"),
        "closed": published.filter(closes_at__lte=now).order_by("-closes_at")[:50],
    }
    return render(request, "consultations/consultation_index.html", context)


def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = public_consultation(pk)
    is_open = consultation.is_open()
    context = {
        "consultation": consultation,
        "is_open": is_open,
        "closed_message": "" if is_open else closed_message(consultation),
        "form": EmailForm(),
        "proposal_form": EmailForm(auto_id="propuesta_%s"),
        "questions": consultation.questions.count(),
    }
    return render(request, "consultations/consultation_detail.html", context)


@require_POST
def code_request(request: HttpRequest, pk: int, purpose: str) -> HttpResponse:
    consultation = public_consultation(pk)
    form = EmailForm(request.POST)
    if is_bot(request.POST):
        return redirect("consultations:code-verify", pk, purpose)
    if form.is_valid():
        email = form.cleaned_data["email"]
        try:
            ticket = actions.request_code(consultation, email, purpose, address_of(request))
        except ConsultationError as err:
            tell(request, err)
        else:
            request.session[ticket_key(consultation, purpose)] = ticket.pk if ticket else 0
            messages.success(request, _("We sent a code to your email."))
            return redirect("consultations:code-verify", pk, purpose)
    context = {"consultation": consultation, "form": form, "purpose": purpose}
    return render(request, "consultations/code_request.html", context, status=400)


def code_verify(request: HttpRequest, pk: int, purpose: str) -> HttpResponse:
    consultation = public_consultation(pk)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"].replace(" ", "")
        ticket = ticket_of(request, consultation, purpose)
        try:
            actions.verify_code(ticket, consultation, code, address_of(request))
        except ConsultationError as err:
            tell(request, err)
        else:
            return redirect(NEXT[Purpose(purpose)], pk)
    context = {"consultation": consultation, "form": form, "purpose": purpose}
    return render(request, "consultations/code_verify.html", context)


def link_verify(request: HttpRequest, token: str) -> HttpResponse:
    try:
        ticket = actions.verify_link(token)
    except ConsultationError as err:
        return render(request, "consultations/link_refused.html", {"error": err}, status=400)
    consultation = ticket.consultation
    request.session[ticket_key(consultation, ticket.purpose)] = ticket.pk
    return redirect(NEXT[Purpose(ticket.purpose)], consultation.pk)


def response_create(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = public_consultation(pk)
    ticket = ticket_of(request, consultation, Purpose.ANSWER)
    try:
        if not consultation.is_open():
            raise ConsultationError(closed_message(consultation))
        proved_ticket(ticket, consultation, Purpose.ANSWER)
    except ConsultationError as err:
        tell(request, err)
        return redirect("consultations:consultation-detail", pk)
    questions = list(consultation.questions.prefetch_related("options"))
    form = AnswerForm(request.POST or None, questions=questions)
    if request.method == "POST" and (is_bot(request.POST) or form.is_valid()):
        try:
            if not is_bot(request.POST):
                actions.submit_response(ticket, consultation, form.answers())
        except ConsultationError as err:
            tell(request, err)
        else:
            request.session.pop(ticket_key(consultation, Purpose.ANSWER), None)
            return redirect("consultations:response-done", pk)
    context = {"consultation": consultation, "form": form}
    return render(request, "consultations/response_create.html", context)


def response_done(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = public_consultation(pk)
    return render(request, "consultations/response_done.html", {"consultation": consultation})


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "consultations/privacy.html")
