"""Keyword candidates scored as YAKE scores them, on the tokens spaCy already made.

The `yake` package re-tokenises the article and keeps its co-occurrence graph in
networkx; that cost a quarter of extraction. This is the same statistic (Campos et al.,
Information Sciences 2020; yake 0.7.3 defaults: n=3, window 1, stop words bridged by
their bigram probabilities, a word's plural folded into it) over spaCy's sentences,
in plain dicts filled in text order so the result never depends on the hash seed.
"""

from __future__ import annotations

import math
import string
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from statistics import median
from typing import TYPE_CHECKING

from generator.errors import SetupError

if TYPE_CHECKING:
    from spacy.tokens import Span

MAX_WORDS = 3
_PUNCTUATION = frozenset(string.punctuation)


@dataclass  # not frozen: counters filled while the text is read
class _Term:
    """One word (lower-cased, plural folded) and where it occurs."""

    stopword: bool
    tf: int = 0
    acronym: int = 0
    capitalised: int = 0  # inside a sentence
    sentences: dict[int, None] = field(default_factory=dict)  # ordered set of sentence numbers
    left: dict[str, int] = field(default_factory=dict)  # neighbour -> co-occurrences
    right: dict[str, int] = field(default_factory=dict)
    h: float = 0.0


@dataclass
class _Candidate:
    terms: tuple[str, ...]
    first: int
    tf: int = 0
    valid: bool = False  # one occurrence without digits or odd tokens is enough


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """YAKE's English stop list, read from the installed package without importing it."""
    spec = find_spec("yake")
    if spec is None or spec.origin is None:
        raise SetupError("the yake package is not installed — install the project (make site does)")
    path = Path(spec.origin).parent / "core" / "StopwordsList" / "stopwords_en.txt"
    return frozenset(path.read_text(encoding="utf-8").lower().split("\n"))


def yake_words(sentence: Span) -> list[str]:
    """The sentence's words as YAKE's tokeniser cuts them: a hyphened word whole
    ("third-largest"), a possessive or contraction ("'s", "’re") left out."""
    found: list[str] = []
    glue = False
    for token in sentence:
        text = token.text
        if token.is_space or (text[:1] in "'’" and len(text) > 1):
            continue
        if glue or (text == "-" and found and not token.nbor(-1).whitespace_ and not token.whitespace_):
            found[-1] += text
            glue = text == "-"
        else:
            found.append(text)
    return found


def yake_candidates(sentences: list[list[str]], top: int) -> list[tuple[str, float]]:
    """The `top` best phrases of up to three words with their YAKE score (lower is
    better), lower-cased; `sentences` are the article's sentences as token texts."""
    terms: dict[str, _Term] = {}
    keys: dict[str, str] = {}  # token -> term key
    found: dict[str, _Candidate] = {}
    for number, sentence in enumerate(sentences):
        block: list[tuple[str, str, str]] = []  # (tag, term key, word) since the last punctuation
        for position, token in enumerate(sentence):
            tag = _tag(token, position > 0)
            if not tag:
                block = []
                continue
            key = keys.get(token) or keys.setdefault(token, _term(token, terms))
            term = terms[key]
            term.tf += 1
            term.acronym += tag == "a"
            term.capitalised += tag == "n"
            term.sentences[number] = None
            if tag not in "ud" and block and block[-1][0] not in "ud":
                previous = block[-1][1]
                terms[previous].right[key] = terms[previous].right.get(key, 0) + 1
                term.left[previous] = term.left.get(previous, 0) + 1
            block.append((tag, key, token.lower()))
            if term.stopword:
                continue  # a phrase never ends with a stop word, nor starts with one (below)
            plain = True  # no digits or odd tokens in the phrase so far
            for size in range(1, min(MAX_WORDS, len(block)) + 1):
                plain = plain and block[-size][0] not in "ud"
                if terms[block[-size][1]].stopword:
                    continue
                words = block[-size:]
                phrase = " ".join([w for _, _, w in words])
                candidate = found.get(phrase)
                if candidate is None:
                    candidate = found[phrase] = _Candidate(tuple([k for _, k, _ in words]), len(found))
                candidate.tf += 1
                candidate.valid = candidate.valid or plain
    _score_terms(terms, len(sentences))
    scored = [(_score(c, terms), c.first, phrase) for phrase, c in found.items() if c.valid]
    scored.sort()
    return [(phrase, h) for h, _, phrase in scored[:top]]


@lru_cache(maxsize=65536)
def _tag(token: str, inside: bool) -> str:
    """YAKE's word classes: d(igits), u(nusual), a(cronym), n(ame inside a sentence), p(lain);
    "" for punctuation, which ends a phrase."""
    if all(c in _PUNCTUATION for c in token):
        return ""
    bare = token.replace(",", "")
    if bare.isdigit() or bare.replace(".", "", 1).isdigit():
        return "d"
    digits = sum(c.isdigit() for c in token)
    letters = sum(c.isalpha() for c in token)
    if (digits and letters) or not (digits or letters) or sum(c in _PUNCTUATION for c in token) > 1:
        return "u"
    if token.isupper():
        return "a"
    if len(token) > 1 and token[0].isupper() and inside and sum(c.isupper() for c in token) == 1:
        return "n"
    return "p"


def _term(token: str, terms: dict[str, _Term]) -> str:
    lower = token.lower()
    key = lower[:-1] if lower.endswith("s") and len(lower) > 3 else lower
    if key not in terms:
        stops = stop_words()
        bare = "".join(c for c in key if c not in _PUNCTUATION)
        terms[key] = _Term(stopword=lower in stops or key in stops or len(bare) < 3)
    return key


def _score_terms(terms: dict[str, _Term], sentences: int) -> None:
    """Each word's H: rarely at the start, cased, related to few different neighbours."""
    counts = [t.tf for t in terms.values() if not t.stopword]
    if not counts:
        return
    mean = sum(counts) / len(counts)
    spread = math.sqrt(sum((c - mean) ** 2 for c in counts) / len(counts))
    most = max(t.tf for t in terms.values())
    for term in terms.values():
        left, right = sum(term.left.values()), sum(term.right.values())
        relatedness = (0.5 + (len(term.left) / left if left else 0) * term.tf / most
                       + 0.5 + (len(term.right) / right if right else 0) * term.tf / most)
        case = max(term.acronym, term.capitalised) / (1 + math.log(term.tf))
        place = math.log(math.log(3 + median(term.sentences)))
        frequency = term.tf / (mean + spread)
        reach = len(term.sentences) / sentences
        term.h = place * relatedness / (case + frequency / relatedness + reach / relatedness)


def _score(candidate: _Candidate, terms: dict[str, _Term]) -> float:
    """YAKE's phrase score: product over sum of its words' H, a stop word inside weighted by
    how often it joins its neighbours, divided by the phrase's frequency."""
    product, total = 1.0, 0.0
    keys = candidate.terms
    for index, key in enumerate(keys):
        term = terms[key]
        if not term.stopword:
            product *= term.h
            total += term.h
            continue
        previous = terms[keys[index - 1]] if index else None
        following = keys[index + 1] if index + 1 < len(keys) else ""
        before = previous.right.get(key, 0) / previous.tf if previous else 0.0
        after = term.right.get(following, 0) / terms[following].tf if following else 0.0
        product *= 2 - before * after
        total -= 1 - before * after
    return product / ((total + 1) * candidate.tf)
