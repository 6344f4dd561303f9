"""Page keys: a rebuild renders only the pages whose inputs changed.

A page's key hashes exactly what its template reads — the topic or entity itself and the
few fields of every article, entity and topic it names or links to (titles, outlets,
dates, which sources page holds an article, whether an entity has a page) — under a salt
of the render code, the templates and the settings rendering reads. When a page's key
equals the one recorded for the Markdown already in the work folder, that Markdown is
kept and the template is not run. `digest build --full` ignores the record.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator.cache import source_version
from generator.config import Config
from generator.model import Article, Entity, Topic, TopicUpdate


def page_key(template: str, inputs: Any) -> str:
    """The repr of the tuples, strings, numbers and frozen dataclasses passed here is their
    content, field by field (pickle is not: it shares objects that happen to be one object)."""
    return hashlib.blake2b(repr((template, inputs)).encode(), digest_size=16).hexdigest()


def render_salt(config: Config, template_dirs: Iterable[Path]) -> str:
    """What every page depends on: the render code, every template file, the settings."""
    digest = hashlib.sha256(source_version("generator.render", "generator.pagekeys").encode())
    for folder in template_dirs:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    settings = (config.site_name, config.site_url, config.entity_page_min_articles)
    digest.update(json.dumps(settings).encode())
    return digest.hexdigest()[:32]


class PageInputs:
    """The inputs of each kind of page, from the digest-wide maps rendering builds."""

    def __init__(self, articles: dict[str, Article], entities: dict[str, Entity],
                 topic_by_slug: dict[str, Topic], topics_of: dict[str, list[Topic]],
                 source_pages: dict[str, str], pageless: dict[str, str],
                 updates: dict[str, TopicUpdate], edition_dates: tuple[str, str]):
        self.articles, self.entities, self.topic_by_slug = articles, entities, topic_by_slug
        self.topics_of, self.source_pages, self.pageless = topics_of, source_pages, pageless
        self.updates, self.edition_dates = updates, edition_dates

    def cited(self, ids: Iterable[str]) -> tuple[Any, ...]:
        """What a citation or source link shows of each article, and where it points."""
        return tuple((i, a.title, a.outlet, a.date, a.url, self.source_pages.get(i))
                     for i in sorted(set(ids)) if (a := self.articles.get(i)))

    def entity_link(self, entity: Entity) -> tuple[Any, ...]:
        target = self.pageless.get(entity.key)
        return entity.key, entity.name, entity.type, target, self.source_pages.get(target or "")

    def topic(self, topic: Topic) -> tuple[Any, ...]:
        update = self.updates.get(topic.slug)
        ids = [*topic.article_ids, *(i for c in (update.changes if update else ()) for i in c.article_ids),
               *(v.article_id for fact in (*topic.lead, *topic.points) for v in fact.variants)]
        return (topic, update, self.edition_dates if update else None, self.cited(ids),
                tuple(self.entity_link(self.entities[k]) for k in topic.entity_keys
                      if k in self.entities),
                tuple(_topic_line(self.topic_by_slug[s]) for s in topic.related
                      if s in self.topic_by_slug))

    def entity(self, entity: Entity, topics: list[Topic],
               related: list[tuple[Entity, int]]) -> tuple[Any, ...]:
        return (entity, self.cited(i for i, _ in entity.sentences),
                tuple((t.slug, t.title) for t in topics),
                tuple((self.entity_link(other), count) for other, count in related))

    def sources(self, articles: tuple[Article, ...]) -> tuple[Any, ...]:
        return tuple((a.id, a.title, a.outlet, a.date, a.byline, a.url, a.path, a.references,
                      a.duplicates, tuple((t.slug, t.title) for t in self.topics_of.get(a.id, ())))
                     for a in articles)


def topic_lines(topics: tuple[Topic, ...]) -> tuple[Any, ...]:
    return tuple(_topic_line(t) for t in topics)


def _topic_line(topic: Topic) -> tuple[Any, ...]:
    """What a link to a topic shows: title, dates, number of sources."""
    return topic.slug, topic.title, topic.date_from, topic.date_to, len(topic.article_ids)


def load_keys(path: Path, salt: str, root: Path) -> dict[str, str]:
    """The keys of the previous build's pages whose Markdown is still under `root` (a
    damaged or outdated record is no record)."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        keys = record["pages"] if record.get("salt") == salt else {}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}
    if not isinstance(keys, dict):
        return {}
    return {rel: key for rel, key in keys.items()
            if isinstance(key, str) and (root / rel).is_file()}


def save_keys(path: Path, salt: str, keys: dict[str, str]) -> None:
    """Written after the Markdown, atomically: a record never names a page not yet written."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".page-keys-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump({"salt": salt, "pages": dict(sorted(keys.items()))}, handle)
    os.replace(tmp, path)
