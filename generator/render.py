"""Render: the finished `Digest` through Jinja templates into Markdown pages.

Article text is untrusted. Every value a Markdown template prints is escaped for
HTML and Markdown unless it was marked safe by code here (internal links,
checked URLs). Page titles lose angle brackets, because MkDocs themes print
titles unescaped. Templates use StrictUndefined, so a typo fails the build.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

from jinja2 import (
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
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
from generator.layout import (
    INDEX_TOP,
    Links,
    chunked,
    dedup_pages,
    has_page,
    heading_id,
    index_label,
    index_pages,
    list_pages,
    source_pages,
    sources_order,
)
from generator.metadata import safe_url
from generator.model import Digest, Entity, Topic
from generator.pagekeys import PageInputs, page_key, topic_lines
from generator.text import clean_inline

DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# Escaped anywhere: inline syntax (emphasis, code, links, attr_list, tables, headings' closing
# #). Escaped at the start of a line only: list markers ("- ", "+ ", "1. ", "1) "). Escaping
# every "." and "-" of news text made MkDocs' Markdown conversion a third slower.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#!|])")
_MD_LINE_START = re.compile(r"^(\s*\d*)([-+.)])", re.MULTILINE)
HOME_TOPICS = 50  # the home page shows the newest topics; the rest are on "All topics"
MENTION_LIMIT = 50  # sentences per entity page: pages stay small for entities named everywhere
ASSETS = {"digest.css": "docs/stylesheets/digest.css", "digest.js": "docs/javascripts/digest.js",
          "overrides/main.html": "overrides/main.html"}
TYPE_NAMES = {"person": "People", "organization": "Organisations", "place": "Places",
              "group": "Nationalities and groups"}


def escape_md(text: str) -> str:
    """Text that Markdown and HTML show literally: no tags, links, emphasis or headings."""
    escaped = _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))
    return _MD_LINE_START.sub(r"\1\\\2", escaped)


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


def type_attr(value: str) -> Markup:
    """attr_list line marking a paragraph of the entity index with its type."""
    anchor = str(heading_id(value, bare=True))
    return Markup(f'{{: data-type="{anchor}" }}')


def iso_date(value: str) -> Markup:
    return Markup(value) if is_iso(value) else Markup("")


def template_dirs(config: Config) -> list[Path]:
    """The folders templates come from, the user's first."""
    return [*([config.templates] if config.templates else []), DEFAULT_TEMPLATES]


def template_loader(config: Config) -> ChoiceLoader:
    defaults = FileSystemLoader(str(DEFAULT_TEMPLATES))
    loaders: list[Any] = [PrefixLoader({"default": defaults}), defaults]
    if config.templates:
        loaders.insert(0, FileSystemLoader(str(config.templates)))
    return ChoiceLoader(loaders)


def _compiled(config: Config) -> BytecodeCache | None:
    """Compiled templates kept in the work folder, by each template's source: compiling the
    forty templates and macros was a tenth of a rebuild's rendering at 10,000 articles."""
    if not config.cache:
        return None
    folder = config.work / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


def environment(config: Config) -> Environment:
    """The Markdown environment; autoescape is on so macro output stays Markup."""
    # auto_reload off: templates do not change during a build, and checking them on every
    # page cost more than rendering small pages.
    env = Environment(loader=template_loader(config), undefined=StrictUndefined, finalize=_finalize,
                      autoescape=True, keep_trailing_newline=True, trim_blocks=True,
                      lstrip_blocks=True, auto_reload=False, bytecode_cache=_compiled(config))
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


class Rendered(NamedTuple):
    pages: dict[str, str | None]
    """Path -> Markdown; None for a page kept as the previous build wrote it (same key)."""
    keys: dict[str, str]
    """Path -> the page's input key (`generator.pagekeys`), for the next build."""

    @property
    def ran(self) -> tuple[str, ...]:
        """The pages whose template ran (the others kept their Markdown)."""
        return tuple(sorted(path for path, text in self.pages.items() if text is not None))


