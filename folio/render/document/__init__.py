"""The manual as a document: one HTML page, a PDF (WeasyPrint) and a Word file.

All three follow ``outline.outline(manual)``: cover, authorizations, index,
introduction, the procedures (identification table, step table, swimlane diagram),
forms and instructivos, glossary, simbología, registro de ediciones, distribución.
"""

from folio.render.document.htmlpage import render_html
from folio.render.document.pdf import render_pdf
from folio.render.document.word import render_docx

__all__ = ["render_docx", "render_html", "render_pdf"]
