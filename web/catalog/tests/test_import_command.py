"""``folio import``: one line per manual, then how sure its import is."""

from __future__ import annotations

from pathlib import Path

import pytest

from folio.cli import main
from folio.demo import DEMO_TEXT

pytestmark = pytest.mark.django_db


def test_it_prints_the_review_summary_of_each_manual(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # given: the demo manual, and a copy whose P2 loops back to an activity it lacks
    changed = tmp_path / "cambiado.txt"
    changed.write_text(
        DEMO_TEXT.read_text().replace(
            "No: regresa a la actividad 5.", "No: regresa a la actividad 12."
        )
    )
    # when
    code = main(["import", str(DEMO_TEXT), str(changed)])
    # then
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[1] == f"{DEMO_TEXT.name}: 2 procedimientos, 2 sin observaciones."
    assert out[3] == "cambiado.txt: 2 procedimientos, 1 sin observaciones, 1 por revisar: P2."
