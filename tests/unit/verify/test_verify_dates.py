"""Dates on handmade pages: a date's year misstated, a date counted once, a page's dateline."""

from __future__ import annotations

from app.verify.clashes import PageValues, check_figures
from app.verify.datelines import dateline_values, is_dateline, stamp_values
from app.verify.values import parse_values
from app.verify.verdict import verify_claim


def _check(claim: str, passages: list[str]):  # type: ignore[no-untyped-def]
    """check_figures with every passage counted as fully on topic."""
    return check_figures(claim, PageValues(passages), {}, lambda i: 1.0)


def test_a_year_of_a_full_date_carries_its_month_and_day() -> None:
    years = [v for v in parse_values("On 1 February 1954 and in 1958.") if v.kind == "year"]
    assert [(v.low, v.unit) for v in years] == [(1954.0, "0201"), (1958.0, "")]


def test_the_same_day_and_month_in_another_year_clashes_far_from_the_claims_words() -> None:
    claim = "His final match took place on 1 February 1954."
    page = ["Fans came to the ground on Saturday, February 1, 1958, for United."]
    found = _check(claim, page)
    assert found.clash is not None
    assert (found.clash.claim_span, found.clash.page_span) == ("1954", "1958")


def test_another_day_in_another_year_does_not_make_a_date_clash() -> None:
    claim = "His final match took place on 1 February 1954."
    page = ["Fans came to the ground on Saturday, March 9, 1958, for United."]
    assert _check(claim, page).clash is None


def test_a_day_in_another_year_does_not_state_the_claims_day() -> None:
    found = _check("He acted on 26 December 1947.", ["He acted on 26 December 1944."])
    assert found.unstated == ("26 December 1947",)  # its month is stated, the day is not


def test_the_year_of_an_unstated_date_is_not_counted_again() -> None:
    found = _check("She replaced him on 7 July 2019.", ["The board met on 24 July."])
    assert found.unstated == ("7 July 2019",)


def test_the_year_of_a_stated_day_is_still_checked() -> None:
    found = _check("He died on May 7, 2023.", ["He died on May 7 in Calgary."])
    assert found.unstated == ("2023",)


def test_a_passage_of_a_date_times_and_labels_is_a_dateline() -> None:
    for text in (
        "Posted on April 21, 2014",
        "Mon 6 Jan 2014 09.23 EST",
        "May 3rd, 2018 - 9:14pm",
        "Published 2019-05-03T14:22:00+02:00",  # a timestamp as the page prints it
        "Updated: 2021-11-30T09:05Z",
    ):
        assert is_dateline(text, parse_values(text, light=True)), text
    for text in (
        "In April 2014 they met.",
        "May 2018 was warm and so was June 2019",
        "Chess Previews 2015",
        "Released: June 6, 2017 • US",
        "2019-05-03T14:22:00Z was when the office opened",
    ):
        assert not is_dateline(text, parse_values(text, light=True)), text
    found = dateline_values(["A story.", "Posted on May 3, 2018"])
    assert [(i, v.kind, v.low) for i, v in found] == [(1, "day", 503.0), (1, "year", 2018.0)]
    found = dateline_values(["2019-05-03T14:22:00Z"])
    assert [(v.kind, v.low) for _, v in found] == [("day", 503.0), ("year", 2019.0)]


PAGE = [
    "Posted on May 3, 2018 9:14 pm",
    "The band Lowland released a new single, Northern Lights, on Spotify and iTunes.",
    "The single follows their album.",
]


# Four of its seven plain words are on the page: too few for a lone unstated year to count
# as misstated without a dateline, while its names keep it on the page's topic.
CLAIM_2014 = (
    "The band Lowland released the single Northern Lights in 2014 to warm praise from critics."
)


def test_a_year_off_the_pages_dateline_contradicts_the_story_it_reports() -> None:
    verdict = verify_claim(CLAIM_2014, PAGE)
    assert verdict.status == "contradicted"
    assert verdict.reasons[0] == "the claim says '2014' (year); the page says '2018'"


def test_the_dateline_year_itself_or_a_year_far_from_it_does_not_contradict() -> None:
    for year in ("2018", "1975"):
        claim = CLAIM_2014.replace("2014", year)
        assert verify_claim(claim, PAGE).status != "contradicted", year


def test_datelines_of_two_years_give_the_page_no_single_date() -> None:
    page = ["Posted on May 3, 2018", "Updated on June 1, 2020", *PAGE[1:]]
    claim = CLAIM_2014
    assert verify_claim(claim, page).status != "contradicted"


