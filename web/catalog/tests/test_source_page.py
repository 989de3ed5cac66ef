"""The source page of an imported PDF: drawn with PDFium, the step's row marked, served
to logged-in users only and kept on disk."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from PIL import Image

from web.catalog.actions import import_manual_upload
from web.catalog.models import ManualVersion
from web.catalog.source import pdfpage
from web.catalog.sources import source_context
from web.conftest import signed_in

CORPUS = Path(__file__).resolve().parents[3] / "tests" / "corpus" / "docs"
TECNM = Path(__file__).resolve().parents[3].parent / "shared" / "samples" / "pdf"
#: White paper under the translucent highlight.
MARKED = tuple(
    round(255 * (1 - a) + c * a)
    for a in [pdfpage.HIGHLIGHT[3] / 255]
    for c in pdfpage.HIGHLIGHT[:3]
)


def imported(path: Path) -> ManualVersion:
    version, _ = import_manual_upload(path.name, path.read_bytes())
    return version


def fetch_png(client: Client, url: str) -> Image.Image:
    response: Any = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert "private" in response["Cache-Control"]
    return Image.open(io.BytesIO(b"".join(response.streaming_content))).convert("RGB")


def pixel(image: Image.Image, x: int, y: int) -> tuple[int, ...]:
    value = image.getpixel((x, y))
    assert isinstance(value, tuple)
    return value


def band_pixels(image: Image.Image, top: float, bottom: float) -> list[tuple[int, ...]]:
    """The pixels down the page's right margin (white paper) between two heights in points."""
    x = image.width - 12
    rows = range(round(top * pdfpage.SCALE) + 4, round(bottom * pdfpage.SCALE) - 3)
    return [pixel(image, x, y) for y in rows]


def is_marked(pixel: tuple[int, ...]) -> bool:
    return all(abs(a - b) <= 3 for a, b in zip(pixel, MARKED, strict=True))


@pytest.mark.django_db
def test_it_serves_the_page_with_the_steps_row_marked(alicia: User) -> None:
    # given: a PDF manual (made for the importer's corpus) imported through the web
    version = imported(CORPUS / "san-jeronimo-mobiliario.pdf")
    step = version.model().procedures[0].steps[1]
    # when
    source = source_context(version, "P1", step.number)
    image = fetch_png(signed_in(alicia), source["image_url"])
    # then: the band at the step's height has the highlight colour, the top margin is white
    band = pdfpage.locate_step(Path(version.source_file.path), 1, step.number, step.activity)
    assert source["kind"] == "pdf" and source["marked"] and band is not None
    assert (image.width, image.height) == (source["width"], source["height"])
    assert all(is_marked(p) for p in band_pixels(image, band.top, band.bottom))
    assert pixel(image, image.width - 12, 10) == (255, 255, 255)


@pytest.mark.django_db
def test_it_keeps_the_drawn_page_on_disk(alicia: User) -> None:
    version = imported(CORPUS / "san-jeronimo-mobiliario.pdf")
    url = source_context(version, "P1", "1")["image_url"]
    client = signed_in(alicia)
    first = fetch_png(client, url)
    kept = list((Path(settings.MEDIA_ROOT) / "source-pages").rglob("p1-*.png"))
    assert len(kept) == 1
    kept[0].write_bytes(b"not redrawn")
    again: Any = client.get(url)
    assert b"".join(again.streaming_content) == b"not redrawn"
    assert first.width == 918


@pytest.mark.django_db
def test_it_shows_the_page_unmarked_with_a_note_when_the_row_is_not_found(alicia: User) -> None:
    # given: the step's text changed so that it is no longer on the page
    version = imported(CORPUS / "san-jeronimo-mobiliario.pdf")
    version.data["procedures"][0]["steps"][1]["activity"] = "Texto que la página no contiene"
    version.data["procedures"][0]["steps"][1]["number"] = "99"
    version.save()
    # when
    source = source_context(version, "P1", "99")
    image = fetch_png(signed_in(alicia), source["image_url"])
    # then
    assert source["kind"] == "pdf" and not source["marked"] and "no se encontró" in source["note"]
    assert not any(is_marked(pixel(image, image.width - 12, y)) for y in range(image.height))


@pytest.mark.django_db
def test_it_serves_pages_to_logged_in_users_only(alicia: User) -> None:
    version = imported(CORPUS / "san-jeronimo-mobiliario.pdf")
    url = source_context(version, "P1", "1")["image_url"]
    assert Client().get(url).status_code == 302
    assert signed_in(alicia).get(url.replace("/pagina/1.png", "/pagina/7.png")).status_code == 404


def test_it_finds_a_row_where_it_was_printed(tmp_path: Path) -> None:
    # given: a one-page PDF with a line of text 400 pt from the top
    import weasyprint  # type: ignore[import-untyped]

    html = (
        "<style>@page{size:letter;margin:0} p{position:absolute;top:400pt;left:72pt;"
        "margin:0;font:12pt sans-serif}</style><p>3 Revisa la solicitud y la turna al área</p>"
    )
    path = tmp_path / "hoja.pdf"
    path.write_bytes(weasyprint.HTML(string=html).write_pdf())
    # when
    band = pdfpage.locate_step(path, 1, "3", "Revisa la solicitud y la turna al área competente.")
    by_number = pdfpage.locate_step(path, 1, "3", "Otro texto que no está en la hoja")
    # then
    assert band is not None and 393 < band.top < 401 and 410 < band.bottom < 420
    assert by_number is not None and abs(by_number.top - band.top) < 3
    assert pdfpage.locate_step(path, 1, "8", "Otro texto que no está en la hoja") is None


@pytest.mark.django_db
@pytest.mark.skipif(not TECNM.is_dir(), reason="../shared/samples/pdf/ (TecNM PDFs) is absent")
def test_it_marks_a_step_of_a_real_manual(alicia: User) -> None:
    # given: TecNM AC-PO-001, step 5.2 (page 3), between 5.1 and 5.3 in one table row
    version = imported(TECNM / "TecNM-AC-PO-001.pdf")
    code = version.data["procedures"][0]["code"]
    # when
    source = source_context(version, code, "5.2")
    image = fetch_png(signed_in(alicia), source["image_url"])
    # then: 5.2's lines are marked, 5.1's first line (above) and 6.1's (below) are not
    path = Path(version.source_file.path)
    steps = {s.number: s for s in version.model().procedures[0].steps}
    bands = {n: pdfpage.locate_step(path, 3, n, steps[n].activity) for n in ("5.1", "5.2", "6.1")}
    above, marked, below = bands["5.1"], bands["5.2"], bands["6.1"]
    assert above is not None and marked is not None and below is not None
    assert source["page"] == 3 and source["marked"]
    assert all(is_marked(p) for p in band_pixels(image, marked.top, marked.bottom))
    assert not is_marked(pixel(image, image.width - 12, round(above.top * pdfpage.SCALE) + 6))
    assert not is_marked(pixel(image, image.width - 12, round(below.top * pdfpage.SCALE) + 6))
