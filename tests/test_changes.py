"""What changed since the previous build: marked on pages, listed on the home page, in the feeds
and in digest.json; nothing marked on a first build; a rebuild without changes changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest

from generator.pipeline import build
from tests.conftest import UPDATE_ARTICLE, make_config
from tests.test_site import tree


@pytest.fixture(scope="module")
def updated(tmp_path_factory: pytest.TempPathFactory):
    """The seeds built, then rebuilt with one more article on the same story."""
    import shutil

    from tests.conftest import SEEDS

    tmp = tmp_path_factory.mktemp("changes")
    seeds = tmp / "seeds"
    shutil.copytree(SEEDS, seeds)
    config = make_config(tmp, seeds)
    build(config)
    first = {name: (config.out / name).read_bytes() for name in ("index.html", "digest.json", "feed.xml")}
    first["topic_feeds"] = {p.name: p.read_bytes() for p in (config.out / "topics").glob("*.xml")}
    (seeds / "update.txt").write_text(UPDATE_ARTICLE)
    build(config)
    return config, first


def test_first_build_marks_nothing_new(updated):
    _, first = updated
    assert b"digest-new" not in first["index.html"] and b"New and updated" not in first["index.html"]
    data = json.loads(first["digest.json"])
    assert data["build"]["previous_date"] is None
    assert all(t["changes"] == [] and t["new_article_ids"] == [] for t in data["topics"])


def test_home_lists_the_updated_topic_with_its_new_figure(updated):
    config, _ = updated
    home = (config.out / "index.html").read_text()
    assert 'id="whats-new"' in home
    section = home.split('id="whats-new"', 1)[1].split("<h2", 1)[0]
    assert "1 new article" in section and "24 hostages" in section and "→" in section
    assert '<time datetime="2023-10-14">14 Oct 2023</time>' in section.split("</h2>", 1)[0]


def test_topic_page_marks_the_new_article_and_point(updated):
    config, _ = updated
    data = json.loads((config.out / "digest.json").read_text())
    topic = next(t for t in data["topics"] if "update" in t["article_ids"])
    page = (config.out / topic["url"]).read_text()
    assert "What changed since 14 Oct 2023" in page
    label = '<span class="digest-new">New <time datetime="2025-02-20">20 Feb 2025</time></span>'
    marked = [line for line in page.splitlines() if label in line]
    assert any("Hamas released three more Israeli hostages" in line for line in marked)
    assert any("sources.html#update" in line for line in marked)  # the new source
    assert len(marked) >= 2
    assert page.count(label) < page.count("sources.html#")  # not everything is new


def test_feeds_gain_exactly_one_entry_for_the_update(updated):
    config, first = updated
    before = feedparser.parse(first["feed.xml"])
    after = feedparser.parse((config.out / "feed.xml").read_bytes())
    assert not after.bozo and len(after.entries) == len(before.entries) + 1
    new = after.entries[0]
    assert new.id not in {e.id for e in before.entries}
    assert "24 hostages" in new.summary and new.updated.startswith("2025-02-20")
    slug = new.link.rsplit("/", 1)[1].removesuffix(".html")
    topic_before = feedparser.parse(first["topic_feeds"][f"{slug}.xml"])
    topic_after = feedparser.parse((config.out / "topics" / f"{slug}.xml").read_bytes())
    assert not topic_after.bozo and len(topic_after.entries) == len(topic_before.entries) + 1
    page = (config.out / "topics" / f"{slug}.html").read_text()
    assert 'rel="alternate feed" type="application/atom+xml" title=' in page and f'href="{slug}.xml"' in page


def test_digest_json_records_the_build_and_the_changes(updated):
    config, _ = updated
    data = json.loads((config.out / "digest.json").read_text())
    assert data["build"] == {"date": "2025-02-20", "previous_date": "2023-10-14"}
    topic = next(t for t in data["topics"] if "update" in t["article_ids"])
    assert topic["updated"] == "2025-02-20" and topic["new_article_ids"] == ["update"]
    kinds = {c["kind"] for c in topic["changes"]}
    assert {"articles", "figure", "point"} <= kinds
    figure = next(c for c in topic["changes"] if c["kind"] == "figure")
    assert "update" in figure["article_ids"]


def test_rebuild_without_changes_is_byte_identical(updated):
    config, _ = updated
    before = tree(config.out)
    build(config)
    assert tree(config.out) == before


def test_unreadable_record_means_a_first_build(tmp_path: Path):
    from tests.conftest import SEEDS

    config = make_config(tmp_path, SEEDS)
    build(config)
    before = tree(config.out)
    (config.work / "published.json").write_text('{"version": 1, "current": 5}')
    build(config)
    assert tree(config.out) == before
