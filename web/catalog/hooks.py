"""What other apps do when a manual gets a new version, without the catalog importing
them (dependencies point one way: catalog ← cases). The cases app registers its hook in
``CasesConfig.ready()`` (carrying the activities' times over); hooks run inside the
transaction that creates the version and return notices for the person who made it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import User

from web.catalog.models import ManualVersion, Procedure


@dataclass(frozen=True)
class NewVersion:
    """A version just created and the one it follows (the manual's latest before it)."""

    previous: ManualVersion
    version: ManualVersion
    #: The procedure rows of ``version`` by code.
    procedures: dict[str, Procedure]
    #: Per procedure code in both versions: old step number → new step number, for the
    #: steps that still exist (``folio.manuals.diff.match_steps``).
    steps: dict[str, dict[str, str]]
    actor: User | None


#: Returns notices: what could not be carried over, in words.
NewVersionHook = Callable[[NewVersion], list[str]]

_hooks: list[NewVersionHook] = []


def register_on_new_version(hook: NewVersionHook) -> None:
    if hook not in _hooks:
        _hooks.append(hook)


def run_on_new_version(change: NewVersion) -> list[str]:
    notices: list[str] = []
    for hook in _hooks:
        notices += hook(change)
    return notices
