from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.errors import PublishError
from generator.pipeline import build
from tests.conftest import MOSCOW_TIMES, SEEDS, make_config
from tests.test_clean import BOILERPLATE

# Pages drawn from the whole digest, and the assets: produced on every build.
ALWAYS_RENDERED = {"docs/index.md", "docs/entities/index.md", "docs/dedup.md", "docs/find.md",
                   "docs/stylesheets/digest.css", "docs/javascripts/digest.js",
                   "overrides/main.html", "mkdocs.yml"}


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def pages(folder: Path) -> dict[str, str]:
    """The site without its search bundles (a rebuild's are laid out differently)."""
    return {rel: digest for rel, digest in tree(folder).items()
            if not rel.startswith(("pagefind/", "pagefind-delta/"))}


def assert_same_site(rebuilt: Path, full: Path) -> None:
    """A rebuilt site shows the pages of a full build and searches the same records."""
    assert pages(rebuilt) == pages(full)
    assert search_records(rebuilt) == search_records(full)


def search_records(site: Path) -> set[str]:
    """The records a reader's search holds: the main bundle's not hidden, and the delta's."""
    hidden = json.loads((site / "pagefind-delta" / "hidden.json").read_text())
    main = {p.name for p in (site / "pagefind" / "fragment").glob("*.pf_fragment")}
    delta = {p.name for p in (site / "pagefind-delta").glob("fragment/*.pf_fragment")}
    assert hidden["merge"] == bool(delta)
    return (main - {f"{h}.pf_fragment" for h in hidden["hidden"]}) | delta


def test_site_pages_and_digest_json(seed_site):
    _, site, data = seed_site
    for page in ("index.html", "sources.html", "dedup.html", "entities/index.html", "feed.xml",
                 "sitemap.xml", "pagefind/pagefind.js", "find.html"):
        assert (site / page).is_file(), page
    home = (site / "index.html").read_text()
    topic = data["topics"][0]
    assert topic["url"] in home and "3 sources" in home
    page = (site / topic["url"]).read_text()
    for section in ("Key points", "Key figures", "Timeline", "Keywords", "People", "Sources"):
        assert f">{section}<" in page, section
    assert '<time datetime="2023-10-14">' in page
    assert [a["id"][:3] for a in data["articles"]] == ["000", "001", "002"]
    moscow = data["articles"][1]
    assert moscow["id"] == MOSCOW_TIMES
    for key in ("id", "path", "title", "date", "outlet", "byline", "url", "references",
                "duplicates", "keywords", "figures", "entities"):
        assert key in moscow
    assert moscow["outlet"] == "The Moscow Times" and moscow["byline"] == "AFP"
    for key in ("value", "text", "counts", "qualifier", "sentence", "article_ids"):
        assert key in data["figures"][0]
    for key in ("name", "type", "aliases", "url", "article_ids", "mentions"):
        assert key in data["entities"][0]


def test_search_indexes_topic_and_entity_pages_not_lists(seed_site):
    """Pagefind indexes only elements marked data-pagefind-body: topic and entity pages, not the
    lists of what those pages hold (home, all topics, sources, entity index, dedup report)."""
    _, site, data = seed_site
    for page in (data["topics"][0]["url"], "entities/vladimir-putin.html"):
        assert "data-pagefind-body" in (site / page).read_text(), page
    for page in ("index.html", "topics.html", "sources.html", "entities/index.html", "dedup.html"):
        assert "data-pagefind-body" not in (site / page).read_text(), page


def test_navigation_is_short(seed_site):
    _, site, _ = seed_site
    entity_page = next((site / "entities").glob("vladimir-putin.html")).read_text()
    assert entity_page.count('class="md-nav__link') < 30


def test_no_boilerplate_anywhere_in_site(seed_site):
    _, site, _ = seed_site
    for path in site.rglob("*"):
        if path.suffix in (".html", ".json", ".xml"):
            text = path.read_text()
            for phrase in [*BOILERPLATE, "Times of Israel1", "AllIsrael2", "Jerusalem Post3"]:
                assert phrase not in text, (path, phrase)


