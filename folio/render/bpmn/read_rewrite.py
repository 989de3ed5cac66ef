"""Rewrite a process graph into what Folio's model can hold, noting what changes.

- A link throw event flows into the link catch event of the same name.
- A boundary event with outgoing flows becomes a branch of the task it is attached to
  (of every task inside a subprocess it is attached to), labelled with its name.
- An embedded subprocess is flattened: flows into it go to its start, its ends flow to
  what follows it.
- A parallel split whose branches are chains that meet at one join runs its branches one
  after another; any other parallel split keeps one unconditional transition per branch.
"""

from __future__ import annotations

from dataclasses import replace

from folio.render.bpmn.read_graph import (
    EVENT_NAMES,
    Element,
    Flow,
    Graph,
    definition,
    local,
    named,
)

#: Branch labels of boundary events with no name, by event kind.
_BOUNDARY_LABELS = {
    "timer": "Se vence el plazo",
    "error": "Ocurre un error",
    "message": "Llega un mensaje",
    "signal": "Llega una señal",
    "escalation": "Se escala",
    "conditional": "Se cumple la condición",
    "cancel": "Se cancela",
}


def rewrite(graph: Graph) -> None:
    _join_links(graph)
    _attach_boundaries(graph)
    _flatten(graph)
    _drop_dangling(graph)
    for node_id, kind in list(graph.kinds.items()):
        if kind == "and" and len(graph.outgoing(node_id)) >= 2:
            _parallel(graph, node_id)
        elif kind == "or" and len(graph.outgoing(node_id)) >= 2:
            graph.note(
                "BPMN004",
                "warning",
                node_id,
                f"La compuerta inclusiva {named(graph.nodes[node_id])} puede seguir varias "
                "ramas a la vez; Folio la lee como una decisión en la que se elige una.",
            )


def _join_links(graph: Graph) -> None:
    catches = {
        _link_name(e): node_id
        for node_id, e in graph.nodes.items()
        if local(e) == "intermediateCatchEvent" and definition(e) == "link"
    }
    for node_id, event in graph.nodes.items():
        if local(event) == "intermediateThrowEvent" and definition(event) == "link":
            target = catches.get(_link_name(event))
            if target is not None:
                graph.flows.append(Flow(node_id, node_id, target, order=graph.order[node_id]))


def _link_name(event: Element) -> str:
    link = next(c for c in event if local(c) == "linkEventDefinition")
    return str(link.get("name") or event.get("name") or "")


def _attach_boundaries(graph: Graph) -> None:
    for node_id, event in list(graph.nodes.items()):
        if local(event) != "boundaryEvent":
            continue
        host = event.get("attachedToRef", "")
        kind = definition(event)
        if not graph.outgoing(node_id) or host not in graph.kinds:
            graph.note(
                "BPMN009",
                "warning",
                node_id,
                f"El evento de borde {named(event)} no lleva a ninguna parte; se omite.",
            )
            continue
        label = " ".join((event.get("name") or "").split()) or _BOUNDARY_LABELS.get(kind, "")
        label = label or "Ocurre el evento"
        sources = _tasks_within(graph, host) if graph.kinds[host] == "sub" else [host]
        for source in sources:
            graph.flows.append(Flow(node_id, source, node_id, label, order=graph.order[node_id]))
        how = "" if event.get("cancelActivity") != "false" else " (sin interrumpir la tarea)"
        graph.note(
            "BPMN008",
            "warning",
            node_id,
            f"El evento de borde de {EVENT_NAMES.get(kind, 'tipo ninguno')} {named(event)}"
            f"{how} se lee como la rama «{label}» de {named(graph.nodes[host])}.",
        )


def _tasks_within(graph: Graph, sub: str) -> list[str]:
    found: list[str] = []
    for child in graph.children(sub):
        if graph.kinds.get(child) == "sub":
            found += _tasks_within(graph, child)
        elif graph.kinds.get(child) == "task":
            found.append(child)
    return found


