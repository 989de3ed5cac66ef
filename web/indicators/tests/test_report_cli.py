"""``folio report monthly``: the format from the extension, the report stored and
logged as from its page, and clear Spanish refusals of a bad month, an unknown unit, an
unknown extension and a path that cannot be written (nothing generated then)."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from folio.cli import main
from web.accounts.models import Unit
from web.cases.models import Event, EventKind
from web.cases.tests.conftest import SetClock
from web.indicators.report.models import StoredReport
from web.indicators.tests.conftest import World

pytestmark = pytest.mark.django_db


def run(*args: str) -> int:
    return main(["report", "monthly", *args])


def test_it_writes_the_xlsx_and_stores_it(
    march: World, dge: Unit, clock: SetClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clock(datetime(2026, 4, 15, 10))
    out = tmp_path / "informe.xlsx"
    assert run("--month", "2026-03", "--unit", "dge", "-o", str(out)) == 0
    book = load_workbook(io.BytesIO(out.read_bytes()))
    casos = {r[0]: r[1] for r in book["casos"].iter_rows(min_row=3, values_only=True)}
    assert casos["Recibidos"] == 7
    stored = StoredReport.objects.get()
    assert (stored.format, stored.unit, stored.generated_by) == ("xlsx", dge, None)
    assert f"SHA-256 {stored.sha256}" in capsys.readouterr().out
    assert Event.objects.get(kind=EventKind.REPORT_GENERATED).payload["sha256"] == stored.sha256


def test_the_unit_by_name_and_a_csv(march: World, clock: SetClock, tmp_path: Path) -> None:
    clock(datetime(2026, 4, 15, 10))
    out = tmp_path / "informe.csv"
    assert (
        run("--month", "2026-03", "--unit", "Dirección de Gobierno Electrónico", "-o", str(out))
        == 0
    )
    assert "Casos vencidos al 31/03/2026" in out.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--month", "2026-13", "--unit", "DGE"), "escriba el mes como AAAA-MM"),
        (("--month", "2026-03", "--unit", "XYZ"), "--unit XYZ: la unidad no existe"),
        (("--month", "2027-01", "--unit", "DGE"), "2027-01 no ha comenzado"),
    ],
)
def test_bad_arguments_are_refused(
    march: World,
    clock: SetClock,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    clock(datetime(2026, 4, 15, 10))
    out = tmp_path / "informe.pdf"
    assert run(*args, "-o", str(out)) == 2
    assert message in capsys.readouterr().err
    assert not out.exists() and not StoredReport.objects.exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("informe.docx", "la extensión debe ser .pdf, .xlsx o .csv"),
        ("falta/informe.pdf", "no existe"),
    ],
)
def test_bad_outputs_are_refused(
    march: World,
    clock: SetClock,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    message: str,
) -> None:
    clock(datetime(2026, 4, 15, 10))
    assert run("--month", "2026-03", "--unit", "DGE", "-o", str(tmp_path / name)) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert not StoredReport.objects.exists()
