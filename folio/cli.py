"""The ``folio`` command: one entry point for every job.

Exit codes: 0 success; 1 lint found errors; 2 the input is not a readable manual (one
sentence on stderr naming the file and why, nothing on stdout).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from folio.manuals.blocks import ParseError
from folio.manuals.jsonio import manual_to_json
from folio.manuals.lint import lint_manual
from folio.manuals.load import load_manual
from folio.manuals.model import Diagnostic, Manual


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    run: Callable[[argparse.Namespace], tuple[str, int]] = args.run
    try:
        output, code = run(args)
    except ParseError as err:
        print(f"folio: {err}", file=sys.stderr)
        return 2
    sys.stdout.write(output)
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="folio", description="Folio: manuales vivos.")
    sub = parser.add_subparsers(dest="command", required=True)
    manual = sub.add_parser("manual", help="importar, exportar y revisar manuales")
    msub = manual.add_subparsers(dest="action", required=True)
    export = msub.add_parser("export", help="exportar un manual (JSON)")
    export.add_argument("path", type=Path)
    export.add_argument("--format", choices=["json"], default="json")
    export.set_defaults(run=_export)
    lint = msub.add_parser("lint", help="revisar un manual")
    lint.add_argument("path", type=Path)
    lint.add_argument("--org", type=Path, help="manual de organización para cotejar puestos")
    lint.add_argument("--format", choices=["text", "json"], default="text")
    lint.set_defaults(run=_lint)
    demo = sub.add_parser("demo", help="importar y revisar los manuales de demostración")
    demo.set_defaults(run=_demo)
    return parser


def _export(args: argparse.Namespace) -> tuple[str, int]:
    manual = load_manual(args.path)
    return manual_to_json(manual, lint_manual(manual)) + "\n", 0


def _lint(args: argparse.Namespace) -> tuple[str, int]:
    manual = load_manual(args.path)
    org = load_manual(args.org) if args.org else None
    found = lint_manual(manual, org)
    code = 1 if any(d.severity == "error" for d in [*manual.diagnostics, *found]) else 0
    if args.format == "json":
        return manual_to_json(manual, found) + "\n", code
    return format_diagnostics(args.path.name, [*manual.diagnostics, *found]), code


def format_diagnostics(name: str, diagnostics: Sequence[Diagnostic]) -> str:
    lines = []
    for d in diagnostics:
        where = ", ".join(x for x in (d.procedure or "", f"paso {d.step}" if d.step else "") if x)
        line = f" línea {d.source.line}" if d.source.line else ""
        lines.append(f"{name}:{line} [{d.code} {d.severity}] {where}: {d.message}")
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = sum(d.severity == "warning" for d in diagnostics)
    lines.append(f"{name}: {errors} errores, {warnings} advertencias.")
    return "\n".join(lines) + "\n"


def summarize(manual: Manual, found: Sequence[Diagnostic]) -> str:
    """One paragraph per manual for ``folio demo``."""
    name = manual.source.file
    if manual.kind == "organizacion" and manual.organization is not None:
        org = manual.organization
        functions = sum(len(p.functions) for p in org.positions)
        head = f"{name}: manual de organización, {len(org.units)} unidades, "
        head += f"{len(org.positions)} puestos, {functions} funciones"
    else:
        steps = sum(len(p.steps) for p in manual.procedures)
        head = f"{name}: {len(manual.procedures)} procedimientos, {steps} pasos"
    errors = sum(d.severity == "error" for d in found)
    warnings = sum(d.severity == "warning" for d in found)
    return f"{head}; revisión: {errors} errores, {warnings} advertencias.\n"


def _demo(args: argparse.Namespace) -> tuple[str, int]:
    from folio.demo import demo_paths

    out = []
    for path in demo_paths():
        manual = load_manual(path)
        out.append(summarize(manual, [*manual.diagnostics, *lint_manual(manual)]))
    return "".join(out), 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
