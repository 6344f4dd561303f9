"""Dedupe: fold copies of one story (syndicated, re-headlined, lightly edited) together.

Articles are compared on 5-word shingles of their clean text. Small corpora use
exact all-pairs Jaccard; larger ones find candidate pairs with MinHash LSH
(datasketch) and confirm each with exact Jaccard, so precision is exact. Articles
are then taken in order of preference — earliest dated, then most complete (most
metadata fields, then longest text), then first by id — and each one not yet
folded is kept and takes its own near-duplicates as copies, so every copy is
similar to the version kept, never only through a chain of copies.

A build leaves its signatures and scored candidate pairs for the next one (`Saved`): a
rebuild signs and queries only the articles whose text is new, and makes shingles only
for them and their candidates.
"""

from __future__ import annotations

import dataclasses
import hashlib
import zlib
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from generator.cache import read_state, save_state, source_version
from generator.model import Article, Copy, Merge, Variant
from generator.text import jaccard, shingles, words

if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSH

SHINGLE = 5
EXACT_LIMIT = 400  # below this many articles all-pairs Jaccard is faster than building LSH
NUM_PERM = 128
INCREMENTAL_LIMIT = 500  # more new texts than this: one LSH pass beats comparing each with all

Pair = tuple[str, str]
Signatures = NDArray[np.uint64]


def fold_copies(
    articles: list[Article], threshold: float,
    force: Iterable[tuple[str, str]] = (), forbid: Iterable[tuple[str, str]] = (),
    saved: Path | None = None, reuse: bool = True,
) -> tuple[list[Article], list[Merge]]:
    """Kept articles (with `duplicates` filled) and a report entry per merge. `saved`: where
    the signatures are kept between builds; `reuse=False` recomputes them (and saves)."""
    sets = Shingles(articles)
    scores = dict(((a, b), s) for a, b, s in similar_pairs(sets, threshold, saved, reuse))
    forbidden = {frozenset(p) for p in forbid}
    pairs = {p for p in scores if frozenset(p) not in forbidden}
    ids = {a.id for a in articles}
    forced = {(min(a, b), max(a, b)) for a, b in force if a in ids and b in ids and a != b}
    neighbours: dict[str, set[str]] = {a.id: set() for a in articles}
    for a, b in pairs | forced:
        neighbours[a].add(b)
        neighbours[b].add(a)
    # Greedy star clustering in preference order: every copy is itself similar to the
    # version kept, never only through a chain of copies (A~B~C does not fold C into A).
    by_id = {a.id: a for a in articles}
    taken: set[str] = set()
    kept: list[Article] = []
    merges: list[Merge] = []
    for head in sorted(articles, key=preference):
        if head.id in taken:
            continue
        taken.add(head.id)
        rest = sorted((by_id[n] for n in neighbours[head.id] - taken), key=preference)
        taken.update(a.id for a in rest)
        copies = []
        for other in rest:
            pair = (min(head.id, other.id), max(head.id, other.id))
            score = scores.get(pair) or round(jaccard(sets[head.id], sets[other.id]), 3)
            copies.append(Copy(other.id, other.title, other.outlet, other.url, other.date,
                               score, forced=pair in forced and pair not in pairs))
            merges.append(Merge("copy", score, (Variant(head.id, head.title),
                                                Variant(other.id, other.title))))
        kept.append(dataclasses.replace(head, duplicates=tuple(copies)))
    kept.sort(key=lambda a: a.id)
    merges.sort(key=lambda m: (m.items[0][0], m.items[1][0]))
    return kept, merges


def preference(article: Article) -> tuple[str, int, int, str]:
    """Earliest date first (undated last), then most complete, then id."""
    return (article.date or "9999", len(article.missing),
            -sum(len(p) for p in article.paragraphs), article.id)


def article_shingles(article: Article) -> set[str]:
    return shingles(words(" ".join(article.paragraphs)), SHINGLE)


