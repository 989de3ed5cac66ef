"""The PbR-SED self-diagnostic: its history against the national average, and a year's
answers per element."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from web.evaluation.actions import save_assessment
from web.evaluation.forms import AssessmentForm
from web.evaluation.models import Assessment
from web.evaluation.pbr_history import history, history_chart, section_rows
from web.evaluation.pbrsed import ELEMENTS, SECTIONS
from web.evaluation.permissions import is_planning_staff
from web.evaluation.views.common import REFUSALS, reader

FIGURES = ("published_score", "national_average", "rank", "ranked")


@login_required
def pbr_list(request: HttpRequest) -> HttpResponse:
    user = reader(request)
    rows = history()
    context = {
        "rows": rows,
        "chart": history_chart(rows) if rows else None,
        "sections": section_rows(rows),
        "can_edit": is_planning_staff(user),
        "this_year": timezone.localdate().year,
        "this_year_answered": any(r.assessment.year == timezone.localdate().year for r in rows),
    }
    return render(request, "evaluation/pbr_list.html", context)


@login_required
def pbr_edit(request: HttpRequest, year: int) -> HttpResponse:
    user = reader(request)
    if not is_planning_staff(user):
        raise PermissionDenied
    if not 2000 <= year <= 2100:
        raise Http404
    found = Assessment.objects.filter(year=year).first()
    initial = {f: getattr(found, f) for f in FIGURES} if found else {}
    for answer in found.answers.all() if found else []:
        initial |= {f"e{answer.element}": answer.score, f"v{answer.element}": answer.evidence}
    form = AssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            save_assessment(
                user,
                year,
                answers={code: data[f"e{code}"] for code in ELEMENTS},
                evidence={code: data[f"v{code}"] for code in ELEMENTS},
                **{f: data[f] for f in FIGURES},
            )
        except REFUSALS as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("PbR-SED self-diagnostic saved."))
            return redirect("evaluation:pbr-list")
    sections = [(s, [(form[f"e{c}"], form[f"v{c}"]) for c, _n in s.elements]) for s in SECTIONS]
    context = {"year": year, "form": form, "sections": sections}
    return render(request, "evaluation/pbr_form.html", context)
