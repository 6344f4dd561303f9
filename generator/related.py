"""Related topics: for each topic the few closest others, the "full coverage" links of its
page. Closeness is the cosine of two topics' centroids over their strongest terms, damped
by the days between their spans (`grouping.decay`); candidates come from the same sparse
search as article neighbours (`grouping.candidate_pairs`). A rebuild (`closest_update`)
rescores only what a changed topic can affect."""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix

from generator.grouping import Floats, Ints, candidate_pairs, cosines, decay, gap
from generator.vectors import normalise, strongest

RELATED, RELATED_FLOOR, RELATED_TERMS, RELATED_QUERY = 5, 0.05, 200, 50


def centroids(matrix: csr_matrix, groups: list[list[int]]) -> csr_matrix:
    """One row per group: the sum of its members' rows."""
    rows = np.repeat(np.arange(len(groups)), [len(g) for g in groups])
    cols = np.concatenate([np.asarray(g, dtype=np.int64) for g in groups]) if groups else rows
    indicator = csr_matrix((np.ones(len(rows)), (rows, cols)),
                           shape=(len(groups), matrix.shape[0]))
    return csr_matrix(indicator @ matrix)


def spans(days: Ints, groups: list[list[int]]) -> tuple[Ints, Ints]:
    """First and last dated day of each group (-1 when none is dated)."""
    first = np.full(len(groups), -1)
    last = np.full(len(groups), -1)
    for number, group in enumerate(groups):
        dated = days[group][days[group] >= 0]
        if len(dated):
            first[number], last[number] = dated.min(), dated.max()
    return first, last


def closest(matrix: csr_matrix, groups: list[list[int]], days: Ints,
            scale: float) -> list[list[int]]:
    """The closest other groups of each (centroid cosine over their strongest terms, damped
    by the days between them), closest first, at most RELATED."""
    if len(groups) < 2:
        return [[] for _ in groups]
    central = normalise(strongest(centroids(matrix, groups), RELATED_TERMS))
    u, v = candidate_pairs(central, 4 * RELATED, RELATED_QUERY)
    first, last = spans(days, groups)
    score = cosines(central, u, v) * decay(gap(first[u], last[u], first[v], last[v]), scale)
    keep = score >= RELATED_FLOOR
    return _best(len(groups), np.concatenate([u[keep], v[keep]]),
                    np.concatenate([v[keep], u[keep]]), np.concatenate([score[keep], score[keep]]))


def closest_update(matrix: csr_matrix, groups: list[list[int]], days: Ints, scale: float,
                   previous: list[list[int] | None]) -> list[list[int]]:
    """`closest` for a rebuild. `previous` holds each unchanged group's previous list (-1 for
    a group since changed or gone), None for a group whose articles changed. A changed group
    is compared with every group and offered to the lists of the unchanged ones, whose other
    entries are rescored; an unchanged group whose list came out shorter (a group it named
    went) is compared with every group. Cosines here are exact: a rebuild scores few pairs."""
    if len(groups) < 2:
        return [[] for _ in groups]
    central = normalise(strongest(centroids(matrix, groups), RELATED_TERMS))
    first, last = spans(days, groups)

    def damped(u: Ints, v: Ints, score: Floats) -> tuple[Ints, Ints, Floats]:
        score = score * decay(gap(first[u], last[u], first[v], last[v]), scale)
        keep = (u != v) & (score >= RELATED_FLOOR)
        return u[keep], v[keep], score[keep]

    def against_all(rows: Ints) -> tuple[Ints, Ints, Floats]:
        product = csr_matrix(central[rows] @ central.T)
        return damped(np.repeat(rows, np.diff(product.indptr)),
                      product.indices.astype(np.int64), product.data)

    u, v, score = against_all(np.array([n for n, p in enumerate(previous) if p is None], np.int64))
    known = np.array([p is not None for p in previous])
    ku = np.array([n for n, p in enumerate(previous) for m in p or () if m >= 0], np.int64)
    kv = np.array([m for p in previous for m in p or () if m >= 0], np.int64)
    ku, kv, kept = damped(ku, kv, cosines(central, ku, kv))
    # A changed group's own list, its place in the unchanged groups' lists, their old entries.
    found = _best(len(groups), np.r_[u, v[known[v]], ku], np.r_[v, u[known[v]], kv],
                     np.r_[score, score[known[v]], kept])
    short = [n for n, p in enumerate(previous) if p is not None and len(found[n]) < len(p)]
    if short:
        again = _best(len(groups), *against_all(np.array(short, dtype=np.int64)))
        for n in short:
            found[n] = again[n]
    return found


def _best(count: int, a: Ints, b: Ints, score: Floats) -> list[list[int]]:
    """For each of `count` groups, its partners b (pairs a -> b) with the highest scores,
    closest first (ties: lower b), at most RELATED."""
    found: list[list[int]] = [[] for _ in range(count)]
    for index in np.lexsort((b, -score, a)).tolist():
        if len(found[a[index]]) < RELATED:
            found[a[index]].append(int(b[index]))
    return found
