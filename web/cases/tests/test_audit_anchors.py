"""``folio audit anchor`` and the anchors ``folio audit verify`` checks: a log rewritten
consistently (every hash and the head recomputed, so the chain alone still verifies) or
cut below an anchor is caught and the anchor named; a malformed anchor file is refused
naming its file and line."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from folio.cli import main
from web.cases.actions import open_case
from web.cases.log import GENESIS, entry_hash, verify_log
from web.cases.models import Event, LogHead, Task, TaskState
from web.cases.tests.conftest import SetClock, step
from web.catalog.models import Procedure

pytestmark = pytest.mark.django_db

HASH = "a" * 64


@pytest.fixture
def anchors(tmp_path: Path) -> Path:
    return tmp_path / "fuera-del-servidor" / "anclas.jsonl"


@pytest.fixture
def history(
    cuentas: Procedure, alicia: User, bruno: User, carla: User, clock: SetClock, anchors: Path
) -> int:
    """A case taken to its early end with two anchors: at 10:00 on 2 March 2026 (after
    activity 1) and at 12:00 (after the end). Returns the seq of the first anchor."""
    clock(datetime(2026, 3, 2, 9))
    case = open_case(cuentas, bruno, "Cuenta SAP para Tesorería")
    step(case, bruno, "1")
    clock(datetime(2026, 3, 2, 10))
    assert main(["audit", "anchor", "--file", str(anchors)]) == 0
    first = Event.objects.count()
    step(case, alicia, "2")
    step(case, carla, "3", "No")
    clock(datetime(2026, 3, 2, 12))
    assert main(["audit", "anchor", "--file", str(anchors)]) == 0
    return first


def verify(anchors: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["audit", "verify", "--anchors", str(anchors)])
    out, err = capsys.readouterr()
    return code, out, err


def rewrite_consistently(seq: int, **changes: Any) -> None:
    """What a forger with database access does: change an entry's payload, then
    recompute every hash from there on and move the head, through the ORM."""
    prev = GENESIS
    for event in Event.objects.order_by("seq"):
        if event.seq == seq:
            event.payload = {**event.payload, **changes}
        event.prev_hash = prev
        event.hash = entry_hash(
            event.seq,
            event.kind,
            event.case_id,
            event.actor_id,
            event.payload,
            event.created_at,
            prev,
        )
        event.save(update_fields=["payload", "prev_hash", "hash"])
        prev = event.hash
    LogHead.objects.filter(pk=1).update(hash=prev)


def test_it_appends_the_head_as_one_json_line(
    history: int, anchors: Path, clock: SetClock, capsys: pytest.CaptureFixture[str]
) -> None:
    # when: cron runs it again at 13:00 in Mexico City
    clock(datetime(2026, 3, 2, 13))
    code = main(["audit", "anchor", "--file", str(anchors)])
    # then
    head = LogHead.objects.get()
    lines = [json.loads(line) for line in anchors.read_text().splitlines()]
    assert [line["seq"] for line in lines] == [history, head.seq, head.seq]
    assert lines[2] == {"seq": head.seq, "hash": head.hash, "time": "2026-03-02T19:00:00+00:00"}
    assert (code, capsys.readouterr().out) == (
        0,
        f"Ancla escrita en {anchors}: entrada {head.seq}, 2026-03-02 19:00:00 UTC.\n",
    )


def test_it_passes_a_clean_log_and_its_anchors(
    history: int, anchors: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = verify(anchors, capsys)
    assert (code, err) == (0, "")
    entries = Event.objects.count()
    assert out == (
        f"Bitácora íntegra: {entries} entradas verificadas, 2 anclas de {anchors} se cumplen.\n"
    )


def test_it_catches_a_log_rewritten_consistently(
    history: int, anchors: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # given: someone changes who asked for the account (entry 1) and recomputes the chain
    rewrite_consistently(1, subject="Cuenta SAP para Obras Públicas")
    assert verify_log().ok
    # when
    code, out, _err = verify(anchors, capsys)
    # then: the first anchor (10:00 in Mexico City) no longer holds
    assert code == 1
    assert out == (
        f"Bitácora alterada: La entrada {history} ya no coincide con el ancla tomada el "
        "2026-03-02 16:00:00 UTC: la bitácora se reescribió en esa entrada o antes.\n"
    )


def test_it_catches_a_log_cut_below_an_anchor(
    history: int, anchors: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # given: the last two entries (activity 3 done, the case ended) deleted, the head
    # moved back to match and activity 3 set back to waiting, as the log now says
    last = LogHead.objects.get().seq
    Event.objects.filter(seq__gt=last - 2).delete()
    LogHead.objects.update(seq=last - 2, hash=Event.objects.get(seq=last - 2).hash)
    assert not verify_log().ok  # the task row still says it was done
    Task.objects.filter(step_number="3").update(state=TaskState.OPEN)
    assert verify_log().ok
    # when
    code, out, _err = verify(anchors, capsys)
    # then
    assert code == 1
    assert out == (
        f"Bitácora alterada: La entrada {last}, anclada el 2026-03-02 18:00:00 UTC, ya no "
        "está en la bitácora: se borraron entradas.\n"
    )


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{seq: 3}", "no es un ancla"),
        (json.dumps({"seq": "3", "hash": HASH, "time": "2026-03-02T16:00:00+00:00"}), "seq"),
        (json.dumps({"seq": 3, "hash": "abc", "time": "2026-03-02T16:00:00+00:00"}), "hash"),
        (json.dumps({"seq": 3, "hash": HASH, "time": "2026-03-02T16:00:00"}), "zona horaria"),
    ],
)
def test_it_exits_2_naming_the_file_and_line_of_a_malformed_anchor(
    history: int, anchors: Path, capsys: pytest.CaptureFixture[str], line: str, problem: str
) -> None:
    # given: a third line that is not an anchor
    with anchors.open("a") as file:
        file.write(line + "\n")
    # when
    code, out, err = verify(anchors, capsys)
    # then
    assert (code, out) == (2, "")
    assert err.startswith(f"folio: {anchors}:3: ") and problem in err
    assert err.count("\n") == 1


def test_it_exits_2_when_the_anchor_file_it_was_given_is_missing(
    history: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = verify(tmp_path / "otra.jsonl", capsys)
    assert (code, out) == (2, "")
    assert err == f"folio: {tmp_path / 'otra.jsonl'}: no existe ese archivo de anclas.\n"


def test_it_reads_and_writes_the_configured_anchor_file(
    cuentas: Procedure,
    bruno: User,
    settings: Any,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # given: no anchor file yet: verify checks the chain alone
    settings.FOLIO_AUDIT_ANCHORS = tmp_path / "var" / "audit-anchors.jsonl"
    open_case(cuentas, bruno, "Cuenta SAP")
    assert main(["audit", "verify"]) == 0
    head = Event.objects.count()
    assert capsys.readouterr().out == f"Bitácora íntegra: {head} entradas verificadas.\n"
    # when
    assert main(["audit", "anchor"]) == 0
    rewrite_consistently(1, subject="Otra cosa")
    # then
    assert settings.FOLIO_AUDIT_ANCHORS.exists()
    assert main(["audit", "verify"]) == 1
    assert f"La entrada {head} ya no coincide" in capsys.readouterr().out


def test_it_writes_no_anchor_for_an_empty_log(
    anchors: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "anchor", "--file", str(anchors)]) == 0
    assert not anchors.exists()
    assert capsys.readouterr().out == "La bitácora está vacía: no se escribió ningún ancla.\n"
