"""parse_quantities: money, percentages, measures, counts, magnitudes, ranges, and non-amounts."""

from __future__ import annotations

import pytest

from app.pipeline.checkworthiness.quantities import parse_quantities
from app.pipeline.types import Quantity


def _one(text: str) -> Quantity:
    (quantity,) = parse_quantities(text)
    assert quantity.text in text
    return quantity


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("xAI lost $6.4 billion in 2025.", 6.4e9, "USD"),
        ("a dense 500-billion parameter model", 5e11, "parameter"),
        ("a 1.5-trillion parameter MoE model", 1.5e12, "parameter"),
        ("the 0.5T model", 5e11, None),
        ("Llama 3.1 405B sits at the top", 4.05e11, None),
        ("prices rose 23% last year", 23, "percent"),
        ("up 40 percent from", 40, "percent"),
        ("about 0.2 percentage points", 0.2, "percentage point"),
        ("an installed capacity of 120\u00a0MW", 120, "MW"),
        ("an installed capacity of 120 MW", 120, "MW"),
        ("a grant of €5 million", 5e6, "EUR"),
        ("a loan of £5 million", 5e6, "GBP"),
        ("a £410\u00a0million package", 4.1e8, "GBP"),
        ("1,200 runners finished", 1200, "runner"),
        ("about 3.5 million.", 3.5e6, None),
        ("roughly 62.5 billion parameters per token", 6.25e10, "parameter/token"),
        ("rates topped $10,000 per box", 1e4, "USD/box"),
        ("temperatures above about 33°C", 33, "°C"),
        ("a 95-kilometre subsea cable", 95, "kilometre"),
        ("£182.50 per megawatt-hour", 182.5, "GBP/megawatt-hour"),
        ("raised $5m from investors", 5e6, "USD"),
        ("half a billion dollars", 5e8, "USD"),
        ("a USD 5 million fine", 5e6, "USD"),
        ("a €5bn deal", 5e9, "EUR"),
        ("what $6.4 billion buys", 6.4e9, "USD"),
        ("a 1.5x gain", 1.5, "x"),
        ("nearly 1 in 5 adults", 0.2, "ratio"),
        ("1.2 million barrels per day", 1.2e6, "barrel/day"),
    ],
)
def test_single_amounts(text: str, value: float, unit: str | None) -> None:
    quantity = _one(text)
    assert quantity.value == pytest.approx(value)
    assert quantity.unit == unit
    assert quantity.low is None and quantity.high is None


def test_half_trillion_word_form() -> None:
    quantity = _one("a half-trillion parameter model")
    assert quantity.text == "half-trillion parameter"
    assert quantity.value == pytest.approx(5e11)


def test_vague_magnitude_is_a_range() -> None:
    quantity = _one("spent hundreds of millions on safety")
    assert (quantity.low, quantity.high) == (pytest.approx(1e8), pytest.approx(1e9))


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("somewhere in the range of 10^25 to 10^26 FLOPs", 1e25, 1e26, "FLOPs"),
        ("worth $26.5 trillion to $32 trillion", 2.65e13, 3.2e13, "USD"),
        ("estimated at $2-3 billion.", 2e9, 3e9, "USD"),
        ("roughly $2-3 per hour", 2, 3, "USD/hour"),
        ("between 1% and 3% of the retail price", 1, 3, "percent"),
        ("typically 2% to 3% for elite athletes", 2, 3, "percent"),
        ("at depths of 35 to 48 metres.", 35, 48, "metre"),
    ],
)
def test_ranges_set_low_high_and_value_is_low(
    text: str, low: float, high: float, unit: str
) -> None:
    quantity = _one(text)
    assert quantity.low == pytest.approx(low)
    assert quantity.high == pytest.approx(high)
    assert quantity.value == quantity.low
    assert quantity.unit == unit


def test_change_from_to_is_two_amounts_not_a_range() -> None:
    found = parse_quantities("cases climbed from 362 in 2014 to 3,940 in 2023")
    assert [q.value for q in found] == [362, 3940]
    assert all(q.low is None for q in found)


@pytest.mark.parametrize(
    "text",
    [
        "in 2025 the company grew",
        "between 2016 and 2020, times fell",
        "since the 1920s",
        "on 2 October 2024",
        "The report from May 20, 2026, is concrete.",
        "Top 10 reasons to run",
        "the median time for the top 100 finishers",
        "Call 555-123-4567 or (555) 123-4567 today",
        "or +44 20 7946 0958 from abroad",
        "under section 36 of the Electricity Act 1989",
        "Mixtral 8x22B and GPT-4o with top-2 routing",
        "she finished 1st",
        "doors open at 10:30 or 9 a.m.",
        "version 2.4.1 shipped",
        "the council passed it on a 7-2 vote",
        "the 2019-20 season",
    ],
)
def test_non_amounts_yield_nothing(text: str) -> None:
    assert parse_quantities(text) == []


def test_several_amounts_come_in_order() -> None:
    text = "60 turbines of 2\u00a0MW each produce 390\u00a0GWh for 130,000 homes"
    assert [(q.value, q.unit) for q in parse_quantities(text)] == [
        (60, "turbine"),
        (2, "MW"),
        (390, "GWh"),
        (130000, "home"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It drew HUNDREDS OF MILLIONS of viewers.", 1e8),
        ("A Half-Trillion was pledged.", 0.5e12),
        ("Two thousand people came.", 2e3),
    ],
)
def test_word_amounts_in_any_case(text: str, value: float) -> None:
    assert [q.value for q in parse_quantities(text)] == [value]


def test_no_magnitude_word_no_word_amount() -> None:
    assert parse_quantities("A quarter of the ten tens of people.") == []
