"""Manual text made safe for the HTML (and so the PDF and the Word index) pages.

``escape`` is ``html.escape`` after giving very long unbroken runs (a 300-digit number,
a pasted URL, a cell of one repeated character) a break opportunity every few
characters (U+200B, zero width). Without one, WeasyPrint tries to break such a run at
each character in turn: a single 300-character token in a table cell took a minute to
lay out. Ordinary words, form codes and folios are shorter than the limit and untouched.
"""

from __future__ import annotations

import html
import re

#: Runs of non-space characters longer than this get break opportunities.
LONGEST_RUN = 32
#: How often a long run may break.
EVERY = 16
_LONG_RUN = re.compile(rf"\S{{{LONGEST_RUN + 1},}}")
_CHUNK = re.compile(rf".{{1,{EVERY}}}", re.DOTALL)
ZWSP = "\u200b"


def breakable(text: str) -> str:
    if len(text) <= LONGEST_RUN or not _LONG_RUN.search(text):
        return text
    return _LONG_RUN.sub(lambda m: ZWSP.join(_CHUNK.findall(m.group(0))), text)


#: Text longer than this is laid out in pieces of ``PIECE`` characters.
LONG_TEXT = 512
PIECE = 128


def escape(text: str, quote: bool = True) -> str:
    """Escaped text for an element's content (not an attribute, not ``<title>``). A long
    text is cut into pieces between empty ``<span>``s: WeasyPrint lays out the rest of a
    text box at every line it breaks, so one long box in a narrow cell (the Word-like
    layout that numbers the DOCX index) costs lines × length; pieces keep it linear. An
    element boundary is not a break opportunity, so the text reads and wraps the same."""
    text = breakable(text)
    if len(text) <= LONG_TEXT:
        return html.escape(text, quote)
    pieces = (html.escape(text[i : i + PIECE], quote) for i in range(0, len(text), PIECE))
    return "<span></span>".join(pieces)
