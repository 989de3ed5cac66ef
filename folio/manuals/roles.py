"""Splitting a Responsable cell into atomic roles.

"Director/a de Gobierno Electrónico o Mesa de servicio" is two roles; "Jefe/a de
Departamento de Administración de Infraestructura y/o Soporte Técnico" is two full role
names with an elided shared prefix; "Dependencias y Entidades Municipales" is one role;
"Enlaces (datos abiertos y seguridad)" is two.
"""

from __future__ import annotations

import re

from folio.manuals.cleaning import fold, plain

#: First words that start a role or unit name (folded, singular and plural).
ROLE_HEADS = frozenset(
    [
        "director",
        "directora",
        "direccion",
        "subdirector",
        "subdirectora",
        "subdireccion",
        "jefe",
        "jefa",
        "jefatura",
        "analista",
        "coordinador",
        "coordinadora",
        "coordinacion",
        "enlace",
        "enlaces",
        "servidor",
        "servidora",
        "persona",
        "titular",
        "usuario",
        "usuaria",
        "mesa",
        "departamento",
        "secretario",
        "secretaria",
        "regidor",
        "regidora",
        "contraloria",
        "contralor",
        "area",
        "solicitante",
        "proveedor",
        "prestador",
        "aseguradora",
        "operador",
        "operadora",
        "auxiliar",
        "encargado",
        "encargada",
        "unidad",
        "dependencia",
        "ciudadano",
        "ciudadana",
        "consultivo",
        "docente",
        "estudiante",
        "aspirante",
        "comite",
        "presidente",
        "presidenta",
        "tesoreria",
        "sindicatura",
        "cabildo",
        "especialista",
        "tecnico",
        "tecnica",
        "administrador",
        "administradora",
        "delegado",
        "delegada",
        "supervisor",
        "supervisora",
        "asistente",
        "gerente",
        "oficialia",
        "instituto",
        "direcciones",
        "departamentos",
    ]
)
_ORG_NOUNS = frozenset(
    [
        "departamento",
        "direccion",
        "subdireccion",
        "coordinacion",
        "jefatura",
        "unidad",
        "area",
        "secretaria",
    ]
)
#: First words of a unit or body rather than a post (folded).
_BODIES = _ORG_NOUNS | {
    "direcciones",
    "departamentos",
    "contraloria",
    "tesoreria",
    "sindicatura",
    "cabildo",
    "comite",
    "instituto",
    "oficialia",
    "dependencia",
    "mesa",
}
#: Role heads that may start a second post stacked after a first one; the others are
#: also adjectives ("Secretaría Técnica", "Atención Ciudadana", "Área Solicitante").
_STACK_HEADS = ROLE_HEADS - {
    "tecnico",
    "tecnica",
    "consultivo",
    "ciudadano",
    "ciudadana",
    "solicitante",
    "docente",
}
#: Words that join the parts of one name ("Jefe de Departamento de Archivo").
_JOINING = frozenset(
    {"de", "del", "la", "las", "los", "y", "e", "o", "a", "en", "para", "al", "y/o", "o/y"}
)
#: Tried in this order when reading glued joining words ("dela" is "de la").
_JOINING_ORDER = ("de", "la", "las", "los", "del", "y", "e", "en", "el", "al", "para")
#: Words recognised in letter-spaced text whose spaces were lost.
_SPELLED = ROLE_HEADS | {"responsable", "oficina", "archivo"}
_ARTICLES = frozenset({"el", "la", "los", "las", "el/la", "la/el"})
_SEP = re.compile(r"\s*,\s*|\s+y/o\s+|\s+o\s+|\s+y\s+")
_PAREN_LIST = re.compile(r"^(?P<head>\w+s)\s*\((?P<items>[^)]*(?:,| y | o )[^)]*)\)$")


def split_roles(cell: str) -> tuple[str, ...]:
    """Atomic role names of a Responsable cell, as written (trimmed, no markup)."""
    text = plain(unspace(cell)).strip(" .;:")
    if not text:
        return ()
    if _post_and_unit(text):
        return (text,)
    distributed = _distribute_parenthesis(text)
    if distributed:
        return distributed
    parts = [post for part in _split_compound(text) for post in split_stacked(part)]
    return tuple(p.strip(" .") for p in parts if p.strip(" ."))


