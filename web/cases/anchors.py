"""Anchors: the log's head written down outside the database.

The hash chain (``web/cases/log.py``) shows an entry edited or deleted, but someone with
write access to the database could rewrite the whole chain consistently — every hash
and the head — and the chain alone would still verify. An anchor is one JSON line
``{"seq": …, "hash": …, "time": …}`` (the last entry's number and hash, and the UTC
time it was taken) appended to a file that cron copies off the machine. A rewritten
log no longer has the anchored hash at the anchored entry, and a log cut below an
anchor no longer has that entry.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from web.cases.models import Event, LogHead

HASH = re.compile(r"[0-9a-f]{64}")
#: Anchors looked up per query.
CHUNK = 500


class AnchorFileError(Exception):
    """The anchor file cannot be read or written; the message names the file (and the
    line) and says what is wrong, in one sentence."""


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    #: When it was taken, in UTC.
    time: datetime

    def to_line(self) -> str:
        body = {"seq": self.seq, "hash": self.hash, "time": self.time.isoformat()}
        return json.dumps(body, sort_keys=True)

    @property
    def when(self) -> str:
        return f"{self.time:%Y-%m-%d %H:%M:%S} UTC"


@dataclass(frozen=True)
class AnchorCheck:
    ok: bool
    #: How many anchors held (all of them when ok).
    checked: int
    #: The entry named by the first anchor that does not hold.
    first_broken_seq: int | None = None
    #: A sentence naming that entry and the anchor's time, in Spanish; empty when ok.
    reason: str = ""


def default_anchor_file() -> Path:
    return Path(settings.FOLIO_AUDIT_ANCHORS)


def write_anchor(path: Path) -> Anchor | None:
    """Append the log's current head to ``path`` (created if missing) and flush it to
    disk. Returns the anchor, or None when the log is still empty."""
    head = LogHead.objects.filter(pk=1).first()
    if head is None or head.seq == 0:
        return None
    anchor = Anchor(head.seq, head.hash, timezone.now().astimezone(UTC).replace(microsecond=0))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as file:
            file.write(anchor.to_line() + "\n")
            file.flush()
            os.fsync(file.fileno())
    except OSError as err:
        words = {"path": path, "error": err.strerror or err}
        message = _("%(path)s: the anchor could not be written: %(error)s.") % words
        raise AnchorFileError(message) from err
    return anchor


def read_anchors(path: Path) -> list[Anchor]:
    """The anchors in ``path``, in file order; blank lines are skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        message = _("%(path)s: there is no such anchor file.") % {"path": path}
        raise AnchorFileError(message) from None
    except (OSError, UnicodeDecodeError) as err:
        words = {"path": path, "error": getattr(err, "strerror", None) or err}
        message = _("%(path)s: the anchor file could not be read: %(error)s.") % words
        raise AnchorFileError(message) from err
    anchors = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            anchors.append(parse_anchor(line, f"{path}:{number}"))
    return anchors


def parse_anchor(line: str, where: str) -> Anchor:
    """One line of the anchor file; ``where`` (``file:line``) starts any error."""
    try:
        data: Any = json.loads(line)
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict) or not {"seq", "hash", "time"} <= data.keys():
        problem = _('not an anchor: expected {"seq": …, "hash": …, "time": …} on one line')
    elif type(data["seq"]) is not int or data["seq"] < 1:
        problem = _("seq must be a whole number from 1 up")
    elif not isinstance(data["hash"], str) or not HASH.fullmatch(data["hash"]):
        problem = _("hash must be 64 hexadecimal characters")
    else:
        time = _parse_time(data["time"])
        if time is not None:
            return Anchor(data["seq"], data["hash"], time)
        problem = _("time must be an ISO 8601 date and time with its time zone")
    raise AnchorFileError(f"{where}: {problem}.")


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.astimezone(UTC) if moment.tzinfo is not None else None


def check_anchors(anchors: Sequence[Anchor]) -> AnchorCheck:
    """Each anchored entry must still be in the log with the anchored hash; stop at
    the first anchor (in file order) that does not hold."""
    for start in range(0, len(anchors), CHUNK):
        chunk = anchors[start : start + CHUNK]
        seqs = {anchor.seq for anchor in chunk}
        found = dict(Event.objects.filter(seq__in=seqs).values_list("seq", "hash"))
        for i, anchor in enumerate(chunk):
            if found.get(anchor.seq) == anchor.hash:
                continue
            words = {"seq": anchor.seq, "time": anchor.when}
            if anchor.seq not in found:
                reason = _(
                    "Entry %(seq)s, anchored on %(time)s, is no longer in the log: "
                    "entries were deleted."
                )
            else:
                reason = _(
                    "Entry %(seq)s no longer matches the anchor taken on %(time)s: "
                    "the log was rewritten at or before that entry."
                )
            return AnchorCheck(False, start + i, anchor.seq, reason % words)
    return AnchorCheck(True, len(anchors))
