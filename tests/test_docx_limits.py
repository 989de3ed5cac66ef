"""A DOCX is a zip archive: one that would unpack to gigabytes (a zip bomb) or whose
compressed data is corrupt is refused with one sentence, before anything is unpacked
or without a traceback."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import docx
import pytest

from folio.manuals.blocks import ParseError
from folio.manuals.sources.docx import read_docx_rows


def a_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Manual de Procedimientos")
    document.save(str(path))
    return path


def declare_size(path: Path, member: str, size: int) -> None:
    """Rewrite the central directory so ``member`` claims to unpack to ``size`` bytes,
    as a zip bomb's directory does (Python never unpacks past the declared size)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    at = 0
    while True:
        at = data.find(b"PK\x01\x02", at)
        assert at >= 0, member
        length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + length]) == name:
            struct.pack_into("<I", data, at + 24, size)
            break
        at += 4
    path.write_bytes(bytes(data))


def test_it_refuses_a_docx_that_unpacks_to_gigabytes(tmp_path: Path) -> None:
    path = a_docx(tmp_path / "bomba.docx")
    declare_size(path, "word/document.xml", 4_700_000_000 % (1 << 32))

    with pytest.raises(ParseError) as refused:
        read_docx_rows(path)

    assert "bomba.docx" in str(refused.value) and "se descomprime" in str(refused.value)


def test_it_refuses_one_part_compressed_beyond_any_document(tmp_path: Path) -> None:
    path = tmp_path / "comprimido.docx"
    a_docx(tmp_path / "base.docx")
    with zipfile.ZipFile(tmp_path / "base.docx") as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            out.writestr(item, src.read(item.filename), zipfile.ZIP_DEFLATED)
        out.writestr("word/media/ceros.bin", b"\0" * (20 * 1024 * 1024), zipfile.ZIP_DEFLATED)

    with pytest.raises(ParseError, match="se descomprime"):
        read_docx_rows(path)


def test_it_refuses_a_corrupt_deflate_stream_without_a_traceback(tmp_path: Path) -> None:
    path = a_docx(tmp_path / "roto.docx")
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
    data = bytearray(path.read_bytes())
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    start = info.header_offset + 30 + name_length + extra_length
    for offset in range(start + 2, start + min(info.compress_size, 40)):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))

    with pytest.raises(ParseError, match="dañado"):
        read_docx_rows(path)
