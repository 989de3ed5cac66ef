"""Case pages: the inbox, starting a case, the case page, the search."""

from django.urls import path

from web.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("bandeja/cuenta/", views.inbox_count, name="inbox-count"),
    path("nuevo/", views.case_create, name="case-create"),
    path("buscar/", views.case_list, name="case-list"),
    path("buscar/exportar.<str:kind>", views.case_export, name="case-export"),
    path("calendario/", views.closedday_list, name="closedday-list"),
    path("calendario/borrar/", views.closedday_delete, name="closedday-delete"),
    path("procedimientos/<int:pk>/tiempos/", views.steptarget_edit, name="steptarget-edit"),
    path("<int:pk>/", views.case_detail, name="case-detail"),
    path("<int:pk>/cancelar/", views.case_cancel, name="case-cancel"),
    path("<int:pk>/reanudar/", views.case_resume, name="case-resume"),
    path("<int:pk>/documentos/", views.document_create, name="document-create"),
    path("documentos/<int:pk>/", views.document_download, name="document-download"),
    path("actividades/<int:pk>/tomar/", views.task_claim, name="task-claim"),
    path("actividades/<int:pk>/liberar/", views.task_release, name="task-release"),
    path("actividades/<int:pk>/reasignar/", views.task_reassign, name="task-reassign"),
    path("actividades/<int:pk>/completar/", views.task_complete, name="task-complete"),
]
