"""The shared world of the web tests: the Dirección de Gobierno Electrónico of seed 004,
with invented people in positions the manual names.

- Alicia Ramos directs the Dirección (head, administrator); Bruno Téllez is its Analista
  Consultivo A.
- Carla Méndez heads the Departamento de Ingeniería de Aplicaciones; Diego Fuentes is
  its Coordinador Especializado en Monitoreo de Sistemas.
- Elena Campos is an Analista A/B of another department (Administración de
  Infraestructura).
- Fernando Ibarra audits for the Contraloría Municipal; Gabriela Soto works at the
  Dirección de Atención Ciudadana and has nothing to do with the DGE (the outsider).

``cuentas`` and ``respaldos`` are two procedures of a small invented DGE manual
(``web/cases/tests/manual-pruebas-dge.txt``) that runs without the seeds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from web.accounts.models import Profile, Unit
from web.catalog.actions import ensure_role, import_manual_file
from web.catalog.models import ManualVersion, Procedure, Role, RoleAlias

PASSWORD = "folio-pruebas-2026"
PRUEBAS_DGE = Path(__file__).resolve().parent / "cases" / "tests" / "manual-pruebas-dge.txt"

DIRECTOR = "Director/a de Gobierno Electrónico"
JEFE_INGENIERIA = "Jefe/a de Departamento de Ingeniería de Aplicaciones"
COORDINADOR_MONITOREO = "Coordinador/a Especializado/a en Monitoreo de Sistemas"
ANALISTA_AB = "Analista A/B"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix: None,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """SQLite tests use a file, not shared-cache memory, so that threads with their own
    connections lock the way the real database does (``BEGIN IMMEDIATE``, WAL)."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    if str(db["ENGINE"]).endswith("sqlite3"):
        test = db.setdefault("TEST", {})
        assert isinstance(test, dict)
        if not test.get("NAME"):
            test["NAME"] = str(tmp_path_factory.mktemp("db") / "test.sqlite3")


@pytest.fixture(autouse=True)
def fast_password_hashing() -> Iterator[None]:
    """The world has many people; real hashing would take most of the run."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def audit_anchors_elsewhere(settings: Any, tmp_path: Path) -> None:
    """``folio audit verify`` checks the anchor file when it exists: never the one a
    developer's own ``folio audit anchor`` wrote under ``var/``."""
    settings.FOLIO_AUDIT_ANCHORS = tmp_path / "audit-anchors.jsonl"


@pytest.fixture(autouse=True)
def media_elsewhere(settings: Any, tmp_path: Path) -> None:
    """Imported files and page images go to the test's own folder, never ``var/media``."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def dge(db: None) -> Unit:
    return Unit.objects.create(name="Dirección de Gobierno Electrónico", folio_prefix="DGE")


@pytest.fixture
def ingenieria(dge: Unit) -> Unit:
    return Unit.objects.create(name="Departamento de Ingeniería de Aplicaciones", parent=dge)


@pytest.fixture
def infraestructura(dge: Unit) -> Unit:
    return Unit.objects.create(name="Departamento de Administración de Infraestructura", parent=dge)


@pytest.fixture
def contraloria(db: None) -> Unit:
    return Unit.objects.create(name="Contraloría Municipal", folio_prefix="CM")


@pytest.fixture
def atencion(db: None) -> Unit:
    return Unit.objects.create(name="Dirección de Atención Ciudadana", folio_prefix="DAC")


@pytest.fixture
def dge_roles(dge: Unit) -> dict[str, Role]:
    """The DGE roles the people below hold; seed 004 also spells the department head
    "…de Ingeniería de aplicaciones", merged here as an alias."""
    roles = {n: ensure_role(n, dge) for n in (DIRECTOR, JEFE_INGENIERIA, COORDINADOR_MONITOREO)}
    roles[ANALISTA_AB] = ensure_role(ANALISTA_AB, dge)
    variant = "Jefe/a de Departamento de Ingeniería de aplicaciones"
    RoleAlias.objects.create(role=roles[JEFE_INGENIERIA], name=variant)
    return roles


def person(username: str, full_name: str, unit: Unit, position: str, **flags: bool) -> User:
    first, _, last = full_name.partition(" ")
    user = User.objects.create_user(
        username,
        f"{username}@example.org",
        PASSWORD,
        first_name=first,
        last_name=last,
        is_staff=flags.pop("is_staff", False),
    )
    Profile.objects.create(user=user, unit=unit, position=position, **flags)
    return user


@pytest.fixture
def alicia(dge: Unit, dge_roles: dict[str, Role]) -> User:
    """Directora de Gobierno Electrónico; administers the catalog."""
    user = person("alicia", "Alicia Ramos", dge, DIRECTOR, is_head=True, is_staff=True)
    dge_roles[DIRECTOR].members.add(user)
    return user


@pytest.fixture
def bruno(dge: Unit) -> User:
    """Analista Consultivo A; no administration rights."""
    return person("bruno", "Bruno Téllez", dge, "Analista Consultivo A")


@pytest.fixture
def carla(ingenieria: Unit, dge_roles: dict[str, Role]) -> User:
    """Jefa de Departamento de Ingeniería de Aplicaciones."""
    user = person("carla", "Carla Méndez", ingenieria, JEFE_INGENIERIA, is_head=True)
    dge_roles[JEFE_INGENIERIA].members.add(user)
    return user


@pytest.fixture
def diego(ingenieria: Unit, dge_roles: dict[str, Role]) -> User:
    """Coordinador Especializado en Monitoreo de Sistemas, in Carla's department."""
    user = person("diego", "Diego Fuentes", ingenieria, COORDINADOR_MONITOREO)
    dge_roles[COORDINADOR_MONITOREO].members.add(user)
    return user


@pytest.fixture
def elena(infraestructura: Unit, dge_roles: dict[str, Role]) -> User:
    """Analista A/B of another department of the DGE."""
    user = person("elena", "Elena Campos", infraestructura, ANALISTA_AB)
    dge_roles[ANALISTA_AB].members.add(user)
    return user


@pytest.fixture
def fernando(contraloria: Unit) -> User:
    """Auditor of the Contraloría Municipal: reads every case, changes none."""
    position = "Auditor/a de la Contraloría Municipal"
    return person("fernando", "Fernando Ibarra", contraloria, position, is_auditor=True)


@pytest.fixture
def gabriela(atencion: Unit) -> User:
    """Operadora de Atención Ciudadana: an outsider to the DGE; she holds her role, which
    the demo manual's reports start with."""
    position = "Operador/a de Atención Ciudadana"
    user = person("gabriela", "Gabriela Soto", atencion, position)
    ensure_role(position, atencion).members.add(user)
    return user


@pytest.fixture
def pruebas_dge(dge: Unit, dge_roles: dict[str, Role]) -> ManualVersion:
    version, _ = import_manual_file(PRUEBAS_DGE, unit=dge)
    return version


@pytest.fixture
def cuentas(pruebas_dge: ManualVersion) -> Procedure:
    """Asignación de cuentas de usuario: 5 días hábiles; the request comes from the
    dependencia (external); "¿Solicitud procedente? No" ends early; an incomplete form
    loops back from 6 to 5; the user (external) signs at the end."""
    return pruebas_dge.procedures.get(code="P1")


@pytest.fixture
def respaldos(pruebas_dge: ManualVersion) -> Procedure:
    """Copia de seguridad: "Variable" time; a jump without a target (blocks) and a jump
    to the cuentas procedure (ends pointing there)."""
    return pruebas_dge.procedures.get(code="P2")


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client
