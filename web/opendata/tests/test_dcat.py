from __future__ import annotations

import json

from django.test import Client
from rdflib import Graph
from rdflib.namespace import DCAT, RDF

from web.opendata.dcat import catalogue_graph, shacl_report
from web.opendata.models import Dataset


def test_the_catalogue_conforms_to_the_dcat_ap_3_shapes(published: Dataset) -> None:
    graph = catalogue_graph("http://testserver/")
    assert len(list(graph.subjects(RDF.type, DCAT.Dataset))) == 1
    assert len(list(graph.subjects(RDF.type, DCAT.Distribution))) == 1
    conforms, report = shacl_report(graph)
    assert conforms, report


def test_the_shapes_catch_a_dataset_without_description(published: Dataset) -> None:
    # the check can fail: a dataset stripped of its dct:description breaks a shape
    from rdflib.namespace import DCTERMS

    graph = catalogue_graph("http://testserver/")
    dataset = next(graph.subjects(RDF.type, DCAT.Dataset))
    graph.remove((dataset, DCTERMS.description, None))
    conforms, report = shacl_report(graph)
    assert not conforms
    assert "description" in report


def test_turtle_and_json_ld_read_back_as_the_same_graph(published: Dataset) -> None:
    client = Client()
    turtle = client.get("/datos/dcat.ttl")
    assert turtle["Content-Type"].startswith("text/turtle")
    json_ld = client.get("/datos/dcat.jsonld")
    a = Graph().parse(data=turtle.content.decode(), format="turtle")
    b = Graph().parse(data=json_ld.content.decode(), format="json-ld")
    assert len(a) == len(b) > 20
    assert shacl_report(b)[0]


def test_data_json_lists_published_datasets_for_harvesters(published: Dataset) -> None:
    body = json.loads(Client().get("/data.json").content)
    assert body["conformsTo"] == "https://project-open-data.cio.gov/v1.1/schema"
    (entry,) = body["dataset"]
    assert entry["title"] == published.title
    assert entry["accrualPeriodicity"] == "R/P1M"
    assert entry["distribution"][0]["mediaType"] == "text/csv"
    assert entry["contactPoint"] == {"@type": "vcard:Contact", "fn": published.unit.name}
