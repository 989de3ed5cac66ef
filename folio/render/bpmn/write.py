"""Write a procedure as a BPMN 2.0 file: one pool whose lanes are the roles, and the
diagram interchange (DI) taken from the same laid-out ``Diagram`` as the SVG."""

from __future__ import annotations

from typing import Any

from lxml import etree  # type: ignore[import-untyped, unused-ignore]

from folio import __version__
from folio.manuals.model import Procedure
from folio.render.bpmn.di import Placement, Point, chart_hints, place
from folio.render.bpmn.graph import FlowNode, ProcessGraph, build_graph, token
from folio.render.bpmn.names import BPMNDI, DC, DI, NSMAP, TARGET_NAMESPACE, bpmn, folio
from folio.render.geometry import Box, Diagram
from folio.render.layout import layout_procedure

_TAGS = {
    "start": "startEvent",
    "end": "endEvent",
    "task": "userTask",
    "gateway": "exclusiveGateway",
}

#: lxml ships no type hints (types-lxml would retype python-docx's tree for the rest of
#: Folio), so its elements are ``Any`` here.
Element = Any


def export_bpmn(procedure: Procedure, diagram: Diagram | None = None) -> str:
    """The procedure as BPMN 2.0 XML with complete DI. ``diagram`` defaults to the
    swimlane layout of the procedure, so the SVG and the BPMN show the same picture."""
    if diagram is None:
        diagram = layout_procedure(procedure)
    graph = build_graph(procedure, chart_hints(procedure, diagram))
    placement = place(procedure, graph, diagram)
    root = _definitions(graph)
    _write_process(root, graph, placement)
    _write_diagram(root, graph, placement)
    etree.indent(root, space="  ")
    body = etree.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _ids(graph: ProcessGraph) -> dict[str, str]:
    code = token(graph.code)
    return {
        "definitions": f"Definitions_{code}",
        "collaboration": f"Collaboration_{code}",
        "participant": f"Participant_{code}",
        "process": f"Process_{code}",
    }


def _definitions(graph: ProcessGraph) -> Element:
    root = etree.Element(bpmn("definitions"), nsmap=NSMAP)
    root.set("id", _ids(graph)["definitions"])
    root.set("targetNamespace", TARGET_NAMESPACE)
    root.set("exporter", "Folio")
    root.set("exporterVersion", __version__)
    for message in graph.messages:
        etree.SubElement(root, bpmn("message"), id=message.id, name=message.name)
    ids = _ids(graph)
    collaboration = etree.SubElement(root, bpmn("collaboration"), id=ids["collaboration"])
    etree.SubElement(
        collaboration,
        bpmn("participant"),
        id=ids["participant"],
        name=graph.name,
        processRef=ids["process"],
    )
    return root


def _write_process(root: Element, graph: ProcessGraph, placement: Placement) -> None:
    process = etree.SubElement(root, bpmn("process"), id=_ids(graph)["process"])
    process.set("name", graph.name)
    process.set("isExecutable", "false")
    process.set(folio("code"), graph.code)
    if graph.objective:
        etree.SubElement(process, bpmn("documentation")).text = graph.objective
    lane_set = etree.SubElement(process, bpmn("laneSet"), id="LaneSet_1")
    for index, role in enumerate(placement.roles, start=1):
        lane = etree.SubElement(lane_set, bpmn("lane"), id=f"Lane_{index}", name=role)
        for node in graph.nodes:
            if placement.lane_of.get(node.id, node.lane) == role:
                etree.SubElement(lane, bpmn("flowNodeRef")).text = node.id
    for node in graph.nodes:
        _write_node(process, graph, node)
    for flow in graph.flows:
        element = etree.SubElement(process, bpmn("sequenceFlow"), id=flow.id)
        if flow.name is not None:
            element.set("name", flow.name)
        element.set("sourceRef", flow.source)
        element.set("targetRef", flow.target)
    for data_object in graph.objects:
        etree.SubElement(process, bpmn("dataObject"), id=data_object.id, name=data_object.name)
    for ref in graph.refs:
        if ref.type is None:
            etree.SubElement(process, bpmn("dataStoreReference"), id=ref.id, name=ref.name)
            continue
        element = etree.SubElement(process, bpmn("dataObjectReference"), id=ref.id)
        element.set("name", ref.name)
        element.set("dataObjectRef", ref.object)
        element.set(folio("type"), ref.type)
        if ref.form_code:
            element.set(folio("formCode"), ref.form_code)


