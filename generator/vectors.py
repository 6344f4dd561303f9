"""Term vectors for story grouping: one L2-normalised TF-IDF row per article.

Terms are lower-case content words of the title (x3), lead (x2) and body, with
possessives and plurals folded, plus the article's entity keys (`e:`) and keyphrases
(`k:`). Weights are sublinear term frequency times smoothed inverse document frequency
from the corpus itself; a term seen in one article only says nothing about grouping and is
dropped; each row keeps its strongest terms. Term ids follow first appearance in article
order, so the matrix is the same whatever the hash seed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date as Date

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

from generator.model import Article, Extraction

TITLE_WEIGHT, LEAD_WEIGHT = 3.0, 2.0
LEAD_TOKENS, BODY_TOKENS = 60, 200  # the rest of a long article adds noise, not identity
BODY_CHARS = 3000  # enough text for BODY_TOKENS content words
ENTITY_WEIGHT, KEYPHRASE_WEIGHT = 0.5, 1.5
TOP_TERMS = 120  # terms kept per article

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

_NORMAL: dict[str, str] = {}  # word -> term ("" for a stop word), a cache: words repeat


def day_number(iso: str) -> int:
    """Days since year 1 of an ISO date, -1 without one."""
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


def _normalise(word: str) -> str:
    word = word.replace("’", "'").removesuffix("'s").strip(".'-")
    if len(word) < 2 or word in STOP:
        return ""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


class _WordIds(dict[str, int]):
    """Word -> term id (-1 for a stop word), a new word's term looked up on first sight."""

    def __init__(self, vocab: dict[str, int]) -> None:
        super().__init__()
        self.vocab = vocab

    def __missing__(self, word: str) -> int:
        term = _normalise(word)
        number = self.vocab.setdefault(term, len(self.vocab)) if term else -1
        self[word] = number
        return number


class _Terms:
    """Term ids of texts and names, numbered in order of first appearance."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self._word_ids = _WordIds(self.vocab)  # a word's term is worked out once per corpus

    def ids(self, text: str) -> NDArray[np.int32]:
        words = _WORD.findall(text.lower())
        found = np.fromiter(map(self._word_ids.__getitem__, words), dtype=np.int32,
                            count=len(words))
        return found[found >= 0]

    def named(self, terms: list[str]) -> NDArray[np.int32]:
        claim, vocab = self.vocab.setdefault, self.vocab
        return np.fromiter((claim(t, len(vocab)) for t in terms), dtype=np.int32, count=len(terms))


def _article_terms(article: Article, extraction: Extraction, title: str,
                   terms: _Terms) -> tuple[NDArray[np.int32], NDArray[np.float64]]:
    """Every weighted occurrence of a term in one article (repeats are summed later)."""
    text, size = [], 0
    for paragraph in article.paragraphs:
        if size > BODY_CHARS:
            break
        text.append(paragraph)
        size += len(paragraph)
    head = terms.ids(title)
    body = terms.ids(" ".join(text))[:BODY_TOKENS]
    entities = terms.named(["e:" + m.key for m in extraction.mentions if m.key])
    phrases = terms.named(["k:" + k.text.lower() for k in extraction.keywords])
    weights = np.repeat([TITLE_WEIGHT, LEAD_WEIGHT, 1.0, ENTITY_WEIGHT, KEYPHRASE_WEIGHT],
                        [len(head), min(len(body), LEAD_TOKENS), max(0, len(body) - LEAD_TOKENS),
                         len(entities), len(phrases)])
    return np.concatenate([head, body, entities, phrases]), weights


def term_matrix(articles: Sequence[Article], extractions: dict[str, Extraction],
                titles: Sequence[str]) -> tuple[csr_matrix, dict[str, int]]:
    """The articles' unit TF-IDF rows (strongest TOP_TERMS terms each) and the term ids."""
    terms = _Terms()
    ids, weights, bounds = [], [], [0]
    for article, title in zip(articles, titles, strict=True):
        found, counts = _article_terms(article, extractions[article.id], title, terms)
        ids.append(found)
        weights.append(counts)
        bounds.append(bounds[-1] + len(found))
    n, vocab = len(articles), terms.vocab
    matrix = csr_matrix((np.concatenate([np.zeros(0), *weights]),
                         np.concatenate([np.zeros(0, np.int32), *ids]),
                         np.asarray(bounds, dtype=np.int64)), shape=(n, len(vocab)))
    matrix.sum_duplicates()  # repeats of a term add up, in a fixed order
    tf = matrix.data
    tf[:] = np.where(tf >= 1, 1 + np.log(np.maximum(tf, 1)), tf)
    df = np.bincount(matrix.indices, minlength=len(vocab))
    tf *= np.log((n + 1) / (df + 1))[matrix.indices]  # 0 for a term in every article
    if n >= 3:
        tf[df[matrix.indices] <= 1] = 0.0
    return normalise(strongest(matrix, TOP_TERMS)), vocab


def strongest(matrix: csr_matrix, keep: int) -> csr_matrix:
    """Each row's `keep` largest positive entries (ties: lower column), others dropped."""
    matrix = csr_matrix(matrix)
    matrix.sort_indices()
    counts = np.diff(matrix.indptr)
    if matrix.nnz == 0 or (counts.max() <= keep and matrix.data.min() > 0):
        return matrix
    peak = max(float(matrix.data.max()), 1e-300)
    rows = np.repeat(np.arange(matrix.shape[0], dtype=np.float64), counts)
    # One sort key: the row, then the weight downwards (a fraction below 1); stable for ties.
    order = np.argsort(rows - matrix.data / (2 * peak), kind="stable")
    rank = np.arange(len(order)) - np.repeat(matrix.indptr[:-1], counts)
    chosen = order[(rank < keep) & (matrix.data[order] > 0)]
    chosen.sort()  # back in row order, columns ascending within each row
    return csr_matrix((matrix.data[chosen], matrix.indices[chosen],
                       np.searchsorted(chosen, matrix.indptr)), shape=matrix.shape)


def normalise(matrix: csr_matrix) -> csr_matrix:
    """Rows scaled to unit length (empty rows stay empty)."""
    lengths = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    lengths[lengths == 0] = 1.0
    scaled = matrix.copy()
    scaled.data /= np.repeat(lengths, np.diff(matrix.indptr))
    return scaled
