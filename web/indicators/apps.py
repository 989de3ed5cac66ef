from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "web.indicators"
    label = "indicators"
    verbose_name = "Indicadores"

    def ready(self) -> None:
        from web.cases.log import on_append
        from web.indicators.rollup.keep import on_entries

        on_append(on_entries)

        from web.datasets import register_source
        from web.indicators.opendata import indicators_source

        register_source(indicators_source())
