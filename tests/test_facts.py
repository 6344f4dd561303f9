from __future__ import annotations

from tests.conftest import MOSCOW_TIMES


def test_october_7_background_is_one_item_with_three_sources(seed_site):
    _, site, data = seed_site
    topic = data["topics"][0]
    items = [p for p in topic["points"] + topic["lead"] if "Oct. 7" in p["text"] or "October 7" in p["text"]]
    multi = [p for p in items if len(p["article_ids"]) == 3]
    assert len(multi) == 1, items
    page = (site / topic["url"]).read_text()
    assert page.count("hundreds of Hamas gunmen broke through") == 2  # key point and timeline


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