def _split_compound(text: str) -> list[str]:
    """ "A o B", "A, B", "Jefe/a de X y/o Y" → the role names, elisions expanded."""
    parts: list[str] = []
    rest = text
    while True:
        split = _next_split(rest)
        if split is None:
            parts.append(rest)
            break
        left, sep, right = split
        parts.append(left)
        rest = right if _starts_role(right) or not parts else _expand_elision(left, right, sep)
    return parts


def _next_split(text: str) -> tuple[str, str, str] | None:
    """The first separator whose left side is a whole role and whose right side is a
    role or an elided complement ("… Infraestructura y/o Soporte Técnico")."""
    for m in _SEP.finditer(text):
        left, right = text[: m.start()], text[m.end() :]
        if _inside_parenthesis(text, m.start()) or _is_article(left):
            continue
        sep = m.group(0).strip()
        if _starts_role(right) or (sep != "y" and _elision_prefix(left)):
            return left, sep, right
        # "Subdirector/a de Infraestructura Tecnológica y Sistemas" is two posts, but
        # "Departamento de Comunicación y Difusión" is one unit's name.
        head = fold(left.split()[0]).split("/")[0] if left.split() else ""
        # "Director de Administración y Finanzas" is one post: a one-word complement on
        # the left names a unit, not the first of two posts.
        prefix = _elision_prefix(left)
        single = len(right.split()) == 1 and len(left[len(prefix) :].split()) > 1
        if sep == "y" and single and head not in _ORG_NOUNS and prefix:
            return left, sep, right
    return None


def unspace(cell: str) -> str:
    """Letter-spaced text repaired: "C o o r d i n a d o r  d e  A r c h i v o" →
    "Coordinador de Archivo". Words are told apart by the wider spaces when the source
    kept them, else by capitals and known role words ("Coordinadorde" → "Coordinador
    de")."""
    tokens = cell.split()
    if len(tokens) < 3 or sum(len(t) == 1 for t in tokens) * 2 <= len(tokens):
        return cell
    if re.search(r"\S\s{2,}\S", cell.strip()):
        return " ".join("".join(w.split()) for w in re.split(r"\s{2,}", cell.strip()))
    chunks = re.findall(r"[A-ZÁÉÍÓÚÑ][^A-ZÁÉÍÓÚÑ]*|[^A-ZÁÉÍÓÚÑ]+", "".join(tokens))
    return " ".join(word for chunk in chunks for word in _peel(chunk))


def _peel(chunk: str) -> list[str]:
    """ "Jefedela" → Jefe, de, la: joining words glued to the end of a known word; a
    final "y" after a longer word ("Materialesy") is the conjunction."""
    for k in range(len(chunk) - 1, 1, -1):
        joiners = _joiners(chunk[k:])
        if joiners is not None and fold(chunk[:k]) in _SPELLED:
            return [chunk[:k], *joiners]
    if chunk.endswith("y") and len(chunk) > 4:
        return [chunk[:-1], "y"]
    return [chunk]


def _joiners(text: str) -> list[str] | None:
    """ "dela" → de, la; "del" → del; None when ``text`` is not made of joining words."""
    if not text:
        return []
    for word in _JOINING_ORDER:
        if text.startswith(word):
            rest = _joiners(text[len(word) :])
            if rest is not None:
                return [word, *rest]
    return None


def _post_and_unit(text: str) -> bool:
    """ "Analista Social, Departamento de Apoyos": a post followed by its unit after a
    comma (the "Puesto, Área" layout) is one responsible; "Director/a, Jefe/a de …"
    and "Dirección de Obras, Tesorería" are two."""
    if text.count(",") != 1:
        return False
    left, right = (side.split() for side in text.split(","))
    if not left or not right or not left[0][:1].isupper():
        return False
    first, unit = fold(left[0]).split("/")[0], fold(right[0]).split("/")[0]
    if first in _ARTICLES or first in _BODIES or is_external_role(" ".join(left)):
        return False
    return unit in _ORG_NOUNS and not _SEP.search(" ".join(left))


