"""The manual page: how sure the import is, as one line and a badge per procedure."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from folio.demo import DEMO_TEXT
from web.catalog.models import CatalogManual
from web.conftest import signed_in

pytestmark = pytest.mark.django_db

#: The demo manual with P2's loop-back pointing at an activity it does not have.
NEEDS_REVIEW = DEMO_TEXT.read_text().replace(
    "No: regresa a la actividad 5.", "No: regresa a la actividad 12."
)


def test_it_shows_the_summary_and_a_badge_per_procedure(alicia: User) -> None:
    # given
    client = signed_in(alicia)
    upload = SimpleUploadedFile("manual.txt", NEEDS_REVIEW.encode())
    client.post("/catalogo/", {"file": upload})
    manual = CatalogManual.objects.get()
    # when
    body = client.get(f"/catalogo/manuales/{manual.pk}/").content.decode()
    # then
    assert "2 procedimientos, 1 sin observaciones, 1 por revisar: P2." in body
    rows = body.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert "Sin observaciones" in rows[0] and "Por revisar" not in rows[0]
    assert "Por revisar" in rows[1] and "Sin observaciones" not in rows[1]


def test_it_reads_procedures_stored_before_the_review_as_ok(alicia: User) -> None:
    # given: a version stored in format 1.0, before procedures carried "review"
    client = signed_in(alicia)
    client.post("/catalogo/", {"file": SimpleUploadedFile("m.txt", NEEDS_REVIEW.encode())})
    version = CatalogManual.objects.get().current
    assert version is not None
    version.data["format_version"] = "1.0"
    for procedure in version.data["procedures"]:
        del procedure["review"]
    version.save()
    for row in version.procedures.all():
        del row.data["review"]
        row.save()
    # when
    body = client.get(f"/catalogo/manuales/{version.manual_id}/").content.decode()
    # then
    assert "2 procedimientos, 2 sin observaciones." in body
    assert "Por revisar" not in body
