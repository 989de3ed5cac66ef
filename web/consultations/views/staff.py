"""Staff pages: their consultations, a new one, its data and questions, publishing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from web.consultations import actions
from web.consultations.forms import ConsultationForm, QuestionForm
from web.consultations.models import Question
from web.consultations.permissions import (
    can_manage,
    get_consultations_for_user,
    managed_units,
    may_work_on_consultations,
)
from web.consultations.views.common import REFUSALS, staff_consultation, tell, user_of


@login_required
def consultation_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if not may_work_on_consultations(user):
        raise Http404
    found = get_consultations_for_user(user).order_by("-opens_at", "-pk")
    context = {"consultations": found, "may_create": managed_units(user).exists()}
    return render(request, "consultations/consultation_list.html", context)


@login_required
def consultation_create(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    units = managed_units(user)
    if not units.exists():
        raise Http404
    form = ConsultationForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = actions.create_consultation(user, form.data_object())
        except REFUSALS as err:
            tell(request, err)
        else:
            messages.success(request, _("Consultation created. Now add its questions."))
            return redirect("consultations:consultation-edit", consultation.pk)
    return render(request, "consultations/consultation_create.html", {"form": form})


@login_required
def consultation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    consultation = staff_consultation(request, pk)
    manages = can_manage(user, consultation)
    initial = ConsultationForm.initial_of(consultation)
    form = ConsultationForm(request.POST or None, initial=initial, units=managed_units(user))
    if request.method == "POST" and manages and form.is_valid():
        try:
            actions.update_consultation(user, consultation, form.data_object())
        except REFUSALS as err:
            tell(request, err)
        else:
            messages.success(request, _("Consultation saved."))
            return redirect("consultations:consultation-edit", consultation.pk)
    questions = consultation.questions.prefetch_related("options")
    context = {"consultation": consultation, "form": form, "manages": manages}
    context |= {"questions": questions, "question_form": QuestionForm()}
    return render(request, "consultations/consultation_edit.html", context)


@login_required
def question_edit(request: HttpRequest, pk: int, question: int | None = None) -> HttpResponse:
    """Add a question (no ``question``) or change one."""
    user = user_of(request)
    consultation = staff_consultation(request, pk)
    found = get_object_or_404(consultation.questions, pk=question) if question else None
    initial = QuestionForm.initial_of(found) if found else None
    form = QuestionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_question(user, consultation, form.data_object(), found)
        except REFUSALS as err:
            tell(request, err)
        else:
            messages.success(request, _("Question saved."))
            return redirect("consultations:consultation-edit", consultation.pk)
    context = {"consultation": consultation, "form": form, "question": found}
    return render(request, "consultations/question_edit.html", context)


@login_required
@require_POST
def question_change(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a question up or down, or delete it (``do``: up, down, delete)."""
    question = get_object_or_404(Question.objects.select_related("consultation"), pk=pk)
    staff_consultation(request, question.consultation_id)
    do = request.POST.get("do", "")
    try:
        if do == "delete":
            actions.delete_question(user_of(request), question)
            messages.success(request, _("Question deleted."))
        elif do in ("up", "down"):
            actions.move_question(user_of(request), question, -1 if do == "up" else 1)
    except REFUSALS as err:
        tell(request, err)
    return redirect("consultations:consultation-edit", question.consultation_id)


@login_required
@require_POST
def consultation_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish the consultation (``what=consultation``) or its results (``what=results``)."""
    consultation = staff_consultation(request, pk)
    results = request.POST.get("what") == "results"
    try:
        if results:
            actions.publish_results(user_of(request), consultation)
        else:
            actions.publish_consultation(user_of(request), consultation)
    except REFUSALS as err:
        tell(request, err)
    else:
        done = _("Results published.") if results else _("Consultation published.")
        messages.success(request, done)
    return redirect("consultations:consultation-edit", consultation.pk)
