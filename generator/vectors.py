"""Term vectors for story grouping: one L2-normalised TF-IDF row per article.

Terms are lower-case content words of the title (x3), lead (x2) and body, with
possessives and plurals folded, plus the article's entity keys (`e:`) and keyphrases
(`k:`). Weights are sublinear term frequency times smoothed inverse document frequency
from the corpus itself; a term seen in one article only says nothing about grouping and is
dropped; each row keeps its strongest terms.

Words are found without a Python step per word (100,000 articles hold 30 million): a
batch of texts is scanned as one byte array, each word known by a 64-bit polynomial hash
of its bytes, and only each distinct word is decoded and normalised, once. Term ids follow
first sight, batch by batch in article order and by hash within a batch, so the matrix is
the same whatever the hash seed.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from datetime import date as Date

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import coo_matrix, csr_matrix

from generator.model import Article, Extraction

TITLE_WEIGHT, LEAD_WEIGHT = 3.0, 2.0
LEAD_TOKENS, BODY_TOKENS = 60, 200  # the rest of a long article adds noise, not identity
BODY_CHARS = 3000  # enough text for BODY_TOKENS content words
ENTITY_WEIGHT, KEYPHRASE_WEIGHT = 0.5, 1.5
TOP_TERMS = 120  # terms kept per article
BATCH_BYTES = 4_000_000  # text scanned at once: the byte arrays take about 10 bytes a byte
CACHE_BITS = 22  # 4 million slots for words already seen (64 MB)
CACHE_SLOTS = 1 << CACHE_BITS

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

Ints = NDArray[np.int64]
Int32s = NDArray[np.int32]

# Byte classes: a word starts at a letter, goes on with letters and digits, and may hold a
# single ' . or - between two of them ("u.s", "o'neill", "cease-fire"). Every byte of a
# non-ASCII character counts as a letter except Latin-1 and general punctuation (see _scan).
_SEPARATOR, _LETTER, _DIGIT, _JOINER = 0, 1, 2, 3
_CLASS = np.zeros(256, dtype=np.uint8)
_CLASS[np.frombuffer(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", np.uint8)] = _LETTER
_CLASS[128:] = _LETTER
_CLASS[np.frombuffer(b"0123456789", np.uint8)] = _DIGIT
_CLASS[np.frombuffer(b"'.-", np.uint8)] = _JOINER
_WORDY = (_CLASS == _LETTER) | (_CLASS == _DIGIT)
_JOINS = _CLASS == _JOINER
_BASE, _LENGTH_MIX = np.uint64(0x100000001B3), np.uint64(0x9E3779B97F4A7C15)
_EMPTY = -2  # a cache slot never filled
_MASKS = np.array([(1 << 8 * k) - 1 for k in range(9)], dtype=np.uint64)  # the first k bytes


def day_number(iso: str) -> int:
    """Days since year 1 of an ISO date, -1 without one."""
    try:
        return Date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return -1


def normalise_word(word: str) -> str:
    """A word's term: possessive and plural folded ("hostages'" -> "hostage"), "" for a stop word."""
    word = word.replace("’", "'").removesuffix("'s").strip(".'-")
    if len(word) < 2 or word in STOP:
        return ""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


