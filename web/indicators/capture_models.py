"""Values of the manuals' *captura manual* indicators, entered by hand per month.

A capture is never changed: a correction is a new capture of the same indicator and
month that names the one it corrects, so the history of every figure stays readable
and each capture is in the log. The indicator is named by its manual, its procedure's
code and its name, which stay the same across versions of the manual."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from web.catalog.models import CatalogManual, Procedure


class IndicatorCapture(models.Model):
    manual = models.ForeignKey(CatalogManual, on_delete=models.PROTECT, related_name="+")
    #: The version of the procedure in force when captured (its formula, its factor).
    procedure = models.ForeignKey(Procedure, on_delete=models.PROTECT, related_name="+")
    procedure_code = models.CharField(_("procedure"), max_length=60)
    indicator_name = models.CharField(_("indicator"), max_length=500)
    #: The first day of the month the value is for.
    month = models.DateField(_("month"))
    numerator = models.DecimalField(
        _("numerator"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    denominator = models.DecimalField(
        _("denominator"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    factor = models.FloatField(_("factor"))
    #: numerator ÷ denominator × factor, or the value written directly.
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4)
    note = models.TextField(_("note"), blank=True)
    evidence_name = models.CharField(_("evidence"), max_length=255)
    evidence_file = models.CharField(max_length=200)
    evidence_sha256 = models.CharField(max_length=64)
    captured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    captured_at = models.DateTimeField(_("captured"))
    corrects = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )

    class Meta:
        ordering = ["-captured_at", "-pk"]
        indexes = [
            models.Index(fields=["manual", "procedure_code", "month"], name="capture_by_indicator")
        ]
        verbose_name = _("captured indicator value")
        verbose_name_plural = _("captured indicator values")

    def __str__(self) -> str:
        return f"{self.indicator_name} {self.month:%Y-%m}: {self.value}"

    @property
    def direct(self) -> bool:
        """The value was written directly, not computed from numerator and denominator."""
        return self.numerator is None
