"""The procedure linter: findings about a parsed manual, each with a stable code, a
severity, and the procedure, step and source line it is about.

``lint_manual(manual)`` runs every check; pass an organization manual as ``org`` to also
check that the responsibles are positions or units it knows. ``LINT_CODES`` documents
each code. Checks live in one module per family: ``structure`` (FOL1xx), ``flow`` and
``branches`` (FOL2xx), ``roles`` and ``handoff`` (FOL3xx), ``forms`` (FOL4xx),
``measures`` (FOL5xx).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from typing import cast

from folio.manuals.lint.branches import check_branches
from folio.manuals.lint.codes import LINT_CODES
from folio.manuals.lint.crossing import check_crossings
from folio.manuals.lint.flow import check_flow
from folio.manuals.lint.forms import check_form_instructivos, check_form_spelling
from folio.manuals.lint.handoff import check_handoffs
from folio.manuals.lint.measures import check_indicators, check_time
from folio.manuals.lint.roles import check_role_variants, check_roles_in_org
from folio.manuals.lint.structure import check_structure
from folio.manuals.model import Diagnostic, Manual

__all__ = ["LINT_CODES", "lint_manual"]


def lint_manual(manual: Manual, org: Manual | None = None) -> list[Diagnostic]:
    """All findings for ``manual``: per procedure in order, then manual-wide ones."""
    found: list[Diagnostic] = []
    if manual.kind == "organizacion":
        found += _lint_organization(manual)
    for procedure in manual.procedures:
        found += check_structure(procedure)
        found += check_flow(procedure, manual)
        found += check_branches(procedure)
        found += check_crossings(procedure)
        found += check_handoffs(procedure)
        found += check_time(procedure)
        found += check_indicators(procedure)
    found += check_role_variants(manual)
    if org is not None:
        found += check_roles_in_org(manual, org)
    found += check_form_spelling(manual)
    found += check_form_instructivos(manual)
    return found


def _lint_organization(manual: Manual) -> list[Diagnostic]:
    """The organization manual's own checks, kept in ``lint/organization.py``."""
    try:
        module = importlib.import_module("folio.manuals.lint.organization")
    except ImportError:
        return []
    check = getattr(module, "lint_organization", None)
    if not callable(check):
        return []
    return list(cast(Callable[[Manual], Iterable[Diagnostic]], check)(manual))
