"""Habits of real pages, nineteenth batch (embedded posts nobody cites, a person's lab page,
a staff profile), each on minimal HTML of our own."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

_POST = (
    '<blockquote class="twitter-tweet"><p>The river is over the barrier at the weir.</p>'
    "— Dee Walker (@deewalker) "
    '<a href="https://twitter.com/deewalker/status/1196501054197649413">March 3, 2026</a>'
    "</blockquote>"
)


def test_an_embedded_post_no_sentence_rests_on_is_no_source() -> None:
    ext = extract(
        "<p>The river Dee rose 2.4 metres overnight.</p>"
        f"{_POST}<p>Residents of 40 homes were moved to the town hall.</p>"
    )
    assert [s.url for s in ext.sources] == []
    cited = extract(
        "<p>The river Dee rose 2.4 metres overnight.</p><p>A resident posted a video of the "
        f"weir on Twitter:</p>{_POST}"
    )
    post = "https://twitter.com/deewalker/status/1196501054197649413"
    assert urls(sentence(cited, "A resident posted")) == {post}
    assert [s.url for s in cited.sources] == [post]


def test_a_persons_name_linked_to_a_page_named_by_the_surname_is_who_they_are() -> None:
    ext = extract(
        '<p>The receptor discovery brought <a href="https://research.example.org/buck/en.html">'
        'Linda Buck</a> a Nobel Prize in 2004. It turned out that <a href="http://lab.example'
        '.edu/sgille">Sarah Gille</a>, now an oceanographer, was their daughter. A third paper '
        'by <a href="https://igf.example.fr/index.php/fr/h-teams-fr/h-jay-fr">Philippe Jay</a> '
        "found the same molecule.</p>"
    )
    for start in ("The receptor discovery", "It turned out", "A third paper"):
        assert urls(sentence(ext, start)) == set()


def test_a_name_linked_to_a_story_or_an_outlets_page_still_cites() -> None:
    ext = extract(
        '<p>The rate rose 25% among teenagers, <a href="https://journals.example.org/jama/'
        'fullarticle/2755280">JAMA Psychiatry</a> reported in 2019. The council voted 7-2 for '
        'the plan, <a href="https://news.example.com/2019/11/18/council-votes-for-plan">Ann '
        "Lee</a> reported.</p>"
    )
    assert urls(sentence(ext, "The rate rose")) == {
        "https://journals.example.org/jama/fullarticle/2755280"
    }
    assert urls(sentence(ext, "The council voted")) == {
        "https://news.example.com/2019/11/18/council-votes-for-plan"
    }


def test_a_staff_profile_is_who_said_it_not_what_they_said() -> None:
    ext = extract(
        "<p>“The state has seen well above average fire activity through August,” said Mark "
        'Parrington, a <a href="https://weather.example.int/en/about/who-we-are/staff-profiles/'
        'mark-parrington">senior scientist working on wildfire emissions</a> at the centre.</p>'
    )
    assert urls(sentence(ext, "“The state has seen")) == set()


def test_notes_about_the_page_itself_are_no_claims() -> None:
    ext = extract(
        "<p>Cloth masks cut droplet spread by 50% in a 2020 trial.</p>"
        "<p><em>Update 4/3/2020, 6:20pm ET: This post was updated to include the new federal "
        "recommendation.</em></p><p>Update July 3rd, 8:05AM ET: Added a chart and a tweet.</p>"
        "<p>Many thanks to everyone who worked on this project: Ann Lee and Raj Patel.</p>"
        '<p>Follow Example&nbsp;Esports on&nbsp;<a href="https://www.facebook.com/ex">Facebook'
        "</a> for more news, guides, and highlights.</p>"
        "<p>Get Example Monthly delivered through your letterbox every month. 12 issues for "
        "£11.99.</p>"
    )
    assert sentence(ext, "Cloth masks").is_claim
    for start in ("Update 4/3", "Update July", "Many thanks", "Follow Example", "Get Example",
                  "12 issues"):  # fmt: skip
        found = sentence(ext, start)
        assert not found.is_claim and urls(found) == set(), start


def test_an_update_that_reports_news_and_thanks_that_explain_stay_claims() -> None:
    ext = extract(
        "<p>Update: on December 10, the network reinstated the banned account of the group's "
        "leader. Thanks to a new law, 40% of homes in the county are now insulated.</p>"
    )
    assert sentence(ext, "Update: on December 10").is_claim
    assert sentence(ext, "Thanks to a new law").is_claim


_STATEMENT = "https://uni.example.se/news/archaeologists-discover-city.cid1416535"


def _find(between: str, last: str) -> str:
    return (
        "<p>“We came across the site last year and saw its potential right away,” Robin "
        f'Rönnlund, leader of the fieldwork, said in a <a href="{_STATEMENT}">statement</a>.'
        "</p><p>Towers, walls and gates stand on the summit of the hill. The team is using "
        f"ground-penetrating radar instead of digging. {between}</p><p>{last}</p>"
    )


def test_a_speakers_later_words_rest_on_the_statement_linked_as_theirs() -> None:
    last = (
        "“Our oldest finds are from around 500 BC, but the city flourished mainly in the fourth "
        "century BC,” Rönnlund said."
    )
    ext = extract(_find("So far the method has found a town square and a street grid.", last))
    assert urls(sentence(ext, "“Our oldest finds")) == {_STATEMENT}
    retort = extract(_find("The survey ends in May.", "“No, not yet,” Rönnlund said."))
    assert urls(sentence(retort, "“No, not yet")) == set()


def test_a_statement_does_not_reach_past_another_source() -> None:
    last = (
        "“Our oldest finds are from around 500 BC, but the city flourished mainly in the fourth "
        "century BC,” Rönnlund said."
    )
    ext = extract(
        _find(
            'Similar radar surveys found a Roman town in 2020, <a href="https://news.example.com/'
            '2020/06/05/radar-reveals-roman-town">the Guardian reported</a>.',
            last,
        )
    )
    assert urls(sentence(ext, "“Our oldest finds")) == set()


def test_a_lead_in_that_links_its_example_cites_nothing_but_one_that_reports_does() -> None:
    guide = "https://archive.example.org/hps/planning-guidance-nuclear-detonation.pdf"
    story = "https://paper.example.net/1976/11/21/archives/out-of-the-past-fallout-shelters"
    ext = extract(
        f'<p>Officials now advise sheltering in place. <a href="{guide}">For example</a>:</p>'
        "<blockquote><p>Go inside, stay inside, stay tuned.</p></blockquote>"
        "<p>Shelters were stocked with crackers and water until 1975. The Post and Courier "
        f'newspaper <a href="{story}">reported on the closing argument</a>:</p>'
        "<blockquote><p>Most are in basements, and most are locked.</p></blockquote>"
    )
    assert urls(sentence(ext, "For example")) == set()
    assert urls(sentence(ext, "The Post and Courier")) == {story}
