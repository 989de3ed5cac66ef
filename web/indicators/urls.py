"""Indicator pages."""

from django.urls import path

from web.indicators import views

app_name = "indicators"
urlpatterns = [
    path("", views.indicators, name="indicators"),
]
