"""Files for people to download: a consultation's results as CSV and JSON (counts, shares,
means and approved open answers — never an email or a hash), and the proposals list as
CSV or XLSX for the annual plans."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook  # type: ignore[import-untyped]

from web.consultations.models import Proposal
from web.consultations.results import Results

RESULT_FIELDS = [
    "consulta_id",
    "consulta",
    "dependencia",
    "pregunta_num",
    "pregunta",
    "tipo",
    "respuesta",
    "respuestas",
    "porcentaje",
    "texto",
]


def result_rows(results: Results) -> Iterator[dict[str, Any]]:
    """One row per option or scale value, one per approved open answer."""
    consultation = results.consultation
    base = {
        "consulta_id": consultation.pk,
        "consulta": consultation.title,
        "dependencia": consultation.unit.name,
    }
    for item in results.questions:
        question = item.question
        head = base | {
            "pregunta_num": question.position,
            "pregunta": question.text,
            "tipo": question.kind,
        }
        for row in item.rows:
            yield head | {
                "respuesta": row.label,
                "respuestas": row.count,
                "porcentaje": row.percent,
                "texto": "",
            }
        for text in item.texts:
            yield head | {"respuesta": "", "respuestas": 1, "porcentaje": None, "texto": text}


def results_csv(results: Results) -> HttpResponse:
    return _csv(
        f"consulta-{results.consultation.pk}-resultados.csv", RESULT_FIELDS, result_rows(results)
    )


def results_json(results: Results) -> HttpResponse:
    consultation = results.consultation
    document = {
        "consulta": {
            "id": consultation.pk,
            "titulo": consultation.title,
            "dependencia": consultation.unit.name,
            "abre": consultation.opens_at.isoformat(),
            "cierra": consultation.closes_at.isoformat(),
        },
        "respuestas": results.responses,
        "preguntas": [
            {
                "num": item.question.position,
                "pregunta": item.question.text,
                "tipo": item.question.kind,
                "contestaron": item.answered,
                "opciones": [
                    {"respuesta": r.label, "respuestas": r.count, "porcentaje": r.percent}
                    for r in item.rows
                ],
                "promedio": item.mean,
                "respuestas_abiertas": item.texts,
            }
            for item in results.questions
        ],
    }
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2), content_type="application/json"
    )
    name = f"consulta-{consultation.pk}-resultados.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


PROPOSAL_FIELDS = [
    "propuesta_id",
    "consulta",
    "dependencia",
    "titulo",
    "descripcion",
    "clase",
    "plazo",
    "colonia",
    "estado",
    "origen",
    "fecha",
]


def proposal_rows(found: QuerySet[Proposal]) -> Iterator[dict[str, Any]]:
    for p in found.select_related("consultation__unit"):
        yield {
            "propuesta_id": p.pk,
            "consulta": p.consultation.title,
            "dependencia": p.consultation.unit.name,
            "titulo": p.title,
            "descripcion": p.description,
            "clase": p.get_kind_display(),
            "plazo": p.get_term_display(),
            "colonia": p.colonia,
            "estado": p.get_moderation_display(),
            "origen": _("staff") if p.entered_by_id else _("citizen"),
            "fecha": timezone.localdate(p.created_at).isoformat(),
        }


def proposals_csv(found: QuerySet[Proposal]) -> HttpResponse:
    return _csv(_file_name("csv"), PROPOSAL_FIELDS, proposal_rows(found))


def proposals_xlsx(found: QuerySet[Proposal]) -> HttpResponse:
    book = Workbook()
    sheet = book.active
    sheet.title = "Propuestas"
    sheet.append(PROPOSAL_FIELDS)
    for row in proposal_rows(found):
        sheet.append([_cell(row[name]) for name in PROPOSAL_FIELDS])
    buffer = io.BytesIO()
    book.save(buffer)
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(buffer.getvalue(), content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{_file_name("xlsx")}"'
    return response


def _cell(value: Any) -> Any:
    """Text a spreadsheet would take for a formula is written as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def _file_name(extension: str) -> str:
    return f"propuestas-{timezone.localdate().isoformat()}.{extension}"


def _csv(name: str, fields: list[str], rows: Iterable[dict[str, Any]]) -> HttpResponse:
    """UTF-8 with a BOM, so Excel reads the accents right."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")
    writer = csv.DictWriter(response, fieldnames=fields)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return response
