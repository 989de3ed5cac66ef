"""Long unbroken runs get zero-width break opportunities before WeasyPrint lays them out
(a single 300-character token in a narrow cell took it a minute); ordinary text is
untouched."""

from __future__ import annotations

from folio.render.document.htmltext import ZWSP, breakable, escape


def test_it_leaves_words_codes_and_folios_alone() -> None:
    for text in ("Recibe el oficio", "FORM.293/SECATI/012224", "DGE-2026-000123", ""):
        assert breakable(text) == text


def test_it_breaks_a_long_run_every_sixteen_characters() -> None:
    text = "Ver " + "9" * 40 + " fin"
    broken = breakable(text)
    assert broken.replace(ZWSP, "") == text
    assert broken.split(" ")[1].split(ZWSP) == ["9" * 16, "9" * 16, "9" * 8]


def test_it_escapes_after_breaking() -> None:
    assert escape("<a>&") == "&lt;a&gt;&amp;"
    assert escape("&" * 40).count(ZWSP) == 2