def test_builds_are_deterministic_and_cached(tmp_path: Path):
    first = make_config(tmp_path / "a", SEEDS)
    second = make_config(tmp_path / "b", SEEDS)
    result = build(first)
    assert result.computed == 3
    build(second)
    assert tree(first.out) == tree(second.out)
    again = build(first)
    assert again.computed == 0 and again.pages_written == 0
    assert tree(first.out) == tree(second.out)


def test_adding_an_article_recomputes_only_it(tmp_path: Path, seeds_copy: Path):
    config = make_config(tmp_path, seeds_copy)
    build(config)
    main = {p: p.stat().st_ino for p in (config.out / "pagefind").rglob("*") if p.is_file()}
    (seeds_copy / "new.txt").write_text("A new headline about the weather\n"
                                        "Heavy rain fell on Paris on Monday, flooding 40 streets.\n")
    result = build(config)
    assert result.computed == 1
    # The main search bundle is not rebuilt: its files are the previous site's. The new topic
    # page is the delta bundle's one record; no indexed page changed, so none is hidden.
    assert main == {p: p.stat().st_ino for p in (config.out / "pagefind").rglob("*") if p.is_file()}
    assert json.loads((config.out / "pagefind-delta" / "hidden.json").read_text()) == {
        "merge": True, "hidden": []}
    assert len(list((config.out / "pagefind-delta" / "fragment").iterdir())) == 1
    assert not list((config.work / "site-src").glob(".pagefind*"))
    assert len(result.digest.articles) == 4
    # Only the pages the article touches are rewritten (and so re-rendered by MkDocs): its new
    # topic, the lists it joins; not the other topic or any entity's page.
    new = next(t for t in result.digest.topics if any(a.startswith("new") for a in t.article_ids))
    assert set(result.written) == {"docs/index.md", "docs/topics.md", "docs/sources.md",
                                   "docs/entities/index.md", f"docs/topics/{new.slug}.md"}
    # Pages whose inputs are unchanged are not even rendered: the other topic, every entity.
    assert set(result.rendered) - ALWAYS_RENDERED == {"docs/topics.md", "docs/sources.md",
                                                      f"docs/topics/{new.slug}.md"}
    (seeds_copy / "new.txt").unlink()
    result = build(config)
    assert result.computed == 0 and len(result.digest.articles) == 3
    assert not list((config.work / "site-src" / "docs").rglob("*weather*"))


def test_page_keys_follow_what_a_page_shows(tmp_path: Path, seeds_copy: Path):
    """An article's headline is cited on topic and entity pages: editing it re-renders those
    pages, and the rebuilt site equals a full build; `--full` renders every page."""
    config = make_config(tmp_path / "inc", seeds_copy)
    first = build(config)
    assert build(config).rendered == tuple(sorted(ALWAYS_RENDERED))
    seed = next(p for p in sorted(seeds_copy.iterdir()) if p.suffix == ".txt")
    lines = seed.read_text(encoding="utf-8").splitlines()
    seed.write_text("\n".join(["An edited headline for the weather", *lines[1:]]) + "\n", encoding="utf-8")
    shutil.copytree(config.work, tmp_path / "full-work")
    edited = build(config)
    assert len(edited.rendered) > len(ALWAYS_RENDERED) and set(edited.written) <= set(edited.rendered)
    fresh = dataclasses.replace(config, out=tmp_path / "full-site", work=tmp_path / "full-work",
                                full=True)
    full = build(fresh)
    assert_same_site(config.out, fresh.out)
    assert set(full.rendered) == set(first.rendered)


