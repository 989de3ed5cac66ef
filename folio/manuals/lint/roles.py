"""Role checks (FOL301, FOL302): one role spelt several ways inside a manual, and roles
a given organization manual does not know.

A spelling's weight is how many times it is *written* in a Responsable cell (a blank
cell carried over from the row above does not count again); the heaviest spelling of a
group is the suggested canonical name.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import cast

from folio.manuals.lint.codes import step_diagnostic
from folio.manuals.lint.rolenames import RoleName, closest, same_role
from folio.manuals.model import Diagnostic, Manual, Procedure, Step


@dataclass
class Spelling:
    role: RoleName
    written: int = 0
    steps: int = 0
    #: First step naming it in each procedure, preferring one where it is written.
    first: dict[str, tuple[Procedure, Step, bool]] = field(default_factory=dict)

    def weight(self) -> tuple[int, int, int, int]:
        name = self.role.name
        return (self.written, len(self.first), len(name.rstrip(". ")), self.steps)


def spellings(manual: Manual) -> list[Spelling]:
    """Every distinct responsible name in the manual's steps, in order of appearance."""
    found: dict[str, Spelling] = {}
    for procedure in manual.procedures:
        for step in procedure.steps:
            for name in step.responsible:
                if name.strip():
                    _count(found, procedure, step, name)
    return list(found.values())


def _count(found: dict[str, Spelling], procedure: Procedure, step: Step, name: str) -> None:
    spelling = found.setdefault(name, Spelling(RoleName.of(name)))
    written = bool(step.responsible_raw.strip())
    spelling.written += written
    spelling.steps += 1
    seen = spelling.first.get(procedure.code)
    if seen is None or (written and not seen[2]):
        spelling.first[procedure.code] = (procedure, step, written)


def role_groups(items: list[Spelling]) -> list[list[Spelling]]:
    """Spellings of one role grouped together (transitively), heaviest first."""
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            if same_role(a.role, items[j].role):
                parent[root(j)] = root(i)
    groups: dict[int, list[Spelling]] = {}
    for i, item in enumerate(items):
        groups.setdefault(root(i), []).append(item)
    return [sorted(g, key=Spelling.weight, reverse=True) for g in groups.values()]


def check_role_variants(manual: Manual) -> Iterator[Diagnostic]:
    for group in role_groups(spellings(manual)):
        canonical = group[0]
        for variant in group[1:]:
            for procedure, step, _ in variant.first.values():
                yield step_diagnostic(
                    "FOL301",
                    procedure,
                    step,
                    f"el responsable «{variant.role.name}» parece el mismo rol que "
                    f"«{canonical.role.name}» (la forma más usada en el manual); "
                    "conviene escribirlo igual.",
                )


def check_roles_in_org(manual: Manual, org: Manual) -> Iterator[Diagnostic]:
    """One finding per role (all its spellings) that no post or unit of ``org`` matches,
    at the first use of its canonical spelling, naming the other procedures using it."""
    known = [RoleName.of(name) for name in sorted(organization_names(org))]
    for group in role_groups(spellings(manual)):
        if any(same_role(s.role, k) for s in group for k in known):
            continue
        canonical = group[0]
        suggestion = closest(canonical.role, known)
        hint = f"; el más parecido es «{suggestion.name}»" if suggestion else ""
        procedure, step, _ = next(iter(canonical.first.values()))
        codes = {code for s in group for code in s.first} - {procedure.code}
        others = [p.code for p in manual.procedures if p.code in codes]
        also = f" (también en {', '.join(others)})" if others else ""
        yield step_diagnostic(
            "FOL302",
            procedure,
            step,
            f"el responsable «{canonical.role.name}»{also} no figura entre los puestos ni "
            f"las unidades del manual de organización{hint}.",
        )


def organization_names(org: Manual) -> set[str]:
    """Position titles and unit names of an organization manual; uses the organization
    module's ``role_names`` when it is there."""
    try:
        module = importlib.import_module("folio.manuals.organization")
    except ImportError:
        module = None
    role_names = getattr(module, "role_names", None)
    if callable(role_names):
        return set(cast(Callable[[Manual], set[str]], role_names)(org))
    return _own_organization_names(org)


def _own_organization_names(org: Manual) -> set[str]:
    names: set[str] = set()
    if org.organization is None:
        return names
    for unit in org.organization.units:
        names.update((unit.name, *unit.aliases))
    for position in org.organization.positions:
        names.update((position.title, position.nominal, *position.aliases))
    return {n for n in names if n.strip()}
