"""Text a spreadsheet will not run.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` is read by Excel and LibreOffice as a
formula, and the text in Folio's exports can come from anyone (a case's subject written by
a citizen, a proposal, an indicator's name): such text starts with an apostrophe instead,
which spreadsheets show as plain text. Plain numbers ("-3", "2.5") stay as they are.
"""

from __future__ import annotations

import re

NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(text: str) -> str:
    """``text``, or ``'text`` when a spreadsheet would run it as a formula."""
    return "'" + text if text[:1] in FORMULA_START and not NUMBER.match(text) else text
