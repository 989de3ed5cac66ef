"""Turning a cell's raw text (HTML lists, markdown emphasis, escapes) into plain text.

Converted manuals carry markup from their conversion: ``<ol><li>1. …</li>``,
``<p><b>Label:</b></p>``, ``**bold**``, ``\\_`` escapes, bullets ``•``/``○``. List items
and paragraphs become bullet-separated text (`` • ``) so that branch labels that start a
list item are still recognisable; ``plain`` drops the bullets too.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

BULLET = "•"

_BLOCK_TAGS = re.compile(r"<\s*/?\s*(?:li|p|br|ul|ol|tr|div)\b[^>]*>", re.IGNORECASE)
_LI_OPEN = re.compile(r"<\s*li\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]{0,400}>")
_MD_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_MD_STARS = re.compile(r"\*{2,3}")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
_ESCAPE = re.compile(r"\\([_$%*#\[\]()])")
_BULLETS = re.compile(r"\s*[•○▪●◦·]\s*")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u200b]+")
_MARKUP = re.compile(r"[<>*\\#$&_•○▪●◦·]")
_LATEX = re.compile(r"\$([^$]{1,80})\$")


@lru_cache(maxsize=1 << 16)
def clean(text: str) -> str:
    """Plain text with list items marked by `` • ``."""
    if not _MARKUP.search(text):
        return _SPACES.sub(" ", text).strip()
    t = html.unescape(text)
    t = _LI_OPEN.sub(f" {BULLET} ", t)
    t = _BLOCK_TAGS.sub(" ", t)
    t = _TAG.sub("", t)
    t = _HEADING.sub("", t)
    t = _MD_EMPHASIS.sub(r"\2", t)
    t = _MD_STARS.sub("", t)
    t = _ESCAPE.sub(r"\1", t)
    t = _LATEX.sub(lambda m: m.group(1).replace("\\", ""), t)
    t = _BULLETS.sub(f" {BULLET} ", t)
    t = _SPACES.sub(" ", t).strip()
    while t.startswith(BULLET):
        t = t[1:].strip()
    # Collapse runs of bullets left by empty list items.
    t = re.sub(rf"(?:{BULLET}\s*){{2,}}", f"{BULLET} ", t)
    return t.rstrip(f" {BULLET}").strip()


@lru_cache(maxsize=1 << 16)
def plain(text: str) -> str:
    """Clean text without bullets, for display and comparison."""
    t = clean(text).replace(f" {BULLET} ", " ")
    return _SPACES.sub(" ", t).strip()


def _accent_table() -> dict[int, str]:
    """Latin letters with diacritics → their base letters ("á" → "a", "ñ" → "n")."""
    table = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        if base and base != char:
            table[code] = base
    return table


_ACCENTS = _accent_table()
_ACCENTED = re.compile("[" + "".join(chr(c) for c in sorted(_ACCENTS)) + "]")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def strip_accents(text: str) -> str:
    """Without diacritics on Latin letters; other characters unchanged."""
    if text.isascii():
        return text
    text = _ACCENTED.sub(lambda m: _ACCENTS[ord(m.group())], text)
    if _COMBINING.search(text):
        decomposed = unicodedata.normalize("NFKD", text)
        return "".join(c for c in decomposed if not unicodedata.combining(c))
    return text


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lowercase without accents, for matching words regardless of spelling."""
    return strip_accents(text).lower()
