from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from web.cases.errors import CaseError
from web.cases.models import CaseState, Event
from web.opendata.actions import publish_dataset, request_dataset
from web.opendata.models import Dataset
from web.opendata.queries import public_dataset
from web.opendata.review import approve_review
from web.opendata.tests.conftest import fields


def test_it_opens_a_publication_case_when_a_dataset_is_requested(requested: Dataset) -> None:
    assert requested.case is not None
    assert requested.case.state == CaseState.OPEN
    assert requested.case.procedure.version.manual.code == "DEMO/MP/DGE/DA/001"
    # the request is the first activity (registered when the case starts): review waits
    assert requested.case.tasks.get(state="open").step_number == "2"
    assert not requested.is_public
    assert public_dataset(requested.name) is None
    kinds = list(Event.objects.values_list("kind", flat=True))
    assert "opendata.dataset_requested" in kinds


def test_it_refuses_to_publish_before_the_publication_step(
    requested: Dataset, alicia: User
) -> None:
    with pytest.raises(CaseError, match="publicación|publication"):
        publish_dataset(requested, alicia)
    requested.refresh_from_db()
    assert requested.published_at is None


def test_it_publishes_by_completing_the_publication_step(
    requested: Dataset, carla: User, alicia: User
) -> None:
    # given the review approved
    approve_review(requested, carla)
    assert public_dataset(requested.name) is None
    # when the portal's administrator publishes
    publish_dataset(requested, alicia)
    # then the case ended at its last activity and the dataset is public
    requested.refresh_from_db()
    assert requested.case is not None
    assert requested.case.state == CaseState.ENDED
    assert requested.case.tasks.get(step_number="4").completed_by == alicia
    assert public_dataset(requested.name) is not None
    assert Event.objects.filter(kind="opendata.dataset_published").count() == 1


def test_only_who_holds_the_publication_step_publishes(
    requested: Dataset, carla: User, bruno: User
) -> None:
    approve_review(requested, carla)
    with pytest.raises(PermissionDenied):
        publish_dataset(requested, bruno)
    requested.refresh_from_db()
    assert requested.published_at is None


def test_a_dataset_without_resources_is_not_published(
    opendata_manual: object, dge: object, bruno: User, carla: User, alicia: User
) -> None:
    dataset = request_dataset(fields(dge, title="Vacío"), bruno)  # type: ignore[arg-type]
    approve_review(dataset, carla)
    with pytest.raises(CaseError):
        publish_dataset(dataset, alicia)
    assert Dataset.objects.get(pk=dataset.pk).published_at is None


def test_an_outsider_may_not_request(opendata_manual: object, dge: object, fernando: User) -> None:
    with pytest.raises(PermissionDenied):
        request_dataset(fields(dge), fernando)  # type: ignore[arg-type]
    assert not Dataset.objects.exists()


def test_completing_the_publication_step_from_the_inbox_publishes_too(
    requested: Dataset, carla: User, alicia: User
) -> None:
    from web.cases.actions import complete_task
    from web.opendata.publication import waiting_task

    approve_review(requested, carla)
    assert requested.case is not None
    task = waiting_task(requested.case)
    assert task is not None and task.step_number == "4"
    complete_task(task, alicia)  # as the inbox does, without the open-data page
    assert public_dataset(requested.name) is not None
    assert Event.objects.filter(kind="opendata.dataset_published").count() == 1
    from web.cases.log import verify_log

    assert verify_log().ok  # the listener's entry is chained like any other
