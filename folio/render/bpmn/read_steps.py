"""The steps of a process graph: one per task, numbered, with their roles, documents,
questions and transitions.

Tasks are numbered by the number their name starts with ("3. Revisa…") when every task
has a distinct one, else in flow order from the start event. A step's transitions are
found by following flows from its task through everything that is not a task: branch
labels are the names of the flows crossed ("No › Si" across nested gateways), in a file
not written by Folio their conditions when unnamed, "En caso contrario" for an unnamed
default flow; only gateways that split (not joins) ask questions.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator

from folio.manuals.documents import parse_documents
from folio.manuals.model import END, EXTERNAL, DocumentRef, SourceRef, Step, Transition
from folio.render.bpmn.graph import MISSING_TARGET
from folio.render.bpmn.names import bpmn, folio
from folio.render.bpmn.read_graph import EVENT_NAMES, Element, Flow, Graph, definition, local, named

_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)*)(?:\s*[.):-]?\s+(\S.*)|\s*[.):-]?\s*)$", re.DOTALL)
_ROLES = ("performer", "humanPerformer", "potentialOwner")
#: Label of an unnamed default flow.
OTHERWISE = "En caso contrario"
#: End event kinds that mean more than "the procedure ends here".
_LOUD_ENDS = frozenset({"error", "escalation", "signal", "compensate", "cancel", "message"})


def read_steps(graph: Graph) -> tuple[Step, ...]:
    tasks = [n for n in graph.order if graph.kinds.get(n) == "task"]
    own = _own_numbers(graph, tasks)
    numbers = own or _flow_numbers(graph, tasks)
    if not own:
        tasks.sort(key=lambda task: int(numbers[task]))
    _check_start(graph, numbers)
    return tuple(_step(graph, task, numbers) for task in tasks)


def _own_numbers(graph: Graph, tasks: list[str]) -> dict[str, str]:
    """Task id → the number its name starts with, if every task has a distinct one."""
    prefixed = [_NUMBER.match(graph.nodes[t].get("name", "")) for t in tasks]
    own = [m.group(1) for m in prefixed if m]
    if len(own) < len(tasks) or len(set(own)) < len(own):
        return {}
    return dict(zip(tasks, own, strict=True))


def _flow_numbers(graph: Graph, tasks: list[str]) -> dict[str, str]:
    """Task id → step number in breadth-first order from the start events (tasks never
    reached come last, in file order)."""
    queue = deque(n for n, kind in graph.kinds.items() if kind == "start")
    seen: set[str] = set(queue)
    reached: list[str] = []
    while queue:
        node_id = queue.popleft()
        if graph.kinds.get(node_id) == "task":
            reached.append(node_id)
        for flow in sorted(graph.outgoing(node_id), key=lambda f: f.order):
            if flow.target not in seen:
                seen.add(flow.target)
                queue.append(flow.target)
    reached += [t for t in tasks if t not in seen]
    return {task_id: str(index) for index, task_id in enumerate(reached, start=1)}


def _check_start(graph: Graph, numbers: dict[str, str]) -> None:
    starts = [n for n, kind in graph.kinds.items() if kind == "start"]
    for start in starts:
        kind = definition(graph.nodes[start])
        if kind or len(starts) > 1:
            what = f"de {EVENT_NAMES.get(kind, kind)} " if kind else ""
            graph.note(
                "BPMN012",
                "info",
                start,
                f"El evento de inicio {what}{named(graph.nodes[start])} se lee como el "
                "inicio del procedimiento; Folio no guarda qué lo dispara.",
            )
    first = {t.to for s in starts for t in _transitions(graph, s, numbers)[0]}
    if len(first) > 1:
        graph.note(
            "BPMN019",
            "warning",
            graph.element.get("id", ""),
            f"El proceso {named(graph.element)} se bifurca antes de su primera tarea; en "
            "Folio los casos empiezan siempre en la actividad 1.",
        )


def _step(graph: Graph, task_id: str, numbers: dict[str, str]) -> Step:
    task = graph.nodes[task_id]
    transitions, gateways = _transitions(graph, task_id, numbers)
    questions = tuple(
        question
        for gateway in sorted(gateways, key=graph.order.__getitem__)
        for question in _questions(graph, graph.nodes[gateway])
    )
    return Step(
        number=numbers[task_id],
        responsible=_responsible(graph, task),
        activity=_activity(task),
        documents=tuple(_documents(graph, task)),
        next=transitions,
        questions=questions,
        source=SourceRef(file=graph.file),
    )


def _transitions(
    graph: Graph, node_id: str, numbers: dict[str, str]
) -> tuple[tuple[Transition, ...], list[str]]:
    """The node's transitions in the order of their last flow in the file, and the
    gateways crossed on the way that ask a question."""
    found: list[tuple[int, Transition]] = []
    gateways: list[str] = []
    queue: deque[tuple[Flow, tuple[str, ...]]] = deque((f, ()) for f in graph.outgoing(node_id))
    seen: set[str] = {node_id}
    while queue:
        flow, labels = queue.popleft()
        label = _label(graph, flow)
        path = labels + (label,) if label else labels
        target, kind = flow.target, graph.kinds.get(flow.target, "")
        when = " › ".join(path) or None
        if kind == "task":
            found.append((flow.order, Transition(numbers[target], when)))
        elif kind == "end":
            found.append((flow.order, Transition(_end_target(graph, target), when)))
        elif target not in seen and kind:
            seen.add(target)
            if _asks(graph, target):
                gateways.append(target)
            queue.extend((f, path) for f in graph.outgoing(target))
    found.sort(key=lambda item: item[0])
    return tuple(t for _, t in found), gateways


def _asks(graph: Graph, gateway: str) -> bool:
    """A gateway that decides: exclusive, event-based or inclusive, and not a join."""
    if graph.kinds[gateway] not in {"xor", "event", "or"}:
        return False
    return not (len(graph.incoming(gateway)) >= 2 and len(graph.outgoing(gateway)) <= 1)


def _label(graph: Graph, flow: Flow) -> str:
    """The branch label a flow adds: its name; in a file not written by Folio, its
    condition, "En caso contrario" for a default flow, or the name of where it leads when
    it leaves a decision with nothing else to tell the branches apart."""
    source_kind = graph.kinds.get(flow.source, "")
    if source_kind == "and":
        return ""
    if flow.name or graph.own:
        return flow.name
    if flow.condition:
        return flow.condition
    if flow.default:
        return OTHERWISE
    if source_kind not in {"xor", "event", "or"} or len(graph.outgoing(flow.source)) < 2:
        return ""
    target = graph.nodes[flow.target]
    label = " ".join((target.get("name") or "").split()) or flow.target
    if source_kind != "event":
        graph.note(
            "BPMN014",
            "warning",
            flow.id,
            f"La rama ({flow.id}) de la compuerta {named(graph.nodes[flow.source])} no "
            f"tiene nombre ni condición; se rotula «{label}», a donde lleva.",
        )
    return label


def _questions(graph: Graph, gateway: Element) -> list[str]:
    """A gateway's questions: its documentation's lines when they are what its name says
    (Folio writes them whole there and shortens the name to fit the diamond), else its
    name."""
    documentation = gateway.findtext(bpmn("documentation")) or ""
    lines = [line.strip() for line in documentation.splitlines() if line.strip()]
    name = " ".join(gateway.get("name", "").split())
    if lines and (graph.own or " ".join(lines).startswith(name.rstrip("…"))):
        return lines
    return [name] if name else []


def _activity(task: Element) -> str:
    name = task.get("name", "")
    match = _NUMBER.match(name)
    short = " ".join(((match.group(2) or "") if match else name).split())
    documentation = task.findtext(bpmn("documentation")) or ""
    if documentation and " ".join(documentation.split()).startswith(short.rstrip("…")):
        return documentation
    return short or documentation.strip()


def _responsible(graph: Graph, task: Element) -> tuple[str, ...]:
    """The task's performers; in a file not written by Folio, the lane when it has none."""
    names = [child.get("name", "") for child in task if local(child) in _ROLES]
    if graph.own:
        return tuple(names)
    performers = tuple(name.strip() for name in names if name.strip())
    if performers:
        return performers
    lane = graph.lanes.get(task.get("id", ""), "")
    return (lane,) if lane else ()


