"""Topic titles: a topic's most central headline, cleaned of wire tags and outlet suffixes,
ALL-CAPS put in sentence case with names spelled as the entity extraction spells them,
never a file id; without any headline, its most central lead sentence, shortened."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping, Sequence

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

from generator import furniture, vectors
from generator.model import Article, Entity, Extraction
from generator.text import STOP_WORDS, abbreviation_ends, words

Floats = NDArray[np.float64]
TITLE_CHARS = 90  # a lead sentence standing in for a missing headline is cut here
# Wire slugs before a headline: "URGENT", "1st LD-Writethru:", "3rdlead:", "Roundup:" (Xinhua
# and AP in TAC); the slug words need no separator, the others a colon.
_WIRE_TAG = re.compile(r"^(?:(?:URGENT|BREAKING|UPDATE(?:\s*\d+)?|EXCLUSIVE|CORRECTED)\b\s*[-:–—]?"
                       r"|(?:\d+(?:st|nd|rd|th)\s*(?:lead|ld)\b(?:[\s-]*writethru)?|writethru|"
                       r"roundup|wrapup)\s*[-:–—])\s*", re.IGNORECASE)
_EDITORIAL = re.compile(r"\s*(?:\((?:UPDATES?|ADDS?|RECASTS?|WRAPUP|CORRECTS?|more added|"
                        r"updated|corrected|refiled)\b[^)]*\)|\bATTENTION\b.*|///.*)$")
# Reuters marks a company's ticker after its name ("EMPI INC <EMPI>") and an unlisted company
# with angle brackets ("<ASTA PHARMA AG>"): the ticker repeats the name, the brackets are markup.
_BRACKETED = re.compile(r"<([^<>]+)>")
_SUFFIX = re.compile(r"^(?P<head>.*\S)\s+[-–—|]\s+(?P<tail>[^-–—|]{2,40})$")
_OUTLET_WORDS = re.compile(r"\b(?:agenc(?:y|ies)|news|times|post|press|reuters|ap|afp|bbc|cnn|"
                           r"xinhua|guardian|journal|tribune|herald|telegraph|online|daily|"
                           r"radio|tv|network|wire|media)\b|\.com\b", re.IGNORECASE)


class Titles:
    """Articles' cleaned headlines, cleaned on first use: a rebuild needs only those of the
    added articles and of the topics it changed."""

    def __init__(self, articles: list[Article], spellings: Mapping[str, str]) -> None:
        self._articles, self._spellings = articles, spellings
        self._found: dict[int, str] = {}

    def __getitem__(self, number: int) -> str:
        if number not in self._found:
            a = self._articles[number]
            self._found[number] = clean_title(a.title, a.outlet, self._spellings, a.id)
        return self._found[number]


def clean_title(title: str, outlet: str, spellings: Mapping[str, str], article_id: str = "") -> str:
    """A headline as a topic title: no wire tags or outlet suffix, not ALL CAPS, never the id."""
    title = _EDITORIAL.sub("", _WIRE_TAG.sub("", title.strip())).strip()
    title = _BRACKETED.sub(r"\1", furniture.strip_symbols(title))
    match = _SUFFIX.match(title)
    if match:
        tail = match.group("tail").strip()
        if (outlet and tail.lower() == outlet.lower()) or (
                len(tail.split()) <= 4 and _OUTLET_WORDS.search(tail)):
            title = match.group("head")
    letters = [c for c in title if c.isalpha()]
    if len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        title = _sentence_case(title, spellings)
    if title == article_id or not any(c.isalpha() for c in title):
        return ""
    return title


def _sentence_case(title: str, spellings: Mapping[str, str]) -> str:
    """Lower case, then names and acronyms as the entity extraction spells them (longest
    run of up to four words first)."""
    words = title.lower().split()
    out = []
    i = 0
    while i < len(words):
        for n in (4, 3, 2, 1):
            if i + n > len(words):
                continue
            chunk = " ".join(words[i:i + n])
            core = chunk.strip("\"'“”‘’(),:;!?")
            core = core.removesuffix("'s").removesuffix("’s")
            name = spellings.get(core) or spellings.get(core.rstrip("."))
            if name:
                out.append(chunk.replace(core if core in spellings else core.rstrip("."), name, 1))
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    text = re.sub(r"(?<!\w)(?:[a-z]\.){2,}", lambda m: m.group(0).upper(), " ".join(out))
    return text[:1].upper() + text[1:]


class Spellings(Mapping[str, str]):
    """Lower-cased entity names and aliases with their spelling, for names of two letters or
    more that are not plain words (an entity called "Will" must not capitalise "will"). Built
    on first use: only an ALL-CAPS headline needs it, and 100,000 articles name a million
    entities."""

    def __init__(self, entities: list[Entity]) -> None:
        self._entities = entities
        self._found: dict[str, str] | None = None

    def _names(self) -> dict[str, str]:
        if self._found is None:
            self._found = {}
            for entity in sorted(self._entities, key=lambda e: (-e.mentions, e.key)):
                for name in (entity.name, *entity.aliases):
                    lower = name.lower()
                    if len(lower) >= 2 and name != lower and lower not in vectors.STOP:
                        self._found.setdefault(lower, name)
        return self._found

    def __getitem__(self, key: str) -> str:
        return self._names()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())


def closeness(centroids: csr_matrix, clusters: list[list[int]], headlines: csr_matrix) -> Floats:
    """How central each article's headline is in its topic: the summed weights in the topic's
    centroid (a row of `centroids`, one per cluster) of the headline's terms (a row of
    `headlines`), over the square root of their number; 0 in a topic of one. For all
    articles at once: a loop over 100,000 headlines took seconds."""
    topic = np.full(headlines.shape[0], -1, dtype=np.int64)
    for n, group in enumerate(clusters):
        if len(group) > 1:
            topic[group] = n
    rows = np.repeat(np.arange(headlines.shape[0]), np.diff(headlines.indptr))
    owner = topic[rows]
    inside = owner >= 0
    # Each headline term's weight in its topic's centroid, by a search over the centroid's
    # (row, column) keys, both sorted.
    width = max(centroids.shape[1], headlines.shape[1])
    centroids = csr_matrix(centroids)
    centroids.sort_indices()
    keys = np.repeat(np.arange(centroids.shape[0], dtype=np.int64), np.diff(centroids.indptr)) * width
    keys += centroids.indices
    wanted = owner[inside] * width + headlines.indices[inside]
    at = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
    weight = np.zeros(len(rows))
    if len(keys):
        weight[inside] = np.where(keys[at] == wanted, centroids.data[at], 0.0)
    total = np.bincount(rows, weights=weight, minlength=headlines.shape[0]).astype(np.float64)
    found: Floats = total / np.sqrt(np.maximum(np.diff(headlines.indptr), 1))
    return found


def central_title(centroids: csr_matrix, number: int, members: list[int], central: Floats,
                  word_ids: WordIds, articles: list[Article], titles: Titles,
                  extractions: dict[str, Extraction], spellings: Mapping[str, str]) -> str:
    """The most central headline of topic `number` (by `closeness`); without any headline,
    the most central lead sentence, shortened (the earliest report may open on a reaction),
    its words weighed in the topic's centroid (row `number` of `centroids`) the same way."""
    titled = [i for i in members if len(titles[i].split()) >= 2]

    def order(i: int, closeness: float) -> tuple[float, bool, str, str]:
        return (-round(closeness, 9), articles[i].date == "", articles[i].date, articles[i].id)

    if titled:
        return titles[min(titled, key=lambda i: order(i, float(central[i])))]
    weight = dict(zip(*_row(centroids, number), strict=True)) if len(members) > 1 else {}

    def lead_closeness(terms: list[int]) -> float:
        return float(sum(weight.get(t, 0.0) for t in terms)) / math.sqrt(len(terms) or 1)

    leads = {i: _lead(articles[i], extractions[articles[i].id]) for i in members}
    head = min(members, key=lambda i: order(i, lead_closeness(word_ids.of(leads[i]))))
    lead = clean_title(leads[head], articles[head].outlet, spellings, articles[head].id)
    if len(lead) > TITLE_CHARS:
        # Cut between words, not after one that leads on ("…will put off a…", "…Prodi's 2…",
        # "…the sniper slaying of Dr.…")
        kept = lead[:TITLE_CHARS].rsplit(" ", 1)[0].split()
        while len(kept) > 3 and (kept[-1].lower().strip(",;:") in STOP_WORDS
                                 or kept[-1][:1].isdigit() or abbreviation_ends(kept[-1])):
            kept.pop()
        lead = " ".join(kept).rstrip(",;:") + "…"
    return lead or "Untitled story"


def _lead(article: Article, extraction: Extraction) -> str:
    sentences = extraction.sentences
    return sentences[0].text if sentences else (article.paragraphs[0] if article.paragraphs else "")


class WordIds:
    """The term ids of a text's words (as `vectors` numbers them), built on first use: only a
    topic without any headline needs them."""

    def __init__(self, terms: Sequence[str]) -> None:
        self._terms = terms
        self._ids: dict[str, int] | None = None

    def of(self, text: str) -> list[int]:
        if self._ids is None:
            self._ids = {term: n for n, term in enumerate(self._terms) if ":" not in term}
        found = {self._ids.get(vectors.normalise_word(word), -1) for word in words(text)}
        return sorted(found - {-1})


def _row(matrix: csr_matrix, number: int) -> tuple[list[int], list[float]]:
    """Column ids and values of one row (slicing the arrays: indexing the matrix is slow)."""
    start, end = matrix.indptr[number], matrix.indptr[number + 1]
    return matrix.indices[start:end].tolist(), matrix.data[start:end].tolist()