def test_a_large_entity_index_is_a_page_per_letter(tmp_path: Path, seeds_copy: Path,
                                                   monkeypatch: pytest.MonkeyPatch):
    """Above INDEX_SPLIT entities the index is a first page (most named, letter links) and a
    page per first letter holding each entity once; a rebuild re-renders only the letters
    whose names changed, and equals a full build."""
    monkeypatch.setattr("generator.layout.INDEX_SPLIT", 20)
    config = make_config(tmp_path / "inc", seeds_copy)
    build(config)
    data = json.loads((config.out / "digest.json").read_text())
    letters = sorted((config.out / "entities" / "index").glob("*.html"))
    assert len(letters) > 5 and len(data["entities"]) > 20
    first = (config.out / "entities" / "index.html").read_text()
    assert ">Most named<" in first and 'href="index/v.html"' in first
    assert first.count('href="index/') == len(letters)
    shown = {e["id"]: [p.stem for p in letters if f'/{e["id"]}.html"' in p.read_text()]
             for e in data["entities"] if e["url"]}
    assert all(len(pages) == 1 for pages in shown.values()), shown
    assert shown["vladimir-putin"] == ["v"]
    assert 'data-type="person"' in (config.out / "entities" / "index" / "v.html").read_text()
    assert "entities/index/v.html" in (config.out / "sitemap.xml").read_text()
    assert not {p for p in build(config).rendered if p.startswith("docs/entities/index/")}
    (seeds_copy / "new.txt").write_text("Warsaw port reopens\n"
                                        "Wojciech Kowalczyk said in Warsaw on Monday that the port reopened.\n")
    shutil.copytree(config.work, tmp_path / "full-work")
    rebuilt = {p for p in build(config).rendered if p.startswith("docs/entities/index/")}
    assert "docs/entities/index/w.md" in rebuilt and "docs/entities/index/v.md" not in rebuilt
    fresh = dataclasses.replace(config, out=tmp_path / "full-site", work=tmp_path / "full-work", full=True)
    build(fresh)
    assert_same_site(config.out, fresh.out)


def test_a_long_dedup_report_is_split_by_topic_letter(tmp_path: Path, seeds_copy: Path,
                                                      monkeypatch: pytest.MonkeyPatch):
    """Above DEDUP_SPLIT merges the report is a first page (counts, links) and pages of copies
    and of passages and facts under their topic, by its title's first letter; a rebuild that
    changes no topic of a letter does not render it again, and equals a full build."""
    monkeypatch.setattr("generator.layout.DEDUP_SPLIT", 0)
    config = make_config(tmp_path / "inc", seeds_copy)
    build(config)
    data = json.loads((config.out / "digest.json").read_text())
    facts = [m for m in data["merges"] if m["kind"] == "fact"]
    assert facts and all(m["topic"] for m in facts)
    parts = sorted((config.out / "dedup").glob("*.html"))
    hub = (config.out / "dedup.html").read_text()
    assert parts and f'href="dedup/{parts[0].name}"' in hub
    assert f"0 copies, 0 passages and {len(facts)} facts were merged" in hub
    for merge in facts:
        topic = next(t for t in data["topics"] if t["id"] == merge["topic"])
        holding = [p.name for p in parts if f'href="../{topic["url"]}"' in p.read_text()]
        assert holding == [topic["title"][0].lower() + ".html"]
    (seeds_copy / "new.txt").write_text("Warsaw port reopens\n"
                                        "Wojciech Kowalczyk said in Warsaw on Monday that the port reopened.\n")
    shutil.copytree(config.work, tmp_path / "full-work")
    rebuilt = build(config).rendered
    assert not [p for p in rebuilt if p.startswith("docs/dedup")]  # same counts, same topics
    fresh = dataclasses.replace(config, out=tmp_path / "full-site", work=tmp_path / "full-work", full=True)
    build(fresh)
    assert_same_site(config.out, fresh.out)


def test_unchanged_files_are_not_read_again(tmp_path: Path, seeds_copy: Path,
                                            monkeypatch: pytest.MonkeyPatch):
    from generator import ingest as ingest_module

    config = make_config(tmp_path, seeds_copy)
    build(config)
    read: list[str] = []
    original = ingest_module.read_text
    monkeypatch.setattr(ingest_module, "read_text",
                        lambda path, *args: read.append(path.name) or original(path, *args))
    assert build(config).pages_written == 0 and read == []
    touched = seeds_copy / f"{MOSCOW_TIMES}.txt"
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    (seeds_copy / "new.txt").write_text("A new headline about the weather\n"
                                        "Heavy rain fell on Paris on Monday, flooding 40 streets.\n")
    result = build(config)
    assert sorted(read) == sorted([touched.name, "new.txt"]) and result.computed == 1


