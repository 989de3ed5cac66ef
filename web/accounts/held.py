"""The activities a person holds (claimed, or handed to them) in running cases, counted
and given back to their roles' queues when the person leaves. Tasks belong to the cases
app, which the accounts app does not import: it registers both functions in
``CasesConfig.ready()``."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User

#: How many activities ``person`` holds.
Counter = Callable[[User], int]
#: Give back every activity ``person`` holds, as ``actor``; returns how many.
Releaser = Callable[[User, User], int]

_counter: Counter | None = None
_releaser: Releaser | None = None


def register_held_tasks(counter: Counter, releaser: Releaser) -> None:
    global _counter, _releaser
    _counter, _releaser = counter, releaser


def count_held_tasks(person: User) -> int:
    return _counter(person) if _counter is not None else 0


def release_held_tasks(person: User, actor: User) -> int:
    """Call inside the caller's transaction."""
    if _releaser is None:
        raise RuntimeError("no task releaser is registered (is web.cases installed?)")
    return _releaser(person, actor)
