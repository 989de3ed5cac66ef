"""Pages of the opendata app (``datos/``)."""

from django.urls import URLPattern, URLResolver, path

from web.opendata import staff_views, views

app_name = "opendata"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.catalogue, name="catalogue"),
    path("conjunto/<slug:name>/", views.dataset_detail, name="dataset-detail"),
    path("recurso/<uuid:pk>/descargar/", views.resource_download, name="resource-download"),
    path("api/", views.api_help, name="api-help"),
    path("dcat.ttl", views.dcat_turtle, name="dcat-turtle"),
    path("dcat.jsonld", views.dcat_jsonld, name="dcat-jsonld"),
    path("gestion/", staff_views.dataset_list, name="dataset-list"),
    path("gestion/solicitar/", staff_views.dataset_request, name="dataset-request"),
    path("gestion/<slug:name>/", staff_views.dataset_manage, name="dataset-manage"),
    path("gestion/<slug:name>/recurso/", staff_views.resource_create, name="resource-create"),
    path(
        "gestion/recurso/<uuid:pk>/version/",
        staff_views.version_create,
        name="version-create",
    ),
    path("gestion/<slug:name>/caso/", staff_views.case_open, name="case-open"),
    path("gestion/<slug:name>/publicar/", staff_views.dataset_publish, name="dataset-publish"),
]
