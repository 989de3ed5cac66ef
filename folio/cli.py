"""The ``folio`` command: one entry point for every job.

Exit codes: 0 success; 1 lint found errors, or ``audit verify`` found the case log
altered; 2 the input is not a readable manual, or the case log or its anchor file could
not be read (one sentence on stderr naming the file and why, nothing on stdout).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from folio.manuals.blocks import ParseError
from folio.manuals.jsonio import manual_to_json
from folio.manuals.lint import lint_manual
from folio.manuals.load import load_manual
from folio.manuals.model import Diagnostic, Manual
from folio.manuals.review import review_summary
from folio.output import OutputError, write_file, write_files
from folio.render.export import FORMATS, Output, export_manual, export_org


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    run: Callable[[argparse.Namespace], tuple[str, int]] = args.run
    try:
        output, code = run(args)
    except (ParseError, OutputError) as err:
        print(f"folio: {err}", file=sys.stderr)
        return 2
    sys.stdout.write(output)
    return code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="folio", description="Folio: manuales vivos.")
    sub = parser.add_subparsers(dest="command", required=True)
    manual = sub.add_parser("manual", help="importar, exportar y revisar manuales")
    msub = manual.add_subparsers(dest="action", required=True)
    export = msub.add_parser("export", help="exportar un manual (JSON, SVG, BPMN, HTML, PDF, DOCX)")
    export.add_argument("path", type=Path)
    export.add_argument("--format", choices=FORMATS, default="json")
    export.add_argument("--procedure", default="", help="número o clave del procedimiento")
    export.add_argument("-o", "--output", type=Path, help="archivo (o directorio) de salida")
    export.set_defaults(run=_export)
    org = sub.add_parser("org", help="manuales de organización")
    osub = org.add_subparsers(dest="action", required=True)
    org_export = osub.add_parser("export", help="exportar el organigrama")
    org_export.add_argument("path", type=Path)
    org_export.add_argument("--format", choices=["svg"], default="svg")
    org_export.add_argument("-o", "--output", type=Path, help="archivo de salida")
    org_export.set_defaults(run=_org_export)
    lint = msub.add_parser("lint", help="revisar un manual")
    lint.add_argument("path", type=Path)
    lint.add_argument("--org", type=Path, help="manual de organización para cotejar puestos")
    lint.add_argument("--format", choices=["text", "json"], default="text")
    lint.set_defaults(run=_lint)
    demo = sub.add_parser(
        "demo", help="revisar los manuales de demostración, preparar la oficina y servirla"
    )
    demo.add_argument("--no-serve", action="store_true", help="preparar la oficina y terminar")
    demo.add_argument("--bind", default="127.0.0.1:8000", help="dirección:puerto del servidor")
    demo.set_defaults(run=_demo)
    _web_parsers(sub)
    audit = sub.add_parser("audit", help="revisar la bitácora de casos")
    asub = audit.add_subparsers(dest="action", required=True)
    verify = asub.add_parser(
        "verify",
        help="comprobar que nadie alteró la bitácora",
        description="Recorre la cadena de hashes de la bitácora y coteja cada ancla del "
        "archivo de anclas. Sale con 1 si la bitácora fue alterada, con 2 si no se pudo "
        "leer la base de datos o el archivo de anclas.",
    )
    verify.add_argument(
        "--anchors",
        type=Path,
        metavar="PATH",
        help="archivo de anclas a cotejar, p. ej. la copia guardada fuera del servidor "
        "(por omisión FOLIO_AUDIT_ANCHORS, var/audit-anchors.jsonl, si existe)",
    )
    verify.set_defaults(run=lambda a: ("", _web().audit_verify(a.anchors)))
    anchor = asub.add_parser(
        "anchor",
        help="anotar la última entrada de la bitácora fuera de la base de datos",
        description="Agrega al archivo de anclas una línea JSON con el número, el hash y "
        "la hora UTC de la última entrada de la bitácora. Pensado para cron (p. ej. cada "
        "hora). Copie el archivo fuera de este servidor (otro equipo, almacenamiento de "
        "solo escritura): quien puede reescribir la base de datos también puede reescribir "
        "un archivo de la misma máquina. «folio audit verify» coteja cada ancla.",
    )
    anchor.add_argument(
        "--file",
        type=Path,
        metavar="PATH",
        help="archivo de anclas (por omisión FOLIO_AUDIT_ANCHORS, var/audit-anchors.jsonl)",
    )
    anchor.set_defaults(run=lambda a: ("", _web().audit_anchor(a.file)))
    return parser


def _export(args: argparse.Namespace) -> tuple[str, int]:
    manual = load_manual(args.path)
    outputs = export_manual(manual, args.format, lint_manual(manual), args.procedure)
    written = deliver(outputs, args.output, f"{args.path.stem}-{args.format}")
    if line := review_line(manual):  # stderr: stdout stays the exported document
        print(f"{args.path.name}: {line}", file=sys.stderr)
    return written, 0


def _org_export(args: argparse.Namespace) -> tuple[str, int]:
    return deliver([export_org(load_manual(args.path))], args.output, args.path.stem), 0


def deliver(outputs: Sequence[Output], target: Path | None, default_dir: str) -> str:
    """Everything is rendered before anything is written, so a failure leaves no
    partial output. One text output with no ``-o`` goes to stdout; otherwise files are
    written (several into a directory) and their paths returned for printing."""
    if target is None and len(outputs) == 1 and _is_text(outputs[0]):
        return outputs[0].content.decode()
    if len(outputs) == 1 and (target is None or target.suffix):
        return f"{write_file(target or Path(outputs[0].name), outputs[0].content)}\n"
    written = write_files(target or Path(default_dir), outputs)
    return "".join(f"{path}\n" for path in written)


def _is_text(output: Output) -> bool:
    return not output.name.endswith((".pdf", ".docx"))


def _lint(args: argparse.Namespace) -> tuple[str, int]:
    manual = load_manual(args.path)
    org = load_manual(args.org) if args.org else None
    found = lint_manual(manual, org)
    code = 1 if any(d.severity == "error" for d in [*manual.diagnostics, *found]) else 0
    if args.format == "json":  # each procedure carries its "review" in the export
        return manual_to_json(manual, found) + "\n", code
    line = review_line(manual)
    head = f"{args.path.name}: {line}\n" if line else ""
    return head + format_diagnostics(args.path.name, [*manual.diagnostics, *found]), code


def review_line(manual: Manual) -> str:
    """How sure the import is ("33 procedimientos, 28 sin observaciones, …"); empty for an
    organization manual, which has no procedures to review."""
    return review_summary(manual) if manual.kind != "organizacion" else ""


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
    """Lint the demo manuals (printing a summary), then seed the demo office in the
    database and serve it at http://127.0.0.1:8000 (``--no-serve`` stops after seeding)."""
    from folio.demo import demo_paths

    for path in demo_paths():
        manual = load_manual(path)
        print(summarize(manual, [*manual.diagnostics, *lint_manual(manual)]), end="")
    sys.stdout.flush()
    return "", _web().demo(serve_after=not args.no_serve, bind=args.bind)


