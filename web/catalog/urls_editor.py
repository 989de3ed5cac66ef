"""Catalog URLs of the editor pages (joined into ``web/catalog/urls.py`` under the
``catalog`` namespace)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
