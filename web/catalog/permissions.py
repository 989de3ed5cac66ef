"""Who may change the catalog. Views check these and answer 403 (``PermissionDenied``).

- Administrators (active ``is_staff`` people) edit manuals and write new procedures;
  auditors of the Contraloría read them and change nothing, even when they are staff.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User

from web.accounts.models import Profile

AnyUser = User | AbstractBaseUser | AnonymousUser


def can_edit_manuals(user: AnyUser) -> bool:
    if not isinstance(user, User) or not user.is_active or not user.is_staff:
        return False
    return not Profile.objects.filter(user=user, is_auditor=True).exists()
