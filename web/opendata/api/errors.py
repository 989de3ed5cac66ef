"""CKAN's error answers: the ``__type`` names ``ckanapi`` turns back into exceptions."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    def __init__(self, status: int, error: dict[str, Any]) -> None:
        super().__init__(str(error))
        self.status = status
        self.error = error


def not_found(message: str = "Not found") -> ApiError:
    return ApiError(404, {"__type": "Not Found Error", "message": f"Not found: {message}"})


def invalid(field: str, message: str) -> ApiError:
    return ApiError(409, {"__type": "Validation Error", field: [message]})


def search_query_error(message: str) -> ApiError:
    return ApiError(
        409, {"__type": "Search Query Error", "message": f"Search Query Error: {message}"}
    )


def bad_request(message: str) -> ApiError:
    return ApiError(400, {"__type": "Bad request", "message": f"Bad request - {message}"})
