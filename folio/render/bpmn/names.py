"""Namespaces of BPMN 2.0 files, as bpmn-js and Camunda Modeler write them."""

from __future__ import annotations

MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
#: Folio's extension attributes: what BPMN has no place for (a document's normalized type
#: and form code, the procedure code, the target of a jump that names no real step).
FOLIO = "urn:folio:bpmn:1"
TARGET_NAMESPACE = "urn:folio:procedures"

NSMAP = {"bpmn": MODEL, "bpmndi": BPMNDI, "dc": DC, "di": DI, "folio": FOLIO}


def bpmn(tag: str) -> str:
    return f"{{{MODEL}}}{tag}"


def folio(attribute: str) -> str:
    return f"{{{FOLIO}}}{attribute}"
