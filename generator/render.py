"""Render: the finished `Digest` through Jinja templates into Markdown pages.

Article text is untrusted. Every value a Markdown template prints is escaped for
HTML and Markdown unless it was marked safe by code here (internal links,
checked URLs). Page titles lose angle brackets, because MkDocs themes print
titles unescaped. Templates use StrictUndefined, so a typo fails the build.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
    TemplateError,
)
from markupsafe import Markup

from generator.changes import summary
from generator.config import Config
from generator.dates import human_date, is_iso
from generator.errors import BuildError
from generator.metadata import safe_url
from generator.model import Article, Digest, Entity, Topic
from generator.text import clean_inline, slugify

DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")
PER_PAGE = 500  # items per page of a long list (sources, all topics): pages stay light at scale
HOME_TOPICS = 50  # the home page shows the newest topics; the rest are on "All topics"
MENTION_LIMIT = 50  # sentences per entity page: pages stay small for entities named everywhere
ASSETS = {"digest.css": "docs/stylesheets/digest.css", "digest.js": "docs/javascripts/digest.js",
          "overrides/main.html": "overrides/main.html"}
TYPE_NAMES = {"person": "People", "organization": "Organisations", "place": "Places",
              "group": "Nationalities and groups"}


def escape_md(text: str) -> str:
    """Text that Markdown and HTML show literally: no tags, links, emphasis or headings."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


def safe_title(text: str) -> str:
    """A title for front matter and <title>: angle brackets replaced, one line."""
    return clean_inline(str(text)).replace("<", "‹").replace(">", "›")


