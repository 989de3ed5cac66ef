"""Pages of the consultations app."""

from django.urls import URLPattern, URLResolver

app_name = "consultations"
urlpatterns: list[URLPattern | URLResolver] = []
