"""``folio planning``: the planning app's subcommands.

- ``folio planning import-pmd FILE [--pmd ID | --name NAME --years 2025-2027]`` reads a
  PMD spreadsheet (XLSX or CSV, the template's columns); with any error it prints each
  one («fila 7, columna 'Clave': …») and saves nothing (exit status 1).
- ``folio planning pmd-report --pmd ID -o FILE.pdf`` writes the annual PMD progress
  report (nivel de implementación per eje and objetivo).
- ``folio planning report --month 2026-11 [--unit NAME] [--format pdf|xlsx] -o FILE``
  writes the Informe del Nivel de Avance Mensual of a dependencia, or consolidated.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    planning = sub.add_parser("planning", help="planeación: PMD, PAT y avance mensual")
    psub = planning.add_subparsers(dest="action", required=True)
    pmd = psub.add_parser("import-pmd", help="importar el PMD desde una hoja XLSX o CSV")
    pmd.add_argument("file", type=Path)
    pmd.add_argument("--pmd", type=int, help="id del PMD existente que se actualiza")
    pmd.add_argument("--name", help="nombre del PMD nuevo")
    pmd.add_argument("--years", default="", help="años del PMD nuevo, p. ej. 2025-2027")
    pmd.set_defaults(run=run_import)
    report = psub.add_parser("report", help="Informe del Nivel de Avance Mensual")
    report.add_argument("--month", required=True, help="mes AAAA-MM, p. ej. 2026-11")
    report.add_argument("--unit", default="", help="nombre de la dependencia (todas si falta)")
    report.add_argument("--format", choices=("pdf", "xlsx"), default="")
    report.add_argument("-o", "--output", type=Path, required=True)
    report.set_defaults(run=run_report)
    annual = psub.add_parser("pmd-report", help="informe anual de avance del PMD (PDF)")
    annual.add_argument("--pmd", type=int, required=True, help="id del PMD")
    annual.add_argument("-o", "--output", type=Path, required=True)
    annual.set_defaults(run=run_pmd_report)


def run_import(args: argparse.Namespace) -> tuple[str, int]:
    from web.commands import migrate, setup

    setup()
    migrate()
    from folio.planning.pmd_import import parse
    from web.planning.actions.pmd import ImportRefused, import_pmd, save_pmd
    from web.planning.models import Pmd

    path: Path = args.file
    if not path.is_file():
        return f"No existe el archivo {path}.\n", 2
    result = parse(path.name, path.read_bytes())
    if result.errors:
        lines = [f"{path.name}, {e}" for e in result.errors]
        return "\n".join(lines) + "\nNo se importó nada.\n", 1
    if args.pmd:
        pmd = Pmd.objects.filter(pk=args.pmd).first()
        if pmd is None:
            return f"No hay un PMD con id {args.pmd}.\n", 2
    else:
        years = re.fullmatch(r"(\d{4})-(\d{4})", args.years or "")
        if not args.name or years is None:
            return "Para un PMD nuevo indique --name y --years AAAA-AAAA.\n", 2
        pmd = save_pmd(Pmd(name=args.name, start_year=years[1], end_year=years[2]), None)
    try:
        count = import_pmd(pmd, result, None, path.name)
    except ImportRefused as refused:
        return "\n".join(refused.errors) + "\n", 1
    return f"{count} filas importadas al PMD «{pmd.name}» (id {pmd.pk}).\n", 0


def run_report(args: argparse.Namespace) -> tuple[str, int]:
    from web.commands import migrate, setup

    setup()
    migrate()
    from web.accounts.models import Unit
    from web.planning.render import render_pdf, render_xlsx
    from web.planning.reports import monthly_report

    found = re.fullmatch(r"(\d{4})-(0[1-9]|1[0-2])", args.month)
    if found is None:
        return f"--month: «{args.month}» no es un mes AAAA-MM.\n", 2
    year, month = int(found[1]), int(found[2])
    unit = None
    if args.unit:
        unit = Unit.objects.filter(name=args.unit).first()
        if unit is None:
            return f"--unit: no hay una dependencia llamada «{args.unit}».\n", 2
    fmt = args.format or args.output.suffix.lower().lstrip(".")
    if fmt not in ("pdf", "xlsx"):
        return "Indique --format pdf|xlsx o un archivo .pdf o .xlsx.\n", 2
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        reports = monthly_report(year, month, unit)
        render = render_pdf if fmt == "pdf" else render_xlsx
        args.output.write_bytes(render(reports, year, month, unit is None))
    goals = sum(len(r.rows) for r in reports)
    return f"{args.output}: {len(reports)} dependencia(s), {goals} metas.\n", 0


def run_pmd_report(args: argparse.Namespace) -> tuple[str, int]:
    from web.commands import migrate, setup

    setup()
    migrate()
    from django.conf import settings
    from django.utils import translation

    from web.planning.models import Pmd
    from web.planning.render import render_pmd_pdf

    pmd = Pmd.objects.filter(pk=args.pmd).first()
    if pmd is None:
        return f"No hay un PMD con id {args.pmd}.\n", 2
    with translation.override(settings.LANGUAGE_CODE):
        args.output.write_bytes(render_pmd_pdf(pmd))
    return f"{args.output}: {pmd.name}.\n", 0
