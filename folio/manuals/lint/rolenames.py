"""Comparing role names as manuals spell them.

``role_words`` reduces a name to comparable words: no case, accents, articles, gender
slashes ("Jefe/a", "Coordinador /a", "Encargado (a)"), quotes or punctuation, and
feminine or plural endings folded ("Servidora Pública" = "Servidor Público"). Two
spellings are the same role when their content words are equal ("Dirección Gobierno
Electrónico" = "Dirección de Gobierno Electrónico"), or when one is the other cut short:

* at the end, before a qualifier that starts with "de", "del", "en" or "(":
  "Titular de la Unidad" / "Titular de la Unidad de Vinculación Social";
* at the start, by one leading word that is not a head of something: "Consultivo A" /
  "Analista Consultivo A" (but "Departamento de X" is not "Jefe/a de Departamento de X");
* by a typo in one long word.

Different grades stay apart: "Analista A" / "Analista A/B" / "Analista", "Usuario/a" /
"Usuario/a solicitante".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

_ARTICLES = {"el", "la", "los", "las", "lo"}
_PREPOSITIONS = {"de", "del", "en", "para", "a", "al"}
_CONNECTORS = {"y", "o", "e", "u"}
_NOISE = _ARTICLES | _PREPOSITIONS | _CONNECTORS
_QUALIFIER_STARTS = {"de", "del", "en", "("}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _fold_word(word: str) -> str:
    if "/" in word or len(word) <= 3:
        return word
    if word.endswith("s") and len(word) > 4 and not word.endswith("is"):
        word = word[:-1]
    if word.endswith("ora"):
        return word[:-1]
    if word.endswith("a") and len(word) > 4:
        return word[:-1] + "o"
    return {"jefa": "jefe"}.get(word, word)


def role_words(name: str) -> tuple[str, ...]:
    """All words of a role name, folded, with "(" kept as a word where a parenthesis
    opens; articles are dropped but prepositions kept (they mark qualifiers)."""
    # A capital letter on its own is a grade ("Analista A", 'Consultivo "A"'), not "a".
    text = re.sub(r'"?(?<![/\w])([A-Z])(?![/\w])"?', lambda m: f" #{m.group(1)} ", name)
    text = _fold(text)
    text = re.sub(r"\by\s*/\s*(?:o\b)?", " y ", text)  # "y/o", "y/ " (typo)
    text = re.sub(r"\s*/\s*(?:as|os|a|o)\b", "", text)  # gender slashes
    text = re.sub(r"\(\s*(?:as|os|a|o)\s*\)", "", text)  # "Encargado (a)"
    text = re.sub(r"^\s*(?:el|la)\s+o\s+(?:la|el)\s+", "", text)  # "El o la …"
    text = text.replace("(", " ( ")
    words = re.findall(r"\(|#[a-z]|[a-z0-9ñ]+(?:/[a-z0-9ñ]+)*", text)
    return tuple(_fold_word(w) for w in words if w not in _ARTICLES)


def content_words(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in words if w not in _NOISE and w != "(")


@dataclass(frozen=True)
class RoleName:
    name: str
    words: tuple[str, ...]
    content: tuple[str, ...]

    @classmethod
    def of(cls, name: str) -> RoleName:
        words = role_words(name)
        return cls(name, words, content_words(words))


def same_role(a: RoleName, b: RoleName) -> bool:
    if not a.content or not b.content:
        return False
    if a.content == b.content:
        return True
    short, long_ = (a, b) if len(a.content) < len(b.content) else (b, a)
    return _cut_at_end(short, long_) or _cut_at_start(short, long_) or _typo(a.content, b.content)


def _cut_at_end(short: RoleName, long_: RoleName) -> bool:
    """ "Titular de la Unidad" + "de Vinculación Social"."""
    n = len(short.words)
    if long_.words[:n] != short.words or len(long_.words) <= n:
        return False
    return long_.words[n] in _QUALIFIER_STARTS


def _cut_at_start(short: RoleName, long_: RoleName) -> bool:
    """ "Analista" + "Consultivo A": one leading word dropped, leaving a name of two
    words or more that is not the object of a preposition ("Jefe de | Departamento…")."""
    n = len(short.words)
    if len(short.content) < 2 or long_.words[-n:] != short.words:
        return False
    head = long_.words[:-n]
    return len(head) == 1 and head[0] not in _NOISE


def _typo(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same words but one long word misspelt ("Especializdo")."""
    if len(a) != len(b):
        return False
    differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    return min(len(x), len(y)) >= 6 and SequenceMatcher(None, x, y).ratio() >= 0.88


#: Words that name a kind of post rather than which one; sharing only these is no match.
_GENERIC = frozenset(
    {
        "jefe",
        "director",
        "direccion",
        "subdirector",
        "subdireccion",
        "coordinador",
        "coordinacion",
        "jefatura",
        "departamento",
        "analisto",
        "titular",
        "unidad",
        "area",
        "encargado",
        "auxiliar",
        "enlace",
        "secretario",
        "especializado",
        "administrativo",
        "general",
        "municipal",
    }
)


def word_overlap(a: RoleName, b: RoleName) -> float:
    """Token-set similarity of two names' content words, 0…1."""
    sa, sb = set(a.content), set(b.content)
    if not sa or not sb:
        return 0.0
    return 2 * len(sa & sb) / (len(sa) + len(sb))


def closest(name: RoleName, candidates: list[RoleName]) -> RoleName | None:
    """The candidate most like ``name``: sharing a distinctive word (not just "Jefe" or
    "Departamento"), or spelt almost alike; None when nothing is."""
    best: tuple[float, RoleName] | None = None
    joined = " ".join(name.content)
    for other in candidates:
        letters = SequenceMatcher(None, joined, " ".join(other.content)).ratio()
        shared = (set(name.content) & set(other.content)) - _GENERIC
        if not shared and letters < 0.85:
            continue
        score = max(word_overlap(name, other), letters)
        if best is None or score > best[0]:
            best = (score, other)
    return best[1] if best else None
