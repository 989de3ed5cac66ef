"""The Plan Municipal de Desarrollo from a spreadsheet (XLSX or CSV), checked row by row.

One row per element of the plan, with the columns of ``COLUMNS`` (Nivel, Clave,
Descripción, Indicadores, Nivel de implementación (%), Metas ODS, Plan estatal, Plan
nacional); the parent of an element is read from its key: the Objetivo ``1.1`` belongs to
the Eje ``1``, the Línea de acción ``1.1.1.4`` to the Estrategia ``1.1.1``.

- *Nivel* is Eje, Objetivo, Estrategia or Línea de acción; the key has one number per
  level (``1``, ``1.2``, ``1.2.3``, ``1.2.3.4``) and its parent must come before it.
- *Indicadores*: one or more, separated by ``;``.
- *Nivel de implementación*: a percentage from 0 to 100 (the ``%`` sign is allowed).
- *Metas ODS*: UN target ids (``11.2``, ``16.a``) separated by ``;``.
- *Plan estatal* / *Plan nacional*: items as ``código: texto`` separated by ``;``.

``parse`` returns every row it could read and every error, each naming its row (as the
spreadsheet numbers it, the header being row 1) and column. Callers save nothing when
there is any error.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import PurePath

from folio.planning.ods import parse_target_ids

LEVELS = ("eje", "objetivo", "estrategia", "linea")
LEVEL_NAMES = {
    "eje": "Eje",
    "objetivo": "Objetivo",
    "estrategia": "Estrategia",
    "linea": "Línea de acción",
}
COLUMNS = (
    "Nivel",
    "Clave",
    "Descripción",
    "Indicadores",
    "Nivel de implementación (%)",
    "Metas ODS",
    "Plan estatal",
    "Plan nacional",
)
REQUIRED = ("Nivel", "Clave", "Descripción")
KEY = re.compile(r"^[0-9]{1,3}(\.[0-9]{1,3}){0,3}$")
MAX_ROWS = 5000

#: Records an error of the current row: (column, message).
_Fail = Callable[[str, str], None]


@dataclass(frozen=True)
class Alignment:
    plan: str  # "estatal" or "nacional"
    code: str
    text: str


@dataclass(frozen=True)
class PmdRow:
    row: int
    level: str
    key: str
    title: str
    indicators: tuple[str, ...] = ()
    implementation: Decimal | None = None
    ods_targets: tuple[str, ...] = ()
    alignments: tuple[Alignment, ...] = ()

    @property
    def parent_key(self) -> str:
        return self.key.rpartition(".")[0]


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"fila {self.row}" if self.row else "archivo"
        if self.column:
            where += f", columna '{self.column}'"
        return f"{where}: {self.message}"


@dataclass
class ParseResult:
    rows: list[PmdRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def fold(text: str) -> str:
    """Lower case without accents, single spaces: how headers and levels are compared."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(plain.lower().split())


_LEVEL_WORDS = {
    "eje": "eje",
    "eje rector": "eje",
    "objetivo": "objetivo",
    "objetivo estrategico": "objetivo",
    "estrategia": "estrategia",
    "linea de accion": "linea",
    "linea": "linea",
}
_HEADERS = {fold(c): c for c in COLUMNS} | {
    "nivel de implementacion": "Nivel de implementación (%)",
    "descripcion": "Descripción",
    "indicador": "Indicadores",
    "ods": "Metas ODS",
}


def parse(name: str, content: bytes) -> ParseResult:
    """Read ``content`` as XLSX or CSV by the extension of ``name``."""
    suffix = PurePath(name).suffix.lower()
    try:
        if suffix == ".xlsx":
            table = read_xlsx(content)
        elif suffix == ".csv":
            table = read_csv(content)
        else:
            message = f"«{name}» no es una hoja XLSX ni un archivo CSV."
            return ParseResult(errors=[RowError(0, "", message)])
    except ValueError as err:
        return ParseResult(errors=[RowError(0, "", f"«{name}»: {err}")])
    return parse_table(table)


def read_xlsx(content: bytes) -> list[list[str]]:
    import zipfile

    from openpyxl import load_workbook  # type: ignore[import-untyped]

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError) as err:
        raise ValueError("no se pudo abrir como hoja de cálculo XLSX.") from err
    sheet = book.worksheets[0]
    table = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    book.close()
    return table


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_csv(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("latin-1")
    dialect: type[csv.Dialect] | csv.Dialect = csv.excel
    with contextlib.suppress(csv.Error):
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), dialect)]


