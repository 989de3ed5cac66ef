"""BPMN 2.0 export and import: structure, DI, XSD validity, round trip on the seeds, and
a file drawn the way Camunda Modeler writes it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from lxml import etree

from folio.manuals.blocks import ParseError
from folio.manuals.model import END, DocumentRef, Procedure, Step, Transition
from folio.render.bpmn import export_bpmn, import_bpmn
from folio.render.geometry import Artifact, Box, Diagram, Edge, Lane, Node
from folio.render.layout import layout_procedure

from .bpmn_camunda_fixture import CAMUNDA

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
}
WINDOW = "Ventanilla Única"
HEAD = "Jefe/a de Departamento de Licencias"
INSPECTOR = "Inspector/a de Protección Civil"


def licence() -> Procedure:
    """An invented licensing procedure: a nested decision, a document with a form code,
    a jump to another procedure and one that names no target."""
    return Procedure(
        code="P7",
        name="Procedimiento para la licencia de funcionamiento",
        objective="Otorgar licencias de funcionamiento en tiempo.",
        steps=(
            Step("1", (WINDOW,), "Recibe la solicitud y la registra.", next=(Transition("2"),)),
            Step(
                "2",
                (HEAD, INSPECTOR),
                "Revisa la solicitud. ¿Está completa? ¿Requiere inspección?",
                documents=(
                    DocumentRef("Formato", "Formato de revisión FORM.1/LIC/01", "FORM.1/LIC/01"),
                ),
                next=(
                    Transition(END, "No"),
                    Transition("3", "Si › Si"),
                    Transition("4", "Si › En caso contrario"),
                ),
                questions=("¿Está completa?", "¿Requiere inspección?"),
            ),
            Step(
                "3",
                (INSPECTOR,),
                "Inspecciona el local. Si no cumple, ir al procedimiento de clausura.",
                next=(Transition("external:P9", "No cumple"), Transition("4", "Cumple")),
            ),
            Step(
                "4",
                (WINDOW,),
                "Entrega la licencia. Regresa a la actividad no.",
                next=(Transition(None),),
            ),
        ),
    )


def hand_diagram(procedure: Procedure) -> Diagram:
    """A diagram laid out by hand: one lane per role, a column per step."""
    roles = list(dict.fromkeys(r for s in procedure.steps for r in s.responsible))
    lanes = tuple(Lane(f"L{i}", role, Box(0, 150 * i, 1000, 150)) for i, role in enumerate(roles))
    nodes = [Node("start", "start", "Inicio", Box(40, 57, 36, 36), "L0")]
    for index, step in enumerate(procedure.steps):
        lane = roles.index(step.responsible[0])
        nodes.append(
            Node(
                f"n{step.number}",
                "task",
                step.activity,
                Box(120 + 200 * index, 150 * lane + 35, 120, 80),
                f"L{lane}",
                step.number,
            )
        )
    edges = (Edge("e0", "start", "n1", ((76, 75), (120, 75))),)
    artifacts = (Artifact("a1", "document", "Formato", Box(400, 160, 36, 50), "n2"),)
    return Diagram(
        procedure.code,
        procedure.name,
        1000,
        150 * len(roles),
        lanes,
        tuple(nodes),
        edges,
        artifacts,
    )


def parse(xml: str) -> etree._Element:
    return etree.fromstring(xml.encode())


def test_it_writes_one_pool_whose_lanes_are_the_roles() -> None:
    root = parse(export_bpmn(licence(), hand_diagram(licence())))

    participant = root.find("bpmn:collaboration/bpmn:participant", NS)
    process = root.find("bpmn:process", NS)
    assert participant is not None and process is not None
    assert participant.get("processRef") == process.get("id")
    lanes = {
        lane.get("name"): [r.text for r in lane] for lane in process.iterfind(".//bpmn:lane", NS)
    }
    assert list(lanes) == [WINDOW, HEAD, INSPECTOR]
    assert "Activity_1" in lanes[WINDOW] and "Activity_2" in lanes[HEAD]
    performers = process.findall("bpmn:userTask[@id='Activity_2']/bpmn:performer", NS)
    assert [p.get("name") for p in performers] == [HEAD, INSPECTOR]


def test_it_writes_a_task_per_step_with_the_full_activity() -> None:
    process = parse(export_bpmn(licence(), hand_diagram(licence()))).find("bpmn:process", NS)
    assert process is not None

    task = process.find("bpmn:userTask[@id='Activity_3']", NS)
    assert task is not None
    assert task.get("name", "").startswith("3. Inspecciona el local.")
    assert task.findtext("bpmn:documentation", namespaces=NS) == licence().steps[2].activity


def test_it_writes_a_decision_as_a_gateway_whose_flows_carry_the_branch_labels() -> None:
    process = parse(export_bpmn(licence(), hand_diagram(licence()))).find("bpmn:process", NS)
    assert process is not None

    gateway = process.find("bpmn:exclusiveGateway[@id='Gateway_2_1']", NS)
    assert gateway is not None
    assert gateway.get("name") == "¿Está completa? ¿Requiere…"  # fits inside the diamond
    questions = gateway.findtext("bpmn:documentation", namespaces=NS)
    assert questions == "¿Está completa?\n¿Requiere inspección?"
    flows = process.findall(f"bpmn:sequenceFlow[@sourceRef='{gateway.get('id')}']", NS)
    assert [(f.get("name"), f.get("targetRef")) for f in flows] == [
        ("No", "Event_2_1"),
        ("Si › Si", "Activity_3"),
        ("Si › En caso contrario", "Activity_4"),
    ]


def test_it_makes_the_otherwise_branch_the_default_flow() -> None:
    otherwise = replace(
        licence().steps[2], next=(Transition("4", "Si"), Transition("1", "En caso contrario"))
    )
    procedure = replace(licence(), steps=(*licence().steps[:2], otherwise, licence().steps[3]))

    process = parse(export_bpmn(procedure, hand_diagram(procedure))).find("bpmn:process", NS)

    assert process is not None
    gateway = process.find("bpmn:exclusiveGateway[@id='Gateway_3_1']", NS)
    assert gateway is not None
    default = process.find(f"bpmn:sequenceFlow[@id='{gateway.get('default')}']", NS)
    assert default is not None and default.get("name") == "En caso contrario"


def test_it_writes_jumps_elsewhere_as_end_events_that_say_so() -> None:
    root = parse(export_bpmn(licence(), hand_diagram(licence())))

    ends = {e.get("name"): e for e in root.iterfind("bpmn:process/bpmn:endEvent", NS)}
    assert set(ends) == {"Fin", "Continúa en el procedimiento P9", "Destino no indicado"}
    definition = ends["Continúa en el procedimiento P9"].find("bpmn:messageEventDefinition", NS)
    assert definition is not None
    message = root.find(f"bpmn:message[@id='{definition.get('messageRef')}']", NS)
    assert message is not None and message.get("name") == "P9"
    assert "no indica" in (
        ends["Destino no indicado"].findtext("bpmn:documentation", namespaces=NS) or ""
    )


def test_it_writes_documents_as_data_objects_attached_to_their_step() -> None:
    process = parse(export_bpmn(licence(), hand_diagram(licence()))).find("bpmn:process", NS)
    assert process is not None

    (data_object,) = process.findall("bpmn:dataObject", NS)
    (ref,) = process.findall("bpmn:dataObjectReference", NS)
    assert data_object.get("name") == "Formato FORM.1/LIC/01"
    assert ref.get("dataObjectRef") == data_object.get("id")
    assert ref.get("name") == "Formato de revisión FORM.1/LIC/01"
    target = process.findtext(
        "bpmn:userTask[@id='Activity_2']/bpmn:dataOutputAssociation/bpmn:targetRef", namespaces=NS
    )
    assert target == ref.get("id")


def test_it_takes_shapes_and_routes_from_the_diagram() -> None:
    diagram = hand_diagram(licence())
    root = parse(export_bpmn(licence(), diagram))

    bounds = root.find(".//bpmndi:BPMNShape[@bpmnElement='Activity_2']/dc:Bounds", NS)
    assert bounds is not None
    box = next(n.box for n in diagram.nodes if n.step == "2")
    assert [float(bounds.get(k, "")) for k in ("x", "y", "width", "height")] == [
        box.x + 30,
        box.y,
        box.w,
        box.h,
    ]
    (start_flow,) = root.findall(".//bpmndi:BPMNEdge[@bpmnElement='Flow_1']/di:waypoint", NS)[:1]
    assert (start_flow.get("x"), start_flow.get("y")) == ("106", "75")
    lane = root.find(".//bpmndi:BPMNShape[@bpmnElement='Lane_1']", NS)
    assert lane is not None and lane.get("isHorizontal") == "true"


def test_it_draws_column_lanes_as_the_swimlane_chart_does() -> None:
    diagram = layout_procedure(licence())

    root = parse(export_bpmn(licence()))

    lanes = root.findall(".//bpmndi:BPMNShape[@isHorizontal]", NS)
    assert {lane.get("isHorizontal") for lane in lanes} == {"false"}
    pool = root.find(".//bpmndi:BPMNShape[@bpmnElement='Participant_P7']/dc:Bounds", NS)
    task = root.find(".//bpmndi:BPMNShape[@bpmnElement='Activity_3']/dc:Bounds", NS)
    assert pool is not None and task is not None
    chart = next(n.box for n in diagram.nodes if n.kind == "task" and n.step == "3")
    top = min(lane.box.y for lane in diagram.lanes) - 30  # the pool's name band
    left = min(lane.box.x for lane in diagram.lanes)
    assert (float(task.get("x", "")), float(task.get("y", ""))) == pytest.approx(
        (chart.x - left, chart.y - top), abs=0.051
    )
    assert (pool.get("x"), pool.get("y")) == ("0", "0")


def test_it_chains_gateways_where_the_chart_draws_several_diamonds() -> None:
    # given: a decision with five branches, drawn with two diamonds
    branches = tuple(
        Transition(to, when)
        for to, when in [(END, "No"), ("3", "A"), ("4", "B"), ("1", "C"), (None, "D")]
    )
    crowded = replace(licence().steps[1], next=branches)
    procedure = replace(licence(), steps=(licence().steps[0], crowded, *licence().steps[2:]))

    # when
    process = parse(export_bpmn(procedure)).find("bpmn:process", NS)

    # then: each branch leaves the gateway drawn where the chart's arrow leaves
    assert process is not None
    chart = layout_procedure(procedure)
    diamonds = [n.id for n in chart.nodes if n.kind == "decision" and n.step == "2"]
    assert len(diamonds) == 2
    expected = [
        f"Gateway_2_{diamonds.index(e.source) + 1}" for e in chart.edges if e.id.startswith("t2-")
    ]
    names = ("No", "A", "B", "C", "D")
    flows = [f for f in process.iterfind("bpmn:sequenceFlow", NS) if f.get("name") in names]
    assert [f.get("sourceRef") for f in flows] == expected
    assert import_bpmn(export_bpmn(procedure)).steps[1].next == branches


def test_it_writes_the_charts_database_symbols_as_data_stores() -> None:
    recorded = replace(licence().steps[0], activity="Registra la solicitud en la Mesa de Servicio.")
    procedure = replace(licence(), steps=(recorded, *licence().steps[1:]))

    process = parse(export_bpmn(procedure)).find("bpmn:process", NS)

    assert process is not None
    (store,) = process.findall("bpmn:dataStoreReference", NS)
    assert store.get("name") == "Mesa de Servicio"
    association = process.find("bpmn:userTask[@id='Activity_1']/bpmn:dataOutputAssociation", NS)
    assert association is not None
    assert association.findtext("bpmn:targetRef", namespaces=NS) == store.get("id")
    assert import_bpmn(export_bpmn(procedure)).steps[0].documents == ()


def test_it_keeps_a_step_with_no_responsible_without_one() -> None:
    nobody = replace(licence().steps[3], responsible=())
    procedure = replace(licence(), steps=(*licence().steps[:3], nobody))

    xml = export_bpmn(procedure)

    assert import_bpmn(xml).steps[3].responsible == ()
    assert export_bpmn(import_bpmn(xml)) == xml


def test_it_gives_every_element_a_shape_or_an_edge() -> None:
    root = parse(export_bpmn(licence(), hand_diagram(licence())))
    assert_complete_di(root)


def test_it_writes_the_same_bytes_every_time() -> None:
    assert export_bpmn(licence(), hand_diagram(licence())) == export_bpmn(
        licence(), hand_diagram(licence())
    )


def test_it_reads_back_what_it_wrote() -> None:
    original = licence()

    read = import_bpmn(export_bpmn(original, hand_diagram(original)), file="licencia.bpmn")

    assert (read.code, read.name, read.objective) == (
        original.code,
        original.name,
        original.objective,
    )
    assert essentials(read) == essentials(original)


def test_it_reads_its_file_back_after_another_modeler_saved_it() -> None:
    saved = export_bpmn(licence()).replace('exporter="Folio"', 'exporter="Camunda Modeler"')

    assert essentials(import_bpmn(saved)) == essentials(licence())


# given: a process drawn in Camunda Modeler, tasks in no particular order in the file


def test_it_reads_a_file_drawn_in_camunda_modeler() -> None:
    # when
    procedure = import_bpmn(CAMUNDA, file="poda.bpmn")

    # then: numbered in flow order, lanes as roles, the gateway as a decision
    assert (procedure.code, procedure.name) == ("Process_poda", "Permiso de poda de árboles")
    assert [(s.number, s.activity, s.responsible) for s in procedure.steps] == [
        ("1", "Recibir solicitud y documentos", ("Ventanilla de Medio Ambiente",)),
        ("2", "Inspeccionar el arbolado", ("Inspector/a Forestal",)),
        ("3", "Autorizar la poda", ("Inspector/a Forestal",)),
        ("4", "Notificar la resolución", ("Ventanilla de Medio Ambiente",)),
    ]
    inspect, authorize, notify = procedure.steps[1:]
    assert inspect.next == (Transition("3", "Sí"), Transition("4", "No"))
    assert inspect.questions == ("¿Procede la poda?",)
    assert inspect.documents == (DocumentRef("Dictamen técnico", "Dictamen técnico"),)
    assert authorize.next == (Transition("4"),)
    assert notify.next == (Transition(END),)


def test_it_numbers_tasks_by_the_numbers_their_names_start_with() -> None:
    numbered = (
        CAMUNDA.replace('name="Recibir', 'name="10. Recibir')
        .replace('name="Inspeccionar', 'name="20 Inspeccionar')
        .replace('name="Autorizar', 'name="30) Autorizar')
        .replace('name="Notificar', 'name="40. Notificar')
    )

    procedure = import_bpmn(numbered)

    assert [s.number for s in procedure.steps] == ["40", "10", "20", "30"]
    assert procedure.step("20") is not None and procedure.step("20").next[0] == Transition(
        "30", "Sí"
    )  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("<bpmn:definitions", "poda.bpmn no es un XML bien formado"),
        (
            "<html><body>Hola</body></html>",
            "poda.bpmn no es un archivo BPMN 2.0: su raíz es <html>",
        ),
        (
            CAMUNDA.split("<bpmn:process")[0] + "</bpmn:definitions>",
            "poda.bpmn no contiene ningún proceso",
        ),
    ],
)
def test_it_rejects_what_is_not_bpmn_naming_the_file(content: str, expected: str) -> None:
    with pytest.raises(ParseError) as raised:
        import_bpmn(content, file="poda.bpmn")

    assert expected in str(raised.value)
    assert str(raised.value).count(".") >= 1 and "\n" not in str(raised.value)


def essentials(procedure: Procedure) -> list[tuple[object, ...]]:
    return [
        (s.number, s.responsible, s.activity, s.documents, s.next, s.questions)
        for s in procedure.steps
    ]


def assert_complete_di(root: etree._Element) -> None:
    drawn = {e.get("bpmnElement"): e for e in root.iterfind(".//bpmndi:BPMNPlane/*", NS)}
    process = root.find("bpmn:process", NS)
    assert process is not None
    shaped = [
        e
        for e in process
        if etree.QName(e).localname
        not in {"sequenceFlow", "dataObject", "documentation", "laneSet"}
    ]
    shaped += process.findall(".//bpmn:lane", NS) + root.findall(
        "bpmn:collaboration/bpmn:participant", NS
    )
    for element in shaped:
        shape = drawn.get(element.get("id"))
        assert shape is not None and etree.QName(shape).localname == "BPMNShape", element.get("id")
    for flow in process.iterfind("bpmn:sequenceFlow", NS):
        edge = drawn.get(flow.get("id"))
        assert edge is not None and len(edge.findall("di:waypoint", NS)) >= 2, flow.get("id")
