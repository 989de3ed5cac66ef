"""Pages of the planning app (thin: forms in ``forms.py``, writes in ``actions``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from web.planning.permissions import can_edit_plans, can_read_planning

View = Callable[..., HttpResponse]


def reader(view: View) -> View:
    """Signed-in staff who read planning."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_read_planning(request.user):
            raise PermissionDenied(_("Planning is read by the municipality's staff."))
        return view(request, *args, **kwargs)

    return wrapped


def editor(view: View) -> View:
    """The planning institute's staff."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_edit_plans(request.user):
            raise PermissionDenied(_("Only the planning institute edits plans and liaisons."))
        return view(request, *args, **kwargs)

    return wrapped


def user_of(request: HttpRequest) -> User:
    """The signed-in person (the decorators above let no one else through)."""
    if not isinstance(request.user, User):
        raise PermissionDenied(_("Sign in first."))
    return request.user
