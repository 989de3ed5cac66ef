"""``create_backup`` and ``restore_backup``: the two operations behind ``folio backup`` and
``folio restore``. Each records itself in the log (the *bitácora de respaldos*)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction

from web.backups.archive import (
    FORMAT,
    Backup,
    BackupError,
    checksums,
    dump_database,
    engine,
    open_checked,
    run_pg,
    sha256_of,
    write_archive,
)
from web.cases.log import append_event
from web.cases.models import EventKind, LogHead

#: Caches under MEDIA_ROOT that are rebuilt on demand and so are not backed up.
CACHES = ("exports", "source-pages")


@dataclass(frozen=True)
class Restored:
    archive: Path
    created_at: str
    log_seq: int


def create_backup(directory: Path) -> Backup:
    """Write a backup archive into ``directory`` (created if missing) and log it."""
    directory.mkdir(parents=True, exist_ok=True)
    head = LogHead.objects.filter(pk=1).first()
    seq = head.seq if head else 0
    with tempfile.TemporaryDirectory(prefix=".staging-", dir=directory) as tmp:
        staging = Path(tmp)
        dump_database(staging)
        media = Path(settings.MEDIA_ROOT)
        if media.is_dir():
            shutil.copytree(media, staging / "media", ignore=_skip_caches)
        anchors = Path(settings.FOLIO_AUDIT_ANCHORS)
        if anchors.is_file():
            shutil.copy2(anchors, staging / "audit-anchors.jsonl")
        manifest = {
            "format": FORMAT,
            "created_at": datetime.now(UTC).isoformat(),
            "database": engine(),
            "log_head": {"seq": seq, "hash": head.hash if head else ""},
            "files": checksums(staging),
        }
        path = write_archive(staging, directory, manifest)
    backup = Backup(path, sha256_of(path), path.stat().st_size, seq)
    with transaction.atomic():
        payload = {"archive": path.name, "sha256": backup.sha256, "size": backup.size}
        append_event(EventKind.BACKUP_CREATED, payload={**payload, "log_seq": seq})
    return backup


def _skip_caches(directory: str, names: list[str]) -> list[str]:
    top = Path(directory) == Path(settings.MEDIA_ROOT)
    return [name for name in names if top and name in CACHES]


def restore_backup(archive: Path) -> Restored:
    """Put ``archive`` back into the configured database, which must be empty, and its
    files under MEDIA_ROOT, which must be empty too; then log the restore."""
    with tempfile.TemporaryDirectory(prefix="folio-restore-") as tmp:
        unpacked = Path(tmp)
        manifest = open_checked(archive, unpacked)
        if manifest["database"] != engine():
            raise BackupError(
                f"{archive.name}: el respaldo es de {manifest['database']} y la base "
                f"configurada es {engine()}."
            )
        _refuse_if_not_empty()
        _restore_database(unpacked)
        if (unpacked / "media").is_dir():
            shutil.copytree(unpacked / "media", settings.MEDIA_ROOT, dirs_exist_ok=True)
        anchors = Path(settings.FOLIO_AUDIT_ANCHORS)
        if (unpacked / "audit-anchors.jsonl").is_file() and not anchors.exists():
            anchors.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(unpacked / "audit-anchors.jsonl", anchors)
    seq = int(manifest["log_head"]["seq"])
    with transaction.atomic():
        payload = {"archive": archive.name, "sha256": sha256_of(archive), "log_seq": seq}
        append_event(EventKind.BACKUP_RESTORED, payload=payload)
    return Restored(archive, str(manifest["created_at"]), seq)


def _refuse_if_not_empty() -> None:
    tables = connection.introspection.table_names()
    if tables:
        raise BackupError(
            f"la base de datos de destino no está vacía ({len(tables)} tablas); restaure "
            "en una base de datos nueva."
        )
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir() and any(media.iterdir()):
        raise BackupError(f"{media} no está vacío; restaure con un directorio de archivos nuevo.")


def _restore_database(unpacked: Path) -> None:
    if engine() == "postgresql":
        run_pg(
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            str(unpacked / "database.pgdump"),
        )
        return
    target = Path(str(settings.DATABASES["default"]["NAME"]))
    connection.close()
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)
    partial = target.with_name(f".{target.name}.restoring")
    with sqlite3.connect(unpacked / "database.sqlite3") as source, sqlite3.connect(partial) as out:
        source.backup(out)
    os.replace(partial, target)