def _write_node(process: Element, graph: ProcessGraph, node: FlowNode) -> None:
    element = etree.SubElement(process, bpmn(_TAGS[node.kind]), id=node.id)
    if node.name or node.kind != "gateway":
        element.set("name", node.name)
    if node.default:
        element.set("default", node.default)
    if node.kind == "end" and node.to is not None and node.message is None and node.to != "end":
        element.set(folio("to"), node.to)
    elif node.kind == "end" and node.to is None:
        element.set(folio("to"), "")
    if node.documentation:
        etree.SubElement(element, bpmn("documentation")).text = node.documentation
    for flow in graph.flows:
        if flow.target == node.id:
            etree.SubElement(element, bpmn("incoming")).text = flow.id
    for flow in graph.flows:
        if flow.source == node.id:
            etree.SubElement(element, bpmn("outgoing")).text = flow.id
    for ref in graph.refs:
        if ref.node == node.id:
            association = etree.SubElement(
                element, bpmn("dataOutputAssociation"), id=f"Association_{ref.id}"
            )
            etree.SubElement(association, bpmn("targetRef")).text = ref.id
    for index, role in enumerate(node.performers, start=1):
        etree.SubElement(element, bpmn("performer"), id=f"Performer_{node.id}_{index}", name=role)
    if node.message:
        etree.SubElement(
            element,
            bpmn("messageEventDefinition"),
            id=f"MessageEventDefinition_{node.id}",
            messageRef=node.message,
        )


def _write_diagram(root: Element, graph: ProcessGraph, placement: Placement) -> None:
    ids = _ids(graph)
    diagram = etree.SubElement(root, f"{{{BPMNDI}}}BPMNDiagram", id="BPMNDiagram_1")
    plane = etree.SubElement(
        diagram, f"{{{BPMNDI}}}BPMNPlane", id="BPMNPlane_1", bpmnElement=ids["collaboration"]
    )
    horizontal = placement.horizontal
    _shape(plane, ids["participant"], placement.participant, horizontal=horizontal)
    for index, role in enumerate(placement.roles, start=1):
        _shape(plane, f"Lane_{index}", placement.lanes[role], horizontal=horizontal)
    for node in graph.nodes:
        box = placement.shapes[node.id]
        shape = _shape(plane, node.id, box)
        if node.kind == "start":  # beside the circle, clear of the flow leaving it
            _label(shape, Box(box.x + box.w + 4, box.cy - 7, 40, 14))
        if node.kind == "end":  # under the circle, wide enough for "Continúa en…"
            _label(
                shape, Box(box.cx - 55, box.y + box.h + 3, 110, 14 if len(node.name) < 18 else 27)
            )
        if node.kind == "gateway":  # the question inside the diamond, as the chart has it
            shape.set("isMarkerVisible", "false" if node.name else "true")
            if node.name:
                inner = Box(box.x + box.w * 0.18, box.y + box.h * 0.2, box.w * 0.64, box.h * 0.6)
                _label(shape, inner)
    for ref in graph.refs:  # the name inside the symbol, as the chart has it
        box = placement.shapes[ref.id]
        _label(_shape(plane, ref.id, box), box)
    for flow in graph.flows:
        edge = _edge(plane, flow.id, placement.edges[flow.id])
        if flow.id in placement.labels:
            _label(edge, placement.labels[flow.id])
    for ref in graph.refs:
        association = f"Association_{ref.id}"
        _edge(plane, association, placement.edges[association])


def _shape(plane: Element, element_id: str, box: Box, *, horizontal: bool | None = None) -> Element:
    shape = etree.SubElement(
        plane, f"{{{BPMNDI}}}BPMNShape", id=f"{element_id}_di", bpmnElement=element_id
    )
    if horizontal is not None:
        shape.set("isHorizontal", "true" if horizontal else "false")
    _bounds(shape, box)
    return shape


def _edge(plane: Element, element_id: str, points: tuple[Point, ...]) -> Element:
    edge = etree.SubElement(
        plane, f"{{{BPMNDI}}}BPMNEdge", id=f"{element_id}_di", bpmnElement=element_id
    )
    for x, y in points:
        etree.SubElement(edge, f"{{{DI}}}waypoint", x=_number(x), y=_number(y))
    return edge


def _label(parent: Element, box: Box) -> None:
    _bounds(etree.SubElement(parent, f"{{{BPMNDI}}}BPMNLabel"), box)


def _bounds(parent: Element, box: Box) -> None:
    etree.SubElement(
        parent,
        f"{{{DC}}}Bounds",
        x=_number(box.x),
        y=_number(box.y),
        width=_number(box.w),
        height=_number(box.h),
    )


def _number(value: float) -> str:
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:.1f}"
