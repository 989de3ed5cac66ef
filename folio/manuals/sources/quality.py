"""Is the text of a row stream readable at all? A guard run after any format adapter.

A scan run through poor OCR, or a PDF whose fonts map glyphs to the wrong characters,
yields a text layer that parses as rows but reads as noise ("~ ,l1 I|l rn;"). Such a
file is refused with one sentence instead of yielding an empty or absurd manual.

Two measures over all cell text, with inline markup (HTML tags, markdown emphasis)
removed first:

* the share of tokens that look like words: letters in a plain case pattern with a
  vowel and no run of five consonants, numbers, or codes built of such parts
  ("FORM.296/SECATI/012224", "TecNM-AC-PO-001-A01", "Jefe/a");
* the share of vowels among letters: about 0.45 in Spanish, about 0.2 in random
  letters.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from folio.manuals.blocks import ParseError, Row
from folio.manuals.model import SourceRef

#: Below this share of word-like tokens the text is noise.
MIN_WORD_SHARE = 0.75
#: Below this share of vowels among letters the text is not a natural language.
MIN_VOWEL_SHARE = 0.3
#: Text shorter than this (tokens and characters) is too short to measure.
MIN_TOKENS, MIN_CHARS = 20, 200

SAMPLE_TOKENS = 8000
_MARKUP = re.compile(r"<[^>]*>|&[a-z]+;|[*_#`]{1,3}")
_PUNCTUATION = "\"'“”‘’«»()[]{}¿?¡!.,;:…"
#: Tokens made only of these are bullets and arrows, not counted either way.
_SYMBOLS = set("•·○▪►→↓←↑-–—/=+%$")
_SEPARATORS = re.compile(r"[/\-.'’_:,()+–]")
#: Lower-case letters that are words on their own; any capital may be an initial.
_SINGLE_LETTERS = set("aeouyáéó")
_VOWELS = set("aeiouáéíóúü")
_CONSONANT_RUN = re.compile(r"[^aeiouáéíóúüy]{5,}")
_CODE_PART = re.compile(r"[A-Z]{1,5}\d{1,6}|\d{1,6}[a-zA-Z]{1,3}|\d+")
_LETTER = re.compile(r"[^\W\d_]")
_CAMEL = re.compile(r"[A-Z][a-z]+[A-Z]{1,4}")


def check_text_quality(rows: list[Row], file: str) -> None:
    """Raise ``ParseError`` when ``rows`` hold no text, or text too garbled to read
    (likely a bad OCR)."""
    text = _MARKUP.sub(" ", " ".join(" ".join(row.cells) for row in rows))
    tokens = text.split()
    if not any(any(char.isalnum() for char in token) for token in tokens):
        raise ParseError(f"{file}: el documento no contiene texto.", SourceRef(file))
    if len(tokens) < MIN_TOKENS and sum(map(len, tokens)) < MIN_CHARS:
        return
    # An evenly spread sample decides as well as the whole text, in bounded time.
    sample = tokens[:: max(1, len(tokens) // SAMPLE_TOKENS)]
    if word_share(sample) < MIN_WORD_SHARE or vowel_share(" ".join(sample)) < MIN_VOWEL_SHARE:
        raise ParseError(
            f"{file}: el texto es ilegible porque la mayor parte no forma palabras; "
            "probablemente viene de un reconocimiento óptico de caracteres (OCR) defectuoso.",
            SourceRef(file),
        )


def word_share(tokens: list[str]) -> float:
    """The share of ``tokens`` that look like words, numbers or codes; bullets, dashes
    and arrows standing alone are not counted."""
    counted = total = 0
    for token, n in Counter(tokens).items():
        if set(token) <= _SYMBOLS:
            continue
        total += n
        counted += n * _is_wordlike(token.strip(_PUNCTUATION))
    return counted / total if total else 0.0


def vowel_share(text: str) -> float:
    folded = _fold(text)
    letters = len(_LETTER.findall(folded))
    if not letters:
        return 0.0
    return sum(folded.count(vowel) for vowel in _VOWELS) / letters


@lru_cache(maxsize=1 << 16)
def _is_wordlike(token: str) -> bool:
    parts = [part for part in _SEPARATORS.split(token) if part]
    return bool(parts) and all(_is_word_part(part) for part in parts)


def _is_word_part(part: str) -> bool:
    if _CODE_PART.fullmatch(part):
        return True
    if not part.isalpha():
        return False
    if len(part) == 1:
        return part.isupper() or part in _SINGLE_LETTERS
    if not (part.islower() or part.isupper() or part.istitle() or _CAMEL.fullmatch(part)):
        return False
    folded = part.lower()
    if len(folded) > 3 and not any(char in _VOWELS or char == "y" for char in folded):
        return part.isupper() and len(part) <= 6
    return not _CONSONANT_RUN.search(folded)


def _fold(text: str) -> str:
    """Lower case, accents kept as the composed Spanish letters."""
    return unicodedata.normalize("NFC", text.lower())
