"""Step-table columns read from their cells, header words only as extra evidence."""

from __future__ import annotations

import pytest

from folio.manuals.columns import assign, hint_of, number_of
from folio.manuals.table import ACTIVITY, COPIES, DOCUMENT, NUMBER, RESPONSIBLE

# given a 5×4 grid with no header: the numbers, the actions, the roles, the documents
GRID = [
    (
        "1",
        "Recibe la solicitud del ciudadano y la registra.",
        "Auxiliar de Ventanilla",
        "Solicitud",
    ),
    ("2", "Revisa que la solicitud esté completa.", "Jefe de Oficina", "Solicitud"),
    ("3", "Elabora el oficio de respuesta.", "Auxiliar de Ventanilla", "Oficio"),
    ("4", "Firma el oficio y lo turna.", "Director de Área", "Oficio"),
    ("5", "Entrega la respuesta al ciudadano.", "Auxiliar de Ventanilla", "Acuse"),
]


def _permute(order: tuple[int, ...]) -> list[tuple[str, ...]]:
    return [tuple(row[i] for i in order) for row in GRID]


@pytest.mark.parametrize("order", [(0, 1, 2, 3), (2, 0, 1, 3), (1, 2, 3, 0), (3, 2, 1, 0)])
def test_it_finds_each_column_in_any_order_without_a_header(order: tuple[int, ...]) -> None:
    cols = assign(None, _permute(order))

    assert cols is not None
    where = {part: order.index(k) for k, part in enumerate(["num", "act", "resp", "doc"])}
    assert (cols.number, cols.activity, cols.responsible) == (
        where["num"],
        where["act"],
        where["resp"],
    )
    assert cols.documents == (where["doc"],)


def test_it_reads_the_number_written_in_the_responsible_cell() -> None:
    rows = [(f"{n}) {who}", what) for n, (_, what, who, _) in enumerate(GRID, start=1)]

    cols = assign(("Responsable", "Actividad"), rows)

    assert cols is not None
    assert cols.number == cols.responsible == 0 and cols.activity == 1


def test_it_refuses_a_numbered_list_of_names() -> None:
    # an index of procedures: numbers and names, no actions, no roles
    rows = [("1", "Procedimiento para el alta de proveedores"), ("2", "Procedimiento de pagos")]

    assert assign(None, rows) is None


def test_it_refuses_a_record_table_whose_numbers_are_quantities() -> None:
    rows = [
        ("Expediente del solicitante", "1 año", "Jefe de Archivo", "AR-01"),
        ("Reporte final del semestre", "2 años", "Jefe de Archivo", "AR-02"),
    ]

    assert assign(None, rows) is None


@pytest.mark.parametrize(
    ("header", "part"),
    [
        ("Paso No.", NUMBER),
        ("Actor/Puesto", RESPONSIBLE),
        ("Puesto y Área", RESPONSIBLE),
        ("Descripción de la Actividad", ACTIVITY),
        ("Documento de Trabajo (clave)", DOCUMENT),
        ("Insumo", DOCUMENT),
        ("Tantos", COPIES),
        ("Fecha", None),
    ],
)
def test_it_reads_header_words_in_any_wording(header: str, part: str | None) -> None:
    assert hint_of(header) == part


@pytest.mark.parametrize(
    ("cell", "found"),
    [
        ("3", ("3", "")),
        ("3.1", ("3.1", "")),
        ("1)", ("1", "")),
        ("2)Persona Consejera", ("2", "Persona Consejera")),
        ("1 Es", ("1", "Es")),
        ("Paso 4:", ("4", "")),
        ("5 días hábiles", None),
        ("1 año", None),
        ("Recibe", None),
    ],
)
def test_it_tells_step_numbers_from_quantities(cell: str, found: tuple[str, str] | None) -> None:
    assert number_of(cell) == found
