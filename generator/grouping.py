"""Story grouping: sparse TF-IDF vectors, centroid assignment, average-link merging.

Each article is a sparse TF-IDF vector (corpus document frequencies) over lower-case
content words of its title (x3), lead (x2) and body, entity keys and keyphrases, cut to
its strongest terms and L2-normalised. Articles, in date order, join the topic whose
members they are most similar to on average, if that similarity, damped by the days
between the article and the topic (`days` is the time scale: at `days` apart a
similarity counts half), reaches `threshold`; otherwise they found a topic. Candidate
topics come from an inverted index over each topic's top terms, so the work grows
about linearly with the corpus. A merge pass then joins topics whose average pairwise
similarity (damped likewise) reaches the same threshold — average linkage, so two
stories are never chained together through one article that mentions both.

Every order is explicit (dates, ids, indexes), never set or hash order.
"""

from __future__ import annotations

import heapq
import itertools
import math
import re
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date

import numpy as np  # a dependency of spaCy

from generator.model import Article, Extraction

TITLE_WEIGHT, LEAD_WEIGHT = 3.0, 2.0
LEAD_TOKENS, BODY_TOKENS = 60, 400  # the rest of a long article adds noise, not identity
ENTITY_WEIGHT, KEYPHRASE_WEIGHT = 1.0, 1.5
TOP_TERMS = 120  # terms kept per article vector
QUERY_TERMS = 10  # an article's terms looked up in the index
INDEX_TERMS = 12  # a topic's terms in the index
CANDIDATES = 24  # topics scored exactly per article
ONLINE = 3.0  # assignment bar, times the threshold
ADOPT, CLEAR = 0.3, 2.0
RELATED = 5
RELATED_FLOOR = 0.05

_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’.-][^\W_]+)*")
STOP = frozenset(str.split("""
a about above across after again against ago all almost also although always am among an and
another any anyone are around as at back be became because become been before being below
between both but by came can cannot could did do does doing done down during each either else
even ever every few for from further get gets getting go going got had has have having he her
here hers herself him himself his how however i if in including into is it its itself just
last least less let like made make many may me might more most much must my myself near
need never new next no nor not now of off often on once one only or other others our ours out
over own per put rather said same say saying says see seen she should since so some still
such take than that the their theirs them themselves then there these they this those though
three through thus to told too toward two under until up upon us use used very via was we
week weeks well were what when where whether which while who whom whose why will with within
without would year years yesterday yet you your today tomorrow monday tuesday wednesday
thursday friday saturday sunday january february march april may june july august september
october november december mr mrs ms dr according added asked called came come comes time times
percent people day days month months official officials report reported reports news
"""))


Vec = tuple[array, array]
"""(term ids, weights), strongest first."""


@dataclass
class Cluster:
    members: list[int]
    total: dict[int, float]
    """Sum of the members' unit vectors."""
    first: int
    last: int
    """Day numbers (or -1 without dates) of the earliest and latest member."""
    indexed: list[int] = field(default_factory=list)


def day_number(iso: str) -> int:
    try:
        return Date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return -1


def tokens(text: str) -> list[str]:
    """Lower-case content words, possessives and plurals folded ("hostages'" -> "hostage")."""
    normal = _NORMAL
    found = []
    for word in _WORD.findall(text.lower()):
        term = normal.get(word)
        if term is None:
            term = _normalise(word)
            if len(normal) < 2_000_000:
                normal[word] = term
        if term:
            found.append(term)
    return found


_NORMAL: dict[str, str] = {}  # word -> term ("" for a stop word), a cache: words repeat


