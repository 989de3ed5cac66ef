from typing import Any

from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "web.cases"
    label = "cases"
    verbose_name = "Casos"

    def ready(self) -> None:
        from web.accounts.audit import register_writer
        from web.accounts.held import register_held_tasks
        from web.cases.actions.carry import carry_over_targets
        from web.cases.actions.handover import count_held_tasks, release_tasks_of
        from web.catalog.hooks import register_on_new_version

        register_writer(_write_log_entry)
        register_held_tasks(count_held_tasks, release_tasks_of)
        register_on_new_version(carry_over_targets)


def _write_log_entry(kind: str, actor: Any, payload: dict[str, Any]) -> None:
    from web.cases.log import append_event
    from web.cases.models import EventKind

    append_event(EventKind(kind), actor=actor, payload=payload)
