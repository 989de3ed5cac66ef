"""A planning institute with a validator, a dependencia (the DAC) with its Enlace
(gabriela), and a PAT with one monthly meta."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import User

from web.accounts.models import Unit
from web.conftest import person
from web.planning.actions.enlaces import save_enlace
from web.planning.actions.pat import save_goal, save_pat, save_program, save_project
from web.planning.models import EnlaceRole, Goal, Project
from web.planning.procedure import validator_role


@pytest.fixture
def implan(db: None) -> Unit:
    return Unit.objects.create(name="Instituto Municipal de Planeación", folio_prefix="IMPLAN")


@pytest.fixture
def mariana(implan: Unit) -> User:
    """Analista de Seguimiento y Evaluación of the institute: reviews progress."""
    user = person("mariana", "Mariana Quiroz", implan, "Analista de Seguimiento y Evaluación")
    validator_role().members.add(user)
    return user


@pytest.fixture
def enlace_dac(gabriela: User, atencion: Unit, mariana: User) -> User:
    save_enlace(atencion, EnlaceRole.PLANEACION, gabriela, date(2026, 1, 15), mariana)
    return gabriela


@pytest.fixture
def goal(atencion: Unit, mariana: User, enlace_dac: User) -> Goal:
    pat = save_pat(atencion, 2026, mariana)
    program = save_program(pat, "DAC-01", "Atención ciudadana de calidad", "", mariana)
    name = "Reportes de alumbrado atendidos"
    project = Project(
        program=program, name=name, budget=Decimal("150000"), responsible_unit=atencion
    )
    save_project(project, mariana)
    goal = Goal(project=project, description="Reportes de alumbrado atendidos",
                unit_of_measure="reportes", programmed=[40] * 12)  # fmt: skip
    return save_goal(goal, mariana)
