"""Subjects for story grouping: two articles about different subjects are not one story
because they share a report's template.

Wire services file many short reports to one pattern: a company's quarterly results ("Empi
Inc 4th qtr loss" over "Shr loss 25 cts vs profit 11 cts ..."), a dividend notice, a bond
issue. Their only specific word is the subject in the headline (often named nowhere else),
so their vectors hold template words alone and two companies' reports look alike.

A term is specific when few articles hold it (at most SPECIFIC_SHARE of them, and never
fewer than SPECIFIC_FLOOR: a story's own names and places). An article names a subject when
its headline holds a specific term. When one of two articles names a subject and the two
share no specific word or entity key anywhere (headline, text), the other is not about it:
they are about different subjects, and their similarity counts against them: negated,
not 0 (a pair never scored counts 0), so the likeness of two companies' reports (cosines of
0.4-0.8) outweighs a chance link through a rare word. It takes one named subject: a report
whose headline names nothing ("<American Variety International Inc> 4th qtr net", all
common words) was a hub joining others. Two articles that name nothing are left as they
are (a daily "U.K. money market shortage" report shares no rare word with the next). On TAC 2010 this
changes no topic (a story's articles share a rare name or place); at 10,000 Reuters
articles it parts most pairs of different companies' results.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

SPECIFIC_FLOOR = 30  # articles: a story's names and places are rarer than this
SPECIFIC_SHARE = 0.002  # of the articles, when that is more (a long-running story's names)
CHUNK = 50_000  # pairs tested at once

Ints = NDArray[np.int64]
Bools = NDArray[np.bool_]


def specific(counts: csr_matrix, headlines: csr_matrix,
             terms: Sequence[str]) -> tuple[csr_matrix, Bools]:
    """Each article's specific terms (1 per term; rows and columns of `counts`), and whether
    its headline names a subject (holds one). Computed from all the articles' counts, before
    any term is dropped: a subject named once is still a subject. Keyphrases (`terms` "k:")
    never count: a rare phrase of template words ("mths oper shr") is still a template."""
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    phrase = np.fromiter((term.startswith("k:") for term in terms), dtype=bool, count=len(terms))
    rare = ((df <= max(SPECIFIC_FLOOR, SPECIFIC_SHARE * n)) & ~phrase).astype(np.float64)
    # A term in one article is shared with none: left out of the rows it only makes longer.
    held = csr_matrix(counts.multiply((rare * (df > 1))[np.newaxis, :]))
    held.eliminate_zeros()
    held.data[:] = 1.0
    named = csr_matrix(headlines.multiply(rare[np.newaxis, :]))
    named.eliminate_zeros()
    return held, np.diff(named.indptr) > 0


def apart(terms: csr_matrix, named: Bools, u: Ints, v: Ints) -> Bools:
    """Pairs (u[i], v[i]) about different subjects: a headline names one and the two
    articles share no specific term."""
    out = named[u] | named[v]
    for start in range(0, len(u), CHUNK):
        part = np.flatnonzero(out[start:start + CHUNK]) + start
        if len(part):
            shared = np.asarray(terms[u[part]].multiply(terms[v[part]]).sum(axis=1)).ravel()
            out[part] = shared == 0
    return out
