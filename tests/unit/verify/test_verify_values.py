"""Typed figures and the clashes between a claim's and a page's figures and names."""

from __future__ import annotations

from app.verify import verify_claim
from app.verify.clashes import PageValues, check_figures
from app.verify.values import parse_values


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(v.kind, text[v.start : v.end]) for v in parse_values(text)]


def test_each_figure_gets_its_type() -> None:
    text = (
        "On 2 November 2004 the 34-year-old paid $6.4 billion for 41.3% of 673 stores, "
        "his third album in three decades, in 1998 and the 1960s, 21.4 TWh."
    )
    kinds = _kinds(text)
    assert ("day", "2 November 2004") in kinds
    assert ("year", "2004") in kinds and ("year", "1998") in kinds and ("year", "1960s") in kinds
    assert ("age", "34") in kinds
    assert ("money", "$6.4 billion") in kinds
    assert ("percent", "41.3%") in kinds
    assert ("count", "673 stores") in kinds
    assert ("ordinal", "third") in kinds
    assert ("duration", "three decades") in kinds
    assert ("measure", "21.4 TWh") in kinds


def test_money_keeps_currency_and_magnitude() -> None:
    (billion,) = parse_values("It cost $6.4 billion.")
    (million,) = parse_values("It cost $6.4 million.")
    (pounds,) = parse_values("It cost £6.4 billion.")
    assert billion.unit == pounds.unit.replace("GBP", "USD") == "USD"
    assert not billion.agrees(million)
    assert billion.unit != pounds.unit


def test_qualifiers_and_precision_widen_the_interval() -> None:
    (nearly,) = parse_values("nearly 7,000 people came")
    (exact,) = parse_values("6,800 people came")
    (far,) = parse_values("4,000 people came")
    assert nearly.agrees(exact)
    assert not nearly.agrees(far)
    (decade,) = parse_values("in the 1960s")
    (year,) = parse_values("in 1964")
    assert decade.agrees(year)


PAGE = [
    "Mixtral 8x22B launch",
    "Mistral AI's Mixtral 8x22B showed that sparse activation can match much larger models.",
    "The Paris company was founded in 2023 by Arthur Mensch and Guillaume Lample.",
    "Its first model, Mistral 7B, was released on 27 September 2023 under the Apache licence.",
    "The company raised €385 million in December 2023 from Andreessen Horowitz and others.",
]


def test_another_company_named_for_the_product_is_contradicted() -> None:
    verdict = verify_claim(
        "Google's Mixtral 8x22B showed that sparse activation can match much larger models.", PAGE
    )
    assert verdict.status == "contradicted"
    assert "Google's" in verdict.reasons[0] and "Mistral AI's" in verdict.reasons[0]
    assert verdict.evidence_index == 1


def test_the_right_company_is_supported() -> None:
    verdict = verify_claim(
        "Mistral AI's Mixtral 8x22B showed that sparse activation can match much larger models.",
        PAGE,
    )
    assert verdict.status == "supported"


def test_a_shifted_day_of_the_month_is_contradicted() -> None:
    claim = "Mistral 7B, the company's first model, was released on 12 September 2023."
    verdict = verify_claim(claim, PAGE)
    assert verdict.status == "contradicted"
    assert "12 September 2023" in verdict.reasons[0] and "27 September 2023" in verdict.reasons[0]


def test_a_money_magnitude_is_contradicted() -> None:
    claim = "The company raised €385 billion in December 2023 from Andreessen Horowitz."
    assert verify_claim(claim, PAGE).status == "contradicted"
    right = "The company raised €385 million in December 2023 from Andreessen Horowitz."
    assert verify_claim(right, PAGE).status == "supported"


def test_a_figure_the_page_never_states_is_never_supported() -> None:
    claim = "Mistral AI's Mixtral 8x22B showed that sparse activation can match 12 larger models."
    verdict = verify_claim(claim, PAGE)
    assert verdict.status != "supported"
    assert any("never states" in r for r in verdict.reasons)


def test_verdicts_carry_offsets_into_the_text() -> None:
    text = " ".join(PAGE[1:])
    verdict = verify_claim("The company raised €385 million in December 2023.", text)
    start, end = verdict.offsets[0]
    assert "€385 million" in text[start:end]
    assert len(verdict.evidence_indices) == len(verdict.offsets) >= 1


def test_a_day_inside_a_stated_range_agrees() -> None:
    (festival,) = [v for v in parse_values("The festival runs May 11-22.") if v.kind == "day"]
    (premiere,) = [v for v in parse_values("It premiered on May 19, 2016.") if v.kind == "day"]
    assert premiere.agrees(festival)


ROSTER = [
    "Club news",
    "Todd Watson was hired as head coach of the Odessa Jackalopes in 2017 after three seasons.",
    "The Jackalopes play in the North American Hockey League.",
]


