"""Server-rendered SVG charts, each with its numbers as a table.

A neutral module (no models, no app imports): any app gives a title, the labels of the
x axis (or of the bars) and one list of numbers per series, and gets a :class:`Chart`
holding the SVG text and the same numbers as rows of a table. Templates include
``_chart.html``, which shows the SVG as an ``<img>`` (a ``data:`` URI, which the
Content-Security-Policy's ``img-src`` allows; an image runs no script and its own
``<style>`` is no style attribute of the page) with the table below it: readers of
screens read the table, printers print both, and WeasyPrint draws the same ``<img>`` in
the monthly PDF.

The charts are drawn by pygal (pure Python, by the makers of WeasyPrint and CairoSVG)
with its JavaScript tooltips off. The SVG is deterministic: the same numbers give the
same bytes (the chart's id is a hash of its content and pygal's dated comment is
dropped), so a stored report can be drawn again byte for byte.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

import pygal  # type: ignore[import-untyped]
from django.utils.translation import gettext as _
from pygal.style import Style  # type: ignore[import-untyped]

Number = float | int | None

#: Okabe–Ito colours: told apart by readers with colour blindness, and in grey print.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
FONTS = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif"
#: Drawn at 480 × 300 and scaled to the page: at 390 px (a phone) the 13 px labels stay
#: about 10 px high; on A4 they print at the body text's size.
WIDTH, HEIGHT = 480, 300
STYLE = Style(
    font_family=FONTS,
    background="white",
    plot_background="white",
    foreground="#222",
    foreground_strong="#111",
    foreground_subtle="#666",
    colors=COLOURS,
    title_font_size=15,
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=13,
    value_font_size=12,
    no_data_font_size=16,
    guide_stroke_color="#bbb",
    major_guide_stroke_color="#999",
    guide_stroke_dasharray="2,3",
    opacity=".85",
    transition="0ms",
)


@dataclass(frozen=True)
class Chart:
    """A chart's SVG and its numbers as a table (``headers`` and ``rows`` of text)."""

    title: str
    svg: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def data_uri(self) -> str:
        """The SVG as a ``data:`` URI for an ``<img src>`` (pages and WeasyPrint)."""
        encoded = base64.b64encode(self.svg.encode("utf-8")).decode("ascii")
        return f"data:image/svg+xml;base64,{encoded}"

    @property
    def alt(self) -> str:
        return _("%(title)s. The chart's numbers are in the table beside it.") % {
            "title": self.title
        }

    @property
    def width(self) -> int:
        return WIDTH

    @property
    def height(self) -> int:
        return HEIGHT


def format_number(value: Number, suffix: str = "") -> str:
    """``12`` for whole numbers, ``12.5`` otherwise (one decimal), "—" for no data."""
    if value is None:
        return "—"
    text = f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"
    return f"{text}{suffix}"


def line_chart(
    title: str,
    labels: Sequence[str],
    series: Mapping[str, Sequence[Number]],
    *,
    label_header: str = "",
    suffix: str = "",
) -> Chart:
    """A line per series over ``labels`` (e.g. months); ``None`` leaves a gap. The
    title is the figure's caption (``_chart.html``), not drawn twice in the SVG."""
    chart = pygal.Line(**_config(labels, suffix), show_dots=True, dots_size=4)
    return _draw(chart, title, labels, series, label_header, suffix)


def bar_chart(
    title: str,
    labels: Sequence[str],
    series: Mapping[str, Sequence[Number]],
    *,
    label_header: str = "",
    suffix: str = "",
    horizontal: bool = False,
    maximum: int | None = None,
) -> Chart:
    """Bars per label, one per series; ``horizontal`` for long labels (activities,
    people), which then read across the chart instead of slanting below it. ``maximum``
    fixes the end of the value axis (100 for shares: a 50 % bar then fills half)."""
    if not horizontal:
        chart = pygal.Bar(**_config(labels, suffix))
        return _draw(chart, title, labels, series, label_header, suffix, maximum)
    # pygal draws the first label at the bottom: reversed, the chart reads top-down
    # like its table.
    chart = pygal.HorizontalBar(**_config(labels, suffix, horizontal=True))
    drawn = _draw(
        chart,
        title,
        labels[::-1],
        {name: list(values)[::-1] for name, values in series.items()},
        label_header,
        suffix,
        maximum,
    )
    return Chart(drawn.title, drawn.svg, drawn.headers, drawn.rows[::-1])


