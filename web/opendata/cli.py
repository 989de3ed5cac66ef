"""``folio opendata refresh``: regenerate the datasets Folio makes (indicators, citizen
reports, consultation results...) into new resource versions. Cron-friendly: silent when
it works (``-v`` says what changed), one Spanish line per refused source on stderr and
exit 1 when any was refused."""

from __future__ import annotations

import argparse
import sys


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    opendata = sub.add_parser("opendata", help="datos abiertos")
    osub = opendata.add_subparsers(dest="action", required=True)
    refresh = osub.add_parser(
        "refresh", help="regenerar los conjuntos de datos que produce Folio (para cron)"
    )
    refresh.add_argument("-v", "--verbose", action="store_true", help="decir qué cambió")
    refresh.set_defaults(run=run_refresh)


def run_refresh(args: argparse.Namespace) -> tuple[str, int]:
    from web.commands import setup

    setup()
    from web.opendata.actions import refresh_sources

    result = refresh_sources()
    for error in result.errors:
        print(f"folio: datos abiertos: {error}", file=sys.stderr)
    out = ""
    if args.verbose:
        out = "".join(f"{slug}: nueva versión\n" for slug in result.changed)
        out += "".join(f"{slug}: sin cambios\n" for slug in result.unchanged)
    return out, 1 if result.errors else 0
