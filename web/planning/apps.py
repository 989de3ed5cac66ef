from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "web.planning"
    label = "planning"
    verbose_name = "Planeación"
