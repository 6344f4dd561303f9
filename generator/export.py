"""digest.json: the digest for other tools (and our tests), stable and sorted."""

from __future__ import annotations

import json
from typing import Any

from generator.model import Digest, Figure, Topic, TopicUpdate


def figure_json(figure: Figure) -> dict[str, Any]:
    return {
        "value": figure.value, "value_high": figure.value_high, "text": figure.text,
        "qualifier": figure.qualifier, "bound": figure.bound, "unit": figure.unit,
        "counts": figure.counts, "kind": figure.kind, "refers_to": figure.refers_to,
        "sentence": figure.sentence,
    }


def digest_json(digest: Digest, entity_page_min_articles: int = 1) -> bytes:
    """The digest as JSON; an entity named in fewer than `entity_page_min_articles` articles has
    no page (`url` null)."""
    topics_of: dict[str, list[str]] = {}
    for topic in digest.topics:
        for article_id in topic.article_ids:
            topics_of.setdefault(article_id, []).append(topic.slug)
    entity_keys: dict[str, list[str]] = {article_id: [] for article_id in digest.extractions}
    for entity in digest.entities:  # entities are sorted by key, so each list comes out sorted
        for article_id in entity.article_ids:
            entity_keys[article_id].append(entity.key)
    copies = {a.id: [c.id for c in a.duplicates] for a in digest.articles}
    edition = digest.edition
    updates = {u.slug: u for u in edition.updates} if edition else {}
    last_change: dict[str, str] = {}
    for entry in edition.feed if edition else ():  # newest first: the first entry is the last change
        last_change.setdefault(entry.slug, entry.date)
    data = {
        "build": {"date": edition.date or None if edition else None,
                  "previous_date": edition.previous_date or None if edition else None},
        "articles": [
            {
                "id": a.id, "path": a.path, "title": a.title, "date": a.date or None,
                "outlet": a.outlet or None, "byline": a.byline or None, "url": a.url or None,
                "missing": list(a.missing), "references": list(a.references),
                "duplicates": [{"id": c.id, "title": c.title, "outlet": c.outlet or None,
                                "url": c.url or None, "date": c.date or None, "score": c.score,
                                "forced": c.forced} for c in a.duplicates],
                "keywords": [k.text for k in digest.extractions[a.id].keywords],
                "figures": [figure_json(f) for f in digest.extractions[a.id].figures],
                "entities": entity_keys[a.id],
                "topics": topics_of.get(a.id, []),
            }
            for a in digest.articles
        ],
        "topics": [
            {"id": t.slug, "title": t.title, "url": f"topics/{t.slug}.html",
             "article_ids": list(t.article_ids),
             # the files folded into the topic's articles as copies: every input file is in a topic
             "copy_ids": sorted(c for i in t.article_ids for c in copies.get(i, ())),
             "keywords": list(t.keywords),
             "date_from": t.date_from or None, "date_to": t.date_to or None,
             "lead": [{"text": f.text, "article_ids": list(f.article_ids)} for f in t.lead],
             "points": [{"text": f.text, "kind": f.kind, "article_ids": list(f.article_ids)}
                        for f in t.points],
             "timeline": [{"date": e.date or None, "inferred": e.inferred, "text": e.text,
                           "article_ids": list(e.article_ids)} for e in t.timeline],
             "related": list(t.related),
             **_topic_changes(t, updates.get(t.slug), last_change.get(t.slug, ""))}
            for t in digest.topics
        ],
        "figures": [
            {**figure_json(f), "article_ids": list(ids)} for f, ids in digest.figures
        ],
        "entities": [
            {"id": e.key, "name": e.name, "type": e.type, "aliases": list(e.aliases),
             "url": f"entities/{e.key}.html" if len(e.article_ids) >= entity_page_min_articles
             else None, "article_ids": list(e.article_ids),
             "mentions": e.mentions}
            for e in digest.entities
        ],
        "merges": [
            {"kind": m.kind, "score": m.score, "topic": m.topic or None,
             "items": [{"article_id": a, "text": t} for a, t in m.items]}
            for m in digest.merges
        ],
        "problems": [{"path": p.path, "message": p.message, "skipped": p.fatal}
                     for p in digest.problems],
    }
    # Compact: with an indent the json module falls back to its pure-Python encoder, several
    # times slower on a digest of 10,000 articles.
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def _topic_changes(topic: Topic, update: TopicUpdate | None, last: str) -> dict[str, Any]:
    """When a topic last changed and what changed in this build (empty on a first build)."""
    return {
        "updated": last or topic.date_to or None,
        "new_article_ids": list(update.new_article_ids) if update else [],
        "changes": [{"kind": c.kind, "text": c.text, "article_ids": list(c.article_ids)}
                    for c in update.changes] if update else [],
    }
