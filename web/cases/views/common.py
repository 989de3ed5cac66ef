"""What the case views share: finding a task the person may see, telling refusals, and
answering htmx requests with a fragment instead of a redirect."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from web.cases.errors import CaseError
from web.cases.models import Task
from web.cases.permissions import can_act_on, get_cases_for_user

#: What a view catches from an action and shows as it is.
REFUSALS = (CaseError, PermissionDenied)


def user_of(request: HttpRequest) -> User:
    """The signed-in person (the views are all ``login_required``)."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


def refusal_text(error: Exception) -> str:
    text = str(error)
    return text or _("You may not do that.")


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def get_task_for_user(user: User, pk: int) -> Task:
    """A task of a case the person may see, or one waiting for them; 404 otherwise."""
    related = ("case__procedure__version__manual", "case__unit", "role", "assignee")
    task = Task.objects.select_related(*related).filter(pk=pk).first()
    if task is None:
        raise Http404
    if not get_cases_for_user(user).filter(pk=task.case_id).exists() and not can_act_on(user, task):
        raise Http404
    return task


def posted_version(request: HttpRequest, task: Task) -> Task:
    """The task as the form saw it: a form showing an older version is refused by the
    action (someone claimed, released or completed it meanwhile)."""
    raw = request.POST.get("version", "")
    if raw.isdigit():
        task.version = int(raw)
    return task


def back(request: HttpRequest, default: str, **kwargs: Any) -> HttpResponse:
    """Redirect to the page the form came from (``next``) when it is ours."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default, **kwargs)


def tell(request: HttpRequest, error: Exception) -> None:
    messages.error(request, refusal_text(error))