# What YAML may hold unescaped (its "printable" set, minus NEL and the BOM).
_YAML_UNSAFE = re.compile("[^\x09\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


def yaml_string(text: str) -> Markup:
    """A double-quoted YAML scalar that parses back to `text` for any input: the front
    matter can never become invalid (MkDocs would then render it as Markdown)."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"')
    escaped = _YAML_UNSAFE.sub(lambda m: f"\\U{ord(m.group()):08x}", escaped)
    return Markup(f'"{escaped}"')


def link_url(url: str) -> Markup:
    """An external http(s) URL made safe inside a Markdown link, or "" if unsafe."""
    url = safe_url(url)
    return Markup(quote(url, safe=":/?#@!$&*+,;=%~")) if url else Markup("")


def _finalize(value: Any) -> Any:
    """Every printed value is Markdown-escaped unless code marked it safe (Markup)."""
    if isinstance(value, Markup):
        return value
    return Markup(escape_md(value))


def _join(items: Any, separator: str = "") -> Markup:
    return Markup(escape_md(separator)).join(_finalize(item) for item in items)


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


def type_attr(value: str) -> Markup:
    """attr_list line marking a paragraph of the entity index with its type."""
    anchor = str(heading_id(value, bare=True))
    return Markup(f'{{: data-type="{anchor}" }}')


def iso_date(value: str) -> Markup:
    return Markup(value) if is_iso(value) else Markup("")


def template_loader(config: Config) -> ChoiceLoader:
    defaults = FileSystemLoader(str(DEFAULT_TEMPLATES))
    loaders: list[Any] = [PrefixLoader({"default": defaults}), defaults]
    if config.templates:
        loaders.insert(0, FileSystemLoader(str(config.templates)))
    return ChoiceLoader(loaders)


def environment(config: Config) -> Environment:
    """The Markdown environment; autoescape is on so macro output stays Markup."""
    # auto_reload off: templates do not change during a build, and checking them on every
    # page cost more than rendering small pages.
    env = Environment(loader=template_loader(config), undefined=StrictUndefined, finalize=_finalize,
                      autoescape=True, keep_trailing_newline=True, trim_blocks=True,
                      lstrip_blocks=True, auto_reload=False)
    env.filters.update({
        "title": lambda v: yaml_string(safe_title(v)),
        "url": link_url, "number": format_number, "join": _join, "heading_id": heading_id,
        "iso": iso_date, "human_date": human_date, "type_attr": type_attr,
        "change_summary": summary,
        "code": lambda v: Markup(clean_inline(str(v)).replace("`", "'")),
    })
    return env


def format_number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def render(digest: Digest, config: Config) -> dict[str, str]:
    """The MkDocs project: Markdown pages under docs/, mkdocs.yml and the theme overrides."""
    env = environment(config)
    articles = {a.id: a for a in digest.articles}
    entities = {e.key: e for e in digest.entities}
    topics_of: dict[str, list[Topic]] = defaultdict(list)
    for topic in digest.topics:
        for article_id in topic.article_ids:
            topics_of[article_id].append(topic)
    edition = digest.edition
    common = {"digest": digest, "articles": articles, "entities": entities,
              "topics_of": topics_of, "site_name": config.site_name, "type_names": TYPE_NAMES,
              "edition": edition, "updates": {u.slug: u for u in edition.updates} if edition else {},
              "topic_by_slug": {t.slug: t for t in digest.topics}}
    pages: dict[str, str] = {}
    pages_of = source_pages(digest.articles)
    pageless = {e.key: e.article_ids[0] for e in digest.entities
                if not has_page(e, config.entity_page_min_articles)}

    def page(path: str, template: str, **context: Any) -> None:
        if f"docs/{path}" in pages:
            raise BuildError(f"two pages would be written to {path} — rename one of them")
        links = Links(path, pages_of, pageless)
        try:
            pages[f"docs/{path}"] = env.get_template(template).render(**common, **context, link=links)
        except TemplateError as exc:
            raise BuildError(f"template {template}: {exc}") from exc

    page("index.md", "index.md.j2", home_topics=digest.topics[:HOME_TOPICS])
    _paged(page, "topics", "topics.md.j2", "page_topics", digest.topics)
    for topic in digest.topics:
        page(f"topics/{topic.slug}.md", "topic.md.j2", topic=topic,
             co_entities=[entities[k] for k in topic.entity_keys if k in entities])
    page("entities/index.md", "entities.md.j2", by_type=_by_type(digest.entities))
    co_mentioned = _co_mentioned(digest.entities)
    order = {t.slug: n for n, t in enumerate(digest.topics)}
    for entity in digest.entities:
        if entity.key in pageless:
            continue  # listed in the index with a link to its one article instead
        slugs = {t.slug: t for a in entity.article_ids for t in topics_of.get(a, ())}
        page(f"entities/{entity.key}.md", "entity.md.j2", entity=entity, mention_limit=MENTION_LIMIT,
             related=co_mentioned[entity.key],
             entity_topics=sorted(slugs.values(), key=lambda t: order[t.slug]))
    _paged(page, "sources", "sources.md.j2", "page_articles", digest.articles)
    page("dedup.md", "dedup.md.j2")
    page("find.md", "find.md.j2")
    for asset, target in ASSETS.items():
        pages[target] = env.loader.get_source(env, asset)[0]  # type: ignore[union-attr]
    yaml_env = Environment(loader=template_loader(config), undefined=StrictUndefined,
                           keep_trailing_newline=True)
    pages["mkdocs.yml"] = yaml_env.get_template("mkdocs.yml.j2").render(
        site_name=yaml_string(config.site_name), site_url=yaml_string(config.site_url))
    return pages


def source_pages(articles: tuple[Article, ...]) -> dict[str, str]:
    """Article id -> the page of the sources list that holds its entry."""
    return {a.id: list_page("sources", 1 + i // PER_PAGE) for i, a in enumerate(articles)}


def list_page(name: str, number: int) -> str:
    """Long lists are split into pages of PER_PAGE items: sources.md, sources-2.md, …"""
    return f"{name}.md" if number == 1 else f"{name}-{number}.md"


def list_pages(name: str, count: int) -> list[str]:
    """Every page of a list of `count` items (one page when it is empty)."""
    return [list_page(name, n) for n in range(1, max(1, -(-count // PER_PAGE)) + 1)]


def _paged(page: Any, name: str, template: str, key: str, items: tuple[Any, ...]) -> None:
    chunks = [items[i:i + PER_PAGE] for i in range(0, len(items), PER_PAGE)] or [()]
    paths = list_pages(name, len(items))
    for number, chunk in enumerate(chunks, start=1):
        page(paths[number - 1], template, **{key: chunk}, page_number=number,
             page_count=len(chunks), pages=paths)


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


def _by_type(entities: tuple[Entity, ...]) -> dict[str, dict[str, list[Entity]]]:
    """Entities by type, then by first letter, A–Z; types without a heading of their own
    ("other": diseases, events) come last."""
    grouped: dict[str, dict[str, list[Entity]]] = {}
    for entity in sorted(entities, key=lambda e: (e.name.lower(), e.key)):
        letter = entity.name[:1].upper() if entity.name[:1].isalpha() else "#"
        grouped.setdefault(entity.type, {}).setdefault(letter, []).append(entity)
    return {t: grouped[t] for t in [*TYPE_NAMES, *sorted(set(grouped) - set(TYPE_NAMES))] if t in grouped}


def _co_mentioned(entities: tuple[Entity, ...], top: int = 8) -> dict[str, list[tuple[Entity, int]]]:
    """For each entity, the entities most often named in the same sentences."""
    in_sentence: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entity in entities:
        for sentence in entity.sentences:
            in_sentence[sentence].append(entity.key)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for keys in in_sentence.values():
        for key in keys:
            for other in keys:
                if other != key:
                    counts[key][other] += 1
    by_key = {e.key: e for e in entities}
    return {
        e.key: [(by_key[k], n) for k, n in
                sorted(counts[e.key].items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
        for e in entities
    }
