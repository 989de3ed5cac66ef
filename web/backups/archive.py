"""Making and checking a backup archive.

The archive is a ``.tar.gz`` holding ``manifest.json`` (format, creation time, database
engine, the log head at the snapshot, and the SHA-256 of every other member), the
database (``database.sqlite3`` or ``database.pgdump``), ``media/`` (case documents,
imported manuals) and ``audit-anchors.jsonl`` when there is one. Beside it,
``<archive>.sha256`` in ``sha256sum`` format. It is written under a temporary name and
renamed when complete, so a failed backup leaves nothing that looks like one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection

FORMAT = 1
MANIFEST = "manifest.json"


class BackupError(Exception):
    """A backup or restore that cannot go on; ``str(err)`` is one sentence."""


@dataclass(frozen=True)
class Backup:
    path: Path
    sha256: str
    size: int
    log_seq: int


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def engine() -> str:
    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


def dump_database(target: Path) -> Path:
    """Copy the live database into ``target``'s directory; returns the file written."""
    if engine() == "postgresql":
        out = target / "database.pgdump"
        run_pg("pg_dump", "--format=custom", "--no-owner", "--no-privileges", "-f", str(out))
        return out
    out = target / "database.sqlite3"
    connection.ensure_connection()
    live: Any = connection.connection
    with sqlite3.connect(out) as copy:
        live.backup(copy)  # SQLite's online backup: a consistent snapshot while in use
    return out


def run_pg(program: str, *args: str) -> None:
    """Run a PostgreSQL client program against the configured database."""
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    command = [
        shutil.which(program) or program,
        "-h",
        str(db.get("HOST") or "127.0.0.1"),
        "-p",
        str(db.get("PORT") or "5432"),
        "-U",
        str(db.get("USER") or "postgres"),
        "-d",
        str(db["NAME"]),
        *args,
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise BackupError(f"{program} falló: {detail[-1] if detail else done.returncode}.")


def write_archive(staging: Path, directory: Path, manifest: dict[str, Any]) -> Path:
    """Pack ``staging`` (and the manifest) into ``directory`` atomically."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    final = directory / f"folio-respaldo-{stamp}.tar.gz"
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
    handle, name = tempfile.mkstemp(prefix=".folio-respaldo-", dir=directory)
    os.close(handle)
    partial = Path(name)
    try:
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(staging / MANIFEST, arcname=MANIFEST)
            for path in sorted(staging.rglob("*")):
                if path.is_file() and path.name != MANIFEST:
                    archive.add(path, arcname=str(path.relative_to(staging)))
        with partial.open("rb") as flushed:
            os.fsync(flushed.fileno())
        os.replace(partial, final)
    finally:
        partial.unlink(missing_ok=True)
    digest = sha256_of(final)
    Path(f"{final}.sha256").write_text(f"{digest}  {final.name}\n")
    return final


def checksums(staging: Path) -> dict[str, str]:
    return {
        str(path.relative_to(staging)): sha256_of(path)
        for path in sorted(staging.rglob("*"))
        if path.is_file()
    }


def open_checked(archive: Path, into: Path) -> dict[str, Any]:
    """Unpack ``archive`` into ``into`` after checking its sidecar checksum, then every
    member against the manifest; returns the manifest."""
    if not archive.is_file():
        raise BackupError(f"{archive}: no existe ese respaldo.")
    sidecar = Path(f"{archive}.sha256")
    if sidecar.is_file():
        expected = sidecar.read_text().split()[0]
        if sha256_of(archive) != expected:
            raise BackupError(f"{archive}: el archivo no coincide con su suma {sidecar.name}.")
    try:
        with tarfile.open(archive, "r:gz") as packed:
            packed.extractall(into, filter="data")
    except (tarfile.TarError, OSError, EOFError) as err:
        raise BackupError(f"{archive}: el respaldo está dañado ({err}).") from err
    manifest_path = into / MANIFEST
    if not manifest_path.is_file():
        raise BackupError(f"{archive}: no es un respaldo de Folio (falta {MANIFEST}).")
    manifest: dict[str, Any] = json.loads(manifest_path.read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{archive}: formato de respaldo {manifest.get('format')!r} desconocido.")
    for name, digest in manifest["files"].items():
        member = into / name
        if not member.is_file() or sha256_of(member) != digest:
            raise BackupError(f"{archive}: {name} no coincide con el manifiesto.")
    return manifest
