from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "web.planning"
    label = "planning"
    verbose_name = "Planeación"

    def ready(self) -> None:
        from web.datasets import register_source
        from web.planning.opendata import progress_source

        register_source(progress_source())
