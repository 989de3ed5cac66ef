"""Where the server's log goes: standard error always (gunicorn's and the service
manager's log), and a file when ``FOLIO_LOG_FILE`` names one. A server error is
written with its traceback (Django's ``django.request`` logger, level ERROR).

Plain Python, imported by the settings before Django is set up.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def logging_config(log_file: str, var_dir: Path) -> dict[str, Any]:
    """Django's ``LOGGING`` for stderr, plus ``log_file`` (relative to ``var_dir``)."""
    handlers: dict[str, dict[str, Any]] = {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "plain",
        },
    }
    if log_file:
        path = Path(log_file)
        path = path if path.is_absolute() else var_dir / path
        path.parent.mkdir(parents=True, exist_ok=True)
        handlers["file"] = {
            # Reopens the file after logrotate moves it away.
            "class": "logging.handlers.WatchedFileHandler",
            "filename": str(path),
            "encoding": "utf-8",
            "formatter": "plain",
        }
    names = list(handlers)
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": FORMAT}},
        "handlers": handlers,
        "loggers": {
            "django": {"handlers": names, "level": "INFO", "propagate": True},
            "axes": {"handlers": names, "level": "WARNING", "propagate": True},
            "web": {"handlers": names, "level": "INFO", "propagate": True},
        },
    }
