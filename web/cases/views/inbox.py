"""The inbox and what is done from it: claim, release, reassign (delegate)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from web.cases.actions import claim_task, reassign_task, release_task
from web.cases.forms import TaskReassignForm
from web.cases.inbox import get_inbox_count_for_user, get_inbox_for_user
from web.cases.inbox_rows import RowMaker
from web.cases.models import Task
from web.cases.queries import TaskView, get_staff_for_reassign, task_view
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
    return _inbox_page(request, request.GET, request.get_full_path())


def _inbox_page(
    request: HttpRequest, query: QueryDict, back_to: str, acted: Acted | None = None
) -> HttpResponse:
    """The inbox at the pages ``query`` asks for; ``acted`` is a task just claimed or
    released with what to say of it: in its row when the page shows it, else above."""
    found = get_inbox_for_user(user_of(request), query.get("mine"), query.get("page"))
    draw = RowMaker(request, back_to)

    def row(view: TaskView) -> SafeString:
        if acted is not None and view.task.pk == acted.pk:
            return draw(view, acted.error, acted.note)
        return draw(view)

    mine, queue = [row(v) for v in found.mine.views], [row(v) for v in found.queue.views]
    shown = {v.task.pk for v in [*found.mine.views, *found.queue.views]}
    context = {"inbox": found, "count": found.count, "mine": mine, "queue": queue}
    if acted is not None and acted.pk not in shown:
        context["message"] = acted
    return render(request, "cases/task_list.html", context)


@dataclass(frozen=True)
class Acted:
    pk: int
    error: str
    note: str


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
    """htmx: the inbox redrawn at the pages the form was on, the task's row in the
    section it now belongs to, saying what happened (or the refusal); otherwise a
    message and a redirect to where the form was (POST/redirect/GET)."""
    if is_htmx(request):
        back_to = request.POST.get("next") or ""
        if not url_has_allowed_host_and_scheme(back_to, {request.get_host()}):
            back_to = ""
        back_to = back_to or reverse("cases:inbox")
        query = QueryDict(urlsplit(back_to).query)
        return _inbox_page(request, query, back_to, Acted(pk, error, note))
    if error:
        messages.error(request, error)
    else:
        messages.success(request, note)
    return back(request, "cases:inbox")
