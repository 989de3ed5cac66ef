"""Manual-level data of the seeds (reference §1): title, registro, dates, revision,
authorizations, glossary, simbología, registro de ediciones, distribution, forms with
instructivo, indicators. Expectations are counts and codes, not copied text."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from folio.manuals.load import load_manual
from folio.manuals.model import Manual

from .conftest import SEED_000, SEED_003, SEED_004, needs_shared

pytestmark = needs_shared


@cache
def manual(path: Path) -> Manual:
    return load_manual(path)


def test_it_reads_the_implan_front_matter() -> None:
    m = manual(SEED_000)
    assert m.code == "MPUE1418/MP/IMP015/DVI092"
    assert (m.elaborated, m.updated, m.revision) == ("12/10/2012", "25/11/2016", "01")
    assert m.title.startswith("Manual de Procedimientos DE LA DIRECCIÓN")
    assert m.unit == "Dirección de Vinculación Interinstitucional"
    assert len(m.authorizations) == 3  # three signatures with no action label
    assert len(m.glossary) == 5


def test_it_reads_the_dif_front_matter() -> None:
    m = manual(SEED_003)
    assert m.code == ""  # this manual has no registro
    assert m.revision == ""  # "Primera revisión: 15/julio/2022" is an edition, not a number
    assert [t.term for t in m.symbols] == [
        "Terminador",
        "Proceso",
        "Decisión",
        "Flecha",
        "Documento",
        "Base de Datos",
    ]
    assert sum("revisión" in e.lower() for e in m.editions) == 3
    assert sum("(1 copia" in d for d in m.distribution) == 3
    assert [a.action for a in m.authorizations][:3] == ["Elaboró", "Revisó", "Autorizó"]


def test_it_reads_the_indicator_as_written_upside_down() -> None:
    (indicator,) = manual(SEED_003).procedures[0].indicators
    assert indicator.name == "capacidad de respuesta"
    assert indicator.numerator.endswith("recibidas")
    assert indicator.denominator.endswith("realizadas")
    assert (indicator.factor, indicator.target) == (100.0, "100%")


def test_it_reads_the_gobierno_electronico_front_matter() -> None:
    m = manual(SEED_004)
    assert m.code == "PCCR2124/RMP/SECATI/DGE/022/04102022"
    assert m.unit == "Dirección de Gobierno Electrónico"
    actions = [a.action for a in m.authorizations]
    assert len(actions) == 11
    assert actions.count("Elabora") == 8 and actions.count("Autoriza") == 2
    assert all(a.position for a in m.authorizations)
    assert len(m.glossary) == 16


def test_it_reads_the_forms_that_have_an_instructivo() -> None:
    forms = {f.code: f for f in manual(SEED_004).forms}
    # Reference §5.1: 293, 314, 315, 316, 317, 318 print their code near the instructivo
    # (300 is reproduced without its code).
    assert {"293", "314", "315", "316", "317", "318"} <= {c[5:8] for c in forms}
    assert len(forms["FORM.293/SECATI/012224"].fields) == 7
    assert len(forms["FORM.316/SECATI/012224"].fields) == 4
    assert all(f.has_instructivo for f in forms.values())


def test_it_collects_every_form_code_a_procedure_references() -> None:
    p28 = manual(SEED_004).procedure("P28")
    assert p28 is not None
    assert {"FORM.315/SECATI/012224", "FORM.321/SECATI/012224"} <= set(p28.forms)
