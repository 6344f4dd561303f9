"""Changes: what this build publishes that the previous build did not.

Each build records what it published per topic — article ids, lead and key points,
figures, timeline entries — in `published.json` in the work folder, and compares
it with the build before. A rebuild that publishes the same topics keeps the
recorded comparison (and the feed), so the site stays byte-identical. An edition
is dated by its newest article, not by the clock, so the same seeds always give
the same site. The first build of a site marks nothing as new.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from generator.cache import no_collection
from generator.dates import human_date
from generator.model import Article, Change, Edition, FeedEntry, Topic, TopicUpdate

log = logging.getLogger(__name__)

FEED_HISTORY = 200  # feed entries kept across builds (the site feed shows the newest 50)
STATE_VERSION = 1
SNAPSHOT_KEYS = {"title", "articles", "points", "figures", "events"}
FEED_KEYS = {"id", "slug", "title", "date", "text", "article_ids"}


def compare(topics: tuple[Topic, ...], articles: tuple[Article, ...], state_file: Path) -> Edition:
    """This build's edition: what changed per topic since the previous build, and the feed."""
    date = max((a.date for a in articles if a.date), default="")
    now = {"date": date, "topics": {t.slug: snapshot(t) for t in topics}}
    state = _load(state_file)
    if state and state["current"]["topics"] == now["topics"]:
        previous, feed = state["previous"], state["feed"]
        now = state["current"]
    elif state:
        previous = state["current"]
        updates = _updates(topics, previous, now)
        feed = [*[_feed_entry(u, topics, date) for u in updates], *state["feed"]][:FEED_HISTORY]
    else:
        previous = None
        feed = [_feed_entry(TopicUpdate(t.slug, t.title, True, ()), topics, date) for t in topics]
    _save(state_file, {"version": STATE_VERSION, "current": now, "previous": previous, "feed": feed})
    updates = _updates(topics, previous, now) if previous is not None else []
    return Edition(
        date=str(now["date"]), previous_date=str(previous["date"]) if previous else "",
        first=previous is None, updates=tuple(updates),
        feed=tuple(FeedEntry(**{**entry, "article_ids": tuple(entry["article_ids"])})
                   for entry in feed))


def snapshot(topic: Topic) -> dict[str, Any]:
    """What a reader saw of a topic: the things a later build can add or change."""
    figures: dict[str, list[list[Any]]] = {}
    for group in topic.figures:
        figures[group.label] = [[f.text, f.date, list(ids)] for f, ids in group.rows]
    return {
        "title": topic.title,
        "articles": list(topic.article_ids),
        "points": [fact.text for fact in (*topic.lead, *topic.points)],
        "figures": figures,
        "events": [[e.date, e.text] for e in topic.timeline],
    }


def _updates(topics: tuple[Topic, ...], previous: dict[str, Any],
             now: dict[str, Any]) -> list[TopicUpdate]:
    """Changed topics, new ones first, then by the slug order of the digest (newest first)."""
    found = []
    for topic in topics:
        before = previous["topics"].get(topic.slug)
        if before is None:
            found.append(TopicUpdate(topic.slug, topic.title, True,
                                     (Change("topic", "new topic", topic.article_ids),)))
            continue
        changes = _topic_changes(before, now["topics"][topic.slug])
        if changes:
            new_ids = tuple(a for a in topic.article_ids if a not in before["articles"])
            old_points, old_events = set(before["points"]), {tuple(e) for e in before["events"]}
            found.append(TopicUpdate(
                topic.slug, topic.title, False, tuple(changes), new_ids,
                tuple(f.text for f in (*topic.lead, *topic.points) if f.text not in old_points),
                tuple((e.date, e.text) for e in topic.timeline if (e.date, e.text) not in old_events)))
    return sorted(found, key=lambda u: not u.new)  # stable: keeps the digest's order within


def _topic_changes(before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    changes = []
    new_ids = tuple(a for a in after["articles"] if a not in before["articles"])
    if new_ids:
        changes.append(Change("articles", f"{len(new_ids)} new article{'s' * (len(new_ids) > 1)}",
                              new_ids))
    for label, rows in after["figures"].items():
        old = before["figures"].get(label, [])
        added = [r for r in rows if r[0] not in {o[0] for o in old}]
        if not added:
            continue
        now = ", ".join(_dated(r) for r in added)
        sources = tuple(sorted({a for r in added for a in r[2]}))
        if old:  # the latest value a reader saw: the newest dated one, else the last listed
            seen = max(old, key=lambda r: (bool(r[1]), r[1]))
            changes.append(Change("figure", f"{label}: {_dated(seen)} → {now}", sources))
        else:
            changes.append(Change("figure", f"{label}: {now}", sources))
    old_points = set(before["points"])
    changes += [Change("point", text, ()) for text in after["points"] if text not in old_points]
    old_events = {tuple(e) for e in before["events"]}
    changes += [Change("event", f"new event {human_date(day) or 'undated'}: {text}", ())
                for day, text in after["events"] if (day, text) not in old_events]
    return changes


def _dated(row: list[Any]) -> str:
    """A figure as written, with its date when known: "24 hostages (16 Feb 2025)"."""
    return f"{row[0]} ({human_date(row[1])})" if row[1] else str(row[0])


def summary(update: TopicUpdate) -> str:
    """One line: "3 new articles; hostages: 59 → 24; new event 16 Feb 2025"."""
    if update.new:
        return "new topic"
    parts = [c.text for c in update.changes if c.kind in ("articles", "figure")]
    points = sum(c.kind == "point" for c in update.changes)
    if points:
        parts.append(f"{points} new point{'s' * (points > 1)}")
    events = sorted({c.text.split(":", 1)[0] for c in update.changes if c.kind == "event"})
    return "; ".join(parts + events)


def _feed_entry(update: TopicUpdate, topics: tuple[Topic, ...], date: str) -> dict[str, Any]:
    topic = next(t for t in topics if t.slug == update.slug)
    text = (" ".join(f.text for f in topic.lead) if update.new else summary(update))
    ids = sorted({a for c in update.changes for a in c.article_ids}) or list(topic.article_ids)
    # Stable for this update: the topic, the edition, and what changed.
    key = json.dumps([update.slug, date, text])
    return {"id": f"{update.slug}:{hashlib.sha256(key.encode()).hexdigest()[:16]}",
            "slug": update.slug, "title": topic.title, "date": date, "text": text,
            "article_ids": tuple(ids)}


def _load(path: Path) -> dict[str, Any] | None:
    """The previous build's record, or None (first build, or a record that cannot be read)."""
    try:
        with no_collection():  # a large record: the collector would walk it while it is read
            state = json.loads(path.read_text(encoding="utf-8"))
        editions = [state["current"]] + ([state["previous"]] if state["previous"] else [])
        if state["version"] == STATE_VERSION and all(
                isinstance(e["date"], str) and all(set(t) == SNAPSHOT_KEYS for t in e["topics"].values())
                for e in editions) and all(set(f) == FEED_KEYS for f in state["feed"]):
            return dict(state)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    return None


def _save(path: Path, state: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    # Compact: an indent makes the json module use its pure-Python encoder, slow at scale.
    tmp.write_text(json.dumps(state, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                              default=list),
                   encoding="utf-8")
    tmp.replace(path)
