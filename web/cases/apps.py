from typing import Any

from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "web.cases"
    label = "cases"
    verbose_name = "Casos"

    def ready(self) -> None:
        from web.catalog.audit import register_writer

        register_writer(_write_catalog_entry)


def _write_catalog_entry(kind: str, actor: Any, payload: dict[str, Any]) -> None:
    from web.cases.log import append_event
    from web.cases.models import EventKind

    append_event(EventKind(kind), actor=actor, payload=payload)
