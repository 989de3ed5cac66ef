"""web/charts.py: SVG without scripts, the same numbers as a table, drawn the same way
twice, shown as an image the CSP allows and drawn by WeasyPrint."""

from __future__ import annotations

import base64
import io

import pytest
from django.template.loader import render_to_string
from pypdf import PdfReader

from web.charts import bar_chart, format_number, line_chart

MONTHS = ["jul", "ago", "sep", "oct", "nov"]
SERIES: dict[str, list[float | None]] = {
    "Recibidos": [3, 5, None, 8, 6],
    "Concluidos": [2, 4, 5, 7, 6.25],
}


def test_line_chart_svg_and_table() -> None:
    chart = line_chart("Casos por mes", MONTHS, SERIES, label_header="Mes")
    assert chart.svg.startswith("<svg")
    assert "<script" not in chart.svg
    assert "<title>Casos por mes</title>" in chart.svg
    assert "<!--" not in chart.svg
    assert chart.headers == ("Mes", "Recibidos", "Concluidos")
    assert chart.rows[2] == ("sep", "—", "5")
    assert chart.rows[4] == ("nov", "6", "6.2")
    # Same numbers, same bytes: a stored report can be drawn again.
    assert line_chart("Casos por mes", MONTHS, SERIES, label_header="Mes").svg == chart.svg
    assert line_chart("Casos por mes", MONTHS, {"Recibidos": [1] * 5}).svg != chart.svg


def test_data_uri_holds_the_svg() -> None:
    chart = bar_chart("Carga", ["Ana", "Luis"], {"Tareas": [4, 2]})
    prefix = "data:image/svg+xml;base64,"
    assert chart.data_uri.startswith(prefix)
    assert base64.b64decode(chart.data_uri[len(prefix) :]).decode() == chart.svg


def test_horizontal_bars_read_top_down_and_shorten_long_labels() -> None:
    long = "Revisar la solicitud completa de la persona"
    chart = bar_chart(
        "Espera", [long, "Firmar"], {"Mediana": [2.5, 1]}, horizontal=True, suffix=" d"
    )
    assert chart.rows == ((long, "2.5 d"), ("Firmar", "1 d"))
    assert long not in chart.svg
    assert "Revisar la solicitud…" in chart.svg


def test_no_data_and_mismatched_series() -> None:
    assert "Sin datos" in line_chart("Vacía", [], {"Casos": []}).svg
    with pytest.raises(ValueError, match="«Casos» tiene 1 valores para 2 etiquetas"):
        bar_chart("Mal", ["a", "b"], {"Casos": [1]})


def test_format_number() -> None:
    assert format_number(1234) == "1,234"
    assert format_number(12.345, " %") == "12.3 %"
    assert format_number(None) == "—"


def test_include_renders_figure_image_and_table() -> None:
    chart = line_chart("Casos por mes", MONTHS, SERIES, label_header="Mes")
    html = render_to_string("_chart.html", {"chart": chart})
    assert '<figure class="chart">' in html
    assert f'src="{chart.data_uri}"' in html
    assert "style=" not in html
    assert "<caption>" in html and "Casos por mes" in html
    assert '<th scope="row">sep</th><td>—</td><td>5</td>' in html


def test_weasyprint_draws_the_chart() -> None:
    from weasyprint import HTML  # type: ignore[import-untyped]

    chart = bar_chart("Carga de trabajo", ["Ana", "Luis"], {"Tareas": [4, 2]})
    html = "<html><body>" + render_to_string("_chart.html", {"chart": chart}) + "</body></html>"
    pdf = HTML(string=html).write_pdf()
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    text = page.extract_text()
    assert "Carga de trabajo" in text and "Luis" in text
    # The SVG is drawn as vectors (its axis labels are text of the page), not left out.
    assert text.count("Ana") >= 2


def test_a_share_axis_ends_at_a_hundred() -> None:
    # a 50 % bar fills half the axis instead of all of it
    chart = bar_chart("Respuestas", ["Sí", "No"], {"%": [50, 25]}, suffix=" %", maximum=100)
    assert "100 %" in chart.svg and "60 %" in chart.svg


def test_counts_in_the_millions_get_whole_ticks() -> None:
    # past 6,000 no step of the list fits six ticks; the chart still draws
    chart = line_chart("Casos", ["oct", "nov"], {"Recibidos": [7_000, 1_250_000]})
    assert "1,250,000" in chart.rows[1][1] and "<svg" in chart.svg
