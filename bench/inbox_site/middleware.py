"""Counts the SQL statements of each request into an ``X-Queries`` header."""

from __future__ import annotations

from collections.abc import Callable

from django.db import connection
from django.http import HttpRequest, HttpResponse


def count_queries(get_response: Callable[[HttpRequest], HttpResponse]):  # type: ignore[no-untyped-def]
    def middleware(request: HttpRequest) -> HttpResponse:
        seen = [0]

        def counter(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
            seen[0] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = get_response(request)
        response["X-Queries"] = str(seen[0])
        return response

    return middleware
