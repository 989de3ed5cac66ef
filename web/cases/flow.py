"""The procedure a case runs, parsed from its JSON once per process.

A procedure row never changes (re-importing a changed manual makes a new version) and
its version's SHA-256 with its code name its content, so the parsed model is kept.
Parsing takes milliseconds; a case reads it at every step.
"""

from __future__ import annotations

from folio.manuals.model import Procedure as CoreProcedure
from web.catalog.models import Procedure

_parsed: dict[tuple[int, str, str], CoreProcedure] = {}


def procedure_model(row: Procedure) -> CoreProcedure:
    key = (row.version_id, row.version.sha256, row.code)
    found = _parsed.get(key)
    if found is None:
        if len(_parsed) >= 512:
            _parsed.clear()
        found = _parsed[key] = row.model()
    return found
