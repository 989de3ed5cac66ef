"""BPMN export of every seed procedure: valid against the OMG BPMN 2.0 XSD, fully drawn,
and stable through export → import → export."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from folio.manuals.load import load_manual
from folio.manuals.model import Procedure
from folio.render.bpmn import export_bpmn, import_bpmn

from .bpmn_camunda_fixture import CAMUNDA
from .conftest import SEED_000, SEED_003, SEED_004, needs_shared
from .test_render_bpmn import assert_complete_di, essentials, parse


@cache
def seed_procedures() -> tuple[tuple[str, Procedure], ...]:
    found = []
    for seed in (SEED_000, SEED_003, SEED_004):
        for procedure in load_manual(seed).procedures:
            found.append((f"{seed.name[:3]}-{procedure.code}", procedure))
    return tuple(found)


def bpmn_schema() -> etree.XMLSchema:
    spiff = pytest.importorskip("SpiffWorkflow")
    xsd = Path(spiff.__file__).parent / "bpmn" / "parser" / "schema" / "BPMN20.xsd"
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(xsd), parser))


def exported_seeds() -> Iterator[tuple[str, Procedure, str]]:
    for key, procedure in seed_procedures():
        yield key, procedure, export_bpmn(procedure)


@needs_shared
def test_it_exports_every_seed_procedure_valid_against_the_bpmn_xsd() -> None:
    schema = bpmn_schema()
    invalid = {}
    for key, _, xml in exported_seeds():
        if not schema.validate(parse(xml)):
            invalid[key] = str(schema.error_log.last_error)
    assert len(seed_procedures()) == 36
    assert invalid == {}


@needs_shared
def test_it_draws_every_element_of_every_seed_procedure() -> None:
    for _, _, xml in exported_seeds():
        assert_complete_di(parse(xml))


@needs_shared
def test_it_round_trips_every_seed_procedure() -> None:
    for key, procedure, xml in exported_seeds():
        read = import_bpmn(xml, file=f"{key}.bpmn")

        assert essentials(read) == essentials(procedure), key
        assert export_bpmn(read) == xml, key


def test_it_validates_a_camunda_file_once_exported_again() -> None:
    xml = export_bpmn(import_bpmn(CAMUNDA))
    assert bpmn_schema().validate(parse(xml)), bpmn_schema().error_log
    assert_complete_di(parse(xml))
