"""The editor's pages. Views parse, call one action and answer through ``responses``."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from folio.manuals.edit import EditError, renumber, update_header
from folio.manuals.model import Procedure as CoreProcedure
from folio.manuals.timespec import parse_time
from web.catalog.editor import actions, queries, responses
from web.catalog.editor.forms import edit_step, header_fields
from web.catalog.errors import CatalogError
from web.catalog.models import CatalogManual, Procedure, ProcedureDraft
from web.catalog.permissions import can_edit_manuals

View = Callable[..., HttpResponse]


def editor_only(view: View) -> View:
    @login_required
    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_edit_manuals(request.user):
            raise PermissionDenied(pgettext("editor", "Only administrators edit manuals."))
        return view(request, *args, **kwargs)

    return checked


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@editor_only
def procedure_edit(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_object_or_404(Procedure.objects.select_related("version__manual"), pk=pk)
    current = row.version.manual.current
    if current is not None and current != row.version:
        row = get_object_or_404(current.procedures, code=row.code)
    draft = actions.open_draft(row, _user(request))
    return responses.back_to_editor(draft)


@editor_only
def draft_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return responses.page(request, queries.get_draft_for_user(pk, request.user))


def _apply(
    request: HttpRequest,
    draft: ProcedureDraft,
    change: Callable[[CoreProcedure], CoreProcedure],
    where: str,
) -> tuple[CoreProcedure | None, HttpResponse | None]:
    try:
        edited = change(queries.draft_procedure(draft))
    except EditError as err:
        return None, responses.refused(request, draft, str(err), where)
    actions.update_draft(draft, edited)
    return edited, None


@editor_only
@require_POST
def step_edit(request: HttpRequest, pk: int, number: str) -> HttpResponse:
    draft = queries.get_draft_for_user(pk, request.user)
    edited, refusal = _apply(
        request, draft, lambda p: edit_step(p, number, request.POST), f"error-paso-{number}"
    )
    if edited is None:
        assert refusal is not None
        return refusal
    same_row = request.POST.get("op", "save") == "save" and edited.step(number) is not None
    part, step = ("row", number) if same_row else ("steps", "")
    if request.POST.get("op", "").startswith("split:"):
        part, step = "row", number
    return responses.refreshed(request, draft, edited, part, step)


@editor_only
@require_POST
def steps_renumber(request: HttpRequest, pk: int) -> HttpResponse:
    draft = queries.get_draft_for_user(pk, request.user)
    edited, refusal = _apply(request, draft, renumber, "error-steps")
    if edited is None:
        assert refusal is not None
        return refusal
    return responses.refreshed(request, draft, edited, "steps")


@editor_only
@require_POST
def header_edit(request: HttpRequest, pk: int) -> HttpResponse:
    draft = queries.get_draft_for_user(pk, request.user)
    fields = header_fields(request.POST)
    edited, refusal = _apply(request, draft, lambda p: update_header(p, **fields), "error-header")
    if edited is None:
        assert refusal is not None
        return refusal
    return responses.refreshed(request, draft, edited, "header")


@editor_only
def time_preview(request: HttpRequest, pk: int) -> HttpResponse:
    queries.get_draft_for_user(pk, request.user)
    spec = parse_time(request.GET.get("time", ""))
    return render(request, "catalog/_editor_time.html", {"time": spec})


@editor_only
@require_POST
def review_check(request: HttpRequest, pk: int) -> HttpResponse:
    draft = queries.get_draft_for_user(pk, request.user)
    wanted = len(queries.import_findings(draft))
    ticked = sorted({int(i) for i in request.POST.getlist("checked") if i.isdigit()})
    request.session[responses.CHECKED.format(draft.pk)] = ticked
    if wanted and len([i for i in ticked if i < wanted]) == wanted:
        actions.mark_draft_reviewed(draft)
        messages.success(
            request, pgettext("editor", "Every finding was checked: the procedure is marked ok.")
        )
    return responses.back_to_editor(draft)


@editor_only
@require_POST
def draft_save(request: HttpRequest, pk: int) -> HttpResponse:
    draft = queries.get_draft_for_user(pk, request.user)
    code = queries.draft_procedure(draft).code
    try:
        version = actions.save_draft(draft, user=_user(request), note=request.POST.get("note", ""))
    except CatalogError as err:
        messages.error(request, str(err))
        return responses.back_to_editor(draft)
    for notice in getattr(version, "notices", []):
        messages.info(request, notice)
    messages.success(request, pgettext("editor", "Saved as version %(n)s.") % {"n": version.number})
    return redirect("catalog:procedure-detail", pk=version.procedures.get(code=code).pk)


@editor_only
@require_POST
def draft_discard(request: HttpRequest, pk: int) -> HttpResponse:
    draft = queries.get_draft_for_user(pk, request.user)
    manual_id, base, code = draft.manual_id, draft.base, draft.code
    actions.discard_draft(draft)
    messages.success(request, pgettext("editor", "Draft discarded."))
    row = base.procedures.filter(code=code).first() if code else None
    if row is not None:
        return redirect("catalog:procedure-detail", pk=row.pk)
    return redirect("catalog:manual-detail", pk=manual_id)


@editor_only
@require_POST
def procedure_new(request: HttpRequest, pk: int) -> HttpResponse:
    catalog = get_object_or_404(CatalogManual, pk=pk)
    copy_pk = request.POST.get("copy_of", "")
    copy_of = get_object_or_404(Procedure, pk=copy_pk) if copy_pk.isdigit() else None
    try:
        draft = actions.start_procedure_draft(catalog, _user(request), copy_of=copy_of)
    except CatalogError as err:
        messages.error(request, str(err))
        return redirect("catalog:manual-detail", pk=pk)
    return responses.back_to_editor(draft)
