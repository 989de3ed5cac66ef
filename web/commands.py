"""The web side of the ``folio`` command: ``demo``, ``serve``, ``import``, ``notify``.

``folio/cli.py`` imports this module only inside those subcommands, so the core stays
free of Django. Each function sets Django up, makes sure the database exists and is
migrated (SQLite under ``var/`` unless ``DATABASE_URL`` says otherwise), then works.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

DEFAULT_BIND = "127.0.0.1:8000"


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "web.settings")
    import django

    django.setup()


def migrate() -> None:
    from django.conf import settings
    from django.core.management import call_command

    Path(settings.VAR_DIR).mkdir(parents=True, exist_ok=True)
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)  # whitenoise looks there
    call_command("migrate", interactive=False, verbosity=0)


def demo(serve_after: bool = True, bind: str = DEFAULT_BIND) -> int:
    """Seed the demo office, print who can sign in, then serve (unless told not to)."""
    setup()
    migrate()
    from django.conf import settings
    from django.utils import translation

    from web.demo import seed

    with translation.override(settings.LANGUAGE_CODE):
        print(seed(), end="", flush=True)
    if not serve_after:
        return 0
    print(f"Folio: http://{bind}/ (Ctrl+C para detener)", flush=True)
    return serve(bind, migrated=True)


def serve(bind: str = DEFAULT_BIND, *, migrated: bool = False, workers: int = 2) -> int:
    """Replace this process with gunicorn serving the project."""
    if not migrated:
        setup()
        migrate()
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        "web.wsgi:application",
        "--bind",
        bind,
        "--workers",
        str(workers),
        "--access-logfile",
        "-",
    ]
    sys.stdout.flush()
    os.execv(sys.executable, argv)
    return 0  # pragma: no cover (execv does not return)


def import_manuals(paths: Sequence[Path], unit_name: str = "") -> int:
    """Import manuals into the catalog; exit 2 when one could not be read."""
    setup()
    migrate()
    from folio.manuals.blocks import ParseError
    from web.accounts.models import Unit
    from web.catalog.actions import import_manual_file

    unit = Unit.objects.filter(name=unit_name).first() if unit_name else None
    if unit_name and unit is None:
        print(f"folio: no existe la unidad «{unit_name}».", file=sys.stderr)
        return 2
    code = 0
    for path in paths:
        try:
            version, created = import_manual_file(path, unit=unit)
        except (ParseError, OSError) as err:
            print(f"folio: {err}", file=sys.stderr)
            code = 2
            continue
        state = "importado" if created else "ya estaba importado"
        print(f"{path.name}: {version.manual.title} (versión {version.number}), {state}.")
    return code


def notify(days: int | None = None, dry_run: bool = False) -> int:
    setup()
    migrate()
    from django.core.management import call_command

    options: dict[str, object] = {"dry_run": dry_run}
    if days is not None:
        options["days"] = days
    call_command("notify", **options)
    return 0
