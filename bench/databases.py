"""Where the benchmarks keep their data: a fresh SQLite file in a temporary folder, or a
fresh database on the PostgreSQL server named by ``FOLIO_TEST_DATABASE_URL`` (start one
with ``eval "$(bash .ci/postgres)"``). Never the database of the project itself."""

from __future__ import annotations

import os
from urllib.parse import urlparse, urlunparse

SQLITE_OPTIONS = {
    # Folio's own settings (web/settings.py), so that every SQLite store is tuned alike.
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=268435456;"
    ),
}


def postgres_server_url(flag: str | None) -> str:
    """The server to use: ``--pg URL``, else ``FOLIO_TEST_DATABASE_URL``; exits with a
    sentence when neither is set."""
    url = flag or os.environ.get("FOLIO_TEST_DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        raise SystemExit(
            'No PostgreSQL: give --pg postgres://… or run eval "$(bash .ci/postgres)" first.'
        )
    return url


def fresh_postgres(server_url: str, name: str) -> str:
    """Drop and create database ``name`` on the server; return its URL."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunparse(urlparse(server_url)._replace(path=f"/{name}"))


def store_label(database_url: str) -> str:
    return "postgresql" if database_url.startswith("postgres") else "sqlite"
