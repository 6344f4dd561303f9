"""What changed since the previous build, and the finished `Digest` templates see."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.article import Article, Entity, Extraction, Problem
from generator.model.topic import FigureSources, Merge, Topic


@dataclass(frozen=True)
class Change:
    """One thing a topic gained since the previous build (changes)."""

    kind: str
    """"topic" (a new topic), "articles", "figure", "point" or "event"."""
    text: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True)
class TopicUpdate:
    """How a topic changed since the previous build (changes)."""

    slug: str
    title: str
    new: bool
    """True for a topic the previous build did not have."""
    changes: tuple[Change, ...]
    new_article_ids: tuple[str, ...] = ()
    new_points: tuple[str, ...] = ()
    """Texts of lead sentences and key points the previous build did not show."""
    new_events: tuple[tuple[str, str], ...] = ()
    """(date, text) of new timeline entries."""


@dataclass(frozen=True)
class FeedEntry:
    """One Atom entry: a topic's update in one build, kept across builds (changes)."""

    id: str
    slug: str
    title: str
    date: str
    text: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True)
class Edition:
    """This build compared with the previous one (changes)."""

    date: str
    """The newest article date: the edition's date (not the clock, so builds repeat)."""
    previous_date: str
    first: bool
    """True for the first build of a site: nothing is marked new."""
    updates: tuple[TopicUpdate, ...]
    feed: tuple[FeedEntry, ...]
    """Feed entries, newest first."""


@dataclass(frozen=True)
class Digest:
    """The finished digest: all that templates and digest.json see."""

    articles: tuple[Article, ...]
    extractions: dict[str, Extraction]
    entities: tuple[Entity, ...]
    topics: tuple[Topic, ...]
    figures: tuple[FigureSources, ...]
    """Distinct figures across the corpus with every article that states them."""
    merges: tuple[Merge, ...]
    problems: tuple[Problem, ...]
    edition: Edition | None = None
    """This build against the previous one (changes)."""
