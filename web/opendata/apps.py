from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "web.opendata"
    label = "opendata"
    verbose_name = "Datos abiertos"

    def ready(self) -> None:
        from web.cases.log import on_append
        from web.opendata.publication import publish_on_case_end

        on_append(publish_on_case_end)