def parse_table(table: Sequence[Sequence[str]]) -> ParseResult:
    result = ParseResult()
    if not table:
        result.errors.append(RowError(0, "", "el archivo está vacío."))
        return result
    columns = _header(table[0], result)
    if result.errors:
        return result
    if len(table) - 1 > MAX_ROWS:
        result.errors.append(RowError(0, "", f"tiene más de {MAX_ROWS} filas."))
        return result
    seen: dict[str, int] = {}
    for number, cells in enumerate(table[1:], start=2):
        values = {name: (cells[i] if i < len(cells) else "") for name, i in columns.items()}
        if not any(v.strip() for v in values.values()):
            continue
        row = _row(number, values, seen, result.errors)
        if row is not None:
            seen[row.key] = number
            result.rows.append(row)
    if not result.rows and not result.errors:
        result.errors.append(RowError(0, "", "no tiene ninguna fila con datos."))
    return result


def _header(cells: Sequence[str], result: ParseResult) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = _HEADERS.get(fold(cell).rstrip(" (%)").strip()) or _HEADERS.get(fold(cell))
        if name and name not in columns:
            columns[name] = index
    for name in REQUIRED:
        if name not in columns:
            message = f"falta la columna '{name}' en el encabezado (fila 1)."
            result.errors.append(RowError(1, name, message))
    return columns


def _row(
    number: int, values: dict[str, str], seen: dict[str, int], errors: list[RowError]
) -> PmdRow | None:
    before = len(errors)

    def fail(column: str, message: str) -> None:
        errors.append(RowError(number, column, message))

    level = _LEVEL_WORDS.get(fold(values.get("Nivel", "")))
    if level is None:
        fail(
            "Nivel",
            f"«{values.get('Nivel', '')}» no es Eje, Objetivo, Estrategia ni Línea de acción.",
        )
    key = values.get("Clave", "").strip().rstrip(".")
    if not KEY.match(key):
        fail("Clave", f"«{key}» no es una clave como 1, 1.2, 1.2.3 o 1.2.3.4.")
    elif level is not None:
        _check_key(key, level, seen, fail)
    title = " ".join(values.get("Descripción", "").split())
    if not title:
        fail("Descripción", "está vacía.")
    implementation = _percent(values.get("Nivel de implementación (%)", ""), fail)
    known, unknown = parse_target_ids(values.get("Metas ODS", ""))
    if unknown:
        fail("Metas ODS", f"no son metas de la Agenda 2030: {', '.join(unknown)}.")
    alignments = [
        *_alignments("estatal", values.get("Plan estatal", ""), fail),
        *_alignments("nacional", values.get("Plan nacional", ""), fail),
    ]
    if len(errors) > before or level is None:
        return None
    indicators = tuple(i.strip() for i in values.get("Indicadores", "").split(";") if i.strip())
    return PmdRow(
        number, level, key, title, indicators, implementation, tuple(known), tuple(alignments)
    )


def _check_key(key: str, level: str, seen: dict[str, int], fail: _Fail) -> None:
    depth = key.count(".") + 1
    expected = LEVELS.index(level) + 1
    if depth != expected:
        fail(
            "Clave",
            f"un(a) {LEVEL_NAMES[level]} lleva {expected} número(s) en la clave, no «{key}».",
        )
        return
    if key in seen:
        fail("Clave", f"la clave {key} ya está en la fila {seen[key]}.")
        return
    parent = key.rpartition(".")[0]
    if parent and parent not in seen:
        fail("Clave", f"no hay una fila anterior con la clave {parent} (su nivel superior).")


def _percent(text: str, fail: _Fail) -> Decimal | None:
    text = text.strip().rstrip("%").strip().replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        fail("Nivel de implementación (%)", f"«{text}» no es un número.")
        return None
    if not value.is_finite() or not 0 <= value <= 100:
        fail("Nivel de implementación (%)", f"{text} está fuera de 0 a 100.")
        return None
    return value


def _alignments(plan: str, text: str, fail: _Fail) -> Iterable[Alignment]:
    column = "Plan estatal" if plan == "estatal" else "Plan nacional"
    for item in (i.strip() for i in text.split(";")):
        if not item:
            continue
        code, colon, rest = item.partition(":")
        if not colon or not code.strip() or not rest.strip():
            fail(column, f"«{item}» debe escribirse como «código: texto».")
            continue
        yield Alignment(plan, code.strip()[:40], " ".join(rest.split()))


def template_rows() -> list[list[str]]:
    """The header and an example row of each level, for the downloadable template."""
    return [
        list(COLUMNS),
        ["Eje", "1", "Municipio ordenado y sostenible", "", "", "", "", ""],
        ["Objetivo", "1.1", "Mejorar la movilidad urbana", "Tiempo promedio de traslado", "",
         "11.2", "PED 3.1: Movilidad sustentable", ""],
        ["Estrategia", "1.1.1", "Ampliar la red de ciclovías", "", "", "", "", ""],
        ["Línea de acción", "1.1.1.1", "Construir 12 km de ciclovía confinada",
         "Kilómetros construidos", "25", "11.2; 11.6", "", "PND 2: Desarrollo sostenible"],
    ]  # fmt: skip
