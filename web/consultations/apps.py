from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "web.consultations"
    label = "consultations"
    verbose_name = "Consultas ciudadanas"

    def ready(self) -> None:
        from web.consultations.opendata import consultation_sources
        from web.datasets import register_source

        for source in consultation_sources():
            register_source(source)
