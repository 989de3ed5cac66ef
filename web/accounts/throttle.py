"""Which address a sign-in attempt comes from, for the sign-in throttle (django-axes)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def client_address(request: HttpRequest) -> str:
    """The socket's peer; with ``FOLIO_HTTPS`` (behind the TLS proxy) the last address of
    ``X-Forwarded-For``, which the proxy appended: the one it saw. Earlier entries come
    from the client and could be forged to dodge the lockout."""
    peer = str(request.META.get("REMOTE_ADDR", ""))
    if not settings.FOLIO_HTTPS:
        return peer
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    last = forwarded.rsplit(",", 1)[-1].strip()
    return last or peer


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The page an address that is locked out gets (HTTP 429): for how long, and whom to
    ask to lift it sooner."""
    cool_off: timedelta = settings.AXES_COOLOFF_TIME
    minutes = max(1, round(cool_off.total_seconds() / 60))
    context = {"minutes": minutes, "attempts": settings.AXES_FAILURE_LIMIT}
    return render(request, "accounts/lockout.html", context, status=429)