class WordTerms:
    """Term ids of the content words of texts, numbered in order of first sight."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}  # term -> id
        self._hashes = np.zeros(0, dtype=np.uint64)  # words seen, sorted, and their term ids
        self._terms = np.zeros(0, dtype=np.int64)
        # A direct-mapped cache in front of the sorted arrays (a search there is slow: every
        # probe a cache miss). It only speeds lookups: a slot answers for its own hash only.
        self._slot_hashes = np.zeros(CACHE_SLOTS, dtype=np.uint64)
        self._slot_terms = np.full(CACHE_SLOTS, _EMPTY, dtype=np.int64)

    def of(self, texts: Sequence[str], limit: int = 0) -> tuple[Int32s, Int32s]:
        """Term ids of the texts' content words in reading order (the first `limit` of each
        text when given), and the text of each."""
        ids, owners, start = [np.zeros(0, np.int32)], [np.zeros(0, np.int32)], 0
        while start < len(texts):
            encoded: list[bytes] = []
            size = 0
            while start + len(encoded) < len(texts) and (size < BATCH_BYTES or not encoded):
                encoded.append(texts[start + len(encoded)].lower().replace("’", "'").encode())
                size += len(encoded[-1]) + 1
            found, owner = self._batch(b" ".join(encoded), [len(e) + 1 for e in encoded])
            keep = found >= 0
            found, owner = found[keep], owner[keep]
            if limit:
                keep = np.arange(len(owner)) - np.searchsorted(owner, owner) < limit
                found, owner = found[keep], owner[keep]
            ids.append(found.astype(np.int32))  # 30 million words: half the memory
            owners.append((owner + start).astype(np.int32))
            start += len(encoded)
        return np.concatenate(ids), np.concatenate(owners)

    def _batch(self, text: bytes, sizes: list[int]) -> tuple[Ints, Ints]:
        starts, ends = _scan(np.frombuffer(text, dtype=np.uint8))
        owner = np.searchsorted(np.cumsum(sizes), starts, side="right").astype(np.int64)
        hashes = _hashes(text, starts, ends)
        slots = ((hashes * _LENGTH_MIX) >> np.uint64(64 - CACHE_BITS)).astype(np.int64)
        terms = self._slot_terms[slots]
        missed = np.flatnonzero((self._slot_hashes[slots] != hashes) | (terms == _EMPTY))
        if len(missed):
            terms[missed] = self._lookup(text, starts[missed], ends[missed], hashes[missed])
            self._slot_hashes[slots[missed]] = hashes[missed]
            self._slot_terms[slots[missed]] = terms[missed]
        return terms, owner

    def _lookup(self, text: bytes, starts: Ints, ends: Ints, hashes: NDArray[np.uint64]) -> Ints:
        """Term ids of words by hash; a word never seen is decoded and normalised once."""
        words, first, inverse = np.unique(hashes, return_index=True, return_inverse=True)
        place = np.searchsorted(self._hashes, words)  # sorted queries: fewer cache misses
        seen = place < len(self._hashes)
        seen[seen] = self._hashes[place[seen]] == words[seen]
        if not seen.all():
            terms = [normalise_word(text[starts[k]:ends[k]].decode("utf-8", "replace"))
                     for k in first[~seen].tolist()]
            ids = [self.vocab.setdefault(term, len(self.vocab)) if term else -1 for term in terms]
            at = place[~seen]
            self._hashes = np.insert(self._hashes, at, words[~seen])
            self._terms = np.insert(self._terms, at, np.array(ids, dtype=np.int64))
            place = np.searchsorted(self._hashes, words)
        return self._terms[place][inverse.ravel()]


def _scan(data: NDArray[np.uint8]) -> tuple[Ints, Ints]:
    """Start and end byte of each word of lower-case UTF-8 text."""
    word = _WORDY[data]
    # U+2000-U+206F (dashes, quotes, ellipsis) and U+0080-U+00BF (no-break space, « », °)
    # part words: their three and two bytes are not letters.
    general = np.flatnonzero((data[:-2] == 0xE2) & (data[1:-1] < 0x82))
    latin = np.flatnonzero(data[:-1] == 0xC2)
    for offset in range(3):
        word[general + offset] = False
    for offset in range(2):
        word[latin + offset] = False
    part = word.copy()
    part[1:-1] |= _JOINS[data[1:-1]] & word[:-2] & word[2:]
    edges = np.flatnonzero(np.diff(part, prepend=False, append=False))
    starts, ends = edges[0::2], edges[1::2]
    late = np.flatnonzero(_CLASS[data[starts]] != _LETTER)  # "1990s": the word is "s"
    while len(late):
        starts[late] += 1
        late = late[starts[late] < ends[late]]
        late = late[_CLASS[data[starts[late]]] != _LETTER]
    found = starts < ends
    return starts[found], ends[found]


def _hashes(text: bytes, starts: Ints, ends: Ints) -> NDArray[np.uint64]:
    """A 64-bit hash of each word: its bytes read eight at a time, folded polynomially
    (modulo 2**64), mixed with its length."""
    # Element i of `wide` is the eight bytes from byte i on (an unaligned view, no copy).
    wide = np.ndarray((len(text) + 1,), dtype="<u8", buffer=text + bytes(8), strides=(1,))
    lengths = ends - starts
    found = np.zeros(len(starts), dtype=np.uint64)
    for offset in range(0, int(lengths.max(initial=0)), 8):
        live = np.flatnonzero(lengths > offset)
        chunk = wide[starts[live] + offset] & _MASKS[np.minimum(lengths[live] - offset, 8)]
        found[live] = found[live] * _BASE + chunk
    return found + lengths.astype(np.uint64) * _LENGTH_MIX


def _opening(article: Article) -> str:
    """The first paragraphs, up to about BODY_CHARS characters."""
    text, size = [], 0
    for paragraph in article.paragraphs:
        if size > BODY_CHARS:
            break
        text.append(paragraph)
        size += len(paragraph)
    return " ".join(text)


def _named(lists: Iterable[list[str]], first: int) -> tuple[Int32s, Int32s, list[str]]:
    """Term ids from `first` on for entity keys or keyphrases (each article's list), in
    order of first sight; the article of each; the name of each id given."""
    ids: dict[str, int] = {}
    found, sizes = array("i"), array("i")
    number = ids.setdefault  # one dictionary pass per name: 100,000 articles name 3.5 million
    for names in lists:
        before = len(found)
        found.extend([number(name, len(ids) + first) for name in names])
        sizes.append(len(found) - before)
    owner = np.repeat(np.arange(len(sizes), dtype=np.int32), np.frombuffer(sizes, dtype=np.int32))
    return np.frombuffer(found, dtype=np.int32), owner, list(ids)


def _phrases(extraction: Extraction) -> list[str]:
    """An article's keyphrases as terms, but for those that are a name it mentions: the name's
    words and entity key already stand for it, and a third term would let a frequent name
    ("Clinton") join unrelated stories."""
    names = {m.text.lower() for m in extraction.mentions}
    return [k for k in (k.text.lower() for k in extraction.keywords) if k not in names]


def term_matrix(articles: Sequence[Article], extractions: dict[str, Extraction],
                titles: Sequence[str]) -> tuple[csr_matrix, csr_matrix]:
    """The articles' unit TF-IDF rows (strongest TOP_TERMS terms each), and the terms of each
    headline (1 per term, same columns)."""
    counts, headlines, _ = term_counts(articles, extractions, titles)
    return weigh(counts), headlines


def term_counts(articles: Sequence[Article], extractions: dict[str, Extraction],
                titles: Sequence[str]) -> tuple[csr_matrix, csr_matrix, list[str]]:
    """Each article's weighted term counts (title x3, lead x2, body, entity keys, keyphrases;
    float32), the terms of each headline (1 per term, same columns), and the term of each
    column: a word, "e:" and an entity key, or "k:" and a keyphrase (a word holds no colon).
    A row depends on its article only, so a rebuild can keep the rows of unchanged articles."""
    words = WordTerms()
    head, head_of = words.of(titles)
    body, body_of = words.of([_opening(a) for a in articles], BODY_TOKENS)
    rank = np.arange(len(body)) - np.searchsorted(body_of, body_of)  # place in its article
    # Entity keys and keyphrases have their own ids, after the words: no prefix to build.
    entities, entity_of, keys = _named(([m.key for m in extractions[a.id].mentions if m.key]
                                        for a in articles), len(words.vocab))
    phrases, phrase_of, texts = _named((_phrases(extractions[a.id]) for a in articles),
                                       len(words.vocab) + len(keys))
    terms = [*words.vocab, *(f"e:{k}" for k in keys), *(f"k:{t}" for t in texts)]
    weights = np.concatenate([np.full(len(head), TITLE_WEIGHT, dtype=np.float32),
                              np.where(rank < LEAD_TOKENS, LEAD_WEIGHT, 1.0).astype(np.float32),
                              np.full(len(entities), ENTITY_WEIGHT, dtype=np.float32),
                              np.full(len(phrases), KEYPHRASE_WEIGHT, dtype=np.float32)])
    shape = (len(articles), len(terms))
    headlines = coo_matrix((np.ones(len(head)), (head_of, head)), shape=shape).tocsr()
    headlines.data[:] = 1.0
    matrix = coo_matrix((weights, (np.concatenate([head_of, body_of, entity_of, phrase_of]),
                                   np.concatenate([head, body, entities, phrases]))),
                        shape=shape).tocsr()  # repeats of a term add up, in a fixed order
    return matrix, headlines, terms


def weigh(counts: csr_matrix) -> csr_matrix:
    """Unit TF-IDF rows from `term_counts` rows: sublinear tf times smoothed idf over these
    rows, a term in one row only dropped (when there are 3 rows or more), strongest
    TOP_TERMS kept."""
    matrix = counts.astype(np.float64)  # a copy: the counts are kept for the next build
    n, columns = matrix.shape
    tf = matrix.data
    tf[:] = np.where(tf >= 1, 1 + np.log(np.maximum(tf, 1)), tf)
    df = np.bincount(matrix.indices, minlength=columns)
    tf *= np.log((n + 1) / (df + 1))[matrix.indices]  # 0 for a term in every article
    if n >= 3:
        tf[df[matrix.indices] <= 1] = 0.0
    return normalise(strongest(matrix, TOP_TERMS))


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
