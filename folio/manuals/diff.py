"""What changed between two versions of a manual: procedures added, removed and changed
(matched by code), and in each changed procedure the steps added, removed and changed
(matched by number, or by the wording of their activity when the steps were renumbered),
with the fields and the jumps that changed.

Where things were read (``SourceRef``) and the findings (diagnostics) are not compared: a
manual exported and imported back has an empty diff.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, TypeVar

from folio.manuals.model import END, Indicator, Manual, Procedure, Step, Transition

#: How alike two activities must be (``difflib`` ratio) to be one step renumbered.
SIMILAR = 0.6

T = TypeVar("T")

TransitionKind = Literal["added", "removed", "retargeted"]


@dataclass(frozen=True)
class FieldChange:
    """A field (``"activity"``, ``"responsible"``, ``"name"``…) as it was and as it is,
    in words."""

    field: str
    old: str
    new: str


@dataclass(frozen=True)
class TransitionChange:
    """A jump of a step: ``when`` is its branch label (None when unconditional);
    ``old_to``/``new_to`` the targets as each version numbers them."""

    kind: TransitionKind
    when: str | None
    old_to: str | None = None
    new_to: str | None = None


@dataclass(frozen=True)
class StepChange:
    old: Step
    new: Step
    fields: tuple[FieldChange, ...] = ()
    transitions: tuple[TransitionChange, ...] = ()

    @property
    def renumbered(self) -> bool:
        return self.old.number != self.new.number


@dataclass(frozen=True)
class ProcedureChange:
    old: Procedure
    new: Procedure
    header: tuple[FieldChange, ...] = ()
    steps_added: tuple[Step, ...] = ()
    steps_removed: tuple[Step, ...] = ()
    steps_changed: tuple[StepChange, ...] = ()
    #: Steps that only changed number: (old number, new number).
    renumbered: tuple[tuple[str, str], ...] = ()

    @property
    def code(self) -> str:
        return self.new.code

    @property
    def is_empty(self) -> bool:
        parts = (self.header, self.steps_added, self.steps_removed, self.steps_changed)
        return not any(parts) and not self.renumbered


@dataclass(frozen=True)
class ManualDiff:
    header: tuple[FieldChange, ...] = ()
    added: tuple[Procedure, ...] = ()
    removed: tuple[Procedure, ...] = ()
    changed: tuple[ProcedureChange, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.header or self.added or self.removed or self.changed)


def diff_manuals(old: Manual, new: Manual) -> ManualDiff:
    old_codes = {p.code for p in old.procedures}
    new_codes = {p.code for p in new.procedures}
    changed = []
    for proc in new.procedures:
        before = old.procedure(proc.code)
        if before is not None:
            change = diff_procedures(before, proc)
            if not change.is_empty:
                changed.append(change)
    return ManualDiff(
        header=_changes(_MANUAL_FIELDS, old, new),
        added=tuple(p for p in new.procedures if p.code not in old_codes),
        removed=tuple(p for p in old.procedures if p.code not in new_codes),
        changed=tuple(changed),
    )


def diff_procedures(old: Procedure, new: Procedure) -> ProcedureChange:
    matches = match_steps(old, new)
    matched_new = set(matches.values())
    changed, renumbered = [], []
    for step in old.steps:
        if step.number not in matches:
            continue
        after = new.step(matches[step.number])
        assert after is not None
        change = StepChange(
            old=step,
            new=after,
            fields=_changes(_STEP_FIELDS, step, after),
            transitions=_transition_changes(step, after, matches),
        )
        if change.fields or change.transitions:
            changed.append(change)
        elif change.renumbered:
            renumbered.append((step.number, after.number))
    return ProcedureChange(
        old=old,
        new=new,
        header=_changes(_PROCEDURE_FIELDS, old, new),
        steps_added=tuple(s for s in new.steps if s.number not in matched_new),
        steps_removed=tuple(s for s in old.steps if s.number not in matches),
        steps_changed=tuple(changed),
        renumbered=tuple(renumbered),
    )


def match_steps(old: Procedure, new: Procedure) -> dict[str, str]:
    """Which step of ``new`` each step of ``old`` became, old number → new number.

    Steps are paired in three passes: the same activity (in order, as ``difflib`` lines
    up two texts, then any left over, the same number first); then the most alike
    activities (``SIMILAR`` or more, the same number winning a tie), which follows steps
    renumbered and reworded; then what is left with the same number, an activity
    rewritten in place. Steps of ``old`` left out no longer exist."""
    olds = [(i, s.number, _words(s.activity)) for i, s in enumerate(old.steps)]
    news = [(j, s.number, _words(s.activity)) for j, s in enumerate(new.steps)]
    pairs: dict[str, str] = {}
    used: set[str] = set()

    def pair(found: list[tuple[float, int, int, str, str]]) -> None:
        found.sort(key=lambda c: (-c[0], abs(c[1] - c[2]), c[1]))
        for _score, _i, _j, a, b in found:
            if a not in pairs and b not in used:
                pairs[a] = b
                used.add(b)

    same = difflib.SequenceMatcher(None, [o[2] for o in olds], [n[2] for n in news], False)
    for block in same.get_matching_blocks():  # in order, so repeated wordings pair in order
        for k in range(block.size):
            pairs[olds[block.a + k][1]] = news[block.b + k][1]
    used.update(pairs.values())
    pair([(a == b, i, j, a, b) for i, a, x in olds for j, b, y in news if x == y])
    left = [o for o in olds if o[1] not in pairs]
    right = [n for n in news if n[1] not in used]
    pair(
        [
            (score, i, j, a, b)
            for i, a, x in left
            for j, b, y in right
            if (score := _similarity(x, y) + (0.05 if a == b else 0.0)) >= SIMILAR
        ]
    )
    new_numbers = {n[1] for n in news}
    for _i, number, _text in olds:
        if number not in pairs and number in new_numbers and number not in used:
            pairs[number] = number
            used.add(number)
    return pairs


def _similarity(left: tuple[str, ...], right: tuple[str, ...]) -> float:
    """The ratio of two activities' words; 0 when it is surely under ``SIMILAR``."""
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


