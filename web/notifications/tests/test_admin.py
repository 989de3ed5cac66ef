"""The notice ledger in the admin: operators read it, nobody edits it by hand."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from web.cases.actions import open_case
from web.catalog.models import Procedure
from web.conftest import signed_in

pytestmark = pytest.mark.django_db


def test_it_lists_notices_read_only(cuentas: Procedure, bruno: User) -> None:
    # given: a notice sent, and an operator
    case = open_case(cuentas, bruno, "Cuenta SAP")
    call_command("notify", stdout=StringIO())
    operator = User.objects.create_superuser("operador", "operador@example.org", "x")
    client = signed_in(operator)
    # when
    listing = client.get("/admin/notifications/notice/")
    # then
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "bruno@example.org" in page and case.folio in page
    assert client.get("/admin/notifications/notice/add/").status_code == 403
