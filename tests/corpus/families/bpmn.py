"""Family 8, BPMN from a modelling tool (Camunda Modeler style): a collaboration of two
pools, each with lanes (the second with nested lanes), user/service/manual/send tasks,
an exclusive gateway with "Sí"/"No" flows, a joining gateway, a message flow between the
pools and full DI. One procedure per pool; steps numbered in breadth-first flow order
from the start event (outgoing flows in file order); responsible = innermost lane."""

from __future__ import annotations

from collections import deque
from pathlib import Path

from tests.corpus.spec import Doc, Next, Proc, S

# node id → (kind, name, lane); flows: (id, source, target, name)
POOLS = (
    {
        "id": "Process_licencia",
        "pool": "Participant_vent",
        "name": "Licencia de funcionamiento de bajo riesgo",
        "lanes": (
            ("Lane_vu", "Ventanilla Única", ()),
            ("Lane_an", "Analista de Licencias", ()),
            ("Lane_jl", "Jefatura de Licencias", ()),
        ),
        "nodes": {
            "Start_1": ("startEvent", "Solicitud presentada", "Lane_vu"),
            "Task_rec": ("userTask", "Recibir solicitud", "Lane_vu"),
            "Task_adeudo": ("serviceTask", "Consultar adeudos en el padrón", "Lane_an"),
            "Task_req": ("userTask", "Revisar requisitos", "Lane_an"),
            "Gw_cumple": ("exclusiveGateway", "¿Cumple requisitos?", "Lane_an"),
            "Task_prev": ("manualTask", "Notificar prevención al solicitante", "Lane_vu"),
            "End_prev": ("endEvent", "Solicitud prevenida", "Lane_vu"),
            "Gw_insp": ("exclusiveGateway", "¿Requiere inspección?", "Lane_an"),
            "Task_insp": ("manualTask", "Realizar visita de inspección", "Lane_an"),
            "Gw_join": ("exclusiveGateway", "", "Lane_jl"),
            "Task_firma": ("userTask", "Firmar licencia", "Lane_jl"),
            "Task_envio": ("sendTask", "Enviar licencia a Tesorería", "Lane_jl"),
            "End_ok": ("endEvent", "Licencia emitida", "Lane_jl"),
        },
        "flows": (
            ("Flow_1", "Start_1", "Task_rec", ""),
            ("Flow_2", "Task_rec", "Task_adeudo", ""),
            ("Flow_3", "Task_adeudo", "Task_req", ""),
            ("Flow_4", "Task_req", "Gw_cumple", ""),
            ("Flow_no", "Gw_cumple", "Task_prev", "No"),
            ("Flow_si", "Gw_cumple", "Gw_insp", "Sí"),
            ("Flow_5", "Task_prev", "End_prev", ""),
            ("Flow_isi", "Gw_insp", "Task_insp", "Sí"),
            ("Flow_ino", "Gw_insp", "Gw_join", "No"),
            ("Flow_6", "Task_insp", "Gw_join", ""),
            ("Flow_7", "Gw_join", "Task_firma", ""),
            ("Flow_8", "Task_firma", "Task_envio", ""),
            ("Flow_9", "Task_envio", "End_ok", ""),
        ),
    },
    {
        "id": "Process_cobro",
        "pool": "Participant_tes",
        "name": "Cobro de derechos de licencia",
        "lanes": (
            (
                "Lane_tes",
                "Tesorería Municipal",
                (("Lane_caja", "Caja General"), ("Lane_ing", "Departamento de Ingresos")),
            ),
        ),
        "nodes": {
            "Start_msg": ("startEvent", "Licencia recibida", "Lane_ing"),
            "Task_calc": ("serviceTask", "Calcular derechos", "Lane_ing"),
            "Task_orden": ("userTask", "Emitir orden de pago", "Lane_ing"),
            "Task_cobro": ("manualTask", "Cobrar en caja", "Lane_caja"),
            "Task_recibo": ("userTask", "Entregar recibo oficial", "Lane_caja"),
            "End_cobro": ("endEvent", "Derechos cobrados", "Lane_caja"),
        },
        "flows": (
            ("Flow_c1", "Start_msg", "Task_calc", ""),
            ("Flow_c2", "Task_calc", "Task_orden", ""),
            ("Flow_c3", "Task_orden", "Task_cobro", ""),
            ("Flow_c4", "Task_cobro", "Task_recibo", ""),
            ("Flow_c5", "Task_recibo", "End_cobro", ""),
        ),
    },
)
MESSAGE = ("MessageFlow_lic", "Task_envio", "Start_msg", "Licencia autorizada")


