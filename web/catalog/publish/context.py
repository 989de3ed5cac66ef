"""What the publish partials of the procedure page need, added to its view's context."""

from __future__ import annotations

from typing import Any

from folio.render.svg import render_svg
from web.catalog.models import Procedure
from web.catalog.publish.diagrams import diagram_of
from web.catalog.publish.files import PROCEDURE_FORMATS


def procedure_publish_context(row: Procedure) -> dict[str, Any]:
    """The swimlane of ``row`` ready to inline, and the formats it downloads in."""
    return {
        "diagram": diagram_of(lambda: render_svg(row.model()), "pd-"),
        "procedure_formats": PROCEDURE_FORMATS,
    }
