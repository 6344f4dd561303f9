"""Facts: passages reused across articles and facts told in other words, shown once.

Sentences from different articles are linked when they
- are nearly the same text (Jaccard of word 3-grams >= passage threshold) with the same
  numbers: a passage;
- state the same figure (same value and kind) and, when both name someone, name someone in
  common: a fact;
- date the same event day and share an entity: a fact.
Candidates come from inverted indexes (3-grams, figure values, dates), never
from all pairs of sentences. Linked sentences form one `Fact`: its text is the
sentence most sources state, it cites (`article_ids`) only the articles that state
it — one of their sentences holds at least half its content words — and `variants`
keeps every source's own sentence, so a page can show the others' wording.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from itertools import combinations

from generator.dates import same_day
from generator.model import Extraction, Fact, Figure, Merge, Sentence, Variant
from generator.standalone import stands_alone
from generator.text import STOP_WORDS, jaccard, shingles, words

COMMON_SHINGLE = 50  # a 3-gram in more sentences than this is boilerplate, not evidence
MIN_FIGURE = 10  # small numbers ("two sides") are too common to identify a fact
SUPPORT = 0.5  # share of a sentence's content words another sentence must hold to state it
CANDIDATES = 20  # sentences of a large group tried as its text (support is pairwise)
RELATED = 2  # content words besides numbers that two sentences of one fact share


@functools.lru_cache(maxsize=65_536)  # each sentence is compared with every other of its fact
def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit()))


def supports(sentence: str, claim: str) -> bool:
    """True when `sentence` holds at least half the content words of `claim`, and all its
    numbers (wire copy written to one pattern shares its words, not its numbers)."""
    wanted = content_words(claim)
    if not wanted:  # nothing but function words: only the same words state it
        return words(sentence) == words(claim)
    held = content_words(sentence)
    return len(wanted & held) >= SUPPORT * len(wanted) and _numbers(claim) <= _numbers(sentence)


def stating(claim: str, variants: list[Variant]) -> tuple[str, ...]:
    """The articles among `variants` whose own sentence states `claim`."""
    return tuple(sorted({a for a, text in variants if supports(text, claim)}))


def group_facts(
    extractions: dict[str, Extraction], article_ids: list[str], threshold: float
) -> tuple[list[Fact], list[Merge]]:
    """Every sentence of the articles, grouped; multi-source facts first."""
    nodes: list[Sentence] = [s for a in sorted(article_ids) for s in extractions[a].sentences]
    grams = [shingles(words(s.text), 3) for s in nodes]
    edges: dict[tuple[int, int], tuple[str, float]] = {}
    for i, j in sorted(_passage_candidates(nodes, grams)):  # a set: fix the order
        score = jaccard(grams[i], grams[j])
        if score >= threshold and _numbers(nodes[i].text) == _numbers(nodes[j].text):
            edges[(i, j)] = ("passage", round(score, 3))
    figures = {id(s): [extractions[s.article_id].figures[k] for k in s.figures] for s in nodes}
    for (i, j), score in _fact_candidates(nodes, figures).items():
        if (i, j) not in edges:
            edges[(i, j)] = ("fact", score)
    groups = _components(len(nodes), edges)
    facts: list[Fact] = []
    merges: list[Merge] = []
    for members in groups:
        sentences = [nodes[k] for k in members]
        inner = [edges[p] for p in combinations(members, 2) if p in edges]
        kind = "single" if not inner else (
            "passage" if all(k == "passage" for k, _ in inner) else "fact")
        score = round(sum(s for _, s in inner) / len(inner), 3) if inner else 1.0
        variants = [Variant(s.article_id, s.text) for s in sentences]
        # Ties go to the first sentence (articles by id, then position): sorts are stable.
        richest = sorted(sentences, key=lambda s: (-len(s.figures) - len(s.entities),
                                                   -len(s.text)))[:CANDIDATES]
        # A sentence a reader understands on its own beats one that points back ("Another
        # 200 people were injured"). Most groups are one sentence: nothing is scored there.
        best = richest[0] if len(richest) == 1 else max(
            richest, key=lambda s: (stands_alone(s.text), len(stating(s.text, variants))))
        # The sentence's own article always states it (even one without content words).
        cited = tuple(sorted({best.article_id, *stating(best.text, variants)}))
        fact = Fact(text=best.text, kind=kind, article_ids=cited, variants=tuple(variants),
                    score=score)
        facts.append(fact)
        if kind != "single":
            merges.append(Merge(kind, score, fact.variants))
    facts.sort(key=lambda f: (-len(f.article_ids), f.variants[0]))
    return facts, merges


def _passage_candidates(nodes: list[Sentence], grams: list[set[str]]) -> set[tuple[int, int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for k, gram_set in enumerate(grams):
        for gram in gram_set:
            index[gram].append(k)
    pairs = set()
    for members in index.values():
        if len(members) > COMMON_SHINGLE:
            continue
        for i, j in combinations(members, 2):
            if nodes[i].article_id != nodes[j].article_id:
                pairs.add((i, j))
    return pairs


def _fact_candidates(
    nodes: list[Sentence], figures: dict[int, list[Figure]]
) -> dict[tuple[int, int], float]:
    by_figure: dict[tuple[float, str], list[int]] = defaultdict(list)
    by_day: dict[str, list[int]] = defaultdict(list)
    for k, sentence in enumerate(nodes):
        for figure in figures[id(sentence)]:
            if figure.value >= MIN_FIGURE and figure.kind not in ("count", "number"):
                by_figure[(figure.value, figure.kind)].append(k)
        for day in sentence.dates:
            if len(day) >= 5 and not (len(day) == 7 and day[4] == "-"):
                by_day[day[-5:]].append(k)
    found: dict[tuple[int, int], float] = {}
    for members in by_figure.values():
        for i, j in combinations(sorted(set(members)), 2):
            a, b = nodes[i], nodes[j]
            if a.article_id != b.article_id and _related(a, b) and _same_subject(a, b):
                found[(i, j)] = 1.0
    for members in by_day.values():
        for i, j in combinations(sorted(set(members)), 2):
            a, b = nodes[i], nodes[j]
            if a.article_id == b.article_id or (i, j) in found:
                continue
            days = any(same_day(x, y) for x in a.dates for y in b.dates)
            shared = set(a.entities) & set(b.entities)
            if days and shared and _related(a, b):
                found[(i, j)] = round(min(0.9, 0.5 + 0.1 * len(shared)), 3)
    return found


def _related(a: Sentence, b: Sentence) -> bool:
    """Two sentences with one number or day tell one fact only if they also share words
    besides the numbers: "11 fatalities" and "11 counts of murder" do not (and a group
    must not chain through them)."""
    shared = content_words(a.text) & content_words(b.text)
    return sum(not w.isdigit() for w in shared) >= RELATED


@functools.lru_cache(maxsize=65_536)
def _numbers(text: str) -> frozenset[str]:
    """The digit runs of a sentence: a passage reused keeps its numbers, and wire copy written
    to one pattern ("Shr loss 18 cts vs profit 11 cts") is a passage only with the same ones."""
    return frozenset(w for w in words(text) if w.isdigit())


def _same_subject(a: Sentence, b: Sentence) -> bool:
    """One figure in two sentences that each name someone is one fact only if they name
    someone in common: three companies' share offers "at 12 dlrs per share" are three facts."""
    return not (a.entities and b.entities) or not set(a.entities).isdisjoint(b.entities)


def _components(size: int, edges: dict[tuple[int, int], tuple[str, float]]) -> list[list[int]]:
    parent = list(range(size))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in sorted(edges):
        parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for k in range(size):
        groups[find(k)].append(k)
    return sorted(groups.values())
