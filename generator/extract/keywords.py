"""Keywords: YAKE candidates, then what YAKE lacks.

YAKE 0.7.3 keeps near-identical overlapping phrases ("Russian President
Vladimir", "Vladimir Putin hosted"), so candidates are trimmed to noun phrases,
mapped onto entity names, merged when they overlap, filtered with a news stop
list, weighted by position, and returned in the surface form of the text.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from fractions import Fraction
from typing import TYPE_CHECKING

from generator.errors import BuildError
from generator.extract.dates import MONTHS
from generator.extract.entities import name_preference
from generator.model import Article, Keyword, Mention
from generator.text import words

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

NEWS_STOP = {
    "said", "says", "say", "told", "tells", "according", "reported", "reports", "report",
    "percent", "per", "cent", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "today", "yesterday", "tomorrow", "week", "weeks", "year", "years",
    "month", "months", "day", "days", "time", "times", "also", "would", "could", "new",
    "added", "adding", "statement", "news", "agency", "via", "read", "more", "click",
    "including", "like", "one", "two", "three", "first", "last", "next", "ago", "hours",
    "minutes", "mr", "mrs", "ms", "dr", "while", "whose", "however", "since",
    *MONTHS,
}
_NOUNISH = {"NN", "NNS", "NNP", "NNPS"}
_NOT_INSIDE = {"IN", "TO", "DT", "MD", "PRP"}  # a noun phrase holds none of these ("of" aside)
_EDGE_OK = _NOUNISH | {"JJ", "VBG"}  # a phrase may start with an adjective


def keywords_for(article: Article, headings: list[Doc], docs: list[Doc], mentions: list[Mention],
                 top: int) -> tuple[Keyword, ...]:
    """The article's `top` keywords, best first (`headings`: title and subheadings, tagged)."""
    text = ". ".join([article.title, *article.headings, *article.paragraphs])
    tags = _tag_lookup(headings + docs, body_from=len(headings))
    names = _names_by_preference([m.text for m in mentions if m.label != "NORP"])
    people = {m.text for m in mentions if m.label == "PERSON"}
    first_seen = _first_positions(text)
    best: dict[str, Keyword] = {}
    for phrase, score in yake_candidates(text, top * 6):
        phrase = _as_entity(phrase, names, people) or _surface(_trim(phrase, tags), text)
        if not phrase:
            continue
        position = first_seen.get(words(phrase)[0], 1.0)
        weight = round(score * (0.05 + position), 6)  # lead paragraphs weigh more
        key = phrase.lower()
        if key not in best or weight < best[key].score:
            best[key] = Keyword(phrase, weight)
    kept: list[Keyword] = []
    for keyword in sorted(best.values(), key=lambda k: (k.score, k.text)):
        if not any(_overlaps(keyword.text, k.text) for k in kept):
            kept.append(keyword)
    return tuple(kept[:top])


def merge_keywords(lists: list[tuple[Keyword, ...]], top: int) -> tuple[str, ...]:
    """A topic's keywords from its articles' lists: reciprocal-rank votes, overlaps merged
    into the fuller phrase ("Putin" counts for "Vladimir Putin")."""
    # Exact fractions: float sums depend on the order of the lists and can break ties.
    votes: dict[str, Fraction] = {}
    forms: Counter[str] = Counter()
    first: dict[str, int] = {}
    for keywords in lists:
        for rank, keyword in enumerate(keywords):
            key = keyword.text.lower()
            votes[key] = votes.get(key, Fraction(0)) + Fraction(1, rank + 1)
            forms[keyword.text] += 1
            first.setdefault(keyword.text, len(first))
    # Each phrase as most articles write it, then as first written, then by text.
    surface: dict[str, str] = {}
    for form in sorted(forms, key=lambda f: (-forms[f], first[f], f)):
        surface.setdefault(form.lower(), form)
    merged: list[list] = []  # [surface, votes]
    # Only the best-voted candidates can reach the top: bound the pairwise overlap checks.
    for key, vote in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[: top * 10]:
        home = next((m for m in merged if _overlaps(surface[key], m[0])), None)
        if home is None:
            merged.append([surface[key], vote])
            continue
        home[1] += vote
        if len(words(surface[key])) > len(words(home[0])):
            home[0] = surface[key]
    merged.sort(key=lambda m: (-m[1], m[0]))
    return tuple(m[0] for m in merged[:top])


