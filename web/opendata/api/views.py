"""``/api/3/action/<name>``: GET with query parameters or POST with a JSON body, answered
in CKAN's envelope ``{help, success, result}`` or ``{help, success: false, error}``."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from web.opendata.api.actions import ACTIONS
from web.opendata.api.errors import ApiError, bad_request


@csrf_exempt
def action(request: HttpRequest, name: str) -> JsonResponse:
    base = request.build_absolute_uri("/")
    help_url = f"{base}api/3/action/help_show?name={name}"
    try:
        if request.method not in ("GET", "POST"):
            raise bad_request("only GET and POST are accepted")
        if name not in ACTIONS:
            raise bad_request(f"Action name not known: {name}")
        result = ACTIONS[name](_params(request), base)
    except ApiError as err:
        body = {"help": help_url, "success": False, "error": err.error}
        return _answer(body, err.status)
    return _answer({"help": help_url, "success": True, "result": result}, 200)


def _params(request: HttpRequest) -> dict[str, Any]:
    if request.method == "POST" and request.body:
        if request.content_type == "application/json" or request.body.lstrip()[:1] == b"{":
            try:
                data = json.loads(request.body)
            except (json.JSONDecodeError, UnicodeDecodeError):
                raise bad_request("JSON Error: could not read the request body") from None
            if not isinstance(data, dict):
                raise bad_request("JSON Error: the request body must be a JSON object")
            return data
        return {k: request.POST.get(k) for k in request.POST}
    return {k: request.GET.get(k) for k in request.GET}


def _answer(body: dict[str, Any], status: int) -> JsonResponse:
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response
