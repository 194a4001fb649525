"""Habits of real pages, seventeenth batch (the site's own review linked on a product's name, a
system's name linked by what the company does with it, pointers to sections below, a product
page named by its initials, terms linked to their encyclopedia entries, "the authors note"
after the nearest of several linked studies), each on minimal HTML of our own."""

from __future__ import annotations

from pipeline_pages import extract, sentence, urls

OWN = "https://news.example.org"


def test_the_sites_review_of_a_product_named_in_the_sentence_backs_it() -> None:
    review = f"{OWN}/2013/10/20/4858522/acme-slate-pro-2-review"
    ext = extract(
        "<p>The first model drew complaints about its hinge. Even the "
        f'<a href="{review}">Slate Pro 2</a> shipped with a hinge that held two angles.</p>'
        f'<p>The <a href="{OWN}/2012/10/23/3540550/acme-slate-review">Slate RT</a> started the '
        "line in 2012, and its hinge was the most criticised part.</p>"
    )
    assert urls(sentence(ext, "Even the Slate Pro 2")) == {review}
    assert urls(sentence(ext, "The Slate RT started")) == {
        f"{OWN}/2012/10/23/3540550/acme-slate-review"
    }


def test_what_a_company_uses_linked_to_its_own_post_about_it_is_a_citation() -> None:
    post = f"{OWN}/infrastructure/courier-migration-to-grpc"
    ext = extract(f'<p>The company <a href="{post}">uses gRPC</a> for all its remote calls.</p>')
    assert urls(sentence(ext, "The company uses")) == {post}


def test_a_pointer_to_a_section_below_cites_nothing() -> None:
    doc = "https://docs.example.com/doc/How-we-designed-the-task-framework"
    ext = extract(
        f'<p>Tasks are stored for 30 days. More details can be found in the <a href="{doc}">'
        "data model</a> section below. How failed tasks are retried is presented in the "
        f'<a href="{doc}#lifecycle">lifecycle of a task</a> section below.</p>'
    )
    for opening in ("More details can be found", "How failed tasks are retried"):
        assert urls(sentence(ext, opening)) == set(), opening
        assert not sentence(ext, opening).is_claim, opening


def test_a_product_linked_to_its_page_named_by_its_initials_is_no_evidence() -> None:
    ext = extract(
        '<p>The framework uses the cloud\'s <a href="https://cloud.example.com/sqs/">Simple Queue '
        "Service</a> (SQS) to queue 2 million tasks a day.</p>"
    )
    assert urls(sentence(ext, "The framework uses")) == set()


def test_terms_linked_to_their_encyclopedia_entries_are_no_evidence() -> None:
    paper = "https://journal.example.org/article/10.1000/xyz123"
    ext = extract(
        "<p>The board grew out of 2005 course work (using "
        '<a href="https://en.wikipedia.org/wiki/Processing_(programming_language)">Processing</a>'
        ") in Ivrea. New algorithms compute "
        '<a href="http://en.wikipedia.org/wiki/Hypsometric_curve">hypsometric curves</a> for any '
        f'region. The board <a href="{paper}">sold 700,000 units</a> by 2013, per the paper.</p>'
    )
    assert urls(sentence(ext, "The board grew")) == set()
    assert urls(sentence(ext, "New algorithms")) == set()
    assert urls(sentence(ext, "The board sold")) == {paper}


def test_the_authors_are_those_of_the_nearest_study_linked_in_the_section() -> None:
    first = "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC4941587/"
    second = "https://bmjopen.bmj.com/content/5/4/e006577"
    ext = extract(
        "<h2>Masks on healthy people</h2>"
        f'<p>A <a href="https://doi.org/10.1093/annhyg/meq044">2010 study</a> by researchers '
        "tested fabrics.</p>"
        "<p>In a 2011 randomized clinical trial, researchers monitored 1,441 healthcare workers "
        f'in <a href="{first}">15 hospitals</a>. Rates were lower with masks. But the authors '
        "note that the findings may not hold up in other settings.</p>"
        "<h2>Cloth masks</h2>"
        f'<p>In a 2015 trial, researchers <a href="{second}">compared 1,607 workers</a>. '
        "Cloth masks led to higher rates of infection, the authors found. They also noted "
        "that the cloth let 97 percent of particles through.</p>"
    )
    assert urls(sentence(ext, "But the authors note")) == {
        "https://ncbi.nlm.nih.gov/pmc/articles/PMC4941587"
    }
    assert urls(sentence(ext, "Cloth masks led")) == {second}
    assert urls(sentence(ext, "They also noted")) == {second}


