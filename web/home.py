"""Where a signed-in person lands, and what the top menu offers them.

The inbox is home for the people who work on cases; an auditor of the Contraloría has no
activities, so theirs is the case list (read only). "Start a case" is offered only to
people who may start a case of some procedure."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from web.cases.permissions import is_auditor
from web.cases.queries import get_procedures_for_user


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return redirect(home_url_name(request))


def home_url_name(request: HttpRequest) -> str:
    return "cases:case-list" if is_auditor(request.user) else "cases:inbox"


def nav(request: HttpRequest) -> dict[str, Callable[[], bool]]:
    """Template context: ``can_start_cases`` is asked (a query) only when the menu is drawn."""

    def can_start_cases() -> bool:
        return request.user.is_authenticated and bool(get_procedures_for_user(request.user))

    return {"can_start_cases": can_start_cases}
