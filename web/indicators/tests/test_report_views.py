"""The monthly reports' page: a head generates their unit's report, the list offers it,
the download is the stored bytes exactly, the check page says intact or altered; the
auditor reads every unit's reports; other staff none."""

from __future__ import annotations

import hashlib
from datetime import datetime

import pytest
from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from django.urls import reverse

from web.accounts.models import Unit
from web.cases.tests.conftest import SetClock
from web.conftest import signed_in
from web.indicators.report.models import StoredReport
from web.indicators.tests.conftest import World

pytestmark = pytest.mark.django_db


def generate(user: User, unit: Unit, month: str = "2026-03", fmt: str = "csv") -> str:
    response = signed_in(user).post(
        reverse("indicators:reports"), {"unit": str(unit.pk), "month": month, "format": fmt}
    )
    assert response.status_code in (200, 302)
    return response.content.decode()


def test_a_head_generates_downloads_and_checks(
    march: World, alicia: User, fernando: User, dge: Unit, clock: SetClock
) -> None:
    clock(datetime(2026, 4, 15, 10))
    generate(alicia, dge)
    stored = StoredReport.objects.get()
    listing = signed_in(fernando).get(reverse("indicators:reports")).content.decode()
    assert stored.filename == "informe-mensual-dge-2026-03.csv" and stored.filename in listing
    got = signed_in(fernando).get(reverse("indicators:report_download", args=[stored.pk]))
    assert got["Content-Disposition"] == f'attachment; filename="{stored.filename}"'
    assert hashlib.sha256(got.content).hexdigest() == stored.sha256 == got["X-Folio-SHA256"]
    check = reverse("indicators:report_check", args=[stored.pk])
    assert "Íntegro" in signed_in(alicia).get(check).content.decode()
    with open(default_storage.path(stored.file), "r+b") as handle:
        handle.write(b"X")
    assert "Alterado" in signed_in(alicia).get(check).content.decode()


def test_bad_months_and_other_units_are_refused(
    march: World, alicia: User, atencion: Unit, clock: SetClock
) -> None:
    clock(datetime(2026, 4, 15, 10))
    dge = Unit.objects.get(folio_prefix="DGE")
    assert "AAAA-MM" in generate(alicia, dge, "2026-3")
    assert "2026-05 no ha comenzado" in generate(alicia, dge, "2026-05")
    html = generate(alicia, atencion)  # the DAC is not below the DGE: not offered
    assert "Seleccione una opción válida" in html
    assert not StoredReport.objects.exists()


def test_staff_and_outsiders_see_no_reports(
    march: World, alicia: User, bruno: User, gabriela: User, dge: Unit, clock: SetClock
) -> None:
    clock(datetime(2026, 4, 15, 10))
    generate(alicia, dge)
    stored = StoredReport.objects.get()
    for who in (bruno, gabriela):
        assert signed_in(who).get(reverse("indicators:reports")).status_code == 403
        url = reverse("indicators:report_download", args=[stored.pk])
        assert signed_in(who).get(url).status_code == 404
