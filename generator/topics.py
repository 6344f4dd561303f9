"""Topics: group articles by the entities they are about, with stable slugs.

An article joins the topic whose profile — the entities most mentioned across
its articles — its own most-mentioned entities overlap enough (overlap
coefficient >= topic_threshold, at least two shared); otherwise it starts a
topic. Candidate topics come from an inverted index on entities. Maintainers can add topics in config
by entities or keywords; an article may then belong to several topics. A
topic keeps its slug across builds: assignments are saved and a new group takes
the slug of the old topic it overlaps most.
"""

from __future__ import annotations

import json
import logging
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from generator.model import Article, Entity, Extraction
from generator.text import SlugRegistry

log = logging.getLogger(__name__)

TOP_ENTITIES = 10
PROFILE = 15  # entities that describe a topic: the most frequent among its articles
COMMON_FRACTION = 0.2  # an entity in more than this share of a big corpus links nothing


def group_topics(
    articles: list[Article], extractions: dict[str, Extraction], entities: list[Entity],
    mapping: dict[str, dict[str, str]], threshold: float,
    defined: tuple[dict[str, Any], ...], state_file: Path,
) -> list[tuple[str, str, list[str]]]:
    """(slug, title, article ids) per topic, newest first."""
    types = {e.key: e.type for e in entities}
    features = {a.id: _top_entities(extractions[a.id], mapping[a.id], types) for a in articles}
    groups = _cluster(features, threshold, {a.id: a.date for a in articles})
    titled = [(_central_title(group, features, articles), group) for group in groups]
    titled += _defined_topics(defined, articles, extractions, entities, mapping)
    previous = _load_state(state_file)
    slugs = _assign_slugs(titled, previous)
    topics = [(slug, title, group) for slug, (title, group) in zip(slugs, titled, strict=True)]
    _save_state(state_file, {slug: group for slug, _, group in topics})
    dates = {a.id: a.date for a in articles}
    topics.sort(key=lambda t: (max((dates[i] for i in t[2]), default=""), t[0]), reverse=True)
    return topics


def _top_entities(extraction: Extraction, mapping: dict[str, str],
                  types: dict[str, str]) -> set[str]:
    counts = Counter(mapping[m.text] for m in extraction.mentions)
    ranked = sorted((k for k in counts if types[k] != "group"), key=lambda k: (-counts[k], k))
    return set(ranked[:TOP_ENTITIES])


def _cluster(features: dict[str, set[str]], threshold: float,
             dates: dict[str, str]) -> list[list[str]]:
    """Leader clustering: articles in date order join the topic whose profile (its most
    frequent entities) they overlap most, or found a new one. Comparing with a topic's
    profile rather than with single members stops chains (A~B, B~C) from growing one
    topic over half the corpus. Candidate topics come from an inverted index."""
    frequency = Counter(key for keys in features.values() for key in keys)
    limit = max(10, int(COMMON_FRACTION * len(features)))
    usable = {a: {k for k in keys if frequency[k] <= limit} for a, keys in features.items()}
    counts: list[Counter[str]] = []
    members: list[list[str]] = []
    profiles: list[set[str]] = []
    index: dict[str, set[int]] = defaultdict(set)
    for article_id in sorted(features, key=lambda a: (dates[a], a)):
        keys = usable[article_id]
        best, best_score = -1, 0.0
        for topic in sorted({t for k in keys for t in index[k]}):
            shared = len(keys & profiles[topic])
            score = shared / (min(len(keys), len(profiles[topic])) or 1)
            if shared >= 2 and score >= threshold and score > best_score:
                best, best_score = topic, score
        if best < 0:
            best = len(members)
            members.append([])
            counts.append(Counter())
            profiles.append(set())
        members[best].append(article_id)
        counts[best].update(keys)
        top = {k for k, _ in sorted(counts[best].items(), key=lambda kv: (-kv[1], kv[0]))[:PROFILE]}
        for key in top - profiles[best]:
            index[key].add(best)
        for key in profiles[best] - top:
            index[key].discard(best)
        profiles[best] = top
    return sorted(sorted(group) for group in members)


def _central_title(group: list[str], features: dict[str, set[str]],
                   articles: list[Article]) -> str:
    """The headline of the article that shares most entities with the rest of its topic."""
    by_id = {a.id: a for a in articles}

    def centrality(article_id: str) -> tuple:
        shared = sum(len(features[article_id] & features[o]) for o in group if o != article_id)
        return (-shared, by_id[article_id].date == "", by_id[article_id].id)

    head = min(group, key=centrality)
    return by_id[head].title or by_id[head].id


def _defined_topics(
    defined: tuple[dict[str, Any], ...], articles: list[Article],
    extractions: dict[str, Extraction], entities: list[Entity], mapping: dict[str, dict[str, str]],
) -> list[tuple[str, list[str]]]:
    names: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            names[name.lower()].add(entity.key)
    found = []
    for topic in defined:
        wanted = {k for n in topic.get("entities", []) for k in names.get(str(n).lower(), ())}
        words_wanted = {str(w).lower() for w in topic.get("keywords", [])}
        members = [
            a.id for a in articles
            if wanted & set(mapping[a.id].values())
            or words_wanted & {k.text.lower() for k in extractions[a.id].keywords}
        ]
        if members:
            found.append((str(topic["title"]), members))
        else:
            log.warning("topic %r from config matches no article", topic["title"])
    return found


def _assign_slugs(titled: list[tuple[str, list[str]]],
                  previous: dict[str, list[str]]) -> list[str]:
    registry = SlugRegistry()
    slugs: list[str | None] = [None] * len(titled)
    # Largest overlaps first, so each old slug goes to the group that kept most of it.
    options = sorted(
        ((-len(set(group) & set(old)), slug, index)
         for index, (_, group) in enumerate(titled) for slug, old in previous.items()
         if set(group) & set(old)),
    )
    for _, slug, index in options:
        if slugs[index] is None and slug not in registry.taken:
            registry.taken.add(slug)
            slugs[index] = slug
    return [slug or registry.claim(title, "|".join(group))
            for slug, (title, group) in zip(slugs, titled, strict=True)]


def _load_state(path: Path) -> dict[str, list[str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): [str(x) for x in v] for k, v in data.items()}
    except (OSError, ValueError, AttributeError, TypeError):
        return {}


def _save_state(path: Path, state: dict[str, list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, indent=1, sort_keys=True), encoding="utf-8")
    tmp.replace(path)