def test_a_lone_misstated_year_of_a_stated_claim_is_contradicted() -> None:
    claim = "Todd Watson was hired as head coach of the Odessa Jackalopes in 2021."
    verdict = verify_claim(claim, ROSTER)
    assert verdict.status == "contradicted"
    assert "'2021'" in verdict.reasons[0] and "'2017'" in verdict.reasons[0]


def test_a_year_off_by_one_is_not_called_a_contradiction() -> None:
    # Seasons and fiscal years straddle two calendar years; one year off is left unconfirmed.
    claim = "Todd Watson was hired as head coach of the Odessa Jackalopes in 2018."
    verdict = verify_claim(claim, ROSTER)
    assert verdict.status not in ("contradicted", "supported")


def test_a_maximum_allows_anything_below_it() -> None:
    (bound,) = parse_values("The charge carries a maximum penalty of 20 years in prison.")
    assert (bound.low, bound.high) == (0.0, 25.0)
    (plain,) = parse_values("He served 20 years in prison.")
    assert plain.low == 15.0  # "20" is printed to the ten: 15 to 25


def test_a_sentence_below_the_maximum_penalty_does_not_contradict_it() -> None:
    claim = "The judge sentenced Borker to four years in prison for the threats."
    page = [
        "The judge sentenced Borker.",
        "The charge carries a maximum penalty of 20 years in prison.",
    ]
    assert verify_claim(claim, page).status != "contradicted"


def test_at_and_a_number_after_a_name_and_a_comma_is_an_age() -> None:
    assert [(v.kind, v.low) for v in parse_values("Winslet, at 31, became the youngest.")] == [
        ("age", 31.0)
    ]
    assert [v.kind for v in parse_values("We met, at 10, in the hall.")] == ["number"]


def test_a_number_before_or_more_counts_the_noun_after_it() -> None:
    (digits,) = parse_values("Women with 5 or more children may retire early.")
    (words,) = parse_values("Women with three or more children may retire early.")
    assert (digits.kind, digits.low, digits.unit) == ("count", 5.0, "children")
    assert (words.kind, words.low, words.unit) == ("count", 3.0, "children")
    (bare,) = parse_values("Women with 5 may retire early.")
    assert bare.kind == "number"


def test_another_threshold_of_the_same_count_contradicts() -> None:
    page = ["Pensions rose.", "Women with three or more children could retire earlier, he added."]
    claim = "Women having 5 and more children could retire earlier."
    verdict = verify_claim(claim, page)
    assert verdict.status == "contradicted" and "'5'" in verdict.reasons[0]
    same = "Women having three or more children could retire earlier."
    assert verify_claim(same, page).status == "supported"


def test_both_ends_of_a_hyphenated_span_of_years_are_years() -> None:
    def years(text: str) -> list[float]:
        return [v.low for v in parse_values(text) if v.kind == "year"]

    assert years("Saint Luke drawing the Madonna, ca. 1491-1510, Bruges.") == [1491.0, 1510.0]
    assert years("The 2011-2012 season ended.") == [2011.0, 2012.0]
    # Not a year after a hyphen that no year precedes, nor a third "-NNNN".
    assert years("Call 555-1234 or MS-2015.") == []
    assert years("Codes 2001-2005-2009.") == [2001.0, 2005.0]


def test_the_end_of_a_hyphenated_span_is_checked_against_the_page() -> None:
    claim = "The panel in Bruges dates from c. 1491-1510."
    page = ["The panel in Bruges dates from c. 1491-1504."]
    found = check_figures(claim, PageValues(page), {0: 1.0}, lambda i: 1.0)
    assert found.unstated == ("1510",)
    assert found.clash is not None and found.clash.page_span == "1504"


def test_a_capitalised_magnitude_word_scales_the_amount() -> None:
    text = "OpenGov Picks Up $25 Million More, and $3 BILLION later"
    money = [(v.low, text[v.start : v.end]) for v in parse_values(text) if v.kind == "money"]
    assert money == [(25e6, "$25 Million"), (3e9, "$3 BILLION")]


def test_the_same_amount_a_thousandfold_off_clashes_far_from_the_claims_words() -> None:
    claim = "A further $25 billion round in 2015 came from Horowitz and Cook."
    page = ["OpenGov Picks Up $25 Million More", "Horowitz and Cook joined."]
    found = check_figures(claim, PageValues(page), {}, lambda i: 1.0)
    assert found.clash is not None and found.clash.page_span == "$25 Million"
    # Another amount far from the claim's words is no clash, nor another currency's.
    for other in ("$40 Million", "€25 million"):
        page = [f"OpenGov Picks Up {other} More", "Horowitz and Cook joined."]
        assert check_figures(claim, PageValues(page), {}, lambda i: 1.0).clash is None, other


