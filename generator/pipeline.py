"""The build, top to bottom: ingest → clean → dedupe → extract → topics → render → publish."""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from generator import cache as cache_module
from generator import facts as facts_module
from generator import lead as lead_module
from generator import summarise as summarise_module
from generator.cache import source_version
from generator.changes import compare
from generator.clean import clean
from generator.config import Config
from generator.dedupe import fold_copies
from generator.entities import merge_entities
from generator.errors import BuildError, SetupError
from generator.executor import map_items
from generator.export import digest_json
from generator.extract import STAGE_VERSION, extract
from generator.facts import group_facts
from generator.feeds import render_feeds, render_sitemap
from generator.ingest import ingest
from generator.model import Article, Digest, Extraction, Figure, Merge, Problem, Topic, TopicGroup
from generator.publish import build_lock, epoch_for, guard_paths, publish, write_docs
from generator.render import render
from generator.summarise import figure_key, summarise
from generator.topics import group_topics

log = logging.getLogger(__name__)
# A topic's summary depends on the fact grouping, the summariser and the extraction code.
TOPIC_VERSION = source_version(facts_module.__file__, summarise_module.__file__,
                               lead_module.__file__) + STAGE_VERSION
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class BuildResult:
    digest: Digest
    computed: int
    """Articles whose extraction was computed (not taken from the cache)."""
    pages_written: int
    incremental: bool
    """Whether MkDocs re-rendered only changed pages."""
    seconds: dict[str, float]

    @property
    def skipped(self) -> int:
        return sum(p.fatal for p in self.digest.problems)

    @property
    def warnings(self) -> int:
        return sum(not p.fatal for p in self.digest.problems)


def build(config: Config, progress: Progress | None = None) -> BuildResult:
    timer = _Timer()
    guard_paths(config.seeds, config.out, config.work)
    with build_lock(config.work, config.out):
        articles, problems = ingest(config.seeds, config.max_file_bytes, config.max_line_chars)
        if not articles:
            raise BuildError(f"{config.seeds}: no usable article ({len(problems)} skipped) — "
                             "the previous site was kept")
        timer.lap("ingest")
        articles = [clean(a) for a in articles]
        timer.lap("clean")
        articles, merges = fold_copies(articles, config.copy_threshold,
                                       config.force_merge, config.forbid_merge)
        timer.lap("dedupe")
        store = cache_module.Cache(config.work / "cache", enabled=config.cache, refresh=config.full)
        extractions, failed = extract_all(articles, config, store, progress)
        problems += failed
        articles = [a for a in articles if a.id in extractions]
        timer.lap("extract")
        entities, extractions = merge_entities(extractions)
        groups = group_topics(articles, extractions, list(entities), config.topic_similarity,
                              config.topic_days, config.topics, config.work / "topics.json")
        topic_store = cache_module.Cache(config.work / "cache", enabled=config.cache,
                                         refresh=config.full)
        topics, fact_merges = summarise_topics(groups, articles, extractions, config, topic_store)
        # Related topics are set after the summary cache: a neighbour's change leaves it valid.
        topics = [dataclasses.replace(t, related=g.related) for t, g in zip(topics, groups, strict=True)]
        merges += fact_merges
        timer.lap("topics")
        edition = compare(tuple(topics), tuple(articles), config.work / "published.json")
        digest = Digest(
            articles=tuple(articles), extractions=extractions, entities=entities,
            topics=tuple(topics), figures=corpus_figures(extractions), merges=tuple(merges),
            problems=tuple(sorted(problems, key=lambda p: (p.path, p.message))), edition=edition,
        )
        written, removed = write_docs(render(digest, config), config.work / "site-src")
        timer.lap("render")
        incremental = publish(config.work / "site-src", config.out,
                {"digest.json": digest_json(digest, config.entity_page_min_articles),
                 **render_feeds(digest, config),
                 "sitemap.xml": render_sitemap(digest, config).encode()},
                epoch_for([a.date for a in articles]), full=config.full)
        timer.lap("publish")
    log.info("pages: %d written, %d removed (%s site build); cache: %d hits, %d misses",
             written, removed, "incremental" if incremental else "full", store.hits, store.misses)
    return BuildResult(digest, store.misses, written, incremental, timer.laps)