def test_a_dateline_year_does_not_contradict_a_claim_off_the_pages_topic() -> None:
    claim = "The orchestra toured Japan and Korea with a new conductor in 2014."
    assert verify_claim(claim, PAGE).status != "contradicted"


SIGNING = [
    "Posted on 6 June 2017",
    "Bolton Wanderers confirmed that Adam Lowe joined them on a contract.",
]
# Few of its plain words (confirmed, joined, contract) are on the page: no lone suspect.
SIGNING_CLAIM = (
    "On {day} June 2017, Bolton Wanderers confirmed that Adam Lowe joined them on a two-year"
    " contract with an option to extend."
)


def test_a_day_later_than_the_pages_dateline_contradicts_the_story_it_reports() -> None:
    verdict = verify_claim(SIGNING_CLAIM.format(day=11), SIGNING)
    assert verdict.status == "contradicted"
    assert verdict.reasons[0] == "the claim says '11 June 2017' (day); the page says '6 June 2017'"


def test_a_day_before_the_pages_dateline_may_be_what_it_reports() -> None:
    assert verify_claim(SIGNING_CLAIM.format(day=2), SIGNING).status != "contradicted"


def test_two_dates_in_one_passage_are_a_span_not_a_dateline() -> None:
    text = "01 Aug 2018 - 10 Jun 2022"
    assert not is_dateline(text, parse_values(text, light=True))


def test_a_page_figure_the_claim_states_elsewhere_is_no_suspect_for_another() -> None:
    claim = "After his retirement in 1996, Oue served as director from 1997 to 2003."
    found = _check(claim, ["Oue served as director from 1997 to 2003."])
    assert found.unstated == ("1996",)
    assert found.suspect is None  # 2003 is the claim's own end year, not 1996 misstated


def test_the_other_end_of_a_span_the_claim_states_is_no_suspect() -> None:
    claim = "He signed for Fulham in 2017 and again in 2018."
    assert _check(claim, ["Fulham contract: 01 Aug 2018 - 10 Jun 2022"]).suspect is None
    assert _check(claim, ["Fulham contract: 2018 to 2022."]).suspect is None
    # Not a span: 2022 stands alone, the closest year to the unstated 2017.
    found = _check(claim, ["Fulham contract: 01 Aug 2018, renewed 10 Jun 2022."])
    assert found.suspect is not None and found.suspect.page_span == "2022"


def test_a_page_stating_half_the_claims_topic_is_enough_for_its_dateline() -> None:
    # The page states 0.53 of this claim's topic: below the 0.6 other clashes need.
    claim = (
        "In 2014 the band Lowland released Northern Lights, a winter song that critics praised"
        " for its warm and tender chorus."
    )
    verdict = verify_claim(claim, PAGE)
    assert verdict.status == "contradicted"
    assert verdict.reasons[0] == "the claim says '2014' (year); the page says '2018'"


def test_a_page_stating_less_than_half_the_claims_topic_says_nothing_of_its_date() -> None:
    claim = (
        "Lowland released Northern Lights, a winter song that critics praised in 2014 for its"
        " warm, tender chorus and its slow, quiet verses."
    )  # 0.41 of its topic on the page, and none of the clause around its year
    assert verify_claim(claim, PAGE).status != "contradicted"


def test_a_date_on_the_same_day_in_another_year_counts_as_a_dated_clash() -> None:
    found = _check("He died on 12 September 1881.", ["Died: 12 September 1875, Haberton."])
    assert found.dated is not None and found.dated.page_span == "1875"


def test_a_byline_or_a_date_in_digits_can_make_a_dateline() -> None:
    found = dateline_values(["By Chava Gourarie May 24, 2019 2:44 pm", "02/25/2015 9:22 AM |"])
    assert [(i, v.kind, v.low) for i, v in found] == [
        (0, "day", 524.0), (0, "year", 2019.0), (1, "year", 2015.0)
    ]  # fmt: skip
    for text in ("By the way, May 2019 was warm", "Call 12/10/2015 or see us", "v 1.2.2015.4"):
        assert dateline_values([text]) == [], text


