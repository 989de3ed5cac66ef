"""Imported manuals, their versions and procedures, and the role directory.

A procedure row keeps the whole parsed procedure as JSON (the public manual format), so
a case runs exactly the version it started with; re-importing a changed manual creates a
new version and leaves old cases alone.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from folio.manuals import jsonio
from folio.manuals.model import Diagnostic, Manual
from folio.manuals.model import Procedure as CoreProcedure
from folio.manuals.review import review_summary

#: Codes the importer gives its own findings (the linter's are FOL1xx and up).
IMPORT_CODE_PREFIXES = ("FOL0", "BPMN")


class ManualKind(models.TextChoices):
    PROCEDURES = "procedimientos", _("Manual de Procedimientos")
    ORGANIZATION = "organizacion", _("Manual de Organización")


class CatalogManual(models.Model):
    """A manual as the office knows it (its registro code or title), across versions."""

    title = models.CharField(_("title"), max_length=300)
    code = models.CharField(_("registro"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ManualKind.choices)
    unit = models.ForeignKey(
        "accounts.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="manuals"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    #: Set when the manual is retired: no new cases of its procedures; running ones go on.
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)
    retired_note = models.TextField(_("why it was retired"), blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("manual")
        verbose_name_plural = _("manuals")

    def __str__(self) -> str:
        return self.title

    @property
    def current(self) -> ManualVersion | None:
        return self.versions.order_by("-number").first()


class VersionOrigin(models.TextChoices):
    IMPORTED = "import", _("Imported from a file")
    EDITED = "edit", _("Edited in Folio")
    WRITTEN = "new", _("Written in Folio")


class ManualVersion(models.Model):
    manual = models.ForeignKey(CatalogManual, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    source_name = models.CharField(_("file"), max_length=255)
    #: SHA-256 of the imported file, or of the version's JSON when edited in Folio.
    sha256 = models.CharField(max_length=64)
    origin = models.CharField(
        _("origin"), max_length=10, choices=VersionOrigin.choices, default=VersionOrigin.IMPORTED
    )
    #: The change note (registro de ediciones / control de cambios); required for edits.
    note = models.TextField(_("change note"), blank=True)
    #: The version this one was edited from (None for imports and first versions).
    based_on = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: The imported file as uploaded, kept to show the source beside the data.
    source_file = models.FileField(_("source file"), max_length=200, blank=True)
    #: The parsed manual in the public JSON format, diagnostics included.
    data = models.JSONField()
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    #: Not stored: what the action that created this version could not carry over from
    #: the one before (targets, people of roles), for the page to tell.
    notices: list[str]

    class Meta:
        ordering = ["manual", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["manual", "number"], name="unique_version_number"),
            # The same file imported twice is one version; an edit may return to an
            # earlier content (undoing a change), so edits are not unique by content.
            models.UniqueConstraint(
                fields=["manual", "sha256"],
                condition=models.Q(origin="import"),
                name="unique_version_content",
            ),
        ]
        verbose_name = _("manual version")
        verbose_name_plural = _("manual versions")

    def __str__(self) -> str:
        return f"{self.manual} v{self.number}"

    def model(self) -> Manual:
        return jsonio.manual_from_dict(self.data)

    def diagnostics(self) -> list[Diagnostic]:
        return list(self.model().diagnostics)

    def review_summary(self) -> str:
        """One line such as "2 procedimientos, 1 sin observaciones, 1 por revisar: P2." (versions
        stored before format 1.1 read as "ok"); empty for an organization manual."""
        manual = self.model()
        return review_summary(manual) if manual.kind == "procedimientos" else ""


class Procedure(models.Model):
    version = models.ForeignKey(ManualVersion, on_delete=models.CASCADE, related_name="procedures")
    position = models.PositiveIntegerField()
    code = models.CharField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=500)
    unit_name = models.CharField(_("unit"), max_length=300, blank=True)
    step_count = models.PositiveIntegerField(default=0)
    time_text = models.CharField(_("Tiempo Promedio de Gestión"), max_length=200, blank=True)
    #: The procedure in the public JSON format (one element of "procedures").
    data = models.JSONField()
    #: Set when the procedure is retired: no new cases; running ones go on. Later
    #: versions of the manual carry it (``web/catalog/versions/carry.py``).
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)
    retired_note = models.TextField(_("why it was retired"), blank=True)

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="unique_procedure_code")
        ]
        verbose_name = _("procedure")
        verbose_name_plural = _("procedures")

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"

    def model(self) -> CoreProcedure:
        return procedure_from_json(self.data)

    @property
    def needs_review(self) -> bool:
        """The importer's ``review`` is "revisar" (rows stored before it existed are "ok")."""
        return self.data.get("review", "ok") == "revisar"


def is_import_finding(diagnostic: dict[str, Any]) -> bool:
    """A stored diagnostic the importer made (how it read the file), not the linter."""
    return str(diagnostic["code"]).startswith(IMPORT_CODE_PREFIXES)


def procedure_from_json(data: dict[str, Any]) -> CoreProcedure:
    wrapper = {
        "format_version": jsonio.FORMAT_VERSION,
        "kind": "procedimientos",
        "procedures": [data],
    }
    manual = jsonio.manual_from_dict(_complete(wrapper))
    return manual.procedures[0]


def _complete(partial: dict[str, Any]) -> dict[str, Any]:
    """Fill the manual-level keys the loader requires around one procedure."""
    empty = jsonio.manual_to_dict(Manual(kind="procedimientos"))
    return {**empty, **partial}


class ProcedureDraft(models.Model):
    """A procedure being edited by one person, kept between edits until it is saved as a
    new version of its manual (or discarded). ``code`` is the procedure's code in
    ``base`` ("" for a procedure that is new in this draft)."""

    manual = models.ForeignKey(CatalogManual, on_delete=models.CASCADE, related_name="drafts")
    base = models.ForeignKey(ManualVersion, on_delete=models.CASCADE, related_name="drafts")
    code = models.CharField(_("code"), max_length=60, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="procedure_drafts"
    )
    #: The procedure in the public JSON format, as edited so far.
    data = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("procedure draft")
        verbose_name_plural = _("procedure drafts")

    def __str__(self) -> str:
        return f"{self.manual} · {self.code or '(nuevo)'} · {self.author}"


class Role(models.Model):
    """A responsible named in procedures ("Jefe/a de Departamento de …"), mapped to the
    people who act as it. External roles (dependencia solicitante, proveedor, ciudadano)
    are recorded by an internal user on their behalf."""

    name = models.CharField(_("role"), max_length=300, unique=True)
    unit = models.ForeignKey(
        "accounts.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="roles"
    )
    is_external = models.BooleanField(_("external"), default=False)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="folio_roles", verbose_name=_("people")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        return self.name


class RoleAlias(models.Model):
    """Another spelling of a role, merged into it ("Consultivo A" → "Analista Consultivo A")."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300, unique=True)

    class Meta:
        verbose_name = _("role spelling")
        verbose_name_plural = _("role spellings")

    def __str__(self) -> str:
        return f"{self.name} → {self.role}"
