"""The data every corpus document is rendered from, and the inventory written from it.

A family module describes its procedures as ``Proc``/``S`` values; its renderer turns
them into a document in the family's layout, and :func:`inventory` turns the very same
values into ``<document>.expected.json``. The inventory is therefore right by
construction as long as the activity texts say what the ``next`` fields say — which
``tests/test_corpus_fidelity.py`` checks for the step numbers the texts mention.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

#: One transition as a careful reader writes it: (target step, "end", "external:…"
#: or None; the branch label as worded, or None).
Next = tuple[str | None, str | None]


@dataclass(frozen=True)
class S:
    """A step: number as written, responsibles (one role per item), activity text as the
    document prints it (decision and jump wording included), documents, copies, and the
    transitions when they are not "go to the next step"."""

    number: str
    responsible: tuple[str, ...] | str
    activity: str
    documents: str = ""
    copies: str = ""
    next: tuple[Next, ...] = ()
    #: How the Responsable cell is printed when it differs from the roles (letter
    #: spacing, "1) Promovente", two paragraphs…); None prints the roles joined.
    cell: str | None = None
    #: An unnumbered row printed right after this one that still belongs to it (a
    #: decision written on its own row, as the seeds do).
    after: str = ""

    @property
    def roles(self) -> tuple[str, ...]:
        return (self.responsible,) if isinstance(self.responsible, str) else self.responsible


@dataclass(frozen=True)
class Proc:
    name: str
    steps: tuple[S, ...]
    code: str = ""
    unit: str = ""
    objective: str = ""
    legal: tuple[str, ...] = ()
    policies: tuple[str, ...] = ()
    time: str = ""


@dataclass(frozen=True)
class Doc:
    """One corpus document: its file name, family, procedures and how to write it."""

    name: str
    family: str
    procedures: tuple[Proc, ...]
    render: Callable[[Doc, Path], None]
    #: Responsibles are a reader's naming of prose (narrative family): score leniently.
    responsible_review: bool = False
    notes: str = ""
    extra: dict[str, object] = field(default_factory=dict)


def transitions(proc: Proc, index: int) -> list[Next]:
    """The step's transitions, with the default "next step" / "end" filled in."""
    step = proc.steps[index]
    if step.next:
        return list(step.next)
    if index + 1 < len(proc.steps):
        return [(proc.steps[index + 1].number, None)]
    return [("end", None)]


def inventory(doc: Doc) -> dict[str, object]:
    procedures = []
    for proc in doc.procedures:
        entry: dict[str, object] = {}
        if proc.code:
            entry["code"] = proc.code
        entry["name"] = proc.name
        entry["steps"] = [
            {
                "number": step.number,
                "responsible": list(step.roles),
                "next": [{"to": to, "when": when} for to, when in transitions(proc, i)],
            }
            for i, step in enumerate(proc.steps)
        ]
        procedures.append(entry)
    result: dict[str, object] = {"document": doc.name, "family": doc.family}
    if doc.responsible_review:
        result["responsible_review"] = True
    if doc.notes:
        result["notes"] = doc.notes
    result["procedures"] = procedures
    return result


def write_inventory(doc: Doc, directory: Path) -> Path:
    path = directory / f"{doc.name}.expected.json"
    text = json.dumps(inventory(doc), ensure_ascii=False, indent=1) + "\n"
    path.write_text(text, encoding="utf-8")
    return path