def render(digest: Digest, config: Config, previous: dict[str, str] | None = None) -> Rendered:
    """The MkDocs project: Markdown pages under docs/, mkdocs.yml and the theme overrides.

    A page whose input key is in `previous` is not rendered again."""
    env = environment(config)
    previous = previous or {}
    articles = {a.id: a for a in digest.articles}
    entities = {e.key: e for e in digest.entities}
    topics_of: dict[str, list[Topic]] = defaultdict(list)
    for topic in digest.topics:
        for article_id in topic.article_ids:
            topics_of[article_id].append(topic)
    edition = digest.edition
    updates = {u.slug: u for u in edition.updates} if edition else {}
    topic_by_slug = {t.slug: t for t in digest.topics}
    common = {"digest": digest, "articles": articles, "entities": entities,
              "topics_of": topics_of, "site_name": config.site_name, "type_names": TYPE_NAMES,
              "edition": edition, "updates": updates, "topic_by_slug": topic_by_slug}
    pages: dict[str, str | None] = {}
    keys: dict[str, str] = {}
    pages_of = source_pages(digest.articles)
    pageless = {e.key: e.article_ids[0] for e in digest.entities
                if not has_page(e, config.entity_page_min_articles)}
    inputs = PageInputs(articles, entities, topic_by_slug, topics_of, pages_of, pageless, updates,
                        (edition.date, edition.previous_date) if edition else ("", ""))

    def page(path: str, template: str, key_inputs: Any = None, **context: Any) -> None:
        rel = f"docs/{path}"
        if rel in pages:
            raise BuildError(f"two pages would be written to {path} — rename one of them")
        if key_inputs is not None:
            keys[rel] = page_key(template, (path, key_inputs))
            if previous.get(rel) == keys[rel]:
                pages[rel] = None
                return
        links = Links(path, pages_of, pageless)
        try:
            pages[rel] = env.get_template(template).render(**common, **context, link=links)
        except TemplateError as exc:
            raise BuildError(f"template {template}: {exc}") from exc

    page("index.md", "index.md.j2", home_topics=digest.topics[:HOME_TOPICS])
    _paged(page, "topics", "topics.md.j2", "page_topics", digest.topics,
           # only the first page shows how many topics there are: a new one changes no other
           lambda number, chunk: (number == 1 and len(digest.topics), topic_lines(chunk)), from_end=True)
    for topic in digest.topics:
        page(f"topics/{topic.slug}.md", "topic.md.j2", inputs.topic(topic), topic=topic,
             co_entities=[entities[k] for k in topic.entity_keys if k in entities])
    _entity_index(page, digest.entities, inputs)
    co_mentioned = _co_mentioned(digest.entities)
    order = {t.slug: n for n, t in enumerate(digest.topics)}
    for entity in digest.entities:
        if entity.key in pageless:
            continue  # listed in the index with a link to its one article instead
        slugs = {t.slug: t for a in entity.article_ids for t in topics_of.get(a, ())}
        entity_topics = sorted(slugs.values(), key=lambda t: order[t.slug])
        related = co_mentioned[entity.key]
        page(f"entities/{entity.key}.md", "entity.md.j2", inputs.entity(entity, entity_topics, related),
             entity=entity, mention_limit=MENTION_LIMIT, related=related, entity_topics=entity_topics)
    _paged(page, "sources", "sources.md.j2", "page_articles", sources_order(digest.articles),
           lambda _, chunk: inputs.sources(chunk))
    _dedup_report(page, digest, inputs)
    page("find.md", "find.md.j2")
    for asset, target in ASSETS.items():
        pages[target] = env.loader.get_source(env, asset)[0]  # type: ignore[union-attr]
    yaml_env = Environment(loader=template_loader(config), undefined=StrictUndefined,
                           keep_trailing_newline=True)
    pages["mkdocs.yml"] = yaml_env.get_template("mkdocs.yml.j2").render(
        site_name=yaml_string(config.site_name), site_url=yaml_string(config.site_url))
    return Rendered(pages, keys)


def _paged(page: Any, name: str, template: str, key: str, items: tuple[Any, ...],
           chunk_inputs: Callable[[int, tuple[Any, ...]], Any], from_end: bool = False) -> None:
    chunks = chunked(items, from_end)
    paths = list_pages(name, len(items), from_end)
    for number, chunk in enumerate(chunks, start=1):
        page(paths[number - 1], template, (paths, chunk_inputs(number, chunk)), **{key: chunk},
             page_number=number, page_count=len(chunks), pages=paths)


def _dedup_report(page: Any, digest: Digest, inputs: PageInputs) -> None:
    """One page; for a large corpus, a first page with the counts and pages of copies and of
    topics by letter (`layout.dedup_pages`)."""
    parts = dedup_pages(digest.merges, digest.topics)
    if not parts:
        page("dedup.md", "dedup.md.j2", merges=digest.merges, parts=(), part=None)
        return
    nav = tuple((p.label, p.path) for p in parts)
    counts = {kind: sum(m.kind == kind for m in digest.merges) for kind in ("copy", "passage", "fact")}
    page("dedup.md", "dedup.md.j2", (nav, counts), merges=(), parts=nav, part=None, counts=counts)
    for part in parts:
        shown = (*part.copies, *(m for _, merges in part.by_topic for m in merges))
        topics = tuple((t.slug, t.title, merges) for t, merges in part.by_topic)
        page(part.path, "dedup.md.j2", (nav, part.path, part.copies, topics,
                                        inputs.cited(v.article_id for m in shown for v in m.items)),
             merges=part.copies, parts=nav, part=part)


def _entity_index(page: Any, entities: tuple[Entity, ...], inputs: PageInputs) -> None:
    """One page; for a large corpus, a first page of the most named entities and letter links,
    and a page per letter (a rebuild re-renders only the letters whose names changed)."""
    letters = index_pages(entities)
    if not letters:
        page("entities/index.md", "entities.md.j2", by_type=_by_type(entities), letters=(), top=(),
             here="")
        return
    nav = tuple((index_label(path), path) for path in letters)

    def lines(members: list[Entity]) -> tuple[Any, ...]:
        return tuple((inputs.entity_link(e), len(e.article_ids)) for e in members)

    top = sorted(entities, key=lambda e: (-len(e.article_ids), e.name.lower(), e.key))[:INDEX_TOP]
    page("entities/index.md", "entities.md.j2", (nav, lines(top)), by_type={}, letters=nav, top=top,
         here="entities/index.md")
    for path, members in letters.items():
        page(path, "entities.md.j2", (nav, path, lines(members)), by_type=_by_type(members),
             letters=nav, top=(), here=path)


def _by_type(entities: Iterable[Entity]) -> dict[str, dict[str, list[Entity]]]:
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
