"""An SVG's ``<style>`` rules written onto its elements as ``style`` attributes, for
readers that draw SVG but ignore style sheets (Office's SVG pictures). Handles the
selectors Folio's diagrams use: a tag, classes (``.a``, ``.a.b``), a descendant
(``.a .b``), an adjacent sibling (``.a+text``), and lists of them; rules apply in order,
an element's own ``style`` last."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIMPLE = re.compile(r"^([a-zA-Z]*)((?:\.[\w-]+)*)$")


def _matches_simple(element: ET.Element, simple: str) -> bool:
    found = _SIMPLE.match(simple)
    if found is None:
        return False
    tag, classes = found.group(1), [c for c in found.group(2).split(".") if c]
    if tag and element.tag.rsplit("}", 1)[-1] != tag:
        return False
    own = set((element.get("class") or "").split())
    return set(classes) <= own


def _matches(element: ET.Element, selector: str, parents: dict[ET.Element, ET.Element]) -> bool:
    """Whether ``element`` matches one selector ("a", "a b" or "a+b")."""
    if "+" in selector:
        before, simple = (s.strip() for s in selector.split("+", 1))
        parent = parents.get(element)
        siblings = list(parent) if parent is not None else []
        k = siblings.index(element) if element in siblings else 0
        return (
            k > 0 and _matches_simple(element, simple) and _matches_simple(siblings[k - 1], before)
        )
    *ancestors_wanted, simple = selector.split()
    if not _matches_simple(element, simple):
        return False
    node = parents.get(element)
    for wanted in reversed(ancestors_wanted):
        while node is not None and not _matches_simple(node, wanted):
            node = parents.get(node)
        if node is None:
            return False
        node = parents.get(node)
    return True


def inline_styles(svg: str) -> str:
    """``svg`` with every element carrying the declarations its style sheet gives it."""
    sheet = _STYLE.search(svg)
    if sheet is None:
        return svg
    rules = [
        ([s.strip() for s in found.group(1).split(",") if s.strip()], found.group(2).strip())
        for found in _RULE.finditer(sheet.group(1))
    ]
    ET.register_namespace("", SVG_NS)
    root = ET.fromstring(svg.encode("utf-8"))
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in root.iter():
        declarations = [
            body
            for selectors, body in rules
            if any(_matches(element, s, parents) for s in selectors)
        ]
        if declarations:
            own = element.get("style")
            element.set("style", ";".join(declarations + ([own] if own else [])))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")
