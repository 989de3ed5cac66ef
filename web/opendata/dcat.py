"""The public catalogue as DCAT-AP 3 (rdflib): Turtle and JSON-LD, and its check against
the official DCAT-AP 3.0.0 SHACL shapes vendored in ``web/opendata/shacl/``.

Every object is typed with the class the shapes expect (themes as ``skos:Concept``,
frequencies as ``dct:Frequency``...), using the EU vocabularies' URIs where DCAT-AP
names one."""

from __future__ import annotations

from pathlib import Path

from django.urls import reverse
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from web.opendata.api.packages import LICENCE_URLS, MIMETYPES
from web.opendata.models import Dataset, Licence, Resource
from web.opendata.queries import org_name, public_datasets

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
SHAPES = Path(__file__).resolve().parent / "shacl" / "dcat-ap-3.0.0-shacl.jsonld"

THEMES = {
    "infraestructura": "REGI",
    "movilidad": "TRAN",
    "salud": "HEAL",
    "gobierno-abierto": "GOVE",
    "finanzas": "ECON",
    "economia": "ECON",
    "seguridad": "JUST",
    "cultura": "EDUC",
    "medio-ambiente": "ENVI",
    "turismo": "ECON",
}
FREQUENCIES = {
    "diario": "DAILY",
    "semanal": "WEEKLY",
    "quincenal": "BIWEEKLY",
    "mensual": "MONTHLY",
    "bimestral": "BIMONTHLY",
    "trimestral": "QUARTERLY",
    "semestral": "ANNUAL_2",
    "anual": "ANNUAL",
    "irregular": "IRREG",
}
FILE_TYPES = {"CSV": "CSV", "JSON": "JSON", "XLSX": "XLSX", "GeoJSON": "GEOJSON"}
IANA = "https://www.iana.org/assignments/media-types/"


