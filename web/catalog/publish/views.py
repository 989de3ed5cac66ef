"""Downloads of a procedure or a whole manual (any version, retired ones too), the
diagrams alone, and the page of an organization manual. Signed-in people only."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from web.catalog.models import CatalogManual, ManualKind, ManualVersion, Procedure
from web.catalog.publish import files
from web.catalog.publish.cache import RenderFailed, export_path, fetch
from web.catalog.publish.organization import organization_context

#: Downloaded HTML and SVG may not run scripts nor load anything from elsewhere.
SANDBOX = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"
#: Seconds after which the "being prepared" page asks again (``Refresh`` header, no script).
ASK_AGAIN = 10


@login_required
def procedure_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    row = get_object_or_404(Procedure.objects.select_related("version__manual"), pk=pk)
    if fmt not in files.PROCEDURE_FORMATS:
        raise Http404(_("Folio does not publish that format."))
    download = files.procedure_download(row, fmt)
    return send(request, row.version, row.code, fmt, download)


@login_required
def procedure_diagram(request: HttpRequest, pk: int) -> HttpResponse:
    """The swimlane alone, full size, to open in its own browser tab."""
    row = get_object_or_404(Procedure.objects.select_related("version__manual"), pk=pk)
    download = files.procedure_download(row, "svg")
    return send(request, row.version, row.code, "svg", download, attachment=False)


@login_required
def manual_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    version = get_object_or_404(ManualVersion.objects.select_related("manual"), pk=pk)
    if fmt not in formats_of(version.manual):
        raise Http404(_("Folio does not publish that format."))
    return send(request, version, "", fmt, files.manual_download(version, fmt))


@login_required
def organization_chart(request: HttpRequest, pk: int) -> HttpResponse:
    """The org chart alone, full size, to open in its own browser tab."""
    version = get_object_or_404(ManualVersion.objects.select_related("manual"), pk=pk)
    if version.manual.kind != ManualKind.ORGANIZATION:
        raise Http404(_("This is not an organization manual."))
    download = files.manual_download(version, "organigrama")
    return send(request, version, "", "organigrama", download, attachment=False)


def organization_detail(request: HttpRequest, manual: CatalogManual) -> HttpResponse:
    """The page of an organization manual (``manual_detail`` hands it over)."""
    version = manual.current
    context = {"manual": manual, "version": version}
    if version is not None:
        context.update(organization_context(version))
    return render(request, "catalog/organization_detail.html", context)


def formats_of(manual: CatalogManual) -> tuple[str, ...]:
    if manual.kind == ManualKind.ORGANIZATION:
        return files.ORGANIZATION_FORMATS
    return files.MANUAL_FORMATS


def send(
    request: HttpRequest,
    version: ManualVersion,
    procedure: str,
    fmt: str,
    download: files.Download,
    *,
    attachment: bool = True,
) -> HttpResponse:
    """The file, from the cache or rendered now; a page that says it is being prepared
    when it takes long, or what failed."""
    path = export_path(version.sha256, procedure, f"{fmt}.{download.extension}")
    context = {"version": version, "procedure": procedure, "fmt": fmt.upper()}
    try:
        content = fetch(path, download.build)
    except RenderFailed:  # any renderer failure becomes a page, never a 500
        return render(request, "catalog/_publish_error.html", context, status=422)
    if content is None:
        context["again"] = request.get_full_path()
        pending = render(request, "catalog/_publish_pending.html", context, status=202)
        pending["Refresh"] = str(ASK_AGAIN)
        return pending
    response = HttpResponse(content, content_type=download.content_type)
    disposition = content_disposition_header(attachment, download.filename)
    response["Content-Disposition"] = disposition or "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    if download.extension in ("svg", "html"):
        response["Content-Security-Policy"] = SANDBOX
    return response
