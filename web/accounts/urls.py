from django.contrib.auth import views as auth_views
from django.urls import path

from web.accounts.passwords import urlpatterns as password_urls
from web.accounts.people import views as people
from web.accounts.people import views_status as status

app_name = "accounts"
urlpatterns = [
    path(
        "entrar/",
        auth_views.LoginView.as_view(template_name="accounts/login.html"),
        name="login",
    ),
    path("salir/", auth_views.LogoutView.as_view(), name="logout"),
    path("personas/", people.person_list, name="person-list"),
    path("personas/nueva/", people.person_create, name="person-create"),
    path("personas/<int:pk>/", people.person_detail, name="person-detail"),
    path("personas/<int:pk>/editar/", people.person_edit, name="person-edit"),
    path("personas/<int:pk>/roles/", status.person_role_add, name="person-role-add"),
    path(
        "personas/<int:pk>/roles/<int:role_pk>/quitar/",
        status.person_role_remove,
        name="person-role-remove",
    ),
    path("personas/<int:pk>/desactivar/", status.person_deactivate, name="person-deactivate"),
    path("personas/<int:pk>/reactivar/", status.person_reactivate, name="person-reactivate"),
    path("personas/<int:pk>/liberar/", status.person_tasks_release, name="person-tasks-release"),
    path("personas/<int:pk>/enlace/", status.person_link_send, name="person-link-send"),
    *password_urls,
]