def _words(text: str) -> tuple[str, ...]:
    """The activity's words, compared as words (faster than characters, and a reworded
    activity keeps most of them)."""
    return tuple(re.findall(r"\w+", text.casefold()))


def _transition_changes(
    old: Step, new: Step, matches: dict[str, str]
) -> tuple[TransitionChange, ...]:
    """Jumps added, removed or pointing elsewhere, by branch label. A jump to a step that
    was only renumbered is the same jump."""

    def target(t: Transition) -> str | None:
        if t.to is None or not _is_step(t.to):
            return t.to
        return matches.get(t.to, f"\0gone:{t.to}")

    before = _by_label(old.next)
    after = _by_label(new.next)
    changes: list[TransitionChange] = []
    for label in [*before, *(w for w in after if w not in before)]:
        olds, news = before.get(label, []), after.get(label, [])
        if [target(t) for t in olds] == [t.to for t in news]:
            continue
        if len(olds) == 1 and len(news) == 1:
            changes.append(TransitionChange("retargeted", label, olds[0].to, news[0].to))
            continue
        kept = {t.to for t in news}
        moved = {target(t) for t in olds}
        changes += [TransitionChange("removed", label, t.to) for t in olds if target(t) not in kept]
        changes += [TransitionChange("added", label, None, t.to) for t in news if t.to not in moved]
    return tuple(changes)


def _is_step(to: str | None) -> bool:
    return to is not None and to != END and not to.startswith("external:")


def _by_label(transitions: Iterable[Transition]) -> dict[str | None, list[Transition]]:
    found: dict[str | None, list[Transition]] = {}
    for t in transitions:
        found.setdefault(t.when, []).append(t)
    return found


def _lines(items: Iterable[str]) -> str:
    return "\n".join(items)


def _indicators(items: Iterable[Indicator]) -> str:
    return _lines(
        " · ".join(
            x for x in (i.name, i.text, i.numerator, i.denominator, _num(i.factor), i.target) if x
        )
        for i in items
    )


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


# Each compared field: its name and how it reads in words.
_STEP_FIELDS: tuple[tuple[str, Callable[[Step], str]], ...] = (
    ("activity", lambda s: s.activity),
    ("responsible", lambda s: _lines(s.responsible)),
    (
        "documents",
        lambda s: _lines(
            d.text + (f" [{d.form_code}]" if d.form_code else "") for d in s.documents
        ),
    ),
    ("copies", lambda s: s.copies),
    ("questions", lambda s: _lines(s.questions)),
)

_PROCEDURE_FIELDS: tuple[tuple[str, Callable[[Procedure], str]], ...] = (
    ("name", lambda p: p.name),
    ("unit", lambda p: p.unit),
    ("objective", lambda p: p.objective),
    ("legal_basis", lambda p: p.legal_basis),
    ("policies", lambda p: _lines(p.policies)),
    ("time", lambda p: p.time.text),
    ("indicators", lambda p: _indicators(p.indicators)),
)

_MANUAL_FIELDS: tuple[tuple[str, Callable[[Manual], str]], ...] = (
    ("title", lambda m: m.title),
    ("unit", lambda m: m.unit),
    ("code", lambda m: m.code),
    ("elaborated", lambda m: m.elaborated),
    ("updated", lambda m: m.updated),
    ("revision", lambda m: m.revision),
    (
        "authorizations",
        lambda m: _lines(f"{a.action} {a.person} {a.position}".strip() for a in m.authorizations),
    ),
    ("introduction", lambda m: m.introduction),
    ("glossary", lambda m: _lines(f"{t.term}: {t.definition}" for t in m.glossary)),
    ("symbols", lambda m: _lines(f"{t.term}: {t.definition}" for t in m.symbols)),
    ("editions", lambda m: _lines(m.editions)),
    ("distribution", lambda m: _lines(m.distribution)),
    ("forms", lambda m: _lines(f"{f.code} {f.name}".strip() for f in m.forms)),
    ("organization", lambda m: _organization(m)),
)


def _organization(manual: Manual) -> str:
    org = manual.organization
    if org is None:
        return ""
    units = (f"{u.number} {u.name} ({u.parent or '-'})" for u in org.units)
    positions = (
        f"{p.number} {p.title} ({p.unit or '-'}; {p.reports_to}): {' | '.join(p.functions)}"
        for p in org.positions
    )
    return _lines([*units, *positions])


def _changes(
    fields: tuple[tuple[str, Callable[[T], str]], ...], old: T, new: T
) -> tuple[FieldChange, ...]:
    found = []
    for name, read in fields:
        before, after = read(old), read(new)
        if before != after:
            found.append(FieldChange(name, before, after))
    return tuple(found)
