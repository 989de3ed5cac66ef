"""Citizen reports (072 line, web form, Open311 clients) as cases of a procedure.

The service catalogue says which procedure handles each report type and which
dependencia answers for it. A report is the public side of a case (type, description,
location, dates); the reporter's name and contacts live apart, in ``Reporter``, read only
by the roles that need them (``permissions.py``) and deleted after the retention period
(``folio citizens purge``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Datatype(models.TextChoices):
    """The Open311 GeoReport v2 attribute datatypes."""

    STRING = "string", _("Short text")
    NUMBER = "number", _("Number")
    DATETIME = "datetime", _("Date and time")
    TEXT = "text", _("Long text")
    SINGLE = "singlevaluelist", _("One of a list")
    MULTI = "multivaluelist", _("Several of a list")


class ServiceType(models.Model):
    """A report type (luminaria apagada, bache…): an Open311 service."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    group = models.CharField(_("group"), max_length=100, blank=True)
    keywords = models.CharField(_("keywords"), max_length=300, blank=True)
    #: The procedure whose cases handle reports of this type (its current version runs).
    procedure = models.ForeignKey(
        "catalog.Procedure", on_delete=models.PROTECT, related_name="+", verbose_name=_("procedure")
    )
    #: The responsible dependencia (Open311 ``agency_responsible``).
    unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("dependencia")
    )
    #: The account reports are registered as (the 072 portal's account).
    opened_as = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("registered as"),
    )
    #: Activity number → public state reached when that activity waits ("3": "asignada").
    stages = models.JSONField(_("public states"), default=dict, blank=True)
    active = models.BooleanField(_("active"), default=True)
    #: The Open311 discovery's ``changeset``: when the catalogue last changed.
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["group", "name"]
        verbose_name = _("report type")
        verbose_name_plural = _("report types")

    def __str__(self) -> str:
        return self.name


class ServiceAttribute(models.Model):
    """A question a report of the type answers (Open311 service definition attribute)."""

    service = models.ForeignKey(ServiceType, on_delete=models.CASCADE, related_name="attributes")
    code = models.SlugField(_("code"), max_length=60)
    description = models.CharField(_("question"), max_length=300)
    datatype = models.CharField(_("datatype"), max_length=20, choices=Datatype.choices)
    datatype_description = models.CharField(_("datatype description"), max_length=200, blank=True)
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveIntegerField(_("order"), default=1)
    #: For lists: [[key, name], ...].
    values = models.JSONField(_("values"), default=list, blank=True)

    class Meta:
        ordering = ["service", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["service", "code"], name="unique_attribute_code")
        ]
        verbose_name = _("attribute")
        verbose_name_plural = _("attributes")

    def __str__(self) -> str:
        return f"{self.service.code}/{self.code}"


class ApiClient(models.Model):
    """An application that posts reports over Open311 with its own ``api_key``. Only the
    key's SHA-256 is kept; the key is shown once, when it is made."""

    name = models.CharField(_("application"), max_length=200)
    contact = models.EmailField(_("contact email"), blank=True)
    key_hash = models.CharField(max_length=64, unique=True)
    key_hint = models.CharField(_("key starts with"), max_length=8)
    per_minute = models.PositiveIntegerField(_("requests per minute"), default=60)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Open311 application")
        verbose_name_plural = _("Open311 applications")

    def __str__(self) -> str:
        return self.name


class Channel(models.TextChoices):
    WEB = "web", _("Report page")
    OPEN311 = "open311", _("Open311 application")
    PHONE = "phone", _("Phone (072)")


class Report(models.Model):
    """The public side of a citizen report: never names or contacts (see ``Reporter``)."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.PROTECT, related_name="citizen_report"
    )
    service = models.ForeignKey(ServiceType, on_delete=models.PROTECT, related_name="reports")
    description = models.TextField(_("description"), blank=True)
    lat = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    long = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    address_id = models.CharField(max_length=100, blank=True)
    zipcode = models.CharField(_("postal code"), max_length=10, blank=True)
    colonia = models.CharField(_("colonia"), max_length=150, blank=True)
    attributes = models.JSONField(default=dict, blank=True)
    media_url = models.URLField(max_length=500, blank=True)
    #: A photo sent with the web form, re-encoded without its metadata; staff only.
    photo = models.FileField(max_length=200, blank=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.WEB)
    client = models.ForeignKey(
        ApiClient, null=True, blank=True, on_delete=models.PROTECT, related_name="reports"
    )
    #: The Open311 token (clients may look the folio up by it).
    token = models.CharField(max_length=40, unique=True)
    requested_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("citizen report")
        verbose_name_plural = _("citizen reports")

    def __str__(self) -> str:
        return f"{self.case.folio} {self.service.name}"


class Reporter(models.Model):
    """The personal data of whoever filed a case (a report or an ARCO request)."""

    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="reporter")
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    device_id = models.CharField(max_length=100, blank=True)
    account_id = models.CharField(max_length=100, blank=True)
    wants_updates = models.BooleanField(_("email updates"), default=False)
    #: The public state the reporter was last told of (``folio citizens notify``).
    told_state = models.CharField(max_length=40, blank=True)
    #: When the data were deleted (the row stays, empty, so the purge is on record).
    purged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("reporter")
        verbose_name_plural = _("reporters")

    def __str__(self) -> str:
        return f"{self.case_id}"

    @property
    def is_empty(self) -> bool:
        fields = (self.first_name, self.last_name, self.email, self.phone)
        return not any(fields + (self.device_id, self.account_id))


class PublicNote(models.Model):
    """A note staff write for the reporter: shown on the folio page and in Open311."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="public_notes")
    text = models.TextField(_("public note"))
    created_at = models.DateTimeField(default=timezone.now)
    #: Kept for the record; never shown on public pages or in Open311.
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["report", "created_at", "pk"]
        verbose_name = _("public note")
        verbose_name_plural = _("public notes")

    def __str__(self) -> str:
        return self.text[:60]


class ArcoRight(models.TextChoices):
    ACCESS = "acceso", _("Access")
    RECTIFICATION = "rectificacion", _("Rectification")
    CANCELLATION = "cancelacion", _("Cancellation")
    OPPOSITION = "oposicion", _("Opposition")


class ArcoRequest(models.Model):
    """A request to exercise an ARCO right: a case of the ARCO procedure; the requester's
    data are its ``Reporter``."""

    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="arco")
    right = models.CharField(_("right"), max_length=20, choices=ArcoRight.choices)
    about_folio = models.CharField(_("folio of the report"), max_length=40, blank=True)
    details = models.TextField(_("what you ask"))
    requested_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("ARCO request")
        verbose_name_plural = _("ARCO requests")

    def __str__(self) -> str:
        return f"{self.case_id} {self.right}"


class Settings(models.Model):
    """The one row of the app's settings an administrator sets: the ARCO procedure, and
    the account ARCO requests are registered as."""

    arco_procedure = models.ForeignKey(
        "catalog.Procedure", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    arco_opened_as = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("citizens settings")
        verbose_name_plural = _("citizens settings")

    def __str__(self) -> str:
        return "citizens settings"
