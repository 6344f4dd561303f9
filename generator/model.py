"""The immutable data model. Each field's docstring names the stage that fills it.

Stages never mutate: they return new objects (`dataclasses.replace`).
Templates only see the finished `Digest`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True, order=True)
class Problem:
    """A file skipped or a warning, reported with its path."""

    path: str
    message: str
    fatal: bool
    """True when the file was skipped; False for a warning about a file that was kept."""


@dataclass(frozen=True)
class Block:
    """One block of an article body as read from the file (ingest)."""

    kind: str
    """"paragraph", "heading" or "caption"."""
    text: str


@dataclass(frozen=True)
class Copy:
    """Another publication of the same story, folded into the kept article (dedupe)."""

    id: str
    title: str
    outlet: str
    url: str
    date: str
    score: float
    forced: bool = False


@dataclass(frozen=True)
class Article:
    """One news article file, filled stage by stage (each field says which)."""

    id: str
    """Stable id: the file name without suffix (ingest)."""
    path: str
    """Path relative to the seeds folder (ingest)."""
    title: str
    date: str
    """ISO date, or "" when the file does not state one (ingest)."""
    outlet: str
    byline: str
    url: str
    """Original URL, only http(s) (ingest)."""
    missing: tuple[str, ...]
    """Metadata fields the file does not state; they are left empty, never guessed (ingest)."""
    blocks: tuple[Block, ...]
    """Body as read, headings included (ingest)."""
    content_hash: str
    """sha256 of the file bytes (ingest)."""
    paragraphs: tuple[str, ...] = ()
    """Clean body paragraphs (clean)."""
    headings: tuple[str, ...] = ()
    """Subheadings kept apart from body text (clean)."""
    references: tuple[str, ...] = ()
    """Outlets the article cites with glued citation tokens (clean)."""
    duplicates: tuple[Copy, ...] = ()
    """Copies of this article found in the seeds (dedupe)."""

    def content_key(self) -> str:
        """What extraction reads: the clean text and the metadata it copies into figures."""
        return "\n".join([self.id, self.date, self.title, *self.headings, "", *self.paragraphs])


@dataclass(frozen=True)
class Keyword:
    """A keyphrase of an article, as the article spells it (extract.keywords)."""

    text: str
    score: float
    """Lower is better, as in YAKE."""


@dataclass(frozen=True)
class Figure:
    """A key figure: a number with what it counts (extract.figures)."""

    value: float
    value_high: float | None
    """Upper end of a range, else None."""
    text: str
    """The figure as written: "more than 1,200 people"."""
    qualifier: str
    """"more than", "around", "" …, as written."""
    bound: str
    """Normalised qualifier: "exact", "approx", "min", "max"."""
    unit: str
    """The counted noun or unit: "people", "days", "%", "USD"."""
    counts: str
    """What is counted, with modifiers: "Israeli, foreign and dual-national hostages"."""
    kind: str
    """"people", "money", "duration", "percent", "measure", "count" or "number" (bare)."""
    refers_to: str
    """The verb or phrase the sentence ties it to ("killed", "in captivity"), or ""."""
    sentence: str
    article_id: str
    date: str


@dataclass(frozen=True)
class Mention:
    """One named-entity mention in an article (extract.entities)."""

    text: str
    label: str
    sentence: str
    cue: str
    """The word before the mention (lower-cased), a hint at its type."""
    key: str = ""
    """The entity it names (filled by entities.merge_entities)."""


@dataclass(frozen=True)
class Sentence:
    """A body sentence with what it states (extract)."""

    text: str
    article_id: str
    paragraph: int
    entities: tuple[str, ...]
    """Canonical entity keys mentioned (filled after alias merging)."""
    dates: tuple[str, ...]
    """Event dates stated, normalised "YYYY-MM-DD", "MM-DD", "YYYY-MM" or "YYYY"."""
    figures: tuple[int, ...]
    """Indexes into the article's figures."""


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article; cached by content hash (extract)."""

    keywords: tuple[Keyword, ...]
    figures: tuple[Figure, ...]
    mentions: tuple[Mention, ...]
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Entity:
    """A person, organisation, place or group, aliases merged (extract.entities)."""

    key: str
    """Slug used in URLs and as id."""
    name: str
    type: str
    """"person", "organization", "place", "group" (nationalities, religions)."""
    aliases: tuple[str, ...]
    mentions: int
    article_ids: tuple[str, ...]
    sentences: tuple[tuple[str, str], ...]
    """(article id, sentence) pairs."""


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
