"""Open311 GeoReport v2, under /open311/: discovery beside the v2 endpoint."""

from django.urls import path, re_path
from django.views.generic import RedirectView

from web.citizens.open311 import views

app_name = "open311"
FMT = r"\.(?P<fmt>xml|json)$"

urlpatterns = [
    path("v2/", RedirectView.as_view(url="services.xml"), name="root"),
    re_path(r"^discovery" + FMT, views.discovery, name="discovery"),
    re_path(r"^v2/discovery" + FMT, views.discovery),
    re_path(r"^v2/services" + FMT, views.services, name="services"),
    re_path(r"^v2/services/(?P<code>[-\w]+)" + FMT, views.definition, name="definition"),
    re_path(r"^v2/requests" + FMT, views.requests, name="requests"),
    re_path(r"^v2/requests/(?P<request_id>[^/]+?)" + FMT, views.request_one, name="request"),
    re_path(r"^v2/tokens/(?P<token>[^/]+?)" + FMT, views.token, name="token"),
    re_path(r"^(?P<path>.*)$", views.not_found),
]
