from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "web.catalog"
    label = "catalog"
    verbose_name = "Catálogo de manuales"
