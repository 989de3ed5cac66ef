"""``-o``: every place a user may point it at gets either the output, complete, or one
sentence and exit 2 with nothing partial left behind."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from folio import output
from folio.cli import main
from folio.demo import DEMO_TEXT


def export(fmt: str, target: Path) -> int:
    return main(["manual", "export", str(DEMO_TEXT), "--format", fmt, "-o", str(target)])


def refused(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    err = capsys.readouterr().err
    assert err.startswith("folio: ") and err.count("\n") == 1, err
    for word in words:
        assert word in err
    return err


@pytest.mark.parametrize("name", ["salida.txt", "manual.html"])
def test_it_refuses_a_directory_where_a_file_is_expected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    target = tmp_path / name
    target.mkdir()
    assert export("html", target) == 2
    refused(capsys, str(target), "es un directorio")
    assert list(target.iterdir()) == []


def test_it_refuses_a_missing_parent_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export("html", tmp_path / "no-existe" / "manual.html") == 2
    refused(capsys, "no-existe", "no existe")
    assert list(tmp_path.iterdir()) == []


def test_it_refuses_a_file_where_a_directory_is_needed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "diagramas"
    target.write_text("otra cosa")
    assert export("svg", target) == 2
    refused(capsys, "es un archivo")
    assert target.read_text() == "otra cosa"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["diagramas"]


@pytest.mark.parametrize(("fmt", "target"), [("pdf", "manual.pdf"), ("svg", "diagramas")])
def test_a_full_disk_leaves_nothing_partial(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    target: str,
) -> None:
    # given: the disk fills up while the (second) file is being written
    calls = []

    def full(path: Path, content: bytes) -> None:
        calls.append(path)
        path.write_bytes(content[: len(content) // 2])
        if len(calls) >= (2 if fmt == "svg" else 1):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output, "_write_all", full)
    # when
    assert export(fmt, tmp_path / target) == 2
    # then
    refused(capsys, "no queda espacio en el disco", "no se escribió nada")
    assert list(tmp_path.iterdir()) == []


def test_an_earlier_file_stays_whole_when_writing_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "manual.html"
    target.write_text("versión anterior")

    def denied(path: Path, content: bytes) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(output, "_write_all", denied)
    assert export("html", target) == 2
    refused(capsys, "no hay permiso")
    assert target.read_text() == "versión anterior"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["manual.html"]


def test_it_writes_into_an_existing_directory_and_replaces_files(tmp_path: Path) -> None:
    target = tmp_path / "diagramas"
    target.mkdir()
    (target / "P1.svg").write_text("viejo")
    assert export("svg", target) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["diagramas"]
    assert sorted(p.name for p in target.iterdir()) == ["P1.svg", "P2.svg"]
    assert (target / "P1.svg").read_text().startswith("<")
