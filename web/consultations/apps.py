from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "web.consultations"
    label = "consultations"
    verbose_name = "Consultas ciudadanas"
