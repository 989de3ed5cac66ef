"""The inbox's first page, paginated: what the cases app's inbox would do with the
queries of ``inbox_queries`` (25 held tasks, 25 of the role's queue, both counts), drawn
with the app's template; rows either by the app's ``task_view`` (``inbox_page``) or
decided once per page (``inbox_page_batched``, ``rows.task_views``)."""

from __future__ import annotations

import inbox_queries
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from inbox_site.rows import task_views
from web.cases.queries import Inbox, Models, task_view
from web.cases.views.common import user_of


def _first_page(user):  # type: ignore[no-untyped-def]
    ids = inbox_queries.role_ids(user)
    held = list(inbox_queries.held_tasks(user)[: inbox_queries.PAGE])
    for task in held:
        task.assignee = user
    queue = list(inbox_queries.role_queue(ids)[: inbox_queries.PAGE])
    count = inbox_queries.held_count(user) + inbox_queries.role_queue_count(ids)
    return held, queue, count


def _answer(request: HttpRequest, inbox: Inbox, count: int) -> HttpResponse:
    response = render(request, "cases/task_list.html", {"inbox": inbox})
    response["X-Inbox-Count"] = str(count)
    return response


@login_required
def inbox_page(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    held, queue, count = _first_page(user)
    today, models = timezone.localdate(), Models()
    mine = [task_view(t, user, models.of(t.case.procedure), today) for t in held]
    waiting = [task_view(t, user, models.of(t.case.procedure), today) for t in queue]
    return _answer(request, Inbox(mine, waiting), count)


@login_required
def inbox_page_batched(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    held, queue, count = _first_page(user)
    views = task_views(held + queue, user, timezone.localdate())
    return _answer(request, Inbox(views[: len(held)], views[len(held) :]), count)
