"""The notice ledger for operators, read-only: rows are written by ``folio notify``."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from web.notifications.models import Notice


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["sent_at", "kind", "email", "task"]
    list_filter = ["kind"]
    search_fields = ["email", "task__case__folio"]
    list_select_related = ["task__case"]
    date_hierarchy = "sent_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Notice | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Notice | None = None) -> bool:
        return False