def test_a_match_score_is_one_figure_in_either_order() -> None:
    assert _kinds("He took a 10–3 lead, then won 3-1 after a 1–1 draw.") == [
        ("score", "10–3"), ("score", "3-1"), ("score", "1–1"),
    ]  # fmt: skip
    won, lost = (parse_values(t)[0] for t in ("They won 3-1.", "They lost 1–3."))
    assert won.agrees(lost)
    # Not a score without a result word: a range of pages or ages.
    assert [v.kind for v in parse_values("See pages 10-20 and ages 3-5 years.")] == [
        "number", "duration",
    ]  # fmt: skip


def test_another_score_in_the_same_words_contradicts() -> None:
    page = ["Mark Williams holds a 10-7 lead over John Higgins going into the final day."]
    claim = "Williams won the last three frames to take a {score} lead over Higgins."
    found = check_figures(claim.format(score="10–3"), PageValues(page), {}, lambda i: 1.0)
    assert found.clash is not None and found.clash.page_span == "10-7"
    assert (
        check_figures(claim.format(score="10–7"), PageValues(page), {}, lambda i: 1.0).clash is None
    )


def test_an_ordinal_ranks_a_hyphenated_word_as_one() -> None:
    ranks = [
        v.unit for v in parse_values("the 6th Ibero-American Championship, the 10th Iberoamerican")
    ]
    assert ranks == ["iberoamerican", "iberoamerican"]


def test_another_edition_of_a_hyphenated_championship_is_contradicted() -> None:
    page = ["Lazaro Bruzon wins the 6th Ibero-American Championship in Bilbao on the last day."]
    claim = "Bruzon won the 10th Iberoamerican Championship in Bilbao."
    assert verify_claim(claim, page).status == "contradicted"
    same = "Bruzon won the 6th Ibero-American Championship in Bilbao."
    assert verify_claim(same, page).status == "supported"


def test_a_number_before_a_described_plural_counts_it() -> None:
    kinds = _kinds("It took 93 different shapes, 72,000 square feet and 400 9th-grade students.")
    assert ("count", "93") in kinds and ("count", "72,000") in kinds and ("count", "400") in kinds
    assert [v.unit for v in parse_values("93 different shapes")] == ["shape"]
    assert _kinds("He won 3 of the games.") == [("number", "3")]


def test_another_count_of_a_described_noun_is_contradicted() -> None:
    page = ["Craftsmen made a total of 673 panels in 91 different shapes to encase the dome."]
    claim = "The dome needed 673 panels in 40 different shapes."
    assert verify_claim(claim, page).status == "contradicted"
    assert verify_claim(claim.replace("40", "91"), page).status == "supported"


def test_a_year_clashes_between_the_same_nouns_a_word_apart() -> None:
    # No passage is on topic: only the words around the two years tie them.
    page = PageValues(["The book draws heavily upon U.S. 2000 Census data on the population."])
    found = check_figures("It co-published a book on 1994 U.S. Census data.", page, {}, lambda i: 0)
    assert found.clash is not None and found.local
    assert found.clash.page_span == "2000"
    other = check_figures("It co-published a book on 1994 U.S. trade data.", page, {}, lambda i: 0)
    assert not other.local


def test_a_magnitude_clashes_with_an_amount_the_page_gives_roughly() -> None:
    page = [
        "Successful acquisition of Ashdown Investment Trust for a consideration of c. £66 million."
    ]
    claim = "The company acquired Ashdown Investment Trust for £66 billion."
    assert verify_claim(claim, page).status == "contradicted"
    assert verify_claim(claim.replace("billion", "million"), page).status != "contradicted"


def test_identifiers_keep_their_label() -> None:
    found = parse_values("The Twenty20 final, Council Position 8 and Route 66 in mid-2019.")
    assert [(v.kind, v.low, v.unit) for v in found] == [
        ("ident", 20.0, "twenty"),
        ("ident", 8.0, "position"),
        ("ident", 66.0, "route"),
    ]


def test_another_number_under_the_same_label_is_contradicted() -> None:
    page = ["In the Council Position 8 race, also citywide, Mosqueda got 62 percent of the vote."]
    claim = "Mosqueda was elected to the council citywide in the Position 3 race."
    assert verify_claim(claim, page).status == "contradicted"
    assert verify_claim(claim.replace("3", "8"), page).status != "contradicted"
    other = "Mosqueda was elected to the council citywide in the Route 3 race."
    assert verify_claim(other, page).status != "contradicted"  # another label: no clash


def test_the_size_of_a_top_list_is_an_identifier_but_a_top_share_stays_a_percentage() -> None:
    found = parse_values("One of America's top 8 coolest towns, in the top 10 percent.")
    assert [(v.kind, v.low, v.unit) for v in found][0] == ("ident", 8.0, "top")
    assert [v.kind for v in found][1:] == ["percent"]
    page = ["# America's Top 5 Coolest Towns To Buy A Vacation Home", "Easton, Maryland"]
    claim = "Easton was named one of America's top {} coolest towns to buy a vacation home."
    assert verify_claim(claim.format(8), page).status == "contradicted"
    assert verify_claim(claim.format(5), page).status != "contradicted"
