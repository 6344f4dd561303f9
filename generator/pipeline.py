"""The build, top to bottom: ingest → clean → dedupe → extract → topics → render → publish."""

from __future__ import annotations

import contextlib
import gc
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from generator.cache import Cache
from generator.changes import compare
from generator.clean import clean_articles
from generator.config import Config
from generator.dedupe import fold_copies
from generator.entities import merge_entities
from generator.executor import Background
from generator.export import digest_json
from generator.extract import Progress, extract_articles, start_workers
from generator.feeds import render_feeds, render_sitemap
from generator.guard import build_lock, guard_paths
from generator.ingest import ingest
from generator.model import Digest
from generator.pagekeys import load_keys, render_salt, save_keys
from generator.publish import epoch_for, publish, write_docs
from generator.render import render, template_dirs
from generator.summarise import corpus_figures, summarise_topics
from generator.topics import group_topics

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    """What a build published, what it had to compute, and how long each stage took."""

    digest: Digest
    computed: int
    """Articles whose extraction was computed (not taken from the cache)."""
    written: tuple[str, ...]
    """Generated files whose bytes changed (MkDocs re-renders only these), e.g. docs/index.md."""
    rendered: tuple[str, ...]
    """Generated files whose template ran: the others' inputs were unchanged (`pagekeys`)."""
    incremental: bool
    """Whether MkDocs re-rendered only changed pages."""
    seconds: dict[str, float]

    @property
    def pages_written(self) -> int:
        return len(self.written)

    @property
    def skipped(self) -> int:
        return sum(p.fatal for p in self.digest.problems)

    @property
    def warnings(self) -> int:
        return sum(not p.fatal for p in self.digest.problems)


def build(config: Config, progress: Progress | None = None) -> BuildResult:
    timer = _Timer()
    guard_paths(config.seeds, config.out, config.work)
    with build_lock(config.work, config.out), contextlib.ExitStack() as stack:
        stack.callback(gc.unfreeze)
        files = _cache(config)
        articles, problems = ingest(config.seeds, config.max_file_bytes, config.max_line_chars, files)
        timer.lap("ingest")
        with start_workers(config, files.misses) as workers:  # spaCy loads meanwhile
            articles = clean_articles(articles, files)
            timer.lap("clean")
            articles, merges = fold_copies(articles, config.copy_threshold, config.force_merge,
                                           config.forbid_merge, _saved(config, "copies.pkl"),
                                           reuse=not config.full)
            timer.lap("dedupe")
            extract_cache = _cache(config)
            extractions, failed = extract_articles(articles, config, extract_cache, progress,
                                                   workers)
        articles = [a for a in articles if a.id in extractions]
        _kept()
        timer.lap("extract")
        entities, extractions = merge_entities(extractions, _saved(config, "entities.pkl"),
                                               reuse=not config.full)
        groups = group_topics(articles, extractions, list(entities), config.topic_similarity,
                              config.topic_days, config.topics, config.work / "topics.json",
                              _saved(config, "topics.pkl"), full=config.full)
        topics, fact_merges = summarise_topics(groups, articles, extractions, config, _cache(config))
        _kept()
        timer.lap("topics")
        digest = Digest(
            articles=tuple(articles), extractions=extractions, entities=entities,
            topics=tuple(topics), figures=corpus_figures(extractions),
            merges=(*merges, *fact_merges), problems=tuple(sorted(problems + failed)),
            edition=compare(tuple(topics), tuple(articles), config.work / "published.json"),
        )
        _kept()  # and a forked child's collector leaves their shared pages alone
        extra = stack.enter_context(Background(lambda: {
            "digest.json": digest_json(digest, config.entity_page_min_articles),
            **render_feeds(digest, config), "sitemap.xml": render_sitemap(digest, config)},
            enabled=config.executor == "process" and config.workers != 1))
        salt = render_salt(config, template_dirs(config))
        keys_file, site_src = config.work / "page-keys.json", config.work / "site-src"
        rendered = render(digest, config, {} if config.full else load_keys(keys_file, salt, site_src))
        written, removed = write_docs(rendered.pages, site_src)
        save_keys(keys_file, salt, rendered.keys)
        timer.lap("render")
        incremental = publish(config.work / "site-src", config.out, extra,
                              epoch_for([a.date for a in articles]), full=config.full,
                              processes=1 if config.workers == 1 or config.executor == "serial" else 2)
        timer.lap("publish")
    log.info("pages: %d written, %d removed (%s site build); extraction cache: %d hits, %d misses",
             len(written), removed, "incremental" if incremental else "full",
             extract_cache.hits, extract_cache.misses)
    return BuildResult(digest, extract_cache.misses, tuple(written), rendered.ran, incremental,
                       timer.laps)


def _kept() -> None:
    """What the build has loaded or made so far is kept to its end: out of the cyclic
    collector's sight, whose full passes over it were 15% of a 10,000-article rebuild."""
    gc.freeze()


def _saved(config: Config, name: str) -> Path | None:
    """Where a stage keeps its state for the next build (none when caching is off)."""
    return config.work / name if config.cache else None


def _cache(config: Config) -> Cache:
    return Cache(config.work / "cache", enabled=config.cache, refresh=config.full)


class _Timer:
    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self.last, 3)
        self.last = now
        log.debug("%s: %.2f s", name, self.laps[name])

