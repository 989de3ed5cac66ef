"""Consultas ciudadanas: a consultation's questions, the citizens' responses (one per
person, proved by an emailed code or link and remembered only as a keyed hash of the
email), and citizen proposals classified so they can feed the annual plans."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Consultation(models.Model):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    accepts_proposals = models.BooleanField(_("accepts citizen proposals"), default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    results_published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-opens_at", "-pk"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def is_open(self, now: datetime | None = None) -> bool:
        moment = now or timezone.now()
        return self.is_published and self.opens_at <= moment < self.closes_at


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    SCALE = "scale", _("Scale")
    TEXT = "text", _("Open text")


class Question(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveIntegerField(default=1)
    text = models.CharField(_("question"), max_length=500)
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    is_required = models.BooleanField(_("required"), default=True)
    scale_max = models.PositiveSmallIntegerField(_("scale from 1 to"), null=True, blank=True)
    scale_min_label = models.CharField(_("label of 1"), max_length=80, blank=True)
    scale_max_label = models.CharField(_("label of the highest value"), max_length=80, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text


class Option(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveIntegerField(default=1)
    text = models.CharField(_("option"), max_length=300)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class Purpose(models.TextChoices):
    ANSWER = "answer", _("answer the consultation")
    PROPOSAL = "proposal", _("send a proposal")


class Verification(models.Model):
    """A one-use ticket: the code and the link's token are kept only as hashes, the
    email only as ``email_hash`` (HMAC with ``SECRET_KEY``)."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="verifications"
    )
    purpose = models.CharField(max_length=10, choices=Purpose.choices)
    email_hash = models.CharField(max_length=64)
    code_hash = models.CharField(max_length=64)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    verified_at = models.DateTimeField(null=True, blank=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["consultation", "email_hash"], name="verif_email")]


class Response(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="responses"
    )
    respondent_hash = models.CharField(max_length=64)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "respondent_hash"], name="one_response_per_person"
            )
        ]


class Moderation(models.TextChoices):
    PENDING = "pending", pgettext_lazy("moderation", "Pending")
    APPROVED = "approved", pgettext_lazy("moderation", "Approved")
    REJECTED = "rejected", pgettext_lazy("moderation", "Rejected")


class Answer(models.Model):
    """One chosen option (a multiple choice gives one row per option), a scale value or
    an open text, which is shown only once approved."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    option = models.ForeignKey(
        Option, null=True, blank=True, on_delete=models.PROTECT, related_name="answers"
    )
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)
    moderation = models.CharField(
        max_length=10, choices=Moderation.choices, default=Moderation.PENDING
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)


class ProposalKind(models.TextChoices):
    OBRA = "obra", _("Public work (obra)")
    ACCION = "accion", _("Action (acción)")
    SERVICIO = "servicio", _("Service (servicio)")
    ESTRATEGICO = "estrategico", _("Strategic project")


class Term(models.TextChoices):
    CORTO = "corto", _("Short term")
    MEDIANO = "mediano", _("Medium term")
    LARGO = "largo", _("Long term")


class Proposal(models.Model):
    """A citizen's proposal: sent through a consultation (verified like an answer) or
    entered by its staff; staff classify it and approve or reject it."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="proposals"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    colonia = models.CharField(_("colonia"), max_length=120)
    kind = models.CharField(_("class"), max_length=12, choices=ProposalKind.choices)
    term = models.CharField(_("term"), max_length=8, choices=Term.choices)
    moderation = models.CharField(
        _("state"), max_length=10, choices=Moderation.choices, default=Moderation.PENDING
    )
    submitter_hash = models.CharField(max_length=64, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("citizen proposal")
        verbose_name_plural = _("citizen proposals")

    def __str__(self) -> str:
        return self.title
