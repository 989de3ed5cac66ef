"""The imported file beside the data: storing it (``store.py``), drawing a PDF page with
a step's row marked (``pdfpage.py``), the rows of a DOCX or text file around a step
(``rows.py``) and the view that serves page images (``views.py``). The template-facing
entry point is ``web/catalog/sources.py``."""
