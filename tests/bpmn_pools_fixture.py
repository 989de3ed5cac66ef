"""A BPMN file drawn the way Camunda Modeler writes a collaboration (an invented tree
felling permit): two pools with lanes, a parallel split and its join, an embedded
subprocess, a boundary timer, an intermediate message event and message flows between
the pools. For the importer's tests, so that they run without ../shared/."""

POOLS = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
  id="Definitions_tala" targetNamespace="http://bpmn.io/schema/bpmn"
  exporter="Camunda Modeler" exporterVersion="5.21.0">
  <bpmn:collaboration id="Collaboration_tala" name="Permiso de tala">
    <bpmn:participant id="Participant_ventanilla" name="Ventanilla"
        processRef="Process_ventanilla" />
    <bpmn:participant id="Participant_forestal" name="Dirección Forestal"
        processRef="Process_forestal" />
    <bpmn:participant id="Participant_ciudadano" name="Ciudadano" />
    <bpmn:messageFlow id="Message_solicitud" name="Solicitud" sourceRef="Participant_ciudadano"
        targetRef="Start_ventanilla" />
    <bpmn:messageFlow id="Message_turno" name="Turno" sourceRef="End_turnado"
        targetRef="Start_forestal" />
  </bpmn:collaboration>
  <bpmn:process id="Process_ventanilla" isExecutable="true">
    <bpmn:laneSet id="LaneSet_v">
      <bpmn:lane id="Lane_ventanilla" name="Ventanilla de Medio Ambiente">
        <bpmn:flowNodeRef>Start_ventanilla</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Task_recibe</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>End_turnado</bpmn:flowNodeRef>
      </bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="Start_ventanilla" name="Solicitud recibida">
      <bpmn:outgoing>Flow_v1</bpmn:outgoing>
      <bpmn:messageEventDefinition id="Def_v1" />
    </bpmn:startEvent>
    <bpmn:userTask id="Task_recibe" name="Recibir la solicitud">
      <bpmn:incoming>Flow_v1</bpmn:incoming>
      <bpmn:outgoing>Flow_v2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="End_turnado" name="Turnada a Forestal">
      <bpmn:incoming>Flow_v2</bpmn:incoming>
      <bpmn:messageEventDefinition id="Def_v2" />
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_v1" sourceRef="Start_ventanilla" targetRef="Task_recibe" />
    <bpmn:sequenceFlow id="Flow_v2" sourceRef="Task_recibe" targetRef="End_turnado" />
  </bpmn:process>
  <bpmn:process id="Process_forestal" name="Dictamen de tala" isExecutable="true">
    <bpmn:laneSet id="LaneSet_f">
      <bpmn:lane id="Lane_direccion" name="Dirección Forestal">
        <bpmn:flowNodeRef>Start_forestal</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Task_dictamen</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>End_forestal</bpmn:flowNodeRef>
        <bpmn:childLaneSet id="LaneSet_campo">
          <bpmn:lane id="Lane_inspector" name="Inspector/a Forestal">
            <bpmn:flowNodeRef>Split</bpmn:flowNodeRef>
            <bpmn:flowNodeRef>Task_inspecciona</bpmn:flowNodeRef>
            <bpmn:flowNodeRef>Task_fotografia</bpmn:flowNodeRef>
            <bpmn:flowNodeRef>Join</bpmn:flowNodeRef>
            <bpmn:flowNodeRef>Sub_revision</bpmn:flowNodeRef>
            <bpmn:flowNodeRef>Timer_plazo</bpmn:flowNodeRef>
            <bpmn:flowNodeRef>Wait_vecinos</bpmn:flowNodeRef>
            <bpmn:flowNodeRef>Task_recordatorio</bpmn:flowNodeRef>
          </bpmn:lane>
        </bpmn:childLaneSet>
      </bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="Start_forestal" name="Turno recibido">
      <bpmn:outgoing>Flow_f1</bpmn:outgoing>
      <bpmn:messageEventDefinition id="Def_f1" />
    </bpmn:startEvent>
    <bpmn:parallelGateway id="Split" name="Visita">
      <bpmn:incoming>Flow_f1</bpmn:incoming>
      <bpmn:outgoing>Flow_f2</bpmn:outgoing>
      <bpmn:outgoing>Flow_f3</bpmn:outgoing>
    </bpmn:parallelGateway>
    <bpmn:manualTask id="Task_inspecciona" name="Inspeccionar el árbol">
      <bpmn:incoming>Flow_f2</bpmn:incoming>
      <bpmn:outgoing>Flow_f4</bpmn:outgoing>
    </bpmn:manualTask>
    <bpmn:task id="Task_fotografia" name="Fotografiar el árbol">
      <bpmn:incoming>Flow_f3</bpmn:incoming>
      <bpmn:outgoing>Flow_f5</bpmn:outgoing>
    </bpmn:task>
    <bpmn:parallelGateway id="Join">
      <bpmn:incoming>Flow_f4</bpmn:incoming>
      <bpmn:incoming>Flow_f5</bpmn:incoming>
      <bpmn:outgoing>Flow_f6</bpmn:outgoing>
    </bpmn:parallelGateway>
    <bpmn:subProcess id="Sub_revision" name="Revisión técnica">
      <bpmn:incoming>Flow_f6</bpmn:incoming>
      <bpmn:outgoing>Flow_f7</bpmn:outgoing>
      <bpmn:startEvent id="Sub_start"><bpmn:outgoing>Flow_s1</bpmn:outgoing></bpmn:startEvent>
      <bpmn:serviceTask id="Task_catastro" name="Consultar el catastro">
        <bpmn:incoming>Flow_s1</bpmn:incoming>
        <bpmn:outgoing>Flow_s2</bpmn:outgoing>
      </bpmn:serviceTask>
      <bpmn:exclusiveGateway id="Gateway_protegido" name="¿Especie protegida?"
          default="Flow_s4">
        <bpmn:incoming>Flow_s2</bpmn:incoming>
        <bpmn:outgoing>Flow_s3</bpmn:outgoing>
        <bpmn:outgoing>Flow_s4</bpmn:outgoing>
      </bpmn:exclusiveGateway>
      <bpmn:userTask id="Task_semarnat" name="Pedir opinión a SEMARNAT">
        <bpmn:incoming>Flow_s3</bpmn:incoming>
        <bpmn:outgoing>Flow_s5</bpmn:outgoing>
      </bpmn:userTask>
      <bpmn:endEvent id="Sub_end">
        <bpmn:incoming>Flow_s4</bpmn:incoming>
        <bpmn:incoming>Flow_s5</bpmn:incoming>
      </bpmn:endEvent>
      <bpmn:sequenceFlow id="Flow_s1" sourceRef="Sub_start" targetRef="Task_catastro" />
      <bpmn:sequenceFlow id="Flow_s2" sourceRef="Task_catastro" targetRef="Gateway_protegido" />
      <bpmn:sequenceFlow id="Flow_s3" name="Sí" sourceRef="Gateway_protegido"
          targetRef="Task_semarnat" />
      <bpmn:sequenceFlow id="Flow_s4" sourceRef="Gateway_protegido" targetRef="Sub_end" />
      <bpmn:sequenceFlow id="Flow_s5" sourceRef="Task_semarnat" targetRef="Sub_end" />
    </bpmn:subProcess>
    <bpmn:boundaryEvent id="Timer_plazo" name="Pasan 10 días" attachedToRef="Task_semarnat">
      <bpmn:outgoing>Flow_t1</bpmn:outgoing>
      <bpmn:timerEventDefinition id="Def_t1">
        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P10D</bpmn:timeDuration>
      </bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:userTask id="Task_recordatorio" name="Enviar recordatorio">
      <bpmn:incoming>Flow_t1</bpmn:incoming>
      <bpmn:outgoing>Flow_t2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:intermediateCatchEvent id="Wait_vecinos" name="Opinión de los vecinos">
      <bpmn:incoming>Flow_f7</bpmn:incoming>
      <bpmn:outgoing>Flow_f8</bpmn:outgoing>
      <bpmn:messageEventDefinition id="Def_w1" />
    </bpmn:intermediateCatchEvent>
    <bpmn:userTask id="Task_dictamen" name="Emitir el dictamen">
      <bpmn:incoming>Flow_f8</bpmn:incoming>
      <bpmn:incoming>Flow_t2</bpmn:incoming>
      <bpmn:outgoing>Flow_f9</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="End_forestal" name="Dictamen emitido">
      <bpmn:incoming>Flow_f9</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_f1" sourceRef="Start_forestal" targetRef="Split" />
    <bpmn:sequenceFlow id="Flow_f2" sourceRef="Split" targetRef="Task_inspecciona" />
    <bpmn:sequenceFlow id="Flow_f3" sourceRef="Split" targetRef="Task_fotografia" />
    <bpmn:sequenceFlow id="Flow_f4" sourceRef="Task_inspecciona" targetRef="Join" />
    <bpmn:sequenceFlow id="Flow_f5" sourceRef="Task_fotografia" targetRef="Join" />
    <bpmn:sequenceFlow id="Flow_f6" sourceRef="Join" targetRef="Sub_revision" />
    <bpmn:sequenceFlow id="Flow_f7" sourceRef="Sub_revision" targetRef="Wait_vecinos" />
    <bpmn:sequenceFlow id="Flow_f8" sourceRef="Wait_vecinos" targetRef="Task_dictamen" />
    <bpmn:sequenceFlow id="Flow_t1" sourceRef="Timer_plazo" targetRef="Task_recordatorio" />
    <bpmn:sequenceFlow id="Flow_t2" sourceRef="Task_recordatorio" targetRef="Task_dictamen" />
    <bpmn:sequenceFlow id="Flow_f9" sourceRef="Task_dictamen" targetRef="End_forestal" />
  </bpmn:process>
</bpmn:definitions>
"""
