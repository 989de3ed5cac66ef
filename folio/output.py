"""Writing what the CLI produced, all or nothing.

Every file is written to a temporary name beside its destination and moved into place
only when complete (``os.replace``), so a full disk, a refused permission or an
interrupted run never leaves a half-written file, and an earlier file of the same name
stays as it was. A destination that cannot be used (a directory where a file is wanted,
a file where a directory is wanted, a parent that does not exist) is refused in one
sentence before anything is written.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from folio.render.export import Output


class OutputError(Exception):
    """The output cannot be written where asked; ``str(err)`` is one sentence."""


def write_file(path: Path, content: bytes) -> Path:
    """Write ``content`` to ``path`` atomically."""
    if path.is_dir():
        raise OutputError(f"{path}: es un directorio; indique la ruta de un archivo.")
    parent = path.parent
    if not parent.is_dir():
        what = "es un archivo" if parent.exists() else "no existe"
        raise OutputError(f"{path}: el directorio {parent} {what}.")
    _guarded(path, lambda: _replace_with(path, content))
    return path


def write_files(directory: Path, outputs: Sequence[Output]) -> list[Path]:
    """Write ``outputs`` into ``directory`` (created when its parent exists), each file
    atomically; nothing is written when any cannot be."""
    if directory.exists() and not directory.is_dir():
        raise OutputError(
            f"{directory}: es un archivo; para varios archivos indique un directorio."
        )
    if not directory.parent.is_dir():
        what = "es un archivo" if directory.parent.exists() else "no existe"
        raise OutputError(f"{directory}: el directorio {directory.parent} {what}.")
    names = [o.name for o in outputs]
    if len(set(names)) != len(names):
        raise OutputError(f"{directory}: dos salidas tendrían el mismo nombre de archivo.")
    clashes = [directory / n for n in names if (directory / n).is_dir()]
    if clashes:
        raise OutputError(f"{clashes[0]}: es un directorio; no se puede escribir ahí el archivo.")
    _guarded(directory, lambda: _fill(directory, outputs))
    return [directory / n for n in names]


def _fill(directory: Path, outputs: Sequence[Output]) -> None:
    """Write every output into a temporary directory beside ``directory``, then move the
    files into place (the directory itself, when it is new)."""
    staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", dir=directory.parent))
    try:
        for output in outputs:
            _write_all(staging / output.name, output.content)
        if not directory.exists():
            staging.rename(directory)
            return
        for output in outputs:
            os.replace(staging / output.name, directory / output.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _replace_with(path: Path, content: bytes) -> None:
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        _write_all(temporary, content)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _write_all(path: Path, content: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def _guarded(target: Path, write: Callable[[], None]) -> None:
    """Run ``write`` and turn the operating system's refusals into one sentence."""
    try:
        write()
    except OSError as err:
        raise OutputError(f"{target}: {_reason(err)}; no se escribió nada.") from err


def _reason(err: OSError) -> str:
    reasons = {
        errno.ENOSPC: "no queda espacio en el disco",
        errno.EDQUOT: "se agotó la cuota de disco",
        errno.EACCES: "no hay permiso para escribir ahí",
        errno.EPERM: "no hay permiso para escribir ahí",
        errno.EROFS: "el disco es de solo lectura",
        errno.ENAMETOOLONG: "el nombre es demasiado largo",
    }
    return reasons.get(err.errno or 0, f"no se pudo escribir ({err.strerror or err})")
