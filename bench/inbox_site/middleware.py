"""Counts the SQL statements of each request and their time into ``X-Queries`` and
``X-SQL-ms`` headers."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.db import connection
from django.http import HttpRequest, HttpResponse


def count_queries(get_response: Callable[[HttpRequest], HttpResponse]):  # type: ignore[no-untyped-def]
    def middleware(request: HttpRequest) -> HttpResponse:
        seen, spent = [0], [0.0]

        def counter(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
            seen[0] += 1
            start = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                spent[0] += time.perf_counter() - start

        with connection.execute_wrapper(counter):
            response = get_response(request)
        response["X-Queries"] = str(seen[0])
        response["X-SQL-ms"] = f"{spent[0] * 1000:.1f}"
        return response

    return middleware
