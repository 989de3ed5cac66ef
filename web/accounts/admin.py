"""The Django admin, for operators (staff work happens in Folio's own pages): units,
and people with their profile, with permission names in Spanish."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.db.models import ManyToManyField
from django.forms import ModelMultipleChoiceField
from django.http import HttpRequest

from web.accounts.models import Profile, Unit
from web.accounts.permission_names import PermissionChoiceField


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "folio_prefix"]
    search_fields = ["name", "folio_prefix"]
    list_select_related = ["parent"]


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    fields = ["unit", "position", "is_head", "is_auditor"]


class SpanishPermissionsMixin:
    """Permission checklists labelled in Spanish (``permission_names``)."""

    def formfield_for_manytomany(
        self, db_field: ManyToManyField[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> ModelMultipleChoiceField[Any] | None:
        if db_field.name in ("user_permissions", "permissions"):
            kwargs["form_class"] = PermissionChoiceField
        return super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]


class FolioUserAdmin(SpanishPermissionsMixin, UserAdmin):
    inlines = [ProfileInline]
    list_display = ["username", "first_name", "last_name", "is_active", "is_staff"]


class FolioGroupAdmin(SpanishPermissionsMixin, GroupAdmin):
    pass


admin.site.unregister(User)
admin.site.register(User, FolioUserAdmin)
admin.site.unregister(Group)
admin.site.register(Group, FolioGroupAdmin)
