"""Lead and key points: the sentences that best tell a topic's story, each a source's own.

Every candidate is a `Fact` (a sentence with every article that carries it). A fact is
scored by its centrality in the topic's sentence graph (LexRank: PageRank over the cosine
graph of TF-IDF vectors), the signature terms and entities it covers (words many of the
topic's articles use), its position in its article, how many sources carry it and how
recent they are. Selection is maximal marginal relevance to a word budget: each pick
must add word pairs the summary does not cover yet and must not repeat a chosen sentence.
Sentences that cannot stand alone (an unresolved pronoun or connective first, a quote
fragment, a dateline or other furniture, a question) are never chosen.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from generator.model import Article, Extraction, Fact
from generator.standalone import stands_alone
from generator.text import STOP_WORDS, words

LEAD_WORDS = 100  # a lead of 3-5 sentences reads in half a minute
LEAD_SENTENCES = 5
KEY_POINTS = 10
Term = str | tuple[str, str]  # a content word, a word pair or ("entity", key)
MAX_NODES = 1500  # the sentence graph is quadratic: large topics keep their articles' openings
SAME = 0.5  # TF-IDF cosine above which two sentences tell the same thing
# Weights of the relevance features, tuned on half of DUC-2004 task 2 (bench/summaries.py).
CENTRALITY, SIGNATURE, ENTITY, COVERAGE, REDUNDANCY = 2.0, 1.0, 0.3, 1.0, 0.5
POSITION, AGREEMENT, RECENCY = 1.0, 0.1, 0.2
NEW_SOURCE = 0.05  # a lead told by several outlets reads fairer than one outlet's story


@dataclass(frozen=True)
class Summary:
    lead: tuple[Fact, ...]
    points: tuple[Fact, ...]


@dataclass(frozen=True)
class _Node:
    fact: Fact
    tokens: tuple[str, ...]
    pairs: frozenset[tuple[str, str]]
    entities: tuple[str, ...]
    position: int
    """Index of its earliest sentence in its article."""
    first_date: str
    last_date: str


def summarise_facts(facts: list[Fact], by_id: dict[str, Article],
                    extractions: dict[str, Extraction]) -> Summary:
    """The lead (at most LEAD_WORDS words, LEAD_SENTENCES sentences) and up to KEY_POINTS
    key points that do not repeat it, each in story order: date, then place in article."""
    nodes = _nodes(facts, by_id, extractions)
    if not nodes:
        return Summary((), ())
    members = sorted({a for f in facts for a in f.article_ids})
    spread = _spread(extractions, members)
    days = sorted({by_id[a].date for a in members if by_id[a].date})
    similar = _cosines([n.tokens for n in nodes])
    prior = _relevance(nodes, similar, spread, len(members), days)
    lead = _select(nodes, prior, similar, spread, [], LEAD_SENTENCES, LEAD_WORDS)
    points = _select(nodes, prior, similar, spread, lead, KEY_POINTS, None)
    return Summary(_ordered(nodes, lead), _ordered(nodes, points))


def _nodes(facts: list[Fact], by_id: dict[str, Article],
           extractions: dict[str, Extraction]) -> list[_Node]:
    # Over every variant's article: a fact cites only the articles that state it, but its
    # variants can come from others.
    index = {(s.article_id, s.text): (k, s)
             for a in sorted({a for f in facts for a, _ in f.variants})
             for k, s in enumerate(extractions[a].sentences)}
    nodes = []
    for fact in facts:
        if not stands_alone(fact.text):
            continue
        tokens = tuple(words(fact.text))
        dates = sorted(by_id[a].date for a in fact.article_ids if by_id[a].date)
        entities = sorted({e for v in fact.variants for e in index[v][1].entities})
        nodes.append(_Node(fact, tokens, _pairs(tokens), tuple(entities),
                           min(index[v][0] for v in fact.variants),
                           dates[0] if dates else "", dates[-1] if dates else ""))
    # Largest topics: the sentences nearest their articles' openings (ties: first variant).
    nodes.sort(key=lambda n: (n.position, n.fact.variants[0]))
    return nodes[:MAX_NODES]


def _pairs(tokens: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """Adjacent word pairs that carry content (not two stop words): the summary's concepts."""
    return frozenset((a, b) for a, b in itertools.pairwise(tokens)
                     if a not in STOP_WORDS or b not in STOP_WORDS)


