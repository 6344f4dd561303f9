"""The built site in a real browser: navigation, search, accessibility, layout and the feed.

The seeds are built once per module into a temporary folder and served on 127.0.0.1 by a
`ThreadingHTTPServer`; one headless Chromium (Debian's, never a downloaded one) drives every test.
Each test opens its own browser context that records console errors and every request, and
blocks anything that is not for the local server, so a test can never reach the network.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Locator,
    Page,
    Playwright,
    Request,
    Route,
    sync_playwright,
)

from tests.conftest import UPDATE_ARTICLE

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
ENTITY = "Vladimir Putin"
BLOCKING = ("serious", "critical")

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site without a log line on stderr for every request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class Site:
    root: Path
    base: str
    digest: dict

    def url(self, relative: str) -> str:
        return urljoin(self.base, relative)

    @property
    def topic_url(self) -> str:
        return self.url(self.digest["topics"][0]["url"])

    @property
    def entity_url(self) -> str:
        return self.url(next(e["url"] for e in self.digest["entities"] if e["name"] == ENTITY))


@dataclass
class Tab:
    """A page in its own context, with what it logged and asked for."""

    page: Page
    base: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def offsite(self) -> list[str]:
        return [url for url in self.requests if not _is_local(url, self.base)]

    def assert_clean(self) -> None:
        assert not self.errors, "console errors:\n" + "\n".join(self.errors)
        assert not self.offsite(), "requests off the local server:\n" + "\n".join(self.offsite())


def _is_local(url: str, base: str) -> bool:
    if url.startswith(("data:", "blob:", "about:")):
        return True
    return urlsplit(url).netloc == urlsplit(base).netloc


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built, then rebuilt with one more article: a site with "new" marks."""
    tmp = tmp_path_factory.mktemp("browser-site")
    out = tmp / "site"
    seeds = tmp / "seeds"
    shutil.copytree(SEEDS, seeds)
    for extra in (None, UPDATE_ARTICLE):
        if extra:
            (seeds / "update.txt").write_text(extra, encoding="utf-8")
        run = subprocess.run([sys.executable, "-m", "generator", "build", "--seeds", str(seeds),
                              "--out", str(out), "--work", str(tmp / "work")],
                             cwd=tmp, capture_output=True, text=True)
        assert run.returncode == 0, f"digest build failed ({run.returncode}):\n{run.stderr}"
    digest = json.loads((out / "digest.json").read_text(encoding="utf-8"))
    problems = "\n".join(f"{p['path']}: {p['message']}" for p in digest["problems"])
    assert digest["topics"], f"the seeds built no topics:\n{problems}"
    assert any(e["name"] == ENTITY for e in digest["entities"]), f"no {ENTITY} entity:\n{problems}"
    return out


@pytest.fixture(scope="module")
def site(site_dir: Path) -> Iterator[Site]:
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        digest = json.loads((site_dir / "digest.json").read_text(encoding="utf-8"))
        yield Site(site_dir, f"http://127.0.0.1:{server.server_address[1]}/", digest)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
    yield browser
    browser.close()


def _open_tab(browser: Browser, site: Site, viewport: dict[str, int]) -> Tab:
    context = browser.new_context(viewport=viewport, service_workers="block")
    context.set_default_timeout(10_000)
    page = context.new_page()
    tab = Tab(page, site.base)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            tab.errors.append(f"console.error at {message.location.get('url')}: {message.text}")

    def on_request(request: Request) -> None:
        tab.requests.append(request.url)

    def guard(route: Route) -> None:
        if _is_local(route.request.url, site.base):
            route.continue_()
        else:  # recorded by on_request; never let it out
            route.abort("blockedbyclient")

    page.on("console", on_console)
    page.on("pageerror", lambda exc: tab.errors.append(f"uncaught exception: {exc}"))
    context.on("request", on_request)
    context.route("**/*", guard)
    return tab


@pytest.fixture
def tab(browser: Browser, site: Site) -> Iterator[Tab]:
    tab = _open_tab(browser, site, DESKTOP)
    yield tab
    tab.page.context.close()


@pytest.fixture
def phone_tab(browser: Browser, site: Site) -> Iterator[Tab]:
    tab = _open_tab(browser, site, PHONE)
    yield tab
    tab.page.context.close()


def _goto(tab: Tab, url: str) -> None:
    response = tab.page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url}: {response and response.status}"


def _section(page: Page, heading_id: str) -> Locator:
    """The element right after the h2 with this id (Material keeps Markdown's flat structure)."""
    heading = page.locator(f"article h2#{heading_id}")
    assert heading.count() == 1, f"no h2#{heading_id} on {page.url}"
    return heading.locator("xpath=following-sibling::*[1]")


