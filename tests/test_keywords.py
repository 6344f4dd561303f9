from __future__ import annotations

from generator.extract.keywords import NEWS_STOP, _overlaps, merge_keywords
from generator.model import Keyword
from tests.conftest import MOSCOW_TIMES


def test_no_near_identical_keywords_on_seeds(seed_site):
    _, _, data = seed_site
    for article in data["articles"]:
        keywords = article["keywords"]
        assert 5 <= len(keywords) <= 10
        for i, a in enumerate(keywords):
            for b in keywords[i + 1:]:
                assert not _overlaps(a, b), (article["id"], a, b)
        for keyword in keywords:
            assert keyword.split()[-1].lower() not in NEWS_STOP
            assert not keyword.lower().endswith(" hosted")
    blog = next(a for a in data["articles"] if a["id"].startswith("002"))
    assert "Vladimir Putin" in blog["keywords"]
    assert not any(k in blog["keywords"] for k in ("Russian President Vladimir", "Vladimir Putin hosted"))


def test_surface_form_and_entity_names(seed_site):
    _, _, data = seed_site
    moscow = next(a for a in data["articles"] if a["id"] == MOSCOW_TIMES)
    assert "Mikhail Bogdanov" in moscow["keywords"]
    assert all(k[:1].isupper() or k.islower() for k in moscow["keywords"])


def test_topic_keywords_merge_article_lists():
    merged = merge_keywords([
        (Keyword("Vladimir Putin", 0.1), Keyword("hostages", 0.2)),
        (Keyword("Putin", 0.1), Keyword("Hamas", 0.2)),
    ], 5)
    assert merged[0] == "Vladimir Putin"
    assert "Putin" not in merged and "Hamas" in merged


def test_overlap_rule():
    assert _overlaps("Russian President Vladimir", "President Vladimir Putin")
    assert _overlaps("hostage", "hostages")
    assert not _overlaps("Hamas", "Moscow")
