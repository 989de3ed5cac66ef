"""The ODS catalogue: 17 goals and 169 targets in Spanish, none empty, UN numbering."""

from __future__ import annotations

from folio.planning import ods


def test_seventeen_goals_in_order() -> None:
    goals = ods.goals()
    assert [g.number for g in goals] == list(range(1, 18))
    assert all(g.title.strip() and g.short_name.strip() for g in goals)
    assert goals[0].title == "Poner fin a la pobreza en todas sus formas y en todo el mundo"


def test_one_hundred_sixty_nine_targets_with_un_ids() -> None:
    targets = ods.targets()
    assert len(targets) == 169
    ids = [t.id for t in targets]
    assert len(set(ids)) == 169
    assert ids[0] == "1.1" and ids[-1] == "17.19"
    assert all(ods.TARGET_ID.match(i) for i in ids)
    assert all(t.text.strip() and "..." not in t.text for t in targets)
    per_goal = {g: sum(1 for t in targets if t.goal == g) for g in range(1, 18)}
    assert per_goal[1] == 7 and per_goal[17] == 19 and sum(per_goal.values()) == 169


def test_lookups_and_parsing() -> None:
    assert ods.target("11.2") is not None
    assert ods.target("11.2").text.startswith("De aquí a 2030, proporcionar acceso a sistemas")  # type: ignore[union-attr]
    goal = ods.goal_of("16.a")
    assert goal is not None and goal.number == 16
    assert ods.parse_target_ids("11.2; 16.6, meta 5.c 18.1") == (["11.2", "16.6", "5.c"], ["18.1"])
