"""The role directory: who acts as each role (searched, a page at a time), adding and
taking out one person at a time, and merging a spelling of a role after confirming what
moves. Malformed requests get a 400 page that says what was wrong, in Spanish."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from web.catalog.actions import merge_roles
from web.catalog.errors import CatalogError
from web.catalog.models import Role
from web.catalog.permissions import staff_required
from web.catalog.role_actions import add_role_member, remove_role_member
from web.catalog.roles import merge_preview, merge_suggestions, roles_for_directory

PER_PAGE = 25


@login_required
def role_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    page = Paginator(roles_for_directory(query), PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "q": query,
        "query": urlencode({"q": query}) if query else "",
        "suggestions": merge_suggestions() if not query else [],
        "people": User.objects.filter(is_active=True).order_by("first_name", "last_name"),
    }
    return render(request, "catalog/role_list.html", context)


@staff_required
@require_POST
def role_member_add(request: HttpRequest, pk: int) -> HttpResponse:
    role = get_object_or_404(Role, pk=pk)
    person = _active_person(request.POST.get("person"))
    if person is None:
        return _refused(request, _("Choose an active person to add to «%(role)s».") % _of(role))
    try:
        added = add_role_member(role, person, actor=_user(request))
    except CatalogError as err:
        return _refused(request, str(err))
    words = {"person": _name(person), **_of(role)}
    if added:
        messages.success(request, _("%(person)s now acts as «%(role)s».") % words)
    else:
        messages.info(request, _("%(person)s already acts as «%(role)s».") % words)
    return _back(request, role)


@staff_required
@require_POST
def role_member_remove(request: HttpRequest, pk: int) -> HttpResponse:
    role = get_object_or_404(Role, pk=pk)
    person = _person(request.POST.get("person"))
    if person is None:
        return _refused(request, _("Choose a person of «%(role)s» to take out.") % _of(role))
    remove_role_member(role, person, actor=_user(request))
    words = {"person": _name(person), **_of(role)}
    messages.success(request, _("%(person)s no longer acts as «%(role)s».") % words)
    return _back(request, role)


@staff_required
def role_merge(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: what merging this spelling would move, and a button; POST: merge."""
    variant = get_object_or_404(Role, pk=pk)
    data = request.POST if request.method == "POST" else request.GET
    into = _role(data.get("into"))
    if into is None:
        return _refused(request, _("Say which role «%(role)s» is merged into.") % _of(variant))
    if into.pk == variant.pk:
        return _refused(request, _("A role cannot be merged into itself."))
    if request.method != "POST":
        context = {"preview": merge_preview(variant, into), "q": data.get("q", "")}
        return render(request, "catalog/role_merge.html", context)
    merge_roles(variant, into, actor=_user(request))
    words = {"variant": variant.name, "into": into.name}
    messages.success(request, _("«%(variant)s» is now a spelling of «%(into)s».") % words)
    return _back(request, into)


def _number(raw: str | None) -> int | None:
    text = (raw or "").strip()
    return int(text) if text.isdigit() and len(text) <= 18 else None


def _person(raw: str | None) -> User | None:
    pk = _number(raw)
    return User.objects.filter(pk=pk).first() if pk is not None else None


def _active_person(raw: str | None) -> User | None:
    person = _person(raw)
    return person if person is not None and person.is_active else None


def _role(raw: str | None) -> Role | None:
    pk = _number(raw)
    return Role.objects.filter(pk=pk).first() if pk is not None else None


def _refused(request: HttpRequest, reason: str) -> HttpResponse:
    return render(request, "catalog/role_refused.html", {"reason": reason}, status=400)


def _back(request: HttpRequest, role: Role) -> HttpResponse:
    """To the directory page the form was on (its search and page), at the role."""
    query = {k: request.POST[k] for k in ("q", "page") if request.POST.get(k)}
    suffix = f"?{urlencode(query)}" if query else ""
    return HttpResponseRedirect(f"{reverse('catalog:role-list')}{suffix}#rol-{role.pk}")


def _of(role: Role) -> dict[str, str]:
    return {"role": role.name}


def _name(person: User) -> str:
    return person.get_full_name() or person.username


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None