def test_the_one_year_of_the_passage_that_states_the_claim_best_dates_its_event() -> None:
    claim = "In 2009, the festival moved to Leeds."
    page = ["The festival moved to Leeds in 2012.", "Tickets went on sale in 2011."]
    found = check_figures(claim, PageValues(page), {0: 0.8, 1: 0.1}, lambda i: 0.0)
    assert found.dated is not None and found.dated.page_span == "2012"
    # The same year in a passage that states the claim less well dates nothing.
    found = check_figures(claim, PageValues(page), {0: 0.1, 1: 0.8}, lambda i: 0.0)
    assert found.dated is None or found.dated.page_span != "2012"


def test_a_best_passage_with_two_years_does_not_date_the_event() -> None:
    claim = "In 2009, the festival moved to Leeds."
    page = ["The festival, founded in 2005, moved to Leeds in 2012."]
    assert check_figures(claim, PageValues(page), {0: 0.8}, lambda i: 0.0).dated is None


def test_the_one_day_of_the_passage_that_states_the_claim_best_dates_its_event() -> None:
    claim = "The deadline was extended to June 24, 2018."
    page = ["The firms agreed to extend the deadline to June 21.", "Talks resumed on June 2."]
    found = check_figures(claim, PageValues(page), {0: 0.8, 1: 0.1}, lambda i: 0.0)
    assert found.dated is not None and found.dated.page_span == "June 21"


LONG_CLAIM = (
    "Lowland released Northern Lights, a winter song that critics praised in {year} for its"
    " warm, tender chorus and its slow, quiet verses."
)  # 0.41 of its topic on the page, and none of the clause around its year


def test_a_year_after_every_dateline_needs_only_a_quarter_of_the_claims_topic() -> None:
    # The page was written in 2018: it cannot report a release in 2021.
    verdict = verify_claim(LONG_CLAIM.format(year=2021), PAGE)
    assert verdict.status == "contradicted"
    assert verdict.reasons[0] == "the claim says '2021' (year); the page says '2018'"
    # A year before the dateline may be a past the page tells of: half the topic still needed.
    assert verify_claim(LONG_CLAIM.format(year=2014), PAGE).status != "contradicted"


def test_a_year_after_the_dateline_off_the_pages_topic_does_not_contradict() -> None:
    claim = "In 2021 the orchestra toured Japan and Korea with a new conductor and a choir."
    assert verify_claim(claim, PAGE).status != "contradicted"


def test_the_same_day_and_month_in_another_year_needs_only_a_quarter_of_the_topic() -> None:
    page = ["ScotlandDied: 12 September 1875, Haberton,", "DevonshireCitation:", "Book list"]
    claim = "He died at Dundrige in Harberton in Devonshire on 12 September {year}."
    verdict = verify_claim(claim.format(year=1881), page)
    assert verdict.status == "contradicted"
    assert verdict.reasons[0] == "the claim says '1881' (year); the page says '1875'"
    assert verify_claim(claim.format(year=1875), page).status != "contradicted"


def test_an_authors_name_before_a_date_makes_a_dateline() -> None:
    for text in ("Osama Al Sharif January 22, 2019", "Paul Hector March 12, 2010 at 5:30 pm"):
        assert is_dateline(text, parse_values(text, light=True)), text
    # One capitalised word is a label or a heading, not a name; nor is a sentence a byline.
    for text in ("Released June 6, 2017", "Osama Al Sharif wrote on January 22, 2019"):
        assert not is_dateline(text, parse_values(text, light=True)), text


RELEASE_PAGE = [
    "Released: June 6, 2017 • Available in US",
    "Shout Factory presents Where the Buffalo Roam on Blu-ray with its soundtrack.",
]
# 0.59 of its topic on the page: below the 0.6 a clash far from the claim's words needs.
RELEASE_CLAIM = (
    "In {year}, Shout Factory released Where the Buffalo Roam on Blu-ray, restoring the original"
    " songs and the lost soundtrack for devoted fans and eager collectors worldwide."
)


def test_a_dated_field_whose_label_the_claim_has_near_its_year_dates_that_event() -> None:
    verdict = verify_claim(RELEASE_CLAIM.format(year=2020), RELEASE_PAGE)
    assert verdict.status == "contradicted"
    assert verdict.reasons[0] == "the claim says '2020' (year); the page says '2017'"
    assert verify_claim(RELEASE_CLAIM.format(year=2017), RELEASE_PAGE).status != "contradicted"


def test_a_dated_field_of_another_label_says_nothing_of_the_claims_year() -> None:
    page = [RELEASE_PAGE[0].replace("Released", "Available"), RELEASE_PAGE[1]]
    assert verify_claim(RELEASE_CLAIM.format(year=2020), page).status != "contradicted"


