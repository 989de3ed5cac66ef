"""Read a BPMN 2.0 file (Folio's own, or one drawn in bpmn-js, Camunda Modeler or
Signavio) into a ``Procedure``.

Lanes (or a task's performers) are roles; every task of any type is a step, numbered by
the number its name starts with ("3. Revisa…") when every task has a distinct one, else
in flow order from the start event; gateways are decisions whose branch labels are the
names of the flows leaving them ("No › Si" across nested gateways); end events end the
procedure, a message end event continues in the procedure named by its message.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree  # type: ignore[import-untyped, unused-ignore]

from folio.manuals.blocks import ParseError
from folio.manuals.documents import parse_documents
from folio.manuals.model import END, EXTERNAL, DocumentRef, Procedure, SourceRef, Step, Transition
from folio.render.bpmn.graph import MISSING_TARGET
from folio.render.bpmn.names import MODEL, bpmn, folio

#: lxml ships no type hints (types-lxml would retype python-docx's tree for the rest of
#: Folio), so its elements are ``Any`` here.
Element = Any

_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)*)\s*[.):-]?\s+(\S.*)$", re.DOTALL)
_ROLES = ("performer", "humanPerformer", "potentialOwner")


@dataclass
class _Process:
    """The flow elements of one process, indexed."""

    element: Element
    nodes: dict[str, Element] = field(default_factory=dict)
    flows: dict[str, Element] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)
    lanes: dict[str, str] = field(default_factory=dict)  # node id → innermost lane name
    refs: dict[str, Element] = field(default_factory=dict)  # dataObjectReference by id
    messages: dict[str, str] = field(default_factory=dict)  # message id → name
    #: Written by Folio: performers are the whole truth about roles.
    own: bool = False

    def outgoing(self, node_id: str) -> list[Element]:
        return [f for f in self.flows.values() if f.get("sourceRef") == node_id]


def import_bpmn(xml: str | bytes, *, file: str = "") -> Procedure:
    """The procedure drawn in a BPMN 2.0 file; ``file`` names it in error messages."""
    root = _parse(xml, file)
    process = _index(root, _main_process(root, file))
    tasks = [n for n in process.nodes.values() if _is_task(n)]
    numbers = _own_numbers(tasks) or _flow_numbers(process, tasks)
    if not _own_numbers(tasks):
        tasks.sort(key=lambda task: int(numbers[task.get("id", "")]))
    steps = tuple(_step(process, task, numbers, file) for task in tasks)
    participant = root.find(f"{bpmn('collaboration')}/{bpmn('participant')}")
    name = process.element.get("name") or (
        participant.get("name") if participant is not None else None
    )
    code = process.element.get(folio("code")) or process.element.get("id") or ""
    objective = process.element.findtext(bpmn("documentation")) or ""
    return Procedure(
        code=code,
        name=(name or code).strip(),
        objective=objective,
        steps=steps,
        source=SourceRef(file=file),
    )


def _who(file: str) -> str:
    return f"El archivo {file}" if file else "El documento recibido"


def _parse(xml: str | bytes, file: str) -> Element:
    data = xml.encode("utf-8") if isinstance(xml, str) else xml
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        line = f" (línea {err.lineno})" if err.lineno else ""
        raise ParseError(
            f"{_who(file)} no es un XML bien formado{line}, así que no puede leerse como BPMN.",
            SourceRef(file=file, line=err.lineno or None),
        ) from None
    if root.tag != bpmn("definitions"):
        tag = etree.QName(root).localname if isinstance(root.tag, str) else "?"
        raise ParseError(
            f"{_who(file)} no es un archivo BPMN 2.0: su raíz es <{tag}>, no <definitions> "
            f"del espacio de nombres {MODEL}.",
            SourceRef(file=file),
        )
    return root


def _main_process(root: Element, file: str) -> Element:
    processes = {p.get("id"): p for p in root.iterfind(bpmn("process"))}
    refs = [
        p.get("processRef") for p in root.iterfind(f"{bpmn('collaboration')}/{bpmn('participant')}")
    ]
    ordered = [processes[r] for r in refs if r in processes] + list(processes.values())
    for process in ordered:
        if any(_is_task(child) for child in process):
            return process
    raise ParseError(
        f"{_who(file)} no contiene ningún proceso BPMN con tareas que leer como actividades.",
        SourceRef(file=file),
    )


def _local(element: Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _is_task(element: Element) -> bool:
    name = _local(element)
    return name.endswith("Task") or name in {"task", "callActivity", "subProcess"}


def _index(root: Element, element: Element) -> _Process:
    process = _Process(element, own=root.get("exporter") == "Folio")
    for message in root.iterfind(bpmn("message")):
        process.messages[message.get("id", "")] = message.get("name", "").strip()
    for ref in element.iterfind(bpmn("dataObjectReference")):
        process.refs[ref.get("id", "")] = ref
    for position, child in enumerate(element):
        child_id = child.get("id")
        if child_id is None or not isinstance(child.tag, str):
            continue
        process.order[child_id] = position
        if _local(child) == "sequenceFlow":
            process.flows[child_id] = child
        elif (
            child.find(bpmn("outgoing")) is not None
            or _is_task(child)
            or _local(child).endswith(("Event", "Gateway"))
        ):
            process.nodes[child_id] = child
    for lane in element.iter(bpmn("lane")):  # document order: inner lanes come later
        for ref in lane.iterfind(bpmn("flowNodeRef")):
            process.lanes[(ref.text or "").strip()] = lane.get("name", "").strip()
    return process


def _own_numbers(tasks: list[Element]) -> dict[str, str]:
    """Task id → the number its name starts with, if every task has a distinct one."""
    prefixed = [_NUMBER.match(t.get("name", "")) for t in tasks]
    own = [m.group(1) for m in prefixed if m]
    if len(own) < len(tasks) or len(set(own)) < len(own):
        return {}
    return {t.get("id", ""): number for t, number in zip(tasks, own, strict=True)}


def _flow_numbers(process: _Process, tasks: list[Element]) -> dict[str, str]:
    """Task id → step number in breadth-first order from the start events (tasks never
    reached come last, in file order)."""
    starts = [n for n in process.nodes.values() if _local(n) == "startEvent"]
    queue = deque(n.get("id", "") for n in starts)
    seen: set[str] = set(queue)
    reached: list[str] = []
    while queue:
        node_id = queue.popleft()
        if node_id in process.nodes and _is_task(process.nodes[node_id]):
            reached.append(node_id)
        for flow in process.outgoing(node_id):
            target = flow.get("targetRef", "")
            if target not in seen:
                seen.add(target)
                queue.append(target)
    reached += [t.get("id", "") for t in tasks if t.get("id") not in seen]
    return {task_id: str(index) for index, task_id in enumerate(reached, start=1)}


def _step(process: _Process, task: Element, numbers: dict[str, str], file: str) -> Step:
    task_id = task.get("id", "")
    transitions, gateways = _transitions(process, task_id, numbers)
    questions = tuple(
        question
        for gateway in sorted(gateways, key=lambda g: process.order[g])
        for question in _questions(process, process.nodes[gateway])
    )
    return Step(
        number=numbers[task_id],
        responsible=_responsible(process, task),
        activity=_activity(task),
        documents=tuple(_documents(process, task)),
        next=transitions,
        questions=questions,
        source=SourceRef(file=file),
    )


def _questions(process: _Process, gateway: Element) -> list[str]:
    """A gateway's questions: its documentation's lines when they are what its name says
    (Folio writes them whole there and shortens the name to fit the diamond), else its
    name."""
    documentation = gateway.findtext(bpmn("documentation")) or ""
    lines = [line.strip() for line in documentation.splitlines() if line.strip()]
    name = " ".join(gateway.get("name", "").split())
    if lines and (process.own or " ".join(lines).startswith(name.rstrip("…"))):
        return lines
    return [name] if name else []


def _activity(task: Element) -> str:
    name = task.get("name", "")
    match = _NUMBER.match(name)
    short = " ".join((match.group(2) if match else name).split())
    documentation = task.findtext(bpmn("documentation")) or ""
    if documentation and " ".join(documentation.split()).startswith(short.rstrip("…")):
        return documentation
    return short or documentation.strip()


def _responsible(process: _Process, task: Element) -> tuple[str, ...]:
    """The task's performers; in a file not written by Folio, the lane when it has none."""
    names = [child.get("name", "") for child in task if _local(child) in _ROLES]
    if process.own:
        return tuple(names)
    performers = tuple(name.strip() for name in names if name.strip())
    if performers:
        return performers
    lane = process.lanes.get(task.get("id", ""), "")
    return (lane,) if lane else ()


