from django.urls import path

from web.catalog import roles_views, urls_editor, urls_publish, urls_versions, views

app_name = "catalog"
urlpatterns = [
    path("", views.manual_list, name="manual-list"),
    path("manuales/<int:pk>/", views.manual_detail, name="manual-detail"),
    path("procedimientos/<int:pk>/", views.procedure_detail, name="procedure-detail"),
    path("roles/", roles_views.role_list, name="role-list"),
    path("roles/<int:pk>/personas/agregar/", roles_views.role_member_add, name="role-member-add"),
    path(
        "roles/<int:pk>/personas/quitar/", roles_views.role_member_remove, name="role-member-remove"
    ),
    path("roles/<int:pk>/unir/", roles_views.role_merge, name="role-merge"),
    *urls_editor.urlpatterns,
    *urls_versions.urlpatterns,
    *urls_publish.urlpatterns,
]
