"""Who may change the catalog. Views check these and answer 403 (``PermissionDenied``).

- Administrators (active ``is_staff`` people) edit manuals and write new procedures;
  auditors of the Contraloría read them and change nothing, even when they are staff.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from web.accounts.models import Profile

AnyUser = User | AbstractBaseUser | AnonymousUser


def can_edit_manuals(user: AnyUser) -> bool:
    if not isinstance(user, User) or not user.is_active or not user.is_staff:
        return False
    return not Profile.objects.filter(user=user, is_auditor=True).exists()


def staff_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Like ``staff_member_required``, but a signed-in person who is not an administrator
    gets the 403 page saying why, not the sign-in page (they are signed in already)."""

    @wraps(view)
    def check(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (isinstance(user, User) and user.is_active and user.is_staff):
            raise PermissionDenied(_("Only administrators may do this."))
        return view(request, *args, **kwargs)

    return check