def test_home_lists_topics_and_links_to_a_topic_page(tab: Tab, site: Site) -> None:
    page = tab.page
    _goto(tab, site.url("index.html"))
    assert page.title().startswith("News Digest")
    links = page.locator("article h3 a[href*='topics/']")
    assert links.count() >= 1
    assert links.count() == len(site.digest["topics"])

    links.first.click()
    page.wait_for_load_state("load")
    assert page.url == site.topic_url
    topic = site.digest["topics"][0]
    assert page.locator("article h1").inner_text().startswith(topic["title"])

    # Lead: paragraphs between the title and the first section, each citing a source.
    lead = page.locator("article h1 ~ p:not(h2 ~ p)")
    assert lead.count() >= 2, "no lead paragraph after the date line"
    first_fact = lead.nth(1)
    assert first_fact.inner_text().startswith(topic["lead"][0]["text"])
    assert first_fact.locator("a[href*='sources.html#']").count() >= 1

    points = _section(page, "key-points")
    assert points.evaluate("e => e.tagName") == "UL"
    assert points.locator("li").count() >= 1
    for item in points.locator("li").all():
        assert item.locator("a[href*='sources.html#']").count() >= 1, item.inner_text()

    figures = page.locator("article h2#key-figures ~ * table, article h2#key-figures ~ table").first
    headers = figures.locator("thead th").all_inner_texts()
    # The Qualifier column shows only when some figure has one.
    assert headers in (["Counts", "Figure", "Qualifier", "Source", "Date"], ["Counts", "Figure", "Source", "Date"])
    assert figures.locator("tbody tr").count() >= 1
    # A table split by a blank line leaves its later rows as "| … |" paragraphs.
    leaked = [p for p in page.locator("article p").all_inner_texts() if p.lstrip().startswith("|")]
    assert not leaked, "Key figures rows rendered as text, not table rows:\n" + "\n".join(leaked)

    timeline = _section(page, "timeline")
    assert timeline.evaluate("e => e.tagName") == "UL"
    assert timeline.locator("li").count() >= 1
    assert timeline.locator("li time").count() >= 1
    tab.assert_clean()


def test_home_shows_each_topic_lead_as_its_own_paragraph(tab: Tab, site: Site) -> None:
    _goto(tab, site.url("index.html"))
    paragraphs = tab.page.locator("article h3 ~ p").all_inner_texts()
    for topic in site.digest["topics"]:
        if topic["lead"]:
            lead = topic["lead"][0]["text"]
            assert any(p.startswith(lead) for p in paragraphs), (
                f"lead of {topic['url']} is not a paragraph of its own on the home page:\n"
                + "\n".join(paragraphs))
    tab.assert_clean()


def test_entity_index_links_to_entity_page_with_alias(tab: Tab, site: Site) -> None:
    page = tab.page
    _goto(tab, site.url("entities/index.html"))
    page.locator("article").get_by_role("link", name=ENTITY, exact=True).click()
    page.wait_for_load_state("load")
    assert page.url == site.entity_url
    assert page.locator("article h1").inner_text().startswith(ENTITY)
    summary = page.locator("article h1 + p").inner_text()
    assert "also written" in summary
    aliases = summary.split("also written", 1)[1]
    assert "Putin" in [a.strip() for a in aliases.split(",")], summary
    tab.assert_clean()


def test_entity_index_filters_by_type(tab: Tab, site: Site) -> None:
    page = tab.page
    _goto(tab, site.url("entities/index.html"))
    filters = page.get_by_role("group", name="Show entities of one type")
    filters.get_by_role("button", name="People").click()
    assert page.locator("article").get_by_role("link", name=ENTITY, exact=True).is_visible()
    assert not page.locator("article").get_by_role("link", name="Hamas", exact=True).is_visible()
    assert filters.get_by_role("button", name="People").get_attribute("aria-pressed") == "true"
    filters.get_by_role("button", name="All").click()
    assert page.locator("article").get_by_role("link", name="Hamas", exact=True).is_visible()
    tab.assert_clean()


def test_entity_mentions_end_cleanly(tab: Tab, site: Site) -> None:
    """A mention is one sentence: no opening quote of the next sentence left before the citation."""
    _goto(tab, site.entity_url)
    mentions = _section(tab.page, "mentions").locator("li").all_inner_texts()
    assert mentions
    dangling = [m for m in mentions if re.search(r"\s[\"“]\s*\([^()]*\)$", m)]
    assert not dangling, "mentions ending in a stray opening quote:\n" + "\n".join(dangling)


def test_search_finds_the_entity_page(tab: Tab, site: Site) -> None:
    """Pagefind: typing a name lists its entity page once; the browser fetches only index chunks."""
    page = tab.page
    _goto(tab, site.url("index.html"))
    page.locator("nav").get_by_role("link", name="Search").first.click()
    page.wait_for_load_state("load")
    sizes: dict[str, int] = {}
    page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body()))
            if "/pagefind" in r.url and r.ok else None)
    box = page.locator("#digest-search input")
    box.wait_for(state="visible")
    box.press_sequentially("Putin", delay=20)
    hit = page.locator("#digest-search-results a[href*='entities/vladimir-putin.html']")
    hit.first.wait_for(state="attached", timeout=15_000)
    href = hit.first.get_attribute("href")
    assert href is not None and urljoin(page.url, href).split("#")[0] == site.entity_url
    # The site is a rebuild: pages it changed are searched in the delta bundle, and the main
    # bundle's stale record of the entity page is hidden, so the page is listed once.
    delta = json.loads((site.root / "pagefind-delta" / "hidden.json").read_text())
    assert delta["merge"] and delta["hidden"], delta
    assert page.locator("#digest-search-results > li > h3 > a[href$='entities/vladimir-putin.html']").count() == 1
    assert any("/pagefind/index/" in url for url in sizes), sorted(sizes)
    data = sum(n for url, n in sizes.items() if "/index/" in url or "/fragment/" in url
               or url.split("?")[0].endswith((".pf_meta", ".json")))
    assert data <= 300_000, f"{data} bytes of index for one query: {sizes}"
    assert sum(sizes.values()) <= 700_000, f"{sum(sizes.values())} bytes for one query: {sizes}"
    tab.assert_clean()


