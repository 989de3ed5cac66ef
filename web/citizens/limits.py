"""Spam and flood defences that need no outside service.

- Per-address limits through Django's cache: a fixed window per address and purpose
  (``hit``). With several server processes each keeps its own count unless a shared
  cache is configured; the per-application Open311 limit is counted in the database
  (``actions/reports.py``) and holds across processes.
- The report form carries a honeypot field people never see (bots fill it) and a signed
  time token: a form sent back in under ``MIN_SECONDS`` or after ``MAX_AGE`` is refused.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest

from web.accounts.throttle import client_address

SALT = "citizens.form-time"
MIN_SECONDS = 3
MAX_AGE = 2 * 3600

#: purpose → (requests, window in seconds) per address.
DEFAULT_LIMITS = {
    "report": (10, 3600),
    "lookup": (60, 60),
    "open311-post": (120, 60),
    "open311-get": (600, 60),
    "arco": (5, 3600),
}


def limit_for(purpose: str) -> tuple[int, int]:
    limits = {**DEFAULT_LIMITS, **getattr(settings, "FOLIO_CITIZEN_LIMITS", {})}
    return limits[purpose]


def hit(request: HttpRequest, purpose: str) -> bool:
    """Count one request of ``purpose`` from the request's address; False once the
    address is over its limit for the current window."""
    most, window = limit_for(purpose)
    slot = int(time.time()) // window
    key = f"citizens:{purpose}:{client_address(request)}:{slot}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # the entry expired between add and incr
        cache.set(key, 1, timeout=window + 1)
        count = 1
    return count <= most


def form_token() -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(int(time.time())))


def token_is_fresh(token: str) -> bool:
    """Signed by us, at least ``MIN_SECONDS`` old and no older than ``MAX_AGE``."""
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token, max_age=MAX_AGE)
    except signing.BadSignature:
        return False
    return value.isdigit() and time.time() - int(value) >= MIN_SECONDS
