"""``folio report``: the indicators' subcommands.

``folio report monthly --month 2026-11 [--unit CODE-or-name] -o informe.pdf`` writes the
*informe mensual* of a unit (with the units below it; by default the top unit) as PDF,
XLSX or CSV, chosen by the extension of ``-o``; the report is also stored and its hash
logged, as when it is generated from its page. ``report`` is a group of subcommands:
``verify`` (the kept figures recomputed from the log) is added beside ``monthly`` in
``add_parsers``, on ``rsub``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
FORMATS = (".pdf", ".xlsx", ".csv")


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser("report", help="informes de indicadores")
    # A group: other subcommands of ``folio report`` (``verify``) are added to rsub too.
    rsub = report.add_subparsers(dest="action", required=True)
    monthly = rsub.add_parser(
        "monthly",
        help="informe mensual de una unidad (PDF, XLSX o CSV según la extensión de -o)",
    )
    monthly.add_argument("--month", required=True, help="mes del informe, AAAA-MM (2026-11)")
    monthly.add_argument(
        "--unit", default="", help="unidad: prefijo de folio (DGE) o nombre; por omisión la raíz"
    )
    monthly.add_argument("-o", "--output", type=Path, required=True, help="archivo de salida")
    monthly.set_defaults(run=run_monthly)
    from web.indicators.rollup.command import add_parsers as add_rollup

    add_rollup(rsub)  # verify, rebuild


def parse_month(text: str) -> date:
    found = MONTH.match(text.strip())
    if found is None:
        raise CommandError(f"--month {text}: escriba el mes como AAAA-MM, p. ej. 2026-11.")
    return date(int(found[1]), int(found[2]), 1)


class CommandError(Exception):
    """A refusal of ``folio report``; ``str(err)`` is one Spanish sentence."""


def run_monthly(args: argparse.Namespace) -> tuple[str, int]:
    try:
        return _monthly(args)
    except CommandError as err:
        print(f"folio: {err}", file=sys.stderr)
        return "", 2


def _monthly(args: argparse.Namespace) -> tuple[str, int]:
    month = parse_month(args.month)
    output: Path = args.output
    fmt = output.suffix.lower()
    if fmt not in FORMATS:
        raise CommandError(f"{output}: la extensión debe ser .pdf, .xlsx o .csv.")
    from web.commands import migrate, setup

    setup()
    migrate()
    from django.conf import settings
    from django.utils import translation

    from folio.output import write_file

    with translation.override(settings.LANGUAGE_CODE):
        unit = _unit(args.unit)
        _check_destination(output)
        stored, content = _generate(unit, month, fmt[1:])
        write_file(output, content)
    return (
        f"{output}: informe mensual de {unit.name}, {month:%Y-%m} "
        f"({len(content):,} bytes, SHA-256 {stored.sha256}).\n",
        0,
    )


def _generate(unit: Any, month: date, fmt: str) -> Any:
    from web.indicators.report.actions import ReportError, generate_monthly_report

    try:
        return generate_monthly_report(None, unit, month, fmt)
    except ReportError as err:
        raise CommandError(str(err)) from err


def _check_destination(output: Path) -> None:
    """Refuse a path that cannot be written before the report is generated and stored."""
    from folio.output import OutputError

    if output.is_dir():
        raise OutputError(f"{output}: es un directorio; indique la ruta de un archivo.")
    parent = output.parent
    if not parent.is_dir():
        raise OutputError(f"{output}: el directorio {parent} no existe.")
    if not os.access(parent, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        raise OutputError(f"{output}: no hay permiso para escribir ahí.")


def _unit(text: str) -> Any:
    from django.db.models import Q

    from web.accounts.models import Unit

    if not text.strip():
        top = Unit.objects.filter(parent__isnull=True).order_by("pk")
        if top.count() != 1:
            raise CommandError(
                f"indique la unidad con --unit (prefijo de folio o nombre). Unidades: {_names()}."
            )
        return top.get()
    found = list(Unit.objects.filter(Q(folio_prefix__iexact=text) | Q(name__iexact=text))[:2])
    if len(found) != 1:
        what = "no existe" if not found else "es ambigua"
        raise CommandError(f"--unit {text}: la unidad {what}. Unidades: {_names()}.")
    return found[0]


def _names() -> str:
    from web.accounts.models import Unit

    return ", ".join(u.folio_prefix or u.name for u in Unit.objects.order_by("name")[:30])
