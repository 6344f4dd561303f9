"""Layout: which page holds what, and how one page links to another.

Long lists are split into pages of PER_PAGE items; an entity named in fewer articles than
the configured minimum has no page of its own, and links to it lead to its article's entry
on the sources pages.
"""

from __future__ import annotations

import functools
import posixpath
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from markupsafe import Markup

from generator.model import Article, Entity, Merge, Topic
from generator.text import slugify

T = TypeVar("T")
PER_PAGE = 100  # items per list page (sources, all topics): light on a phone, and a rebuild
# re-renders only the pages whose items changed
INDEX_SPLIT = 2000  # above this many entities the index is a page per first letter (one page
# of 18,000 names at 10,000 articles was 1 MB of Markdown, converted again on every rebuild)
INDEX_TOP = 50  # the most named entities, on the first page of a split index
DEDUP_SPLIT = 500  # above this many merges the dedup report is split (at 10,000 articles it
# was one page of 1.4 MB of Markdown, converted again whenever one merge changed)


def heading_id(value: str, bare: bool = False, type_filter: bool = False) -> Markup:
    """A heading id for attr_list: `{#id}` (or the bare id for a link); with `type_filter`
    the heading also carries the entity type the index filter buttons act on."""
    anchor = _anchor(str(value))
    if bare:
        return Markup(anchor)
    return Markup("{#" + anchor + (f' data-type="{anchor}"' if type_filter else "") + "}")


@functools.lru_cache(maxsize=1 << 16)
def _anchor(value: str) -> str:
    """Memoised: every citation of an article links to its anchor."""
    return slugify(value, max_length=None, keep="_") or "section"


def sources_order(articles: Iterable[Article]) -> tuple[Article, ...]:
    """The sources list in the order articles arrive: by date (undated first), then by id. A
    new article, usually the newest, joins the last page; the pages before it keep theirs."""
    return tuple(sorted(articles, key=lambda a: (a.date, a.id)))


