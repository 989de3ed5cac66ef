from django.urls import include, path

from inbox_site.views import inbox_page, inbox_page_batched

urlpatterns = [
    path("banco/bandeja/", inbox_page, name="bench-inbox-page"),
    path("banco/bandeja-por-pagina/", inbox_page_batched, name="bench-inbox-batched"),
    path("", include("web.urls")),
]
