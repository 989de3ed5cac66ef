"""A BPMN file as Camunda Modeler writes it (an invented licensing process, with
``camunda:`` extension attributes, lanes, a gateway, a service task and a data object),
for the importer's tests."""

CAMUNDA = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:modeler="http://camunda.org/schema/modeler/1.0"
  id="Definitions_1x0k7qa" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler"
  exporterVersion="5.21.0" modeler:executionPlatform="Camunda Platform"
  modeler:executionPlatformVersion="7.20.0">
  <bpmn:collaboration id="Collaboration_0d1x3">
    <bpmn:participant id="Participant_1t5c" name="Permiso de poda" processRef="Process_poda" />
  </bpmn:collaboration>
  <bpmn:process id="Process_poda" name="Permiso de poda de árboles" isExecutable="true"
      camunda:historyTimeToLive="180">
    <bpmn:laneSet id="LaneSet_0wq">
      <bpmn:lane id="Lane_0ven" name="Ventanilla de Medio Ambiente">
        <bpmn:flowNodeRef>StartEvent_1</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Activity_0notif</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Activity_1recib</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Event_0fin</bpmn:flowNodeRef>
      </bpmn:lane>
      <bpmn:lane id="Lane_1insp" name="Inspector/a Forestal">
        <bpmn:flowNodeRef>Activity_1insp</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Gateway_0proc</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Activity_0auto</bpmn:flowNodeRef>
      </bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="StartEvent_1" name="Solicitud recibida">
      <bpmn:outgoing>Flow_0a</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:userTask id="Activity_0notif" name="Notificar la resolución"
        camunda:assignee="ventanilla">
      <bpmn:incoming>Flow_0no</bpmn:incoming>
      <bpmn:incoming>Flow_0d</bpmn:incoming>
      <bpmn:outgoing>Flow_0e</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:userTask id="Activity_1recib" name="Recibir solicitud y documentos"
        camunda:candidateGroups="ventanilla">
      <bpmn:extensionElements>
        <camunda:formData>
          <camunda:formField id="folio" label="Folio" type="string" />
        </camunda:formData>
      </bpmn:extensionElements>
      <bpmn:incoming>Flow_0a</bpmn:incoming>
      <bpmn:outgoing>Flow_0b</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:serviceTask id="Activity_1insp" name="Inspeccionar el arbolado" camunda:type="external"
        camunda:topic="inspeccion">
      <bpmn:incoming>Flow_0b</bpmn:incoming>
      <bpmn:outgoing>Flow_0c</bpmn:outgoing>
      <bpmn:dataOutputAssociation id="DataOutputAssociation_0x1">
        <bpmn:targetRef>DataObjectReference_0dic</bpmn:targetRef>
      </bpmn:dataOutputAssociation>
    </bpmn:serviceTask>
    <bpmn:exclusiveGateway id="Gateway_0proc" name="¿Procede la poda?" default="Flow_0no">
      <bpmn:incoming>Flow_0c</bpmn:incoming>
      <bpmn:outgoing>Flow_0si</bpmn:outgoing>
      <bpmn:outgoing>Flow_0no</bpmn:outgoing>
    </bpmn:exclusiveGateway>
    <bpmn:task id="Activity_0auto" name="Autorizar la poda">
      <bpmn:incoming>Flow_0si</bpmn:incoming>
      <bpmn:outgoing>Flow_0d</bpmn:outgoing>
    </bpmn:task>
    <bpmn:endEvent id="Event_0fin" name="Trámite concluido">
      <bpmn:incoming>Flow_0e</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_0a" sourceRef="StartEvent_1" targetRef="Activity_1recib" />
    <bpmn:sequenceFlow id="Flow_0b" sourceRef="Activity_1recib" targetRef="Activity_1insp" />
    <bpmn:sequenceFlow id="Flow_0c" sourceRef="Activity_1insp" targetRef="Gateway_0proc" />
    <bpmn:sequenceFlow id="Flow_0si" name="Sí" sourceRef="Gateway_0proc" targetRef="Activity_0auto">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${procede}
      </bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_0no" name="No" sourceRef="Gateway_0proc"
        targetRef="Activity_0notif" />
    <bpmn:sequenceFlow id="Flow_0d" sourceRef="Activity_0auto" targetRef="Activity_0notif" />
    <bpmn:sequenceFlow id="Flow_0e" sourceRef="Activity_0notif" targetRef="Event_0fin" />
    <bpmn:dataObjectReference id="DataObjectReference_0dic" name="Dictamen técnico"
        dataObjectRef="DataObject_1dic" />
    <bpmn:dataObject id="DataObject_1dic" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_0d1x3">
      <bpmndi:BPMNShape id="Participant_1t5c_di" bpmnElement="Participant_1t5c" isHorizontal="true">
        <dc:Bounds x="129" y="80" width="800" height="250" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Activity_1recib_di" bpmnElement="Activity_1recib">
        <dc:Bounds x="260" y="100" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_0b_di" bpmnElement="Flow_0b">
        <di:waypoint x="310" y="180" />
        <di:waypoint x="310" y="240" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
"""
