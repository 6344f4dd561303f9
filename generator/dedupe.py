"""Dedupe: fold copies of one story (syndicated, re-headlined, lightly edited) together.

Articles are compared on 5-word shingles of their clean text. Small corpora use
exact all-pairs Jaccard; larger ones find candidate pairs with MinHash LSH
(datasketch) and confirm each with exact Jaccard, so precision is exact. Articles
are then taken in order of preference — earliest dated, then most complete (most
metadata fields, then longest text), then first by id — and each one not yet
folded is kept and takes its own near-duplicates as copies, so every copy is
similar to the version kept, never only through a chain of copies.
"""

from __future__ import annotations

import dataclasses
import zlib
from collections.abc import Iterable

from generator.model import Article, Copy, Merge, Variant
from generator.text import jaccard, shingles, words

SHINGLE = 5
EXACT_LIMIT = 400  # below this many articles all-pairs Jaccard is faster than building LSH
NUM_PERM = 128


def fold_copies(
    articles: list[Article], threshold: float,
    force: Iterable[tuple[str, str]] = (), forbid: Iterable[tuple[str, str]] = (),
) -> tuple[list[Article], list[Merge]]:
    """Kept articles (with `duplicates` filled) and a report entry per merge."""
    sets = {a.id: article_shingles(a) for a in articles}
    forbidden = {frozenset(p) for p in forbid}
    pairs = {(a, b) for a, b, _ in similar_pairs(sets, threshold) if frozenset((a, b)) not in forbidden}
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
            score = round(jaccard(sets[head.id], sets[other.id]), 3)
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


def similar_pairs(sets: dict[str, set[str]], threshold: float) -> list[tuple[str, str, float]]:
    """Pairs (a < b) whose exact Jaccard similarity is at least `threshold`."""
    ids = sorted(sets)
    if len(ids) <= EXACT_LIMIT:
        candidates: Iterable[tuple[str, str]] = ((a, b) for i, a in enumerate(ids) for b in ids[i + 1:])
    else:
        candidates = lsh_candidates(sets, threshold)
    found = []
    for a, b in candidates:
        score = jaccard(sets[a], sets[b])
        if score >= threshold:
            found.append((a, b, round(score, 3)))
    return sorted(found)


def lsh_candidates(sets: dict[str, set[str]], threshold: float) -> set[tuple[str, str]]:
    from datasketch import MinHash, MinHashLSH

    # A slightly lower LSH threshold trades a few extra exact checks for recall.
    lsh = MinHashLSH(threshold=max(0.05, threshold - 0.1), num_perm=NUM_PERM)
    signatures = {}
    for key in sorted(sets):
        if not sets[key]:
            continue
        # crc32 is a C-speed 32-bit hash, several times faster than datasketch's SHA-1 default.
        signature = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32)
        signature.update_batch([s.encode() for s in sets[key]])
        signatures[key] = signature
        lsh.insert(key, signature)
    pairs = set()
    for key, signature in signatures.items():
        for other in lsh.query(signature):
            if other != key:
                pairs.add((min(key, other), max(key, other)))
    return pairs
