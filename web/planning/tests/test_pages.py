"""The planning pages: every page answers, the import refuses a bad file by row and saves
nothing, the Enlace captures through the form and the institute reviews it."""

from __future__ import annotations

import io

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook  # type: ignore[import-untyped]

from folio.planning.pmd_import import COLUMNS
from web.accounts.models import Unit
from web.conftest import signed_in
from web.planning.models import Enlace, Goal, PlanElement, Pmd, Progress, ProgressState


def xlsx(rows: list[list[str]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_every_page_answers(goal: Goal, mariana: User, enlace_dac: User) -> None:
    pmd = Pmd.objects.create(name="PMD San Isidro", start_year=2025, end_year=2027)
    eje = PlanElement.objects.create(pmd=pmd, level="eje", key="1", title="Eje uno")
    pat = goal.project.program.pat
    urls = [
        reverse("planning:home"),
        reverse("planning:pmd-detail", args=[pmd.pk]),
        reverse("planning:pmd-import", args=[pmd.pk]),
        reverse("planning:pmd-report", args=[pmd.pk]),
        reverse("planning:element-create", args=[pmd.pk, "objetivo"]),
        reverse("planning:element-edit", args=[pmd.pk, eje.pk]),
        reverse("planning:ods"),
        reverse("planning:enlace-list"),
        reverse("planning:pat-create"),
        reverse("planning:pat-detail", args=[pat.pk]),
        reverse("planning:program-create", args=[pat.pk]),
        reverse("planning:project-edit", args=[goal.project.program_id, goal.project_id]),
        reverse("planning:goal-edit", args=[goal.project_id, goal.pk]),
        reverse("planning:goal-detail", args=[goal.pk]),
        reverse("planning:report-monthly") + "?month=2026-11",
    ]
    client = signed_in(mariana)
    for url in urls:
        assert client.get(url).status_code == 200, url
    pdf = client.get(reverse("planning:pmd-report", args=[pmd.pk]) + "?format=pdf")
    assert pdf.content.startswith(b"%PDF")
    template = client.get(reverse("planning:pmd-template"))
    assert template["Content-Type"].startswith("application/vnd.openxmlformats")
    enlace = signed_in(enlace_dac)
    assert enlace.get(reverse("planning:pmd-import", args=[pmd.pk])).status_code == 403
    assert enlace.get(reverse("planning:goal-detail", args=[goal.pk])).status_code == 200


def test_import_with_bad_rows_saves_nothing(mariana: User) -> None:
    pmd = Pmd.objects.create(name="PMD", start_year=2025, end_year=2027)
    rows = [list(COLUMNS), ["Eje", "1", "Bien", "", "", "", "", ""],
            ["Objetivo", "2.1", "Sin eje", "", "", "", "", ""]]  # fmt: skip
    upload = SimpleUploadedFile("pmd.xlsx", xlsx(rows))
    url = reverse("planning:pmd-import", args=[pmd.pk])
    response = signed_in(mariana).post(url, {"file": upload})
    assert response.status_code == 200
    assert (
        "fila 3, columna &#x27;Clave&#x27;: no hay una fila anterior" in response.content.decode()
    )
    assert not pmd.elements.exists()
    good = SimpleUploadedFile("pmd.xlsx", xlsx(rows[:2]))
    assert signed_in(mariana).post(url, {"file": good}).status_code == 302
    assert pmd.elements.get().title == "Bien"


def test_capture_and_review_through_the_pages(goal: Goal, enlace_dac: User, mariana: User) -> None:
    evidence = [
        SimpleUploadedFile("bitacora.txt", b"Bitacora del mes\n"),
        SimpleUploadedFile("oficio.txt", b"Oficio de entrega\n"),
    ]
    data = {"month": "11", "value": "37", "narrative": "Se atendieron 37.", "evidence": evidence}
    url = reverse("planning:goal-detail", args=[goal.pk])
    assert signed_in(enlace_dac).post(url, data).status_code == 302
    progress = Progress.objects.get()
    assert sorted(progress.case.documents.values_list("name", flat=True)) == [
        "bitacora.txt",
        "oficio.txt",
    ]
    home = reverse("planning:home")
    assert progress.case.folio in signed_in(mariana).get(home).content.decode()
    review = reverse("planning:progress-review", args=[progress.pk])
    signed_in(mariana).post(review, {"decision": "return", "observations": "Falta firma."})
    assert progress.case.folio not in signed_in(mariana).get(home).content.decode()
    assert progress.case.folio in signed_in(enlace_dac).get(home).content.decode()
    progress.refresh_from_db()
    assert progress.state == ProgressState.RETURNED
    page = signed_in(enlace_dac).get(reverse("planning:progress-detail", args=[progress.pk]))
    assert "Falta firma." in page.content.decode()
    correct = reverse("planning:progress-correct", args=[progress.pk])
    signed_in(enlace_dac).post(correct, {"value": "38", "narrative": "Con firma."})
    signed_in(mariana).post(review, {"decision": "validate", "observations": ""})
    progress.refresh_from_db()
    assert progress.state == ProgressState.VALIDATED and str(progress.value) == "38.00"
    report = signed_in(mariana).get(reverse("planning:report-monthly") + "?month=2026-11")
    assert progress.case.folio in report.content.decode()
    pdf = signed_in(mariana).get(reverse("planning:report-monthly") + "?month=2026-11&format=pdf")
    assert pdf.content.startswith(b"%PDF")


def test_a_liaison_works_in_the_unit(mariana: User, atencion: Unit, bruno: User) -> None:
    url = reverse("planning:enlace-list")
    data = {"unit": atencion.pk, "role": "planeacion", "person": bruno.pk,
            "designated_on": "2026-01-15", "active": "on"}  # fmt: skip
    page = signed_in(mariana).post(url, data)
    assert (
        page.status_code == 200
        and "no trabaja en Dirección de Atención Ciudadana" in page.content.decode()
    )
    assert not Enlace.objects.exists()
