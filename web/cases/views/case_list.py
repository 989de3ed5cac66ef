"""The case list: filters, sorting, pages, and the same cases exported as CSV or XLSX."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from web.cases.case_search import SORTS, holders_of, procedures_of, search_cases, with_list_data
from web.cases.deadlines import office_calendar
from web.cases.exports import csv_response, xlsx_response
from web.cases.forms import CaseSearchForm
from web.cases.permissions import get_cases_for_user
from web.cases.queries import case_deadlines
from web.cases.views.common import user_of

#: The columns one may sort by, as their headers say.
SORT_LABELS = {
    "folio": gettext_lazy("Folio"),
    "started": gettext_lazy("Started"),
    "due": gettext_lazy("Due date"),
    "state": gettext_lazy("State"),
}


def _search_form(request: HttpRequest) -> CaseSearchForm:
    visible = get_cases_for_user(user_of(request))
    return CaseSearchForm(
        request.GET or None, procedures=procedures_of(visible), holders=holders_of(visible)
    )


@login_required
@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    form = _search_form(request)
    filters = form.filters()
    calendar = office_calendar()  # one read for the filter and the rows
    found = search_cases(user_of(request), filters, calendar=calendar)
    page = Paginator(with_list_data(found), 25).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "rows": case_deadlines(page, calendar=calendar),
        "query": _without(request.GET, "page"),
        "sorts": _sort_links(request.GET, filters.sort),
        "export_query": _without(request.GET, "page"),
    }
    return render(request, "cases/case_list.html", context)


@login_required
@require_GET
def case_export(request: HttpRequest, kind: str) -> HttpResponseBase:
    if kind not in ("csv", "xlsx"):
        raise Http404
    form = _search_form(request)
    if form.is_bound and not form.is_valid():
        errors = "; ".join(str(e) for field in form.errors.values() for e in field)
        text = _("The filters are wrong: %(errors)s") % {"errors": errors}
        return HttpResponseBadRequest(text, content_type="text/plain; charset=utf-8")
    found = search_cases(user_of(request), form.filters())
    return xlsx_response(found) if kind == "xlsx" else csv_response(found)


def _without(query: QueryDict, *names: str) -> str:
    kept = query.copy()
    for name in names:
        kept.pop(name, None)
    return kept.urlencode()


def _sort_links(query: QueryDict, current: str) -> list[dict[str, object]]:
    """For each sortable column, the link that sorts by it (the other way round when
    it is the current order), keeping every other parameter but the page."""
    links = []
    for name, label in SORT_LABELS.items():
        assert name in SORTS
        active = current.removeprefix("-") == name
        descending = current.startswith("-")
        target = f"-{name}" if active and not descending else name
        kept = query.copy()
        kept.pop("page", None)
        kept["sort"] = target
        direction = ("desc" if descending else "asc") if active else ""
        links.append({"label": label, "href": "?" + kept.urlencode(), "direction": direction})
    return links