def _web_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Subcommands of the web application; Django is imported only when they run."""
    serve = sub.add_parser("serve", help="servir la aplicación web (gunicorn)")
    serve.add_argument("--bind", default="127.0.0.1:8000", help="dirección:puerto")
    serve.set_defaults(run=lambda a: ("", _web().serve(a.bind)))
    imp = sub.add_parser("import", help="importar manuales a la base de datos")
    imp.add_argument("paths", type=Path, nargs="+", metavar="PATH")
    imp.add_argument("--unit", default="", help="unidad que ejecuta el manual (nombre exacto)")
    imp.set_defaults(run=lambda a: ("", _web().import_manuals(a.paths, a.unit)))
    notify = sub.add_parser("notify", help="enviar los avisos por correo pendientes")
    notify.add_argument("--days", type=int, help="avisar esta cantidad de días hábiles antes")
    notify.add_argument("--dry-run", action="store_true", help="listar sin enviar")
    notify.set_defaults(run=lambda a: ("", _web().notify(a.days, a.dry_run)))
    backup = sub.add_parser(
        "backup",
        help="respaldar la base de datos, los archivos y las anclas en un archivo fechado",
        description="Escribe folio-respaldo-AAAAMMDD-HHMMSS.tar.gz y su suma .sha256 con la "
        "base de datos (copia en línea de SQLite o pg_dump), los documentos y manuales "
        "guardados y el archivo de anclas, y lo anota en la bitácora de respaldos.",
    )
    backup.add_argument("-o", "--output", type=Path, help="directorio (por omisión var/backups)")
    backup.set_defaults(run=lambda a: ("", _web().backup(a.output)))
    restore = sub.add_parser(
        "restore",
        help="restaurar un respaldo en una base de datos vacía y verificar la bitácora",
    )
    restore.add_argument("archive", type=Path, metavar="ARCHIVO")
    restore.set_defaults(run=lambda a: ("", _web().restore(a.archive)))
    _app_parsers(sub)


# Apps that add subcommands: each module has ``add_parsers(sub)``, which adds its parsers
# with ``set_defaults(run=...)``; the module must not import Django at its top.
APP_COMMANDS = (
    "web.indicators.cli",
    "web.planning.cli",
    "web.evaluation.cli",
    "web.citizens.cli",
    "web.opendata.cli",
)


def _app_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    import importlib
    import importlib.util

    for name in APP_COMMANDS:
        try:
            found = importlib.util.find_spec(name) is not None
        except ModuleNotFoundError:  # the web package is not installed beside the core
            found = False
        if found:
            importlib.import_module(name).add_parsers(sub)


def _web() -> Any:
    """``web.commands``, imported only when a web subcommand runs (it loads Django)."""
    import importlib

    return importlib.import_module("web.commands")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
