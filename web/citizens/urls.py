"""Pages of the citizens app."""

from django.urls import URLPattern, URLResolver

app_name = "citizens"
urlpatterns: list[URLPattern | URLResolver] = []
