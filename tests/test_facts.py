from __future__ import annotations

import re

from markupsafe import Markup

from generator.config import load_config
from generator.facts import group_facts, stating, supports
from generator.model import Article, Extraction, Figure, Sentence
from generator.render import environment
from tests.conftest import MOSCOW_TIMES


def test_october_7_point_cites_only_who_says_it_and_shows_the_others_wording(seed_site):
    _, site, data = seed_site
    topic = data["topics"][0]
    [point] = [p for p in topic["points"] + topic["lead"]
               if "hundreds of Hamas gunmen broke through" in p["text"]]
    assert point["article_ids"] == [MOSCOW_TIMES]  # 000 and 002 say other things about that day
    page = (site / topic["url"]).read_text()
    item = page.split("hundreds of Hamas gunmen broke through", 1)[1].split("</li>", 1)[0]
    also = item.split("Also reported as", 1)[1]
    # each other source's own sentence, with its link
    assert "Hamas launched thousands of rockets into Israel" in also and "#000_" in also
    assert "claimed over 1,200 Israeli lives" in also and "#002_" in also


def test_no_citation_has_empty_text(seed_site):
    _, site, _ = seed_site
    for page in (site / "topics").glob("*.html"):
        links = re.findall(r'<a href="[^"]*sources\.html#[^"]*">(.*?)</a>', page.read_text())
        assert links and all(re.sub(r"<[^>]+>", "", text).strip() for text in links), page


def _cite(articles: list[Article], ids: list[str], headlines: bool = True) -> str:
    env = environment(load_config())
    template = env.from_string(
        '{% from "_macros.md.j2" import cite with context %}{{ cite(ids, headlines) }}')
    return template.render(ids=ids, articles={a.id: a for a in articles}, link=_Links(),
                           headlines=headlines)


class _Links:
    """Links as the macros use them: to the sources page, from a topic page."""

    @staticmethod
    def source(article_id: str) -> Markup:
        return Markup(f"../sources.md#{article_id}")


def _article(doc_id: str, title: str, outlet: str, date: str = "") -> Article:
    return Article(id=doc_id, path=f"{doc_id}.txt", title=title, date=date, outlet=outlet,
                   byline="", url="", missing=(), blocks=(), content_hash="")


def test_untitled_articles_are_cited_by_outlet_and_date():
    untitled = [_article("nyt1", "", "NYT", "1999-04-01"), _article("x", "", "")]
    assert _cite(untitled, ["nyt1", "x"]) == (
        "([NYT, 1 Apr 1999](../sources.md#nyt1), [Untitled report, date not stated](../sources.md#x))")


def test_a_long_run_of_sources_is_counted_by_outlet():
    articles = [_article(f"ap{n:02}", f"Story {n}", "AP") for n in range(12)]
    articles += [_article(f"nyt{n}", f"Story {n}", "NYT") for n in range(5)]
    text = _cite(articles, [a.id for a in articles])
    assert text.startswith("(AP ×12, NYT ×5) <details")
    assert "show all 17 sources" in text and text.count("](../sources.md#") == 17
    # DUC-2004 (Hurricane Mitch): untitled AP reports, each named by its date when linked,
    # were listed as "(AP, 1 Nov 1998, AP, 27 Oct 1998, … and 2 more)"
    untitled = [_article(f"apw{n}", "", "AP", f"1998-10-{20 + n}") for n in range(6)]
    text = _cite(untitled, [a.id for a in untitled])
    assert text.startswith("(AP ×6) <details") and "[AP, 25 Oct 1998](" in text


def test_two_reports_from_one_outlet_are_told_apart_by_their_headlines():
    # Reuters-21578 (NEWIDs 44, 5): a lead sentence both carried read "(Reuters, Reuters)".
    articles = [_article("r44", "Argentina announces wage and price freeze", "Reuters"),
                _article("r5", "Argentina could suspend debt payments - Deputy", "Reuters"),
                _article("x", "Brazil seeks bank accord", "AFP")]
    assert _cite(articles, ["r44", "r5", "x"]) == (
        "([Reuters: Argentina announces wage and price freeze](../sources.md#r44), "
        "[Reuters: Argentina could suspend debt payments…](../sources.md#r5), "
        "[AFP](../sources.md#x))")
    # In a table's narrow cells (the figures table) the outlet alone.
    assert _cite(articles, ["r44", "r5"], headlines=False) == (
        "([Reuters](../sources.md#r44), [Reuters](../sources.md#r5))")


def test_a_fact_cites_only_the_sentences_that_state_it():
    variants = [("a", "On Oct. 7, hundreds of Hamas gunmen broke through the militarized border "
                      "around the Gaza Strip into Israel, killing more than 1,200 people."),
                ("b", "On October 7, Hamas launched thousands of rockets into Israel.")]
    assert stating(variants[0][1], variants) == ("a",)
    assert supports("Hamas gunmen broke through the border into Israel on Oct. 7, killing "
                    "1,200 people.", variants[0][1])


def test_1200_figure_cites_both_articles(seed_site):
    _, _, data = seed_site
    [figure] = [f for f in data["figures"] if f["value"] == 1200]
    assert figure["article_ids"] == [MOSCOW_TIMES, next(a["id"] for a in data["articles"] if a["id"].startswith("002"))]


def test_dedup_report_lists_merges_with_scores(seed_site):
    _, site, data = seed_site
    facts = [m for m in data["merges"] if m["kind"] == "fact"]
    assert facts and all(0 < m["score"] <= 1 for m in facts)
    report = (site / "dedup.html").read_text()
    for merge in facts:
        assert f"score {merge['score']}" in report


