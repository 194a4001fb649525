"""Perturbation sets for source verification, built from WiCE rows (seeded, reproducible).

    uv run python bench/make_verify_perturbations.py ../shared/corpus/wice/dev.jsonl \
        bench/verify_perturbations/dev.jsonl [--seed 11]

For each row whose claim states a figure or a name that the cited page states too, one of
them is changed: a year by ±2–7, a day of the month, a percentage, an amount of money (its
number or its magnitude), an age or another number scaled by 0.4, 1.7 or 3, or a name swapped
for another name of its type that the page names in another role (`bench/perturb_names.py`).
The changed row is labelled `contradicted`; the original row is kept as its control with its
own label. The parsing here is deliberately independent of `app/verify/` so the set does not
share the verifier's notions.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path
from typing import Any

from bench.perturb_names import entity_swaps

__all__ = ["perturb_row"]

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAY_FIRST = re.compile(rf"\b(?P<d>[0-3]?\d)(?P<rest>\s+(?:{_MONTHS})\b)")
_DAY_AFTER = re.compile(rf"\b(?P<m>(?:{_MONTHS})\s+)(?P<d>[0-3]?\d)\b(?!\d)")
_YEAR = re.compile(r"(?<![\d.,$£€-])(?P<y>1[6-9]\d\d|20[0-3]\d)(?![\d%]|s\b|\s*(?:km|m)\b)")
_PERCENT = re.compile(r"(?<![\d.,])(?P<n>\d+(?:\.\d+)?)(?P<u>\s?%|\s?per ?cent\b)")
_MONEY = re.compile(
    r"(?P<c>[$£€]|US\$|USD\s?|Rs\.?\s?)(?P<n>\d[\d,]*(?:\.\d+)?)(?P<m>\s?(?:million|billion|"
    r"trillion|thousand|crore|lakh|bn|m)\b)?"
)
_AGE = re.compile(
    r"(?:\baged?\s+(?:of\s+)?|\bat\s+the\s+age\s+of\s+)(?P<n>\d{1,3})\b|\b(?P<n2>\d{1,3})-year-old\b"
)
_NUMBER = re.compile(r"(?<![\d.,$£€/:-])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d%:/-]|,\d)")
_FACTORS = (0.4, 1.7, 3.0)
_MAGNITUDES = {"million": "billion", "billion": "million", "thousand": "million", "m": "bn",
               "bn": "m", "trillion": "billion", "crore": "lakh", "lakh": "crore"}  # fmt: skip


def _scaled(number: str, rng: random.Random) -> str:
    """`number` times 0.4, 1.7 or 3, printed with the same decimals and thousands commas."""
    decimals = len(number.split(".")[1]) if "." in number else 0
    value = float(number.replace(",", ""))
    for factor in rng.sample(_FACTORS, len(_FACTORS)):
        new = round(value * factor, decimals)
        text = f"{new:,.{decimals}f}" if "," in number else f"{new:.{decimals}f}"
        if text != number and new > 0:
            return text
    return number


def _page_has(page: str, figure: str) -> bool:
    """True when the page states `figure` as a whole token."""
    return re.search(rf"(?<![\w.]){re.escape(figure)}(?![\w]|\.\d)", page) is not None


def _candidates(
    claim: str, evidence: list[str], rng: random.Random
) -> list[tuple[str, int, int, str]]:
    """(kind, start, end, replacement) for every figure or name of the claim the page states."""
    page = " ".join(evidence)
    out: list[tuple[str, int, int, str]] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, m: re.Match[str], group: str, new: str) -> None:
        start, end = m.span(group)
        if new == m[group] or any(s < end and start < e for s, e in taken):
            return
        if _page_has(page, new):
            return  # the new figure must be one the page does not state
        taken.append((start, end))
        out.append((kind, start, end, new))

    for m in _MONEY.finditer(claim):
        if _page_has(page, m["n"]):
            mag = (m["m"] or "").strip()
            if mag in _MAGNITUDES and rng.random() < 0.5:
                add("money_magnitude", m, "m", m["m"].replace(mag, _MAGNITUDES[mag]))
            else:
                add("money", m, "n", _scaled(m["n"], rng))
    for m in _PERCENT.finditer(claim):
        if _page_has(page, m["n"]):
            add("percentage", m, "n", _scaled(m["n"], rng))
    for m in _AGE.finditer(claim):
        group = "n" if m["n"] else "n2"
        if _page_has(page, m[group]):
            add("age", m, group, _scaled(m[group], rng))
    for pattern in (_DAY_FIRST, _DAY_AFTER):
        for m in pattern.finditer(claim):
            day = int(m["d"])
            if 1 <= day <= 31 and _page_has(page, m["d"]):
                other = rng.choice([d for d in range(1, 29) if abs(d - day) >= 2])
                add("day", m, "d", str(other))
    for m in _YEAR.finditer(claim):
        if _page_has(page, m["y"]):
            shift = rng.choice([-7, -6, -5, -4, -3, -2, 2, 3, 4, 5, 6, 7])
            add("year", m, "y", str(int(m["y"]) + shift))
    for m in _NUMBER.finditer(claim):
        number = m["n"]
        value = float(number.replace(",", ""))
        is_year = "," not in number and 1600 <= value <= 2039
        after_name = re.search(r"[A-Z][\w-]*\s$", claim[: m.start()]) is not None
        if _page_has(page, number) and value >= 2 and not is_year and not after_name:
            add("count", m, "n", _scaled(number, rng))
    out += entity_swaps(claim, evidence, rng, taken)
    return out


def perturb_row(row: dict[str, Any], rng: random.Random) -> dict[str, Any] | None:
    """The row with one figure or name changed and labelled `contradicted`, or None."""
    found = _candidates(row["claim"], row["evidence"][1:], rng)
    if not found:
        return None
    kind = rng.choice(sorted({f[0] for f in found}))  # every kind available equally likely
    kind, start, end, new = rng.choice([f for f in found if f[0] == kind])
    claim = row["claim"]
    changed = claim[:start] + new + claim[end:]
    meta = dict(row["meta"], id=f"{row['meta']['id']}-{kind}")
    meta["perturbation"] = {"kind": kind, "from": claim[start:end], "to": new}
    return dict(row, claim=changed, label="contradicted", meta=meta)


def main(argv: list[str] | None = None) -> int:
    """Read WiCE rows, write perturbed rows with their originals as controls."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("wice", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    rows = [json.loads(x) for x in args.wice.read_text(encoding="utf-8").splitlines() if x]
    out, kinds = [], {}
    for row in rows:
        changed = perturb_row(row, rng)
        if changed is None:
            continue
        out += [row, changed]
        kind = changed["meta"]["perturbation"]["kind"]
        kinds[kind] = kinds.get(kind, 0) + 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(r) + "\n" for r in out), encoding="utf-8")
    print(f"{len(out) // 2} perturbed rows and as many controls -> {args.out}: {kinds}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
