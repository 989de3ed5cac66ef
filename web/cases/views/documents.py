"""A case's documents: adding one outside a step, and downloading them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from web.cases.actions import add_document
from web.cases.forms import DocumentForm
from web.cases.models import CaseDocument
from web.cases.permissions import get_cases_for_user
from web.cases.views.common import REFUSALS, tell, user_of


@login_required
@require_POST
def document_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    case = get_object_or_404(get_cases_for_user(user).select_related("unit"), pk=pk)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        why = " ".join(str(e) for field in form.errors.values() for e in field)
        messages.error(request, _("The document was not added: %(why)s") % {"why": why})
        return redirect("cases:case-detail", pk=case.pk)
    try:
        add_document(case, user, form.new_document())
    except REFUSALS as err:
        tell(request, err)
    else:
        messages.success(request, _("Document added."))
    return redirect("cases:case-detail", pk=case.pk)


@login_required
@require_GET
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    visible = get_cases_for_user(user_of(request))
    document = get_object_or_404(CaseDocument, pk=pk, case__in=visible)
    if not document.file or not default_storage.exists(document.file.name):
        raise Http404
    return FileResponse(
        default_storage.open(document.file.name, "rb"),
        as_attachment=True,
        filename=document.name,
        content_type=document.content_type,
    )
