"""Where a signed-in person lands, and what the top menu offers them.

The inbox is home for the people who work on cases; an auditor of the Contraloría has no
activities, so theirs is the case list (read only). "Start a case" is offered only to
people who may start a case of some procedure."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from web.accounts.models import Profile
from web.cases.permissions import is_auditor
from web.catalog.models import CatalogManual, ManualKind


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return redirect(home_url_name(request))


def home_url_name(request: HttpRequest) -> str:
    return "cases:case-list" if is_auditor(request.user) else "cases:inbox"


def nav(request: HttpRequest) -> dict[str, Callable[[], bool]]:
    """Template context: ``can_start_cases`` is asked (one query) only when the menu is
    drawn, and once per page however many times the page asks."""
    answer: list[bool] = []

    def can_start_cases() -> bool:
        if not answer:
            answer.append(may_start_cases(request.user))
        return answer[0]

    return {"can_start_cases": can_start_cases}


#: How many units up a manual may be from the person's unit and still be theirs.
DEPTH = 6


def may_start_cases(user: User | AbstractBaseUser | AnonymousUser) -> bool:
    """In one query (the menu is on every page): an active person of a unit, not an
    auditor, whose unit or a unit above it runs a procedures manual still in force
    (administrators also those with no unit yet). The form lists the procedures."""
    if not isinstance(user, User) or not user.is_active:
        return False
    above = [OuterRef("unit" + "__parent" * level) for level in range(DEPTH)]
    theirs = Q(unit__isnull=True) if user.is_staff else Q(pk__in=[])
    for unit in above:
        theirs |= Q(unit=unit)
    manuals = CatalogManual.objects.filter(
        theirs,
        kind=ManualKind.PROCEDURES,
        retired_at__isnull=True,
        versions__procedures__retired_at__isnull=True,
    )
    profiles = Profile.objects.filter(user=user, is_auditor=False, unit__isnull=False)
    return profiles.filter(Exists(manuals)).exists()
