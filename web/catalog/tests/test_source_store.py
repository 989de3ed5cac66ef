"""Imports keep the uploaded file, once per content, to show beside the data."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from django.conf import settings

from folio.demo import DEMO_TEXT
from web.catalog.actions import import_manual_file, import_manual_upload
from web.catalog.source.store import store_source

pytestmark = pytest.mark.django_db


def test_it_keeps_the_imported_bytes_under_their_hash() -> None:
    content = DEMO_TEXT.read_bytes()
    sha = hashlib.sha256(content).hexdigest()
    version, _ = import_manual_upload("manual.txt", content)
    assert version.source_file.name == f"manual-sources/{sha[:2]}/{sha}.txt"
    assert Path(version.source_file.path).read_bytes() == content


def test_it_stores_the_same_content_once(tmp_path: Path) -> None:
    # given: the same bytes uploaded under two names (two manuals, one file)
    content = DEMO_TEXT.read_bytes()
    first, _ = import_manual_upload("manual.txt", content)
    # when
    again, created = import_manual_file(DEMO_TEXT)
    # then
    stored = list((Path(settings.MEDIA_ROOT) / "manual-sources").rglob("*"))
    assert [p for p in stored if p.is_file()] == [Path(first.source_file.path)]
    assert (again.pk, created) == (first.pk, False)


def test_it_gives_an_old_version_its_file_when_imported_again() -> None:
    # given: a version imported before files were kept
    version, _ = import_manual_file(DEMO_TEXT)
    Path(version.source_file.path).unlink()
    version.source_file = ""
    version.save()
    # when
    again, created = import_manual_file(DEMO_TEXT)
    # then
    assert not created and again.source_file.name.endswith(".txt")
    assert Path(again.source_file.path).read_bytes() == DEMO_TEXT.read_bytes()


def test_it_never_leaves_a_partial_file_beside_the_kept_one() -> None:
    name = store_source("a.pdf", b"%PDF-1.4 tiny", "ab" * 32)
    assert name == f"manual-sources/ab/{'ab' * 32}.pdf"
    folder = Path(settings.MEDIA_ROOT) / "manual-sources" / "ab"
    assert [p.name for p in folder.iterdir()] == [f"{'ab' * 32}.pdf"]
    assert store_source("b.pdf", b"%PDF-1.4 tiny", "ab" * 32) == name
