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


def procedure_model_by_key(pk: int, key: tuple[int, str, str]) -> CoreProcedure:
    """The same for a row read by plain SQL: ``key`` is (version id, the version's
    SHA-256, code), ``pk`` the row to parse when the model is not kept yet."""
    found = _parsed.get(key)
    if found is None:
        found = procedure_model(Procedure.objects.select_related("version").get(pk=pk))
    return found