def test_a_clash_in_the_same_words_needs_half_the_claims_topic() -> None:
    claim = RELEASE_CLAIM.format(year=2020) + " Critics in Boston, Denver and Seattle wept."
    assert verify_claim(claim, RELEASE_PAGE).status != "contradicted"


def test_a_metadata_publication_stamp_is_read_apart_from_datelines() -> None:
    passages = ["(meta data) PUBLISHED DATETIME: 2014-09-25 14:53", "The band toured."]
    assert dateline_values(passages) == []
    assert [(i, v.kind, v.low) for i, v in stamp_values(passages)] == [
        (0, "day", 925.0),
        (0, "year", 2014.0),
    ]
    assert stamp_values(["(meta data) PUBLISHED DATETIME: the band toured in 2014 and 2015"]) == []


_STAMPED = [
    "(meta data) PUBLISHED DATETIME: 2014-09-25 14:53",
    "The band released its fourth album, Gold Rush, through Stereotypes Music this week.",
]


def test_a_release_after_the_pages_publication_stamp_is_contradicted() -> None:
    claim = "The band released its fourth album Gold Rush through Stereotypes Music in 2020."
    verdict = verify_claim(claim, _STAMPED)
    assert verdict.status == "contradicted"
    assert "the page says '2014'" in verdict.reasons[0]


def test_a_year_before_a_publication_stamp_is_no_dated_clash() -> None:
    # A stamp may be the time of the last change: the story it carries can be years older.
    claim = "The band released its fourth album Gold Rush through Stereotypes Music in {}."
    assert _check(claim.format(2011), _STAMPED).dated is None
    assert _check(claim.format(2020), _STAMPED).dated is not None


def test_a_day_after_every_dateline_of_its_month_is_contradicted() -> None:
    page = [
        "13 September 2013 10:59 pm",
        "Charlotte Crosby has been crowned the winner of Celebrity Big Brother, ahead of Love.",
    ]
    claim = "On 15 September, Love was announced as the Celebrity Big Brother runner-up."
    assert verify_claim(claim, page).status == "contradicted"
    assert verify_claim(claim.replace("15", "13"), page).status != "contradicted"


def test_the_surest_dated_clash_of_a_claims_dates_is_kept() -> None:
    # The day is a little off the page's (a clash needing half the topic); the year is after
    # the page's publication stamp (a clash needing a quarter): the year's is kept.
    page = [
        "(meta data) PUBLISHED DATETIME: 2014-09-25 14:53",
        "Their album was released on October 28 by Stereotypes Music.",
    ]
    found = check_figures(
        "It was released on October 27, 2020, by Stereotypes Music.",
        PageValues(page),
        {1: 1.0},
        lambda i: 1.0,
    )
    assert found.dated is not None and found.sure
    assert found.dated.page_span == "2014"


def test_the_year_a_page_gives_a_claims_yearless_day_dates_the_claim() -> None:
    page = ["Opposition groups organized public demonstrations in Dhaka on 10 October 1990."]
    claim = "The first casualty of the 1992 uprising was killed on 10 October in Dhaka."
    found = _check(claim, page)
    assert found.dated is not None and found.sure
    assert (found.dated.claim_span, found.dated.page_span) == ("1992", "1990")
    assert _check(claim.replace("10 October", "3 March"), page).dated is None
    assert _check(claim.replace("1992", "1990"), page).dated is None


def test_a_dateline_may_say_originally_published_updated_or_corrected() -> None:
    for text in (
        "Originally published November 22, 2009 at 9:57 PM",
        "| Page modified November 23, 2009 at 1:46 AM",
        "July 23, 2019 News Release",
        "Correction: July 27, 2014",
        "Reviewed July 7, 2009.",
    ):
        assert is_dateline(text, parse_values(text, light=True)), text
    for text in ("Retrieved 2009-09-30.", "Accessed 23 August 2019.", "Formed in January 1915."):
        assert not is_dateline(text, parse_values(text, light=True)), text


def test_an_originally_published_dateline_dates_the_story_it_reports() -> None:
    page = [
        "Real Salt Lake wins MLS Cup on penalty kicks",
        "Originally published November 22, 2009 at 9:57 PM",
        "Real Salt Lake beat the Galaxy on penalties, 5-4, to win the MLS Cup.",
    ]
    # "11 years" is unstated too, so the lone-suspect rule does not decide this one.
    claim = "After 11 years, Real Salt Lake won the MLS Cup in 2011, beating the Galaxy 5-4."
    assert verify_claim(claim, page).status == "contradicted"
    assert verify_claim(claim.replace("2011", "2009"), page).status != "contradicted"


