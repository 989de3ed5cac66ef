from django.apps import AppConfig


class CitizensConfig(AppConfig):
    name = "web.citizens"
    label = "citizens"
    verbose_name = "Atención ciudadana"
