"""Catalog URLs of the editor pages (joined into ``web/catalog/urls.py`` under the
``catalog`` namespace)."""

from django.urls import URLPattern, path

from web.catalog.editor import views
from web.catalog.source.views import source_page
from web.catalog.writing import views as writing

urlpatterns: list[URLPattern] = [
    path("procedimientos/<int:pk>/editar/", views.procedure_edit, name="procedure-edit"),
    path("manuales/<int:pk>/procedimientos/nuevo/", views.procedure_new, name="procedure-new"),
    path("borradores/<int:pk>/", views.draft_edit, name="draft-edit"),
    path("borradores/<int:pk>/pasos/<str:number>/", views.step_edit, name="draft-step"),
    path("borradores/<int:pk>/renumerar/", views.steps_renumber, name="draft-renumber"),
    path("borradores/<int:pk>/encabezado/", views.header_edit, name="draft-header"),
    path("borradores/<int:pk>/tpg/", views.time_preview, name="draft-time"),
    path("borradores/<int:pk>/revision/", views.review_check, name="draft-review"),
    path("borradores/<int:pk>/guardar/", views.draft_save, name="draft-save"),
    path("borradores/<int:pk>/descartar/", views.draft_discard, name="draft-discard"),
    # The source beside the data, and writing a manual (web/catalog/source/, writing/).
    path("versiones/<int:pk>/fuente/pagina/<int:page>.png", source_page, name="source-page"),
    path("manuales/nuevo/", writing.manual_create, name="manual-create"),
    path("manuales/<int:pk>/datos/", writing.manual_header_edit, name="manual-header-edit"),
]
