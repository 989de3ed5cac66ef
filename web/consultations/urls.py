"""Pages of the consultations app (under ``consultas/``): public pages first, then the
staff's."""

from django.urls import URLPattern, URLResolver, path, register_converter

from web.consultations import views

#: The purpose of a code as the address spells it.
PURPOSES = {"respuesta": "answer", "propuesta": "proposal"}


class PurposeConverter:
    regex = "respuesta|propuesta"

    def to_python(self, value: str) -> str:
        return PURPOSES[value]

    def to_url(self, value: str) -> str:
        return {v: k for k, v in PURPOSES.items()}[value]


class FormatConverter:
    regex = "csv|json"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(PurposeConverter, "purpose")
register_converter(FormatConverter, "fmt")

app_name = "consultations"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.consultation_index, name="consultation-index"),
    path("privacidad/", views.privacy, name="privacy"),
    path("<int:pk>/", views.consultation_detail, name="consultation-detail"),
    path("<int:pk>/codigo/<purpose:purpose>/", views.code_request, name="code-request"),
    path("<int:pk>/verificar/<purpose:purpose>/", views.code_verify, name="code-verify"),
    path("verificar/<str:token>/", views.link_verify, name="verify-link"),
    path("<int:pk>/responder/", views.response_create, name="response-create"),
    path("<int:pk>/gracias/", views.response_done, name="response-done"),
    path("<int:pk>/propuesta/", views.proposal_create, name="proposal-create"),
    path("<int:pk>/resultados/", views.results_page, name="results"),
    path("<int:pk>/resultados.<fmt:fmt>", views.results_download, name="results-download"),
    # Staff
    path("gestion/", views.consultation_list, name="consultation-list"),
    path("gestion/nueva/", views.consultation_create, name="consultation-create"),
    path("gestion/<int:pk>/", views.consultation_edit, name="consultation-edit"),
    path("gestion/<int:pk>/publicar/", views.consultation_publish, name="consultation-publish"),
    path("gestion/<int:pk>/preguntas/nueva/", views.question_edit, name="question-create"),
    path("gestion/<int:pk>/preguntas/<int:question>/", views.question_edit, name="question-edit"),
    path("gestion/preguntas/<int:pk>/cambiar/", views.question_change, name="question-change"),
    path("gestion/<int:pk>/moderacion/", views.moderation_list, name="moderation-list"),
    path("gestion/respuestas/<int:pk>/moderar/", views.answer_moderate, name="answer-moderate"),
    path("gestion/propuestas/", views.proposal_list, name="proposal-list"),
    path("gestion/<int:pk>/propuestas/nueva/", views.proposal_enter, name="proposal-enter"),
    path("gestion/propuestas/<int:pk>/", views.proposal_classify, name="proposal-classify"),
]
