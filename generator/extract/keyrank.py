"""Ranking keyword candidates with what the best unsupervised news methods show matters.

YAKE gives the candidates and one score (its order); the rank comes mostly from
PositionRank (Florescu and Caragea, ACL 2017): a PageRank over the article's word
co-occurrence graph (nouns and adjectives, a window of `WINDOW` words), biased towards
the words said early (each occurrence weighs 1 / its position), a phrase scoring the sum
of its words. Summing rewards the two- and three-word noun phrases readers pick ("oil
spill", "cleanup efforts") over the single word they contain, which frequency alone
ranked first. Near-synonyms ("Russian authorities" / "Russian officials") are folded
into the form the article ranks first. Beside it, EmbedRank's idea (Bennani-Smires et
al., CoNLL 2018) with vectors the article itself gives: the cosine between a phrase and
the article's TF-IDF vector (`article_vector`, `similarity`), which favours the words the
whole article keeps returning to over those its first lines merely say. Corpus
specificity needs the corpus, which one article's extraction does not see: `specificity`
weights `merge_keywords`' votes instead.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from generator.text import words

WINDOW = 10  # PositionRank's co-occurrence window, in words
DAMPING = 0.85
# Heads that news copy uses interchangeably after the same modifier.
SYNONYM_HEADS = (
    frozenset({"authorities", "officials", "government", "leaders", "administration"}),
    frozenset({"troops", "forces", "soldiers", "military", "army"}),
    frozenset({"talks", "negotiations", "discussions"}),
    frozenset({"deal", "agreement", "accord"}),
    frozenset({"attack", "assault", "strike", "raid"}),
    frozenset({"captives", "hostages", "prisoners", "detainees"}),
    frozenset({"police", "officers", "police officers"}),
    frozenset({"war", "conflict", "fighting"}),
)


def word_ranks(sequence: Sequence[str | None]) -> dict[str, float]:
    """PositionRank score of each word of `sequence` (the article's words in order, None
    for a word that cannot be part of a keyphrase), summing to 1."""
    ids: dict[str, int] = {}  # first-occurrence order: never hash order
    for word in sequence:
        if word is not None:
            ids.setdefault(word, len(ids))
    if not ids:
        return {}
    n = len(ids)
    # Node of each position, -1 where no word can be: edges are the pairs of nodes less than
    # WINDOW positions apart, counted once per pair of positions.
    nodes = np.array([-1 if word is None else ids[word] for word in sequence])
    positions = np.flatnonzero(nodes >= 0)
    bias = np.bincount(nodes[positions], weights=1 / (positions + 1), minlength=n)
    weights = np.zeros((n, n))
    for gap in range(1, WINDOW):
        first, second = nodes[:-gap], nodes[gap:]
        pair = (first >= 0) & (second >= 0) & (first != second)
        np.add.at(weights, (first[pair], second[pair]), 1.0)
    weights += weights.T
    bias = bias / bias.sum()
    out = weights.sum(axis=1)
    # A word with no neighbour hands its score back through the bias, as PageRank's
    # dangling nodes do.
    transition = np.divide(weights, out[:, None], out=np.zeros_like(weights), where=out[:, None] > 0)
    dangling = out == 0
    rank = bias.copy()
    for _ in range(100):
        spread = DAMPING * (rank @ transition + rank[dangling].sum() * bias) + (1 - DAMPING) * bias
        if np.abs(spread - rank).sum() < 1e-9:
            rank = spread
            break
        rank = spread
    return {word: float(rank[node]) for word, node in ids.items()}


@lru_cache(maxsize=8192)
def phrase_words(phrase: str) -> tuple[str, ...]:
    """`words`, kept: the same candidates and names are split again and again."""
    return tuple(words(phrase))


def stem(word: str) -> str:
    """Plural to singular, roughly: hostages -> hostage, countries -> country."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def phrase_rank(phrase: str, ranks: dict[str, float]) -> float:
    """A phrase's PositionRank score: the sum of its words' scores, a hyphenated compound
    ("single-engine") one word scoring the mean of its parts."""
    total = 0.0
    for token in phrase.split():
        parts = phrase_words(token)
        if parts:
            total += sum(ranks.get(stem(w), 0.0) for w in parts) / len(parts)
    return total


def article_vector(units: Sequence[Sequence[str | None]], sequence: Sequence[str | None]) -> dict[str, float]:
    """The article as an L2-normalised TF-IDF vector over its keyphrase words: term frequency
    from `sequence` (`word_ranks`' input), inverse document frequency over the article's
    `units` (headline, subheadings and paragraphs, each in `sequence`'s form): a word in
    every paragraph carries less than one a few paragraphs dwell on. No background corpus:
    extraction sees one article."""
    frequency = Counter(word for word in sequence if word is not None)  # text order, never hash order
    spread = Counter(word for unit in units for word in set(unit) if word is not None)
    weights = {word: count * math.log(1 + len(units) / max(1, spread[word]))
               for word, count in frequency.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {word: w / norm for word, w in weights.items()}


def similarity(phrase: str, vector: dict[str, float]) -> float:
    """Cosine between a phrase (its words, each weighing 1) and `article_vector`."""
    stems = [stem(w) for w in phrase_words(phrase)]
    return sum(vector.get(s, 0.0) for s in stems) / math.sqrt(len(stems)) if stems else 0.0


def near_synonyms(a: str, b: str) -> bool:
    """ "Russian authorities" / "Russian officials": same words but a head that news
    copy uses interchangeably."""
    wa, wb = phrase_words(a), phrase_words(b)
    if len(wa) != len(wb) or len(wa) < 2 or wa[:-1] != wb[:-1] or wa[-1] == wb[-1]:
        return False
    return any(wa[-1] in group and wb[-1] in group for group in SYNONYM_HEADS)


def specificity(document_frequency: int, documents: int) -> float:
    """A phrase in every article of the corpus says nothing about one of them: IDF-like
    weight in (0, 1], 1 for a phrase only one article uses."""
    if documents <= 1 or document_frequency <= 1:
        return 1.0
    return math.log(1 + documents / document_frequency) / math.log(1 + documents)
