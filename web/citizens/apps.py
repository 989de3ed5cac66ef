from django.apps import AppConfig


class CitizensConfig(AppConfig):
    name = "web.citizens"
    label = "citizens"
    verbose_name = "Atención ciudadana"

    def ready(self) -> None:
        from web.citizens.opendata import SOURCE
        from web.datasets import register_source

        register_source(SOURCE)
