"""The workload as a viewflow ``Flow``, node for node from ``workload.build_procedure()``:
one ``View`` (user task) per activity, open to the holders of its role's permission; an
``If`` after each decision reading the choice from ``process.data``; an ``End`` for the
normal end and one for the early end."""

from __future__ import annotations

from typing import Any

import workload
from viewflow import this
from viewflow.workflow import flow
from viewflow.workflow.flow.views import UpdateProcessView

#: The permission that stands for each role (created by ``bench/engine_viewflow.py``).
PERMISSIONS = {role: f"act_as_role_{n}" for n, role in enumerate(workload.ROLES, start=1)}
APP_LABEL = "viewflow"  # viewflow's Process model, whose content type holds them


def _target(to: str) -> Any:
    return this.end if to == workload.END else getattr(this, f"step_{to}")


def _nodes() -> dict[str, Any]:
    nodes: dict[str, Any] = {"start": flow.StartHandle().Next(this.step_1), "end": flow.End()}
    for step in workload.build_procedure().steps:
        name = f"step_{step.number}"
        permission = f"{APP_LABEL}.{PERMISSIONS[step.responsible[0]]}"
        view = flow.View(UpdateProcessView.as_view(fields=[])).Permission(permission)
        if len(step.next) == 1:
            nodes[name] = view.Next(_target(step.next[0].to or workload.END))
            continue
        branches = {t.when: t.to for t in step.next}
        no, otherwise = branches[workload.NO], branches[workload.OTHERWISE]
        nodes[name] = view.Next(getattr(this, f"check_{step.number}"))
        yes_target = _target(no or workload.END)
        if no == workload.END:
            nodes[f"end_{step.number}"] = flow.End()
            yes_target = getattr(this, f"end_{step.number}")
        nodes[f"check_{step.number}"] = (
            flow.If(_chose(workload.NO)).Then(yes_target).Else(_target(otherwise or ""))
        )
    return nodes


def _chose(label: str) -> Any:
    def condition(activation: Any) -> bool:
        return bool(activation.process.data.get("choice") == label)

    return condition


WorkloadFlow = type(
    "WorkloadFlow",
    (flow.Flow,),
    {"__module__": __name__, "__doc__": "Trámite de prueba de veinte actividades", **_nodes()},
)
