"""People pages for administrators: the list, one person's page, the person form.
Anyone else gets the 403 page. Views parse, call one action or query, and render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from web.accounts.people.actions import PersonError, create_person, update_person
from web.accounts.people.forms import PeopleSearchForm, PersonCreateForm, PersonForm
from web.accounts.people.permissions import can_change_person, can_manage_people
from web.accounts.people.queries import (
    ACTIVE,
    display_name,
    people_by_ids,
    person_page,
    search_people,
)

PAGE_SIZE = 25


def administrator(request: HttpRequest) -> User:
    """The signed-in administrator; 403 for anyone else."""
    user = request.user
    if not isinstance(user, User) or not can_manage_people(user):
        raise PermissionDenied(_("Only an administrator may manage people."))
    return user


def person_for(request: HttpRequest, pk: int) -> tuple[User, User]:
    """(administrator, person) when the administrator may change that person."""
    actor = administrator(request)
    person = get_object_or_404(User.objects.select_related("profile__unit"), pk=pk)
    if not can_change_person(actor, person):
        raise PermissionDenied(_("Only a superuser may change a superuser."))
    return actor, person


@login_required
@require_GET
def person_list(request: HttpRequest) -> HttpResponse:
    administrator(request)
    form = PeopleSearchForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    ids = search_people(data.get("q", ""), data.get("estado") or ACTIVE)
    page = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "people": people_by_ids(list(page.object_list)),
        "query": query.urlencode(),
    }
    return render(request, "accounts/person_list.html", context)


@login_required
def person_create(request: HttpRequest) -> HttpResponse:
    actor = administrator(request)
    form = PersonCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            person = create_person(
                form.data_for_action(),
                actor=actor,
                roles=form.cleaned_data["roles"],
                password=form.password_for_action(),
            )
        except PersonError as err:
            form.add_error(None, str(err))
        else:
            messages.success(request, _("%(name)s was added.") % {"name": display_name(person)})
            return redirect("accounts:person-detail", pk=person.pk)
    status = 400 if form.errors else 200
    return render(request, "accounts/person_form.html", {"form": form}, status=status)


@login_required
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    actor, person = person_for(request, pk)
    initial = PersonForm.initial_for(person)
    form = PersonForm(request.POST or None, initial=initial, person=person)
    if request.method == "POST" and form.is_valid():
        try:
            update_person(person, form.data_for_action(), actor=actor)
        except PersonError as err:
            form.add_error(None, str(err))
        else:
            messages.success(
                request, _("Changes to %(name)s saved.") % {"name": display_name(person)}
            )
            return redirect("accounts:person-detail", pk=person.pk)
    context = {"form": form, "person": person}
    status = 400 if form.errors else 200
    return render(request, "accounts/person_form.html", context, status=status)


@login_required
@require_GET
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _actor, person = person_for(request, pk)
    role_text = request.GET.get("rol", "")[:200]
    context = {"page": person_page(person, role_text), "role_text": role_text}
    return render(request, "accounts/person_detail.html", context)