def split_stacked(text: str) -> list[str]:
    """ "Jefe de Oficina Auxiliar Administrativo" (two posts stacked in one cell, no
    separator) and "Jefe de Oficina. Auxiliar Administrativo" → the two posts; a role
    head after a joining word belongs to the name ("Jefe de Departamento de Archivo",
    "Titular de la Unidad Jurídica")."""
    words = text.split()
    posts: list[str] = []
    start = 0
    for i in range(1, len(words)):
        if _stacks_on(words[start:i], words[i:]):
            posts.append(" ".join(words[start:i]).rstrip("."))
            start = i
    posts.append(" ".join(words[start:]))
    return posts


def _stacks_on(before: list[str], after: list[str]) -> bool:
    """Whether ``after`` starts a second post, both sides of two words or more
    (articles aside), so that "Persona Titular" or "Área Solicitante" stay one."""
    word, previous = after[0], before[-1]
    if not word[:1].isupper() or fold(word).split("/")[0] not in _STACK_HEADS:
        return False
    left = " ".join(before)
    if _inside_parenthesis(left, len(left)) or previous.endswith(","):
        return False
    if min(len([w for w in side if fold(w) not in _ARTICLES]) for side in (before, after)) < 2:
        return False
    return previous.endswith(".") or fold(previous) not in _JOINING


def _expand_elision(left: str, right: str, sep: str) -> str:
    prefix = _elision_prefix(left)
    return f"{prefix}{right}" if prefix else right


def _elision_prefix(left: str) -> str:
    """ "Jefe/a de Departamento de Administración…" → "Jefe/a de Departamento de "."""
    words = left.split()
    if not words or fold(words[0]).split("/")[0] not in ROLE_HEADS:
        return ""
    for m in re.finditer(r"\s(?:de|del)\s+(?:la\s+|las\s+|los\s+)?", left):
        following = left[m.end() :].split()
        if following and fold(following[0]) not in _ORG_NOUNS:
            return left[: m.end()]
    return ""


def _starts_role(text: str) -> bool:
    words = text.strip().split()
    if not words:
        return False
    first = fold(words[0]).split("/")[0].strip("(")
    if first in _ARTICLES and len(words) > 1:
        first = fold(words[1]).split("/")[0]
    return first in ROLE_HEADS or (first in {"el", "la"} and len(words) > 2)


def _is_article(text: str) -> bool:
    return fold(text.strip()) in _ARTICLES


def _inside_parenthesis(text: str, pos: int) -> bool:
    return text.count("(", 0, pos) > text.count(")", 0, pos)


def _distribute_parenthesis(text: str) -> tuple[str, ...]:
    """ "Enlaces (datos abiertos y seguridad)" → Enlace de Datos Abiertos, Enlace de
    Seguridad."""
    m = _PAREN_LIST.match(text)
    if not m or fold(m.group("head")) not in ROLE_HEADS:
        return ()
    head = m.group("head")[:-1]
    items = [i.strip() for i in _SEP.split(m.group("items")) if i.strip()]
    return tuple(f"{head} de {_title(i)}" for i in items)


def _title(words: str) -> str:
    small = {"de", "del", "la", "las", "los", "y", "o", "e"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in words.split())


#: Words that make a role a party outside the office wherever they appear (folded).
_EXTERNAL_WORDS = frozenset(
    [
        "solicitante",
        "proveedor",
        "proveedora",
        "proveedores",
        "prestador",
        "prestadora",
        "aseguradora",
    ]
)
#: First words of such roles ("Ciudadano", "Actores de la zona metropolitana",
#: "Dependencias y Entidades Municipales"); "Dirección de Atención Ciudadana" is internal.
_EXTERNAL_HEADS = frozenset(
    [
        "ciudadano",
        "ciudadana",
        "ciudadanos",
        "ciudadania",
        "particular",
        "contribuyente",
        "actores",
        "dependencias",
        "aspirante",
        "estudiante",
    ]
)


def is_external_role(name: str) -> bool:
    """Whether a responsible is outside the office that owns the procedure: its steps
    are recorded by an internal user on its behalf, and diagrams mark its lane."""
    words = re.findall(r"[a-zñ]+", fold(name))
    words = [w for w in words if w not in {"el", "la", "o", "a"}]
    if not words:
        return False
    return words[0] in _EXTERNAL_HEADS or any(w in _EXTERNAL_WORDS for w in words)
