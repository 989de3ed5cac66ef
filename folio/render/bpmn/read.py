"""Read a BPMN 2.0 file (Folio's own, or one drawn in bpmn-js, Camunda Modeler, Signavio
or any tool of the BPMN MIWG) into procedures.

Every pool (a participant's process, and every process no participant shows) with tasks
is a procedure: named after its process, else its participant (the pool), else its id;
coded by the process id unless Folio's ``folio:code`` says otherwise. Lanes are roles (the innermost
lane holding the task; a task's performers win); every task of any type is a step (see
``read_steps`` for numbering and transitions); an exclusive or event-based gateway that
splits is a decision of the step before it; joins are passed through; end events end the
procedure, a message end event continues in the procedure its message flow reaches.

What Folio's model cannot hold is rewritten or left out, never silently. Each finding is
a ``Diagnostic`` whose message names the element's id and name:

- BPMN001 info: a message flow between pools (Folio does not send messages).
- BPMN002 warning: a parallel split whose branches Folio runs one after another.
- BPMN003 warning: a parallel split kept as unconditional transitions, of which a case
  follows only the first.
- BPMN004 warning: an inclusive (or complex) split read as a decision taking one branch.
- BPMN005 warning: an embedded subprocess flattened into the procedure.
- BPMN006 warning: a subprocess that shows no tasks, kept as one step.
- BPMN007 warning: an event subprocess, not imported.
- BPMN008 warning: a boundary event read as a labelled branch of its task.
- BPMN009 warning: a boundary event that leads nowhere, left out.
- BPMN010 warning: an intermediate timer, message, signal… event, passed through.
- BPMN011 info: an intermediate event with no definition, passed through.
- BPMN012 info: a typed start event, or one of several, read as the procedure's start.
- BPMN013 warning: an error, escalation, signal… end event (or a message end event
  reaching no procedure of the file) read as a plain end.
- BPMN014 warning: a branch with no name or condition, labelled with where it leads.
- BPMN015 info: a pool or process without tasks, not imported as a procedure.
- BPMN016 warning: a compensation task, not imported.
- BPMN017 warning: a multi-instance or looping task, read as one step.
- BPMN018 info: a call activity, read as one step.
- BPMN019 warning: a process that branches before its first task.
- BPMN020 warning: a sequence flow from or to an element Folio does not read, left out.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree  # type: ignore[import-untyped, unused-ignore]

from folio.manuals.blocks import ParseError
from folio.manuals.model import Diagnostic, Manual, Procedure, SourceRef
from folio.render.bpmn.names import MODEL, bpmn, folio
from folio.render.bpmn.read_graph import Element, Graph, index_process, named
from folio.render.bpmn.read_rewrite import rewrite
from folio.render.bpmn.read_steps import read_steps


def import_bpmn(xml: str | bytes, *, file: str = "") -> Procedure:
    """The first procedure drawn in a BPMN 2.0 file; ``file`` names it in error messages."""
    return import_bpmn_manual(xml, file=file).procedures[0]


def import_bpmn_manual(xml: str | bytes, *, file: str = "") -> Manual:
    """Every pool of a BPMN 2.0 file as a procedure, with what could not be kept as
    diagnostics. ``ParseError`` (one sentence naming the file) when it is not BPMN or
    draws no task."""
    root = _parse(xml, file)
    graphs = [_graph(root, process, name, file) for process, name in _pools(root, file)]
    notes: list[Diagnostic] = []
    _link_pools(root, graphs, notes, file)
    procedures = []
    for graph, name in graphs:
        procedure = _procedure(graph, name)
        if procedure.steps:
            procedures.append(procedure)
            notes += graph.notes.values()
        else:
            notes.append(_empty_pool(graph.element, name, file))
    if not procedures:
        raise ParseError(
            f"{_who(file)} no contiene ningún proceso BPMN con tareas que leer como actividades.",
            SourceRef(file=file),
        )
    return Manual(
        kind="procedimientos",
        title=_title(root, file),
        procedures=tuple(procedures),
        diagnostics=tuple(notes),
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


def _pools(root: Element, file: str) -> list[tuple[Element, str]]:
    """Each process with the name of its pool: participants first, in file order, then
    the processes no participant shows."""
    processes = {p.get("id"): p for p in root.iterfind(bpmn("process"))}
    found: dict[str, tuple[Element, str]] = {}
    for participant in root.iterfind(f"{bpmn('collaboration')}/{bpmn('participant')}"):
        ref = participant.get("processRef")
        if ref in processes and ref not in found:
            found[ref] = (processes[ref], participant.get("name") or "")
    for process_id, process in processes.items():
        found.setdefault(process_id, (process, ""))
    if not found:
        raise ParseError(f"{_who(file)} no contiene ningún proceso BPMN.", SourceRef(file=file))
    return list(found.values())


def _graph(root: Element, process: Element, pool: str, file: str) -> tuple[Graph, str]:
    code = process.get(folio("code")) or process.get("id") or ""
    graph = Graph(process, code, file, own=root.get("exporter") == "Folio")
    index_process(graph, root)
    rewrite(graph)
    name = " ".join((process.get("name") or pool or code).split())
    return graph, name


def _empty_pool(process: Element, name: str, file: str) -> Diagnostic:
    name = f"«{name}» ({process.get('id')})"
    return Diagnostic(
        "BPMN015",
        "info",
        f"El proceso {name} no tiene tareas; no se importa como procedimiento.",
        source=SourceRef(file=file),
    )


def _procedure(graph: Graph, name: str) -> Procedure:
    objective = graph.element.findtext(bpmn("documentation")) or ""
    return Procedure(
        code=graph.code,
        name=name,
        objective=objective,
        steps=read_steps(graph),
        source=SourceRef(file=graph.file),
    )


def _title(root: Element, file: str) -> str:
    for collaboration in root.iterfind(bpmn("collaboration")):
        if (collaboration.get("name") or "").strip():
            return " ".join(collaboration.get("name").split())
    return " ".join((root.get("name") or "").split()) or Path(file).stem


def _link_pools(
    root: Element, graphs: list[tuple[Graph, str]], notes: list[Diagnostic], file: str
) -> None:
    """Note every message flow; a message end event whose flow reaches another procedure
    of the file continues there."""
    owner: dict[str, Graph] = {}
    known: dict[str, str] = {}
    for graph, name in graphs:
        owner.update(dict.fromkeys(graph.order, graph))
        owner[graph.element.get("id", "")] = graph
        known.setdefault(name, graph.code)
        known.setdefault(graph.code, graph.code)
    for graph, _ in graphs:
        graph.known = known
    for participant in root.iter(bpmn("participant")):
        graph_of = owner.get(participant.get("processRef", ""))
        if graph_of is not None:
            owner[participant.get("id", "")] = graph_of
    elements = {e.get("id"): e for e in root.iter() if isinstance(e.tag, str) and e.get("id")}
    for flow in root.iter(bpmn("messageFlow")):
        source, target = flow.get("sourceRef", ""), flow.get("targetRef", "")
        sender, receiver = owner.get(source), owner.get(target)
        if sender is not None and receiver is not None and sender is not receiver:
            sender.sends.setdefault(source, receiver.code)
        notes.append(_message_note(flow, elements, sender, file))


def _message_note(
    flow: Element, elements: dict[str, Element], sender: Graph | None, file: str
) -> Diagnostic:
    source, target = (elements.get(flow.get(k, "")) for k in ("sourceRef", "targetRef"))
    what = f"El flujo de mensajes {named(flow)}"
    ends = [named(e) if e is not None else "?" for e in (source, target)]
    return Diagnostic(
        "BPMN001",
        "info",
        f"{what} va de {ends[0]} a {ends[1]}; Folio no envía mensajes entre procedimientos.",
        procedure=sender.code if sender is not None else None,
        source=SourceRef(file=file),
    )