def _is_task(kind: str) -> bool:
    return kind.endswith("Task")


def procedure(pool: dict) -> Proc:  # type: ignore[type-arg]
    nodes, flows = pool["nodes"], pool["flows"]
    out = {n: [f for f in flows if f[1] == n] for n in nodes}
    start = next(n for n, v in nodes.items() if v[0] == "startEvent")
    order, seen, queue = [], {start}, deque([start])
    while queue:
        node = queue.popleft()
        if _is_task(nodes[node][0]):
            order.append(node)
        for _, _, target, _ in out[node]:
            if target not in seen:
                seen.add(target)
                queue.append(target)
    numbers = {node: str(i) for i, node in enumerate(order, start=1)}

    def targets(node: str, labels: tuple[str, ...]) -> list[Next]:
        found: list[Next] = []
        for _, _, target, name in out[node]:
            path = labels + ((name,) if name else ())
            kind = nodes[target][0]
            if _is_task(kind):
                found.append((numbers[target], " › ".join(path) or None))
            elif kind == "endEvent":
                found.append(("end", " › ".join(path) or None))
            else:
                found += targets(target, path)
        return found

    lanes = {lid: name for lid, name, _ in pool["lanes"]}
    lanes |= {cid: cname for _, _, kids in pool["lanes"] for cid, cname in kids}
    steps = tuple(
        S(numbers[n], lanes[nodes[n][2]], nodes[n][1], next=tuple(targets(n, ()))) for n in order
    )
    return Proc(code=pool["id"], name=pool["name"], steps=steps)


