"""``folio citizens``: the citizens app's subcommands.

``folio citizens notify`` emails the reporters who asked for updates when their report's
public state changed (run it from cron every few minutes).

``folio citizens purge [--dry-run]`` deletes the reporter's personal data of every
report (and ARCO request) closed more than ``FOLIO_CITIZEN_RETENTION_DAYS`` (365) days
ago; each purge is written in the tamper-evident log (the folio, never the data) and in
the application log.
"""

from __future__ import annotations

import argparse
import logging


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    citizens = sub.add_parser("citizens", help="atención ciudadana (reportes 072, Open311)")
    csub = citizens.add_subparsers(dest="action", required=True)
    purge = csub.add_parser(
        "purge", help="suprimir los datos personales de reportes cerrados tras el plazo"
    )
    purge.add_argument(
        "--dry-run", action="store_true", help="solo decir qué folios se suprimirían"
    )
    purge.set_defaults(run=run_purge)
    notify = csub.add_parser(
        "notify", help="avisar por correo a quien lo pidió que su reporte cambió de estado"
    )
    notify.set_defaults(run=run_notify)


def run_notify(args: argparse.Namespace) -> tuple[str, int]:
    from web.commands import migrate, setup

    setup()
    migrate()
    from web.citizens.actions import notify_state_changes

    folios = notify_state_changes()
    line = f"Avisos de cambio de estado enviados: {len(folios)}" + (
        f" ({', '.join(folios)})." if folios else "."
    )
    logging.getLogger("web.citizens").info(line)
    return line + "\n", 0


def run_purge(args: argparse.Namespace) -> tuple[str, int]:
    from web.commands import migrate, setup

    setup()
    migrate()
    from web.citizens.actions import purge_reporters
    from web.citizens.actions.purge import retention_days

    folios = purge_reporters(dry_run=args.dry_run)
    days = retention_days()
    verb = "se suprimirían" if args.dry_run else "se suprimieron"
    line = (
        f"Datos personales de {len(folios)} reporte(s) cerrados hace más de {days} días "
        f"{verb}" + (f": {', '.join(folios)}." if folios else ".")
    )
    logging.getLogger("web.citizens").info(line)
    return line + "\n", 0
