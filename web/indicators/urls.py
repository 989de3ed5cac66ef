"""Indicator pages."""

from django.urls import path

from web.indicators import dashboard_views, views

app_name = "indicators"
urlpatterns = [
    path("", views.indicators, name="indicators"),
    path("tablero/", dashboard_views.dashboard, name="dashboard"),
]
