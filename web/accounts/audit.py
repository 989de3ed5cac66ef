"""How writes below the cases app (people, manuals, roles) reach the tamper-evident log
without importing it (dependencies point one way: accounts ← catalog ← cases). The cases
app registers the log's writer in ``CasesConfig.ready()``; accounts and catalog actions
call ``record`` inside their transaction, so the entry commits or rolls back with the
change it records."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User

#: Writes one entry: (kind, actor, payload). Set by the cases app.
Writer = Callable[[str, User | None, dict[str, Any]], None]

_writer: Writer | None = None


def register_writer(writer: Writer) -> None:
    global _writer
    _writer = writer


def record(kind: str, *, actor: User | None, payload: dict[str, Any]) -> None:
    """Append a log entry of ``kind`` (an ``EventKind`` value such as "person.created")."""
    if _writer is None:
        raise RuntimeError("the log writer is not registered (is web.cases installed?)")
    _writer(kind, actor, payload)
