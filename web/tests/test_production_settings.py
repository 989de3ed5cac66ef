"""The production settings: Folio refuses to serve on the public development key, and
``manage.py check --deploy`` is clean with the README's production environment."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run(code: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """A new Python process with a clean environment plus ``env``: no DEBUG, FOLIO_DEV,
    SECRET_KEY or FOLIO_HTTPS unless given."""
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "FOLIO_DEV", "SECRET_KEY", "FOLIO_HTTPS", "ALLOWED_HOSTS"}
        and not k.startswith("PYTEST")
    }
    return subprocess.run(
        [sys.executable, *code],
        cwd=REPO,
        env={**base, "DJANGO_SETTINGS_MODULE": "web.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_it_refuses_to_serve_without_secret_key_when_debug_is_off() -> None:
    done = run(["-c", "import web.wsgi"])
    assert done.returncode != 0
    assert "ImproperlyConfigured: Folio no arranca sin SECRET_KEY" in done.stderr


def test_it_serves_on_the_development_key_on_a_developers_machine() -> None:
    for env in ({"FOLIO_DEV": "1"}, {"DEBUG": "1"}, {"SECRET_KEY": secrets.token_urlsafe(50)}):
        done = run(["-c", "import web.wsgi; print('listo')"], **env)
        assert done.returncode == 0, (env, done.stderr)
        assert done.stdout.strip() == "listo"


def readme_production_environment() -> dict[str, str]:
    """The variables of the README's production block (``NAME=value`` lines)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("- Production:", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    found = re.findall(r"^\s*([A-Z_]+)=(\S+)", block, flags=re.MULTILINE)
    return dict(found)


def test_it_passes_check_deploy_with_the_readme_production_environment() -> None:
    env = readme_production_environment()
    for name in ("DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "FOLIO_HTTPS"):
        assert name in env, f"the README's production settings no longer set {name}"
    env.pop("DATABASE_URL")  # checked on the test's own database: no PostgreSQL needed
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    env["FOLIO_LOG_FILE"] = ""
    done = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **env)
    assert done.returncode == 0, done.stderr
    assert "System check identified no issues" in done.stdout
    assert "WARNING" not in done.stderr


def test_it_warns_check_deploy_without_the_https_switch() -> None:
    done = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="folio.municipio.gob.mx",
    )
    assert done.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in done.stderr


def test_folio_demo_runs_on_the_development_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """``folio demo`` marks its process (and the gunicorn it becomes) a developer's."""
    from web import commands, demo

    monkeypatch.delenv("FOLIO_DEV", raising=False)
    monkeypatch.setattr(commands, "setup", lambda: None)
    monkeypatch.setattr(commands, "migrate", lambda: None)
    monkeypatch.setattr(demo, "seed", lambda: "")
    served: list[str] = []

    def serve(bind: str, migrated: bool) -> int:
        served.append(bind)
        return 0

    monkeypatch.setattr(commands, "serve", serve)
    assert commands.demo() == 0
    assert os.environ["FOLIO_DEV"] == "1"
    assert served == [commands.DEFAULT_BIND]