def _names_by_preference(names: list[str]) -> list[str]:
    """Distinct entity names in the order a keyword tries them: longest first (a full name
    before its parts), then `name_preference`. Never set order, which follows the hash seed."""
    counts = Counter(names)
    first = {name: index for index, name in reversed(list(enumerate(names)))}
    return sorted(counts, key=lambda n: (-len(n), name_preference(n, counts[n], first[n])))


def _tag_lookup(docs: list[Doc], body_from: int) -> dict[str, str]:
    """The most common tag of each lower-cased word; body text counts double, because
    taggers misread Title Case headlines ("Diplomat Hopes" as two nouns)."""
    counts: dict[str, Counter[str]] = {}
    for index, doc in enumerate(docs):
        for tok in doc:
            counts.setdefault(tok.lower_, Counter())[tok.tag_] += 2 if index >= body_from else 1
    # A tie goes to the tag seen first: most_common sorts stably and a Counter keeps
    # insertion order (the text's order, never hash order).
    return {w: c.most_common(1)[0][0] for w, c in counts.items()}


def _first_positions(text: str) -> dict[str, float]:
    """Each word's first position in the text, as a fraction of its length."""
    tokens = words(text)
    positions: dict[str, float] = {}
    for index, token in enumerate(tokens):
        positions.setdefault(token, index / max(1, len(tokens)))
    return positions


def _trim(phrase: str, tags: dict[str, str]) -> str:
    """Cut words that cannot start or end a noun phrase; drop news stop words."""
    tokens = phrase.split()
    while tokens and (tags.get(tokens[-1].lower()) not in _NOUNISH or _stop(tokens[-1])):
        tokens.pop()
    while tokens and (tags.get(tokens[0].lower()) not in _EDGE_OK or _stop(tokens[0])):
        tokens.pop(0)
    if any(_stop(t) for t in tokens):
        return ""
    inner = [tags.get(t.lower(), "") for t in tokens[1:-1] if t != "of"]
    if any(tag.startswith("VB") or tag in _NOT_INSIDE for tag in inner):
        return ""  # "Director has conflict", "Steinfeld in talks": not a noun phrase
    return " ".join(tokens)


def _stop(token: str) -> bool:
    return token.lower().strip("'’") in NEWS_STOP or not re.search(r"[^\W\d_]", token)


def _as_entity(phrase: str, names: list[str], people: set[str]) -> str:
    """The entity name a candidate is part of, or that it contains ("Vladimir Putin")."""
    tokens = words(phrase)
    for name in names:
        name_words = words(name)
        if len(name_words) < 2:
            continue
        shared = sum(1 for t in tokens if t in name_words)
        if shared >= 2 or (shared and (len(tokens) == 1 or name in people)):
            return name
    return ""


def _surface(phrase: str, text: str) -> str:
    """The phrase as most often written in the text (YAKE may lower-case it)."""
    if not phrase:
        return ""
    pattern = r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"\b"
    found = Counter(re.findall(pattern, text, flags=re.I))
    if not found:
        return phrase
    return sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _overlaps(a: str, b: str) -> bool:
    """Near-identical or overlapping phrases: most words of the shorter one in the other."""
    wa, wb = {_stem(w) for w in words(a)}, {_stem(w) for w in words(b)}
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    return shared / min(len(wa), len(wb)) >= 0.5 and (shared >= 2 or min(len(wa), len(wb)) == 1)


def _stem(word: str) -> str:
    """Plural to singular, roughly: hostages -> hostage, countries -> country."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def yake_candidates(text: str, top: int) -> list[tuple[str, float]]:
    """YAKE's candidates (lower score is better); errors surface instead of vanishing.

    YAKE 0.7.3 scores from dicts and a networkx graph filled in text order and sorts with
    ties in first-occurrence order; its only sets (stop words, a candidate's tag patterns)
    are tested for membership, so its output does not depend on the hash seed
    (tests/test_determinism.py checks it across processes)."""
    import yake

    extractor = yake.KeywordExtractor(lan="en", n=3, top=top, dedup_lim=1.0)
    try:
        result = extractor.extract_keywords(text)
    except Exception as exc:
        raise BuildError(f"YAKE failed: {exc}") from exc
    if not result and len(words(text)) > 20:
        # yake 0.7.3 swallows its own errors into an empty list
        raise BuildError("YAKE returned no keywords for a text of more than 20 words")
    return [(phrase, float(score)) for phrase, score in result]
