"""A server error reaches the log with its traceback: on standard error, and in the file
``FOLIO_LOG_FILE`` names (a relative name is under ``var/``)."""

from __future__ import annotations

import io
import logging.config
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path

from web.logs import logging_config


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("la vista de prueba falló a propósito")


urlpatterns = [path("falla/", broken)]


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[tuple[Path, io.StringIO]]:
    """The log configured as the settings do with ``FOLIO_LOG_FILE=logs/folio.log``; its
    standard-error handler writes to a buffer the test reads."""
    config = logging_config("logs/folio.log", tmp_path)
    stderr = io.StringIO()
    config["handlers"]["stderr"]["stream"] = stderr
    logging.config.dictConfig(config)
    yield tmp_path / "logs" / "folio.log", stderr
    logging.config.dictConfig(django_settings.LOGGING)


@pytest.mark.urls("web.tests.test_server_error_log")
def test_it_logs_a_server_error_with_its_traceback(
    logs: tuple[Path, io.StringIO], settings: Any, db: None
) -> None:
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get("/falla/")
    assert response.status_code == 500
    log_file, stderr = logs
    for logged in (log_file.read_text(encoding="utf-8"), stderr.getvalue()):
        assert "ERROR django.request: Internal Server Error: /falla/" in logged
        assert "Traceback (most recent call last):" in logged
        assert "RuntimeError: la vista de prueba falló a propósito" in logged


def test_it_logs_to_standard_error_only_without_a_file(tmp_path: Path) -> None:
    config = logging_config("", tmp_path)
    assert config["handlers"] == {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "plain",
        }
    }
    assert config["loggers"]["django"]["handlers"] == ["stderr"]
    absolute = logging_config(str(tmp_path / "otro" / "folio.log"), tmp_path / "var")
    assert absolute["handlers"]["file"]["filename"] == str(tmp_path / "otro" / "folio.log")
    assert absolute["loggers"]["django"]["handlers"] == ["stderr", "file"]