def catalogue_graph(base: str) -> Graph:
    g = Graph()
    for prefix, ns in (("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("vcard", VCARD)):
        g.bind(prefix, ns)
    g.bind("skos", SKOS)
    catalogue = URIRef(base + "datos/")
    g.add((catalogue, RDF.type, DCAT.Catalog))
    g.add((catalogue, DCTERMS.title, Literal("Datos abiertos", lang="es")))
    description = "Catálogo de datos abiertos del municipio, publicado con Folio."
    g.add((catalogue, DCTERMS.description, Literal(description, lang="es")))
    g.add((catalogue, FOAF.homepage, _typed(g, URIRef(base + "datos/"), FOAF.Document)))
    datasets = list(public_datasets().order_by("name"))
    if datasets:
        g.add((catalogue, DCTERMS.publisher, _agent(g, base, datasets[0])))
    else:
        g.add((catalogue, DCTERMS.publisher, _municipality(g, base)))
    for dataset in datasets:
        g.add((catalogue, DCAT.dataset, _dataset(g, base, dataset)))
    return g


def _dataset(g: Graph, base: str, dataset: Dataset) -> URIRef:
    page = base + reverse("opendata:dataset-detail", args=[dataset.name]).lstrip("/")
    node = URIRef(page)
    g.add((node, RDF.type, DCAT.Dataset))
    g.add((node, DCTERMS.identifier, Literal(str(dataset.pk))))
    g.add((node, DCTERMS.title, Literal(dataset.title, lang="es")))
    g.add((node, DCTERMS.description, Literal(dataset.description, lang="es")))
    g.add((node, DCTERMS.publisher, _agent(g, base, dataset)))
    g.add((node, DCAT.landingPage, _typed(g, URIRef(page), FOAF.Document)))
    theme = _typed(g, URIRef(EU + "data-theme/" + THEMES[dataset.theme]), SKOS.Concept)
    g.add((theme, SKOS.prefLabel, Literal(dataset.get_theme_display(), lang="es")))
    g.add((node, DCAT.theme, theme))
    frequency = URIRef(EU + "frequency/" + FREQUENCIES[dataset.frequency])
    g.add((node, DCTERMS.accrualPeriodicity, _typed(g, frequency, DCTERMS.Frequency)))
    for word in dataset.keywords:
        g.add((node, DCAT.keyword, Literal(word, lang="es")))
    g.add((node, DCTERMS.issued, Literal(dataset.published_at, datatype=XSD.dateTime)))
    g.add((node, DCTERMS.modified, Literal(dataset.updated_at, datatype=XSD.dateTime)))
    contact = BNode()
    g.add((node, DCAT.contactPoint, contact))
    g.add((contact, RDF.type, VCARD.Kind))
    g.add((contact, VCARD.fn, Literal(dataset.unit.name)))
    g.add((contact, VCARD.hasURL, URIRef(page)))
    if dataset.spatial:
        place = BNode()
        g.add((node, DCTERMS.spatial, place))
        g.add((place, RDF.type, DCTERMS.Location))
        g.add((place, SKOS.prefLabel, Literal(dataset.spatial, lang="es")))
    if dataset.coverage_start or dataset.coverage_end:
        g.add((node, DCTERMS.temporal, _period(g, dataset)))
    for resource in dataset.resources.all():
        if resource.versions.all():
            g.add((node, DCAT.distribution, _distribution(g, base, dataset, resource)))
    return node


def _distribution(g: Graph, base: str, dataset: Dataset, resource: Resource) -> URIRef:
    download = base + reverse("opendata:resource-download", args=[resource.pk]).lstrip("/")
    node = URIRef(f"{download}#distribucion")
    current = resource.versions.all()[0]
    g.add((node, RDF.type, DCAT.Distribution))
    g.add((node, DCTERMS.title, Literal(resource.name, lang="es")))
    if resource.description:
        g.add((node, DCTERMS.description, Literal(resource.description, lang="es")))
    g.add((node, DCAT.accessURL, _typed(g, URIRef(download), RDFS.Resource)))
    g.add((node, DCAT.downloadURL, URIRef(download)))
    file_type = URIRef(EU + "file-type/" + FILE_TYPES[resource.format])
    g.add((node, DCTERMS["format"], _typed(g, file_type, DCTERMS.MediaTypeOrExtent)))
    media = URIRef(IANA + MIMETYPES[resource.format])
    g.add((node, DCAT.mediaType, _typed(g, media, DCTERMS.MediaType)))
    licence = URIRef(LICENCE_URLS[Licence(dataset.licence)])
    g.add((node, DCTERMS.license, _typed(g, licence, DCTERMS.LicenseDocument)))
    g.add((node, DCAT.byteSize, Literal(current.size, datatype=XSD.nonNegativeInteger)))
    g.add((node, DCTERMS.modified, Literal(current.created_at, datatype=XSD.dateTime)))
    return node


def _period(g: Graph, dataset: Dataset) -> BNode:
    period = BNode()
    g.add((period, RDF.type, DCTERMS.PeriodOfTime))
    if dataset.coverage_start:
        g.add((period, DCAT.startDate, Literal(dataset.coverage_start, datatype=XSD.date)))
    if dataset.coverage_end:
        g.add((period, DCAT.endDate, Literal(dataset.coverage_end, datatype=XSD.date)))
    return period


def _agent(g: Graph, base: str, dataset: Dataset) -> URIRef:
    node = URIRef(base + "api/3/action/organization_show?id=" + org_name(dataset.unit))
    g.add((node, RDF.type, FOAF.Agent))
    g.add((node, FOAF.name, Literal(dataset.unit.name, lang="es")))
    return node


def _municipality(g: Graph, base: str) -> URIRef:
    node = URIRef(base + "datos/#publicador")
    g.add((node, RDF.type, FOAF.Agent))
    g.add((node, FOAF.name, Literal("Municipio", lang="es")))
    return node


def _typed(g: Graph, node: URIRef, kind: URIRef) -> URIRef:
    g.add((node, RDF.type, kind))
    return node


def turtle(base: str) -> str:
    return catalogue_graph(base).serialize(format="turtle")


def json_ld(base: str) -> str:
    context = {
        "dcat": str(DCAT),
        "dct": str(DCTERMS),
        "foaf": str(FOAF),
        "vcard": str(VCARD),
        "skos": str(SKOS),
    }
    return catalogue_graph(base).serialize(format="json-ld", context=context, indent=2)


def shacl_report(graph: Graph) -> tuple[bool, str]:
    """Validate ``graph`` against the DCAT-AP 3 shapes: (conforms, report text)."""
    from pyshacl import validate

    shapes = Graph().parse(SHAPES, format="json-ld")
    conforms, _, text = validate(graph, shacl_graph=shapes, inference="none", advanced=True)
    return bool(conforms), str(text)
