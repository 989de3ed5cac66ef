"""Catalog URLs of the editor pages (joined into ``web/catalog/urls.py`` under the
``catalog`` namespace)."""

from django.urls import URLPattern, path

from web.catalog.source.views import source_page
from web.catalog.writing import views as writing

urlpatterns: list[URLPattern] = [
    # The source beside the data, and writing a manual (web/catalog/source/, writing/).
    path("versiones/<int:pk>/fuente/pagina/<int:page>.png", source_page, name="source-page"),
    path("manuales/nuevo/", writing.manual_create, name="manual-create"),
    path("manuales/<int:pk>/datos/", writing.manual_header_edit, name="manual-header-edit"),
]
