"""``folio backup`` → ``folio restore`` into an empty database → the log verifies, on
SQLite and on PostgreSQL, run as an operator would: the ``folio`` command in its own
process with its own ``var/``."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import pytest

from folio.demo import DEMO_TEXT

PG_URL = os.environ.get("FOLIO_TEST_DATABASE_URL", "")


def folio(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "folio.cli", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)


def office(var: Path, database_url: str = "") -> dict[str, str]:
    """The environment of one installation: its own var/ and database."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SQLITE_PATH")}
    env.update(FOLIO_VAR=str(var), DJANGO_SETTINGS_MODULE="web.settings")
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def backed_up(env: dict[str, str], out: Path) -> Path:
    imported = folio(env, "import", str(DEMO_TEXT))
    assert imported.returncode == 0, imported.stderr
    made = folio(env, "backup", "-o", str(out))
    assert made.returncode == 0, made.stderr
    assert "Respaldo escrito" in made.stdout
    (archive,) = out.glob("folio-respaldo-*.tar.gz")
    assert Path(f"{archive}.sha256").read_text().split()[1] == archive.name
    return archive


def test_a_sqlite_backup_restores_into_an_empty_database_and_verifies(tmp_path: Path) -> None:
    # given: an office with a manual imported (logged), backed up
    archive = backed_up(office(tmp_path / "oficina"), tmp_path / "respaldos")
    # when: restored into a new installation
    restored = folio(office(tmp_path / "nueva"), "restore", str(archive))
    # then
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "restaurado" in restored.stdout and "Bitácora íntegra" in restored.stdout
    check = folio(office(tmp_path / "nueva"), "audit", "verify")
    assert check.returncode == 0, check.stdout


def test_it_refuses_to_restore_over_a_database_in_use(tmp_path: Path) -> None:
    env = office(tmp_path / "oficina")
    archive = backed_up(env, tmp_path / "respaldos")
    refused = folio(env, "restore", str(archive))
    assert refused.returncode == 2
    assert "no está vacía" in refused.stderr and refused.stderr.count("\n") == 1


def test_it_refuses_an_archive_that_changed(tmp_path: Path) -> None:
    archive = backed_up(office(tmp_path / "oficina"), tmp_path / "respaldos")
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    archive.write_bytes(bytes(data))
    refused = folio(office(tmp_path / "nueva"), "restore", str(archive))
    assert refused.returncode == 2
    assert "no coincide con su suma" in refused.stderr
    assert not (tmp_path / "nueva" / "folio.sqlite3").exists() or not any(
        (tmp_path / "nueva" / "media").glob("*")
    )


@pytest.fixture
def two_databases() -> Iterator[tuple[str, str]]:
    import psycopg

    base = urlparse(PG_URL)
    names = [f"folio_respaldo_{uuid.uuid4().hex[:8]}_{side}" for side in ("origen", "destino")]
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield tuple(urlunparse(base._replace(path=f"/{n}")) for n in names)  # type: ignore[misc]
        finally:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.skipif(
    not PG_URL, reason="set FOLIO_TEST_DATABASE_URL=postgres://user@host:port/name to run on it"
)
def test_a_postgresql_backup_restores_and_verifies(
    tmp_path: Path, two_databases: tuple[str, str]
) -> None:
    source, target = two_databases
    archive = backed_up(office(tmp_path / "oficina", source), tmp_path / "respaldos")
    restored = folio(office(tmp_path / "nueva", target), "restore", str(archive))
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "Bitácora íntegra" in restored.stdout
