"""The open-data addresses harvesters expect at the site's root: the CKAN Action API and
``data.json``. Included once from ``web/urls.py``."""

from django.urls import URLPattern, path

from web.opendata import views
from web.opendata.api.views import action

urlpatterns: list[URLPattern] = [
    path("api/3/action/<str:name>", action, name="ckan-action"),
    # CKAN serves the same actions without the version; ckanapi calls this form.
    path("api/action/<str:name>", action, name="ckan-action-unversioned"),
    path("data.json", views.data_json_view, name="data-json"),
]
