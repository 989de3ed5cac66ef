"""Findings grouped by code, with the code's description and how many there are: a
manual with ninety findings reads as a dozen kinds of problem."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from folio.manuals.lint.codes import LINT_CODES
from folio.manuals.lint.organization import ORG_CODES

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
DESCRIPTIONS = {code: text for code, (_sev, text) in {**LINT_CODES, **ORG_CODES}.items()}


@dataclass(frozen=True)
class FindingGroup:
    code: str
    severity: str
    description: str
    findings: tuple[dict[str, Any], ...]

    @property
    def count(self) -> int:
        return len(self.findings)


def group_findings(diagnostics: Iterable[dict[str, Any]]) -> list[FindingGroup]:
    """Groups of stored diagnostics by code: errors first, then warnings, then notes."""
    by_code: dict[str, list[dict[str, Any]]] = {}
    for d in diagnostics:
        by_code.setdefault(str(d["code"]), []).append(d)
    groups = [
        FindingGroup(
            code=code,
            severity=_worst(items),
            description=DESCRIPTIONS.get(code, ""),
            findings=tuple(items),
        )
        for code, items in by_code.items()
    ]
    return sorted(groups, key=lambda g: (SEVERITY_ORDER.get(g.severity, 3), g.code))


def _worst(items: list[dict[str, Any]]) -> str:
    return min((str(d["severity"]) for d in items), key=lambda s: SEVERITY_ORDER.get(s, 3))
