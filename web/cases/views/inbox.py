"""The inbox and what is done from it: claim, release, reassign (delegate)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from web.cases.actions import claim_task, reassign_task, release_task
from web.cases.flow import procedure_model
from web.cases.forms import TaskReassignForm
from web.cases.inbox import get_inbox_count_for_user, get_inbox_for_user
from web.cases.inbox_rows import RowMaker
from web.cases.models import Task
from web.cases.queries import get_staff_for_reassign, task_view
from web.cases.views.common import (
    REFUSALS,
    back,
    get_task_for_user,
    is_htmx,
    posted_version,
    refusal_text,
    user_of,
)


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    """The person's activities (``?mine=N``) and their roles' queue (``?page=N``)."""
    found = get_inbox_for_user(user_of(request), request.GET.get("mine"), request.GET.get("page"))
    draw = RowMaker(request, request.get_full_path())
    mine, queue = [draw(v) for v in found.mine.views], [draw(v) for v in found.queue.views]
    context = {"inbox": found, "count": found.count, "mine": mine, "queue": queue}
    return render(request, "cases/task_list.html", context)


@login_required
@require_GET
def inbox_count(request: HttpRequest) -> HttpResponse:
    count = get_inbox_count_for_user(user_of(request))
    return render(request, "cases/_inbox_count.html", {"count": count})


@login_required
@require_POST
def task_claim(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    task = posted_version(request, get_task_for_user(user, pk))
    try:
        claim_task(task, user)
    except REFUSALS as err:
        return _answer(request, pk, refusal_text(err))
    return _answer(request, pk, "", _("Activity %(step)s is yours now.") % _step(task))


@login_required
@require_POST
def task_release(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    task = posted_version(request, get_task_for_user(user, pk))
    try:
        release_task(task, user)
    except REFUSALS as err:
        return _answer(request, pk, refusal_text(err))
    note = _("Activity %(step)s is back in its role's queue.") % _step(task)
    return _answer(request, pk, "", note)


@login_required
def task_reassign(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    task = get_task_for_user(user, pk)
    people = get_staff_for_reassign(task, user)
    form = TaskReassignForm(request.POST or None, people=people, initial={"version": task.version})
    if request.method == "POST" and form.is_valid():
        task.version = form.cleaned_data["version"]
        data = form.cleaned_data
        try:
            reassign_task(task, user, data["to_user"], data["reason"])
        except REFUSALS as err:
            form.add_error(None, refusal_text(err))
        else:
            messages.success(request, _("Activity %(step)s reassigned.") % _step(task))
            return redirect("cases:case-detail", pk=task.case_id)
    context = {"task": task, "view": task_view(task, user, task.case.procedure.model())}
    return render(request, "cases/task_reassign.html", {**context, "form": form})


def _step(task: Task) -> dict[str, str]:
    return {"step": task.step_number}


def _answer(request: HttpRequest, pk: int, error: str, note: str = "") -> HttpResponse:
    """htmx: the task's inbox row, redrawn (with the refusal if any); otherwise a
    message and a redirect to where the form was (POST/redirect/GET)."""
    if is_htmx(request):
        user = user_of(request)
        task = get_task_for_user(user, pk)
        draw = RowMaker(request, request.POST.get("next") or reverse("cases:inbox"))
        row = draw(task_view(task, user, procedure_model(task.case.procedure)), error, note)
        return render(request, "cases/_task_row.html", {"row": row})
    if error:
        messages.error(request, error)
    else:
        messages.success(request, note)
    return back(request, "cases:inbox")
