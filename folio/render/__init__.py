"""Renderers: swimlane SVG, BPMN 2.0, org chart, and the manual as HTML/PDF/DOCX."""