def test_pages_log_no_errors_and_request_nothing_off_site(tab: Tab, site: Site) -> None:
    for relative in ("index.html", site.digest["topics"][0]["url"], "entities/index.html",
                     "entities/vladimir-putin.html", "sources.html", "dedup.html", "find.html",
                     "404.html"):
        tab.page.goto(site.url(relative), wait_until="networkidle")
    assert tab.requests, "no requests recorded"
    tab.assert_clean()


@pytest.mark.parametrize("which", ["home", "topic", "entity"])
def test_no_serious_accessibility_violations(tab: Tab, site: Site, which: str) -> None:
    url = {"home": site.url("index.html"), "topic": site.topic_url, "entity": site.entity_url}[which]
    _goto(tab, url)
    # axe.min.js comes from the installed package (read from disk and evaluated in the page).
    results = Axe().run(tab.page)
    bad = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(f"{', '.join(map(str, n['target']))}: {n.get('failureSummary', '').splitlines()[-1]}"
                    for n in v["nodes"][:5])
        for v in bad)
    assert not bad, f"axe violations on {url}:\n{report}"
    tab.assert_clean()


def test_home_fits_a_phone_screen(phone_tab: Tab, site: Site) -> None:
    _goto(phone_tab, site.url("index.html"))
    widths = phone_tab.page.evaluate(
        "() => [document.scrollingElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1] + 1, f"horizontal overflow: scrollWidth {widths[0]} > {widths[1]}"
    phone_tab.assert_clean()


def test_key_figures_read_as_cards_on_a_phone(phone_tab: Tab, site: Site) -> None:
    _goto(phone_tab, site.topic_url)
    page = phone_tab.page
    table = page.locator("article .digest-figures table")
    assert not table.locator("thead").is_visible()  # each row says what it counts itself
    width = page.evaluate("() => window.innerWidth")
    rows = table.locator("tbody tr").all()
    assert len(rows) >= 5
    for row in rows:
        row.scroll_into_view_if_needed()
        box = row.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 1, box
        assert row.locator("td").nth(1).is_visible()
    qualifier = table.locator("tr", has_text="more than 1,200 people").locator("td").nth(2)
    assert qualifier.inner_text() == "more than"
    label = qualifier.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"Qualifier: "'  # the cell says what it is, as its column header did
    widths = page.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1] + 1, f"horizontal overflow: scrollWidth {widths[0]} > {widths[1]}"
    phone_tab.assert_clean()


def test_feed_parses_and_links_to_topic_pages(site: Site) -> None:
    # Fetched from the local server, as a feed reader would: relative links resolve against its URL.
    feed = feedparser.parse(site.url("feed.xml"))
    assert feed.get("status") == 200, feed.get("status")
    assert not feed.bozo, feed.get("bozo_exception")
    # One entry per topic when it started, one per update since.
    assert len(feed.entries) == len(site.digest["topics"]) + sum(
        bool(t["changes"]) for t in site.digest["topics"])
    topic_urls = {site.url(t["url"]) for t in site.digest["topics"]}
    for entry in feed.entries:
        link = entry.link
        assert link in topic_urls, link
        path = site.root / urlsplit(link).path.lstrip("/")
        assert path.is_file(), f"{link}: no page at {path}"


def test_new_labels_are_read_out_and_fit_a_phone(phone_tab: Tab, site: Site) -> None:
    topic = next(t for t in site.digest["topics"] if t["new_article_ids"])
    _goto(phone_tab, site.url(topic["url"]))
    page = phone_tab.page
    labels = page.locator("article .digest-new")
    assert labels.count() >= 2
    width = page.evaluate("() => window.innerWidth")
    for label in labels.all():
        label.scroll_into_view_if_needed()
        assert label.is_visible()
        box = label.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 1, box
        # Text, not colour alone: what a screen reader announces.
        assert label.inner_text().startswith("New ")
        assert label.locator("time").get_attribute("datetime") == site.digest["build"]["date"]
    assert re.search(r"text: New\n\s*- time: 20 Feb 2025", page.locator("article").aria_snapshot())
    box = page.locator("article .admonition").first
    assert box.is_visible() and "What changed" in box.inner_text()
    results = Axe().run(page)
    bad = [v["id"] for v in results.response["violations"] if v["impact"] in BLOCKING]
    assert not bad, bad
    phone_tab.assert_clean()
