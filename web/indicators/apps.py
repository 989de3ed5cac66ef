from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "web.indicators"
    label = "indicators"
    verbose_name = "Indicadores"
