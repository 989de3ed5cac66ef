"""What the editor answers: the whole page, or to htmx the part that changed with the
swimlane and the findings swapped out of band. Without JavaScript every form posts and
is redirected back to the page (save and reload)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext

from folio.manuals.model import END, EXTERNAL
from folio.manuals.model import Procedure as CoreProcedure
from web.catalog.editor import queries
from web.catalog.editor.labels import row_labels
from web.catalog.models import ProcedureDraft
from web.catalog.sources import source_context

#: Session key of the import findings a person ticked, per draft.
CHECKED = "editor-checked-{}"


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def back_to_editor(draft: ProcedureDraft, step: str | None = None) -> HttpResponse:
    url = reverse("catalog:draft-edit", args=[draft.pk])
    return redirect(f"{url}?paso={step}#paso-{step}" if step else url)


def refused(request: HttpRequest, draft: ProcedureDraft, message: str, where: str) -> HttpResponse:
    """An edit that could not be made: the message beside the form (its typing kept)."""
    if not is_htmx(request):
        messages.error(request, message)
        step = where.removeprefix("error-paso-") if where.startswith("error-paso-") else None
        return back_to_editor(draft, step)
    response = render(request, "catalog/_editor_error.html", {"message": message})
    response["HX-Retarget"] = f"[id='{where}']"
    response["HX-Reswap"] = "innerHTML"
    return response


def refreshed(
    request: HttpRequest, draft: ProcedureDraft, procedure: CoreProcedure, part: str, step: str = ""
) -> HttpResponse:
    """After an edit: the row (``part`` "row"), the whole step table ("steps") or the
    header ("header"), plus the swimlane and the findings."""
    if not is_htmx(request):
        return back_to_editor(draft, step or None)
    context = {**live_context(draft, procedure), "part": part}
    if part == "row":
        row = procedure.steps[_index(procedure, step)]
        context["s"] = step_view(draft, procedure, row, context["options"])
    response = render(request, "catalog/_editor_refresh.html", context)
    if part == "steps":
        response["HX-Retarget"] = "#steps"
        response["HX-Reswap"] = "outerHTML"
    return response


def _index(procedure: CoreProcedure, number: str) -> int:
    return next(i for i, s in enumerate(procedure.steps) if s.number == number)


def live_context(draft: ProcedureDraft, procedure: CoreProcedure) -> dict[str, Any]:
    """What every refresh redraws: the steps, the swimlane and the findings."""
    options = target_options(procedure)
    return {
        "draft": draft,
        "procedure": procedure,
        "options": options,
        "L": row_labels(),
        "steps": [step_view(draft, procedure, s, options) for s in procedure.steps],
        "svg": queries.draft_svg(procedure),
        "findings": queries.draft_findings(draft, procedure),
    }


def target_options(procedure: CoreProcedure) -> str:
    """The <option>s of a transition's target, drawn once per answer (a 60-step table
    has some 130 selects of 60 options): no target, each step, the end, another one."""
    options = [("", pgettext("editor", "— no target —"))]
    options += [(s.number, f"{s.number} · {_short(s.activity)}") for s in procedure.steps]
    options += [(END, pgettext("editor", "End of the procedure"))]
    options += [("external", pgettext("editor", "Another procedure…"))]
    return "".join(f'<option value="{escape(v)}">{escape(label)}</option>' for v, label in options)


def _select(options: str, choice: str, missing: str) -> SafeString:
    """The options with ``choice`` selected (a missing step added as its own option)."""
    if missing:
        extra = escape(f"{missing} · ") + escape(pgettext("editor", "missing step"))
        return mark_safe(options + f'<option value="{escape(missing)}" selected>{extra}</option>')  # noqa: S308
    chosen = f'<option value="{escape(choice)}">'
    return mark_safe(options.replace(chosen, chosen[:-1] + " selected>", 1))  # noqa: S308


def step_view(
    draft: ProcedureDraft, procedure: CoreProcedure, step: Any, options: str
) -> dict[str, Any]:
    """One row: the step and its transitions as the form shows them (one blank more)."""
    numbers = {s.number for s in procedure.steps}
    transitions = [_transition(t.when or "", t.to, numbers) for t in step.next]
    transitions.append(_transition("", None, numbers))
    for t in transitions:
        t["options"] = _select(options, t["choice"], t.get("missing", ""))
    return {
        "step": step,
        "url": reverse("catalog:draft-step", args=[draft.pk, step.number]),
        "transitions": transitions,
        "documents": [*step.documents, None],
        "responsible": [*step.responsible, ""],
        "can_split": {r for r in step.responsible if _compound(r)},
        "first": step is procedure.steps[0],
        "last": step is procedure.steps[-1],
    }


def _transition(when: str, to: str | None, numbers: set[str]) -> dict[str, Any]:
    if to is None:
        return {"when": when, "choice": "", "external": ""}
    if to.startswith(EXTERNAL):
        return {"when": when, "choice": "external", "external": to[len(EXTERNAL) :]}
    if to == END:
        return {"when": when, "choice": END, "external": ""}
    # A jump to a missing step shows as one more option, so saving the row keeps it.
    return {"when": when, "choice": to, "external": "", "missing": "" if to in numbers else to}


def _compound(name: str) -> bool:
    return any(sep in f" {name} " for sep in (" y ", " e ", " o ", ", ", "; ", " y/o "))


def _short(text: str) -> str:
    return text if len(text) <= 48 else text[:47].rstrip() + "…"


def page(request: HttpRequest, draft: ProcedureDraft) -> HttpResponse:
    procedure = queries.draft_procedure(draft)
    selected = request.GET.get("paso", "")
    imported = queries.import_findings(draft)
    checked = set(request.session.get(CHECKED.format(draft.pk), []))
    context = {
        **live_context(draft, procedure),
        "selected": selected if procedure.step(selected) else "",
        "source": _source(draft, procedure, selected),
        "roles": queries.responsible_names(),
        "checklist": [(i, d, i in checked) for i, d in enumerate(imported)],
        "needs_review": procedure.review == "revisar",
        "stale": draft.manual.current != draft.base,
    }
    return render(request, "catalog/editor.html", context)


def _source(draft: ProcedureDraft, procedure: CoreProcedure, selected: str) -> dict[str, Any]:
    if not selected or procedure.step(selected) is None or not draft.code:
        return {}
    number = queries.base_step_number(draft, procedure, selected)
    return source_context(draft.base, draft.code, number)
