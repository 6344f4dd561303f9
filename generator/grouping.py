"""Story grouping: average-linkage clustering of TF-IDF rows, time as a soft decay.

Two articles' similarity is the cosine of their term vectors (`generator.vectors`) plus
how much their nearest neighbours overlap (SHARED times the cosine of their rows of
neighbour similarities: the shared-nearest-neighbour idea of Jarvis and Patrick, so two
reports of one story told in other words count as close when the same articles are close
to both), damped by the days between them (`scale` is the time scale: at `scale` days
apart a similarity counts half). Topics are average-linkage clusters cut at `threshold`:
two groups merge while the mean similarity over all their article pairs reaches it, so
two stories are never chained together through one article that mentions both.

To stay near-linear, only candidate pairs are scored: each article's NEIGHBOURS articles
that share most weight on their QUERY_TERMS strongest terms (one sparse product per block
of rows); a pair never scored counts as similarity 0, and an article's NEAREST best
scored pairs (NEAR times the threshold or more) are its neighbours for the overlap.
Clustering then merges every pair of groups that are each other's best match at once,
round after round (for average linkage this gives the same clusters as merging the single
best pair at a time), with the group similarities kept as sums so a merge only adds rows.

A rebuild (`assign`) keeps the old groups and places only new rows, with exact cosines to
every article. Every order is explicit (article index, then scores with index
tie-breaks), never set or hash order."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

from generator.subjects import apart
from generator.vectors import normalise, strongest

Ints = NDArray[np.int64]
Floats = NDArray[np.float64]
Subjects = tuple[csr_matrix, NDArray[np.bool_]]  # subjects.specific: an article's rare terms, named

QUERY_TERMS = 20  # an article's terms that find its candidate neighbours
NEIGHBOURS = 30  # candidate neighbours scored per article
COMMON = 0.01  # a query term in more than this share of articles (and 200) finds nobody
BLOCK = 4000  # rows per sparse product, to bound memory
CHUNK = 50_000  # pairs scored at once
ADOPT, CLEAR, ESTABLISHED = 0.2, 1.2, 4  # bars for a lone article to join a group (adopt)
NEAREST, SHARED = 5, 1.0  # neighbours per article in the overlap, and the overlap's weight
NEAR = 0.67  # share of the threshold a pair's similarity needs to make them neighbours


def decay(days_apart: Floats, scale: float) -> Floats:
    """How much of a similarity counts `days_apart` days away: 1 at 0, 1/2 at `scale`."""
    if scale <= 0:
        return np.ones_like(days_apart)
    return 1.0 / (1.0 + np.maximum(days_apart, 0.0) / scale)


def cluster(matrix: csr_matrix, days: Ints, threshold: float, scale: float,
            subjects: Subjects | None = None) -> list[list[int]]:
    """Article indexes of each topic, ascending; topics in order of their first article.
    `days` are day numbers, -1 for an undated article (never damped). The similarity of a
    pair about different `subjects` (see `generator.subjects`) counts against it."""
    u, v, similarity = similarities(matrix, days, threshold, scale, subjects)
    labels = average_link(matrix.shape[0], u, v, similarity, threshold)
    return members(adopt(labels, u, v, similarity, threshold))


def similarities(matrix: csr_matrix, days: Ints, threshold: float, scale: float,
                 subjects: Subjects | None = None) -> tuple[Ints, Ints, Floats]:
    """The candidate pairs (u < v) with their similarity, pairs of similarity 0 left out."""
    u, v, similarity, damping, near = neighbourhood(matrix, days, NEAR * threshold, scale, subjects)
    similarity = _with_shared(near, u, v, similarity, damping, NEAR * threshold)
    keep = similarity != 0
    return u[keep], v[keep], similarity[keep]


def neighbourhood(matrix: csr_matrix, days: Ints, floor: float, scale: float,
                  subjects: Subjects | None) -> tuple[Ints, Ints, Floats, Floats, csr_matrix]:
    """The candidate pairs, their damped cosines (negative for different subjects), the
    damping by days apart, and each
    row's NEAREST most similar rows among them at `floor` or more, as unit rows of
    similarities. The floor keeps a story with few articles from taking weak links as
    neighbours (two stories sharing only a frequent name would then share neighbours)."""
    u, v = candidate_pairs(matrix, NEIGHBOURS, QUERY_TERMS)
    damping = _damping(days, u, v, scale)
    similarity = _signed(cosines(matrix, u, v) * damping, u, v, subjects)
    close = similarity >= floor
    n = matrix.shape[0]
    pairs = csr_matrix((np.r_[similarity[close], similarity[close]],
                        (np.r_[u[close], v[close]], np.r_[v[close], u[close]])), shape=(n, n))
    return u, v, similarity, damping, normalise(strongest(pairs, NEAREST))


def _damping(days: Ints, u: Ints, v: Ints, scale: float) -> Floats:
    return decay(gap(days[u], days[u], days[v], days[v]), scale)


def _signed(similarity: Floats, u: Ints, v: Ints, subjects: Subjects | None) -> Floats:
    """Negative for a pair about different subjects."""
    if subjects is not None:
        similarity[apart(*subjects, u, v)] *= -1.0
    return similarity


def _with_shared(near: csr_matrix, u: Ints, v: Ints, similarity: Floats, damping: Floats,
                 floor: float) -> Floats:
    """The pairs' similarity plus their neighbours' overlap, damped alike, for pairs that
    are neighbours themselves (`floor` or more, as Jarvis and Patrick link only points in
    each other's lists): a story's articles share neighbours, two stories that only touch
    share some too."""
    shared = SHARED * cosines(near, u, v) * damping
    return similarity + np.where(similarity >= floor, shared, 0.0)


def assign(matrix: csr_matrix, days: Ints, old: Ints, threshold: float,
           scale: float, subjects: Subjects | None = None) -> list[list[int]]:
    """`cluster` for a rebuild: rows with `old` >= 0 stay in their old group (numbered by
    `old`), the other rows are placed by the same rules: average linkage over the old
    groups (which never merge with each other) and the new rows, then `adopt` for a new
    row left alone. Cosines are exact over all pairs with a new row (the candidate search
    only bounds the work of a full pass); neighbours are found as in a full pass."""
    n = matrix.shape[0]
    new = np.flatnonzero(old < 0)
    # A node per old group (its first row) and per new row; the other rows belong to one.
    first = np.full(int(old.max(initial=-1)) + 1, n)
    np.minimum.at(first, old[old >= 0], np.flatnonzero(old >= 0))
    node = np.arange(n)
    node[old >= 0] = first[old[old >= 0]]
    if not len(new):
        return members(node)
    near = neighbourhood(matrix, days, NEAR * threshold, scale, subjects)[4]
    product = csr_matrix(matrix[new] @ matrix.T)
    rows = np.repeat(new, np.diff(product.indptr))
    cols = product.indices.astype(np.int64)
    keep = (old[cols] >= 0) | (cols > rows)  # a pair of new rows once, never a row with itself
    u, v = np.minimum(rows, cols)[keep], np.maximum(rows, cols)[keep]
    damping = _damping(days, u, v, scale)
    similarity = _signed(product.data[keep] * damping, u, v, subjects)
    similarity = _with_shared(near, u, v, similarity, damping, NEAR * threshold)
    keep = similarity != 0
    u, v, similarity = u[keep], v[keep], similarity[keep]
    # Node pairs with their summed similarity: a new row's pairs with a group add up.
    keys = np.minimum(node[u], node[v]) * n + np.maximum(node[u], node[v])
    order = np.argsort(keys, kind="stable")
    keys, total = keys[order], similarity[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else keys
    total = np.add.reduceat(total, starts) if len(keys) else total
    fixed = np.zeros(n, dtype=bool)
    fixed[first[first < n]] = True
    labels = average_link(n, keys[starts] // n, keys[starts] % n, total, threshold,
                          np.bincount(node, minlength=n).astype(np.float64), fixed)[node]
    labels[new] = adopt(labels, u, v, similarity, threshold)[new]
    return members(labels)


def adopt(labels: Ints, u: Ints, v: Ints, similarity: Floats, threshold: float) -> Ints:
    """An article left alone joins the group it is clearly closest to (an off-angle report
    of a story, sharing too few words with the rest): mean similarity to its members at
    least ADOPT times the threshold and CLEAR times that to any other group, when that group
    is a story of at least ESTABLISHED articles. A smaller group may itself be a chance
    link, and where most stories have one report a lone article always has some group
    clearly closest: adopted by pairs too, 183 single reports of different stories (one
    article of each TAC and DUC-2004 set) made 108 topics."""
    size = np.bincount(labels, minlength=len(labels))
    a, b, s = np.concatenate([u, v]), np.concatenate([v, u]), np.concatenate([similarity, similarity])
    alone = (size[labels[a]] == 1) & (size[labels[b]] > 1)
    a, group, s = a[alone], labels[b[alone]], s[alone]
    keys = a * len(labels) + group
    order = np.argsort(keys, kind="stable")
    keys, s = keys[order], s[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else keys
    mean = (np.add.reduceat(s, starts) if len(keys) else s) / size[keys[starts] % len(labels)]
    a, group = keys[starts] // len(labels), keys[starts] % len(labels)
    order = np.lexsort((group, -mean, a))
    a, group, mean = a[order], group[order], mean[order]
    best = np.flatnonzero(np.r_[True, a[1:] != a[:-1]]) if len(a) else np.zeros(0, np.int64)
    runner = best[best + 1 < len(a)] + 1  # the next row: the second-best group, if the same article
    runner = runner[a[runner] == a[runner - 1]]
    second = np.zeros(len(labels))
    second[a[runner]] = mean[runner]
    clear = ((mean[best] >= ADOPT * threshold) & (mean[best] >= CLEAR * second[a[best]])
             & (size[group[best]] >= ESTABLISHED))
    moved = labels.copy()
    moved[a[best[clear]]] = group[best[clear]]
    return moved


def members(labels: Ints) -> list[list[int]]:
    """Groups of equal label, each ascending, ordered by their first index."""
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    groups = [part.tolist() for part in np.split(order, bounds)] if len(labels) else []
    return sorted(groups, key=lambda group: group[0])


def candidate_pairs(matrix: csr_matrix, neighbours: int, query: int) -> tuple[Ints, Ints]:
    """Pairs (u < v, each once, ascending): for each row, the `neighbours` rows with most
    shared weight on both rows' `query` strongest terms. Terms in too many rows are left out
    of the search (they would make it quadratic; they still count in the similarity)."""
    n = matrix.shape[0]
    top = strongest(matrix, query)
    spread = np.bincount(top.indices, minlength=matrix.shape[1])
    common = spread > max(200, COMMON * n)
    if common.any():
        top = csr_matrix(top.multiply((~common)[np.newaxis, :].astype(np.float64)))
        top.eliminate_zeros()
    transposed = csr_matrix(top.T)
    found = []
    for start in range(0, n, BLOCK):
        block = csr_matrix(top[start:start + BLOCK] @ transposed)
        rows = np.repeat(np.arange(block.shape[0]), np.diff(block.indptr)) + start
        block.data[block.indices == rows] = 0.0  # an article is not its own neighbour
        best = strongest(block, neighbours)
        rows = np.repeat(np.arange(best.shape[0]), np.diff(best.indptr)) + start
        cols = best.indices.astype(np.int64)
        found.append(np.minimum(rows, cols) * n + np.maximum(rows, cols))
    keys = np.unique(np.concatenate(found)) if found else np.zeros(0, np.int64)
    return keys // max(n, 1), keys % max(n, 1)


def cosines(matrix: csr_matrix, u: Ints, v: Ints) -> Floats:
    """Dot products of rows u[i] and v[i] (cosines for unit rows)."""
    out = np.empty(len(u))
    for start in range(0, len(u), CHUNK):
        end = start + CHUNK
        product = matrix[u[start:end]].multiply(matrix[v[start:end]])
        out[start:end] = np.asarray(product.sum(axis=1)).ravel()
    return out


def average_link(n: int, u: Ints, v: Ints, similarity: Floats, threshold: float,
                 sizes: Floats | None = None, fixed: NDArray[np.bool_] | None = None) -> Ints:
    """A group label per item: average-linkage clusters over the pairs (u < v, each once)
    cut at `threshold`; pairs not given count as similarity 0. An item may stand for a group
    already made (`sizes` articles, `similarity` summed over their pairs); two `fixed`
    items, or groups holding one, never merge."""
    labels = np.arange(n)
    size = np.ones(n) if sizes is None else sizes.astype(np.float64)
    total = similarity.copy()  # summed similarity of the two groups' item pairs
    fixed = None if fixed is None else fixed.copy()
    while len(u):
        if fixed is not None:
            live = ~(fixed[u] & fixed[v])
            u, v, total = u[live], v[live], total[live]
            if not len(u):
                break
        score = total / (size[u] * size[v])
        # Each group's best match: highest score, then lowest index. Listing each group's
        # partners in ascending index (lower ones first) makes the stable sort break ties so.
        a, b, s = np.concatenate([v, u]), np.concatenate([u, v]), np.concatenate([score, score])
        order = np.argsort(a - s / 4.0, kind="stable")  # scores lie in [-1, 1]
        a, b, s = a[order], b[order], s[order]
        first = np.r_[True, a[1:] != a[:-1]]
        best = np.full(n, -1)
        best[a[first]] = b[first]
        groups, partners, scores = a[first], b[first], s[first]
        pair = (groups < partners) & (best[partners] == groups) & (scores >= threshold)
        if not pair.any():
            break
        root = np.arange(n)
        root[partners[pair]] = groups[pair]
        size[groups[pair]] += size[partners[pair]]
        if fixed is not None:
            fixed[groups[pair]] |= fixed[partners[pair]]
        labels = root[labels]
        u, v = root[u], root[v]
        apart = u != v
        lo, hi = np.minimum(u[apart], v[apart]), np.maximum(u[apart], v[apart])
        keys = lo * n + hi
        order = np.argsort(keys, kind="stable")
        keys, total = keys[order], total[apart][order]
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else keys
        total = np.add.reduceat(total, starts) if len(keys) else total
        u, v = keys[starts] // n, keys[starts] % n
    return labels


def gap(a_first: Ints, a_last: Ints, b_first: Ints, b_last: Ints) -> Floats:
    """Days between two spans, 0 when they overlap or one is undated."""
    gap: Floats = np.maximum(0, np.maximum(a_first - b_last, b_first - a_last)).astype(np.float64)
    gap[(a_first < 0) | (b_first < 0)] = 0.0
    return gap


