from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "web.notifications"
    label = "notifications"
    verbose_name = "Avisos por correo"
