"""The tamper-evident log's models: the kinds of entry, the entries (each hash covers
the entry and the one before) and the head that orders appends (``web/cases/log.py``
writes and checks them)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    CASE_OPENED = "case.opened", _("Case opened")
    CASE_ENDED = "case.ended", _("Case ended")
    CASE_BLOCKED = "case.blocked", _("Case blocked")
    CASE_CANCELLED = "case.cancelled", _("Case cancelled")
    CASE_RESUMED = "case.resumed", _("Case resumed")
    TASK_CREATED = "task.created", _("Task created")
    TASK_CLAIMED = "task.claimed", _("Task claimed")
    TASK_RELEASED = "task.released", _("Task released")
    TASK_REASSIGNED = "task.reassigned", _("Task reassigned")
    TASK_COMPLETED = "task.completed", _("Task completed")
    DOCUMENT_ADDED = "document.added", _("Document added")
    CLOSED_DAY_ADDED = "calendar.closed_day_added", _("Closed day added")
    CLOSED_DAY_REMOVED = "calendar.closed_day_removed", _("Closed day deleted")
    STEP_TARGETS_SET = "targets.step_targets_set", _("Step targets set")
    STEP_TARGETS_CARRIED = "targets.carried_over", _("Step targets carried over")
    MANUAL_IMPORTED = "manual.imported", _("Manual imported")
    MANUAL_CREATED = "manual.created", _("Manual written")
    MANUAL_VERSION_SAVED = "manual.version_saved", _("Manual version saved")
    MANUAL_RETIRED = "manual.retired", _("Manual retired")
    MANUAL_UNIT_SET = "manual.unit_set", _("Unit of a manual set")
    PROCEDURE_RETIRED = "procedure.retired", _("Procedure retired")
    ROLE_CREATED = "role.created", _("Role created")
    ROLE_MEMBERS_SET = "role.members_set", _("People of a role set")
    ROLE_MERGED = "role.merged", _("Roles merged")
    BACKUP_CREATED = "backup.created", _("Backup made")
    BACKUP_RESTORED = "backup.restored", _("Backup restored")
    PERSON_CREATED = "person.created", _("Person added")
    PERSON_UPDATED = "person.updated", _("Person changed")
    PERSON_DEACTIVATED = "person.deactivated", _("Person deactivated")
    PERSON_REACTIVATED = "person.reactivated", _("Person reactivated")
    PERSON_ROLES_SET = "person.roles_set", _("Roles of a person set")
    CONSULTATION_CREATED = "consultation.created", _("Consultation created")
    CONSULTATION_UPDATED = "consultation.updated", _("Consultation changed")
    CONSULTATION_QUESTION_SAVED = "consultation.question_saved", _("Consultation question saved")
    CONSULTATION_QUESTION_DELETED = "consultation.question_deleted", _("Question deleted")
    CONSULTATION_PUBLISHED = "consultation.published", _("Consultation published")
    CONSULTATION_RESULTS_PUBLISHED = "consultation.results_published", _("Results published")
    CONSULTATION_ANSWERED = "consultation.answered", _("Consultation answered")
    CONSULTATION_ANSWER_MODERATED = "consultation.answer_moderated", _("Open answer moderated")
    PROPOSAL_SUBMITTED = "proposal.submitted", _("Citizen proposal received")
    PROPOSAL_CLASSIFIED = "proposal.classified", _("Citizen proposal classified")
    PLANNING_PMD_SAVED = "planning.pmd_saved", _("Development plan saved")
    PLANNING_PMD_IMPORTED = "planning.pmd_imported", _("Development plan imported")
    PLANNING_ELEMENT_SAVED = "planning.element_saved", _("Plan element saved")
    PLANNING_ENLACE_SAVED = "planning.enlace_saved", _("Planning liaison saved")
    PLANNING_PAT_SAVED = "planning.pat_saved", _("Annual work programme saved")
    PLANNING_PROGRESS_SUBMITTED = "planning.progress_submitted", _("Monthly progress submitted")
    PLANNING_PROGRESS_RETURNED = "planning.progress_returned", _("Monthly progress returned")
    PLANNING_PROGRESS_VALIDATED = "planning.progress_validated", _("Monthly progress validated")
    CITIZEN_REPORT_FILED = "citizens.report_filed", _("Citizen report filed")
    CITIZEN_NOTE_ADDED = "citizens.public_note_added", _("Public note added to a report")
    CITIZEN_DATA_PURGED = "citizens.reporter_purged", _("Reporter's personal data deleted")
    CITIZEN_SERVICE_SAVED = "citizens.service_saved", _("Report type saved")
    CITIZEN_API_CLIENT_SAVED = "citizens.api_client_saved", _("Open311 application saved")
    CITIZEN_ARCO_FILED = "citizens.arco_filed", _("ARCO request filed")
    CITIZEN_SETTINGS_SAVED = "citizens.settings_saved", _("Citizens settings saved")
    EVALUATION_PROGRAM_SAVED = "evaluation.program_saved", _("Programa presupuestario saved")
    EVALUATION_ROW_SAVED = "evaluation.row_saved", _("MIR row saved")
    EVALUATION_ROW_DELETED = "evaluation.row_deleted", _("MIR row deleted")
    EVALUATION_INDICATOR_SAVED = "evaluation.indicator_saved", _("Ficha técnica saved")
    EVALUATION_VARIABLE_SAVED = "evaluation.variable_saved", _("Indicator variable saved")
    EVALUATION_VARIABLE_DELETED = "evaluation.variable_deleted", _("Indicator variable deleted")
    EVALUATION_TARGETS_SET = "evaluation.targets_set", _("Indicator metas set")
    EVALUATION_VALUES_CAPTURED = "evaluation.values_captured", _("Indicator values captured")
    EVALUATION_PBR_SAVED = "evaluation.pbr_saved", _("PbR-SED self-diagnostic saved")
    OPENDATA_DATASET_REQUESTED = "opendata.dataset_requested", _("Dataset publication requested")
    OPENDATA_RESOURCE_VERSION_ADDED = "opendata.resource_version_added", _("Resource version added")
    OPENDATA_DATASET_PUBLISHED = "opendata.dataset_published", _("Dataset published")
    OPENDATA_REFRESHED = "opendata.refreshed", _("Generated datasets refreshed")
    INDICATOR_CAPTURED = "indicators.value_captured", _("Indicator value captured")
    REPORT_GENERATED = "indicators.report_generated", _("Monthly report generated")
    EVALUATION_INDICATOR_DELETED = "evaluation.indicator_deleted", _("Indicator deleted")


class Event(models.Model):
    """One entry of the tamper-evident log: ``hash`` covers the entry and the previous
    entry's hash, so editing or deleting a row breaks the chain from there on."""

    seq = models.PositiveBigIntegerField(unique=True)
    # An ``EventKind`` value, checked where entries are written (``log.append_entries``
    # takes only ``EventKind`` members). Not declared as ``choices``: each app adds kinds, and
    # a choices list in the schema would need a migration of this app for every new kind.
    kind = models.CharField(max_length=40)
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    #: The external role an internal user acted for; its name is also in ``payload``
    #: (hashed), so merging roles later does not break the chain.
    on_behalf_of = models.ForeignKey(
        "catalog.Role",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_index=False,  # never searched by; one index fewer to write per entry
    )
    payload = models.JSONField(default=dict)
    created_at = models.DateTimeField()
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]
        verbose_name = _("log entry")
        verbose_name_plural = _("log entries")

    def __str__(self) -> str:
        return f"#{self.seq} {self.kind}"


class LogHead(models.Model):
    """The last entry written (one row). Appends lock it, which orders them; comparing
    it with the last row catches entries deleted from the end of the log."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("head of the log")
        verbose_name_plural = _("heads of the log")

    def __str__(self) -> str:
        return f"#{self.seq} {self.hash[:12]}"
