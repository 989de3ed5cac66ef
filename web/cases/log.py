"""The tamper-evident log: one global hash chain over every entry.

Each entry's ``hash`` is the SHA-256 of a canonical JSON of (seq, kind, case id, actor id,
payload, created_at in UTC ISO 8601, prev_hash); ``prev_hash`` is the previous entry's
hash. One chain for the whole office, not one per case: a case deleted with all its
entries still leaves a gap in the numbering, and the order of everything is provable.
The price is that appends are serialized on the ``LogHead`` row, which is fine at the
scale of a municipal office. ``LogHead`` also catches entries cut off the end.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from web.cases.models import Case, Event, EventKind, LogHead
from web.catalog.models import Role

GENESIS = "0" * 64


def entry_hash(
    seq: int,
    kind: str,
    case_id: int | None,
    actor_id: int | None,
    payload: dict[str, Any],
    created_at: datetime,
    prev_hash: str,
) -> str:
    body = {
        "seq": seq,
        "kind": kind,
        "case": case_id,
        "actor": actor_id,
        "payload": payload,
        "created_at": created_at.astimezone(UTC).isoformat(),
        "prev_hash": prev_hash,
    }
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def append_event(
    kind: EventKind,
    *,
    case: Case | None = None,
    actor: User | None = None,
    on_behalf_of: Role | None = None,
    payload: dict[str, Any] | None = None,
) -> Event:
    """Write the next entry. Call inside the action's transaction: the entry commits or
    rolls back with the change it records."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("append_event must run inside a transaction")
    body = dict(payload or {})
    if on_behalf_of is not None:
        body["on_behalf_of"] = on_behalf_of.name
    head, _created = LogHead.objects.select_for_update().get_or_create(
        pk=1, defaults={"seq": 0, "hash": GENESIS}
    )
    seq, now = head.seq + 1, timezone.now()
    case_id, actor_id = (case.pk if case else None), (actor.pk if actor else None)
    digest = entry_hash(seq, kind.value, case_id, actor_id, body, now, head.hash)
    event = Event.objects.create(
        seq=seq,
        kind=kind,
        case_id=case_id,
        actor_id=actor_id,
        on_behalf_of=on_behalf_of,
        payload=body,
        created_at=now,
        prev_hash=head.hash,
        hash=digest,
    )
    head.seq, head.hash = seq, digest
    head.save(update_fields=["seq", "hash"])
    return event


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    first_broken_seq: int | None = None
    #: A sentence naming the first broken entry, in Spanish; empty when ok.
    reason: str = ""
    checked: int = 0


def verify_log() -> VerifyResult:
    """Walk the chain from the first entry; stop at the first one that does not hold."""
    expected, prev, checked = 1, GENESIS, 0
    for event in Event.objects.order_by("seq").iterator(chunk_size=2000):
        broken = _check(event, expected, prev)
        if broken is not None:
            return broken
        expected, prev, checked = event.seq + 1, event.hash, checked + 1
    head = LogHead.objects.filter(pk=1).first()
    written = head.seq if head else 0
    if written != checked or (head is not None and head.hash != prev):
        reason = _(
            "The log ends at entry %(last)s but %(written)s entries were written: "
            "entries from %(first)s on were deleted."
        ) % {"last": checked, "written": written, "first": checked + 1}
        return VerifyResult(False, checked + 1, reason, checked)
    return VerifyResult(True, checked=checked)


def _check(event: Event, expected: int, prev: str) -> VerifyResult | None:
    seq = event.seq
    if seq != expected:
        missing = min(seq, expected)
        reason = _("Entry %(seq)s is missing: it was deleted.") % {"seq": missing}
        return VerifyResult(False, missing, reason, expected - 1)
    digest = entry_hash(
        seq,
        event.kind,
        event.case_id,
        event.actor_id,
        event.payload,
        event.created_at,
        event.prev_hash,
    )
    if digest != event.hash:
        reason = _("Entry %(seq)s was changed after it was written.") % {"seq": seq}
        return VerifyResult(False, seq, reason, expected - 1)
    if event.prev_hash != prev:
        reason = _("Entry %(seq)s does not follow entry %(before)s: one of them was changed.") % {
            "seq": seq,
            "before": seq - 1,
        }
        return VerifyResult(False, seq, reason, expected - 1)
    return None
