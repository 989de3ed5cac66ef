"""Browser tests: real headless Chromium (Debian's ``/usr/bin/chromium``, driven by
Playwright; never ``playwright install``) against pytest-django's live server.

Skipped, with the reason, when Chromium or the seed manuals in ``../shared`` are absent.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from folio.demo import SEEDS
from web.accounts.models import Unit
from web.catalog.actions import import_manual_file
from web.catalog.models import ManualVersion, Role
from web.conftest import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: Where to also save screenshots (``FOLIO_E2E_SHOTS=docs/img``); a temporary folder else.
SHOTS = os.environ.get("FOLIO_E2E_SHOTS", "")

SignIn = Callable[[User], Any]


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed: the browser tests need Debian's chromium")
    # Playwright's sync API runs an event loop in this thread; the test's own database
    # reads are still synchronous, so Django's async guard is lifted for this test only.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> None:
    """Documents the browser registers are stored under the test's folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def seed_dge(dge: Unit, dge_roles: dict[str, Role]) -> ManualVersion:
    """Seed 004, the Dirección de Gobierno Electrónico's manual, run by the DGE."""
    found = sorted(SEEDS.glob("004_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"the seed manuals are not in {SEEDS} (../shared is absent)")
    version, _ = import_manual_file(found[0], unit=dge)
    return version


@pytest.fixture
def sign_in(browser: Any, live_server: Any) -> Iterator[SignIn]:
    """``sign_in(user)``: a page of a fresh browser window where ``user`` signed in."""
    contexts: list[Any] = []

    def open_for(user: User) -> Any:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="es-MX")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{live_server.url}/cuentas/entrar/")
        page.get_by_label("Usuario").fill(user.username)
        page.get_by_label("Contraseña").fill(PASSWORD)
        page.get_by_role("button", name="Entrar").click()
        page.wait_for_url(lambda url: "/cuentas/entrar/" not in url)
        return page

    yield open_for
    for context in contexts:
        context.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    target = Path(SHOTS) if SHOTS else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    return target
