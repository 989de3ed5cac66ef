"""Writes of the editor: open, change, save and discard a person's draft. Drafts are
not logged (they are private work); saving one is, through ``save_manual_version``."""

from __future__ import annotations

from dataclasses import replace

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import pgettext

from folio.manuals import jsonio
from folio.manuals.edit import EditError, blank_procedure, replace_procedure
from folio.manuals.model import Manual
from folio.manuals.model import Procedure as CoreProcedure
from web.catalog.actions import save_manual_version
from web.catalog.errors import CatalogError
from web.catalog.models import (
    CatalogManual,
    ManualVersion,
    Procedure,
    ProcedureDraft,
    is_import_finding,
    procedure_from_json,
)


def procedure_to_json(procedure: CoreProcedure) -> dict[str, object]:
    data = jsonio.manual_to_dict(Manual("procedimientos", procedures=(procedure,)))
    result: dict[str, object] = data["procedures"][0]
    return result


@transaction.atomic
def open_draft(row: Procedure, user: User) -> ProcedureDraft:
    """The person's draft of the procedure ``row`` shows, resumed or begun from it."""
    draft = ProcedureDraft.objects.filter(
        manual=row.version.manual, code=row.code, author=user
    ).first()
    if draft is not None:
        return draft
    return ProcedureDraft.objects.create(
        manual=row.version.manual, base=row.version, code=row.code, author=user, data=row.data
    )


@transaction.atomic
def start_procedure_draft(
    catalog: CatalogManual, user: User, *, copy_of: Procedure | None = None
) -> ProcedureDraft:
    """A draft of a procedure new to ``catalog``: one blank step, or a copy of another
    procedure (its code left for the author to give)."""
    base = catalog.current
    if base is None:
        raise CatalogError(pgettext("editor", "The manual has no version to add a procedure to."))
    if copy_of is None:
        procedure = blank_procedure()
    else:
        original = copy_of.model()
        procedure = replace(
            original, code="", name=pgettext("editor", "Copy of %s") % original.name
        )
    data = procedure_to_json(replace(procedure, review="ok"))
    return ProcedureDraft.objects.create(manual=catalog, base=base, code="", author=user, data=data)


@transaction.atomic
def update_draft(draft: ProcedureDraft, procedure: CoreProcedure) -> ProcedureDraft:
    draft.data = procedure_to_json(procedure)
    draft.save(update_fields=["data", "updated_at"])
    return draft


@transaction.atomic
def save_draft(draft: ProcedureDraft, *, user: User, note: str) -> ManualVersion:
    """The draft saved as the next version of its manual (the draft is then gone).
    Refused, keeping the draft, when the manual got a newer version since the draft
    began, when the note is empty, or when the procedure has no code or takes another's."""
    catalog = CatalogManual.objects.select_for_update().get(pk=draft.manual_id)
    current = catalog.current
    if current is None or current.pk != draft.base_id:
        raise CatalogError(
            pgettext(
                "editor",
                "This manual was saved as version %(number)s since you began this draft: "
                "discard the draft and edit the new version.",
            )
            % {"number": current.number if current else "?"}
        )
    manual = _manual_with(draft)
    version = save_manual_version(catalog, manual, user=user, note=note, based_on=draft.base)
    draft.delete()
    return version


def _manual_with(draft: ProcedureDraft) -> Manual:
    """The base manual with the draft's procedure in place (appended when new); the
    lint findings are left to be computed again, and a reviewed procedure drops the
    importer's findings about it."""
    procedure = procedure_from_json(draft.data)
    if not procedure.code:
        raise CatalogError(pgettext("editor", "Give the procedure a code before saving it."))
    base = draft.base.model()
    try:
        procedures = replace_procedure(base.procedures, draft.code, procedure)
    except EditError as err:
        raise CatalogError(str(err)) from err
    gone = {draft.code, procedure.code} if procedure.review == "ok" else set()
    kept = tuple(
        d
        for d in base.diagnostics
        if is_import_finding({"code": d.code}) and not (d.procedure in gone and d.procedure)
    )
    return replace(base, procedures=procedures, diagnostics=kept)


@transaction.atomic
def mark_draft_reviewed(draft: ProcedureDraft) -> ProcedureDraft:
    """Every import finding was checked: the procedure's review becomes "ok"."""
    return update_draft(draft, replace(procedure_from_json(draft.data), review="ok"))


@transaction.atomic
def discard_draft(draft: ProcedureDraft) -> None:
    draft.delete()