def source_pages(articles: Iterable[Article]) -> dict[str, str]:
    """Article id -> the page of the sources list that holds its entry."""
    return {a.id: list_page("sources", 1 + i // PER_PAGE) for i, a in enumerate(sources_order(articles))}


def list_page(name: str, number: int) -> str:
    """Long lists are split into pages of PER_PAGE items: sources.md, sources-2.md, …"""
    return f"{name}.md" if number == 1 else f"{name}-{number}.md"


def chunked(items: tuple[T, ...], from_end: bool = False) -> list[tuple[T, ...]]:
    """The items of each page of a long list (one empty page when there are none). `from_end`:
    full pages are counted from the end and the first page holds the rest, so a list that
    grows at the front (newest first) changes its first page, not every page."""
    if not from_end:
        return [items[i:i + PER_PAGE] for i in range(0, len(items), PER_PAGE)] or [()]
    first = len(items) - (_page_count(len(items)) - 1) * PER_PAGE
    return [items[:first], *(items[i:i + PER_PAGE] for i in range(first, len(items), PER_PAGE))]


def list_pages(name: str, count: int, from_end: bool = False) -> list[str]:
    """Every page of a list of `count` items, in reading order (one page when it is empty).
    `from_end`: the pages after the first are numbered from the last, so each keeps its file
    (and its items) while the list grows."""
    pages = _page_count(count)
    if not from_end:
        return [list_page(name, n) for n in range(1, pages + 1)]
    return [list_page(name, 1), *(list_page(name, n) for n in range(pages, 1, -1))]


def _page_count(count: int) -> int:
    return max(1, -(-count // PER_PAGE))


def index_pages(entities: Iterable[Entity]) -> dict[str, list[Entity]]:
    """The entity index's letter pages and their entities, A–Z by name (accents folded;
    digits and other scripts on one last page); none when the index fits on one page."""
    ordered = sorted(entities, key=lambda e: (e.name.lower(), e.key))
    if len(ordered) <= INDEX_SPLIT:
        return {}
    pages: dict[str, list[Entity]] = {}
    for entity in ordered:
        pages.setdefault(f"entities/index/{_letter(entity.name)}.md", []).append(entity)
    return _by_letter(pages)


def _letter(name: str) -> str:
    return _first_letter(name[:1])


@functools.lru_cache(maxsize=4096)  # 18,000 names start with a few hundred characters
def _first_letter(char: str) -> str:
    letter = slugify(char)
    return letter if len(letter) == 1 and letter.isalpha() else "other"


def _by_letter(pages: dict[str, T]) -> dict[str, T]:
    """Letter pages A–Z, then "other"."""
    return dict(sorted(pages.items(), key=lambda kv: (kv[0].endswith("/other.md"), kv[0])))


@dataclass(frozen=True)
class ReportPage:
    """A page of a split dedup report: copies, or passages and facts under their topic."""

    path: str
    label: str
    copies: tuple[Merge, ...] = ()
    by_topic: tuple[tuple[Topic, tuple[Merge, ...]], ...] = ()


def dedup_pages(merges: Iterable[Merge], topics: Iterable[Topic]) -> list[ReportPage]:
    """The pages after the first of a long dedup report (none when it fits on one): copies
    in pages of PER_PAGE, passages and facts under their topic, a page per first letter of
    the topic's title — a rebuild re-renders the letters of the topics it changed."""
    merges = tuple(merges)
    if len(merges) <= DEDUP_SPLIT:
        return []
    copies = tuple(m for m in merges if m.kind == "copy")
    pages = [ReportPage(path, f"Copies {n}", chunk) for n, (path, chunk) in enumerate(
        zip(list_pages("dedup/copies", len(copies)), chunked(copies), strict=True), start=1)
             if copies]
    found: dict[str, list[Merge]] = defaultdict(list)
    for merge in merges:
        if merge.kind != "copy":
            found[merge.topic].append(merge)
    letters: dict[str, list[tuple[Topic, tuple[Merge, ...]]]] = {}
    for topic in sorted(topics, key=lambda t: (t.title.lower(), t.slug)):
        if topic.slug in found:
            letters.setdefault(f"dedup/{_letter(topic.title)}.md", []).append(
                (topic, tuple(found[topic.slug])))
    return pages + [ReportPage(path, index_label(path), (), tuple(items))
                    for path, items in _by_letter(letters).items()]


def index_label(path: str) -> str:
    """What the letter links of a split entity index show: "A", …, "Other"."""
    name = posixpath.splitext(posixpath.basename(path))[0]
    return "Other" if name == "other" else name.upper()


class Links:
    """Relative links from one page to others, already safe for Markdown."""

    def __init__(self, here: str, source_pages: dict[str, str], pageless: dict[str, str]):
        self.folder = posixpath.dirname(here)
        self.up = "../" * here.count("/")
        self.source_pages = source_pages
        self.pageless = pageless  # entity key -> its one article, for entities without a page

    def to(self, path: str) -> Markup:
        """`path` (relative to docs/) as seen from this page; pages sit at most one folder
        deep, so this is a prefix test rather than posixpath.relpath, which was a hot spot."""
        if self.folder and path.startswith(self.folder + "/"):
            return Markup(path[len(self.folder) + 1:])
        return Markup(self.up + path)

    def topic(self, topic: Topic) -> Markup:
        return self.to(f"topics/{topic.slug}.md")

    def entity(self, key: str) -> Markup:
        """The entity's page, or for an entity without one, its article's source entry."""
        if key in self.pageless:
            return self.source(self.pageless[key])
        return self.to(f"entities/{key}.md")

    def source(self, article_id: str) -> Markup:
        page = self.source_pages.get(article_id, "sources.md")
        return Markup(f"{self.to(page)}#{heading_id(article_id, bare=True)}")


def has_page(entity: Entity, min_articles: int) -> bool:
    return len(entity.article_ids) >= min_articles
