"""Text measurement and wrapping without a font engine.

Widths use the Helvetica/Arial advance widths (Liberation Sans has the same metrics), in
thousandths of an em, plus a small safety factor so that a wider fallback font still fits.
The layout sizes boxes with these functions and the SVG renderer draws the very lines they
return, so what is measured is what is drawn.
"""

from __future__ import annotations

from functools import lru_cache

ELLIPSIS = "…"
#: Extra room for fonts slightly wider than Helvetica (DejaVu Sans is the usual fallback).
SAFETY = 1.06

_WIDTHS: dict[str, int] = {
    **dict.fromkeys("ijl'|", 222),
    **dict.fromkeys(" ,.:;!/\\IftÍíìïî[]¡", 278),
    **dict.fromkeys('r-()"`{}º°ª', 333),
    **dict.fromkeys("*", 389),
    **dict.fromkeys("^", 469),
    **dict.fromkeys("ckszvxyJ¿ñýÿ", 500),
    **dict.fromkeys("?0123456789abdeghnopqu#$_áàäâéèëêóòöôúùüû", 556),
    **dict.fromkeys("+<>=~±", 584),
    **dict.fromkeys("FTZ", 611),
    **dict.fromkeys("ABEKPSVXY&ÁÉÑ", 667),
    **dict.fromkeys("CDHNRUwÚÜ", 722),
    **dict.fromkeys("GOQÓ", 778),
    **dict.fromkeys("mM", 833),
    **dict.fromkeys("%", 889),
    **dict.fromkeys("W@", 944),
    "L": 556,
    "…": 1000,
    "—": 1000,
    "–": 556,
    "›": 333,
    "•": 350,
}
_DEFAULT_WIDTH = 600
_BOLD_FACTOR = 1.08


@lru_cache(maxsize=1 << 14)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """Approximate rendered width of ``text`` at font ``size`` (pixels)."""
    units = sum(_WIDTHS.get(ch, _DEFAULT_WIDTH) for ch in text)
    factor = _BOLD_FACTOR if bold else 1.0
    return units / 1000 * size * SAFETY * factor


def _split_long(word: str, width: float, size: float, bold: bool) -> list[str]:
    """A word wider than ``width`` cut after slashes or hyphens where possible, else by
    characters."""
    pieces: list[str] = []
    current = ""
    used = 0.0
    for ch in word:
        advance = text_width(ch, size, bold)
        if current and used + advance > width:
            cut = max(current.rfind("/"), current.rfind("-"))
            if cut > 0:
                pieces.append(current[: cut + 1])
                current = current[cut + 1 :]
            else:
                pieces.append(current)
                current = ""
            used = text_width(current, size, bold)
        current += ch
        used += advance
    if current:
        pieces.append(current)
    return pieces


def _fit_with_ellipsis(line: str, width: float, size: float, bold: bool) -> str:
    room = width - text_width(ELLIPSIS, size, bold)
    used = 0.0
    end = 0
    for i, ch in enumerate(line):
        used += text_width(ch, size, bold)
        if used > room:
            break
        end = i + 1
    space = line.rfind(" ", 0, end + 1)
    if end < len(line) and space > end * 0.6:  # cut between words when it costs little
        end = space
    return line[:end].rstrip(" ,.;:") + ELLIPSIS


@lru_cache(maxsize=1 << 12)
def wrap(
    text: str, width: float, size: float, max_lines: int = 0, bold: bool = False
) -> tuple[str, ...]:
    """Greedy word wrap of ``text`` into lines no wider than ``width``. With ``max_lines``,
    the text is cut after that many lines and the last line ends with an ellipsis."""
    words: list[str] = []
    for word in text.split():
        if text_width(word, size, bold) > width:
            words.extend(_split_long(word, width, size, bold))
        else:
            words.append(word)
    space = text_width(" ", size, bold)
    lines: list[str] = []
    current, used = "", 0.0
    for word in words:
        advance = text_width(word, size, bold)
        if current and used + space + advance > width:
            lines.append(current)
            if max_lines and len(lines) > max_lines:
                break
            current, used = word, advance
        elif current:
            current, used = f"{current} {word}", used + space + advance
        else:
            current, used = word, advance
    if current and not (max_lines and len(lines) > max_lines):
        lines.append(current)
    if max_lines and len(lines) > max_lines:
        kept = lines[:max_lines]
        kept[-1] = _fit_with_ellipsis(kept[-1] + " " + lines[max_lines], width, size, bold)
        return tuple(kept)
    return tuple(lines)


def block_width(lines: tuple[str, ...], size: float, bold: bool = False) -> float:
    """Width of the widest line."""
    return max((text_width(line, size, bold) for line in lines), default=0.0)
