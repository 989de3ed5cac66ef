"""The ledger of e-mail notices: one row per notice sent, so ``folio notify`` sends each
notice once however often cron runs it, and two overlapping runs cannot both send it
(the unique constraint decides; see ``web/notifications/actions.py``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NoticeKind(models.TextChoices):
    ASSIGNED = "assigned", _("Activity waiting")
    DUE_SOON = "due_soon", _("Due date near")


class Notice(models.Model):
    """A notice sent to one person about one task (one pass through a step)."""

    task = models.ForeignKey("cases.Task", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=12, choices=NoticeKind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    #: The address it went to (the person's address may change later).
    email = models.EmailField(_("e-mail address"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "kind", "recipient"], name="unique_notice_per_task_kind_recipient"
            )
        ]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def __str__(self) -> str:
        return f"{self.kind} {self.task_id} → {self.email}"
