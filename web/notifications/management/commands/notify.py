"""``manage.py notify`` (``folio notify``): e-mail people when an activity starts waiting
for them and when an activity they hold or could take nears its case's due date.

Cron-friendly: run it every few minutes; each notice is sent once. What was sent is kept
in the database (``Notice``); see ``web/notifications/actions.py`` for how overlapping
runs and failed sends are handled. Exits 1 when a notice could not be sent.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from web.notifications.actions import send_pending_notices

DEFAULT_DAYS = 2


class Command(BaseCommand):
    help = "E-mail assignments and activities near their due date (each notice once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=getattr(settings, "FOLIO_NOTIFY_DAYS", DEFAULT_DAYS),
            help="warn this many business days before the due date (default %(default)s)",
        )
        parser.add_argument("--dry-run", action="store_true", help="list, send nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            outcome = send_pending_notices(
                options["days"],
                dry_run=options["dry_run"],
                out=self.stdout.write,
                err=self.stderr.write,
            )
            self.stdout.write(_("%(n)s notices sent.") % {"n": outcome.sent})
            if outcome.failed:
                raise CommandError(
                    _("%(n)s notices could not be sent; the next run will try them again.")
                    % {"n": outcome.failed}
                )
