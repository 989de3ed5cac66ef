"""The rows of the kept figures. Plain ids rather than foreign keys: the rows are sums,
written by upserts in the transaction of a case's change, and never joined."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

#: Columns counted on the day something happened.
COUNTS: tuple[str, ...] = (
    "received",
    "completed",
    "cancelled",
    "completed_with_due",
    "completed_on_time",
)
#: Columns of interval deltas: a figure on day d is the sum of its deltas up to d.
DELTAS: tuple[str, ...] = (
    "open_delta",
    "overdue_delta",
    "at_risk_delta",
    "aged_6_delta",
    "aged_11_delta",
    "aged_21_delta",
)
FIGURES = COUNTS + DELTAS


class Figures(models.Model):
    unit_id = models.IntegerField()
    procedure_id = models.IntegerField()
    received = models.IntegerField(default=0)
    completed = models.IntegerField(default=0)
    cancelled = models.IntegerField(default=0)
    completed_with_due = models.IntegerField(default=0)
    completed_on_time = models.IntegerField(default=0)
    open_delta = models.IntegerField(default=0)
    overdue_delta = models.IntegerField(default=0)
    at_risk_delta = models.IntegerField(default=0)
    aged_6_delta = models.IntegerField(default=0)
    aged_11_delta = models.IntegerField(default=0)
    aged_21_delta = models.IntegerField(default=0)

    class Meta:
        abstract = True


class DayFigures(Figures):
    """A unit's figures of one procedure version on one local day."""

    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "unit_id", "procedure_id"], name="day_figures")
        ]
        verbose_name = _("figures of a day")
        verbose_name_plural = _("figures of days")


class MonthFigures(Figures):
    """The same, summed over a month (``month`` is its first day)."""

    month = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "unit_id", "procedure_id"], name="month_figures"
            )
        ]
        verbose_name = _("figures of a month")
        verbose_name_plural = _("figures of months")


class Lead(models.Model):
    unit_id = models.IntegerField()
    procedure_id = models.IntegerField()
    #: Días hábiles from the opening day to the closing day.
    lead = models.IntegerField()
    count = models.IntegerField(default=0)

    class Meta:
        abstract = True


class DayLeads(Lead):
    """How many cases completed on ``day`` took ``lead`` días hábiles."""

    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "unit_id", "procedure_id", "lead"], name="day_leads"
            )
        ]
        verbose_name = _("lead times of a day")
        verbose_name_plural = _("lead times of days")


class MonthLeads(Lead):
    month = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["month", "unit_id", "procedure_id", "lead"], name="month_leads"
            )
        ]
        verbose_name = _("lead times of a month")
        verbose_name_plural = _("lead times of months")
