"""The exported BPMN opens in the vendored bpmn-js viewer, in real headless Chromium,
with no import warnings. Served from a temporary folder on 127.0.0.1; no network."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from folio.manuals.load import load_manual
from folio.render.bpmn import export_bpmn

from .conftest import SEED_000, SEED_003, SEED_004, needs_shared

CHROMIUM = Path("/usr/bin/chromium")
VENDOR = Path(__file__).resolve().parent.parent / "folio/render/static/vendor/bpmn-js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGE = """<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>Visor BPMN</title>
<link rel="stylesheet" href="diagram-js.css"><link rel="stylesheet" href="bpmn-js.css">
<style>html, body, #canvas { margin: 0; width: 100%; height: 100%; }</style>
</head><body><div id="canvas"></div>
<script src="bpmn-viewer.production.min.js"></script>
<script>
const viewer = new BpmnJS({ container: "#canvas" });
window.show = async (url) => {
  const xml = await (await fetch(url)).text();
  const { warnings } = await viewer.importXML(xml);
  viewer.get("canvas").zoom("fit-viewport");
  const shapes = viewer.get("elementRegistry").filter((e) => !e.waypoints && e.parent).length;
  return { warnings: warnings.map((w) => w.message), shapes };
};
</script></body></html>
"""

pytestmark = [
    needs_shared,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (apt-get install chromium)"
    ),
]

SEEDS = {"000": SEED_000, "003": SEED_003, "004": SEED_004}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A folder with the viewer page, the vendored bpmn-js and every seed procedure's
    BPMN, served on a random port of 127.0.0.1."""
    root = tmp_path_factory.mktemp("viewer")
    for name in ("bpmn-viewer.production.min.js", "diagram-js.css", "bpmn-js.css"):
        shutil.copy(VENDOR / name, root / name)
    (root / "index.html").write_text(PAGE, encoding="utf-8")
    for prefix, seed in SEEDS.items():
        for procedure in load_manual(seed).procedures:
            xml = export_bpmn(procedure)
            (root / f"{prefix}-{procedure.code}.bpmn").write_text(xml, encoding="utf-8")
    handler = partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", root
    server.shutdown()
    server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def viewer(site: tuple[str, Path]) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    base, _ = site
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1600, "height": 900})
        page.route("**/*", _only_local)
        page.goto(f"{base}/index.html")
        yield page
        browser.close()


def _only_local(route: Any) -> None:
    if route.request.url.startswith("http://127.0.0.1:"):
        route.continue_()
    else:
        route.abort()


def show(page: Any, key: str) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate("(url) => window.show(url)", f"{key}.bpmn")
    return result


@pytest.mark.parametrize("key", ["004-P15", "004-P1", "003-P1"])
def test_it_opens_in_bpmn_js_without_warnings(viewer: Any, key: str) -> None:
    result = show(viewer, key)

    assert result["warnings"] == []
    assert result["shapes"] > 10


def test_it_opens_every_seed_procedure_without_warnings(
    viewer: Any, site: tuple[str, Path]
) -> None:
    keys = sorted(path.stem for path in site[1].glob("*.bpmn"))
    results = {key: show(viewer, key) for key in keys}

    assert len(results) == 36
    assert {k: r["warnings"] for k, r in results.items() if r["warnings"]} == {}
    assert all(r["shapes"] > 3 for r in results.values())
