"""The procedure each monthly capture runs as: «Captura y validación del avance mensual».

Folio starts a case of a manual only for the staff of the manual's unit (and the units
below it), and the case takes that unit's folios. The Enlace who captures works in their
dependencia, not in the planning institute, so each dependencia runs its own copy of the
institute's manual (``folio/demo/manual-avance-mensual-demo.txt``): the same activities,
its registro followed by the dependencia's folio prefix, and the Enlace's role named for
the dependencia («Enlace Operativo de Planeación (Dirección de …)») so that a returned
capture waits in the inbox of that dependencia's Enlaces only. The reviewing role,
«Analista de Seguimiento y Evaluación», is the institute's and the same in every copy.
"""

from __future__ import annotations

from django.db import transaction

from folio.demo import DEMO_DIR
from web.accounts.models import Unit
from web.catalog.actions import ensure_role, import_manual_upload
from web.catalog.models import CatalogManual, Procedure, Role

MANUAL_TEXT = DEMO_DIR / "manual-avance-mensual-demo.txt"
REGISTRO = "DEMO/MP/IMPLAN/004"
ENLACE_ROLE = "Enlace Operativo de Planeación"
VALIDATOR_ROLE = "Analista de Seguimiento y Evaluación"
TITLE = "Manual de Procedimientos del Instituto Municipal de Planeación"

#: Activity numbers of the procedure.
REVIEW_STEP, CORRECT_STEP = "2", "3"
RETURN_CHOICE, VALIDATE_CHOICE = "No", "En caso contrario"


def unit_key(unit: Unit) -> str:
    return unit.folio_prefix.strip() or f"U{unit.pk}"


def enlace_role_name(unit: Unit) -> str:
    return f"{ENLACE_ROLE} ({unit.name})"


def unit_text(unit: Unit) -> str:
    """The institute's manual as the copy ``unit`` runs."""
    text = MANUAL_TEXT.read_text(encoding="utf-8")
    text = text.replace(f"Registro: {REGISTRO}", f"Registro: {REGISTRO}/{unit_key(unit)}")
    text = text.replace(TITLE, f"{TITLE}: avance mensual de {unit.name}")
    return text.replace(f"{ENLACE_ROLE}\t", f"{enlace_role_name(unit)}\t")


def enlace_role(unit: Unit) -> Role:
    return ensure_role(enlace_role_name(unit), unit)


def validator_role() -> Role:
    return ensure_role(VALIDATOR_ROLE)


@transaction.atomic
def capture_procedure(unit: Unit) -> Procedure:
    """The current capture procedure of ``unit``, imported the first time."""
    manual = CatalogManual.objects.filter(code=f"{REGISTRO}/{unit_key(unit)}").first()
    version = manual.current if manual is not None else None
    if version is None:
        content = unit_text(unit).encode("utf-8")
        version, _created = import_manual_upload(
            f"avance-mensual-{unit_key(unit)}.txt", content, unit=unit
        )
    enlace_role(unit)
    validator_role()
    procedure = version.procedures.order_by("pk").first()
    if procedure is None:  # the manual file always has its one procedure
        raise RuntimeError(f"{MANUAL_TEXT.name} has no procedure")
    return procedure