def extract_all(articles: list[Article], config: Config, store: cache_module.Cache,
                progress: Progress | None) -> tuple[dict[str, Extraction], list[Problem]]:
    """Extractions by article id, from the cache where the content is unchanged."""
    settings = config.slice("spacy_model", "keywords_per_article")
    keys = {a.id: store.key("extract", STAGE_VERSION, settings, _content_key(a))
            for a in articles}
    found: dict[str, Extraction] = {}
    todo = []
    for article in articles:
        cached = store.get(keys[article.id], Extraction)
        if cached is not None:
            found[article.id] = cached
        else:
            todo.append(article)
    problems = []
    results = map_items(extract, todo, (config.spacy_model, config.keywords_per_article),
                        config.workers, "extract", config.executor, progress)
    for article, result in zip(todo, results, strict=True):
        if isinstance(result, BaseException):
            if isinstance(result, SetupError):
                raise result
            log.debug("%s: extraction failed (%s); skipped", article.path, result)
            problems.append(Problem(article.path, f"extraction failed: {result}", fatal=True))
            continue
        store.put(keys[article.id], result)
        found[article.id] = result
    if todo and len(problems) == len(todo) == len(articles):
        raise BuildError(f"extraction failed for every article ({problems[0].message}) "
                         "— the previous site was kept")
    # In article order, not cache hits first: a rebuild must see what a full build sees.
    return {a.id: found[a.id] for a in articles if a.id in found}, problems


def summarise_topics(
    groups: list[TopicGroup], articles: list[Article],
    extractions: dict[str, Extraction], config: Config, store: cache_module.Cache,
) -> tuple[list[Topic], list[Merge]]:
    """Facts and summary per topic, cached by everything a topic's summary reads (its members'
    content, dates and entity keys), so a rebuild redoes only the topics that changed."""
    by_id = {a.id: a for a in articles}
    settings = config.slice("passage_threshold", "keywords_per_topic")
    topics: list[Topic] = []
    merges: dict[Merge, None] = {}  # ordered and without repeats
    for group in groups:
        slug, title, members = group.slug, group.title, list(group.article_ids)
        inputs = [slug, title, *[(by_id[a].date, _content_key(by_id[a]),
                                  [s.entities for s in extractions[a].sentences]) for a in members]]
        key = store.key("topic", TOPIC_VERSION, settings, repr(inputs))
        cached = store.get(key, tuple[Topic, tuple[Merge, ...]])
        if cached is None:
            facts, found = group_facts(extractions, members, config.passage_threshold)
            cached = (summarise(slug, title, members, by_id, extractions, facts,
                                config.keywords_per_topic), tuple(found))
            store.put(key, cached)
        topics.append(cached[0])
        merges.update(dict.fromkeys(cached[1]))
    return topics, list(merges)


def _content_key(article: Article) -> str:
    """What extraction reads: the clean text and the metadata it copies into figures."""
    return "\n".join([article.id, article.date, article.title, *article.headings,
                      "", *article.paragraphs])


def corpus_figures(extractions: dict[str, Extraction]) -> tuple[tuple[Figure, tuple[str, ...]], ...]:
    """Each distinct figure once, with every article that states it."""
    seen: dict[tuple, tuple[Figure, set[str]]] = {}
    for article_id in sorted(extractions):
        for figure in extractions[article_id].figures:
            key = figure_key(figure)
            if key not in seen:
                seen[key] = (figure, set())
            seen[key][1].add(article_id)
    return tuple((f, tuple(sorted(ids))) for f, ids in seen.values())


class _Timer:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self.last, 3)
        self.last = now
        log.debug("%s: %.2f s", name, self.laps[name])