def test_a_date_a_day_off_a_dateline_in_another_year_is_the_reported_event_misdated() -> None:
    page = [
        "By Travis Zimpfer on March 2, 2017",
        "Posted on August 25, 2019",
        "The commission named Powell, Hardwick and Lipman as the three applicants for the seat.",
    ]
    claim = "On March 1, {year} Powell was named as one of three applicants for the seat."
    verdict = verify_claim(claim.format(year=2011), page)
    assert verdict.status == "contradicted"
    assert verdict.reasons[0] == "the claim says '2011' (year); the page says '2017'"
    assert verify_claim(claim.format(year=2017).replace("1", "2", 1), page).status != "contradicted"
    near = _check(claim.format(year=2011), page)
    assert near.sure and near.dated is not None and near.dated.page_span == "2017"
    # a month away from every dateline, the claim may date an older event the page recalls
    far = _check(claim.replace("March 1", "April 9").format(year=2011), page)
    assert not far.sure


def test_a_year_in_the_same_words_needs_only_a_quarter_of_the_claims_topic() -> None:
    page = ["Matt Warshaw", "Class of 1978.", "Surf writer and historian.", "Dewey Weber"]
    claim = (
        "A graduate of the Class of {y}, Warshaw joined Dewey Weber among the alumni honoured "
        "for their work in politics, business, science, music and sports."
    )
    verdict = verify_claim(claim.format(y=1972), page)
    assert verdict.status == "contradicted"
    assert verdict.reasons[0] == "the claim says '1972' (year); the page says '1978'"
    assert verify_claim(claim.format(y=1978), page).status != "contradicted"
    # the same year in other words is no clash on so thin a topic
    other = ["Matt Warshaw", "Founded in 1978.", "Surf writer and historian.", "Dewey Weber"]
    assert verify_claim(claim.format(y=1972), other).status != "contradicted"


def test_a_clash_in_the_same_words_is_kept_beside_a_stronger_one_in_other_words() -> None:
    passages = [
        "The New Face of Asian Pacific America (1998) Co-published with AsianWeek",
        "Drawing upon U.S. 2000 Census data, The New Face analyzes population trends.",
    ]
    claim = "AsianWeek co-published a book on 1995 U.S. Census data, The New Face."
    found = check_figures(claim, PageValues(passages), {0: 1.0}, lambda i: 0.3)
    assert found.clash is not None and found.clash.page_span == "1998"
    assert found.local is not None and found.local.page_span == "2000" and found.tied


def _near_check(claim: str, passages: list[str], near: dict[int, float]):  # type: ignore[no-untyped-def]
    """check_figures with `near` as the passages that state the claim best."""
    return check_figures(claim, PageValues(passages), near, lambda i: 1.0)


_TENURE = "After Tung's retirement in 1996, Oue served as music director from 1997 to 2003."


def test_a_suspect_year_away_from_where_the_page_states_the_claims_other_years_is_dropped() -> None:
    page = [
        "Oue served as music director of the festival from 1997 to 2003.",
        "Oue became music director of the youth orchestra in 1982, a post he held until 1989.",
    ]
    assert _near_check(_TENURE, page, {0: 0.8}).suspect is None


def test_a_suspect_year_beside_the_claims_other_years_is_kept() -> None:
    page = ["Tung retired in 1990; Oue served as music director from 1997 to 2003."]
    found = _near_check(_TENURE, page, {0: 0.8})
    assert found.suspect is not None and found.suspect.page_span == "1990"


def test_a_suspect_on_the_pages_dateline_is_kept_beside_the_claims_other_years() -> None:
    page = ["Oue served as music director from 1997 to 2003.", "Posted on March 3, 1990"]
    found = _near_check(_TENURE, page, {0: 0.8})
    assert found.suspect is not None and found.suspect.page_span == "1990"


def test_a_suspect_year_away_from_where_the_page_names_the_claims_month_is_dropped() -> None:
    claim = "A second student sued Daniels and the university in October 2018."
    page = [
        "A second accusation followed in October, when a student sued him and the school.",
        "In August, a singer accused Daniels of having drugged him in 2010.",
    ]
    assert _near_check(claim, page, {0: 0.8}).suspect is None
    found = _near_check(claim, page, {1: 0.8})  # where no near passage names October
    assert found.suspect is not None and found.suspect.page_span == "2010"


