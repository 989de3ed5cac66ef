"""Issue 9's two stories end to end in Chromium, with cases run on what the editor saved:

1. A manual read wrong is corrected in the editor; a case started before keeps version 1
   while a new case follows the corrected branch ("No" at activity 6 returns to 5).
2. A procedure is written from scratch — five steps, one decision — and a case runs
   through it to the end.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from web.accounts.models import Unit
from web.cases.actions import open_case
from web.cases.models import Case, CaseState, Task
from web.catalog.actions import ensure_role, import_manual_upload
from web.catalog.models import CatalogManual, Procedure
from web.catalog.tests.test_procedure_detail import UNPLACED_ROW
from web.e2e.conftest import SignIn

pytestmark = pytest.mark.django_db(transaction=True)

MISREAD = UNPLACED_ROW.replace("No: regresa a la actividad 5.", "No: regresa a la actividad 15.")
P2_ROLES = (
    "Auxiliar Administrativo/a",
    "Director/a de Atención Ciudadana",
    "Analista de Atención Ciudadana",
)


def holds(user: User, *names: str) -> None:
    for name in names:
        ensure_role(name).members.add(user)


def start_case(page: Any, live_server: Any, procedure: str, subject: str) -> str:
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Iniciar un caso").first.click()
    page.get_by_label("Procedimiento").select_option(label=procedure)
    page.get_by_label("Asunto").fill(subject)
    page.get_by_role("button", name="Iniciar el caso").click()
    page.wait_for_url(re.compile(r"/casos/\d+/$"))
    return str(page.url)


def complete(page: Any, url: str, step: str, choice: str | None = None) -> None:
    page.goto(url)
    if choice is not None:
        page.get_by_label(choice, exact=True).check()
    page.get_by_role("button", name=f"Completar la actividad {step}").click()
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text(f"La actividad {step} quedó completada.")


def waiting_step(case: Case) -> tuple[str, int]:
    task = Task.objects.filter(case=case, state__in=["open", "claimed"]).get()
    return task.step_number, task.pass_number


def test_a_corrected_branch_runs_in_new_cases_and_old_cases_keep_their_version(
    sign_in: SignIn, alicia: User, gabriela: User, atencion: Unit, live_server: Any
) -> None:
    # given: P2 imported for the Dirección de Atención Ciudadana with its "No" at 6 read
    # as a jump to a step that does not exist; Gabriela holds its roles and has a case
    version, _ = import_manual_upload(
        "manual-demo.txt", MISREAD.encode(), user=alicia, unit=atencion
    )
    holds(gabriela, *P2_ROLES)
    p2_v1 = version.procedures.get(code="P2")
    assert p2_v1.needs_review
    before = open_case(p2_v1, gabriela, "Solicitud de información (antes de corregir)")
    # when: the Directora fixes the jump in the editor and saves version 2 with a note
    admin = sign_in(alicia)
    admin.goto(f"{live_server.url}/catalogo/procedimientos/{p2_v1.pk}/")
    expect(admin.get_by_text("Por revisar").first).to_be_visible()
    admin.get_by_role("link", name="Editar", exact=True).click()
    row = admin.locator("[id='paso-6']")
    row.locator("select[name=target]").first.select_option("5")
    row.get_by_role("button", name="Guardar paso").click()
    expect(admin.locator("#findings")).not_to_contain_text("FOL201")
    admin.get_by_label("Qué cambió").fill("El rechazo del paso 6 regresa al paso 5.")
    admin.get_by_role("button", name="Guardar el manual").click()
    expect(admin.get_by_text("Se guardó como versión 2.")).to_be_visible()
    # and Gabriela starts a new case, which reaches activity 6 and answers "No"
    clerk = sign_in(gabriela)
    title = "P2. Procedimiento para la atención de solicitudes de información por oficio."
    url = start_case(clerk, live_server, title, "Solicitud de información (corregida)")
    after = Case.objects.get(pk=int(url.rstrip("/").split("/")[-1]))
    for step, choice in (("1", None), ("2", None), ("3", "En caso contrario")):
        complete(clerk, url, step, choice)
    for step, choice in (("4", None), ("5", None), ("6", "No")):
        complete(clerk, url, step, choice)
    # then: the new case runs version 2 and went back to activity 5 (second pass)
    assert after.procedure.version.number == 2
    assert waiting_step(after) == ("5", 2)
    # and the case started before still runs version 1, as its page says
    before.refresh_from_db()
    assert before.procedure_id == p2_v1.pk and before.state == CaseState.OPEN
    clerk.goto(f"{live_server.url}/casos/{before.pk}/")
    expect(clerk.locator("main")).to_contain_text("(versión 1)")


STEPS = (
    ("Auxiliar Administrativo/a", "Recibe la solicitud de constancia y la registra."),
    ("Analista de Atención Ciudadana", "Revisa que la solicitud traiga sus anexos."),
    ("Director/a de Atención Ciudadana", "Decide si procede la constancia."),
    ("Analista de Atención Ciudadana", "Elabora la constancia y la presenta a firma."),
    ("Auxiliar Administrativo/a", "Entrega la constancia y archiva el acuse."),
)


def posted(page: Any, button: Any) -> None:
    """Click ``button`` and wait for the server's answer (htmx swaps the row after it), so
    the next click never lands on a row that is about to be replaced."""
    with page.expect_response(lambda r: r.request.method == "POST" and "/borradores/" in r.url):
        button.click()
    page.wait_for_load_state()


def write_step(page: Any, number: str, responsible: str, activity: str) -> None:
    row = page.locator(f"[id='paso-{number}']")
    row.locator("input[name=responsible]").first.fill(responsible)
    row.locator("textarea[name=activity]").fill(activity)
    posted(page, row.get_by_role("button", name="Guardar paso"))
    expect(page.locator(f"[id='paso-{number}'] textarea[name=activity]")).to_have_value(activity)


def test_a_procedure_written_from_scratch_runs_a_case_to_the_end(
    sign_in: SignIn, alicia: User, gabriela: User, atencion: Unit, live_server: Any, shots: Path
) -> None:
    # given: the Directora writes a new manual for the Dirección de Atención Ciudadana
    admin = sign_in(alicia)
    admin.goto(f"{live_server.url}/catalogo/manuales/nuevo/")
    admin.get_by_label("Título").fill("Manual de Procedimientos de Constancias")
    admin.get_by_label("Unidad").select_option(label=atencion.name)
    admin.get_by_role("button", name=re.compile("^(Crear|Guardar)")).click()
    manual = CatalogManual.objects.get(title="Manual de Procedimientos de Constancias")
    # when: she starts a procedure from a blank table and writes five steps
    admin.goto(f"{live_server.url}/catalogo/manuales/{manual.pk}/")
    admin.get_by_text("Nuevo procedimiento").click()
    admin.get_by_role("button", name="Escribirlo").click()
    admin.get_by_label("Nombre", exact=True).fill("Procedimiento para expedir constancias.")
    admin.get_by_label("Clave", exact=True).fill("C1")
    admin.get_by_role("button", name="Guardar encabezado").click()
    write_step(admin, "1", *STEPS[0])
    for number in range(2, 6):
        add = admin.locator(f"[id='paso-{number - 1}']").get_by_role(
            "button", name="Agregar un paso después"
        )
        posted(admin, add)
        expect(admin.locator(f"[id='paso-{number}']")).to_be_visible()
        write_step(admin, str(number), *STEPS[number - 1])
    # and makes step 3 a decision: "Sí" goes on to 4, "No" ends the procedure
    row = admin.locator("[id='paso-3']")
    row.locator("textarea[name=questions]").fill("¿Procede la constancia?")
    row.locator("input[name=when]").nth(0).fill("Sí")
    row.locator("select[name=target]").nth(0).select_option("4")
    row.locator("input[name=when]").nth(1).fill("No")
    row.locator("select[name=target]").nth(1).select_option("end")
    posted(admin, row.get_by_role("button", name="Guardar paso"))
    expect(admin.locator("[id='paso-3'] input[name=when]").nth(1)).to_have_value("No")
    admin.screenshot(path=str(shots / "editor-from-scratch.png"), full_page=True)
    admin.get_by_label("Qué cambió").fill("Alta del procedimiento de constancias.")
    admin.get_by_role("button", name="Guardar el manual").click()
    expect(admin.get_by_text("Se guardó como versión 2.")).to_be_visible()
    c1 = Procedure.objects.get(version__manual=manual, version__number=2, code="C1")
    assert [s["number"] for s in c1.data["steps"]] == ["1", "2", "3", "4", "5"]
    # and Gabriela, who holds the roles, runs a case through it
    holds(gabriela, *{r for r, _ in STEPS})
    clerk = sign_in(gabriela)
    url = start_case(
        clerk, live_server, "C1. Procedimiento para expedir constancias.", "Constancia"
    )
    # (activity 1 receives and registers the request: starting the case recorded it)
    expect(clerk.locator(".messages")).to_contain_text("La actividad 1, su registro, quedó")
    for step, choice in (("2", None), ("3", "Sí"), ("4", None), ("5", None)):
        complete(clerk, url, step, choice)
    # then: the case ended at activity 5
    case = Case.objects.get(procedure=c1)
    assert case.state == CaseState.ENDED
    expect(clerk.locator(".timeline")).to_contain_text("El caso terminó en la actividad 5.")
