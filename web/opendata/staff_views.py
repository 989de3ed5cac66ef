"""Staff pages: the datasets and their state, a publication request, resources and
versions, and publishing (completing the case's publication step). Thin: each parses,
calls one action, answers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from web.cases.errors import CaseError
from web.opendata.actions import (
    DatasetFields,
    add_resource,
    add_resource_version,
    publish_dataset,
    request_dataset,
)
from web.opendata.actions.datasets import attach_case
from web.opendata.forms import DatasetRequestForm, ResourceForm, VersionForm
from web.opendata.models import Dataset, Resource
from web.opendata.permissions import can_manage_dataset, can_request_dataset
from web.opendata.publication import is_publication_step, waiting_task
from web.opendata.tables import InvalidResource


def _staff(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or not can_request_dataset(user):
        raise PermissionDenied(_("Only the municipality's staff manage open data."))
    return user


@login_required
def dataset_list(request: HttpRequest) -> HttpResponse:
    _staff(request)
    datasets = Dataset.objects.select_related("unit", "case").order_by("-updated_at")
    return render(request, "opendata/dataset_list.html", {"datasets": datasets})


@login_required
def dataset_request(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    form = DatasetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = DatasetFields(
            title=data["title"],
            description=data["description"],
            unit=data["unit"],
            theme=data["theme"],
            frequency=data["frequency"],
            licence=data["licence"],
            keywords=form.keyword_list(),
            spatial=data["spatial"],
            coverage_start=data["coverage_start"],
            coverage_end=data["coverage_end"],
        )
        try:
            dataset = request_dataset(fields, user)
        except CaseError as err:
            form.add_error(None, str(err))
        else:
            folio = dataset.case.folio if dataset.case else ""
            messages.success(request, _("Requested; case %(folio)s.") % {"folio": folio})
            return redirect("opendata:dataset-manage", name=dataset.name)
    return render(request, "opendata/dataset_request.html", {"form": form})


@login_required
def dataset_manage(request: HttpRequest, name: str) -> HttpResponse:
    user = _staff(request)
    dataset = get_object_or_404(Dataset.objects.select_related("unit", "case"), name=name)
    case = dataset.case
    task = waiting_task(case) if case is not None else None
    at_publication = case is not None and task is not None and is_publication_step(case, task)
    context = {
        "dataset": dataset,
        "resources": [(r, list(r.versions.order_by("-number"))) for r in dataset.resources.all()],
        "task": task,
        "at_publication": at_publication,
        "may_manage": can_manage_dataset(user, dataset),
        "resource_form": ResourceForm(),
        "version_form": VersionForm(),
    }
    return render(request, "opendata/dataset_manage.html", context)


@login_required
def resource_create(request: HttpRequest, name: str) -> HttpResponse:
    user = _staff(request)
    dataset = get_object_or_404(Dataset, name=name)
    form = ResourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            add_resource(
                dataset,
                user,
                name=form.cleaned_data["name"],
                fmt=form.cleaned_data["format"],
                schema=form.cleaned_data["dictionary"],
                filename=upload.name,
                content=upload.read(),
                description=form.cleaned_data["description"],
            )
        except InvalidResource as err:
            for message in err.errors:
                form.add_error(None, message)
        else:
            messages.success(request, _("Resource added."))
            return redirect("opendata:dataset-manage", name=dataset.name)
    return render(request, "opendata/resource_form.html", {"dataset": dataset, "form": form})


@login_required
def version_create(request: HttpRequest, pk: str) -> HttpResponse:
    user = _staff(request)
    resource = get_object_or_404(Resource.objects.select_related("dataset"), pk=pk)
    form = VersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            add_resource_version(
                resource,
                user,
                filename=upload.name,
                content=upload.read(),
                note=form.cleaned_data["note"],
            )
        except InvalidResource as err:
            for message in err.errors:
                form.add_error(None, message)
        else:
            messages.success(request, _("New version added."))
            return redirect("opendata:dataset-manage", name=resource.dataset.name)
    context = {"dataset": resource.dataset, "resource": resource, "form": form}
    return render(request, "opendata/version_form.html", context)


@login_required
@require_POST
def case_open(request: HttpRequest, name: str) -> HttpResponse:
    user = _staff(request)
    dataset = get_object_or_404(Dataset, name=name)
    try:
        dataset = attach_case(dataset, user)
    except CaseError as err:
        messages.error(request, str(err))
    else:
        folio = dataset.case.folio if dataset.case else ""
        messages.success(request, _("Requested; case %(folio)s.") % {"folio": folio})
    return redirect("opendata:dataset-manage", name=dataset.name)


@login_required
@require_POST
def dataset_publish(request: HttpRequest, name: str) -> HttpResponse:
    user = _staff(request)
    dataset = get_object_or_404(Dataset, name=name)
    try:
        publish_dataset(dataset, user, request.POST.get("notes", ""))
    except CaseError as err:
        messages.error(request, str(err))
        return redirect("opendata:dataset-manage", name=dataset.name)
    messages.success(request, _("Published."))
    return redirect("opendata:dataset-detail", name=dataset.name)