def test_incremental_site_build_equals_a_full_build(tmp_path: Path, seeds_copy: Path,
                                                    monkeypatch: pytest.MonkeyPatch):
    config = make_config(tmp_path / "inc", seeds_copy)
    assert not build(config).incremental
    # Newer than every seed: the site's date stamp moves, and the build stays incremental.
    (seeds_copy / "new.md").write_text("---\ntitle: A new headline about the weather\ndate: 2031-05-06\n---\n"
                                       "Heavy rain fell on Paris on Monday, flooding 40 streets.\n")
    (seeds_copy / "000_31f6af68ce91507d.txt").unlink()
    # The full build starts from the same record of the previous build (topic slugs, changes).
    shutil.copytree(config.work, tmp_path / "full-work")
    assert build(config).incremental
    fresh = dataclasses.replace(config, out=tmp_path / "full-site", work=tmp_path / "full-work",
                                full=True)
    assert not build(fresh).incremental
    assert_same_site(config.out, fresh.out)
    # Past COMPACT of the pages changed, the site is indexed whole again, as a full build is.
    monkeypatch.setattr("generator.search.COMPACT", 0.0)
    monkeypatch.setattr("generator.search.COMPACT_FLOOR", 0)
    (seeds_copy / "new.md").write_text((seeds_copy / "new.md").read_text() + "\nMore rain.\n")
    shutil.rmtree(tmp_path / "full-work")
    shutil.copytree(config.work, tmp_path / "full-work")
    shutil.rmtree(fresh.out)
    assert build(config).incremental and not build(fresh).incremental
    assert tree(config.out) == tree(fresh.out)


def test_broken_cache_entry_is_a_miss(tmp_path: Path):
    config = make_config(tmp_path, SEEDS)
    build(config)
    for entry in (config.work / "cache").rglob("*.pkl"):
        entry.write_bytes(entry.read_bytes()[:10])  # a crash mid-write of an older version
    result = build(config)
    assert result.computed == 3


def test_failed_publish_keeps_previous_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    config = make_config(tmp_path, SEEDS)
    build(config)
    before = tree(config.out)

    def explode(*args, **kwargs):
        raise PublishError("injected failure")

    monkeypatch.setattr("generator.publish.check_site", explode)
    with pytest.raises(PublishError):
        build(config)
    assert tree(config.out) == before
    assert not any(p.name.startswith(".site.") and p.is_dir() for p in config.out.parent.iterdir())


def test_failed_incremental_publish_leaves_the_site_untouched(tmp_path: Path, seeds_copy: Path,
                                                              monkeypatch: pytest.MonkeyPatch):
    """The staging folder shares files with the published site (hard links): a build that
    rewrites pages and then fails must not have written into a published file."""
    config = make_config(tmp_path, seeds_copy)
    build(config)
    before = tree(config.out)
    inodes = {p: p.stat().st_ino for p in config.out.rglob("*") if p.is_file()}
    (seeds_copy / "new.txt").write_text("A new headline about the weather\n"
                                        "Heavy rain fell on Paris on Monday, flooding 40 streets.\n")

    def explode(*args: object) -> None:
        raise PublishError("injected failure")

    monkeypatch.setattr("generator.publish.check_site", explode)
    with pytest.raises(PublishError):
        build(config)
    assert tree(config.out) == before
    assert {p: p.stat().st_ino for p in config.out.rglob("*") if p.is_file()} == inodes
    monkeypatch.undo()
    assert build(config).incremental and "topics" in {p.parent.name for p in config.out.rglob("*weather*")}
    assert tree(config.out) != before


