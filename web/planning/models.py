"""Planning: the Plan Municipal de Desarrollo, each dependencia's Programa Anual de
Trabajo with its metas, the Enlaces of planning, and the monthly progress they capture
(each capture runs as a case of the procedure «Captura y validación del avance mensual»)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PERCENT = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))]


class Pmd(models.Model):
    """A Plan Municipal de Desarrollo for an administration's years."""

    name = models.CharField(_("name"), max_length=300)
    start_year = models.PositiveIntegerField(_("first year"))
    end_year = models.PositiveIntegerField(_("last year"))

    class Meta:
        ordering = ["-start_year"]
        verbose_name = _("municipal development plan")

    def __str__(self) -> str:
        return f"{self.name} ({self.start_year}–{self.end_year})"


class Level(models.TextChoices):
    EJE = "eje", _("Axis")
    OBJETIVO = "objetivo", _("Objective")
    ESTRATEGIA = "estrategia", _("Strategy")
    LINEA = "linea", _("Line of action")


class PlanElement(models.Model):
    """An eje, objetivo, estrategia or línea de acción; ``key`` is dotted (1.2.3.4)."""

    pmd = models.ForeignKey(Pmd, on_delete=models.CASCADE, related_name="elements")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    key = models.CharField(_("key"), max_length=20)
    title = models.TextField(_("description"))
    indicators = models.TextField(_("indicators"), blank=True, help_text=_("One per line."))
    implementation = models.DecimalField(
        _("implementation level (%)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=PERCENT,
    )
    ods_targets = models.JSONField(_("ODS targets"), default=list, blank=True)
    sort_key = models.CharField(max_length=40, editable=False, default="")

    class Meta:
        ordering = ["pmd", "sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["pmd", "key"], name="planning_element_unique_key")
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.title}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.sort_key = ".".join(part.zfill(3) for part in self.key.split("."))
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def indicator_list(self) -> list[str]:
        return [line.strip() for line in self.indicators.splitlines() if line.strip()]


class PlanAlignment(models.Model):
    """An item of the state or national plan a plan element serves (free code and text)."""

    class Plan(models.TextChoices):
        ESTATAL = "estatal", _("State plan")
        NACIONAL = "nacional", _("National plan")

    element = models.ForeignKey(PlanElement, on_delete=models.CASCADE, related_name="alignments")
    plan = models.CharField(_("plan"), max_length=10, choices=Plan.choices)
    code = models.CharField(_("code"), max_length=40)
    text = models.CharField(_("text"), max_length=500)

    class Meta:
        ordering = ["plan", "code"]


class EnlaceRole(models.TextChoices):
    PLANEACION = "planeacion", _("Planning operative liaison")
    PRESUPUESTACION = "presupuestacion", _("Budgeting liaison")
    EVALUACION = "evaluacion", _("Evaluation liaison")


class Enlace(models.Model):
    """A person a dependencia's head designated (or ratified) as its liaison."""

    unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="enlaces")
    role = models.CharField(_("role"), max_length=20, choices=EnlaceRole.choices)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="enlaces"
    )
    designated_on = models.DateField(_("designation date"))
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["unit__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "role", "person"], name="planning_enlace_unique"
            )
        ]

    def __str__(self) -> str:
        name = self.person.get_full_name() or self.person.get_username()
        return f"{name} — {self.get_role_display()}"


class Pat(models.Model):
    """The Programa Anual de Trabajo of a dependencia for a fiscal year."""

    unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="pats")
    year = models.PositiveIntegerField(_("fiscal year"))

    class Meta:
        ordering = ["-year", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="planning_pat_unique")]

    def __str__(self) -> str:
        return f"PAT {self.year} — {self.unit}"


class Program(models.Model):
    pat = models.ForeignKey(Pat, on_delete=models.CASCADE, related_name="programs")
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=300)
    objective = models.TextField(_("objective"), blank=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["pat", "code"], name="planning_program_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Project(models.Model):
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="projects")
    name = models.CharField(_("name"), max_length=300)
    budget = models.DecimalField(_("budget (MXN)"), max_digits=14, decimal_places=2, default=0)
    responsible_unit = models.ForeignKey(
        "accounts.Unit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("responsible unit"),
    )
    enlace = models.ForeignKey(
        Enlace, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("liaison")
    )
    lines = models.ManyToManyField(
        PlanElement, blank=True, related_name="projects", verbose_name=_("lines of action")
    )
    ods_targets = models.JSONField(_("ODS targets"), default=list, blank=True)

    class Meta:
        ordering = ["program", "pk"]

    def __str__(self) -> str:
        return self.name


class Frequency(models.TextChoices):
    MONTHLY = "mensual", _("Monthly")
    QUARTERLY = "trimestral", _("Quarterly")


class Goal(models.Model):
    """A meta of a project: a value programmed per month (or per quarter, in its last
    month), reached month by month by capture or read from Folio's procedure measures."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="goals")
    description = models.CharField(_("goal"), max_length=400)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=100)
    frequency = models.CharField(
        _("frequency"), max_length=12, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    sentido = models.CharField(
        _("direction"),
        max_length=12,
        choices=[("ascendente", _("Ascending")), ("descendente", _("Descending"))],
        default="ascendente",
    )
    #: Twelve programmed values, January first; ``None`` where nothing is programmed.
    programmed = models.JSONField(_("programmed values"), default=list)
    live_measure = models.CharField(_("Folio measure"), max_length=40, blank=True)
    live_procedure_code = models.CharField(_("procedure code"), max_length=40, blank=True)
    live_unit = models.ForeignKey(
        "accounts.Unit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("unit of the cases"),
    )

    class Meta:
        ordering = ["project", "pk"]

    def __str__(self) -> str:
        return self.description

    def programmed_for(self, month: int) -> Decimal | None:
        values = list(self.programmed or [])
        value = values[month - 1] if 0 < month <= len(values) else None
        return None if value is None else Decimal(str(value))

    @property
    def is_live(self) -> bool:
        return bool(self.live_measure)


class ProgressState(models.TextChoices):
    SUBMITTED = "enviado", _("Submitted for review")
    RETURNED = "devuelto", _("Returned with observations")
    VALIDATED = "validado", _("Validated")


class Progress(models.Model):
    """A meta's reached value in a month, captured by an Enlace, run as a case."""

    goal = models.ForeignKey(Goal, on_delete=models.PROTECT, related_name="progress")
    month = models.PositiveSmallIntegerField(_("month"))
    value = models.DecimalField(_("value reached"), max_digits=14, decimal_places=2)
    narrative = models.TextField(_("narrative"))
    state = models.CharField(
        _("state"), max_length=10, choices=ProgressState.choices, default=ProgressState.SUBMITTED
    )
    observations = models.TextField(_("observations"), blank=True)
    case = models.OneToOneField(
        "cases.Case", on_delete=models.PROTECT, related_name="planning_progress"
    )
    captured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    captured_at = models.DateTimeField(default=timezone.now)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    validated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["goal", "month"]
        constraints = [
            models.UniqueConstraint(fields=["goal", "month"], name="planning_progress_unique")
        ]

    def __str__(self) -> str:
        return f"{self.goal} — {self.month}"

    @property
    def year(self) -> int:
        return self.goal.project.program.pat.year
