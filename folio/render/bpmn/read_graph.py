"""One BPMN process as a graph Folio reads steps from.

Every flow node is indexed with a kind: ``task`` (a step), ``start``, ``end``, a gateway
(``xor`` exclusive, ``event`` event-based, ``and`` parallel, ``or`` inclusive or complex)
or ``pass`` (an element the flow crosses and Folio does not keep: intermediate and
boundary events, the start and end events inside a subprocess). The graph is then
rewritten so that it only says what Folio's model can hold: link events joined,
boundary events turned into branches of their task, embedded subprocesses flattened,
simple parallel splits run one branch after another (``read_rewrite``). What is lost
on the way is noted as a ``Diagnostic`` (codes in ``folio.render.bpmn.read``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree  # type: ignore[import-untyped, unused-ignore]

from folio.manuals.model import Diagnostic, Severity, SourceRef
from folio.render.bpmn.names import bpmn

Element = Any

TASKS = frozenset(
    {
        "task",
        "userTask",
        "manualTask",
        "serviceTask",
        "scriptTask",
        "sendTask",
        "receiveTask",
        "businessRuleTask",
        "callActivity",
    }
)
SUBPROCESSES = frozenset({"subProcess", "adHocSubProcess", "transaction"})
GATEWAYS = {
    "exclusiveGateway": "xor",
    "eventBasedGateway": "event",
    "parallelGateway": "and",
    "inclusiveGateway": "or",
    "complexGateway": "or",
}
INTERMEDIATE = frozenset({"intermediateCatchEvent", "intermediateThrowEvent"})
#: Spanish names of event definitions, for messages.
EVENT_NAMES = {
    "timer": "temporizador",
    "message": "mensaje",
    "signal": "señal",
    "error": "error",
    "escalation": "escalamiento",
    "conditional": "condición",
    "compensate": "compensación",
    "cancel": "cancelación",
    "terminate": "terminación",
    "link": "enlace",
}


@dataclass
class Flow:
    """A sequence flow, possibly rewritten (several may share the original's id)."""

    id: str
    source: str
    target: str
    name: str = ""
    condition: str = ""
    #: Document position of the original flow: transitions keep the file's order.
    order: int = 0
    default: bool = False


@dataclass
class Graph:
    """The flow nodes and sequence flows of one process (and of its subprocesses)."""

    element: Element
    code: str
    file: str = ""
    #: Written by Folio: performers are the whole truth about roles, labels are names.
    own: bool = False
    nodes: dict[str, Element] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    #: Node id → the subprocess directly holding it ("" at the top level).
    parent: dict[str, str] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)
    flows: list[Flow] = field(default_factory=list)
    lanes: dict[str, str] = field(default_factory=dict)  # node id → innermost lane name
    refs: dict[str, Element] = field(default_factory=dict)  # dataObjectReference by id
    messages: dict[str, str] = field(default_factory=dict)  # message id → name
    #: End event id → code of the procedure its message flow reaches.
    sends: dict[str, str] = field(default_factory=dict)
    #: Procedure names and codes in the file → code.
    known: dict[str, str] = field(default_factory=dict)
    notes: dict[tuple[str, str], Diagnostic] = field(default_factory=dict)

    def outgoing(self, node_id: str) -> list[Flow]:
        return [f for f in self.flows if f.source == node_id]

    def incoming(self, node_id: str) -> list[Flow]:
        return [f for f in self.flows if f.target == node_id]

    def children(self, sub: str) -> list[str]:
        return [n for n, p in self.parent.items() if p == sub]

    def note(self, code: str, severity: Severity, element_id: str, text: str) -> None:
        """Record a finding once per (code, element)."""
        key = (code, element_id)
        if key not in self.notes:
            source = SourceRef(file=self.file)
            self.notes[key] = Diagnostic(code, severity, text, self.code, source=source)