def _cosines(token_lists: list[tuple[str, ...]]) -> np.ndarray:
    """Cosine similarity of the sentences' TF-IDF vectors (stop words left out), summed
    term by term over an inverted index: a dense sentence-by-word matrix of a large topic
    would take hundreds of megabytes."""
    postings: dict[str, list[tuple[int, int]]] = {}
    for row, tokens in enumerate(token_lists):
        counts = Counter(t for t in tokens if t not in STOP_WORDS)
        for token in sorted(counts):
            postings.setdefault(token, []).append((row, counts[token]))
    size = len(token_lists)
    weighted = []
    norms = np.zeros(size)
    for token in sorted(postings):
        rows = np.array([r for r, _ in postings[token]])
        weights = np.array([c for _, c in postings[token]], float)
        weights *= math.log((1 + size) / (1 + len(rows))) + 1
        norms[rows] += weights ** 2
        weighted.append((rows, weights))
    similar = np.zeros((size, size))
    for rows, weights in weighted:
        similar[np.ix_(rows, rows)] += np.outer(weights, weights)
    norms = np.sqrt(np.where(norms == 0, 1, norms))
    return similar / norms[:, None] / norms[None, :]


def _lexrank(similar: np.ndarray, threshold: float = 0.1, damping: float = 0.85) -> np.ndarray:
    """Stationary PageRank over the graph of sentence pairs at least `threshold` similar."""
    graph = np.where(similar >= threshold, similar, 0.0)
    rows = graph.sum(axis=1, keepdims=True)
    graph = graph / np.where(rows == 0, 1, rows)
    size = len(graph)
    rank = np.full(size, 1 / size)
    for _ in range(60):  # converges well within this on news topics
        rank = (1 - damping) / size + damping * (rank @ graph)
    return np.asarray(rank / rank.max())


def _spread(extractions: dict[str, Extraction], members: list[str]) -> Counter[Term]:
    """In how many of the topic's articles each content word, word pair and entity occurs."""
    found: Counter[Term] = Counter()
    for article_id in members:
        seen: set[Term] = set()
        for sentence in extractions[article_id].sentences:
            tokens = tuple(words(sentence.text))
            seen.update(t for t in tokens if t not in STOP_WORDS)
            seen.update(_pairs(tokens))
            seen.update(("entity", e) for e in sentence.entities)
        found.update(seen)
    return found


def _relevance(nodes: list[_Node], similar: np.ndarray, spread: Counter[Term], members: int,
               days: list[str]) -> list[float]:
    """How much each sentence matters to the topic, 0..1, rounded so that float noise
    between platforms cannot reorder ties."""
    centrality = _lexrank(similar)
    scores = []
    for k, node in enumerate(nodes):
        content = [t for t in node.tokens if t not in STOP_WORDS] or [""]
        terms = math.fsum(spread[t] for t in content) / len(content) / members
        names = math.fsum(math.log1p(spread[("entity", e)]) for e in node.entities)
        recent = (days.index(node.last_date) + 1) / len(days) if node.last_date else 0.0
        value = CENTRALITY * centrality[k] + SIGNATURE * terms
        value += ENTITY * names / math.log1p(members) / math.sqrt(len(node.tokens))
        value *= 1 + POSITION / (1 + node.position)
        value *= 1 + AGREEMENT * math.log2(len(node.fact.article_ids))
        value *= 1 + RECENCY * recent
        scores.append(value)
    top = max(scores) or 1.0
    return [round(s / top, 9) for s in scores]


def _select(nodes: list[_Node], prior: list[float], similar: np.ndarray, spread: Counter[Term],
            taken: list[int], count: int, budget: int | None) -> list[int]:
    """Greedy maximal marginal relevance: relevance plus the weight of the content pairs
    not yet covered (by how many articles use them), minus the likeness to what is
    already chosen; a sentence from a source not yet used wins a tie."""
    covered = {p for k in taken for p in nodes[k].pairs}
    heaviest = max((spread[p] for n in nodes for p in n.pairs), default=1)
    chosen: list[int] = []
    used_words = 0
    sources: set[str] = set()
    while len(chosen) < count:
        best, best_value = -1, -math.inf
        for k, node in enumerate(nodes):
            if k in taken or k in chosen:
                continue
            if budget is not None and used_words + len(node.tokens) > budget:
                continue
            before = max((similar[k, j] for j in taken + chosen), default=0.0)
            if before >= SAME:
                continue
            gain = sum(spread[p] for p in node.pairs - covered) / (1 + len(node.tokens)) / heaviest
            value = prior[k] + COVERAGE * gain - REDUNDANCY * before
            value += NEW_SOURCE if set(node.fact.article_ids) - sources else 0.0
            if value > best_value + 1e-9:  # ties keep the earlier node (position order)
                best, best_value = k, value
        if best < 0:
            break
        chosen.append(best)
        covered |= nodes[best].pairs
        sources.update(nodes[best].fact.article_ids)
        used_words += len(nodes[best].tokens)
    return chosen


def _ordered(nodes: list[_Node], chosen: list[int]) -> tuple[Fact, ...]:
    """Story order: first reported, then place in the article; undated last."""
    return tuple(nodes[k].fact for k in sorted(chosen, key=lambda k: (
        nodes[k].first_date == "", nodes[k].first_date, nodes[k].position, nodes[k].fact.variants[0])))

