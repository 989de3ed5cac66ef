"""``ckanapi`` from PyPI, unchanged, against the live server on 127.0.0.1: its command
line and ``RemoteCKAN`` read the catalogue as they read any CKAN portal."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ckanapi import NotFound, RemoteCKAN, ValidationError  # type: ignore[import-untyped]

from web.opendata.models import Dataset

pytestmark = pytest.mark.django_db(transaction=True)
CKANAPI = Path(sys.executable).parent / "ckanapi"


@pytest.fixture
def portal_url(live_server: Any, settings: Any) -> str:
    """The live server by its IPv4 address (it listens on the loopback)."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "127.0.0.1"]
    return str(live_server.url).replace("//localhost:", "//127.0.0.1:")


def cli(url: str, *args: str) -> Any:
    run = subprocess.run(
        [str(CKANAPI), "action", *args, "-r", url],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_the_ckanapi_command_line_searches_shows_and_lists(
    published: Dataset, portal_url: str
) -> None:
    assert portal_url.startswith("http://127.0.0.1:")
    found = cli(
        portal_url, "package_search", "q=alumbrado", "fq=tags:colonias", 'facet.field=["groups"]'
    )
    assert found["count"] == 1
    assert found["results"][0]["name"] == published.name
    assert found["facets"]["groups"] == {"infraestructura": 1}
    shown = cli(portal_url, "package_show", f"id={published.name}")
    assert shown["resources"][0]["format"] == "CSV"
    assert cli(portal_url, "organization_list") == ["direccion-de-gobierno-electronico"]


def test_remote_ckan_reads_the_catalogue_and_its_rows(published: Dataset, portal_url: str) -> None:
    portal = RemoteCKAN(portal_url, user_agent="folio-tests")
    assert portal.action.package_list() == [published.name]
    result = portal.action.package_search(q="colonia", rows=5)
    assert [p["title"] for p in result["results"]] == [published.title]
    rid = portal.action.package_show(id=published.name)["resources"][0]["id"]
    rows = portal.action.datastore_search(resource_id=rid, filters={"colonia": "Centro"})
    assert rows["total"] == 1 and rows["records"][0]["reportes"] == 14
    with pytest.raises(NotFound):
        portal.action.package_show(id="no-existe")
    with pytest.raises(ValidationError):
        portal.action.package_show()
