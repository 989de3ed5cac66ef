"""What the editor shows of a draft: its procedure, the swimlane, the linter's findings
about it, the names a responsible may take, and the importer's findings to check."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from folio.manuals.lint import lint_manual
from folio.manuals.model import Diagnostic, Manual
from folio.manuals.model import Procedure as CoreProcedure
from folio.render.svg import render_svg
from web.catalog.models import (
    CatalogManual,
    ManualKind,
    ProcedureDraft,
    Role,
    is_import_finding,
    procedure_from_json,
)
from web.catalog.permissions import AnyUser


def get_draft_for_user(pk: int, user: AnyUser) -> ProcedureDraft:
    """The draft ``pk`` when ``user`` wrote it (another's draft does not exist for them)."""
    draft = get_object_or_404(ProcedureDraft.objects.select_related("manual", "base"), pk=pk)
    if draft.author_id != user.pk:
        raise Http404
    return draft


def draft_procedure(draft: ProcedureDraft) -> CoreProcedure:
    return procedure_from_json(draft.data)


def draft_findings(draft: ProcedureDraft, procedure: CoreProcedure) -> list[Diagnostic]:
    """The linter's findings about the draft's procedure. The manual's other procedures
    are present by code and name only, so jumps to them resolve without linting them."""
    others = tuple(
        CoreProcedure(code=p["code"], name=p["name"])
        for p in draft.base.data["procedures"]
        if p["code"] not in (draft.code, procedure.code)
    )
    manual = Manual("procedimientos", procedures=(procedure, *others))
    return [d for d in lint_manual(manual) if d.procedure == procedure.code]


def draft_svg(procedure: CoreProcedure) -> str:
    return render_svg(procedure) if procedure.steps else ""


def import_findings(draft: ProcedureDraft) -> list[dict[str, Any]]:
    """The importer's stored findings about the procedure the draft began from."""
    if not draft.code:
        return []
    return [
        d
        for d in draft.base.data["diagnostics"]
        if d["procedure"] == draft.code and is_import_finding(d)
    ]


def responsible_names() -> list[str]:
    """Role names of the directory and positions of the organization manuals."""
    names = list(Role.objects.values_list("name", flat=True))
    for manual in CatalogManual.objects.filter(kind=ManualKind.ORGANIZATION):
        version = manual.current
        organization = (version.data.get("organization") or {}) if version else {}
        names += [p["title"] for p in organization.get("positions", []) if p.get("title")]
    return sorted(set(names), key=str.casefold)


def base_step_number(draft: ProcedureDraft, procedure: CoreProcedure, number: str) -> str:
    """The number the draft's step ``number`` has in the base version (found by where it
    was read); new steps keep their own number."""
    step = procedure.step(number)
    if step is None or not (step.source.file or step.source.line):
        return number
    wanted = {"file": step.source.file, "page": step.source.page, "line": step.source.line}
    for p in draft.base.data["procedures"]:
        if p["code"] == draft.code:
            for s in p["steps"]:
                if s.get("source") == wanted:
                    return str(s["number"])
    return number
