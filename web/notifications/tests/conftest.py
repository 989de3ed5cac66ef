"""The notice tests use the case tests' clock and never reach a mail server."""

from __future__ import annotations

from typing import Any

import pytest

from web.cases.tests.conftest import clock  # noqa: F401 (a fixture the tests use)


@pytest.fixture(autouse=True)
def outbox(settings: Any) -> None:
    """Messages go to ``django.core.mail.outbox``."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
