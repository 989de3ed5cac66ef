"""Staff moderate a consultation's open answers before its results show them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from web.consultations import actions
from web.consultations.models import Answer, Moderation
from web.consultations.permissions import can_manage
from web.consultations.views.common import REFUSALS, staff_consultation, tell, user_of


@login_required
def moderation_list(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = staff_consultation(request, pk)
    state = request.GET.get("estado", Moderation.PENDING)
    if state not in Moderation.values:
        state = Moderation.PENDING
    answers = (
        Answer.objects.filter(question__consultation=consultation, moderation=state)
        .exclude(text="")
        .select_related("question")
        .order_by("question__position", "pk")
    )
    context = {"consultation": consultation, "answers": answers, "state": state}
    context |= {"states": Moderation.choices, "manages": can_manage(request.user, consultation)}
    context["pending_proposals"] = consultation.proposals.filter(moderation=Moderation.PENDING)
    return render(request, "consultations/moderation_list.html", context)


@login_required
@require_POST
def answer_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    answer = get_object_or_404(Answer.objects.select_related("question"), pk=pk)
    consultation = staff_consultation(request, answer.question.consultation_id)
    approve = request.POST.get("do") == "approve"
    try:
        actions.moderate_answer(user_of(request), answer, approve)
    except REFUSALS as err:
        tell(request, err)
    else:
        messages.success(request, _("Answer approved.") if approve else _("Answer rejected."))
    return redirect("consultations:moderation-list", consultation.pk)
