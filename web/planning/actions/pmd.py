"""Writing the Plan Municipal de Desarrollo: importing a spreadsheet, editing an element."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from folio.planning.pmd_import import ParseResult
from web.accounts.audit import record
from web.planning.models import PlanAlignment, PlanElement, Pmd
from web.planning.permissions import can_edit_plans


class ImportRefused(Exception):
    """The spreadsheet has errors; ``errors`` are their Spanish sentences."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


def _allowed(actor: User | None) -> None:
    if actor is not None and not can_edit_plans(actor):
        raise PermissionDenied(_("Only the planning institute edits the development plan."))


@transaction.atomic
def save_pmd(pmd: Pmd, actor: User | None) -> Pmd:
    _allowed(actor)
    pmd.full_clean()
    pmd.save()
    record("planning.pmd_saved", actor=actor, payload={"pmd": pmd.pk, "name": pmd.name})
    return pmd


@transaction.atomic
def import_pmd(pmd: Pmd, result: ParseResult, actor: User | None, file_name: str = "") -> int:
    """Create or update the plan's elements from a parsed spreadsheet; with any error
    nothing is written. Elements already in the plan keep their links to projects.
    Returns how many rows were imported."""
    _allowed(actor)
    if not result.ok:
        raise ImportRefused([str(e) for e in result.errors] or [_("The file has no rows.")])
    by_key = {e.key: e for e in pmd.elements.all()}
    for row in result.rows:
        parent = by_key.get(row.parent_key) if row.parent_key else None
        element, _created = PlanElement.objects.update_or_create(
            pmd=pmd,
            key=row.key,
            defaults={
                "parent": parent,
                "level": row.level,
                "title": row.title,
                "indicators": "\n".join(row.indicators),
                "implementation": row.implementation,
                "ods_targets": list(row.ods_targets),
            },
        )
        by_key[row.key] = element
        element.alignments.all().delete()
        PlanAlignment.objects.bulk_create(
            PlanAlignment(element=element, plan=a.plan, code=a.code, text=a.text[:500])
            for a in row.alignments
        )
    payload = {"pmd": pmd.pk, "rows": len(result.rows), "file": file_name}
    record("planning.pmd_imported", actor=actor, payload=payload)
    return len(result.rows)


@transaction.atomic
def save_element(
    element: PlanElement, actor: User | None, alignments: list[PlanAlignment]
) -> PlanElement:
    """Save a new or changed element (its fields already set) and its plan alignments."""
    _allowed(actor)
    element.full_clean()
    element.save()
    element.alignments.all().delete()
    for alignment in alignments:
        alignment.element = element
        alignment.save()
    payload = {"element": element.pk, "key": element.key, "level": element.level}
    record("planning.element_saved", actor=actor, payload=payload)
    return element