def test_timeline_in_order_with_inferred_dates(seed_site):
    _, _, data = seed_site
    timeline = data["topics"][0]["timeline"]
    dated = [e for e in timeline if e["date"]]
    assert [e["date"] for e in dated] == sorted(e["date"] for e in dated)
    dates = {e["date"]: e for e in dated}
    assert "2023-10-07" in dates and not dates["2023-10-07"]["inferred"]
    assert "2023-10-14" in dates and "Bogdanov" in dates["2023-10-14"]["text"]
    assert dates["2023-11-30"]["inferred"]  # 54 days after 7 October, within November 2023
    assert any(d.startswith("2025-02") and e["inferred"] for d, e in dates.items())  # 498 days
    assert any(not e["date"] and "Kremlin" in e["text"] for e in timeline)


def test_a_sentence_always_cites_its_own_article():
    # "It is what it is." has no content words; its own article still states it.
    sentence = "It is what it is."
    extractions = {a: Extraction((), (), (), (Sentence(sentence, a, 0, (), (), ()),)) for a in "ab"}
    facts, _ = group_facts(extractions, ["a", "b"], 0.7)
    assert [(f.text, f.article_ids) for f in facts] == [(sentence, ("a", "b"))]


def test_one_number_alone_does_not_make_one_fact():
    """From TAC 2011 (the Glendale train crash): both say 11, about different things."""
    from generator.facts import _related

    def sentence(text: str, article: str) -> Sentence:
        return Sentence(text, article, 0, (), (), ())

    injured = sentence("As well as the 11 fatalities more than 180 other people were injured.", "afp")
    charged = sentence("Prosecutors are seeking the death penalty after charging him with 11 counts of "
                       "murder and one count of arson.", "ap")
    assert not _related(injured, charged)
    seeds_001 = sentence("On Oct. 7, hundreds of Hamas gunmen broke through the militarized border around "
                         "the Gaza Strip into Israel, killing more than 1,200 people.", "001")
    seeds_000 = sentence("On October 7, Hamas launched thousands of rockets into Israel and announced the "
                         "initiation of what it described as Operation Al-Aqsa Flood.", "000")
    assert _related(seeds_001, seeds_000)


def test_one_price_said_of_different_companies_is_not_one_fact():
    """From Reuters-21578 (one topic of share offers): the same "12 dlrs per share" of two
    companies; said twice of one company, it is one fact."""

    def article(article_id: str, text: str, entities: tuple[str, ...]) -> Extraction:
        price = Figure(12.0, None, "12 dlrs per share", "", "exact", "USD", "share", "money", "",
                       text, article_id, "")
        return Extraction((), (price,), (), (Sentence(text, article_id, 0, entities, (), (0,)),))

    telematics = ("<Telematics International Inc> said 2,550,000 shares of common at 12 dlrs "
                  "per share are being offered in an initial public offering.")
    action = ("Lead underwriter McDonald and Co Investments Inc <MDD> said an offering of 900,000 "
              "shares of Action Auto Rental Inc is underway, priced at 12 dlrs per share.")
    again = "Telematics International Inc's initial public offering is priced at 12 dlrs per share."
    extractions = {"a": article("a", telematics, ("telematics-international-inc",)),
                   "b": article("b", action, ("mcdonald-and-co", "action-auto-rental-inc")),
                   "c": article("c", again, ("telematics-international-inc",))}
    facts, merges = group_facts(extractions, ["a", "b", "c"], 0.7)
    assert sorted(f.article_ids for f in facts) == [("a", "c"), ("b",)]
    assert [m.kind for m in merges] == ["fact"]


def test_wire_copy_written_to_one_pattern_is_not_one_passage():
    """From Reuters-21578: two days' money-market forecasts in the same words were one passage;
    the same line reused with its numbers is one. Two companies' results written to one pattern
    ("Shr loss 18 cts vs profit 11 cts") were cited as stating each other."""

    def article(article_id: str, text: str) -> Extraction:
        return Extraction((), (), (), (Sentence(text, article_id, 0, (), (), ()),))

    day1 = "The Bank of England said it forecast a shortage of around 800 mln stg in the money market today."
    day2 = "The Bank of England said it forecast a shortage of around 350 mln stg in the money market today."
    extractions = {"a": article("a", day1), "b": article("b", day2), "c": article("c", day1)}
    facts, merges = group_facts(extractions, ["a", "b", "c"], 0.7)
    assert sorted(f.article_ids for f in facts) == [("a", "c"), ("b",)]
    assert [m.kind for m in merges] == ["passage"]
    empi = ("Shr loss 18 cts vs profit 11 cts Net loss 1.5 mln vs profit 868,000 Revs 29.3 mln vs "
            "41.1 mln Year Shr loss 41 cts vs profit five cts Net loss 3.1 mln vs profit 409,000 "
            "Revs 99.2 mln vs 231.7 mln")
    republic = ("Shr loss 85 cts vs loss 88 cts Net loss 2,410,000 vs loss 2,466,0000 Revs 24.0 mln "
                "vs 23.9 mln Year Shr loss 1.18 dlrs vs loss 81 cts Net loss 3,338,000 vs loss "
                "2,275,000 Revs 101.4 mln vs 112.3 mln")
    assert supports(empi, empi) and not supports(republic, empi)
