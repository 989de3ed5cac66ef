"""URL routes: one include per app."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="cases:inbox", permanent=False)),
    path("cuentas/", include("web.accounts.urls")),
    path("catalogo/", include("web.catalog.urls")),
    path("casos/", include("web.cases.urls")),
    path("admin/", admin.site.urls),
]
