from __future__ import annotations

from generator.clean import clean, rejoin_split_paragraphs, strip_citations
from generator.ingest import ingest
from tests.conftest import SEEDS

BOILERPLATE = ["Post a Comment", "Previous Post", "youtube", "LIVE |", "hours ago",
               "Related article", "By [AFP]", "Original url", "AP / TASS", "Appendix"]


def seed(prefix: str):
    articles, _ = ingest(SEEDS, 2_000_000, 20_000)
    return clean(next(a for a in articles if a.id.startswith(prefix)))


def test_page_furniture_is_dropped():
    for prefix in ("000", "001", "002"):
        text = "\n".join(seed(prefix).paragraphs)
        for phrase in BOILERPLATE:
            assert phrase not in text, (prefix, phrase)


def test_citation_tokens_become_references():
    article = seed("002")
    text = "\n".join(article.paragraphs)
    for token in ("Israel1", "AllIsrael2", "Post3"):
        assert token not in text
    assert "including Sasha's father Vitaly." in text
    assert set(article.references) == {"AllIsrael", "Jerusalem Post", "Times of Israel"}


def test_split_paragraph_is_rejoined():
    article = seed("001")
    assert any("around the Gaza Strip into Israel, killing more than 1,200 people" in p
               for p in article.paragraphs)


def test_caption_and_headings_are_not_body_text():
    assert not any("Smoke rises" in p for p in seed("001").paragraphs)
    blog = seed("002")
    assert "Putin Extends Gratitude to Hamas Leadership" in blog.headings
    assert "Putin Extends Gratitude to Hamas Leadership" not in blog.paragraphs


def test_rules_on_small_texts():
    assert rejoin_split_paragraphs(["The militants crossed the border into the", "Strip at dawn."]) == [
        "The militants crossed the border into the Strip at dawn."]
    assert rejoin_split_paragraphs(["A short heading", "Next."]) == ["A short heading", "Next."]
    texts, refs = strip_citations(["He said so Reuters1.", "Others agreed Reuters1."])
    assert texts == ["He said so.", "Others agreed."] and refs == ["Reuters"]
    texts, refs = strip_citations(["The G7 met in 2023."])
    assert texts == ["The G7 met in 2023."] and refs == []
