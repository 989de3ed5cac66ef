"""The web side of the ``folio`` command: ``demo``, ``serve``, ``import``, ``notify``,
``audit verify``, ``audit anchor``, ``backup`` and ``restore``.

``folio/cli.py`` imports this module only inside those subcommands, so the core stays
free of Django. Each function sets Django up, makes sure the database exists and is
migrated (SQLite under ``var/`` unless ``DATABASE_URL`` says otherwise), then works;
the audit functions only read the database as it is.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from web.cases.anchors import AnchorCheck
    from web.cases.log import VerifyResult

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
    """Seed the demo office, print who can sign in, then serve (unless told not to).
    The demo runs on the development key: ``FOLIO_DEV=1`` reaches gunicorn too."""
    os.environ.setdefault("FOLIO_DEV", "1")
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
        if summary := version.review_summary():
            print(f"{path.name}: {summary}")
        for notice in getattr(version, "notices", []):
            print(f"{path.name}: {notice}")
    return code


def notify(days: int | None = None, dry_run: bool = False) -> int:
    """Send the pending notices; 1 when some could not be sent (the next run retries)."""
    setup()
    migrate()
    from django.core.management import CommandError, call_command

    options: dict[str, object] = {"dry_run": dry_run}
    if days is not None:
        options["days"] = days
    try:
        call_command("notify", **options)
    except CommandError as err:
        print(f"folio: {err}", file=sys.stderr)
        return 1
    return 0


def audit_verify(anchors: Path | None = None) -> int:
    """Walk the log's hash chain, then check each anchor in ``anchors`` (by default
    ``FOLIO_AUDIT_ANCHORS``, when that file exists). 0: both hold; 1: the log was
    altered (the first broken entry or anchor is named); 2: the database or the anchor
    file could not be read."""
    setup()
    from django.conf import settings
    from django.db import DatabaseError
    from django.utils import translation

    from web.cases.anchors import AnchorFileError, check_anchors, default_anchor_file, read_anchors
    from web.cases.log import verify_log

    path = anchors or default_anchor_file()
    with translation.override(settings.LANGUAGE_CODE):
        try:
            found = read_anchors(path) if anchors is not None or path.exists() else None
            result = verify_log()
            check = check_anchors(found) if found is not None and result.ok else None
        except (AnchorFileError, DatabaseError) as err:
            print(f"folio: {_read_error(err)}", file=sys.stderr)
            return 2
        return _report_verify(result, check, path)


def _report_verify(result: VerifyResult, check: AnchorCheck | None, path: Path) -> int:
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    reason = result.reason if check is None or check.ok else check.reason
    if reason:
        print(_("Log altered: %(reason)s") % {"reason": reason})
        return 1
    words = {"n": result.checked, "anchors": check.checked if check else 0, "path": path}
    if check is None:
        print(_("Log intact: %(n)s entries verified.") % words)
    else:
        held = ngettext(
            "Log intact: %(n)s entries verified, %(anchors)s anchor in %(path)s holds.",
            "Log intact: %(n)s entries verified, %(anchors)s anchors in %(path)s hold.",
            check.checked,
        )
        print(held % words)
    return 0


def audit_anchor(path: Path | None = None) -> int:
    """Append the log's head to the anchor file (by default ``FOLIO_AUDIT_ANCHORS``).
    0: written, or nothing to anchor yet; 2: the database or the file failed."""
    setup()
    from django.conf import settings
    from django.db import DatabaseError
    from django.utils import translation
    from django.utils.translation import gettext as _

    from web.cases.anchors import AnchorFileError, default_anchor_file, write_anchor

    target = path or default_anchor_file()
    with translation.override(settings.LANGUAGE_CODE):
        try:
            anchor = write_anchor(target)
        except (AnchorFileError, DatabaseError) as err:
            print(f"folio: {_read_error(err)}", file=sys.stderr)
            return 2
        if anchor is None:
            print(_("The log is empty: no anchor written."))
        else:
            words = {"path": target, "seq": anchor.seq, "time": anchor.when}
            print(_("Anchor written to %(path)s: entry %(seq)s, %(time)s.") % words)
    return 0


def backup(directory: Path | None = None) -> int:
    """Write a dated, checksummed backup archive (default ``var/backups/``). 0: written;
    2: it could not be."""
    setup()
    migrate()
    from django.conf import settings

    from web.backups.actions import create_backup
    from web.backups.archive import BackupError

    target = directory or Path(settings.VAR_DIR) / "backups"
    try:
        made = create_backup(target)
    except (BackupError, OSError) as err:
        print(f"folio: {err}", file=sys.stderr)
        return 2
    print(f"Respaldo escrito: {made.path} ({made.size} bytes, sha256 {made.sha256[:16]}…).")
    print(f"Bitácora hasta la entrada {made.log_seq}; suma en {made.path}.sha256.")
    return 0


def restore(archive: Path) -> int:
    """Restore ``archive`` into the configured (empty) database, bring it to this
    version's schema, then verify the log. 0: restored and the log holds; 1: restored
    but the log does not hold; 2: not restored."""
    setup()
    from web.backups.actions import restore_backup
    from web.backups.archive import BackupError

    try:
        done = restore_backup(archive)
    except (BackupError, OSError) as err:
        print(f"folio: {err}", file=sys.stderr)
        return 2
    migrate()
    print(f"Respaldo del {done.created_at} restaurado (bitácora hasta la entrada {done.log_seq}).")
    return audit_verify()


def _read_error(err: Exception) -> str:
    """An anchor file error names its file already; a database error gets a sentence."""
    from django.db import DatabaseError
    from django.utils.translation import gettext as _

    if isinstance(err, DatabaseError):
        return _("the case log could not be read: %(error)s") % {"error": err}
    return str(err)
