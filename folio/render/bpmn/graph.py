"""The BPMN process graph of one procedure, before it is written as XML.

One ``userTask`` per step; a decision gets an ``exclusiveGateway`` after its task (a chain
of them when the chart draws several diamonds), its flows named by the branch labels as
worded ("No › Si" stays one label, as the swimlane chart draws it); every transition to
``END`` gets its own ``endEvent``; a jump to another procedure is a message end event
(the message is named after the target procedure, which starts on it); a jump with no
target, or to a step the procedure lacks, is an end event that says so. Documents are
data objects; the chart's Base de datos symbols are data stores.

Ids derive from step numbers and positions only, so the graph is deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from folio.manuals.cleaning import fold
from folio.manuals.model import END, EXTERNAL, Procedure, Step, Transition

NodeKind = Literal["start", "end", "task", "gateway"]

#: Name of the end event standing for a jump the manual announces without a target.
MISSING_TARGET = "Destino no indicado"
#: Branch labels that mean "any other case": the gateway's default flow.
_DEFAULT_LABELS = ("en caso contrario", "de lo contrario", "caso contrario", "en otro caso")
#: Longest task name, when the chart gives no box to fit it in.
NAME_LIMIT = 90
#: Longest gateway name: the question is written inside the diamond, as in the chart.
QUESTION_LIMIT = 36
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def token(text: str) -> str:
    """A fragment safe inside an XML NCName: "3.1" → "3_1", "P 15" → "P_15"."""
    return _UNSAFE.sub("_", text).strip("_") or "x"


@dataclass(frozen=True)
class FlowNode:
    id: str
    kind: NodeKind
    name: str
    #: Role of the lane holding the node ("" for none).
    lane: str
    #: 1-based position of the step the node belongs to (start event: 0).
    position: int = 0
    documentation: str = ""
    performers: tuple[str, ...] = ()
    #: For end events, the ``Transition.to`` they stand for.
    to: str | None = END
    #: For external jumps, the id of the message thrown.
    message: str | None = None
    #: For gateways, the id of the default outgoing flow.
    default: str | None = None


@dataclass(frozen=True)
class SequenceFlow:
    id: str
    source: str
    target: str
    name: str | None = None
    #: (step position, index in ``Step.next``) of the transition the flow draws.
    transition: tuple[int, int] | None = None


@dataclass(frozen=True)
class DataObject:
    id: str
    name: str


@dataclass(frozen=True)
class DataRef:
    """A ``dataObjectReference`` (``type`` set) or a ``dataStoreReference`` (``type``
    None) attached to a task."""

    id: str
    node: str  # id of the task it belongs to
    name: str  # DocumentRef.text, or the data store's name
    object: str = ""  # DataObject.id
    type: str | None = None
    form_code: str | None = None


@dataclass(frozen=True)
class Message:
    id: str
    name: str


@dataclass(frozen=True)
class Hints:
    """What the laid-out chart adds, per step position: the diamond each transition
    leaves from, the Base de datos symbols beside the task, the room for its name."""

    exits: Mapping[int, tuple[int, ...]] = field(default_factory=dict)
    stores: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    #: Longest task name that fits the chart's box, by step position.
    names: Mapping[int, int] = field(default_factory=dict)


@dataclass
class ProcessGraph:
    code: str
    name: str
    objective: str
    roles: tuple[str, ...]
    nodes: list[FlowNode] = field(default_factory=list)
    flows: list[SequenceFlow] = field(default_factory=list)
    objects: list[DataObject] = field(default_factory=list)
    refs: list[DataRef] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    #: Task id of each step position, and of each step number (its first step).
    tasks: dict[int, str] = field(default_factory=dict)
    numbers: dict[str, str] = field(default_factory=dict)

    def node(self, node_id: str) -> FlowNode:
        return next(n for n in self.nodes if n.id == node_id)

    def add_flow(
        self, source: str, target: str, name: str | None = None, at: tuple[int, int] | None = None
    ) -> None:
        self.flows.append(SequenceFlow(f"Flow_{len(self.flows) + 1}", source, target, name, at))


def task_name(step: Step, limit: int = NAME_LIMIT) -> str:
    """ "N. activity", cut at a word boundary to about ``limit`` characters in all."""
    return f"{step.number}. {shortened(step.activity, max(limit - len(step.number) - 2, 12))}"


def shortened(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary with "…" past ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:.") + "…"
    return text


def _role(step: Step) -> str:
    return next((r.strip() for r in step.responsible if r.strip()), "")


def build_graph(procedure: Procedure, hints: Hints | None = None) -> ProcessGraph:
    hints = hints or Hints()
    roles = {r.strip(): None for s in procedure.steps for r in s.responsible if r.strip()}
    graph = ProcessGraph(procedure.code, procedure.name, procedure.objective, tuple(roles))
    first = _role(procedure.steps[0]) if procedure.steps else ""
    graph.nodes.append(FlowNode("StartEvent_1", "start", "Inicio", first))
    for position, step in enumerate(procedure.steps, start=1):
        key = token(step.number)
        if f"Activity_{key}" in graph.tasks.values():  # a repeated step number
            key = f"{key}_{position}"
        graph.tasks[position] = f"Activity_{key}"
        graph.numbers.setdefault(step.number, f"Activity_{key}")
        _add_task(graph, position, step, hints)
    if procedure.steps:
        graph.add_flow("StartEvent_1", graph.tasks[1])
    for position, step in enumerate(procedure.steps, start=1):
        _add_transitions(graph, position, step, hints.exits.get(position, ()))
    return graph


def _add_task(graph: ProcessGraph, position: int, step: Step, hints: Hints) -> None:
    stores, names = hints.stores.get(position, ()), hints.names
    node_id = graph.tasks[position]
    key = node_id.removeprefix("Activity_")
    graph.nodes.append(
        FlowNode(
            node_id,
            "task",
            task_name(step, names.get(position, NAME_LIMIT)),
            _role(step),
            position,
            documentation=step.activity,
            performers=step.responsible,
        )
    )
    for index, doc in enumerate(step.documents, start=1):
        object_name = f"{doc.type} {doc.form_code}" if doc.form_code else doc.type
        existing = next((o for o in graph.objects if o.name == object_name), None)
        if existing is None:
            existing = DataObject(f"DataObject_{len(graph.objects) + 1}", object_name)
            graph.objects.append(existing)
        ref_id = f"DataObjectReference_{key}_{index}"
        graph.refs.append(DataRef(ref_id, node_id, doc.text, existing.id, doc.type, doc.form_code))
    for index, store in enumerate(stores, start=1):
        graph.refs.append(DataRef(f"DataStoreReference_{key}_{index}", node_id, store))


def _add_transitions(
    graph: ProcessGraph, position: int, step: Step, exits: tuple[int, ...]
) -> None:
    """A decision (a question, or two transitions or more, as the chart draws a diamond)
    gets its gateways first, then one flow per transition in the step's order, so that a
    reader can restore that order. The gateway's name holds the question(s), shortened to
    fit the diamond; its documentation holds them whole, one a line."""
    source = graph.tasks[position]
    key = source.removeprefix("Activity_")
    gateways: list[str] = []
    if step.is_decision or len(step.next) >= 2:
        for index in range(max(exits, default=0) + 1):
            gateway = f"Gateway_{key}_{index + 1}"
            name = shortened(" ".join(step.questions), QUESTION_LIMIT) if index == 0 else ""
            questions = "\n".join(step.questions) if index == 0 else ""
            node = FlowNode(gateway, "gateway", name, _role(step), position, questions)
            graph.nodes.append(node)
            graph.add_flow(gateways[-1] if gateways else source, gateway)
            gateways.append(gateway)
    for index, transition in enumerate(step.next):
        target = _target(graph, position, step, index, transition)
        parent = source
        if gateways:
            parent = gateways[min(exits[index] if index < len(exits) else 0, len(gateways) - 1)]
        graph.add_flow(parent, target, transition.when, (position, index))
    for gateway in gateways:
        _set_default(graph, gateway)


def _target(
    graph: ProcessGraph, position: int, step: Step, index: int, transition: Transition
) -> str:
    to = transition.to
    if to is not None and to in graph.numbers:
        return graph.numbers[to]
    node_id = f"Event_{graph.tasks[position].removeprefix('Activity_')}_{index + 1}"
    lane = _role(step)
    if to == END:
        node = FlowNode(node_id, "end", "Fin", lane, position)
    elif to is not None and to.startswith(EXTERNAL):
        target = to.removeprefix(EXTERNAL)
        message = next((m for m in graph.messages if m.name == target), None)
        if message is None:
            message = Message(f"Message_{token(target)}_{len(graph.messages) + 1}", target)
            graph.messages.append(message)
        name = f"Continúa en el procedimiento {target}"
        node = FlowNode(node_id, "end", name, lane, position, to=to, message=message.id)
    elif to is None:
        doc = f"La actividad {step.number} anuncia un salto, pero el manual no indica a dónde."
        node = FlowNode(node_id, "end", MISSING_TARGET, lane, position, doc, to=None)
    else:
        doc = f"La actividad {step.number} remite a la actividad {to}, que no existe."
        name = f"Actividad {to} (no existe)"
        node = FlowNode(node_id, "end", name, lane, position, doc, to=to)
    graph.nodes.append(node)
    return node_id


def _set_default(graph: ProcessGraph, gateway: str) -> None:
    outgoing = [f for f in graph.flows if f.source == gateway]
    defaults = [f for f in outgoing if f.name and fold(f.name).strip() in _DEFAULT_LABELS]
    if len(defaults) == 1 and len(outgoing) > 1:
        index = graph.nodes.index(graph.node(gateway))
        graph.nodes[index] = replace(graph.nodes[index], default=defaults[0].id)
