"""Resolving each step's outgoing transitions from its text and its neighbours.

Decisions are often spread over several rows: "3 ¿La incidencia es competencia…? No:
Termina Procedimiento." then "4 En caso contrario: Evalúa…". A question whose branches
are not all written on its own row stays *pending*; following rows that open with a
branch label ("Si:", "En caso contrario:", "Lineamiento:") are that decision's branches.
A row that opens with a label nobody is waiting for is a branch tail reached by a jump,
so the row above it does not fall into it (it ends there: an implicit end).

Conditions written without a colon ask their own question: "3 Si no procede, notifica y
pasa al punto 2" then "4 Si procede, turna…" is one decision of step 3, like "7 ¿Procede?
No: regresa a la actividad 5" then "8 Si: turna…". A row whose conditions name no
"otherwise" ("Si no cumple, paso 6"; "…; en caso contrario pasar al punto 8") goes on to
the next row in the other case, unlabelled.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from folio.manuals.cleaning import fold
from folio.manuals.flowtext import Analysis, Branch, Target, analyze
from folio.manuals.model import END, EXTERNAL, Transition
from folio.manuals.steps import Draft

NESTED = " › "


@dataclass
class _Pending:
    owner: int
    prefix: str
    question: str
    #: Waiting for the converse of a condition ("Si procede," after "Si no procede,").
    condition: bool = False


@dataclass
class _State:
    drafts: list[Draft]
    nexts: list[list[Transition]]
    questions: list[list[str]]
    pending: _Pending | None = None
    analyses: dict[int, Analysis] = field(default_factory=dict)

    def analysis(self, i: int) -> Analysis:
        if i not in self.analyses:
            q = self.pending.question if self.pending else ""
            self.analyses[i] = analyze(self.drafts[i].text, q)
        return self.analyses[i]

    def number_after(self, i: int) -> str:
        return self.drafts[i + 1].number if i + 1 < len(self.drafts) else END

    def add(self, i: int, target: str | None, when: str | None) -> None:
        t = Transition(target, when)
        if t not in self.nexts[i]:
            self.nexts[i].append(t)


def resolve(drafts: list[Draft]) -> list[tuple[tuple[Transition, ...], tuple[str, ...]]]:
    """``(next, questions)`` for each draft, in order."""
    state = _State(drafts, [[] for _ in drafts], [[] for _ in drafts])
    for i in range(len(drafts)):
        _resolve_row(state, i)
    _close_pending(state, len(drafts) - 1)
    numbers = _Numbers([d.number for d in drafts])
    return [
        (tuple(_canonical(t, numbers) for t in nexts), tuple(qs))
        for nexts, qs in zip(state.nexts, state.questions, strict=True)
    ]


def _resolve_row(state: _State, i: int) -> None:
    a = state.analysis(i)
    branches = list(a.branches)
    own_target, own_questions = a.target, list(a.questions)
    if a.starts_with_label and branches and not _decides_itself(state, i):
        first = branches.pop(0)
        if state.pending is not None:
            branches = _claim(state, i, first, branches)
        else:
            _close_pending(state, i - 1)
        own_target = first.target
        own_questions = [first.question] if first.question else []
    else:
        _close_pending(state, i - 1)
    state.questions[i].extend(own_questions)
    if branches or own_questions:
        _own_decision(state, i, branches, own_questions)
    else:
        _own_flow(state, i, own_target)


def _decides_itself(state: _State, i: int) -> bool:
    """A row opening with a condition ("Si requiere enmiendas continúa en el paso 16. Si
    no…") is its own decision, unless it answers the pending one with a single branch;
    so is the first row of an answer pair (see ``_answer_pair``)."""
    a = state.analysis(i)
    if not a.branches[0].conditional:
        return state.pending is None and _answer_pair(state, i)
    return state.pending is None or sum(1 for b in a.branches if b.conditional) >= 2


def _answer_pair(state: _State, i: int) -> bool:
    """ "3 No tiene: emite la constancia y continúa en la actividad 5" then "4 Si tiene:
    …": two rows answering a question the manual leaves implied. The first row owns the
    decision, as "7 ¿Procede? No: …" does; it is no branch tail reached by a jump."""
    first = state.analysis(i).branches[0]
    if first.target is None or i + 1 >= len(state.drafts):
        return False
    nxt = analyze(state.drafts[i + 1].text, first.label)
    if not nxt.opens_with_answer:
        return False
    return {_yes_or_no(first.label), _yes_or_no(nxt.branches[0].label)} == {"si", "no"}


def _yes_or_no(label: str) -> str:
    return fold(label).split(" ")[0]


def _claim(state: _State, i: int, first: Branch, rest: list[Branch]) -> list[Branch]:
    """Give ``first`` (and the row's further labels, unless the first branch asks a new
    question) to the pending decision; return the branches left to the row itself."""
    p = state.pending
    assert p is not None
    state.add(p.owner, state.drafts[i].number, _join(p.prefix, first.label))
    closed = first.is_else
    while rest and first.question is None:
        b = rest.pop(0)
        state.add(p.owner, _branch_target(state, i, b), _join(p.prefix, b.label))
        closed = closed or b.is_else
    if closed or _answered(state, p):
        state.pending = None
    return rest


def _answered(state: _State, p: _Pending) -> bool:
    """A condition has two sides; a yes/no question is answered once both are."""
    if p.condition:
        return True
    answers = {
        _yes_or_no(t.when.removeprefix(_join(p.prefix, "")))
        for t in state.nexts[p.owner]
        if t.when and t.when.startswith(p.prefix)
    }
    return {"si", "no"} <= answers


def _own_decision(state: _State, i: int, branches: list[Branch], questions: list[str]) -> None:
    has_open = False
    nested: _Pending | None = None
    for b in branches:
        if b.question is not None and b.target is None:
            nested = _Pending(i, b.label, b.question)
            state.questions[i].append(b.question)
            continue
        state.add(i, _branch_target(state, i, b), b.label)
        has_open = has_open or b.is_else or b.target is None
    if nested is not None:
        state.pending = nested
    elif questions and not has_open:
        state.pending = _Pending(i, "", questions[-1])
    elif not questions and not has_open:
        state.pending = _Pending(i, "", branches[0].label, condition=True)
    elif not questions and len({t.when for t in state.nexts[i]}) < 2:
        state.add(i, state.number_after(i), None)  # "…; en caso contrario pasa al 8"


def _own_flow(state: _State, i: int, target: Target | None) -> None:
    if target is not None:
        state.add(i, _target_value(target), None)
        return
    if i + 1 >= len(state.drafts):
        state.add(i, END, None)
        return
    nxt = analyze(state.drafts[i + 1].text, "")
    if nxt.opens_with_answer and state.pending is None and not _answer_pair(state, i + 1):
        state.add(i, END, None)  # the next row is another branch's tail
    else:
        state.add(i, state.number_after(i), None)


def _close_pending(state: _State, last: int) -> None:
    """No more rows carry branches of the pending decision: its missing branch is the
    row after its owner (unlabelled, as the manual does not word it)."""
    p = state.pending
    if p is None:
        return
    state.pending = None
    if len({t.when for t in state.nexts[p.owner]}) < 2:
        state.add(p.owner, state.number_after(p.owner), None)


def _branch_target(state: _State, i: int, b: Branch) -> str | None:
    if b.target is None:
        return state.number_after(i)
    return _target_value(b.target)


def _target_value(t: Target) -> str | None:
    if t.kind == "end":
        return END
    if t.kind == "external":
        return EXTERNAL + t.value
    if t.kind == "missing":
        return None
    return t.value


def _join(prefix: str, label: str) -> str:
    return f"{prefix}{NESTED}{label}" if prefix else label


class _Numbers:
    """The procedure's step numbers, looked up in constant time: as written, and the
    first sub-step under each number ("2" → "2.1")."""

    def __init__(self, numbers: list[str]) -> None:
        self.known = set(numbers)
        self.first_under: dict[str, str] = {}
        for number in numbers:
            parts = number.split(".")
            for depth in range(1, len(parts)):
                if parts[depth][:1].isdigit():
                    self.first_under.setdefault(".".join(parts[:depth]), number)


def _canonical(t: Transition, numbers: _Numbers) -> Transition:
    """ "regresa al punto 2" in a manual numbered 2.1, 2.2 means step 2.1."""
    if t.to is None or t.to == END or t.to.startswith(EXTERNAL) or t.to in numbers.known:
        return t
    to = t.to.rstrip(".")
    if to in numbers.known:
        return Transition(to, t.when)
    sub = numbers.first_under.get(to)
    return (
        Transition(sub, t.when) if sub and sub.split(".")[-1].isdigit() else Transition(to, t.when)
    )
