"""The step graph of one procedure, as the flow checks see it.

Edges go from a step to the steps its transitions name. Only targets that exist are
edges; ``END`` and ``external:`` targets leave the procedure. A transition whose target
is unknown (``None``, or a number no step has) is reported by its own check, and the
graph treats it as a possible way out so one defect does not cascade into others.
"""

from __future__ import annotations

from dataclasses import dataclass

from folio.manuals.model import END, EXTERNAL, Procedure, Step, Transition


def is_exit(transition: Transition) -> bool:
    to = transition.to
    return to == END or (to is not None and to.startswith(EXTERNAL))


@dataclass(frozen=True)
class StepGraph:
    procedure: Procedure
    #: step number → numbers of existing steps it leads to, in transition order.
    edges: dict[str, tuple[str, ...]]
    #: step number → numbers of the steps that lead to it, in step order.
    incoming: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, procedure: Procedure) -> StepGraph:
        numbers = {s.number for s in procedure.steps}
        edges: dict[str, tuple[str, ...]] = {}
        for step in procedure.steps:
            found = [t.to for t in step.next if t.to in numbers]
            edges.setdefault(step.number, tuple(str(t) for t in found))
        incoming: dict[str, list[str]] = {}
        for source, targets in edges.items():
            for target in dict.fromkeys(targets):
                incoming.setdefault(target, []).append(source)
        return cls(procedure, edges, {k: tuple(v) for k, v in incoming.items()})

    def exists(self, number: str | None) -> bool:
        return number in self.edges

    def reachable(self) -> set[str]:
        """Numbers of the steps reachable from the first step (the first included)."""
        if not self.procedure.steps:
            return set()
        seen = {self.procedure.steps[0].number}
        stack = list(seen)
        while stack:
            for target in self.edges.get(stack.pop(), ()):
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
        return seen

    def predecessors(self, number: str) -> list[str]:
        return list(self.incoming.get(number, ()))

    def can_end(self) -> set[str]:
        """Numbers of the steps from which the procedure can end (or leave it): the
        leaving steps and everything that leads to them, walked backwards once."""
        done = {s.number for s in self.procedure.steps if self._leaves(s)}
        stack = list(done)
        while stack:
            for source in self.incoming.get(stack.pop(), ()):
                if source not in done:
                    done.add(source)
                    stack.append(source)
        return done

    def _leaves(self, step: Step) -> bool:
        if not step.next:
            return True  # a dead end is FOL210's finding, not a cycle
        return any(is_exit(t) or not self.exists(t.to) for t in step.next)
