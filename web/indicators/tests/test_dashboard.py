"""The supervisor dashboard on the March world (see conftest), judged on Fri 27 March:
open H (overdue, waiting in the head's queue), F (overdue, taken by Carla that
morning) and G (opened on the 26th, due 2 April: on time). A head reads their subtree,
the auditor everything, everyone else is refused; every number opens its cases."""

from __future__ import annotations

import re
from datetime import datetime
from html import unescape

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from web.cases.tests.conftest import SetClock
from web.conftest import signed_in
from web.indicators.tests.conftest import World

pytestmark = pytest.mark.django_db
URL = "/indicadores/tablero/"


def tile(html: str, words: str) -> tuple[str, str]:
    """The link and number of the tile that ends in ``words``."""
    found = re.search(rf'<a href="([^"]+)"><strong>(\d+)</strong> {words}</a>', html)
    assert found, words
    return unescape(found[1]), found[2]


def row(html: str, label: str) -> list[str]:
    start = html.index(f'<th scope="row">{label}')
    cells = html[start : html.index("</tr>", start)]
    return re.findall(r">(\d+)<", cells)


def test_a_head_sees_open_work_by_person_and_activity(
    march: World, alicia: User, clock: SetClock
) -> None:
    clock(datetime(2026, 3, 27, 10))
    response = signed_in(alicia).get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert tile(html, "abiertos")[1] == "3"
    assert tile(html, "en riesgo")[1] == "0"
    assert tile(html, "vencidos")[1] == "2"
    assert tile(html, "recibidos")[1] == "7"
    assert row(html, "Carla Méndez") == ["1", "0", "1"]
    assert row(html, "En espera en la bandeja de un rol") == ["2", "0", "1"]
    assert row(html, "P1 · 3") == ["3", "0", "2"]


def test_every_number_opens_its_cases(march: World, alicia: User, clock: SetClock) -> None:
    clock(datetime(2026, 3, 27, 10))
    client = signed_in(alicia)
    link, count = tile(client.get(URL).content.decode(), "vencidos")
    listed = client.get(link).content.decode()
    folios = {march.cases[name].folio for name in ("H", "F")}
    assert count == "2"
    assert set(re.findall(r"DGE-2026-\d{6}", listed)) == folios


def test_it_draws_the_trend_with_its_table(march: World, alicia: User, clock: SetClock) -> None:
    clock(datetime(2026, 4, 15, 10))
    html = signed_in(alicia).get(URL, {"month": "2026-03"}).content.decode()
    assert 'src="data:image/svg+xml;base64,' in html
    # March: 7 received, 4 completed; on 31 March H and F were overdue
    assert re.search(r'<th scope="row">2026-03</th><td>7</td><td>4</td><td>2</td>', html)
    assert re.search(r'<th scope="row">2026-02</th><td>1</td><td>0</td><td>0</td>', html)


def test_a_head_below_sees_only_their_subtree(march: World, carla: User, clock: SetClock) -> None:
    clock(datetime(2026, 3, 27, 10))
    html = signed_in(carla).get(URL).content.decode()
    # every March case runs in the DGE, above Carla's department
    assert tile(html, "abiertos")[1] == "0"
    assert "Nadie tiene trabajo abierto." in html


def test_the_auditor_sees_every_unit(march: World, fernando: User, clock: SetClock) -> None:
    clock(datetime(2026, 3, 27, 10))
    html = signed_in(fernando).get(URL).content.decode()
    assert tile(html, "vencidos")[1] == "2"
    assert "Todas las unidades." in html


@pytest.mark.parametrize("who", ["gabriela", "bruno"])
def test_others_are_refused(march: World, who: str, request: pytest.FixtureRequest) -> None:
    response = signed_in(request.getfixturevalue(who)).get(URL)
    assert response.status_code == 403


def test_the_indicators_page_links_to_it(march: World, alicia: User) -> None:
    html = signed_in(alicia).get(reverse("indicators:indicators")).content.decode()
    assert f'href="{URL}"' in html


def test_a_case_past_its_lower_bound_is_at_risk_in_the_number_and_the_list(
    march: World, alicia: User, clock: SetClock
) -> None:
    # Tue 31 March: G (opened Thu 26, at risk after Mon 30, due 2 April) is at risk
    clock(datetime(2026, 3, 31, 10))
    client = signed_in(alicia)
    html = client.get(URL).content.decode()
    link, count = tile(html, "en riesgo")
    assert (count, tile(html, "vencidos")[1], tile(html, "abiertos")[1]) == ("1", "2", "3")
    assert row(html, "P1 · 3") == ["3", "1", "2"]
    listed = client.get(link).content.decode()
    assert set(re.findall(r"DGE-2026-\d{6}", listed)) == {march.cases["G"].folio}
