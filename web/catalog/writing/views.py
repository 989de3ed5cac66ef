"""Pages to write a manual: "Nuevo manual" and "Editar datos del manual" (staff who may
edit manuals). Each parses the form, calls one action and redirects to the manual."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import pgettext

from web.catalog.errors import CatalogError
from web.catalog.models import CatalogManual
from web.catalog.permissions import can_edit_manuals
from web.catalog.writing import CONTEXT
from web.catalog.writing.actions import create_manual, edit_manual_header
from web.catalog.writing.forms import ManualForms


@login_required
def manual_create(request: HttpRequest) -> HttpResponse:
    user = _editor(request)
    forms = ManualForms(request.POST or None, note_required=False)
    if request.method == "POST" and forms.is_valid():
        data = forms.header.cleaned_data
        catalog = create_manual(
            unit=data["unit"], header=forms.manual_fields(), user=user, note=data["note"]
        )
        messages.success(request, pgettext(CONTEXT, "Manual created. Add its procedures."))
        return redirect("catalog:manual-detail", pk=catalog.pk)
    return render(request, "catalog/manual_form.html", {"forms": forms, "manual": None})


@login_required
def manual_header_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _editor(request)
    catalog = get_object_or_404(CatalogManual, pk=pk)
    forms = ManualForms(request.POST or None, catalog=catalog, note_required=True)
    if request.method == "POST" and forms.is_valid():
        data = forms.header.cleaned_data
        try:
            version = edit_manual_header(
                catalog,
                unit=data["unit"],
                header=forms.manual_fields(),
                user=user,
                note=data["note"],
            )
        except CatalogError as err:
            forms.header.add_error(None, str(err))
        else:
            messages.success(
                request, pgettext(CONTEXT, "Saved as version %(n)s.") % {"n": version.number}
            )
            return redirect("catalog:manual-detail", pk=catalog.pk)
    return render(request, "catalog/manual_form.html", {"forms": forms, "manual": catalog})


def _editor(request: HttpRequest) -> User:
    """The signed-in user, when they may write manuals."""
    user = request.user
    if not isinstance(user, User) or not can_edit_manuals(user):
        raise PermissionDenied(pgettext(CONTEXT, "Only catalog editors may write manuals."))
    return user
