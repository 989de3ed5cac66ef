"""Where a signed-in person lands, and what the top menu offers them.

The inbox is home for the people who work on cases; an auditor of the Contraloría has no
activities, so theirs is the case list (read only). "Start a case" is offered only to
people who may start a case of some procedure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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
    """Template context: ``can_start_cases`` and ``can_read_indicators`` are asked (one
    query for both) only when the menu is drawn, and once per page however many times
    the page asks."""
    facts: list[MenuFacts] = []

    def menu() -> MenuFacts:
        if not facts:
            facts.append(menu_facts(request.user))
        return facts[0]

    return {
        "can_start_cases": lambda: menu().starts_cases,
        "can_read_indicators": lambda: menu().reads_indicators,
    }


#: How many units up a manual may be from the person's unit and still be theirs.
DEPTH = 6


@dataclass(frozen=True)
class MenuFacts:
    starts_cases: bool = False
    reads_indicators: bool = False


def menu_facts(user: User | AbstractBaseUser | AnonymousUser) -> MenuFacts:
    """In one query (the menu is on every page). A person may start cases when active,
    not an auditor, of a unit whose unit or a unit above it runs a procedures manual
    still in force (administrators also those with no unit yet; the form lists the
    procedures). Heads of unit and auditors read the indicators."""
    if not isinstance(user, User) or not user.is_active:
        return MenuFacts()
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
    row = (
        Profile.objects.filter(user=user)
        .annotate(runs=Exists(manuals))
        .values_list("is_head", "is_auditor", "unit_id", "runs")
        .first()
    )
    if row is None:
        return MenuFacts()
    is_head, auditor, unit_id, runs = row
    starts = bool(runs) and not auditor and unit_id is not None
    return MenuFacts(starts_cases=starts, reads_indicators=bool(is_head or auditor))
