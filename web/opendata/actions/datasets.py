"""Requesting a dataset's publication (a case of the open-data procedure) and publishing
it, which is completing that case's publication step."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from folio.manuals.cleaning import fold
from web.accounts.audit import record
from web.accounts.models import Unit
from web.cases.actions import complete_task, open_case
from web.cases.errors import CaseError
from web.cases.models import CaseState
from web.opendata.models import Dataset, Frequency, Licence, Theme
from web.opendata.permissions import can_request_dataset
from web.opendata.publication import is_publication_step, publication_procedure, waiting_task


@dataclass(frozen=True)
class DatasetFields:
    """The metadata the registration form asks for."""

    title: str
    description: str
    unit: Unit
    theme: str
    frequency: str
    licence: str = Licence.CC_BY
    keywords: tuple[str, ...] = ()
    spatial: str = ""
    coverage_start: date | None = None
    coverage_end: date | None = None
    name: str = ""
    source: str = ""
    extra: dict[str, str] = field(default_factory=dict)


@transaction.atomic
def request_dataset(fields: DatasetFields, user: User) -> Dataset:
    """A new unpublished dataset and the case that will review and publish it."""
    if not can_request_dataset(user):
        raise PermissionDenied(_("You may not request the publication of datasets."))
    _check(fields)
    dataset = Dataset.objects.create(
        name=_free_name(fields.name or slugify(fields.title)[:90]),
        title=fields.title.strip(),
        description=fields.description.strip(),
        unit=fields.unit,
        theme=fields.theme,
        keywords=_keywords(fields.keywords),
        frequency=fields.frequency,
        licence=fields.licence,
        spatial=fields.spatial.strip(),
        coverage_start=fields.coverage_start,
        coverage_end=fields.coverage_end,
        source=fields.source,
        created_by=user,
    )
    dataset.search_text = search_text(dataset)
    subject = _("Publication of the dataset «%(title)s»") % {"title": dataset.title}
    dataset.case = open_case(publication_procedure(), user, subject, fields.unit.name)
    dataset.save(update_fields=["search_text", "case"])
    record(
        "opendata.dataset_requested",
        actor=user,
        payload={"dataset": dataset.name, "title": dataset.title, "folio": dataset.case.folio},
    )
    return dataset


@transaction.atomic
def attach_case(dataset: Dataset, user: User) -> Dataset:
    """Open the publication case of a dataset Folio generated (it has none yet)."""
    if not can_request_dataset(user):
        raise PermissionDenied(_("You may not request the publication of datasets."))
    dataset = Dataset.objects.select_for_update().get(pk=dataset.pk)
    if dataset.case_id is not None:
        raise CaseError(_("This dataset already has its publication case."))
    subject = _("Publication of the dataset «%(title)s»") % {"title": dataset.title}
    dataset.case = open_case(publication_procedure(), user, subject, dataset.unit.name)
    dataset.save(update_fields=["case"])
    payload = {"dataset": dataset.name, "title": dataset.title, "folio": dataset.case.folio}
    record("opendata.dataset_requested", actor=user, payload=payload)
    return dataset


@transaction.atomic
def publish_dataset(dataset: Dataset, user: User, notes: str = "") -> Dataset:
    """Complete the publication step of the dataset's case (the case's own rules decide
    who may); its end makes the dataset public in the same transaction
    (``publication.publish_on_case_end``). Refused before that step, and for a dataset
    with no resource."""
    dataset = Dataset.objects.select_for_update().get(pk=dataset.pk)
    if dataset.is_public:
        raise CaseError(_("This dataset is already published."))
    case = dataset.case
    task = waiting_task(case) if case is not None else None
    if case is None or task is None or not is_publication_step(case, task):
        raise CaseError(_("The publication case has not reached its publication step."))
    if not dataset.resources.filter(versions__isnull=False).exists():
        raise CaseError(_("A dataset is published with at least one resource."))
    done = complete_task(task, user, None, notes or _("Dataset published in the catalogue."))
    dataset.refresh_from_db(fields=["published_at"])
    if done.case_state != CaseState.ENDED or dataset.published_at is None:
        raise CaseError(_("The publication case did not end; nothing was published."))
    return dataset


def search_text(dataset: Dataset) -> str:
    words = [dataset.title, dataset.description, " ".join(dataset.keywords), dataset.unit.name]
    return fold(" ".join(words))


def _check(fields: DatasetFields) -> None:
    errors = []
    if not fields.title.strip():
        errors.append(_("The dataset needs a title."))
    if not fields.description.strip():
        errors.append(_("The dataset needs a description."))
    if fields.theme not in Theme.values:
        errors.append(_("Choose a theme from the list."))
    if fields.frequency not in Frequency.values:
        errors.append(_("Choose an update frequency from the list."))
    if fields.licence not in Licence.values:
        errors.append(_("Choose a licence from the list."))
    start, end = fields.coverage_start, fields.coverage_end
    if start and end and end < start:
        errors.append(_("The coverage ends before it starts."))
    if errors:
        raise CaseError(" ".join(errors))


def _keywords(words: tuple[str, ...]) -> list[str]:
    seen: list[str] = []
    for word in words:
        clean = " ".join(word.split()).lower()
        if clean and clean not in seen:
            seen.append(clean[:60])
    return seen


def _free_name(base: str) -> str:
    base = base or "conjunto"
    name, n = base, 2
    while Dataset.objects.filter(name=name).exists():
        name, n = f"{base}-{n}", n + 1
    return name
