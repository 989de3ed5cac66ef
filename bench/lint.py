"""Lint at scale: a generated 10 MB text manual (one procedure of ~69,000 steps, a
decision that loops back every seventh step) read and linted.

Target (issue 10): lint in seconds, growing linearly — 8,000 steps used to take 17 s and
16,000 steps 71 s. The baseline, measured in the same run, is splitting the same text
into lines and cells, the least any reader must do.

    .venv/bin/python bench/lint.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from folio.manuals.lint import lint_manual
from folio.manuals.load import load_manual

HEAD = (
    "Nombre del Procedimiento:\tProcedimiento de prueba grande.\n"
    "Responsable\tNo.\tActividad\tFormato o Documento\tTantos\n"
)


def manual_text(megabytes: float) -> str:
    rows, number, size = [], 0, len(HEAD)
    while size < megabytes * 1024 * 1024:
        number += 1
        if number % 7 == 0:
            row = (
                f"Director/a de Atención Ciudadana\t{number}\t¿Aprueba la respuesta {number}? "
                f"No: regresa a la actividad {number - 2}. En caso contrario:\tN/A\tN/A"
            )
        else:
            row = (
                f"Analista de Atención Ciudadana {number % 13}\t{number}\tElabora el proyecto "
                f"de respuesta {number} y lo presenta al Director/a.\tOficio\t1 original"
            )
        rows.append(row)
        size += len(row) + 1
    rows.append(
        f"Auxiliar Administrativo/a\t{number + 1}\tArchiva. Termina Procedimiento.\tN/A\tN/A"
    )
    return HEAD + "\n".join(rows) + "\n"


def main() -> None:
    for megabytes in (2.5, 10):
        text = manual_text(megabytes)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "grande.txt"
            path.write_text(text, encoding="utf-8")
            start = time.process_time()
            lines = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
            baseline = time.process_time() - start
            start = time.process_time()
            manual = load_manual(path)
            read = time.process_time() - start
            start = time.process_time()
            found = lint_manual(manual)
            lint = time.process_time() - start
        steps = len(manual.procedures[0].steps)
        print(
            f"{megabytes:>4} MB, {steps} steps ({len(lines)} lines split in {baseline:.2f} s): "
            f"read {read:.1f} s ({read / baseline:.0f}×), lint {lint:.1f} s "
            f"({lint / baseline:.0f}×), {len(found)} findings"
        )


if __name__ == "__main__":
    main()