def _config(labels: Sequence[str], suffix: str, *, horizontal: bool = False) -> dict[str, object]:
    formatter: Callable[[Number], str] = lambda v: format_number(v, suffix)  # noqa: E731
    many = len(labels) > 6 and not horizontal
    return {
        "width": WIDTH,
        "height": HEIGHT + (20 * max(0, len(labels) - 8) if horizontal else 0),
        "style": STYLE,
        "js": [],
        "disable_xml_declaration": True,
        "explicit_size": False,
        "legend_at_bottom": True,
        "margin_right": 28,
        "truncate_legend": 30,
        "x_label_rotation": 35 if many else 0,
        "value_formatter": formatter,
        "no_data_text": _("No data"),
        "print_values": False,
        "margin": 8,
        "spacing": 8,
        "include_x_axis": True,
        "allow_interruptions": True,
        "min_scale": 2,
        "max_scale": 6,
    }


def _whole_ticks(
    series: Mapping[str, Sequence[Number]], maximum: int | None = None
) -> list[int] | None:
    """Whole-number ticks (0, 1, 2… or 0, 5, 10…) when every value is a whole number
    (counts), or up to ``maximum`` when the axis has a fixed end: no axis of cases reads
    0.2, 0.4. None otherwise (pygal chooses)."""
    values = [v for vs in series.values() for v in vs if v is not None]
    if maximum is None and (not values or any(not float(v).is_integer() for v in values)):
        return None
    top = maximum if maximum is not None else max(1, int(max(values)))
    step = _tick_step(top)
    return list(range(0, top + step, step))


def _tick_step(top: int) -> int:
    """The smallest of 1, 2, 2.5 and 5 times a power of ten (whole) that draws ``top`` in
    at most six ticks: 1, 2, 5, 10, 20, 25, 50 … 200,000, 250,000, 500,000, 1,000,000 …"""
    power = 1
    while True:
        for factor in (1, 2, 2.5, 5):
            step = int(factor * power)
            if step == factor * power and top / step <= 6:
                return step
        power *= 10


def _shorten(label: str, most: int) -> str:
    """The label as drawn: long ones end in "…" (the table keeps them whole)."""
    return label if len(label) <= most else label[: most - 1].rstrip() + "…"


def _draw(
    chart: Any,
    title: str,
    labels: Sequence[str],
    series: Mapping[str, Sequence[Number]],
    label_header: str,
    suffix: str,
    maximum: int | None = None,
) -> Chart:
    for name, values in series.items():
        if len(values) != len(labels):
            raise ValueError(
                f"La serie «{name}» tiene {len(values)} valores para {len(labels)} etiquetas."
            )
    horizontal = isinstance(chart, pygal.HorizontalBar)
    content = json.dumps([title, list(labels), {k: list(v) for k, v in series.items()}])
    chart.uuid = hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]
    chart.x_labels = [_shorten(label, 22 if horizontal else 12) for label in labels]
    if len(series) == 1:
        chart.show_legend = False
    chart.legend_at_bottom_columns = min(len(series), 3)
    if maximum is not None:
        chart.range = (0, maximum)
    ticks = _whole_ticks(series, maximum)
    if ticks is not None:
        chart.y_labels = ticks
    for name, values in series.items():
        chart.add(name, list(values))
    # pygal always writes its configuration as a script, tooltips off or not: an image
    # runs none, and the SVG is smaller and the same for the same numbers without it.
    svg = re.sub(r"<!--.*?-->|<script\b.*?</script>", "", chart.render(is_unicode=True), flags=re.S)
    svg = svg.replace("<title>Pygal</title>", f"<title>{escape(title)}</title>", 1)
    headers = (label_header, *series.keys())
    rows = tuple(
        (label, *(format_number(values[i], suffix) for values in series.values()))
        for i, label in enumerate(labels)
    )
    return Chart(title=title, svg=svg, headers=headers, rows=rows)
