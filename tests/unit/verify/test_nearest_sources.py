"""Claims citing nothing are matched to the article's source that supports them best."""

from __future__ import annotations

from app.verify import nearest_sources

MINUTES = [
    "The council approved a budget of $4 million on Tuesday after a long debate.",
    "Seven members voted for the plan and two voted against it in the final count.",
]
PRESS = [
    "Seven members voted for the plan, the mayor's office said.",
    "The mayor thanked the council for its work on the budget this year.",
]


def test_each_claim_gets_the_best_supporting_source_or_none() -> None:
    claims = [
        "Seven members voted for the plan and two voted against it.",
        "The library will open on Sundays from next spring.",
        "The council approved a budget of $4 million on Tuesday.",
    ]
    found = nearest_sources(claims, {"minutes": MINUTES, "press": PRESS, "empty": []})
    assert set(found) == {0, 2}  # nothing says anything about the library
    assert found[0][0] == "minutes"  # both mention the vote; the minutes state all of it
    assert found[2][0] == "minutes"
    assert found[0][1].status == "supported"
    assert found[0][1].evidence == MINUTES[1]


def test_a_contradicting_source_is_no_nearest_source() -> None:
    found = nearest_sources(["The council approved a budget of $9 million on Tuesday."],
                            {"minutes": MINUTES})  # fmt: skip
    assert found == {}
