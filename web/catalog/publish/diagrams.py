"""A diagram ready for a page: the SVG inlined (ids and styles scoped so that it cannot
clash with the page or another diagram), its size, or the reason it could not be drawn."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from folio.render.document.diagrams import inline_svg, svg_size

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Diagram:
    svg: SafeString = mark_safe("")
    width: float = 0.0
    height: float = 0.0
    error: str = ""


def diagram_of(render: Callable[[], str], prefix: str) -> Diagram:
    """The diagram ``render`` draws; a ``Diagram`` with ``error`` set when it fails."""
    try:
        svg = render()
        width, height = svg_size(svg)
    except Exception:  # a page shows the rest of the manual even when a drawing fails
        logger.exception("Drawing a diagram failed")
        return Diagram(error=_("Folio could not draw this diagram."))
    # The renderers escape every text they draw, so the markup is safe to inline.
    return Diagram(mark_safe(inline_svg(svg, prefix)), width, height)  # noqa: S308
