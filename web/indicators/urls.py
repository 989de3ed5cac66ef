"""Indicator pages."""

from django.urls import path

from web.indicators import capture_views, dashboard_views, views
from web.indicators.report import views as report_views

app_name = "indicators"
urlpatterns = [
    path("", views.indicators, name="indicators"),
    path("tablero/", dashboard_views.dashboard, name="dashboard"),
    path("captura/<int:pk>/<path:name>/", capture_views.capture, name="capture"),
    path("evidencia/<int:pk>/", capture_views.evidence, name="capture_evidence"),
    path("informes/", report_views.reports, name="reports"),
    path("informes/<int:pk>/descargar/", report_views.download, name="report_download"),
    path("informes/<int:pk>/verificar/", report_views.check, name="report_check"),
]
