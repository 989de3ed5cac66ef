"""A meta's monthly progress: the Enlace captures and corrects, the institute reviews."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from web.cases.errors import CaseError
from web.planning.actions import (
    Evidence,
    ProgressError,
    capture_progress,
    correct_progress,
    return_progress,
    validate_progress,
)
from web.planning.forms import CaptureForm, CorrectForm, ReviewForm
from web.planning.models import Goal, Progress, ProgressState
from web.planning.permissions import can_capture_progress, can_validate_progress
from web.planning.reports import month_name
from web.planning.status import Status, status_of
from web.planning.views import reader, user_of


@reader
def goal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    goal = get_object_or_404(Goal.objects.select_related("project__program__pat__unit"), pk=pk)
    unit = goal.project.program.pat.unit
    captures = {p.month: p for p in goal.progress.select_related("case")}
    months = [
        (m, month_name(m), goal.programmed_for(m), captures.get(m), _status(captures.get(m)))
        for m in range(1, 13)
    ]
    may_capture = can_capture_progress(request.user, unit) and not goal.is_live
    form = CaptureForm(request.POST or None, request.FILES or None) if may_capture else None
    if request.method == "POST" and form is not None and form.is_valid():
        d = form.cleaned_data
        try:
            capture_progress(
                goal,
                d["month"],
                user_of(request),
                d["value"],
                d["narrative"],
                _evidence(d["evidence"]),
            )
        except (ProgressError, CaseError) as err:
            form.add_error(None, str(err))
        else:
            messages.success(request, _("Progress sent to the planning institute for review."))
            return redirect("planning:goal-detail", pk=goal.pk)
    context = {
        "goal": goal,
        "months": months,
        "form": form,
        "may_review": can_validate_progress(request.user),
        "may_correct": can_capture_progress(request.user, unit),
    }
    return render(request, "planning/goal_detail.html", context)


@reader
def progress_detail(request: HttpRequest, pk: int) -> HttpResponse:
    progress = get_object_or_404(
        Progress.objects.select_related("goal__project__program__pat__unit", "case"), pk=pk
    )
    unit = progress.goal.project.program.pat.unit
    status = status_of(progress)
    may_review = can_validate_progress(request.user) and status.state == ProgressState.SUBMITTED
    may_correct = (
        can_capture_progress(request.user, unit) and status.state == ProgressState.RETURNED
    )
    initial = {"value": progress.value, "narrative": progress.narrative}
    context = {
        "progress": progress,
        "status": status,
        "month": month_name(progress.month),
        "review": ReviewForm() if may_review else None,
        "correct": CorrectForm(initial=initial) if may_correct else None,
        "documents": progress.case.documents.order_by("added_at"),
    }
    return render(request, "planning/progress_detail.html", context)


@reader
def progress_review(request: HttpRequest, pk: int) -> HttpResponse:
    progress = get_object_or_404(Progress, pk=pk)
    form = ReviewForm(request.POST)
    if request.method != "POST" or not form.is_valid():
        return redirect("planning:progress-detail", pk=pk)
    try:
        if request.POST.get("decision") == "return":
            return_progress(progress, user_of(request), form.cleaned_data["observations"])
            messages.success(request, _("Progress returned to the liaison with your observations."))
        else:
            validate_progress(progress, user_of(request), form.cleaned_data["observations"])
            messages.success(request, _("Progress validated."))
    except (ProgressError, CaseError) as err:
        messages.error(request, str(err))
    return redirect("planning:progress-detail", pk=pk)


@reader
def progress_correct(request: HttpRequest, pk: int) -> HttpResponse:
    progress = get_object_or_404(Progress, pk=pk)
    form = CorrectForm(request.POST, request.FILES)
    if request.method != "POST":
        return redirect("planning:progress-detail", pk=pk)
    if not form.is_valid():
        errors = "; ".join(
            f"{form.fields[f].label}: {' '.join(str(x) for x in e)}"
            for f, e in form.errors.items()
            if f in form.fields
        )
        messages.error(request, errors or _("Check the form."))
        return redirect("planning:progress-detail", pk=pk)
    d = form.cleaned_data
    try:
        correct_progress(
            progress, user_of(request), d["value"], d["narrative"], _evidence(d["evidence"])
        )
        messages.success(request, _("Correction sent to the planning institute."))
    except (ProgressError, CaseError) as err:
        messages.error(request, str(err))
    except PermissionDenied:
        raise
    return redirect("planning:progress-detail", pk=pk)


def _status(progress: Progress | None) -> Status | None:
    return None if progress is None else status_of(progress)


def _evidence(uploads: list[UploadedFile]) -> list[Evidence]:
    return [Evidence(u.name or "evidencia", u.read()) for u in uploads]


ZERO = Decimal(0)
