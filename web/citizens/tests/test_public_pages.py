"""The public pages, without an account: file a report (spam defences, limits, photo
without metadata), look its folio up, the map and list; staff add public notes."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from web.cases.actions import complete_task
from web.cases.models import ACTIVE_TASK_STATES, Case
from web.citizens.actions.reports import NewReport, PersonalData, file_report
from web.citizens.models import Report, Reporter, ServiceType
from web.citizens.tests.helpers import aged_token, jpeg_with_exif

FORM = {
    "description": "Luminaria apagada desde hace una semana",
    "address": "Calle 5 de Mayo 210, entre 2 y 4 Poniente",
    "colonia": "Centro",
    "first_name": "Eustolia Marroquín",
    "email": "eustolia.m@example.net",
    "phone": "2221234567",
    "wants_updates": "on",
    "privacy": "on",
    "website": "",
}


def form_data(service: ServiceType, **extra: Any) -> dict[str, Any]:
    answers = {f"a_{service.pk}_lamparas": "una", f"a_{service.pk}_poste": "P-9"}
    return {**FORM, **answers, "service": service.pk, "started": aged_token(), **extra}


def test_a_citizen_files_a_report_and_looks_it_up(
    client: Client,
    luminaria: ServiceType,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    page = client.get("/ciudadania/reportar/")
    assert page.status_code == 200
    assert "tile.openstreetmap.org" in page["Content-Security-Policy"]
    assert b"report-map" in page.content and b"<script>" not in page.content
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(
            "/ciudadania/reportar/", form_data(luminaria, lat="19.043", long="-98.2")
        )
    assert sent.status_code == 302, sent.content.decode()[:2000]
    case = Case.objects.get()
    assert sent["Location"].endswith(f"?folio={case.folio}")
    assert Reporter.objects.get(case=case).email == "eustolia.m@example.net"
    assert case.folio in mailoutbox[0].body
    found = client.get(sent["Location"])
    assert case.folio in found.content.decode() and "recibida" in found.content.decode()


def test_the_address_alone_works_without_the_map(client: Client, luminaria: ServiceType) -> None:
    assert client.post("/ciudadania/reportar/", form_data(luminaria)).status_code == 302
    assert Report.objects.get().lat is None


def test_a_required_question_is_refused_by_its_field(
    client: Client, luminaria: ServiceType
) -> None:
    page = client.post(
        "/ciudadania/reportar/", form_data(luminaria, **{f"a_{luminaria.pk}_lamparas": ""})
    )
    assert "¿Cuántas lámparas están apagadas?" in page.content.decode()
    assert not Case.objects.exists()
    client.post("/ciudadania/reportar/", form_data(luminaria))
    assert Report.objects.get().attributes == {"lamparas": "una", "poste": "P-9"}


def test_no_place_is_refused_naming_the_field(client: Client, luminaria: ServiceType) -> None:
    page = client.post("/ciudadania/reportar/", form_data(luminaria, address=""))
    assert page.status_code == 200
    assert "Marque el lugar en el mapa o escriba una dirección" in page.content.decode()
    assert not Case.objects.exists()


def test_bots_are_refused(client: Client, luminaria: ServiceType) -> None:
    filled = client.post("/ciudadania/reportar/", form_data(luminaria, website="http://spam"))
    fast = client.post("/ciudadania/reportar/", form_data(luminaria, started=aged_token(0)))
    forged = client.post("/ciudadania/reportar/", form_data(luminaria, started="123:abc"))
    assert all(r.status_code == 200 for r in (filled, fast, forged))
    assert not Case.objects.exists()


def test_an_address_over_its_limit_gets_429(
    client: Client, luminaria: ServiceType, settings: Any
) -> None:
    settings.FOLIO_CITIZEN_LIMITS = {"report": (2, 3600)}
    codes = [
        client.post("/ciudadania/reportar/", form_data(luminaria)).status_code for _ in range(3)
    ]
    assert codes == [302, 302, 429]
    assert Case.objects.count() == 2


def test_the_photo_is_kept_without_its_metadata(
    client: Client, luminaria: ServiceType, gabriela: User, bruno: User
) -> None:
    photo = SimpleUploadedFile("poste.jpg", jpeg_with_exif(), content_type="image/jpeg")
    assert (
        client.post("/ciudadania/reportar/", form_data(luminaria, photo=photo)).status_code == 302
    )
    stored = default_storage.open(Report.objects.get().photo.name).read()
    assert b"CamaraDePrueba" not in stored and b"Eustolia" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert not image.getexif()
    report = Report.objects.get()
    assert Client().get(f"/ciudadania/reporte/{report.pk}/foto/").status_code == 302
    staff, outsider = Client(), Client()
    staff.force_login(gabriela)
    outsider.force_login(bruno)
    shown = staff.get(f"/ciudadania/reporte/{report.pk}/foto/")
    assert shown.status_code == 200 and b"".join(shown.streaming_content) == stored  # type: ignore[attr-defined]
    assert outsider.get(f"/ciudadania/reporte/{report.pk}/foto/").status_code == 404
    assert "/foto/" in staff.get(f"/ciudadania/reporte/{report.pk}/").content.decode()


def test_a_false_photo_is_refused(client: Client, luminaria: ServiceType) -> None:
    fake = SimpleUploadedFile("poste.jpg", b"no soy una imagen", content_type="image/jpeg")
    page = client.post("/ciudadania/reportar/", form_data(luminaria, photo=fake))
    assert page.status_code == 200 and "poste.jpg" in page.content.decode()
    assert not Case.objects.exists()


def advance(case: Case, user: User, choice: str | None = None) -> None:
    task = case.tasks.get(state__in=ACTIVE_TASK_STATES)
    complete_task(task, user, choice)


def test_staff_move_the_case_and_the_lookup_follows(
    client: Client, luminaria: ServiceType, gabriela: User, hugo: User, ramon: User
) -> None:
    client.post("/ciudadania/reportar/", form_data(luminaria))
    case = Case.objects.get()
    states = []
    for user, choice in [
        (gabriela, None),
        (hugo, None),
        (ramon, None),
        (hugo, "En caso contrario"),
        (gabriela, None),
    ]:
        advance(case, user, choice)
        page = client.get(f"/ciudadania/folio/?folio={case.folio}").content.decode()
        states.append(page.split('id="report-state">')[1].split("<")[0])
    assert states == ["asignada", "en proceso", "en proceso", "verificada", "cerrada"]
    for name in ("Gabriela", "Hugo", "Ramón", "Soto", "Salinas", "Ortega"):
        assert name not in page


def test_public_notes_reach_the_page_and_the_mail(
    client: Client,
    luminaria: ServiceType,
    gabriela: User,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    client.post("/ciudadania/reportar/", form_data(luminaria))
    report = Report.objects.get()
    staff = Client()
    staff.force_login(gabriela)
    detail = staff.get(f"/ciudadania/reporte/{report.pk}/").content.decode()
    assert "eustolia.m@example.net" in detail  # gabriela holds a role of the 072 procedure
    assert "¿Cuántas lámparas están apagadas?" in detail and "Nota pública" in detail
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(f"/ciudadania/reporte/{report.pk}/", {"text": "La cuadrilla irá el jueves."})
    page = client.get(f"/ciudadania/folio/?folio={report.case.folio}").content.decode()
    assert "La cuadrilla irá el jueves." in page and "Gabriela" not in page
    assert "La cuadrilla irá el jueves." in mailoutbox[-1].body


def test_the_reporter_is_hidden_from_staff_who_do_not_need_it(
    luminaria: ServiceType, fernando: User, client: Client
) -> None:
    client.post("/ciudadania/reportar/", form_data(luminaria))
    report = Report.objects.get()
    auditor = Client()
    auditor.force_login(fernando)
    page = auditor.get(f"/ciudadania/reporte/{report.pk}/").content.decode()
    assert "eustolia" not in page and "Solo el personal" in page


def test_the_public_list_rounds_places(client: Client, luminaria: ServiceType) -> None:
    client.post("/ciudadania/reportar/", form_data(luminaria, lat="19.043219", long="-98.198765"))
    page = client.get("/ciudadania/reportes/").content.decode()
    assert "19.043" in page and "19.043219" not in page and "-98.199" in page


def test_the_apps_address_opens_the_report_form(client: Client) -> None:
    response = client.get("/ciudadania/")
    assert response.status_code == 302 and response["Location"] == "/ciudadania/reportar/"


def test_the_public_list_reads_one_page_whatever_the_number_of_reports(
    client: Client, luminaria: ServiceType, django_assert_max_num_queries: Any
) -> None:
    # given: 55 reports, more than a page of 50
    for n in range(55):
        new = NewReport(
            luminaria,
            f"Luminaria {n}",
            Decimal("19.043"),
            Decimal("-98.2"),
            colonia=f"Colonia {n}",
            attributes={"lamparas": "una"},
        )
        file_report(new, PersonalData())
    # when: the first page and the second, each in a fixed number of queries
    with django_assert_max_num_queries(12):
        first = client.get("/ciudadania/reportes/").content.decode()
    second = client.get("/ciudadania/reportes/?page=2").content.decode()
    # then: the newest 50, then the 5 oldest, and every point on the map
    assert "Colonia 54<" in first and "Colonia 5<" in first and "Colonia 4<" not in first
    assert all(f"Colonia {n}<" in second for n in range(5)) and "Colonia 5<" not in second
    assert first.count('"lat": 19.043') == 55
