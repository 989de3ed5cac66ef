"""Consultations as open data, registered in ``ConsultationsConfig.ready()``: the results
of every consultation whose results are published (counts and shares per option and scale
value, scale means; approved open answers are in each consultation's own JSON), and the
approved citizen proposals. No personal data: nobody who answered is in any row."""

from __future__ import annotations

from collections.abc import Iterator

from web.consultations.models import Consultation, Moderation, Proposal
from web.consultations.results import consultation_results
from web.datasets import DataSource, Row

RESULT_FIELDS = [
    ("consulta_id", "integer", "Número de la consulta en Folio."),
    ("consulta", "string", "Título de la consulta."),
    ("dependencia", "string", "Dependencia que realiza la consulta."),
    ("cierre", "datetime", "Fecha y hora de cierre de la consulta."),
    ("pregunta_num", "integer", "Orden de la pregunta en la consulta."),
    ("pregunta", "string", "Texto de la pregunta."),
    ("tipo", "string", "single (una opción), multiple (varias), scale (escala 1 a N)."),
    ("respuesta", "string", "Opción o valor de la escala."),
    ("respuestas", "integer", "Personas que eligieron la opción o el valor."),
    ("porcentaje", "number", "Respuestas ÷ personas que contestaron la pregunta × 100."),
    ("promedio", "number", "Promedio de la escala (vacío en preguntas de opción)."),
]

PROPOSAL_FIELDS = [
    ("propuesta_id", "integer", "Número de la propuesta en Folio."),
    ("consulta", "string", "Consulta en la que se recibió."),
    ("dependencia", "string", "Dependencia que realiza la consulta."),
    ("titulo", "string", "Título de la propuesta."),
    ("descripcion", "string", "Descripción, revisada por la dependencia antes de publicarse."),
    ("clase", "string", "obra, accion, servicio o estrategico (proyecto estratégico)."),
    ("plazo", "string", "corto, mediano o largo plazo."),
    ("colonia", "string", "Colonia o localidad a la que se refiere."),
    ("fecha", "date", "Fecha en que se recibió."),
]


def _schema(fields: list[tuple[str, str, str]], key: str = "") -> dict[str, object]:
    schema: dict[str, object] = {
        "fields": [{"name": n, "type": t, "description": d} for n, t, d in fields]
    }
    if key:
        schema["primaryKey"] = key
    return schema


def result_rows() -> Iterator[Row]:
    published = Consultation.objects.filter(results_published_at__isnull=False).select_related(
        "unit"
    )
    for consultation in published.order_by("pk"):
        results = consultation_results(consultation)
        for item in results.questions:
            question = item.question
            for row in item.rows:
                yield {
                    "consulta_id": consultation.pk,
                    "consulta": consultation.title,
                    "dependencia": consultation.unit.name,
                    "cierre": consultation.closes_at.isoformat(),
                    "pregunta_num": question.position,
                    "pregunta": question.text,
                    "tipo": question.kind,
                    "respuesta": row.label,
                    "respuestas": row.count,
                    "porcentaje": row.percent,
                    "promedio": item.mean,
                }


def proposal_rows() -> Iterator[Row]:
    approved = Proposal.objects.filter(moderation=Moderation.APPROVED).select_related(
        "consultation__unit"
    )
    for p in approved.order_by("pk"):
        yield {
            "propuesta_id": p.pk,
            "consulta": p.consultation.title,
            "dependencia": p.consultation.unit.name,
            "titulo": p.title,
            "descripcion": p.description,
            "clase": p.kind,
            "plazo": p.term,
            "colonia": p.colonia,
            "fecha": p.created_at.date().isoformat(),
        }


def consultation_sources() -> list[DataSource]:
    return [
        DataSource(
            slug="consultas-resultados",
            title="Resultados de las consultas ciudadanas",
            description=(
                "Respuestas por opción y por valor de escala de cada pregunta de las "
                "consultas ciudadanas con resultados publicados, con su porcentaje y el "
                "promedio de las escalas. Sin datos personales."
            ),
            schema=_schema(RESULT_FIELDS),
            rows=result_rows,
            keywords=("consulta ciudadana", "participación ciudadana", "planeación"),
            theme="gobierno-abierto",
            frequency="irregular",
        ),
        DataSource(
            slug="propuestas-ciudadanas",
            title="Propuestas ciudadanas aprobadas",
            description=(
                "Propuestas de obras, acciones, servicios y proyectos estratégicos recibidas "
                "en las consultas ciudadanas y aprobadas por la dependencia, con su plazo "
                "(corto, mediano o largo) y colonia, para los programas anuales. Sin datos "
                "de quien las propuso."
            ),
            schema=_schema(PROPOSAL_FIELDS, "propuesta_id"),
            rows=proposal_rows,
            keywords=("propuestas ciudadanas", "obra pública", "programa anual"),
            theme="gobierno-abierto",
            frequency="irregular",
        ),
    ]
