"""Pages of the citizens app: public ones (no account) and the administrators'."""

from django.urls import URLPattern, URLResolver, path
from django.views.generic import RedirectView

from web.citizens.views import public, staff

app_name = "citizens"
urlpatterns: list[URLPattern | URLResolver] = [
    # the address a citizen is told ("…/ciudadania/") opens the report form
    path("", RedirectView.as_view(pattern_name="citizens:report-new"), name="start"),
    path("reportar/", public.report_new, name="report-new"),
    path("folio/", public.lookup, name="lookup"),
    path("reportes/", public.public_list, name="public-list"),
    path("privacidad/", public.privacy, name="privacy"),
    path("privacidad/integral/", public.privacy_full, name="privacy-full"),
    path("arco/", public.arco, name="arco"),
    path("catalogo/", staff.catalogue, name="catalogue"),
    path("catalogo/nuevo/", staff.service_edit, name="service-new"),
    path("catalogo/<int:pk>/", staff.service_edit, name="service-edit"),
    path("catalogo/<int:pk>/atributo/", staff.attribute_new, name="attribute-new"),
    path(
        "catalogo/<int:pk>/atributo/<int:attribute_pk>/borrar/",
        staff.attribute_delete,
        name="attribute-delete",
    ),
    path("aplicaciones/", staff.clients, name="clients"),
    path("bandeja/", staff.report_list, name="report-list"),
    path("reporte/<int:pk>/", staff.report_detail, name="report-detail"),
    path("reporte/<int:pk>/foto/", staff.report_photo, name="report-photo"),
]
