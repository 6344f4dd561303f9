"""Topics: group articles by the entities they are about, with stable slugs.

Two articles share a topic when their most-mentioned entities overlap enough
(overlap coefficient >= topic_threshold, at least two shared). Candidate pairs
come from an inverted index on entities. Maintainers can add topics in config
by entities or keywords; an article may then belong to several topics. A
topic keeps its slug across builds: assignments are saved and a new group takes
the slug of the old topic it overlaps most.
"""

from __future__ import annotations

import json
import logging
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

from generator.model import Article, Entity, Extraction
from generator.text import SlugRegistry

log = logging.getLogger(__name__)

TOP_ENTITIES = 10
COMMON_FRACTION = 0.2  # an entity in more than this share of a big corpus links nothing


def group_topics(
    articles: list[Article], extractions: dict[str, Extraction], entities: list[Entity],
    mapping: dict[str, dict[str, str]], threshold: float,
    defined: tuple[dict[str, Any], ...], state_file: Path,
) -> list[tuple[str, str, list[str]]]:
    """(slug, title, article ids) per topic, newest first."""
    types = {e.key: e.type for e in entities}
    features = {a.id: _top_entities(extractions[a.id], mapping[a.id], types) for a in articles}
    groups = _cluster(features, threshold)
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


def _cluster(features: dict[str, set[str]], threshold: float) -> list[list[str]]:
    index: dict[str, list[str]] = defaultdict(list)
    for article_id in sorted(features):
        for key in features[article_id]:
            index[key].append(article_id)
    limit = max(10, int(COMMON_FRACTION * len(features)))
    pairs = set()
    for members in index.values():
        if len(members) <= limit:
            pairs.update(combinations(members, 2))
    parent = {a: a for a in features}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in sorted(pairs):
        shared = len(features[a] & features[b])
        smaller = min(len(features[a]), len(features[b])) or 1
        if shared >= 2 and shared / smaller >= threshold:
            parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for article_id in sorted(features):
        groups[find(article_id)].append(article_id)
    return sorted(groups.values())


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
