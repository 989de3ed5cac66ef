"""WSGI entry point for production servers (gunicorn): refuses to serve on the public
development key unless ``DEBUG`` or ``FOLIO_DEV=1`` says this is a developer's machine."""

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "web.settings")
if settings.SECRET_KEY == settings.DEVELOPMENT_KEY and not settings.FOLIO_DEV:
    raise ImproperlyConfigured(
        "Folio no arranca sin SECRET_KEY: defina SECRET_KEY con una cadena aleatoria larga "
        "(python3 -c 'import secrets; print(secrets.token_urlsafe(50))'), o DEBUG=1 o "
        "FOLIO_DEV=1 solo en la computadora de quien desarrolla."
    )
application = get_wsgi_application()
