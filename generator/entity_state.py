"""What the entity merge keeps between builds (`Names`, saved as `build/entities.pkl`): each
article's own reading, keyed by the article's mentions (`fingerprint`) and the spellings its
ALL-CAPS names fold into (`fold`), and the corpus-wide indexes over distinct names, kept in
step as articles come and go. A file that is missing, unreadable, foreign or from other code
is no state at all: the merge starts from scratch.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import TypeVar

from generator.aliases import spelt
from generator.cache import read_state, save_state
from generator.extract.entities import name_tokens
from generator.model import Entity, Extraction

Votes = dict[str, int]
K = TypeVar("K")
tokens = lru_cache(maxsize=1 << 18)(name_tokens)


@lru_cache(maxsize=1 << 16)
def words(name: str) -> str:
    """A name's tokens as one string, an index key (tuple keys made the state slow to load)."""
    return " ".join(tokens(name))


@dataclass(frozen=True)
class ArticleNames:
    """One article as the merge reads it alone: kept while its mentions and the spellings its
    ALL-CAPS names fold into are unchanged."""

    fingerprint: str
    spellings: dict[str, int]
    """Mentions per name, standard abbreviations spelt out: what ALL-CAPS folding counts."""
    capitals: tuple[tuple[str, str], ...]
    """(ALL-CAPS name, the spelling it folded into): the corpus-wide input of this reading."""
    local: dict[str, str]
    """Mention text -> the name it stands for within the article."""
    votes: dict[str, Votes]
    """Type votes per name of `local`."""
    defined: tuple[tuple[str, str], ...]
    """(acronym, the name the article defines it for)."""


@dataclass(frozen=True)
class Names:
    """The merge's state over distinct names (the merge updates it in place)."""

    version: str
    """The merge's code version: a state from other code is not used."""
    articles: dict[str, ArticleNames] = field(default_factory=dict)
    spellings: Counter[str] = field(default_factory=Counter)
    """Spelt-out name -> mentions in the corpus."""
    mixed_forms: dict[str, set[str]] = field(default_factory=dict)
    """Tokens (`words`) -> the mixed-case spellings of them in use."""
    mixed: dict[str, str] = field(default_factory=dict)
    """Tokens -> the most used of those: what an ALL-CAPS name of these tokens folds into."""
    capitals: dict[str, set[str]] = field(default_factory=dict)
    """Tokens -> articles with an ALL-CAPS name of them."""
    postings: dict[str, set[str]] = field(default_factory=dict)
    """Name (as the article's reading leaves it) -> articles naming it."""
    types: dict[str, str] = field(default_factory=dict)
    """Name -> its voted type."""
    by_token: dict[str, set[str]] = field(default_factory=dict)
    """Token -> names holding it."""
    alias: dict[str, str] = field(default_factory=dict)
    """Name -> the name it stands for across articles, before defined acronyms."""
    canonical: dict[str, str] = field(default_factory=dict)
    members: dict[str, set[str]] = field(default_factory=dict)
    """Canonical name (head) -> the names standing for it."""
    keys: dict[str, str] = field(default_factory=dict)
    """Head -> its entity's slug."""
    families: dict[str, set[str]] = field(default_factory=dict)
    """Slug family -> heads whose slugs are of it."""
    entities: dict[str, Entity] = field(default_factory=dict)
    """Head -> its entity."""


def add_article(names: Names, article: str, read: ArticleNames, touched: set[str]) -> None:
    """`read` indexed as `article`'s reading; its names join `touched`."""
    names.articles[article] = read
    for name in read.votes:
        names.postings.setdefault(name, set()).add(article)
    for text, _ in read.capitals:
        names.capitals.setdefault(words(spelt(text)), set()).add(article)
    touched.update(read.votes)


def drop_article(names: Names, article: str, touched: set[str]) -> ArticleNames:
    """`article`'s reading taken out of the indexes (spelling counts aside); its names join
    `touched`."""
    read = names.articles.pop(article)
    for name in read.votes:
        unlink(names.postings, name, article)
    for text, _ in read.capitals:
        unlink(names.capitals, words(spelt(text)), article)
    touched.update(read.votes)
    return read


def fingerprint(extraction: Extraction) -> str:
    """What the merge reads of an article: its mentions in order."""
    text = "\x00".join(chain.from_iterable(map(_MENTION, extraction.mentions)))
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


_MENTION = attrgetter("text", "label", "cue", "sentence")


def fold(names: Names, text: str) -> str:
    """A name as merging sees it: spelt out; an ALL-CAPS form (dateline, headline) as the
    most used mixed-case spelling of its tokens."""
    name = spelt(text)
    return names.mixed.get(words(name), name) if name.isupper() else name


def recount(names: Names, gone: Sequence[Mapping[str, int]], came: Sequence[Mapping[str, int]]) -> set[str]:
    """The corpus counts of spelt-out names less the articles `gone`, plus those that `came`.
    Returns the tokens whose most used mixed-case spelling changed (what `fold` gives)."""
    changed = set()
    for sign, articles in ((-1, gone), (1, came)):
        for spellings in articles:
            for name, n in spellings.items():
                names.spellings[name] += sign * n
                if not names.spellings[name]:
                    del names.spellings[name]
                changed.add(name)
    keys = {words(name) for name in changed if not name.isupper()}
    for name in changed - names.spellings.keys():
        unlink(names.mixed_forms, words(name), name)
    for name in names.spellings.keys() & changed:
        if not name.isupper():
            names.mixed_forms.setdefault(words(name), set()).add(name)
    refolded = set()
    for key in keys:
        forms = names.mixed_forms.get(key, set())
        best = min(forms, key=lambda f: (-names.spellings[f], f)) if forms else ""
        if names.mixed.get(key, "") != best:
            refolded.add(key)
        if best:
            names.mixed[key] = best
        else:
            names.mixed.pop(key, None)
    return refolded


def unlink(index: dict[K, set[str]], key: K, item: str) -> None:
    """`item` out of `index[key]`; a key left with nothing is dropped."""
    items = index.get(key)
    if items is not None:
        items.discard(item)
        if not items:
            del index[key]


def load_names(path: Path, version: str) -> Names | None:
    """The previous build's state, or None when missing, unreadable, foreign or stale."""
    value = read_state(path, Names, "merging entities from scratch")
    return value if value is not None and value.version == version else None


def save_names(path: Path, names: Names) -> None:
    save_state(path, names, "merges entities from scratch")
