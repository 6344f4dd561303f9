"""Feeds and the sitemap: the site's XML outputs, from the finished `Digest`.

One Atom entry per topic update (`changes.py` keeps them across builds): the site's feed and
one per topic. The sitemap dates each page by the newest article behind it, not the build.
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from generator.config import Config
from generator.layout import has_page, heading_id, index_pages, list_pages, source_pages
from generator.model import Article, Digest, FeedEntry
from generator.render import template_loader

# Characters XML 1.0 does not allow, even escaped.
_XML_INVALID = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_finalize(value: Any) -> Any:
    return value if isinstance(value, Markup) else _XML_INVALID.sub("", str(value))


def xml_environment(config: Config) -> Environment:
    """For the Atom feed: plain XML escaping."""
    return Environment(loader=template_loader(config), undefined=StrictUndefined, autoescape=True,
                       finalize=_xml_finalize, keep_trailing_newline=True, trim_blocks=True,
                       lstrip_blocks=True)


def render_feeds(digest: Digest, config: Config, limit: int = 50) -> dict[str, bytes]:
    """Atom feeds: the site's (`feed.xml`) and one per topic (`topics/<slug>.xml`), one entry
    per topic update — not per build, not per article."""
    entries = digest.edition.feed if digest.edition else ()
    site = config.site_url.rstrip("/") + "/" if config.site_url else ""
    template = xml_environment(config).get_template("feed.xml.j2")
    feed_id = f"urn:news-digest:{quote(config.site_name)}"
    pages_of = source_pages(digest.articles)
    articles = {a.id: (a, pages_of[a.id].replace(".md", ".html")) for a in digest.articles}

    def feed(path: str, title: str, chosen: tuple[FeedEntry, ...], alternate: str) -> bytes:
        root = site or "../" * path.count("/")
        items = [(entry, _entry_html(entry, root, articles)) for entry in chosen[:limit]]
        updated = max((e.date for e in chosen if e.date), default="1970-01-01")
        return template.render(title=title, feed_id=feed_id, entries=items, root=root,
                               self_href=f"{site}{path}" if site else path.rsplit("/", 1)[-1],
                               alternate=f"{root}{alternate}",
                               updated=f"{updated}T00:00:00Z").encode()

    feeds = {"feed.xml": feed("feed.xml", config.site_name, entries, "index.html")}
    for topic in digest.topics:
        path = f"topics/{topic.slug}.xml"
        feeds[path] = feed(path, topic.title, tuple(e for e in entries if e.slug == topic.slug),
                           f"topics/{topic.slug}.html")
    return feeds


def _entry_html(entry: FeedEntry, root: str, articles: dict[str, tuple[Article, str]]) -> str:
    """An entry's content as HTML (the template escapes it once more for XML)."""
    links = "".join(
        f'<li><a href="{html.escape(root)}{articles[a][1]}#{heading_id(a, bare=True)}">'
        f"{html.escape(articles[a][0].title or articles[a][0].outlet or a)}</a></li>"
        for a in entry.article_ids if a in articles)
    return (f"<p>{html.escape(entry.text)}</p>"
            f'<p><a href="{html.escape(root)}topics/{entry.slug}.html">{html.escape(entry.title)}</a></p>'
            + (f"<ul>{links}</ul>" if links else ""))


def render_sitemap(digest: Digest, config: Config) -> bytes:
    """A sitemap whose dates are the newest article dates behind each page, not the build date."""
    dates = {a.id: a.date for a in digest.articles}
    newest = max(dates.values(), default="")
    pages = [("index.html", newest), ("entities/index.html", newest), ("dedup.html", newest),
             ("find.html", newest)]
    for name, count, from_end in (("sources", len(digest.articles), False),
                                  ("topics", len(digest.topics), True)):
        pages += [(path.replace(".md", ".html"), newest) for path in list_pages(name, count, from_end)]
    pages += [(path.replace(".md", ".html"), newest) for path in index_pages(digest.entities)]
    pages += [(f"topics/{t.slug}.html", t.date_to) for t in digest.topics]
    pages += [(f"entities/{e.key}.html", max((dates[a] for a in e.article_ids if a in dates), default=""))
              for e in digest.entities if has_page(e, config.entity_page_min_articles)]
    base = config.site_url.rstrip("/") + "/" if config.site_url else ""
    return xml_environment(config).get_template("sitemap.xml.j2").render(pages=pages, base=base).encode()
