"""Catalog URLs of the publish pages (joined into ``web/catalog/urls.py`` under the
``catalog`` namespace)."""

from django.urls import URLPattern, path

from web.catalog.publish import views

urlpatterns: list[URLPattern] = [
    path(
        "procedimientos/<int:pk>/descargar/<str:fmt>/",
        views.procedure_download,
        name="procedure-download",
    ),
    path("procedimientos/<int:pk>/diagrama.svg", views.procedure_diagram, name="procedure-diagram"),
    path("versiones/<int:pk>/descargar/<str:fmt>/", views.manual_download, name="manual-download"),
    path("versiones/<int:pk>/organigrama.svg", views.organization_chart, name="orgchart"),
]
