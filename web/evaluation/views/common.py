"""What the evaluation views share: the signed-in person, reading rights, refusals."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from web.evaluation.errors import EvaluationError
from web.evaluation.models import Indicator, Program
from web.evaluation.permissions import can_read

REFUSALS = (EvaluationError, PermissionDenied)


def reader(request: HttpRequest) -> User:
    """The signed-in person, who must be allowed to read evaluations."""
    if not isinstance(request.user, User) or not can_read(request.user):
        raise PermissionDenied
    return request.user


def get_program(pk: int) -> Program:
    return get_object_or_404(Program.objects.select_related("unit"), pk=pk)


def get_indicator(pk: int) -> Indicator:
    related = Indicator.objects.select_related("row__program__unit", "row__parent")
    return get_object_or_404(related, pk=pk)
