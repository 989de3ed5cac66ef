"""Catalog URLs of the versions pages (joined into ``web/catalog/urls.py`` under the
``catalog`` namespace)."""

from django.urls import URLPattern, path

from web.catalog.versions import views

urlpatterns: list[URLPattern] = [
    path("manuales/<int:pk>/versiones/", views.version_list, name="version-list"),
    path("manuales/<int:pk>/versiones/<int:number>/", views.version_detail, name="version-detail"),
    path("manuales/<int:pk>/cambios/", views.version_diff, name="version-diff"),
    path("manuales/<int:pk>/unidad/", views.manual_unit, name="manual-unit"),
    path("manuales/<int:pk>/retirar/", views.manual_retire, name="manual-retire"),
    path("procedimientos/<int:pk>/retirar/", views.procedure_retire, name="procedure-retire"),
]
