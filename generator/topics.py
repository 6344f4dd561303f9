"""Topics: articles grouped by story, titled by their most central headline, stable slugs.

Term vectors are built in `generator.vectors`, the clustering (average linkage over
candidate pairs, time as a soft decay) is in `generator.grouping`, titles in
`generator.titles`. Here: the 3-5 closest other topics, maintainer-defined topics from
config (an article may then belong to several topics), and slugs that survive rebuilds:
assignments are saved and a new group takes the slug of the old topic it overlaps most. A
rebuild that changed few articles keeps the previous topics and places only the added
articles (`grouping.assign`, state in `generator.topic_state`).
"""

from __future__ import annotations

import json
import logging
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

from generator import grouping, related, subjects, titles, topic_state, vectors
from generator.model import Article, DefinedTopic, Entity, Extraction, TopicGroup
from generator.text import SlugRegistry

log = logging.getLogger(__name__)


def group_topics(
    articles: list[Article], extractions: dict[str, Extraction], entities: list[Entity],
    threshold: float, days: float,
    defined: tuple[DefinedTopic, ...], state_file: Path,
    vectors_file: Path | None = None, full: bool = False,
) -> list[TopicGroup]:
    """One `TopicGroup` per topic, newest first. `threshold` is the average similarity (damped
    by `days`, the time scale) an article needs to join a topic and two topics to merge.
    With `vectors_file` (and not `full`), a rebuild keeps the previous topics and places only
    the added articles (`topic_state` says when it regroups all instead)."""
    articles = sorted(articles, key=lambda a: a.id)
    spellings = titles.Spellings(entities)
    cleaned = titles.Titles(articles, spellings)
    previous = _load_state(state_file)
    settings = (threshold, days, defined)
    prints = topic_state.fingerprints(articles, extractions) if vectors_file else []
    plan = None if full or vectors_file is None else topic_state.plan(
        vectors_file, settings, previous, articles, extractions, prints,
        lambda a: titles.clean_title(a.title, a.outlet, spellings, a.id))
    days_of = np.array([vectors.day_number(a.date) for a in articles], dtype=np.int64)
    if plan is None:
        counts, headlines, words = vectors.term_counts(
            articles, extractions, [cleaned[i] for i in range(len(articles))])
        terms = tuple(words)
        matrix = vectors.weigh(counts)
        clusters = grouping.cluster(matrix, days_of, threshold, days,
                                    subjects.specific(counts, headlines, terms))
        neighbours = related.closest(matrix, clusters, days_of, days)
        kept, base, drift = {}, len(articles), 0
    else:
        counts, headlines, terms = plan.counts, plan.headlines, plan.terms
        matrix = vectors.weigh(counts)
        clusters = grouping.assign(matrix, days_of, plan.old, threshold, days,
                                   subjects.specific(counts, headlines, terms))
        kept, base, drift = plan.kept, plan.base, plan.drift
        neighbours = _related_again(matrix, clusters, days_of, days, articles, kept)
    sums = related.centroids(matrix, clusters)
    word_ids = titles.WordIds(terms)
    central = titles.closeness(sums, clusters, headlines)
    titled = []
    for n, group in enumerate(clusters):
        ids = tuple(articles[i].id for i in group)
        # An unchanged topic keeps its title: a rebuild re-renders only the topics it changed.
        title = kept[ids][1] if ids in kept else titles.central_title(
            sums, n, group, central, word_ids, articles, cleaned, extractions, spellings)
        titled.append((title, list(ids)))
    clustered = len(titled)
    titled += _defined_topics(defined, articles, extractions, entities)
    slugs = _assign_slugs(titled, previous)
    topics = [TopicGroup(slug, title, tuple(group),
                         tuple(slugs[j] for j in neighbours[n]) if n < len(neighbours) else ())
              for n, (slug, (title, group)) in enumerate(zip(slugs, titled, strict=True))]
    _save_state(state_file, {t.slug: list(t.article_ids) for t in topics})
    if vectors_file is not None:
        topic_state.save(vectors_file, topic_state.Saved(
            topic_state.version(), settings, tuple(a.id for a in articles), tuple(prints),
            terms, counts, headlines,
            tuple((t.slug, t.title, t.article_ids, t.related) for t in topics[:clustered]),
            base, drift))
    dates = {a.id: a.date for a in articles}
    topics.sort(key=lambda t: (max((dates[i] for i in t.article_ids), default=""), t.slug),
                reverse=True)
    return topics


def _related_again(matrix: csr_matrix, clusters: list[list[int]], days_of: NDArray[np.int64],
                   days: float, articles: list[Article],
                   kept: dict[tuple[str, ...], topic_state.Group]) -> list[list[int]]:
    """Related topics on a rebuild (`related.closest_update`): an unchanged topic's previous
    list as cluster numbers, -1 for a topic that changed or went."""
    number = {tuple(articles[i].id for i in group): n for n, group in enumerate(clusters)}
    where = {slug: number.get(ids, -1) for ids, (slug, *_) in kept.items()}
    return related.closest_update(matrix, clusters, days_of, days, [
        [where.get(slug, -1) for slug in kept[ids][3]] if ids in kept else None for ids in number])


def _defined_topics(
    defined: tuple[DefinedTopic, ...], articles: list[Article],
    extractions: dict[str, Extraction], entities: list[Entity],
) -> list[tuple[str, list[str]]]:
    if not defined:  # the name index below is costly for a large corpus
        return []
    names: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            names[name.lower()].add(entity.key)
    found = []
    for topic in defined:
        wanted = {k for n in topic.entities for k in names.get(n.lower(), ())}
        words_wanted = {w.lower() for w in topic.keywords}
        members = [
            a.id for a in articles
            if wanted & {m.key for m in extractions[a.id].mentions}
            or words_wanted & {k.text.lower() for k in extractions[a.id].keywords}
        ]
        if members:
            found.append((topic.title, members))
        else:
            log.warning("topic %r from config matches no article", topic.title)
    return found


def _assign_slugs(titled: list[tuple[str, list[str]]],
                  previous: dict[str, list[str]]) -> list[str]:
    registry = SlugRegistry()
    slugs: list[str | None] = [None] * len(titled)
    owners: dict[str, list[str]] = defaultdict(list)  # article -> old slugs holding it
    for slug, old in sorted(previous.items()):
        for article_id in sorted(set(old)):
            owners[article_id].append(slug)
    overlap: Counter[tuple[str, int]] = Counter(
        (slug, index) for index, (_, group) in enumerate(titled)
        for article_id in sorted(set(group)) for slug in owners.get(article_id, ()))
    # Largest overlaps first, so each old slug goes to the group that kept most of it.
    options = sorted((-count, slug, index) for (slug, index), count in overlap.items())
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
