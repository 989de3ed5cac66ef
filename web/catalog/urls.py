from django.urls import path

from web.catalog import urls_editor, urls_publish, urls_versions, views

app_name = "catalog"
urlpatterns = [
    path("", views.manual_list, name="manual-list"),
    path("manuales/<int:pk>/", views.manual_detail, name="manual-detail"),
    path("procedimientos/<int:pk>/", views.procedure_detail, name="procedure-detail"),
    path("roles/", views.role_list, name="role-list"),
    path("roles/<int:pk>/personas/", views.role_members, name="role-members"),
    path("roles/<int:pk>/unir/", views.role_merge, name="role-merge"),
    *urls_editor.urlpatterns,
    *urls_versions.urlpatterns,
    *urls_publish.urlpatterns,
]
