"""Public pages of the catalogue: search with facets, a dataset with its dictionary,
preview and downloads, the files, the DCAT documents and the API's help. No account
needed; unpublished datasets are not found."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from web.opendata.api.search import package_search
from web.opendata.browse import FACETS, chosen_filters, facet_links, preview
from web.opendata.datajson import data_json
from web.opendata.dcat import json_ld, turtle
from web.opendata.models import Theme
from web.opendata.queries import public_dataset, public_resource

PAGE = 20


def catalogue(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    chosen = chosen_filters(request.GET)
    fq = " ".join(f'{field}:"{value}"' for field, value in chosen)
    params = {
        "q": q,
        "fq": fq,
        "rows": 1000,
        "facet.field": list(FACETS),
        "sort": "title_string asc",
    }
    found = package_search(params, request.build_absolute_uri("/"))
    page = Paginator(found["results"], PAGE).get_page(request.GET.get("pagina"))
    facets = facet_links(found["search_facets"], q, chosen)
    keep = urlencode([("q", q)] + [(f, v) for f, v in chosen])
    context = {"q": q, "count": found["count"], "page": page, "facets": facets, "keep": keep}
    context["chosen"] = chosen
    context["themes"] = {t.value: t.label for t in Theme}
    return render(request, "opendata/catalogue.html", context)


def dataset_detail(request: HttpRequest, name: str) -> HttpResponse:
    dataset = public_dataset(name)
    if dataset is None:
        raise Http404
    resources = [(r, list(r.versions.all()), preview(r)) for r in dataset.resources.all()]
    context: dict[str, Any] = {"dataset": dataset, "resources": resources}
    return render(request, "opendata/dataset_detail.html", context)


def resource_download(request: HttpRequest, pk: str) -> FileResponse:
    resource = public_resource(pk)
    versions = list(resource.versions.all()) if resource is not None else []
    if resource is None or not versions:
        raise Http404
    wanted = request.GET.get("version")
    version = next((v for v in versions if str(v.number) == wanted), versions[0])
    if wanted and str(version.number) != wanted:
        raise Http404
    name = f"{resource.dataset.name}-v{version.number}.{version.file.name.rsplit('.', 1)[-1]}"
    return FileResponse(version.file.open("rb"), as_attachment=True, filename=name)


def api_help(request: HttpRequest) -> HttpResponse:
    base = request.build_absolute_uri("/").rstrip("/")
    return render(request, "opendata/api_help.html", {"base": base})


def dcat_turtle(request: HttpRequest) -> HttpResponse:
    body = turtle(request.build_absolute_uri("/"))
    return HttpResponse(body, content_type="text/turtle; charset=utf-8")


def dcat_jsonld(request: HttpRequest) -> HttpResponse:
    body = json_ld(request.build_absolute_uri("/"))
    return HttpResponse(body, content_type="application/ld+json; charset=utf-8")


def data_json_view(request: HttpRequest) -> JsonResponse:
    body = data_json(request.build_absolute_uri("/"))
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 1})