def _documents(process: _Process, task: Element) -> Iterator[DocumentRef]:
    for child in task:
        if _local(child) == "dataOutputAssociation":
            ref_id = (child.findtext(bpmn("targetRef")) or "").strip()
        elif _local(child) == "dataInputAssociation":
            ref_id = (child.findtext(bpmn("sourceRef")) or "").strip()
        else:
            continue
        ref = process.refs.get(ref_id)
        if ref is None:
            continue
        text = ref.get("name", "").strip()
        doc_type = ref.get(folio("type"))
        if doc_type is not None:
            yield DocumentRef(doc_type, text, ref.get(folio("formCode")))
        elif text:
            parsed = parse_documents(text)
            yield parsed[0] if parsed else DocumentRef(text, text)


def _transitions(
    process: _Process, task_id: str, numbers: dict[str, str]
) -> tuple[tuple[Transition, ...], list[str]]:
    """The task's transitions in the order of their last flow in the file, and the
    gateways crossed on the way."""
    found: list[tuple[int, Transition]] = []
    gateways: list[str] = []
    stack: list[tuple[Element, tuple[str, ...]]] = [(f, ()) for f in process.outgoing(task_id)]
    seen: set[str] = {task_id}
    while stack:
        flow, labels = stack.pop(0)
        label = (flow.get("name") or "").strip()
        path = labels + (label,) if label else labels
        target_id = flow.get("targetRef", "")
        target = process.nodes.get(target_id)
        when = " › ".join(path) or None
        if target is None:
            continue
        if _is_task(target):
            found.append((process.order[flow.get("id", "")], Transition(numbers[target_id], when)))
        elif _local(target) == "endEvent":
            to = _end_target(process, target)
            found.append((process.order[flow.get("id", "")], Transition(to, when)))
        elif target_id not in seen:
            seen.add(target_id)
            if _local(target).endswith("Gateway"):
                gateways.append(target_id)
            stack.extend((f, path) for f in process.outgoing(target_id))
    found.sort(key=lambda item: item[0])
    return tuple(t for _, t in found), gateways


def _end_target(process: _Process, event: Element) -> str | None:
    """``END``, ``"external:<procedure>"`` for a message end event, ``None`` for an end
    event that stands for a missing target."""
    explicit = event.get(folio("to"))
    if explicit is not None:
        return explicit or None
    definition = event.find(bpmn("messageEventDefinition"))
    if definition is not None:
        name = process.messages.get(definition.get("messageRef", ""), "")
        if name:
            return EXTERNAL + name
    if (event.get("name") or "").strip() == MISSING_TARGET:
        return None
    return END
