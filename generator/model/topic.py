"""Topics: the groups the topics stage makes and the summaries made of them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from generator.model.article import Figure


class Variant(NamedTuple):
    """One source's sentence for a fact or passage (facts)."""

    article_id: str
    text: str


@dataclass(frozen=True)
class Fact:
    """A passage or fact shown once with every source that carries it (facts)."""

    text: str
    """The representative sentence."""
    kind: str
    """"single", "passage" (reused nearly verbatim) or "fact" (same fact, other words)."""
    article_ids: tuple[str, ...]
    variants: tuple[Variant, ...]
    """Every source sentence, the representative included."""
    score: float
    """How strongly the variants agree (1.0 for a single sentence)."""


class FigureSources(NamedTuple):
    """A figure with every article that states it (summarise)."""

    figure: Figure
    article_ids: tuple[str, ...]


@dataclass(frozen=True)
class FigureGroup:
    """One quantity reported by one or more articles, possibly with different values."""

    label: str
    """What is counted: "hostages"."""
    rows: tuple[FigureSources, ...]
    """Each distinct value with every article that states it, in date order."""
    one_count: bool = False
    """Whether the rows can be one count that changed over time (shown as a sequence): counts
    of people or things, or amounts said of one same thing; not a topic's different sums
    of money or percentages."""


@dataclass(frozen=True)
class Event:
    """A dated line of a topic's timeline, with the articles that report it (timeline)."""

    date: str
    """ISO date or partial date ("2023-11")."""
    inferred: bool
    """True when the date was computed from another one."""
    text: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True)
class Merge:
    """A record for the dedup report."""

    kind: str
    """"copy", "passage" or "fact"."""
    score: float
    items: tuple[Variant, ...]
    """The texts side by side."""
    topic: str = ""
    """The slug of the topic whose sentences were merged ("" for a copy)."""


@dataclass(frozen=True)
class DefinedTopic:
    """A topic the maintainer defines in digest.toml: the articles naming any of its entities
    or keywords (config)."""

    title: str
    entities: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicGroup:
    """One story's articles, before its summary (topics)."""

    slug: str
    title: str
    article_ids: tuple[str, ...]
    related: tuple[str, ...] = ()
    """Slugs of the 3-5 closest other topics, closest first."""


@dataclass(frozen=True)
class Topic:
    """One story: its articles and their summary, what a topic page shows (summarise)."""

    slug: str
    title: str
    article_ids: tuple[str, ...]
    date_from: str
    date_to: str
    keywords: tuple[str, ...]
    entity_keys: tuple[str, ...]
    lead: tuple[Fact, ...]
    points: tuple[Fact, ...]
    figures: tuple[FigureGroup, ...]
    timeline: tuple[Event, ...]
    related: tuple[str, ...] = ()
    """Slugs of the 3-5 closest other topics, closest first (topics: `TopicGroup.related`)."""
    figures_left_out: int = 0
    """Figures of the articles not in `figures`, which keeps the KEY_FIGURES most reported."""
