"""``{% load manual_writing %}``: ``user|can_edit_manuals`` for the links to write a manual."""

from __future__ import annotations

from django import template

from web.catalog.permissions import AnyUser
from web.catalog.permissions import can_edit_manuals as _can_edit_manuals

register = template.Library()


@register.filter
def can_edit_manuals(user: AnyUser) -> bool:
    return _can_edit_manuals(user)
