from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "web.opendata"
    label = "opendata"
    verbose_name = "Datos abiertos"
