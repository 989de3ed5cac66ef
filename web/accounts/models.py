"""Offices (units of the organization, as a tree) and the people who work in them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Unit(models.Model):
    """A dependencia, dirección or departamento. ``folio_prefix`` names its case folios
    (``DGE-2026-000123``); heads see their unit's subtree."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    folio_prefix = models.CharField(_("folio prefix"), max_length=12, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return self.name

    def subtree_ids(self) -> set[int]:
        """This unit and every unit below it."""
        ids, frontier = {self.pk}, [self.pk]
        while frontier:
            frontier = list(
                Unit.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
            )
            ids.update(frontier)
        return ids


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT)
    position = models.CharField(_("position"), max_length=200, blank=True)
    is_head = models.BooleanField(_("head of the unit"), default=False)
    is_auditor = models.BooleanField(_("auditor (Contraloría)"), default=False)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return f"{self.user} ({self.position})"
