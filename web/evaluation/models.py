"""Performance evaluation: the MIR of each programa presupuestario with the fichas
técnicas of its indicators, their variables' values per period (captured or read live
from the cases), and the yearly PbR-SED self-diagnostic.

The rules (levels, frequencies, CONAC fields, semáforo, formulas) live in the pure core
``folio/planning``; these rows only keep what the planners wrote.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from folio.planning.mir import DIMENSIONS, FREQUENCY_MONTHS, LEVEL_LABELS, TYPES


def _choices(values: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
    return [(v, v[:1].upper() + v[1:]) for v in values]


LEVEL_CHOICES = list(LEVEL_LABELS.items())
FREQUENCY_CHOICES = _choices(list(FREQUENCY_MONTHS))
SENTIDO_CHOICES = _choices(["ascendente", "descendente"])
DIMENSION_CHOICES = _choices(DIMENSIONS)
TYPE_CHOICES = _choices(TYPES)


class Program(models.Model):
    """A programa presupuestario of a dependencia for one fiscal year."""

    code = models.CharField(_("code"), max_length=30)
    name = models.CharField(_("name"), max_length=300)
    unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("dependencia")
    )
    year = models.PositiveIntegerField(_("fiscal year"))

    class Meta:
        ordering = ["-year", "code"]
        constraints = [
            models.UniqueConstraint(fields=["code", "year"], name="unique_program_code_year")
        ]
        verbose_name = _("programa presupuestario")
        verbose_name_plural = _("programas presupuestarios")
        permissions = [("edit_mir", "Edit every MIR and the PbR-SED self-diagnostic")]

    def __str__(self) -> str:
        return f"{self.code} {self.name} ({self.year})"


class MirRow(models.Model):
    """A row of the matrix: Fin, Propósito, a Componente or an Actividad (under its
    Componente)."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="rows")
    level = models.CharField(_("level"), max_length=12, choices=LEVEL_CHOICES)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="activities",
        verbose_name=_("componente"),
    )
    position = models.PositiveIntegerField(default=1)
    summary = models.TextField(_("resumen narrativo"))
    verification = models.TextField(_("medios de verificación"), blank=True)
    assumptions = models.TextField(_("supuestos"), blank=True)

    class Meta:
        ordering = ["program", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.get_level_display()}: {self.summary[:60]}"


class Indicator(models.Model):
    """An indicator of a MIR row and its ficha técnica."""

    row = models.ForeignKey(MirRow, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("nombre"), max_length=300)
    definition = models.TextField(_("definición"), blank=True)
    formula = models.CharField(_("método de cálculo"), max_length=500, blank=True)
    measure_unit = models.CharField(_("unidad de medida"), max_length=100, blank=True)
    frequency = models.CharField(
        _("frecuencia de medición"), max_length=20, choices=FREQUENCY_CHOICES, blank=True
    )
    baseline_value = models.FloatField(_("línea base (valor)"), null=True, blank=True)
    baseline_year = models.PositiveIntegerField(_("línea base (año)"), null=True, blank=True)
    sentido = models.CharField(_("sentido"), max_length=12, choices=SENTIDO_CHOICES, blank=True)
    green = models.FloatField(_("verde desde (% de la meta)"), null=True, blank=True, default=90)
    yellow = models.FloatField(
        _("amarillo desde (% de la meta)"), null=True, blank=True, default=70
    )
    dimension = models.CharField(
        _("dimensión"), max_length=12, choices=DIMENSION_CHOICES, blank=True
    )
    type = models.CharField(_("tipo"), max_length=12, choices=TYPE_CHOICES, blank=True)

    class Meta:
        ordering = ["row", "pk"]

    def __str__(self) -> str:
        return self.name


class Source(models.TextChoices):
    MANUAL = "manual", _("manual capture")
    LIVE = "live", _("from the cases")


class Variable(models.Model):
    """A named variable of an indicator's formula: captured by hand per period, or read
    live from a procedure measure (``web/indicators/live.py``)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="variables")
    name = models.CharField(_("name in the formula"), max_length=60)
    description = models.CharField(_("description"), max_length=300)
    source = models.CharField(_("source"), max_length=8, choices=Source, default=Source.MANUAL)
    measure = models.CharField(_("measure"), max_length=40, blank=True)
    procedure_code = models.CharField(_("procedure code"), max_length=60, blank=True)

    class Meta:
        ordering = ["indicator", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "name"], name="unique_variable_name")
        ]

    def __str__(self) -> str:
        return self.name


class Target(models.Model):
    """The meta of an indicator for a period (1…n of the program's fiscal year)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    period = models.PositiveSmallIntegerField()
    value = models.FloatField()

    class Meta:
        ordering = ["indicator", "period"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="unique_target_period")
        ]


class Value(models.Model):
    """A manual variable's value for a period, with who captured it and when."""

    variable = models.ForeignKey(Variable, on_delete=models.CASCADE, related_name="values")
    period = models.PositiveSmallIntegerField()
    value = models.FloatField()
    captured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    captured_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["variable", "period"]
        constraints = [
            models.UniqueConstraint(fields=["variable", "period"], name="unique_value_period")
        ]


class Assessment(models.Model):
    """A year of the PbR-SED diagnostic: the municipality's answers per element, and the
    figures the SHCP published (its score, rank and the national average)."""

    year = models.PositiveIntegerField(_("year"), unique=True)
    published_score = models.FloatField(_("score published by the SHCP"), null=True, blank=True)
    national_average = models.FloatField(_("national average"), null=True, blank=True)
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    ranked = models.PositiveIntegerField(_("governments ranked"), null=True, blank=True)

    class Meta:
        ordering = ["year"]

    def __str__(self) -> str:
        return str(self.year)


class Answer(models.Model):
    """The self-assessed score (0–100 %) of one element in one year, with its evidence."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    element = models.CharField(max_length=10)
    score = models.FloatField()
    evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["assessment", "element"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "element"], name="unique_answer")
        ]
