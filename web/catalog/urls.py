from django.urls import path

from web.catalog import views

app_name = "catalog"
urlpatterns = [
    path("", views.manual_list, name="manual-list"),
    path("manuales/<int:pk>/", views.manual_detail, name="manual-detail"),
    path("procedimientos/<int:pk>/", views.procedure_detail, name="procedure-detail"),
]
