"""What a ficha técnica page and its PDF show: the fields, the variables, the metas and
the values per period with the semáforo, and the ficha's own findings."""

from __future__ import annotations

from datetime import date
from typing import Any

from folio.planning.mir import LEVEL_MAX_FREQUENCY, check_sheet
from web.evaluation.matrix import placed_rows, sheet_of
from web.evaluation.models import Indicator
from web.evaluation.results import indicator_results, thresholds_of
from web.indicators.live import MEASURES


def ficha_context(indicator: Indicator, today: date | None = None) -> dict[str, Any]:
    row = indicator.row
    program = row.program
    ref = next((p.ref for p in placed_rows(program) if p.row.pk == row.pk), row.level)
    position = list(row.indicators.values_list("pk", flat=True)).index(indicator.pk) + 1
    place = f"{ref}, indicador {position}"
    variables = [
        {"v": v, "measure": MEASURES[v.measure].label if v.measure in MEASURES else ""}
        for v in indicator.variables.all()
    ]
    thresholds = thresholds_of(indicator)
    return {
        "indicator": indicator,
        "row": row,
        "program": program,
        "ref": ref,
        "variables": variables,
        "results": indicator_results(indicator, today),
        "findings": check_sheet(sheet_of(indicator), row.level, program.year, place),  # type: ignore[arg-type]
        "thresholds": thresholds,
        "mirror": {"green": 200 - thresholds.green, "yellow": 200 - thresholds.yellow},
        "max_frequency": LEVEL_MAX_FREQUENCY[row.level],  # type: ignore[index]
    }