def _shapes(pool: dict, top: int) -> tuple[list[str], dict[str, tuple[int, int, int, int]]]:  # type: ignore[type-arg]
    lane_ids = [k[0] for _, _, kids in pool["lanes"] for k in kids] or [
        lane[0] for lane in pool["lanes"]
    ]
    bounds: dict[str, tuple[int, int, int, int]] = {}
    column = {n: i for i, n in enumerate(pool["nodes"])}
    for node, (kind, _, lane) in pool["nodes"].items():
        x = 200 + column[node] * 130
        y = top + lane_ids.index(lane) * 120 + 20
        w, h = (100, 80) if _is_task(kind) else (36, 36) if kind.endswith("Event") else (50, 50)
        bounds[node] = (x, y + (80 - h) // 2, w, h)
    shapes = [
        f'<bpmndi:BPMNShape id="{pool["pool"]}_di" bpmnElement="{pool["pool"]}" '
        f'isHorizontal="true"><dc:Bounds x="120" y="{top}" width="{130 * len(column) + 150}"'
        f' height="{120 * len(lane_ids)}" /></bpmndi:BPMNShape>'
    ]
    for i, lane in enumerate(lane_ids):
        shapes.append(
            f'<bpmndi:BPMNShape id="{lane}_di" bpmnElement="{lane}" '
            f'isHorizontal="true"><dc:Bounds x="150" y="{top + 120 * i}" '
            f'width="{130 * len(column) + 120}" height="120" /></bpmndi:BPMNShape>'
        )
    for node, (x, y, w, h) in bounds.items():
        extra = ' isMarkerVisible="true"' if "Gateway" in pool["nodes"][node][0] else ""
        shapes.append(
            f'<bpmndi:BPMNShape id="{node}_di" bpmnElement="{node}"{extra}>'
            f'<dc:Bounds x="{x}" y="{y}" width="{w}" height="{h}" /></bpmndi:BPMNShape>'
        )
    return shapes, bounds


def _edge(fid: str, a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> str:
    return (
        f'<bpmndi:BPMNEdge id="{fid}_di" bpmnElement="{fid}">'
        f'<di:waypoint x="{a[0] + a[2]}" y="{a[1] + a[3] // 2}" />'
        f'<di:waypoint x="{b[0]}" y="{b[1] + b[3] // 2}" /></bpmndi:BPMNEdge>'
    )


def render(doc: Doc, path: Path) -> None:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
        'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" '
        'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
        'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" '
        'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" '
        'xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_0lic" '
        'targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" '
        'exporterVersion="5.28.0" modeler:executionPlatform="Camunda Platform" '
        'modeler:executionPlatformVersion="7.22.0">',
        '  <bpmn:collaboration id="Collaboration_1lic">',
    ]
    for pool in POOLS:
        out.append(
            f'    <bpmn:participant id="{pool["pool"]}" name="{pool["name"]}" '
            f'processRef="{pool["id"]}" />'
        )
    out.append(
        f'    <bpmn:messageFlow id="{MESSAGE[0]}" name="{MESSAGE[3]}" '
        f'sourceRef="{MESSAGE[1]}" targetRef="{MESSAGE[2]}" />'
    )
    out.append("  </bpmn:collaboration>")
    for pool in POOLS:
        out.append(
            f'  <bpmn:process id="{pool["id"]}" isExecutable="true" '
            'camunda:historyTimeToLive="180">'
        )
        out.append('    <bpmn:laneSet id="LaneSet_' + pool["id"][8:] + '">')
        for lid, name, kids in pool["lanes"]:
            out.append(f'      <bpmn:lane id="{lid}" name="{name}">')
            if kids:
                out.append(f'        <bpmn:childLaneSet id="LaneSet_{lid}">')
                for cid, cname in kids:
                    out.append(f'          <bpmn:lane id="{cid}" name="{cname}">')
                    out += [
                        f"            <bpmn:flowNodeRef>{n}</bpmn:flowNodeRef>"
                        for n, v in pool["nodes"].items()
                        if v[2] == cid
                    ]
                    out.append("          </bpmn:lane>")
                out.append("        </bpmn:childLaneSet>")
            else:
                out += [
                    f"        <bpmn:flowNodeRef>{n}</bpmn:flowNodeRef>"
                    for n, v in pool["nodes"].items()
                    if v[2] == lid
                ]
            out.append("      </bpmn:lane>")
        out.append("    </bpmn:laneSet>")
        for node, (kind, name, _) in pool["nodes"].items():
            attrs = f' name="{name}"' if name else ""
            if kind == "serviceTask":
                attrs += ' camunda:type="external" camunda:topic="padron"'
            out.append(f'    <bpmn:{kind} id="{node}"{attrs}>')
            if node == MESSAGE[2]:
                out.append('      <bpmn:messageEventDefinition id="MessageEventDefinition_0lic" />')
            out += [
                f"      <bpmn:incoming>{f[0]}</bpmn:incoming>"
                for f in pool["flows"]
                if f[2] == node
            ]
            out += [
                f"      <bpmn:outgoing>{f[0]}</bpmn:outgoing>"
                for f in pool["flows"]
                if f[1] == node
            ]
            out.append(f"    </bpmn:{kind}>")
        for fid, src, dst, name in pool["flows"]:
            attrs = f' name="{name}"' if name else ""
            out.append(
                f'    <bpmn:sequenceFlow id="{fid}"{attrs} sourceRef="{src}" targetRef="{dst}" />'
            )
        out.append("  </bpmn:process>")
    out.append(
        '  <bpmndi:BPMNDiagram id="BPMNDiagram_1"><bpmndi:BPMNPlane id="BPMNPlane_1" '
        'bpmnElement="Collaboration_1lic">'
    )
    bounds: dict[str, tuple[int, int, int, int]] = {}
    top = 80
    for pool in POOLS:
        shapes, b = _shapes(pool, top)
        out += ["    " + s for s in shapes]
        bounds |= b
        out += ["    " + _edge(f[0], b[f[1]], b[f[2]]) for f in pool["flows"]]
        top += 120 * max(len(pool["lanes"]), sum(len(k) for _, _, k in pool["lanes"])) + 60
    out.append("    " + _edge(MESSAGE[0], bounds[MESSAGE[1]], bounds[MESSAGE[2]]))
    out.append("  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>")
    out.append("</bpmn:definitions>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


DOCS = (
    Doc(
        "licencia-dos-pools.bpmn",
        "bpmn-modeler",
        tuple(procedure(p) for p in POOLS),
        render,
        notes="Two pools; the second has nested lanes (responsible = inner lane); step "
        "numbers in breadth-first flow order from each start event.",
    ),
)
