"""Procedures run as cases: a case (with its folio) runs one procedure version; each step
it reaches becomes a task for the step's role; documents are kept by content hash; every
write leaves an entry in a hash-chained log (see ``web/cases/log.py``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from folio.manuals.cleaning import fold

# The log's models live in ``log_models``; re-exported here, where every app imports them.
from web.cases.log_models import Event as Event
from web.cases.log_models import EventKind as EventKind
from web.cases.log_models import LogHead as LogHead


class FolioCounter(models.Model):
    """The last folio number an office gave in a year. Locked while a case opens, so
    numbers are unique and gap-free (a rolled-back opening rolls the counter back)."""

    unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="unique_folio_counter")
        ]
        verbose_name = _("folio counter")
        verbose_name_plural = _("folio counters")

    def __str__(self) -> str:
        return f"{self.unit} {self.year}: {self.last}"


class CaseState(models.TextChoices):
    OPEN = "open", pgettext_lazy("case state", "Open")
    ENDED = "ended", pgettext_lazy("case state", "Ended")
    CANCELLED = "cancelled", pgettext_lazy("case state", "Cancelled")
    BLOCKED = "blocked", pgettext_lazy("case state", "Blocked")


class Case(models.Model):
    folio = models.CharField(_("folio"), max_length=40, unique=True)
    #: The procedure version the case started with; later versions leave it alone.
    procedure = models.ForeignKey(
        "catalog.Procedure", on_delete=models.PROTECT, related_name="cases"
    )
    unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="cases")
    subject = models.CharField(_("subject"), max_length=500)
    requesting_unit = models.CharField(_("requesting unit"), max_length=300, blank=True)
    oficio_number = models.CharField(_("oficio number"), max_length=100, blank=True)
    oficio_date = models.DateField(_("oficio date"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=12, choices=CaseState.choices, default=CaseState.OPEN
    )
    #: How it ended, why it is blocked or why it was cancelled, in words.
    outcome = models.TextField(_("outcome"), blank=True)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    #: None when the procedure states no time ("Variable").
    due_date = models.DateField(_("due date"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    #: Folio, subject, requesting unit and oficio number folded (lowercase, no accents),
    #: so "Juarez" finds "Juárez" on SQLite and PostgreSQL alike (no unaccent needed).
    search_text = models.TextField(blank=True, default="", editable=False)

    class Meta:
        ordering = ["-started_at", "-pk"]
        indexes = [
            models.Index(fields=["unit", "state"], name="case_unit_state"),
            # The supervisors' dashboard reads every open case's columns from this index
            # alone (``web/indicators/dashboard_work.py``), not from the wide rows.
            models.Index(
                fields=["id", "state", "procedure", "unit", "due_date", "started_at"],
                condition=Q(state="open"),
                name="case_open_work",
            ),
        ]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        return f"{self.folio} {self.subject}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = case_search_text(
            self.folio, self.subject, self.requesting_unit, self.oficio_number
        )
        fields = kwargs.get("update_fields")
        if fields is not None:
            kwargs["update_fields"] = {*fields, "search_text"}
        super().save(*args, **kwargs)


def case_search_text(*parts: str) -> str:
    """What the case list searches in: the parts folded, one per line."""
    return "\n".join(fold(part) for part in parts if part)


class TaskState(models.TextChoices):
    OPEN = "open", pgettext_lazy("task state", "Open")
    CLAIMED = "claimed", pgettext_lazy("task state", "Claimed")
    DONE = "done", pgettext_lazy("task state", "Done")
    CANCELLED = "cancelled", pgettext_lazy("task state", "Cancelled")


ACTIVE_TASK_STATES = (TaskState.OPEN, TaskState.CLAIMED)


class Task(models.Model):
    """One pass through one step. A loop-back opens a new task (next ``pass_number``)
    for the earlier step, so the history keeps every pass."""

    # Every index is written at each completion (the busiest write), so the task keeps
    # only those a query reads: ``unique_task_pass`` starts with the case and serves
    # its lookups; a holder's tasks are read through ``task_claimed_assignee_due``;
    # the dashboard's open work through ``task_active_work`` (active tasks only).
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="tasks", db_index=False)
    step_number = models.CharField(_("activity"), max_length=20)
    #: The step's first responsible; ``other_roles`` holds the rest ("A o B") while the
    #: task waits, and is emptied when it is done or cancelled (the log keeps every
    #: role's name), so that looking up a role's waiting tasks stays cheap.
    role = models.ForeignKey(
        "catalog.Role", null=True, blank=True, on_delete=models.PROTECT, related_name="tasks"
    )
    other_roles = models.ManyToManyField("catalog.Role", blank=True, related_name="+")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    delegated_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    state = models.CharField(
        _("state"), max_length=12, choices=TaskState.choices, default=TaskState.OPEN
    )
    created_at = models.DateTimeField(default=timezone.now)
    #: When this pass is due: the step's own target when the procedure sets one, else
    #: the case's due date; None when neither has one ("Variable").
    due_date = models.DateField(_("due date"), null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    #: The branch taken, as the manual words it.
    choice = models.CharField(_("answer"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    pass_number = models.PositiveIntegerField(default=1)
    #: Bumped on every change; a form posting an older version is refused.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["case", "created_at", "pk"]
        indexes = [
            # A role's queue: its open tasks, nearest due date first. ``state`` is a
            # column too, so SQLite answers the count from the index alone.
            models.Index(
                fields=["role", "state", "due_date", "created_at"],
                condition=Q(state="open"),
                name="task_open_role_due",
            ),
            # What a person holds (claimed, or handed to them), nearest due first.
            models.Index(
                fields=["assignee", "state", "due_date", "created_at"],
                condition=Q(state="claimed"),
                name="task_claimed_assignee_due",
            ),
            # Where open work stands (activity, holder) for the supervisors' dashboard,
            # read from the index alone with ``case_open_work``.
            models.Index(
                fields=["case", "state", "step_number", "assignee"],
                condition=Q(state__in=["open", "claimed"]),
                name="task_active_work",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "step_number", "pass_number"], name="unique_task_pass"
            ),
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(state__in=["open", "claimed"]),
                name="one_active_task_per_case",
            ),
        ]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self) -> str:
        return f"{self.case.folio} · {self.step_number} ({self.pass_number})"


class DocumentKind(models.TextChoices):
    """What a case document is: one kind per document type the manuals name (the types
    ``folio.manuals.documents`` normalizes them to), and "other" for the rest."""

    OFICIO = "oficio", _("Oficio")
    MEMORANDUM = "memorandum", _("Memorándum")
    ACTA = "acta", _("Acta")
    FORMATO = "formato", _("Form")
    TICKET = "ticket", _("Ticket")
    CORREO_ELECTRONICO = "correo_electronico", _("Correo electrónico")
    TARJETA_INFORMATIVA = "tarjeta_informativa", _("Tarjeta informativa")
    PLAN_DE_TRABAJO = "plan_de_trabajo", _("Plan de trabajo")
    PLAN_DE_BACKUPS = "plan_de_backups", _("Plan de backups")
    LIBRO_DE_CONTROL = "libro_de_control", _("Libro de control")
    PROYECTO_O_PROGRAMA = "proyecto_o_programa", _("Proyecto o programa")
    DOCUMENTO_DIGITAL = "documento_digital", _("Documento digital")
    ANALISIS_VIABILIDAD = "analisis_viabilidad", _("Análisis de viabilidad")
    VALE_DE_SALIDA = "vale_de_salida", _("Vale de salida")
    VALE_DE_RECEPCION = "vale_de_recepcion", _("Vale de recepción")
    ACTA_MP = "acta_mp", _("Acta MP")
    CONSTANCIA_DE_HECHOS = "constancia_de_hechos", _("Constancia de hechos")
    IDENTIFICACION = "identificacion", _("Identificación oficial")
    FICHA_BANCARIA = "ficha_bancaria", _("Ficha bancaria")
    CARTA_FINIQUITO = "carta_finiquito", _("Carta finiquito")
    CARTA_DE_RECLAMACION = "carta_de_reclamacion", _("Carta de reclamación")
    LISTADO = "listado", _("Listado")
    REPORTE = "reporte", _("Reporte")
    INFORME = "informe", _("Informe")
    EXPEDIENTE = "expediente", _("Expediente")
    BITACORA = "bitacora", _("Bitácora")
    CALENDARIO = "calendario", _("Calendario")
    CRONOGRAMA = "cronograma", _("Cronograma")
    FICHA = "ficha", _("Ficha")
    BOCETO = "boceto", _("Boceto")
    CONTRATO = "contrato", _("Contrato")
    ENTREGABLES = "entregables", _("Entregables")
    RESGUARDO = "resguardo", _("Resguardo")
    ETIQUETA = "etiqueta", _("Etiqueta")
    FALLO = "fallo", _("Fallo")
    FACTURA = "factura", _("Factura")
    REQUISICION = "requisicion", _("Requisición")
    SOLICITUD = "solicitud", _("Solicitud")
    DICTAMEN_TECNICO = "dictamen_tecnico", _("Dictamen técnico")
    LINEAMIENTO = "lineamiento", _("Lineamiento")
    NORMATIVIDAD = "normatividad", _("Normatividad")
    PROPUESTA = "propuesta", _("Propuesta")
    ESTADISTICA = "estadistica", _("Estadística")
    DOCUMENTO = "documento", _("Documento")
    SISTEMA = "sistema", _("Sistema")
    OTHER = "otro", _("Other")


class CaseDocument(models.Model):
    """A document of a case; its bytes live once per content under
    ``MEDIA_ROOT/documents/<sha256[:2]>/<sha256>``. One registered by its number and
    date alone (a reference to the paper) has no file: ``file``, ``name`` and
    ``sha256`` are empty, ``size`` 0."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="documents")
    task = models.ForeignKey(
        Task, null=True, blank=True, on_delete=models.PROTECT, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    number = models.CharField(_("number"), max_length=100, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    file = models.FileField(_("file"), max_length=200, blank=True)
    name = models.CharField(_("file name"), max_length=255, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    content_type = models.CharField(max_length=100, blank=True)
    added_at = models.DateTimeField(default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["case", "added_at", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}".strip()


class ClosedDay(models.Model):
    """A día inhábil of the office: no business-day deadline counts it."""

    date = models.DateField(_("date"), unique=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("closed day")
        verbose_name_plural = _("closed days")

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.reason}".strip()


class StepTarget(models.Model):
    """An activity's own time, set by an administrator: its tasks are due ``days``
    (hábiles or naturales) after the day they open, never after their case's due date.
    Tasks opened before a target changes keep the due date they got."""

    procedure = models.ForeignKey(
        "catalog.Procedure", on_delete=models.CASCADE, related_name="step_targets"
    )
    step_number = models.CharField(_("activity"), max_length=20)
    days = models.PositiveIntegerField(_("days"), validators=[MinValueValidator(1)])
    business_days = models.BooleanField(_("business days"), default=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["procedure", "pk"]
        constraints = [
            # Also the index a completion reads the next activity's target through.
            models.UniqueConstraint(fields=["procedure", "step_number"], name="unique_step_target"),
            models.CheckConstraint(condition=Q(days__gte=1), name="step_target_days_positive"),
        ]
        verbose_name = _("step target")
        verbose_name_plural = _("step targets")

    def __str__(self) -> str:
        unit = "hábiles" if self.business_days else "naturales"
        return f"{self.procedure_id} · {self.step_number}: {self.days} días {unit}"
