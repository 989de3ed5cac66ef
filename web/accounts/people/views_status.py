"""The buttons of a person's page: roles added and removed one at a time (plain forms,
no JavaScript), deactivation and reactivation, held activities released, a link to
choose a password mailed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from web.accounts.people.actions import (
    PersonError,
    deactivate_person,
    reactivate_person,
    release_person_tasks,
    send_person_link,
    set_person_roles,
)
from web.accounts.people.forms import DeactivateForm
from web.accounts.people.queries import display_name, roles
from web.accounts.people.views import person_for


@login_required
@require_POST
def person_role_add(request: HttpRequest, pk: int) -> HttpResponse:
    actor, person = person_for(request, pk)
    role = get_object_or_404(roles(), pk=_number(request.POST.get("role")))
    try:
        set_person_roles(person, [*person.folio_roles.all(), role], actor=actor)
    except PersonError as err:
        messages.error(request, str(err))
    else:
        messages.success(request, _("Role %(role)s added.") % {"role": role.name})
    return redirect("accounts:person-detail", pk=person.pk)


@login_required
@require_POST
def person_role_remove(request: HttpRequest, pk: int, role_pk: int) -> HttpResponse:
    actor, person = person_for(request, pk)
    role = get_object_or_404(person.folio_roles.all(), pk=role_pk)
    set_person_roles(person, person.folio_roles.exclude(pk=role.pk), actor=actor)
    messages.success(request, _("Role %(role)s removed.") % {"role": role.name})
    return redirect("accounts:person-detail", pk=person.pk)


@login_required
@require_POST
def person_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    actor, person = person_for(request, pk)
    form = DeactivateForm(request.POST)
    release = form.is_valid() and form.cleaned_data["release"]
    try:
        released = deactivate_person(person, actor=actor, release_tasks=release)
    except PersonError as err:
        messages.error(request, str(err))
    else:
        messages.success(
            request, _("%(name)s can no longer sign in.") % {"name": display_name(person)}
        )
        if released:
            messages.info(request, _released(released))
    return redirect("accounts:person-detail", pk=person.pk)


@login_required
@require_POST
def person_reactivate(request: HttpRequest, pk: int) -> HttpResponse:
    actor, person = person_for(request, pk)
    try:
        reactivate_person(person, actor=actor)
    except PersonError as err:
        messages.error(request, str(err))
    else:
        messages.success(request, _("%(name)s may sign in again.") % {"name": display_name(person)})
    return redirect("accounts:person-detail", pk=person.pk)


@login_required
@require_POST
def person_tasks_release(request: HttpRequest, pk: int) -> HttpResponse:
    actor, person = person_for(request, pk)
    released = release_person_tasks(person, actor=actor)
    messages.success(request, _released(released))
    return redirect("accounts:person-detail", pk=person.pk)


@login_required
@require_POST
def person_link_send(request: HttpRequest, pk: int) -> HttpResponse:
    actor, person = person_for(request, pk)
    try:
        send_person_link(person, actor=actor)
    except PersonError as err:
        messages.error(request, str(err))
    else:
        words = {"email": person.email}
        messages.success(request, _("A link to choose a password was sent to %(email)s.") % words)
    return redirect("accounts:person-detail", pk=person.pk)


def _released(count: int) -> str:
    text = ngettext(
        "%(n)d activity went back to its role's queue.",
        "%(n)d activities went back to their roles' queues.",
        count,
    )
    return text % {"n": count}


def _number(raw: str | None) -> int:
    return int(raw) if raw and raw.isdigit() else 0
