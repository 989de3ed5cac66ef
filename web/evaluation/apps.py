from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "web.evaluation"
    label = "evaluation"
    verbose_name = "Evaluación del desempeño"
