"""URL routes: one include per app."""

from django.contrib import admin
from django.urls import include, path

from web.home import home

urlpatterns = [
    path("", home, name="home"),
    path("cuentas/", include("web.accounts.urls")),
    path("catalogo/", include("web.catalog.urls")),
    path("casos/", include("web.cases.urls")),
    path("indicadores/", include("web.indicators.urls")),
    path("planeacion/", include("web.planning.urls")),
    path("evaluacion/", include("web.evaluation.urls")),
    path("ciudadania/", include("web.citizens.urls")),
    path("open311/", include("web.citizens.open311.urls")),
    path("consultas/", include("web.consultations.urls")),
    path("datos/", include("web.opendata.urls")),
    path("", include("web.opendata.root_urls")),
    path("admin/", admin.site.urls),
]