class Shingles(Mapping[str, set[str]]):
    """Each article's shingles, made on first use (a rebuild needs few), and a fingerprint
    of the text they come from."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self._articles = {a.id: a for a in articles}
        self._made: dict[str, set[str]] = {}

    def __getitem__(self, key: str) -> set[str]:
        if key not in self._made:
            self._made[key] = article_shingles(self._articles[key])
        return self._made[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._articles)

    def __len__(self) -> int:
        return len(self._articles)

    def fingerprint(self, key: str) -> str:
        text = "\n".join(self._articles[key].paragraphs)
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def similar_pairs(sets: Mapping[str, set[str]], threshold: float, saved: Path | None = None,
                  reuse: bool = True) -> list[tuple[str, str, float]]:
    """Pairs (a < b) whose exact Jaccard similarity is at least `threshold`."""
    ids = sorted(sets)
    if len(ids) <= EXACT_LIMIT:
        scores = {(a, b): jaccard(sets[a], sets[b]) for i, a in enumerate(ids) for b in ids[i + 1:]}
    else:
        scores = lsh_scores(sets, threshold, saved, reuse)
    return sorted((a, b, round(s, 3)) for (a, b), s in scores.items() if s >= threshold)


@dataclasses.dataclass(frozen=True)
class Saved:
    """What one build leaves for the next: each article's text fingerprint and MinHash
    signature (rows in `ids` order) and the exact Jaccard of every LSH candidate pair."""

    version: str
    ids: tuple[str, ...]
    fingerprints: tuple[str, ...]
    signatures: Signatures
    scores: dict[Pair, float]


def lsh_scores(sets: Mapping[str, set[str]], threshold: float, saved: Path | None = None,
               reuse: bool = True) -> dict[Pair, float]:
    """Exact Jaccard of every pair MinHash LSH makes a candidate (two articles whose
    signatures agree on every row of some band).

    Banding looks at each signature alone, so the candidates among unchanged texts are the
    previous build's: with `saved`, only new texts are signed and compared with all the
    others, and the pairs equal a fresh LSH pass's."""
    from datasketch import MinHashLSH

    ids = sorted(sets)
    fingerprints = [_fingerprint(sets, key) for key in ids]
    version = f"{source_version(__name__)}:{threshold}"
    before = _load(saved, version) if saved and reuse else None
    previous = dict(zip(before.ids, before.fingerprints, strict=True)) if before else {}
    same = {key for key, f in zip(ids, fingerprints, strict=True) if previous.get(key) == f}
    known = dict(zip(before.fingerprints, before.signatures, strict=True)) if before else {}
    signatures = _sign(sets, ids, fingerprints, known)
    # A slightly lower LSH threshold trades a few extra exact checks for recall.
    lsh = MinHashLSH(threshold=max(0.05, threshold - 0.1), num_perm=NUM_PERM)
    fresh = [n for n, key in enumerate(ids) if key not in same]
    if before and len(fresh) <= INCREMENTAL_LIMIT:
        candidates = {p for p in before.scores if p[0] in same and p[1] in same}
        candidates |= _collisions(signatures, fresh, lsh.b, lsh.r, ids)
    else:
        candidates = _lsh_pairs(lsh, signatures, ids)
    old = before.scores if before else {}
    scores = {p: old[p] if p in old and p[0] in same and p[1] in same
              else jaccard(sets[p[0]], sets[p[1]]) for p in sorted(candidates)}
    if saved:
        save_state(saved, Saved(version, tuple(ids), tuple(fingerprints), signatures, scores),
                   "signs every article again")
    return scores


def _fingerprint(sets: Mapping[str, set[str]], key: str) -> str:
    if isinstance(sets, Shingles):
        return sets.fingerprint(key)
    return hashlib.blake2b("\n".join(sorted(sets[key])).encode(), digest_size=16).hexdigest()


@cache
def _prototype() -> MinHash:
    from datasketch import MinHash

    # crc32 is a C-speed 32-bit hash, several times faster than datasketch's SHA-1 default.
    return MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32)


def _sign(sets: Mapping[str, set[str]], ids: list[str], fingerprints: list[str],
          known: Mapping[str, Signatures]) -> Signatures:
    """A MinHash signature per article (a row), from `known` when its text was signed before.
    Every signature shares one set of permutations: making them is most of a MinHash's cost."""
    from datasketch import MinHash

    proto = _prototype()
    rows = np.empty((len(ids), NUM_PERM), dtype=proto.hashvalues.dtype)
    for n, (key, fingerprint) in enumerate(zip(ids, fingerprints, strict=True)):
        row = known.get(fingerprint)
        if row is None:
            signature = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32,
                                permutations=proto.permutations, scheme=proto.scheme)
            signature.update_batch([s.encode() for s in sets[key]])
            row = signature.hashvalues
        rows[n] = row
    return rows


def _blank(signatures: Signatures) -> NDArray[np.bool_]:
    """Rows of texts too short to shingle: never a candidate (they would all collide)."""
    blank: NDArray[np.bool_] = (signatures == np.iinfo(signatures.dtype).max).all(axis=1)
    return blank


def _lsh_pairs(lsh: MinHashLSH, signatures: Signatures, ids: list[str]) -> set[Pair]:
    from datasketch import MinHash

    proto = _prototype()
    usable = [n for n, blank in enumerate(_blank(signatures)) if not blank]
    hashes = {n: MinHash(num_perm=NUM_PERM, hashvalues=signatures[n], permutations=proto.permutations,
                         scheme=proto.scheme) for n in usable}
    with lsh.insertion_session() as session:
        for n in usable:
            session.insert(ids[n], hashes[n])
    pairs = set()
    for n in usable:
        for other in lsh.query(hashes[n]):
            if other != ids[n]:
                pairs.add((min(ids[n], other), max(ids[n], other)))
    return pairs


def _collisions(signatures: Signatures, rows: list[int], bands: int, width: int,
                ids: list[str]) -> set[Pair]:
    """The LSH candidates of `rows`: every other row equal to it on all `width` values of
    one of the `bands` bands, compared directly (cheaper than an index for a few rows)."""
    blank = _blank(signatures)
    banded = signatures[:, :bands * width]
    pairs = set()
    for n in rows:
        if blank[n]:
            continue
        hit = (banded == banded[n]).reshape(len(ids), bands, width).all(axis=2).any(axis=1) & ~blank
        for m in np.flatnonzero(hit):
            if m != n:
                pairs.add((min(ids[n], ids[m]), max(ids[n], ids[m])))
    return pairs


def _load(path: Path, version: str) -> Saved | None:
    """The previous build's signatures, or None when missing, unreadable or stale."""
    value = read_state(path, Saved, "signing every article")
    return value if value is not None and value.version == version else None
