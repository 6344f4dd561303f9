"""What topic grouping keeps between builds, so that a rebuild places only the changed articles.

`topics.json` (slug -> article ids) keeps slugs stable; the state file next to it keeps the
rest: each article's fingerprint and weighted term counts (`vectors.term_counts`, the text
scan: the costly part of the vectors), the term of each column, and each clustered topic's
slug, title and articles. A rebuild scans only the added articles' text and `plan` hands
back every article's counts with the old topic of each (-1 for an added one).

Document frequencies are recomputed from the counts on every build (`vectors.weigh`, 0.2 s
at 10,000 articles) rather than kept from the last full grouping: the vectors are then the
ones a full regroup builds, and kept frequencies would leave out of an old article's vector
every term it was alone to hold, so the commonest rebuild, a story's second article, could
not find the first.

`plan` says regroup everything (None) when the state is missing, unreadable, written by other
code or for other settings (threshold, days, defined topics), or disagrees with
`topics.json`; or when the articles added and removed since the last full grouping exceed
REGROUP_SHARE of the articles it grouped (one article is always allowed).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy
from numpy.typing import NDArray
from scipy.sparse import csr_matrix, vstack

from generator import vectors
from generator.cache import read_state, save_state, source_version
from generator.model import Article, DefinedTopic, Extraction

log = logging.getLogger(__name__)

# Past this share of changed articles, a full regroup: its 2-3 s at 10,000 articles are then
# small next to extracting the 500 articles, and old topics never merge or split
# incrementally, so the drift from a full grouping is bounded by the share.
REGROUP_SHARE = 0.05

Settings = tuple[float, float, tuple[DefinedTopic, ...]]
Group = tuple[str, str, tuple[str, ...], tuple[str, ...]]  # slug, title, article ids, related


@dataclass(frozen=True)
class Saved:
    """One build's grouping, for the next build."""

    version: str
    settings: Settings
    ids: tuple[str, ...]
    """Every article grouped, ascending; the rows of `counts` and `headlines`."""
    fingerprints: tuple[str, ...]
    terms: tuple[str, ...]
    """The term of each column (`vectors.term_counts`)."""
    counts: csr_matrix
    headlines: csr_matrix
    groups: tuple[Group, ...]
    """The clustered topics (not the ones defined in config)."""
    base: int
    """Articles at the last full grouping."""
    drift: int
    """Articles added or removed since (a changed one counts twice)."""


@dataclass(frozen=True)
class Plan:
    """A rebuild's starting point, in the order of the articles given to `plan`."""

    counts: csr_matrix
    headlines: csr_matrix
    terms: tuple[str, ...]
    old: NDArray[np.int64]
    """The old topic of each article (numbering `groups`), -1 for one added or changed."""
    kept: dict[tuple[str, ...], Group]
    """The old topics none of whose articles changed, by their articles: such a topic, if
    no article joined it, keeps its title, and its related topics unless a changed one
    now ranks among them."""
    base: int
    drift: int


def version() -> str:
    """The code that made the state (the topics stage and every project module it imports,
    as the cache versions stages) and SciPy, which pickles the matrices; article content is in
    fingerprints."""
    return f"{source_version('generator.topics')}-{scipy.__version__}"


def fingerprints(articles: Sequence[Article], extractions: dict[str, Extraction]) -> list[str]:
    """What each article's row and date come from, hashed: a changed article is removed and
    added again."""
    found = []
    for article in articles:
        extraction = extractions[article.id]
        parts = [article.content_key(), article.outlet, *(m.key for m in extraction.mentions),
                 "", *(k.text for k in extraction.keywords)]
        found.append(hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).hexdigest())
    return found


def plan(path: Path, settings: Settings, previous: dict[str, list[str]],
         articles: Sequence[Article], extractions: dict[str, Extraction], prints: Sequence[str],
         title_of: Callable[[Article], str]) -> Plan | None:
    """The rows and old topics for placing only the added articles, or None to regroup all."""
    saved = _load(path)
    if saved is None or saved.version != version() or saved.settings != settings:
        log.info("topics: no usable state in %s; grouping every article", path)
        return None
    if any(previous.get(group[0]) != list(group[2]) for group in saved.groups):
        log.info("topics: %s disagrees with the saved topics; grouping every article", path)
        return None
    known = dict(zip(saved.ids, saved.fingerprints, strict=True))
    same = np.array([known.get(a.id) == p for a, p in zip(articles, prints, strict=True)], dtype=bool)
    added, removed = int((~same).sum()), len(saved.ids) - int(same.sum())
    drift = saved.drift + added + removed
    if drift > max(1.0, REGROUP_SHARE * saved.base):
        log.info("topics: %d articles changed since the last full grouping of %d; grouping "
                 "every article", drift, saved.base)
        return None
    log.info("topics: %d articles added, %d removed; placing the added ones", added, removed)
    fresh = [a for a, s in zip(articles, same, strict=True) if not s]
    counts, headlines, terms = (vectors.term_counts(fresh, extractions, [title_of(a) for a in fresh])
                                if fresh else (csr_matrix((0, 0), dtype=np.float32), csr_matrix((0, 0)), []))
    wanted = set(terms)  # a scan, not a dict of every term: 0.08 s at 10,000 articles
    index = {term: column for column, term in enumerate(saved.terms) if term in wanted}
    unseen = [t for t in terms if t not in index]
    index.update({t: column for column, t in enumerate(unseen, len(saved.terms))})
    columns = np.array([index[t] for t in terms], dtype=np.int64)
    width = len(saved.terms) + len(unseen)
    row = {article_id: n for n, article_id in enumerate(saved.ids)}
    rows = np.array([row[a.id] for a, s in zip(articles, same, strict=True) if s], dtype=np.int64)
    # Kept rows first, then fresh ones; `order` puts them back in the articles' order.
    order = np.argsort(np.r_[np.flatnonzero(same), np.flatnonzero(~same)], kind="stable")
    old = np.full(len(articles), -1, dtype=np.int64)
    place = {a.id: n for n, a in enumerate(articles)}
    unchanged = {}
    for number, group in enumerate(saved.groups):
        kept = [place[i] for i in group[2] if i in place and same[place[i]]]
        old[kept] = number
        if len(kept) == len(group[2]):  # an edited article may have changed the headline
            unchanged[group[2]] = group
    return Plan(_stack(saved.counts[rows], counts, columns, width)[order],
                _stack(saved.headlines[rows], headlines, columns, width)[order],
                (*saved.terms, *unseen), old, unchanged, saved.base, drift)


def _stack(kept: csr_matrix, fresh: csr_matrix, columns: NDArray[np.int64], width: int) -> csr_matrix:
    """Kept rows over fresh rows whose columns are renumbered by `columns`, `width` wide."""
    kept = csr_matrix((kept.data, kept.indices, kept.indptr), shape=(kept.shape[0], width))
    fresh = csr_matrix((fresh.data, columns[fresh.indices], fresh.indptr),
                       shape=(fresh.shape[0], width)).sorted_indices()
    return csr_matrix(vstack([kept, fresh], format="csr"))


def save(path: Path, saved: Saved) -> None:
    save_state(path, saved, "groups every article")


def _load(path: Path) -> Saved | None:
    return read_state(path, Saved, "grouping every article")
