"""What a new version of a manual takes from the one before it: a retired procedure stays
retired (by code), and the registered hooks (``web/catalog/hooks.py``) carry their own
data over, such as the activities' times. Runs inside the transaction that creates the
version; returns notices for what could not be carried."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import Q
from django.utils.translation import gettext as _

from folio.manuals.diff import match_steps
from folio.manuals.model import Procedure as CoreProcedure
from web.catalog.hooks import NewVersion, run_on_new_version
from web.catalog.models import ManualVersion, Procedure, Role


def carry_over(version: ManualVersion, actor: User | None) -> list[str]:
    """Carry what the manual's previous latest version had over to ``version``."""
    previous = version.manual.versions.filter(number__lt=version.number).order_by("-number").first()
    if previous is None:
        return []
    old_rows = {row.code: row for row in previous.procedures.all()}
    new_rows = {row.code: row for row in version.procedures.all()}
    both = [code for code in new_rows if code in old_rows]
    old_models = {code: old_rows[code].model() for code in both}
    new_models = {code: new_rows[code].model() for code in both}
    steps = {code: match_steps(old_models[code], new_models[code]) for code in both}
    _carry_retirement(old_rows, new_rows)
    notices = []
    for code in both:
        notices += _role_notices(old_models[code], new_models[code], steps[code])
    change = NewVersion(previous, version, new_rows, steps, actor)
    return notices + run_on_new_version(change)


def _carry_retirement(old_rows: dict[str, Procedure], new_rows: dict[str, Procedure]) -> None:
    for code, old in old_rows.items():
        row = new_rows.get(code)
        if old.retired_at is not None and row is not None:
            row.retired_at, row.retired_note = old.retired_at, old.retired_note
            row.save(update_fields=["retired_at", "retired_note"])


def _role_notices(old: CoreProcedure, new: CoreProcedure, steps: dict[str, str]) -> list[str]:
    """A step now given to a role nobody holds, when people held the one it had."""
    notices = []
    for old_number, new_number in steps.items():
        before, after = old.step(old_number), new.step(new_number)
        assert before is not None and after is not None
        added = [name for name in after.responsible if name not in before.responsible]
        if not added or not _anyone_holds(before.responsible):
            continue
        for role in _roles(added):
            if not role.is_external and not role.members.exists():
                words = {"step": new_number, "code": new.code, "role": role.name}
                notices.append(
                    _(
                        "Activity %(step)s of %(code)s is now for «%(role)s», which nobody "
                        "holds: add people to it in the role directory."
                    )
                    % words
                )
    return notices


def _named(names: list[str] | tuple[str, ...]) -> Q:
    return Q(name__in=names) | Q(aliases__name__in=names)


def _anyone_holds(names: tuple[str, ...]) -> bool:
    return Role.objects.filter(_named(names), members__isnull=False).exists()


def _roles(names: list[str]) -> list[Role]:
    return list(Role.objects.filter(_named(names)).distinct().order_by("name"))
