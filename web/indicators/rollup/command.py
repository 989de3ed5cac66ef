"""``folio report verify`` and ``folio report rebuild``: the kept figures checked against
the log, and built again from the cases. Django is imported only when they run."""

from __future__ import annotations

import argparse


def add_parsers(rsub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    verify = rsub.add_parser(
        "verify", help="recalcula desde la bitácora las cifras guardadas y las compara"
    )
    verify.add_argument(
        "--max", type=int, default=50, help="cuántas diferencias mostrar (50 por omisión)"
    )
    verify.set_defaults(run=run_verify)
    rebuild = rsub.add_parser(
        "rebuild", help="vuelve a construir las cifras guardadas a partir de los casos"
    )
    rebuild.set_defaults(run=run_rebuild)


def _ready() -> None:
    from web.commands import migrate, setup

    setup()
    migrate()


def run_verify(args: argparse.Namespace) -> tuple[str, int]:
    _ready()
    from web.indicators.rollup.verify import differences

    found = differences()
    if not found:
        return "Las cifras guardadas coinciden con las recalculadas desde la bitácora.\n", 0
    shown = [f"  {difference}" for difference in found[: max(args.max, 0)]]
    more = len(found) - len(shown)
    lines = [f"{len(found)} diferencias entre las cifras guardadas y la bitácora:", *shown]
    if more > 0:
        lines.append(f"  … y {more} más.")
    lines.append("Para reconstruirlas desde los casos: folio report rebuild")
    return "\n".join(lines) + "\n", 1


def run_rebuild(args: argparse.Namespace) -> tuple[str, int]:
    _ready()
    from web.indicators.rollup.write import rebuild

    counted = rebuild()
    return f"Cifras guardadas reconstruidas a partir de {counted:,} casos.\n", 0
