"""The open-data catalogue: datasets with the metadata of the municipal registration form
(FORM.317), their resources (files), each resource's dated versions, and the rows of a
tabular resource's current version (what ``datastore_search`` pages through)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Theme(models.TextChoices):
    """Tema: the categories a municipal portal files its datasets under."""

    INFRASTRUCTURE = "infraestructura", _("Infrastructure and public services")
    MOBILITY = "movilidad", _("Mobility and transport")
    HEALTH = "salud", _("Health and wellbeing")
    OPEN_GOVERNMENT = "gobierno-abierto", _("Open government")
    FINANCE = "finanzas", _("Public finance")
    ECONOMY = "economia", _("Economy and employment")
    SECURITY = "seguridad", _("Security and justice")
    CULTURE = "cultura", _("Arts and culture")
    ENVIRONMENT = "medio-ambiente", _("Environment")
    TOURISM = "turismo", _("Tourism")


class Frequency(models.TextChoices):
    DAILY = "diario", _("daily")
    WEEKLY = "semanal", _("weekly")
    FORTNIGHTLY = "quincenal", _("fortnightly")
    MONTHLY = "mensual", _("monthly")
    BIMONTHLY = "bimestral", _("every two months")
    QUARTERLY = "trimestral", _("quarterly")
    SEMIANNUAL = "semestral", _("every six months")
    ANNUAL = "anual", _("yearly")
    IRREGULAR = "irregular", _("irregularly")


class Licence(models.TextChoices):
    CC_BY = "CC-BY-4.0", _("Creative Commons Attribution 4.0")
    CC0 = "CC0-1.0", _("Creative Commons Zero 1.0 (public domain)")
    ODBL = "ODbL-1.0", _("Open Data Commons ODbL 1.0")


class Format(models.TextChoices):
    CSV = "CSV", "CSV"
    JSON = "JSON", "JSON"
    XLSX = "XLSX", "XLSX"
    GEOJSON = "GeoJSON", "GeoJSON"


class Dataset(models.Model):
    """A conjunto de datos. Public only once its publication case published it
    (``published_at``); ``source`` names the registered data source Folio generates it
    from (``web/datasets.py``), empty for uploaded data."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.SlugField(_("short name"), max_length=100, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.PROTECT, related_name="datasets", verbose_name=_("unit")
    )
    theme = models.CharField(_("theme"), max_length=30, choices=Theme.choices)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    frequency = models.CharField(_("update frequency"), max_length=20, choices=Frequency.choices)
    licence = models.CharField(
        _("licence"), max_length=20, choices=Licence.choices, default=Licence.CC_BY
    )
    spatial = models.CharField(_("geographic coverage"), max_length=200, blank=True)
    coverage_start = models.DateField(_("first date covered"), null=True, blank=True)
    coverage_end = models.DateField(_("last date covered"), null=True, blank=True)
    source = models.CharField(max_length=100, blank=True, db_index=True)
    case = models.OneToOneField(
        "cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="dataset"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    #: Title, description, keywords and unit, folded, for the catalogue's search.
    search_text = models.TextField(blank=True, default="", editable=False)

    class Meta:
        ordering = ["title"]
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.published_at is not None


class Resource(models.Model):
    """One file of a dataset; its data dictionary is a Frictionless Table Schema."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="resources")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    schema = models.JSONField(_("data dictionary"), default=dict)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["position", "created_at"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def __str__(self) -> str:
        return self.name

    def current(self) -> ResourceVersion | None:
        return self.versions.order_by("-number").first()


class ResourceVersion(models.Model):
    """The file of a resource as of a date; the newest is the one served."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    file = models.FileField(max_length=200)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64)
    row_count = models.PositiveIntegerField(default=0)
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["resource", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "number"], name="one_number_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.resource} v{self.number}"


class DataRow(models.Model):
    """A row of a tabular resource's current version, stored once when the version is
    added so that ``datastore_search`` reads an indexed table instead of the file."""

    #: No index of its own: the unique (resource, number) index serves it.
    resource = models.ForeignKey(
        Resource, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    number = models.PositiveIntegerField()
    data = models.JSONField()
    #: The row's values, folded, for ``q``.
    text = models.TextField(default="")

    class Meta:
        ordering = ["resource", "number"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "number"], name="one_row_per_number")
        ]
