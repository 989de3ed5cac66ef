"""Editor benchmark: the server time of one edit in the procedure editor, on a generated
60-step procedure (8 lanes, a decision every 7 steps looping back) in a manual of 21
procedures.

An edit refreshes the swimlane and the linter's findings: both are timed alone, then the
whole htmx request through Django's test client (a row saved, and a step added, which
redraws the whole table). Figures are the median of 15 runs, printed against a baseline
measured in the same run: the draft's JSON read and written back, which every edit does.
Target (issue 9): lint + SVG ≤ 150 ms per edit.

    .venv/bin/python bench/editor.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from folio.manuals.lint import lint_manual  # noqa: E402
from folio.manuals.model import END, Manual, Procedure, Step, TimeSpec, Transition  # noqa: E402
from folio.render.svg import render_svg  # noqa: E402

TARGET_MS = 150.0
RUNS = 15
ROLES = (
    "Dependencia solicitante",
    "Auxiliar Administrativo/a",
    "Director/a de Atención Ciudadana",
    "Analista de Atención Ciudadana",
    "Jefe/a de Departamento de Alumbrado Público",
    "Cuadrilla de Mantenimiento",
    "Tesorero/a Municipal",
    "Contralor/a Municipal",
)


def generated(code: str, steps: int) -> Procedure:
    """``steps`` steps over 8 lanes; every 7th asks a question and loops back 3 steps."""
    made = []
    for n in range(1, steps + 1):
        onward = str(n + 1) if n < steps else END
        activity = (
            f"Revisa el expediente {n}, registra el avance en el libro de control y lo turna."
        )
        nexts: tuple[Transition, ...] = (Transition(onward),)
        questions: tuple[str, ...] = ()
        if n % 7 == 0 and n < steps:
            questions = ("¿Está completo?",)
            activity = f"¿Está completo el expediente {n}? No: regresa a la actividad {n - 3}."
            nexts = (Transition(str(n - 3), "No"), Transition(onward, "En caso contrario"))
        role = ROLES[(n // 3) % len(ROLES)]
        made.append(Step(str(n), (role,), activity, copies="1 original", next=nexts,
                         questions=questions))  # fmt: skip
    time = TimeSpec("10 días hábiles", None, 10.0, "días hábiles", None, "stated")
    return Procedure(code, f"Procedimiento generado {code}", time=time, steps=tuple(made))


def median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def setup_django(folder: Path) -> None:
    os.environ["FOLIO_VAR"] = str(folder)
    os.environ["SQLITE_PATH"] = str(folder / "bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "web.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def core_figures(manual: Manual, big: Procedure) -> dict[str, float]:
    from web.catalog.editor.actions import procedure_to_json
    from web.catalog.models import procedure_from_json

    others = tuple(Procedure(p.code, p.name) for p in manual.procedures if p is not big)
    alone = Manual("procedimientos", procedures=(big, *others))
    return {
        "baseline (draft JSON read and written)": median_ms(
            lambda: procedure_to_json(procedure_from_json(procedure_to_json(big)))
        ),
        "lint, whole manual (21 procedures)": median_ms(lambda: lint_manual(manual)),
        "lint, the edited procedure (editor)": median_ms(lambda: lint_manual(alone)),
        "SVG": median_ms(lambda: render_svg(big)),
        "lint + SVG (an edit's refresh)": median_ms(lambda: (lint_manual(alone), render_svg(big))),
    }


def request_figures(manual: Manual, big: Procedure) -> dict[str, float]:
    """The htmx requests through Django's test client, the database on local SQLite."""
    from django.contrib.auth.models import User
    from django.test import Client

    from web.catalog.actions import save_manual_version
    from web.catalog.editor.actions import open_draft
    from web.catalog.models import CatalogManual

    user = User.objects.create_user("bench", is_staff=True)
    catalog = CatalogManual.objects.create(title="Bench", kind="procedimientos")
    version = save_manual_version(catalog, manual, user=user, note="bench", origin="new")
    draft = open_draft(version.procedures.get(code=big.code), user)
    client = Client()
    client.force_login(user)
    step = f"/catalogo/borradores/{draft.pk}/pasos/30/"
    row: dict[str, Any] = {
        "op": "save", "number": "30", "responsible": [ROLES[2], ""], "copies": "1 original",
        "activity": "Revisa el expediente y lo turna.", "questions": "",
        "doc_type": [""], "doc_code": [""], "when": ["", ""], "target": ["31", ""],
        "external": ["", ""],
    }  # fmt: skip
    htmx = {"HX-Request": "true"}

    def save_row() -> None:
        assert client.post(step, row, headers=htmx).status_code == 200

    def add_and_delete() -> None:
        # Two requests (a step added after 30, then deleted) leave the draft as it was.
        assert client.post(step, {"op": "add"}, headers=htmx).status_code == 200
        deleted = f"/catalogo/borradores/{draft.pk}/pasos/31/"
        assert client.post(deleted, {"op": "delete"}, headers=htmx).status_code == 200

    save_row()
    return {
        "htmx request: a row saved": median_ms(save_row),
        "htmx request: a step added (whole table)": median_ms(add_and_delete) / 2,
        "page: the whole editor (GET)": median_ms(
            lambda: client.get(f"/catalogo/borradores/{draft.pk}/"), runs=5
        ),
    }


def main() -> int:
    big = generated("P1", 60)
    manual = Manual(
        "procedimientos",
        title="Manual generado",
        procedures=(big, *(generated(f"P{i}", 15) for i in range(2, 22))),
    )
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder))
        figures = core_figures(manual, big)
        figures.update(request_figures(manual, big))
    base = figures.pop("baseline (draft JSON read and written)")
    count = len(manual.procedures)
    print(
        f"editor: one edit of a {len(big.steps)}-step procedure ({count} in the manual), ", end=""
    )
    print(f"median of {RUNS}")
    print(f"  {'baseline (draft JSON read and written):':46} {base:7.1f} ms")
    for name, ms in figures.items():
        print(f"  {name + ':':46} {ms:7.1f} ms ({ms / base:.1f}× baseline)")
    refresh = figures["lint + SVG (an edit's refresh)"]
    request = figures["htmx request: a row saved"]
    table = figures["htmx request: a step added (whole table)"]
    verdicts = (("lint + SVG", refresh), ("htmx row request", request), ("whole table", table))
    for what, ms in verdicts:
        verdict = "ok" if ms <= TARGET_MS else "OVER TARGET"
        print(f"  {what}: {ms:.0f} ms (target ≤ {TARGET_MS:.0f} ms) {verdict}")
    print(f"  (load {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
