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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.contrib.auth.models import User
from django.utils.translation import gettext as _

from web.cases.logcheck import Replay, task_disagreement
from web.cases.models import Case, Event, EventKind, LogHead
from web.cases.store import Store
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
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def canonical_json(value: Any) -> str:
    """The JSON that is hashed: keys sorted, no spaces, UTF-8 as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_text(
    seq: int,
    kind: str,
    case_id: int | None,
    actor_id: int | None,
    payload_json: str,
    created_iso: str,
    prev_hash: str,
) -> str:
    """``canonical_json`` of the entry ``entry_hash`` hashes, put together around an
    already serialized payload (it is stored as well, so it is serialized once). The
    other values never need escaping: numbers, a kind, an ISO time and a hex digest."""
    return (
        f'{{"actor":{_number(actor_id)},"case":{_number(case_id)},'
        f'"created_at":"{created_iso}","kind":"{kind}","payload":{payload_json},'
        f'"prev_hash":"{prev_hash}","seq":{seq}}}'
    )


def _number(value: int | None) -> str:
    return "null" if value is None else str(int(value))


@dataclass(frozen=True)
class Entry:
    """A log entry to write. ``on_behalf_of`` is the external role an internal user
    acted for: its id links the row, its name goes into the hashed payload."""

    kind: EventKind
    case_id: int | None
    actor_id: int | None
    payload: dict[str, Any]
    on_behalf_of: tuple[int, str] | None = None


def append_event(
    kind: EventKind,
    *,
    case: Case | None = None,
    actor: User | None = None,
    on_behalf_of: Role | None = None,
    payload: dict[str, Any] | None = None,
) -> None:
    """Write the next entry. Call inside the action's transaction: the entry commits or
    rolls back with the change it records."""
    behalf = (on_behalf_of.pk, on_behalf_of.name) if on_behalf_of is not None else None
    case_id, actor_id = (case.pk if case else None), (actor.pk if actor else None)
    append_entries([Entry(kind, case_id, actor_id, dict(payload or {}), behalf)])


def append_entries(entries: list[Entry], store: Store | None = None) -> int:
    """Write ``entries`` in order as the next ones of the chain, at the action's instant
    (``store.now``): the head is locked and moved once, the rows go in one statement.
    Returns the last sequence number."""
    store = store or Store()
    if not store.db.in_atomic_block:
        raise RuntimeError("append_event must run inside a transaction")
    seq, prev = _lock_head(store)
    created, rows = store.now.astimezone(UTC).isoformat(), []
    for entry in entries:
        body = entry.payload
        if entry.on_behalf_of is not None:
            body = {**body, "on_behalf_of": entry.on_behalf_of[1]}
        seq, kind, text = seq + 1, entry.kind.value, canonical_json(body)
        digest = hashlib.sha256(
            entry_text(seq, kind, entry.case_id, entry.actor_id, text, created, prev).encode()
        ).hexdigest()
        behalf = entry.on_behalf_of[0] if entry.on_behalf_of else None
        rows += [seq, kind, entry.case_id, entry.actor_id, behalf]
        rows += [store.json(body, text), store.moment, prev, digest]
        prev = digest
    marks = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s, %s)"] * len(entries))
    store.run(_INSERT.format(marks=marks), rows)
    store.run(_MOVE_HEAD, [seq, prev])
    store.head = (seq, prev)
    for listener in _listeners:
        listener(entries)
    return seq


#: Called with the entries just appended, inside their transaction: apps above cases
#: (the indicators' kept figures) follow the log without cases importing them.
_listeners: list[Callable[[list[Entry]], None]] = []


def on_append(listener: Callable[[list[Entry]], None]) -> None:
    if listener not in _listeners:
        _listeners.append(listener)


_EVENTS, _HEAD = Event._meta.db_table, LogHead._meta.db_table
_INSERT = (
    f"INSERT INTO {_EVENTS} (seq, kind, case_id, actor_id, on_behalf_of_id, payload, "
    "created_at, prev_hash, hash) VALUES {marks}"
)
_READ_HEAD = f"SELECT seq, hash FROM {_HEAD} WHERE id = 1"
_MOVE_HEAD = f"UPDATE {_HEAD} SET seq = %s, hash = %s WHERE id = 1"


def _lock_head(store: Store) -> tuple[int, str]:
    """The head's sequence number and hash, locked until the transaction ends (on
    SQLite the write transaction already is the lock, and the task's read may have
    brought it)."""
    if store.head is not None:
        return store.head
    row = store.run(_READ_HEAD + (" FOR UPDATE" if store.locks_rows else ""), []).fetchone()
    if row is None:
        head, _created = LogHead.objects.select_for_update().get_or_create(
            pk=1, defaults={"seq": 0, "hash": GENESIS}
        )
        return head.seq, head.hash
    return int(row[0]), str(row[1])


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    first_broken_seq: int | None = None
    #: A sentence naming the first broken entry, in Spanish; empty when ok.
    reason: str = ""
    checked: int = 0


def verify_log() -> VerifyResult:
    """Walk the chain from the first entry; stop at the first one that does not hold.
    Then the rows beside it must agree with it (``web/cases/logcheck.py``): each
    entry's ``on_behalf_of`` link and every task row."""
    expected, prev, checked = 1, GENESIS, 0
    replay = Replay()
    for event in Event.objects.order_by("seq").iterator(chunk_size=2000):
        broken = _check(event, expected, prev)
        if broken is None and (why := replay.behalf_disagrees(event)):
            broken = VerifyResult(False, event.seq, why, expected - 1)
        if broken is not None:
            return broken
        replay.take(event)
        expected, prev, checked = event.seq + 1, event.hash, checked + 1
    head = LogHead.objects.filter(pk=1).first()
    written = head.seq if head else 0
    if written != checked or (head is not None and head.hash != prev):
        reason = _(
            "The log ends at entry %(last)s but %(written)s entries were written: "
            "entries from %(first)s on were deleted."
        ) % {"last": checked, "written": written, "first": checked + 1}
        return VerifyResult(False, checked + 1, reason, checked)
    seq, why = task_disagreement(replay)
    if why:
        return VerifyResult(False, seq, why, checked)
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
