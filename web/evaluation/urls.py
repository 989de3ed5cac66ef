"""Pages of the evaluation app."""

from django.urls import URLPattern, URLResolver, path

from web.evaluation import views

app_name = "evaluation"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.program_list, name="program-list"),
    path("mir/<int:pk>/", views.mir_detail, name="mir-detail"),
    path("mir/<int:pk>/mir.pdf", views.mir_pdf, name="mir-pdf"),
    path("mir/<int:pk>/filas/nueva/", views.row_edit, name="row-create"),
    path("mir/<int:pk>/filas/<int:row_pk>/", views.row_edit, name="row-edit"),
    path("mir/<int:pk>/filas/<int:row_pk>/borrar/", views.row_delete, name="row-delete"),
    path("filas/<int:row_pk>/indicadores/nuevo/", views.indicator_create, name="indicator-create"),
    path("indicadores/<int:pk>/", views.indicator_detail, name="indicator-detail"),
    path("indicadores/<int:pk>/editar/", views.indicator_edit, name="indicator-edit"),
    path("indicadores/<int:pk>/borrar/", views.indicator_delete, name="indicator-delete"),
    path("indicadores/<int:pk>/valores/", views.indicator_values, name="indicator-values"),
    path("indicadores/<int:pk>/ficha.pdf", views.indicator_pdf, name="indicator-pdf"),
    path("indicadores/<int:pk>/variables/", views.variable_create, name="variable-create"),
    path(
        "indicadores/<int:pk>/variables/<int:variable_pk>/borrar/",
        views.variable_delete,
        name="variable-delete",
    ),
    path("pbr-sed/", views.pbr_list, name="pbr-list"),
    path("pbr-sed/<int:year>/", views.pbr_edit, name="pbr-edit"),
]