def test_bad_file_is_skipped_and_rest_builds(tmp_path: Path, seeds_copy: Path):
    (seeds_copy / "broken.txt").write_bytes(b"\x00\x00binary")
    config = make_config(tmp_path, seeds_copy)
    result = build(config)
    assert result.skipped == 1 and len(result.digest.articles) == 3
    data = json.loads((config.out / "digest.json").read_text())
    assert data["problems"][0]["path"] == "broken.txt"


HOSTILE = """---
title: "<img src=x onerror=alert(1)> Breaking {{ config }} news"
url: "javascript:alert(1)"
---
# ignored heading

<script>alert("x")</script> Officials in Paris said that 30 people were hurt in the blast.

Paris officials said 30 people were hurt in the blast {{ 7*7 }} {% endraw %} on <b>Monday</b> night.

Click [here](javascript:alert(2)) or ![img](data:text/html,evil) <a href="javascript:alert(3)" onclick="x()">x</a> for more from Paris officials.
"""


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def test_hostile_markup_never_reaches_the_site(tmp_path: Path):
    seeds = tmp_path / "in"
    seeds.mkdir()
    (seeds / "hostile.md").write_text(HOSTILE)
    config = make_config(tmp_path, seeds)
    build(config)
    pages = list(config.out.rglob("*.html"))
    assert len(pages) > 5
    for path in pages:
        collector = TagCollector()
        collector.feed(path.read_text())
        for tag, attrs in collector.tags:
            assert not any(k.startswith("on") for k in attrs), (path, tag, attrs)
            for key in ("href", "src"):
                value = attrs.get(key, "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (path, tag, attrs)
            assert not (tag == "img" and attrs.get("src") == "x"), path
            if tag == "script":
                assert "src" in attrs or "alert" not in path.read_text().split("<script>")[-1][:30]
    source = (config.out / "sources.html").read_text()
    assert "&lt;img src=x onerror=alert(1)&gt; Breaking {{ config }} news" in source
    # The lead sentence reaches the topic page as text: template syntax shown, never run.
    topic = next((config.out / "topics").glob("*.html")).read_text()
    assert "hurt in the blast {{ 7*7 }} {% endraw %} on" in topic and "49" not in topic
    assert "Breaking {{ config }} news" in topic and "<b>Monday" not in topic


def test_an_untitled_article_is_listed_by_its_opening_words(tmp_path: Path):
    seeds = tmp_path / "in"
    seeds.mkdir()
    # DUC-2004 (APW19981001.0299): no headline line; the id names the wire service and day
    (seeds / "APW19981001.0299.txt").write_text(
        "President Boris Yeltsin has suffered minor burns on his right hand, his press office "
        "said Thursday.\n\nThe press office said the president had sustained small burns "
        "[while](javascript:x) **lighting** {{ 7*7 }} a candle.\n")
    config = make_config(tmp_path, seeds)
    build(config)
    source = (config.out / "sources.html").read_text()
    assert ("Untitled report: “President Boris Yeltsin has suffered minor burns on his right…”"
            in source)
    topic = next((config.out / "topics").glob("*.html")).read_text()
    assert "Untitled report: “President Boris Yeltsin" in topic and "AP" in topic
    # the opening words are text: no markup, link or template syntax comes through
    (seeds / "APW19981001.0299.txt").write_text(
        "<b>Yeltsin</b> {{ 7*7 }} burned his [hand](javascript:x), his press office said.\n")
    build(config)
    source = (config.out / "sources.html").read_text()
    assert ("Untitled report: “&lt;b&gt;Yeltsin&lt;/b&gt; {{ 7*7 }} burned his "
            "[hand](javascript:x), his press office…”") in source
    assert "<b>Yeltsin" not in source and 'href="javascript' not in source and "49" not in source


def test_slugs_stay_inside_the_output(tmp_path: Path):
    seeds = tmp_path / "in"
    seeds.mkdir()
    (seeds / "a.md").write_text("---\ntitle: ../../../etc/passwd\n---\nParis officials met on Monday.\n")
    (seeds / "b.md").write_text("---\ntitle: index\n---\nBerlin officials met in Berlin on Monday.\n")
    config = make_config(tmp_path, seeds)
    build(config)
    assert not (tmp_path / "etc").exists()
    pages = {p.relative_to(config.out).as_posix() for p in config.out.rglob("*.html")}
    topic_pages = {p for p in pages if p.startswith("topics/")}
    assert topic_pages and all(p.count("/") == 1 for p in topic_pages)
    assert "topics/index.html" not in topic_pages


def test_second_build_on_locked_folder_fails(tmp_path: Path):
    import fcntl

    from generator.errors import BuildError

    config = make_config(tmp_path, SEEDS)
    config.work.mkdir(parents=True)
    (config.work / ".digest-work").write_text("")
    with (config.work / ".lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        with pytest.raises(BuildError, match="another build"):
            build(config)


def test_user_templates_override_defaults(tmp_path: Path):
    custom = tmp_path / "templates"
    custom.mkdir()
    (custom / "index.md.j2").write_text(
        '{% extends "default/index.md.j2" %}\n')
    shutil.copy(Path(__file__).parent.parent / "templates" / "sources.md.j2", custom / "sources.md.j2")
    text = (custom / "sources.md.j2").read_text().replace("# Sources", "# Where it came from")
    (custom / "sources.md.j2").write_text(text)
    config = make_config(tmp_path, SEEDS, templates=custom)
    build(config)
    assert "Where it came from" in (config.out / "sources.html").read_text()


def test_shuffled_and_renamed_inputs_give_the_same_site(tmp_path: Path):
    reference = make_config(tmp_path / "ref", SEEDS)
    build(reference)
    seeds = tmp_path / "shuffled"
    seeds.mkdir()
    names = sorted(p.name for p in SEEDS.iterdir())
    for name in reversed(names):  # another creation order, other file names
        (seeds / f"renamed-{name}").write_bytes((SEEDS / name).read_bytes())
    other = make_config(tmp_path / "other", seeds)
    build(other)
    # Pagefind's index is binary and named by content hashes: ids cannot be substituted in it.
    expected = {k: v for k, v in tree(reference.out).items() if not k.startswith("pagefind/")}
    renamed = {}
    for path in sorted(other.out.rglob("*")):
        if path.is_file() and not path.relative_to(other.out).as_posix().startswith("pagefind/"):
            text = path.read_bytes()
            for name in names:
                stem = name.rsplit(".", 1)[0]
                text = text.replace(f"renamed-{stem}".encode(), stem.encode())
            renamed[path.relative_to(other.out).as_posix()] = hashlib.sha256(text).hexdigest()
    differing = sorted(k for k in expected if renamed.get(k) != expected[k])
    assert sorted(renamed) == sorted(expected)
    assert differing == [], differing


def test_topics_defined_in_config_and_stable_slugs(tmp_path: Path, seeds_copy: Path):
    config = make_config(tmp_path, seeds_copy, topics=[
        {"title": "Sasha Troufanov", "entities": ["Troufanov"]},
        {"title": "Nothing matches", "keywords": ["volcano"]},
    ])
    result = build(config)
    by_title = {t.title: t for t in result.digest.topics}
    assert [a[:3] for a in by_title["Sasha Troufanov"].article_ids] == ["002"]
    assert "Nothing matches" not in by_title
    slugs = {t.slug for t in result.digest.topics}
    (seeds_copy / "new.txt").write_text("Kremlin hosts Hamas delegation in Moscow\n"
                                        "Vladimir Putin met Hamas officials in Moscow with Russian diplomats "
                                        "to discuss the hostages held in Gaza since October 7.\n")
    again = build(config)
    assert slugs <= {t.slug for t in again.digest.topics}  # topics keep their URLs


def test_sources_are_split_into_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("generator.layout.PER_PAGE", 2)
    config = make_config(tmp_path, SEEDS)
    build(config)
    first, second = (config.out / "sources.html").read_text(), (config.out / "sources-2.html").read_text()
    # Oldest first, undated first: the two undated seeds, then the dated one.
    assert 'id="002_b3ecd8dd4f08534c"' in first and 'id="001_73f38740c26fde8c"' in second
    # The front matter of a later page parses: its title is the page's, not body text.
    assert "<title>Sources (page 2) - " in second and "title:" not in second
    topic = next((config.out / "topics").glob("*.html")).read_text()
    assert 'href="../sources-2.html#001_73f38740c26fde8c"' in topic
    assert "sources-2.html" in (config.out / "sitemap.xml").read_text()
    assert "russian-diplomat" in (config.out / "topics.html").read_text()


def test_full_build_recomputes_everything(tmp_path: Path):
    config = make_config(tmp_path, SEEDS)
    build(config)
    before = tree(config.out)
    assert build(config).computed == 0
    full = build(dataclasses.replace(config, full=True))
    assert full.computed == 3 and not full.incremental
    assert tree(config.out) == before


def test_every_internal_link_resolves(seed_site):
    """Entities without a page of their own link to their article, never to a missing page."""
    _, site, data = seed_site
    assert any(e["url"] is None for e in data["entities"])
    broken = []
    for page in sorted(site.rglob("*.html")):
        collector = TagCollector()
        collector.feed(page.read_text())
        for tag, attrs in collector.tags:
            href = attrs.get("href", "") if tag in ("a", "link") else ""
            target = href.split("#", 1)[0].split("?", 1)[0]
            if not target or "://" in href or href.startswith(("mailto:", "/")):
                continue
            if not (page.parent / target).resolve().exists():
                broken.append(f"{page.relative_to(site)} -> {href}")
    assert not broken, "\n".join(broken[:20])


def test_long_lists_keep_their_pages_as_they_grow():
    """All topics (newest first) grows at the front and keeps full pages counted from the end;
    the sources list (oldest first) grows at the end: either way a new item changes one page."""
    from generator.layout import PER_PAGE, chunked, list_pages

    def pages(count: int, items: tuple[int, ...], from_end: bool) -> dict[str, tuple[int, ...]]:
        return dict(zip(list_pages("topics", count, from_end), chunked(items, from_end), strict=True))

    for size in (2 * PER_PAGE + 50, 3 * PER_PAGE):
        old = tuple(range(size))
        before, after = pages(size, old, True), pages(size + 1, (-1, *old), True)
        # (when the first page was full, its items move to a new page of their own)
        assert {p for p in after if before.get(p) != after[p]} == {"topics.md"} | (set(after) - set(before))
        assert sorted(x for chunk in after.values() for x in chunk) == sorted((-1, *old))
        before, after = pages(size, old, False), pages(size + 1, (*old, size), False)
        assert len({p for p in after if before.get(p) != after[p]}) == 1
    assert list_pages("topics", 3 * PER_PAGE + 1, True) == ["topics.md", "topics-4.md", "topics-3.md",
                                                            "topics-2.md"]
    assert [len(c) for c in chunked(tuple(range(3 * PER_PAGE + 1)), True)] == [1, *[PER_PAGE] * 3]


def test_two_mkdocs_processes_render_the_same_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Above PARALLEL_PAGES pages a second process renders every other page; the site is the
    one a single process renders, on a full build and on a rebuild."""
    import generator.mkdocs_run

    shares: list[list[str]] = []

    class Recording(generator.mkdocs_run.ProcessPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
            shares.append(args[-1])
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr("generator.mkdocs_run.PARALLEL_PAGES", 2)
    monkeypatch.setattr("generator.mkdocs_run.ProcessPoolExecutor", Recording)
    one, two = make_config(tmp_path / "one", SEEDS), make_config(tmp_path / "two", SEEDS, workers=2)
    build(one)
    build(two)
    pages = sorted(p.relative_to(two.work / "site-src" / "docs").as_posix()
                   for p in (two.work / "site-src" / "docs").rglob("*.md"))
    assert shares == [pages[1::2]]
    assert tree(one.out) == tree(two.out)
    for config in (one, two):  # a rebuild that renders every page again
        for page in (config.work / "site-src" / "docs").rglob("*.md"):
            os.utime(page, (page.stat().st_mtime + 5, page.stat().st_mtime + 5))
        build(config)
    assert tree(one.out) == tree(two.out)
