"""What ``verify_log`` checks beyond the chain: that the rows beside it agree with it.

- ``Event.on_behalf_of`` links the external role an entry's actor acted for; the role's
  name is in the hashed payload, and the page shows that name. The column is not hashed
  (merging roles repoints it), so it must name the payload's role: by the role's name
  or one of its spellings (a merged role keeps the other's name as an alias).
- Each task row's case, activity, pass, state and holder must be what the log's entries
  about it say: created (open, nobody), claimed (by the actor), released (open, nobody),
  reassigned (to the person named), completed (done), cancelled with its case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from web.cases.models import Event, EventKind, Task, TaskState
from web.catalog.models import Role, RoleAlias


@dataclass
class Told:
    """A task as the log tells it so far; ``seq`` is the last entry that changed it."""

    case_id: int | None
    step: str
    pass_number: int
    state: str
    assignee: int | None
    seq: int


@dataclass
class Replay:
    """The tasks as the log tells them, built entry by entry."""

    tasks: dict[int, Told] = field(default_factory=dict)
    _names: dict[int, set[str]] | None = None

    def behalf_disagrees(self, event: Event) -> str:
        """Why the entry's ``on_behalf_of`` column does not name its payload's role;
        empty when it does (or is empty: a deleted role leaves it so)."""
        if event.on_behalf_of_id is None:
            return ""
        told = event.payload.get("on_behalf_of") if isinstance(event.payload, dict) else None
        if told in self.names().get(event.on_behalf_of_id, set()):
            return ""
        words = {"seq": event.seq, "told": told or "—"}
        return (
            _("Entry %(seq)s is linked to another role than the one it names («%(told)s»).") % words
        )

    def names(self) -> dict[int, set[str]]:
        if self._names is None:
            found: dict[int, set[str]] = {}
            for pk, name in Role.objects.values_list("pk", "name"):
                found.setdefault(pk, set()).add(name)
            for pk, name in RoleAlias.objects.values_list("role_id", "name"):
                found.setdefault(pk, set()).add(name)
            self._names = found
        return self._names

    def take(self, event: Event) -> None:
        """Follow what the entry says of its tasks."""
        data: dict[str, Any] = event.payload if isinstance(event.payload, dict) else {}
        kind, task = event.kind, data.get("task")
        if kind == EventKind.TASK_CREATED and isinstance(task, int):
            told = Told(event.case_id, str(data.get("step")), int(data.get("pass", 1)),
                        TaskState.OPEN, None, event.seq)  # fmt: skip
            self.tasks[task] = told
        elif kind == EventKind.CASE_CANCELLED:
            for pk in data.get("tasks") or []:
                self._move(pk, event.seq, TaskState.CANCELLED)
        elif isinstance(task, int):
            self._follow(kind, task, event, data)

    def _follow(self, kind: str, task: int, event: Event, data: dict[str, Any]) -> None:
        if kind == EventKind.TASK_CLAIMED:
            self._move(task, event.seq, TaskState.CLAIMED, event.actor_id)
        elif kind == EventKind.TASK_RELEASED:
            self._move(task, event.seq, TaskState.OPEN, None)
        elif kind == EventKind.TASK_REASSIGNED:
            self._move(task, event.seq, TaskState.CLAIMED, data.get("to"))
        elif kind == EventKind.TASK_COMPLETED:
            self._move(task, event.seq, TaskState.DONE)

    def _move(self, pk: int, seq: int, state: str, *assignee: int | None) -> None:
        told = self.tasks.get(pk)
        if told is None:
            return  # an entry about a task the log never opened is caught with the rows
        told.state, told.seq = state, seq
        if assignee:
            told.assignee = assignee[0]


def task_disagreement(replay: Replay) -> tuple[int | None, str]:
    """The first task row (by id) that is not as the log tells it: the entry that last
    told of it (None for a row the log never opened) and why, in words; (None, "") when
    every row agrees."""
    told = replay.tasks
    rows = Task.objects.order_by("pk").values_list(
        "pk", "case_id", "case__folio", "step_number", "pass_number", "state", "assignee_id"
    )
    for pk, case_id, folio, step, pass_number, state, assignee in rows.iterator(2000):
        seen = told.pop(pk, None)
        words = {"step": step, "pass": pass_number, "folio": folio}
        if seen is None:
            return None, _(
                "Activity %(step)s (pass %(pass)s) of case %(folio)s has no entry in the log."
            ) % words
        row = (case_id, step, pass_number, state, assignee)
        if row != (seen.case_id, seen.step, seen.pass_number, seen.state, seen.assignee):
            return seen.seq, _(
                "Activity %(step)s (pass %(pass)s) of case %(folio)s is not as the log's "
                "entry %(seq)s left it (%(row)s; the log says %(told)s)."
            ) % {**words, "seq": seen.seq, "row": _said(state, assignee),
                 "told": _said(seen.state, seen.assignee)}  # fmt: skip
    if told:
        pk, seen = min(told.items())
        words = {"seq": seen.seq, "step": seen.step, "pass": seen.pass_number}
        return seen.seq, _(
            "Activity %(step)s (pass %(pass)s) that entry %(seq)s tells of has no row: it "
            "was deleted."
        ) % words
    return None, ""


def _said(state: str, assignee: int | None) -> str:
    name = str(TaskState(state).label) if state in TaskState.values else state
    if assignee is None:
        return name
    return _("%(state)s, held by person %(id)s") % {"state": name, "id": assignee}
