"""Personal data that must never leave in an open dataset: e-mail addresses, telephone
numbers and the names of the people Folio knows (its users). Used when Folio generates a
dataset (a source whose rows hold any is refused) and by the tests that scan every
resource and API answer."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.contrib.auth.models import User

from folio.manuals.cleaning import fold

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
#: Ten digits (Mexican numbers), optionally +52, grouped by spaces, dots or dashes;
#: never part of a longer run of digits or of a hex string.
PHONE = re.compile(
    r"(?<![\w.])(?:\+?52[ .-]?)?(?:\(\d{2,3}\)[ .-]?|\d{2,3}[ .-]?)\d{3,4}[ .-]?\d{4}(?![\w.])"
)


def people_names() -> list[str]:
    """Folded full names of every user ("alicia ramos")."""
    names = []
    for first, last in User.objects.values_list("first_name", "last_name"):
        full = fold(f"{first} {last}".strip())
        if " " in full:
            names.append(full)
    return names


def findings(texts: Iterable[str], names: list[str]) -> list[str]:
    """What looks like personal data in ``texts``: each finding quoted once."""
    found: list[str] = []
    for text in texts:
        for match in (*EMAIL.findall(text), *PHONE.findall(text)):
            if match not in found:
                found.append(match)
        folded = fold(text)
        for name in names:
            if re.search(rf"\b{re.escape(name)}\b", folded) and name not in found:
                found.append(name)
    return found