def test_a_person_speaking_in_a_linked_story_is_quoted_from_it_later() -> None:
    story = "https://make.example.com/2015/03/19/massimo-banzi-fighting-for-arduino"
    ext = extract(
        "<p>Massimo Banzi co-founded the board maker in 2005.</p>"
        f'<p>Most recently, Banzi broke his silence about the dispute in a <a href="{story}">'
        "story</a> published at MAKE. There, Banzi claims that Martino filed a trademark in 2008 "
        "and told none of the other founders.</p><p>Banzi says that several retailers pay the "
        "other company, not his.</p>"
    )
    assert urls(sentence(ext, "There, Banzi claims")) == {story}
    assert urls(sentence(ext, "Banzi says")) == {story}


def test_an_outlets_story_named_by_its_month_is_that_months_story() -> None:
    february = "https://hackday.com/2015/02/25/arduino-v-arduino/"
    march = "https://hackday.com/2015/03/12/arduino-v-arduino-part-ii/"
    ext = extract(
        f'<p>Hackday has run a <a href="{february}">two-part</a> <a href="{march}">series'
        "</a> on the dispute. Furthermore, as Hackday's March story explains, the new "
        "IDE now reports 40 boards as uncertified.</p>"
    )
    assert urls(sentence(ext, "Furthermore, as Hackday")) == {march.rstrip("/")}


def test_the_change_log_is_a_document_the_sentence_points_back_to() -> None:
    log = "https://gis.example.org/en/site/forusers/visualchangelog28/index.html"
    ext = extract(
        f'<p>An official <a href="{log}">change log</a> is available on the site. The goal, '
        "according to the change log, is a stable version for 3 years of deployments.</p>"
    )
    assert urls(sentence(ext, "The goal, according")) == {log}


def test_the_sites_dated_video_report_backs_what_it_shows() -> None:
    video = f"{OWN}/us-news/video/2016/nov/21/standing-rock-water-cannon-video"
    ext = extract(
        "<p>Police said they used water only on fires. But footage later emerged showing "
        f'<a href="{video}">police aiming the hoses directly at activists</a>. See more in our '
        f'<a href="{OWN}/video">video hub</a>.</p>'
    )
    assert urls(sentence(ext, "But footage later emerged")) == {video}
    assert urls(sentence(ext, "See more")) == set()


def test_a_tracker_items_title_in_a_list_cites_nothing() -> None:
    bug = "https://bugs.example.org/show_bug.cgi?id=1678390"
    fixed = "https://bugs.example.org/show_bug.cgi?id=1673716"
    ext = extract(
        f'<ul><li><a href="{bug}">Bug 1678390</a> – Prevent picture-in-picture windows from '
        "opening on top of one another</li>"
        f'<li>Mike fixed a shutdown hang caused by the startup cache <a href="{fixed}">Bug '
        "1673716</a></li></ul>"
    )
    assert urls(sentence(ext, "Bug 1678390")) == set()
    assert not sentence(ext, "Bug 1678390").is_claim
    assert urls(sentence(ext, "Mike fixed")) == {fixed}


def test_a_players_card_and_a_trackers_new_issue_form_are_no_evidence() -> None:
    ext = extract(
        "<p>Sione Takitaki played 6 snaps on defense, staying ahead of "
        '<a href="https://sports.example.com/nfl/players/245997/adarius-glanton">Adarius '
        "Taylor</a> on the depth chart.</p>"
        '<p>Please <a href="https://github.com/example/compiler/issues">file bugs</a>, and '
        "help is welcome! Nightly users can help us test by "
        '<a href="https://bugs.example.org/enter_bug.cgi?product=Core">filing bugs here</a>.</p>'
    )
    assert urls(sentence(ext, "Sione Takitaki")) == set()
    assert urls(sentence(ext, "Please file bugs")) == set()
    assert urls(sentence(ext, "Nightly users")) == set()
