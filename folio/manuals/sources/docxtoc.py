"""The table of contents of a Word manual, which is never read as body text: its
entries ("II. Dirección de … 4") would pass for the introduction or for headings.

A paragraph belongs to the index when its style is one of Word's "toc N" styles, when
a ``TOC`` field (complex, ``w:fldChar`` … ``w:instrText`` … ``w:fldChar``, or simple,
``w:fldSimple``) is open anywhere in it (the field's result spans several paragraphs),
or when it lies in a content control of the "Table of Contents" gallery.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

_VAL = qn("w:val")
_FLD_CHAR, _INSTR, _SIMPLE = qn("w:fldChar"), qn("w:instrText"), qn("w:fldSimple")
_TOC_INSTR = re.compile(r"^\s*TOC\b", re.IGNORECASE)
_TOC_STYLE = re.compile(r"^(?:toc|tdc|índice|indice)\s*\d$", re.IGNORECASE)


def toc_styles(document: Any) -> set[str]:
    """The ids of the document's index entry styles ("toc 1"… in any language Word
    names them, "TDC 1", "Índice 1")."""
    found = set()
    for style in document.styles.element.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None and _TOC_STYLE.match((name.get(_VAL) or "").strip()):
            found.add(style.get(qn("w:styleId")) or "")
    return found


def is_toc_control(element: Any) -> bool:
    """A content control (``w:sdt``) that Word made for a table of contents."""
    gallery = element.find(f"{qn('w:sdtPr')}/{qn('w:docPartObj')}/{qn('w:docPartGallery')}")
    return gallery is not None and (gallery.get(_VAL) or "").lower() == "table of contents"


@dataclass
class TocFields:
    """The complex fields open at this point of the walk, as their instructions so far;
    fed each body paragraph in document order."""

    styles: set[str] = field(default_factory=set)
    open: list[str] = field(default_factory=list)

    def in_index(self, paragraph: Any) -> bool:
        """Whether ``paragraph`` is part of the index; advances past its fields."""
        inside = self._in_toc() or self._styled(paragraph)
        for node in paragraph.iter(_FLD_CHAR, _INSTR, _SIMPLE):
            if node.tag == _SIMPLE:
                inside = inside or bool(_TOC_INSTR.match(node.get(qn("w:instr")) or ""))
            elif node.tag == _INSTR:
                if self.open:
                    self.open[-1] += node.text or ""
                    inside = inside or self._in_toc()
            elif node.get(qn("w:fldCharType")) == "begin":
                self.open.append("")
            elif node.get(qn("w:fldCharType")) == "end" and self.open:
                self.open.pop()
        return inside

    def _in_toc(self) -> bool:
        return any(_TOC_INSTR.match(instr) for instr in self.open)

    def _styled(self, paragraph: Any) -> bool:
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        return style is not None and (style.get(_VAL) or "") in self.styles