def _flatten(graph: Graph) -> None:
    """Flows leaving a subprocess leave from its exits; flows entering it enter at its
    entries (subprocesses in document order: an outer one before those it holds)."""
    subs = sorted((n for n, k in graph.kinds.items() if k == "sub"), key=graph.order.__getitem__)
    for sub in subs:
        leaving = graph.outgoing(sub)
        if not leaving:
            continue
        graph.flows = [f for f in graph.flows if f.source != sub]
        for exit_id in _exits(graph, sub):
            if graph.kinds[exit_id] == "end":
                graph.kinds[exit_id] = "pass"
            graph.flows += [replace(f, source=exit_id) for f in leaving]
    for _ in range(len(subs) + 1):
        entering = [f for f in graph.flows if graph.kinds.get(f.target) == "sub"]
        if not entering:
            break
        graph.flows = [f for f in graph.flows if graph.kinds.get(f.target) != "sub"]
        for flow in entering:
            graph.flows += [replace(flow, target=e) for e in _entries(graph, flow.target)]


def _entries(graph: Graph, sub: str) -> list[str]:
    inside = [n for n in graph.children(sub) if local(graph.nodes[n]) != "boundaryEvent"]
    free = [n for n in inside if not graph.incoming(n)]
    starts = [n for n in free if local(graph.nodes[n]) == "startEvent"]
    return starts or free


def _exits(graph: Graph, sub: str) -> list[str]:
    inside = [n for n in graph.children(sub) if local(graph.nodes[n]) != "boundaryEvent"]
    return [n for n in inside if not graph.outgoing(n)]


def _drop_dangling(graph: Graph) -> None:
    for flow in graph.flows:
        if flow.source not in graph.kinds or flow.target not in graph.kinds:
            graph.note(
                "BPMN020",
                "warning",
                flow.id,
                f"El flujo ({flow.id}) une {flow.source} con {flow.target}, y uno de los dos no "
                "es un elemento que Folio lea; se omite.",
            )
    graph.flows = [f for f in graph.flows if f.source in graph.kinds and f.target in graph.kinds]


def _parallel(graph: Graph, split: str) -> None:
    """Chain the branches of ``split`` one after another when each is a simple chain of
    nodes into one and the same join; else keep them and say what Folio does."""
    branches = [_chain(graph, f) for f in graph.outgoing(split)]
    joins = {b[-1].target for b in branches if b}
    gateway = named(graph.nodes[split])
    join = next(iter(joins)) if len(joins) == 1 else ""
    if not join or not all(branches) or len(graph.incoming(join)) != len(branches):
        graph.note(
            "BPMN003",
            "warning",
            split,
            f"La compuerta paralela {gateway} abre varias ramas a la vez; Folio no ejecuta "
            "ramas en paralelo: quien complete la actividad anterior sigue solo por la "
            "primera rama.",
        )
        return
    for before, after in zip(branches, branches[1:], strict=False):
        before[-1].target = after[0].target
    graph.flows = [f for f in graph.flows if f.source != split or f is branches[0][0]]
    graph.note(
        "BPMN002",
        "warning",
        split,
        f"La compuerta paralela {gateway} abre {len(branches)} ramas a la vez; Folio "
        "ejecuta sus ramas una tras otra, en el orden del archivo.",
    )


def _chain(graph: Graph, first: Flow) -> list[Flow]:
    """The flows from ``first`` along nodes with one way in and one way out, up to a
    parallel or inclusive join; empty when the branch does anything else."""
    chain = [first]
    while len(chain) <= len(graph.flows):
        target = chain[-1].target
        kind = graph.kinds.get(target, "")
        if kind in {"and", "or"} and len(graph.outgoing(target)) == 1:
            return chain if len(chain) > 1 else []
        leaving = graph.outgoing(target)
        if kind not in {"task", "pass"} or len(leaving) != 1 or len(graph.incoming(target)) != 1:
            return []
        chain.append(leaving[0])
    return []