def _normalise(word: str) -> str:
    word = word.replace("’", "'").removesuffix("'s").strip(".'-")
    if len(word) < 2 or word in STOP:
        return ""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def raw_terms(article: Article, extraction: Extraction, title: str) -> Counter[str]:
    """Weighted term counts of one article, before document frequencies."""
    counts: Counter[str] = Counter()
    for word in tokens(title):
        counts[word] += TITLE_WEIGHT
    text, size = [], 0
    for paragraph in article.paragraphs:  # enough text for BODY_TOKENS, not the whole article
        if size > 20 * BODY_TOKENS:
            break
        text.append(paragraph)
        size += len(paragraph)
    body = tokens(" ".join(text))[:BODY_TOKENS]
    for position, word in enumerate(body):
        counts[word] += LEAD_WEIGHT if position < LEAD_TOKENS else 1.0
    for mention in extraction.mentions:
        if mention.key:
            counts["e:" + mention.key] += ENTITY_WEIGHT
    for keyword in extraction.keywords:
        counts["k:" + keyword.text.lower()] += KEYPHRASE_WEIGHT
    return counts


def vectors(raw: Iterable[Counter[str]], vocab: dict[str, int] | None = None) -> list[Vec]:
    """Sublinear TF x smooth IDF, terms seen in one article only dropped, the strongest
    terms kept (strongest first), unit length. Terms become integer ids in order of first
    appearance; vectors are compact arrays, so 100,000 articles fit in little memory."""
    vocab = {} if vocab is None else vocab  # filled here: term -> id
    ids, counts, bounds = array("i"), array("d"), [0]
    for doc in raw:
        for term, count in doc.items():
            if count > 0:
                ids.append(vocab.setdefault(term, len(vocab)))
                counts.append(count)
        bounds.append(len(ids))
    n = len(bounds) - 1
    term = np.frombuffer(ids, dtype=np.int32) if ids else np.zeros(0, dtype=np.int32)
    count = np.frombuffer(counts, dtype=np.float64) if counts else np.zeros(0)
    df = np.bincount(term, minlength=len(vocab))[term]
    weight = np.where(count >= 1, 1 + np.log(np.maximum(count, 1)), count)
    weight *= np.log((n + 1) / (df + 1)) + 1
    if n >= 3:
        weight[df <= 1] = 0.0
    result = []
    for start, end in itertools.pairwise(bounds):
        w, t = weight[start:end], term[start:end]
        order = np.lexsort((t, -w))[:TOP_TERMS]
        order = order[w[order] > 0]
        top = w[order]
        norm = float(np.sqrt(np.dot(top, top))) or 1.0
        result.append((array("i", t[order].tobytes()), array("d", (top / norm).tobytes())))
    return result


def vec_dot(vec: Vec, total: dict[int, float]) -> float:
    # Terms missing from `total` add exactly 0.0: skipping them keeps the sum bit-identical.
    return sum(total[t] * w for t, w in zip(vec[0], vec[1], strict=True) if t in total)


def decay(days_apart: float, scale: float) -> float:
    """How much of a similarity counts `days_apart` days away: 1 at 0, 1/2 at `scale`."""
    return 1.0 / (1.0 + max(0.0, days_apart) / scale) if scale > 0 else 1.0


def _gap(a_first: int, a_last: int, b_first: int, b_last: int) -> int:
    if min(a_first, b_first) < 0:
        return 0
    return max(0, a_first - b_last, b_first - a_last)


