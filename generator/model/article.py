"""Articles and what extraction finds in each: filled by ingest, clean, dedupe, extract and
the entity merge."""

from __future__ import annotations

from dataclasses import dataclass


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
    """Body as read, headings included (ingest); clean turns it into the fields below and
    empties it."""
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