def test_a_date_in_digits_year_first_makes_a_dateline() -> None:
    assert [v.low for _, v in dateline_values(["2013/10/22 20:01:01"])] == [2013.0]
    assert dateline_values(["Score 2013/10 and 22 more"]) == []


_TOUR_PAGE = [
    "Posted on August 1, 2010",
    "Guitarist Jerry Cantrell talks about the Blackdiamondskye tour with Deftones and Mastodon.",
    "The bands will tour Canada this autumn.",
    "Tickets are on sale now.",
]
_TOUR = (
    "Along with Mastodon and Deftones, Alice in Chains toured Canada in late {} on the"
    " Blackdiamondskye tour, an amalgam of the three bands' latest album titles, which critics"
    " praised widely."
)


def test_a_year_off_the_dateline_in_a_clause_the_page_states_clashes_in_a_thin_claim() -> None:
    # The page states under half of the claim, but most of the clause around its year.
    found = verify_claim(_TOUR.format(2007), _TOUR_PAGE)
    assert found.status == "contradicted"
    assert "'2007' (year); the page says '2010'" in found.reasons[0]
    assert verify_claim(_TOUR.format(2010), _TOUR_PAGE).status != "contradicted"


def test_a_year_off_the_dateline_in_a_clause_the_page_does_not_state_says_nothing() -> None:
    claim = (
        "Along with Mastodon and Deftones, Alice in Chains played the Blackdiamondskye tour, an"
        " amalgam of the three bands' latest album titles, which critics praised widely in late"
        " 2007 in their yearly review."
    )
    assert verify_claim(claim, _TOUR_PAGE).status != "contradicted"


def test_a_page_year_inside_the_claims_span_does_not_misstate_its_ends() -> None:
    claim = "He played for the Flames from 1996 to 2013 and won the Cup."
    page = ["He played for the Flames and led the Cup run in 2004."]
    best = {0: 1.0}
    assert _near_check(claim, page, best).dated is None  # 2004 lies inside 1996–2013
    found = _near_check(claim, ["He played for the Flames and won the Cup in 1999."], best)
    assert found.dated is None  # 1999 inside too
    found = _near_check(
        claim, ["He played for the Flames from 1998 to 2013 and won the Cup."], best
    )
    assert found.clash is not None and found.clash.page_span == "1998"  # a span's end changed


_INAUGURATION_PAGE = [
    "Posted on October 31, 2018",
    "Jair Bolsonaro won Brazil's presidential runoff after a bitter campaign.",
    "Once Bolsonaro assumes office as president on January 1, Brazilians will find out.",
    "His rivals conceded the race.",
]


def test_a_day_off_in_a_passage_that_dates_the_claims_story_needs_a_quarter_of_its_words() -> None:
    # The passage names the claim's month (no year) and a word of the date's clause.
    claim = (
        "Bolsonaro was sworn in as President of the Republic on {}, succeeding Michel Temer"
        " after a bitter campaign fought over crime, pensions and corruption."
    )
    found = verify_claim(claim.format("24 January 2019"), _INAUGURATION_PAGE)
    assert found.status == "contradicted"
    assert "'24 January 2019' (day); the page says 'January 1'" in found.reasons[0]
    assert verify_claim(claim.format("1 January 2019"), _INAUGURATION_PAGE).status != (
        "contradicted"
    )


def test_a_day_off_in_a_passage_without_the_dates_clause_needs_most_of_the_words() -> None:
    claim = (
        "After a bitter campaign fought over crime, pensions and corruption, Bolsonaro won as"
        " president; Michel Temer handed over the sash on 24 January 2019."
    )
    assert verify_claim(claim, _INAUGURATION_PAGE).status != "contradicted"


def test_a_yearless_day_of_the_claims_date_takes_the_pages_dateline_year() -> None:
    page = ["02/25/2015 9:22 AM", "Wild Canaries opens February 25; its director answered us."]
    found = _near_check("The film opened on February 25, 2012.", page, {1: 0.8})
    assert found.dated is not None and found.sure and found.dated.page_span == "2015"
    # Another day, or the day only in a passage that does not state the claim, is no sure
    # clash: only the dateline's own, which needs half the claim's topic.
    assert not _near_check("The film opened on March 3, 2012.", page, {1: 0.8}).sure
    assert not _near_check("The film opened on February 25, 2012.", page, {0: 0.8}).sure