def _documents(graph: Graph, task: Element) -> Iterator[DocumentRef]:
    for child in task:
        if local(child) == "dataOutputAssociation":
            ref_id = (child.findtext(bpmn("targetRef")) or "").strip()
        elif local(child) == "dataInputAssociation":
            ref_id = (child.findtext(bpmn("sourceRef")) or "").strip()
        else:
            continue
        ref = graph.refs.get(ref_id)
        if ref is None:
            continue
        text = ref.get("name", "").strip()
        doc_type = ref.get(folio("type"))
        if doc_type is not None:
            yield DocumentRef(doc_type, text, ref.get(folio("formCode")))
        elif text:
            parsed = parse_documents(text)
            yield parsed[0] if parsed else DocumentRef(text, text)


def _end_target(graph: Graph, event_id: str) -> str | None:
    """``END``; ``"external:<procedure>"`` for a message end event whose message flow
    reaches another procedure of the file, or whose message names one; ``None`` for an
    end event that stands for a missing target."""
    event = graph.nodes[event_id]
    explicit = event.get(folio("to"))
    if explicit is not None:
        return explicit or None
    if event_id in graph.sends:
        return EXTERNAL + graph.sends[event_id]
    kind = definition(event)
    message = next((c for c in event if local(c) == "messageEventDefinition"), None)
    name = graph.messages.get(message.get("messageRef", ""), "") if message is not None else ""
    if name:
        return EXTERNAL + graph.known.get(name, name)
    if (event.get("name") or "").strip() == MISSING_TARGET:
        return None
    if kind in _LOUD_ENDS:
        graph.note(
            "BPMN013",
            "warning",
            event_id,
            f"El evento de fin de {EVENT_NAMES[kind]} {named(event)} se lee como un fin "
            "simple del procedimiento.",
        )
    return END
