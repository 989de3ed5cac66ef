"""``folio mir``: the MIR from the command line.

``folio mir check [--year AAAA] [CLAVE]`` prints each program's findings (row, indicator
and field) and exits 1 when any MIR has one; ``folio mir export CLAVE -o mir.pdf
[--year AAAA] [--ficha N]`` writes the MIR (or the ficha técnica of its N-th indicator,
in matrix order) as PDF.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    mir = sub.add_parser("mir", help="matrices de indicadores para resultados (MIR)")
    msub = mir.add_subparsers(dest="action", required=True)
    check = msub.add_parser("check", help="revisar la lógica y las fichas de las MIR")
    check.add_argument("code", nargs="?", default="", help="clave del programa (todas si falta)")
    check.add_argument("--year", type=int, help="ejercicio fiscal (todos si falta)")
    check.set_defaults(run=run_check)
    export = msub.add_parser("export", help="escribir la MIR o una ficha técnica en PDF")
    export.add_argument("code", help="clave del programa presupuestario")
    export.add_argument("-o", "--output", type=Path, required=True, help="archivo PDF")
    export.add_argument("--year", type=int, help="ejercicio fiscal (el más reciente si falta)")
    export.add_argument("--ficha", type=int, help="número del indicador, en orden de la matriz")
    export.set_defaults(run=run_export)


def run_check(args: argparse.Namespace) -> tuple[str, int]:
    from web.commands import migrate, setup

    setup()
    migrate()
    from web.evaluation.matrix import check_program
    from web.evaluation.models import Program

    programs = Program.objects.select_related("unit")
    if args.code:
        programs = programs.filter(code=args.code)
    if args.year:
        programs = programs.filter(year=args.year)
    if not programs.exists():
        return "No hay programas presupuestarios que revisar.\n", 2
    lines, failed = [], False
    for program in programs:
        findings = check_program(program)
        failed = failed or bool(findings)
        state = f"{len(findings)} hallazgo(s)" if findings else "sin hallazgos"
        lines.append(f"{program.code} {program.name} ({program.year}): {state}")
        lines += [f"  {f}" for f in findings]
    return "\n".join(lines) + "\n", 1 if failed else 0


def run_export(args: argparse.Namespace) -> tuple[str, int]:
    from web.commands import migrate, setup

    setup()
    migrate()
    from web.evaluation.export import ficha_pdf, matrix_pdf
    from web.evaluation.matrix import placed_rows
    from web.evaluation.models import Program

    found = Program.objects.filter(code=args.code)
    program = (found.filter(year=args.year) if args.year else found).order_by("-year").first()
    if program is None:
        year = f" en {args.year}" if args.year else ""
        return f"No existe el programa presupuestario {args.code}{year}.\n", 2
    if args.ficha is None:
        data = matrix_pdf(program)
    else:
        indicators = [i for p in placed_rows(program) for i in p.indicators]
        if not 1 <= args.ficha <= len(indicators):
            return f"--ficha: la MIR {program.code} tiene {len(indicators)} indicador(es).\n", 2
        data = ficha_pdf(indicators[args.ficha - 1])
    args.output.write_bytes(data)
    return f"{args.output}: {len(data)} bytes.\n", 0
