"""BPMN 2.0: export a procedure with the same picture as the swimlane SVG, and import
a BPMN file drawn in another tool."""

from folio.render.bpmn.read import import_bpmn
from folio.render.bpmn.write import export_bpmn

__all__ = ["export_bpmn", "import_bpmn"]
