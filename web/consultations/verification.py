"""Proving a citizen is one person without keeping who they are.

The email is turned into a keyed hash (HMAC-SHA256 with ``SECRET_KEY``) the moment it
arrives; only the hash is stored, and it is what makes a second response of the same
person fail. The email itself is used once, to send the one-time code and link, and is
never written to the database. Codes and link tokens are stored hashed too.

Spam defence without third parties: a hidden honeypot field, and counters in Django's
cache per address and per email hash.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache

#: How long a code or link works.
CODE_LIFETIME = timedelta(minutes=30)
#: Wrong codes a ticket tolerates before it is spent.
MAX_ATTEMPTS = 5
#: Codes one address may ask for per hour, and one email per consultation per hour.
CODES_PER_ADDRESS = 20
CODES_PER_EMAIL = 3
#: Codes typed (right or wrong) per address per hour.
TRIES_PER_ADDRESS = 60
#: Proposals per person per consultation.
PROPOSALS_PER_PERSON = 5
HOUR = 3600
#: The name of the field a person never sees (bots fill it).
HONEYPOT = "sitio_web"


def _keyed(kind: str, value: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def normalize_email(email: str) -> str:
    return email.strip().lower()


def email_hash(email: str) -> str:
    return _keyed("consultas-email", normalize_email(email))


def secret_hash(secret: str) -> str:
    return _keyed("consultas-ticket", secret.strip())


def new_code() -> str:
    return f"{secrets.randbelow(10**6):06d}"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def within_limit(bucket: str, key: str, limit: int, seconds: int = HOUR) -> bool:
    """Count one more in ``bucket``/``key``; False once the count passes ``limit``."""
    name = "consultas:" + bucket + ":" + _keyed("bucket", key)[:32]
    cache.add(name, 0, seconds)
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, seconds)
        count = 1
    return count <= limit


def is_bot(data: object) -> bool:
    """A filled honeypot: the form is answered as if accepted and nothing is done."""
    getter = getattr(data, "get", None)
    return bool(getter and str(getter(HONEYPOT, "") or "").strip())