def local(element: Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def named(element: Element) -> str:
    """«name» (id), or (id) alone, for messages: the first id in parentheses in a
    message is always the element it is about."""
    name = " ".join((element.get("name") or "").split())
    element_id = element.get("id", "")
    return f"«{name}» ({element_id})" if name else f"({element_id})"


def definition(element: Element) -> str:
    """The event's kind ("timer", "message"…), or "" for a none event."""
    for child in element:
        name = local(child)
        if name.endswith("EventDefinition"):
            return name.removesuffix("EventDefinition")
    return ""


def has_task(element: Element) -> bool:
    return any(local(e) in TASKS or local(e) in SUBPROCESSES for e in element.iterdescendants())


def index_process(graph: Graph, root: Element) -> None:
    """Index the process's nodes, flows, lanes and data objects."""
    for message in root.iterfind(bpmn("message")):
        graph.messages[message.get("id", "")] = message.get("name", "").strip()
    _collect(graph, graph.element, "")
    nodes = graph.nodes
    for flow in graph.flows:
        source = nodes.get(flow.source)
        flow.default = source is not None and source.get("default") == flow.id
    for lane in graph.element.iter(bpmn("lane")):  # document order: inner lanes come later
        for ref in lane.iterfind(bpmn("flowNodeRef")):
            graph.lanes[(ref.text or "").strip()] = lane.get("name", "").strip()
    for node_id in graph.order:  # document order: a subprocess before what it holds
        holder = graph.parent.get(node_id, "")
        if node_id not in graph.lanes and graph.lanes.get(holder):
            graph.lanes[node_id] = graph.lanes[holder]


def _collect(graph: Graph, container: Element, sub: str) -> None:
    for child in container:
        name, child_id = local(child), child.get("id")
        if child_id is None or not name:
            continue
        graph.order.setdefault(child_id, len(graph.order))
        if name == "sequenceFlow":
            graph.flows.append(_flow(child, graph.order[child_id]))
        elif name == "dataObjectReference":
            graph.refs[child_id] = child
        elif name in TASKS:
            _add_task(graph, child, sub)
        elif name in SUBPROCESSES:
            _add_subprocess(graph, child, sub)
        elif name in GATEWAYS:
            _add(graph, child, GATEWAYS[name], sub)
        elif name == "startEvent":
            _add(graph, child, "pass" if sub else "start", sub)
        elif name == "endEvent":
            _add(graph, child, "end", sub)
        elif name in INTERMEDIATE or name == "boundaryEvent":
            _add(graph, child, "pass", sub)
            _note_event(graph, child)


def _flow(element: Element, order: int) -> Flow:
    condition = element.findtext(bpmn("conditionExpression")) or ""
    return Flow(
        element.get("id", ""),
        element.get("sourceRef", ""),
        element.get("targetRef", ""),
        " ".join((element.get("name") or "").split()),
        " ".join(condition.split()),
        order,
    )


def _add(graph: Graph, element: Element, kind: str, sub: str) -> None:
    node_id = element.get("id", "")
    graph.nodes[node_id] = element
    graph.kinds[node_id] = kind
    graph.parent[node_id] = sub


def _add_task(graph: Graph, task: Element, sub: str) -> None:
    if task.get("isForCompensation") == "true":
        graph.note(
            "BPMN016",
            "warning",
            task.get("id", ""),
            f"La tarea de compensación {named(task)} no se importa: Folio no deshace "
            "actividades ya hechas.",
        )
        return
    _add(graph, task, "task", sub)
    loop = next((local(c) for c in task if local(c).endswith("LoopCharacteristics")), "")
    if loop:
        how = "varias instancias" if loop.startswith("multiInstance") else "un ciclo"
        graph.note(
            "BPMN017",
            "warning",
            task.get("id", ""),
            f"La tarea {named(task)} se repite ({how}); Folio la lee como una sola actividad.",
        )
    if local(task) == "callActivity":
        called = task.get("calledElement") or "otro proceso"
        graph.note(
            "BPMN018",
            "info",
            task.get("id", ""),
            f"La actividad de llamada {named(task)} invoca {called}; Folio la lee como una "
            "actividad, sin abrir ese proceso.",
        )


def _add_subprocess(graph: Graph, element: Element, sub: str) -> None:
    node_id = element.get("id", "")
    if element.get("triggeredByEvent") == "true":
        graph.note(
            "BPMN007",
            "warning",
            node_id,
            f"El subproceso de evento {named(element)} no se importa: Folio no atiende "
            "eventos que interrumpen el procedimiento.",
        )
        return
    if not has_task(element):
        _add(graph, element, "task", sub)
        graph.note(
            "BPMN006",
            "warning",
            node_id,
            f"El subproceso {named(element)} no muestra sus tareas; se importa como una "
            "sola actividad.",
        )
        return
    _add(graph, element, "sub", sub)
    graph.note(
        "BPMN005",
        "warning",
        node_id,
        f"El subproceso {named(element)} se aplana: sus tareas son actividades del "
        "procedimiento, entre las que lo preceden y las que lo siguen.",
    )
    _collect(graph, element, node_id)


def _note_event(graph: Graph, event: Element) -> None:
    kind = definition(event)
    if local(event) == "boundaryEvent" or kind == "link":
        return  # boundary events are noted with their branch; links are only connectors
    if not kind:
        graph.note(
            "BPMN011",
            "info",
            event.get("id", ""),
            f"El evento intermedio {named(event)} no tiene efecto en Folio; el flujo sigue "
            "de largo.",
        )
        return
    verb = "la espera" if kind == "timer" else "el envío o la recepción"
    graph.note(
        "BPMN010",
        "warning",
        event.get("id", ""),
        f"El evento intermedio de {EVENT_NAMES.get(kind, kind)} {named(event)} se omite: "
        f"Folio no registra {verb}; el flujo sigue a lo que viene después.",
    )
