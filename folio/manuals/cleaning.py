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
_LATEX = re.compile(r"\$([^$]{1,80})\$")


@lru_cache(maxsize=1 << 16)
def clean(text: str) -> str:
    """Plain text with list items marked by `` • ``."""
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


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lowercase without accents, for matching words regardless of spelling."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