def _dot(a: dict[int, float], b: dict[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b)


def cluster(vecs: list[Vec], days: list[int], threshold: float,
            scale: float) -> list[Cluster]:
    """Centroid assignment in date order, then average-link merging; clusters in
    order of their first article."""
    order = sorted(range(len(vecs)), key=lambda i: (days[i] < 0, days[i], i))
    clusters: list[Cluster] = []
    index: dict[int, list[int]] = {}
    horizon = scale * (1 / threshold - 1) if threshold > 0 and scale > 0 else math.inf
    for i in order:
        vec = vecs[i]
        best, best_score = -1, ONLINE * threshold
        for c in _candidates(vec, index, clusters, days[i], horizon):
            topic = clusters[c]
            sim = vec_dot(vec, topic.total) / len(topic.members)  # = dot with the mean vector
            score = sim * decay(_gap(days[i], days[i], topic.first, topic.last), scale)
            if score >= best_score and (score > best_score or best < 0):
                best, best_score = c, score
        if best < 0:
            best = len(clusters)
            clusters.append(Cluster([], {}, days[i], days[i]))
        _add(clusters[best], best, i, vec, days[i], index)
    return _adopt(_merge(clusters, threshold, scale), vecs, threshold, scale)


def _candidates(vec: Vec, index: dict[int, list[int]], clusters: list[Cluster],
                day: int, horizon: float) -> list[int]:
    hits: Counter[int] = Counter()
    for term in vec[0][:QUERY_TERMS]:
        for c in index.get(term, ()):
            hits[c] += 1
    ranked = sorted(hits.items(), key=lambda ch: (-ch[1], -ch[0]))
    found = []
    for c, _ in ranked:
        topic = clusters[c]
        if day >= 0 and topic.last >= 0 and day - topic.last > horizon:
            continue  # too far apart in time to reach the threshold
        found.append(c)
        if len(found) == CANDIDATES:
            break
    return found


def _add(topic: Cluster, number: int, article: int, vec: Vec, day: int,
         index: dict[int, list[int]]) -> None:
    topic.members.append(article)
    for term, weight in zip(vec[0], vec[1], strict=True):
        topic.total[term] = topic.total.get(term, 0.0) + weight
    if day >= 0:
        topic.first = day if topic.first < 0 else min(topic.first, day)
        topic.last = max(topic.last, day)
    size = len(topic.members)
    if size <= 8 or size & (size - 1) == 0 or size % 16 == 0:  # re-index now and then
        _reindex(topic, number, index)


def _reindex(topic: Cluster, number: int, index: dict[int, list[int]]) -> None:
    top = [t for t, _ in heapq.nsmallest(INDEX_TERMS, topic.total.items(),
                                         key=lambda tw: (-tw[1], tw[0]))]
    for term in topic.indexed:
        if term not in top:
            index[term].remove(number)
    for term in top:
        if term not in topic.indexed:
            index.setdefault(term, []).append(number)
    topic.indexed = top


def _fresh_index(clusters: list[Cluster]) -> dict[int, list[int]]:
    index: dict[int, list[int]] = {}
    for number, topic in enumerate(clusters):
        topic.indexed = []
        _reindex(topic, number, index)
    return index


def _neighbours(a: int, clusters: list[Cluster], index: dict[int, list[int]],
                horizon: float) -> list[int]:
    """The other clusters sharing most indexed terms with cluster `a` (at most CANDIDATES),
    leaving out those too far apart in time to matter."""
    hits: Counter[int] = Counter()
    for term in clusters[a].indexed:
        hits.update(index.get(term, ()))
    hits.pop(a, None)
    topic = clusters[a]
    found = []
    for b, _ in sorted(hits.items(), key=lambda bh: (-bh[1], bh[0])):
        other = clusters[b]
        if _gap(topic.first, topic.last, other.first, other.last) <= horizon:
            found.append(b)
            if len(found) == CANDIDATES:
                break
    return sorted(found)


def _average(a: Cluster, b: Cluster, scale: float) -> float:
    sim = _dot(a.total, b.total) / (len(a.members) * len(b.members))
    return sim * decay(_gap(a.first, a.last, b.first, b.last), scale)


def _merge(clusters: list[Cluster], threshold: float, scale: float) -> list[Cluster]:
    """Best-first merging of topics whose average pairwise similarity reaches the threshold."""
    index = _fresh_index(clusters)
    alive = [True] * len(clusters)
    version = [0] * len(clusters)
    heap: list[tuple[float, int, int, int, int]] = []

    horizon = scale * (1 / threshold - 1) if threshold > 0 and scale > 0 else math.inf

    def push_pairs(a: int) -> None:
        for b in _neighbours(a, clusters, index, horizon):
            score = _average(clusters[a], clusters[b], scale)
            if score >= threshold:
                x, y = min(a, b), max(a, b)
                heapq.heappush(heap, (-score, x, y, version[x], version[y]))

    for a in range(len(clusters)):
        push_pairs(a)
    while heap:
        _, a, b, version_a, version_b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or (version[a], version[b]) != (version_a, version_b):
            continue  # one of them changed since; its fresh scores were pushed then
        keep, gone = clusters[a], clusters[b]
        keep.members.extend(gone.members)
        for term, weight in gone.total.items():
            keep.total[term] = keep.total.get(term, 0.0) + weight
        dated = [d for d in (keep.first, gone.first) if d >= 0]
        keep.first = min(dated) if dated else -1
        keep.last = max(keep.last, gone.last)
        alive[b] = False
        for term in gone.indexed:
            index[term].remove(b)
        gone.indexed = []
        _reindex(keep, a, index)
        version[a] += 1
        push_pairs(a)
    merged = [c for c, live in zip(clusters, alive, strict=True) if live]
    for topic in merged:
        topic.members.sort()
    return sorted(merged, key=lambda c: c.members[0])


def _adopt(clusters: list[Cluster], vecs: list[Vec], threshold: float,
           scale: float) -> list[Cluster]:
    """An article left alone joins the topic it is clearly closest to: at least ADOPT of the
    threshold, and CLEAR times closer than to any other topic (an off-angle report of a story)."""
    index = _fresh_index(clusters)
    moves: list[tuple[int, int]] = []
    for a, alone in enumerate(clusters):
        if len(alone.members) != 1:
            continue
        vec = vecs[alone.members[0]]
        scored = []
        for b in sorted({b for t in alone.indexed for b in index.get(t, ()) if b != a}):
            topic = clusters[b]
            if len(topic.members) < 2:
                continue
            sim = vec_dot(vec, topic.total) / len(topic.members)
            scored.append((sim * decay(_gap(alone.first, alone.last, topic.first, topic.last), scale), b))
        scored.sort(key=lambda sb: (-sb[0], sb[1]))
        if scored and scored[0][0] >= ADOPT * threshold and (
                len(scored) == 1 or scored[0][0] >= CLEAR * scored[1][0]):
            moves.append((a, scored[0][1]))
    for a, b in moves:
        _absorb(clusters[b], clusters[a])
    gone = {a for a, _ in moves}
    return [c for n, c in enumerate(clusters) if n not in gone]


def _absorb(keep: Cluster, gone: Cluster) -> None:
    keep.members.extend(gone.members)
    keep.members.sort()
    for term, weight in gone.total.items():
        keep.total[term] = keep.total.get(term, 0.0) + weight
    dated = [d for d in (keep.first, gone.first) if d >= 0]
    keep.first = min(dated) if dated else -1
    keep.last = max(keep.last, gone.last)


def related(clusters: list[Cluster], scale: float) -> list[list[int]]:
    """The closest other clusters of each (centroid cosine damped by the days apart)."""
    index: dict[int, list[int]] = {}
    for number, topic in enumerate(clusters):
        topic.indexed = [t for t, _ in heapq.nsmallest(3 * INDEX_TERMS, topic.total.items(),
                                                       key=lambda tw: (-tw[1], tw[0]))]
        for term in topic.indexed:
            index.setdefault(term, []).append(number)
    norms = [math.sqrt(sum(w * w for w in c.total.values())) or 1.0 for c in clusters]
    found = []
    for a, topic in enumerate(clusters):
        scored = []
        for b in _neighbours(a, clusters, index, math.inf):
            other = clusters[b]
            cosine = _dot(topic.total, other.total) / (norms[a] * norms[b])
            score = cosine * decay(_gap(topic.first, topic.last, other.first, other.last), scale)
            if score >= RELATED_FLOOR:
                scored.append((-score, b))
        found.append([b for _, b in sorted(scored)[:RELATED]])
    return found
