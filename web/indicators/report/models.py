"""Monthly reports as generated: the file is kept unchanged (addressed by its SHA-256)
and the hash is also in the log, so a published report can be shown as it was and
checked against both."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from web.accounts.models import Unit


class ReportFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    XLSX = "xlsx", "XLSX"
    CSV = "csv", "CSV"


CONTENT_TYPES = {
    ReportFormat.PDF: "application/pdf",
    ReportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ReportFormat.CSV: "text/csv; charset=utf-8",
}


class StoredReport(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    #: The first day of the month reported.
    month = models.DateField(_("month"))
    format = models.CharField(_("format"), max_length=4, choices=ReportFormat.choices)
    file = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    #: None when generated from the command line.
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    generated_at = models.DateTimeField(_("generated"))

    class Meta:
        ordering = ["-generated_at", "-pk"]
        verbose_name = _("monthly report")
        verbose_name_plural = _("monthly reports")

    def __str__(self) -> str:
        return self.filename

    @property
    def filename(self) -> str:
        slug = (self.unit.folio_prefix or f"unidad-{self.unit_id}").lower()
        return f"informe-mensual-{slug}-{self.month:%Y-%m}.{self.format}"

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[ReportFormat(self.format)]
