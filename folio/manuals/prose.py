"""Reading the responsible out of a narrative step ("Paso 1: La Oficialía de Partes
recibe la solicitud…"): the subject of its sentence, up to the verb."""

from __future__ import annotations

import re

from folio.manuals.cleaning import fold
from folio.manuals.roles import ROLE_HEADS

_ARTICLES = frozenset({"el", "la", "los", "las", "el/la", "la/el"})
#: Words that may stand inside a subject's noun phrase in lower case.
_JOINERS = frozenset(
    {"de", "del", "la", "las", "los", "el", "y", "e", "o", "a", "en", "para", "al"}
)
#: Lower-case words ending so are adjectives or nouns, never a present-tense verb
#: ("área responsable del tratamiento", "servidor público"); "-ica" is left out, as
#: "notifica", "verifica" and "publica" are verbs.
_NOT_VERB = re.compile(r"(?:o|os|able|ables|ible|ibles|al|ales|ar|ares|tiva|tivas|aria|arias)$")
_WORD = re.compile(r"[\w/ÁÉÍÓÚÑáéíóúñü]+")


def subject_of(text: str) -> str:
    """The responsible named as the subject of a step sentence, as written: "La
    Oficialía de Partes recibe…" → "Oficialía de Partes"; "" when the sentence has no
    subject ("Se turna…", "Recibe la solicitud…")."""
    words = text.split()
    start = 1 if words and fold(words[0]) in _ARTICLES else 0
    if start >= len(words) or not _opens_subject(_bare(words[start]), start > 0):
        return ""
    phrase: list[str] = []
    for word in words[start:]:
        bare = _bare(word)
        if not bare or not _inside_subject(bare, phrase):
            break
        phrase.append(bare)
        if bare != word.rstrip():
            break  # punctuation closes the phrase ("La Unidad, una vez…")
    while phrase and fold(phrase[-1]) in _JOINERS:
        phrase.pop()
    return " ".join(phrase)


def _opens_subject(word: str, after_article: bool) -> bool:
    """A role head opens a subject; after an article, so does any capitalised word."""
    if _head(word) in ROLE_HEADS:
        return True
    return after_article and word[:1].isupper()


def _inside_subject(word: str, phrase: list[str]) -> bool:
    if not phrase:
        return True
    folded = fold(word)
    if word[:1].isupper() or folded in _JOINERS:
        return True
    return len(folded) > 3 and _NOT_VERB.search(folded) is not None


def _head(word: str) -> str:
    return fold(word).split("/")[0]


def _bare(word: str) -> str:
    m = _WORD.search(word)
    return m.group(0) if m and m.start() == 0 else ""
