"""Laying out a procedure as a swimlane chart (``layout_procedure``) and cutting a long
chart into pages (``paginate``). Both renderers, SVG and BPMN DI, draw the result."""

from folio.render.layout.build import layout_procedure
from folio.render.layout.paginate import paginate

__all__ = ["layout_procedure", "paginate"]
