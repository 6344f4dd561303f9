"""Keywords: YAKE candidates, then what YAKE lacks.

YAKE 0.7.3 (reading the article's lead) keeps near-identical overlapping phrases
("Russian President Vladimir", "Vladimir Putin hosted"), so candidates are trimmed to
adjective-noun phrases, mapped onto entity names (also when they cut a name: "classic
San"), filtered (news stop list, furniture, outlets, phrases the text never writes,
fragments of capitalised headlines, halves of names), ranked by PositionRank (`keyrank`)
plus YAKE's order, merged when they overlap or are near-synonyms, and returned in the
surface form of the text.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING

from generator.dates import MONTHS
from generator.extract.candidates import yake_candidates
from generator.extract.entities import name_preference
from generator.extract.keyrank import (
    article_vector,
    near_synonyms,
    phrase_rank,
    phrase_words,
    similarity,
    specificity,
    stem,
    word_ranks,
)
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
# Wire furniture said as a keyword: "(STORY CAN END HERE)", "XXX END", editors' notes.
FURNITURE = {"story", "end", "xxx", "xxx end", "eds", "editors", "advisory", "optional", "copyright"}
# Outlets are sources, not what a story is about.
OUTLETS = {"associated press", "ap", "reuters", "cox newspapers", "new york times", "nyt", "xinhua",
           "agence france-presse", "afp", "bloomberg", "washington post", "los angeles times",
           "knight ridder", "upi", "united press international", "tass", "ria novosti", "ria", "interfax"}
_NOUNISH = {"NN", "NNS", "NNP", "NNPS"}
_ADJECTIVE = {"JJ", "JJR", "JJS"}
_PROPER = {"NNP", "NNPS"}
_CANDIDATE_TAGS = _NOUNISH | _ADJECTIVE
# YAKE reads the article's first words only: its statistic costs time in proportion to the
# text, and PositionRank favours the lead anyway. It proposes 20 candidates per keyword:
# the ranking, not YAKE's order, now picks among them (DUC-2001 even half, F1@10 27.3
# with 6 per keyword, 29.8 with 20; bench/keywords.py).
YAKE_WORDS = 400
CANDIDATES_PER_KEYWORD = 20
# YAKE's order as a second score, 1 for its best candidate down to 0, beside PositionRank
# scaled so the article's best word scores 1 (0.3 tuned on the DUC-2001 even half).
W_YAKE = 0.3
# Phrase-article cosine (`keyrank.similarity`) added at weight 1; an entity name of three
# words or more ("Alaska Department of Environmental Conservation") counts 0.6 of its
# PositionRank and YAKE score, since summing words overrates it: readers pick such names
# for 14-18% of the places we gave them on the DUC-2001 even half, 8-18% on KPCrowd.
W_SIMILARITY = 1.0
LONG_NAME_WORDS = 3
W_LONG_NAME = 0.6


def keywords_for(article: Article, headings: list[Doc], docs: list[Doc], mentions: list[Mention],
                 top: int) -> tuple[Keyword, ...]:
    """The article's `top` keywords, best first (`headings`: title and subheadings, tagged)."""
    text = ". ".join([article.title, *article.headings, *article.paragraphs])
    names = tuple(_names_by_preference([m.text for m in mentions if m.label != "NORP"]))
    people = {m.text for m in mentions if m.label == "PERSON"}
    found = yake_candidates(yake_input(text), top * CANDIDATES_PER_KEYWORD)
    tokens = [lower_tags(doc) for doc in headings + docs]
    units = [_graph_words([doc]) for doc in tokens]
    sequence = [word for unit in units for word in unit]
    ranks = word_ranks(sequence)
    vector = article_vector(units, sequence)
    long_names = {m.text for m in mentions if len(phrase_words(m.text)) >= LONG_NAME_WORDS}
    top_rank = max(ranks.values(), default=1.0)
    tags = _tag_lookup(tokens, len(headings), {w for phrase, _ in found for w in phrase.split()})
    order: dict[str, str] = {}  # lower-cased phrase -> surface form, in YAKE's order
    for phrase, _ in found:
        phrase = _as_entity(phrase, names, people, tags) or _surface(_trim(phrase, tags), text)
        # A trimmed phrase the text never writes ("moscow deputy foreign" of "Moscow's Deputy
        # Foreign Minister") is no one's keyword.
        if (phrase and phrase.lower() not in order and _written(phrase, text)
                and not _not_a_subject(phrase, article, text, names)):
            order[phrase.lower()] = phrase
    ranked = []
    for index, key in enumerate(order):
        value = phrase_rank(key, ranks) / top_rank + W_YAKE * (1 - index / len(order))
        if order[key] in long_names:
            value *= W_LONG_NAME
        value += W_SIMILARITY * similarity(key, vector)
        ranked.append(Keyword(order[key], round(1 / (1 + value), 6)))  # lower is better
    kept: list[Keyword] = []
    for keyword in sorted(ranked, key=lambda k: (k.score, k.text)):
        if len(kept) == top:
            break
        home = next((k for k in kept if _overlaps(keyword.text, k.text)
                     or near_synonyms(keyword.text, k.text)), None)
        if home is None:
            kept.append(keyword)
        elif keyword.text in names and set(words(home.text)) < set(words(keyword.text)):
            # The entity's full name in the place its part earned: "RIA" -> "RIA Novosti".
            kept[kept.index(home)] = Keyword(keyword.text, home.score)
    return tuple(kept)


def lower_tags(doc: Doc) -> list[tuple[str, str]]:
    """Each token's lower-cased text and tag, read as one array: a Token object per word cost
    more than the whole keyword ranking."""
    strings = doc.vocab.strings
    return [(strings[lower], strings[tag]) for lower, tag in doc.to_array(["LOWER", "TAG"]).tolist()]


def _graph_words(tokens: list[list[tuple[str, str]]]) -> list[str | None]:
    """The article's words in order for PositionRank: nouns and adjectives that are not stop
    words, stemmed; None for every other token."""
    return [stem(word) if tag in _CANDIDATE_TAGS and not _stop(word) else None
            for doc in tokens for word, tag in doc]


def yake_input(text: str) -> str:
    """The article's first `YAKE_WORDS` words (headline first), which YAKE scores."""
    return " ".join(text.split()[:YAKE_WORDS])


def merge_keywords(lists: list[tuple[Keyword, ...]], top: int,
                   document_frequency: Mapping[str, int] | None = None,
                   documents: int = 0) -> tuple[str, ...]:
    """A topic's keywords from its articles' lists: reciprocal-rank votes, overlaps merged
    into the fuller phrase ("Putin" counts for "Vladimir Putin"). With the corpus's
    `document_frequency` (lower-cased keyword -> articles listing it, out of `documents`),
    a phrase every article lists counts less: extraction runs per article and is cached
    per article, so corpus statistics can only apply here, where the corpus is known."""
    # Exact fractions: float sums depend on the order of the lists and can break ties.
    votes: dict[str, Fraction] = {}
    forms: Counter[str] = Counter()
    first: dict[str, int] = {}
    for keywords in lists:
        for rank, keyword in enumerate(keywords):
            key = keyword.text.lower()
            votes[key] = votes.get(key, Fraction(0)) + Fraction(1, rank + 1) * _specific(
                key, document_frequency, documents)
            forms[keyword.text] += 1
            first.setdefault(keyword.text, len(first))
    # Each phrase as most articles write it, then as first written, then by text.
    surface: dict[str, str] = {}
    for form in sorted(forms, key=lambda f: (-forms[f], first[f], f)):
        surface.setdefault(form.lower(), form)
    merged: list[tuple[str, Fraction]] = []  # (surface, votes)
    # Only the best-voted candidates can reach the top: bound the pairwise overlap checks.
    for key, vote in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[: top * 10]:
        home = next((n for n, (text, _) in enumerate(merged) if _overlaps(surface[key], text)), None)
        if home is None:
            merged.append((surface[key], vote))
            continue
        text, total = merged[home]
        fuller = len(words(surface[key])) > len(words(text))
        merged[home] = (surface[key] if fuller else text, total + vote)
    merged.sort(key=lambda m: (-m[1], m[0]))
    return tuple(m[0] for m in merged[:top])


def _specific(key: str, document_frequency: Mapping[str, int] | None, documents: int) -> Fraction:
    if not document_frequency:
        return Fraction(1)
    # Exact: a float weight would make the vote sums depend on the order of the lists.
    return Fraction(specificity(document_frequency.get(key, 1), documents)).limit_denominator(10**6)


def _names_by_preference(names: list[str]) -> list[str]:
    """Distinct entity names in the order a keyword tries them: longest first (a full name
    before its parts), then `name_preference`. Never set order, which follows the hash seed."""
    counts = Counter(names)
    first = {name: index for index, name in reversed(list(enumerate(names)))}
    return sorted(counts, key=lambda n: (-len(n), name_preference(n, counts[n], first[n])))


def _tag_lookup(tokens: list[list[tuple[str, str]]], body_from: int, needed: set[str]) -> dict[str, str]:
    """The most common tag of each lower-cased word in `needed` (`tokens`: `lower_tags` of
    each doc); body text counts double, because taggers misread Title Case headlines
    ("Diplomat Hopes" as two nouns)."""
    counts: dict[str, Counter[str]] = {}
    for index, doc in enumerate(tokens):
        for word, tag in doc:
            if word in needed:
                counts.setdefault(word, Counter())[tag] += 2 if index >= body_from else 1
    # A tie goes to the tag seen first: most_common sorts stably and a Counter keeps
    # insertion order (the text's order, never hash order).
    return {w: c.most_common(1)[0][0] for w, c in counts.items()}


def _trim(phrase: str, tags: dict[str, str]) -> str:
    """The noun phrase in a candidate, adjectives then nouns (the shape of reader-assigned
    keyphrases: Boudin et al.'s ADJ* NOUN+), or "" when a stop word or another word sits inside
    ("Director has conflict", "Steinfeld in talks")."""
    tokens = phrase.split()
    while tokens and (tags.get(tokens[-1].lower()) not in _NOUNISH or _stop(tokens[-1])):
        tokens.pop()
    while tokens and (tags.get(tokens[0].lower()) not in _NOUNISH | _ADJECTIVE or _stop(tokens[0])):
        tokens.pop(0)
    shape = [tags.get(t.lower()) in _NOUNISH for t in tokens]  # nouns after the adjectives
    if any(_stop(t) for t in tokens) or shape != sorted(shape) or not all(
            noun or tags.get(t.lower()) in _ADJECTIVE for t, noun in zip(tokens, shape, strict=True)):
        return ""
    return " ".join(tokens)


def _not_a_subject(phrase: str, article: Article, text: str, names: Sequence[str]) -> bool:
    """Furniture, an outlet's name, or a fragment of a capitalised headline that the story itself
    never says ("EARLIER GENERATION", "Pound Chechnya")."""
    key = phrase.lower()
    if key in OUTLETS or key in FURNITURE or key == article.outlet.lower():
        return True
    if not article.paragraphs or phrase in names:
        return False
    body = " ".join(article.paragraphs)
    if _name_fragment(phrase, body):
        return True
    # Title Case misleads the tagger ("Putin Extends Gratitude"): a phrase only a capitalised
    # headline says is not trusted.
    return not _written(phrase, body) and any(
        _capitalised(head) and _written(phrase, head) for head in (article.title, *article.headings))


def _capitalised(line: str) -> bool:
    """Title Case: headline style leaves short words ("for", "at the") lower-case."""
    title_words = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
    return sum(w[:1].isupper() for w in title_words) >= 0.8 * len(title_words) > 0


def _name_fragment(word: str, body: str) -> bool:
    """A capitalised word the body only writes inside a longer name ("Foreign" of "Deputy
    Foreign Minister", "Novosti" of "RIA Novosti"): half a name is not a subject."""
    if not word[:1].isupper():
        return False
    # str.find, not a regular expression per word: compiling one per candidate cost more than
    # the phrase-article similarity.
    found = []
    start = body.find(word)
    while start >= 0:
        end = start + len(word)
        if not _wordy(body, start - 1, "-") and not _wordy(body, end, "-"):
            found.append((start, end))
        start = body.find(word, start + 1)
    return bool(found) and all(_capitalised_next_to(body, start, end) for start, end in found)


def _capitalised_next_to(body: str, start: int, end: int) -> bool:
    before = body[max(0, start - 40):start].split()[-1:]
    after = body[end:end + 40].split()[:1]
    return any(w[:1].isupper() for w in after) or any(
        w[:1].isupper() and not w.endswith((".", "!", "?", ":", '"', "”")) for w in before)


@lru_cache(maxsize=16384)
def _stop(token: str) -> bool:
    return token.lower().strip("'’") in NEWS_STOP or not re.search(r"[^\W\d_]", token)


def _as_entity(phrase: str, names: tuple[str, ...], people: set[str], tags: dict[str, str]) -> str:
    """The entity name a candidate is part of, or that it contains ("Vladimir Putin"), or
    whose proper noun it cuts ("classic San" of "San Francisco")."""
    tokens = phrase_words(phrase)
    index = _name_index(names)
    for at in sorted({at for t in tokens for at in index.get(t, ())}):  # in `names` order
        name = names[at]
        name_words = phrase_words(name)
        shared = sum(1 for t in tokens if t in name_words)
        proper = any(t in name_words and tags.get(t) in _PROPER for t in tokens)
        if shared >= 2 or (shared and (len(tokens) == 1 or name in people or proper)):
            return name
    return ""


@lru_cache(maxsize=4)
def _name_index(names: tuple[str, ...]) -> dict[str, list[int]]:
    """Each word of a name of two words or more -> the positions of those names in `names`:
    a candidate is checked only against the names it shares a word with."""
    index: dict[str, list[int]] = {}
    for at, name in enumerate(names):
        name_words = phrase_words(name)
        if len(name_words) >= 2:
            for word in dict.fromkeys(name_words):
                index.setdefault(word, []).append(at)
    return index


def _surface(phrase: str, text: str) -> str:
    """The phrase as most often written in the text (YAKE may lower-case it); on a tie, the
    form with fewer capitals, since headings capitalise what the body writes lower-case."""
    if not phrase:
        return ""
    found = _written(phrase, text)
    if not found:
        return phrase
    return sorted(found.items(), key=lambda kv: (-kv[1], sum(c.isupper() for c in kv[0]), kv[0]))[0][0]


@lru_cache(maxsize=4096)
def _written(phrase: str, text: str) -> Counter[str]:
    """How the text writes the phrase as whole words, whatever the case and spacing (a
    regular expression per phrase cost more than the rest of the ranking)."""
    flat, lower = _flat(text)
    needle = " ".join(phrase.lower().split())
    found: Counter[str] = Counter()
    start = lower.find(needle) if needle else -1
    while start >= 0:
        end = start + len(needle)
        if not _wordy(lower, start - 1) and not _wordy(lower, end):
            found[flat[start:end]] += 1
        start = lower.find(needle, start + 1)
    return found


@lru_cache(maxsize=4)
def _flat(text: str) -> tuple[str, str]:
    """The text with single spaces, and the same lower-cased letter for letter (same length)."""
    flat = " ".join(text.split())
    lower = flat.lower()
    if len(lower) != len(flat):  # "İ" lower-cases to two characters
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in flat)
    return flat, lower


def _wordy(text: str, k: int, also: str = "") -> bool:
    return 0 <= k < len(text) and (text[k].isalnum() or text[k] == "_" or text[k] in also)


@lru_cache(maxsize=8192)
def _stems(phrase: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(phrase))


def _overlaps(a: str, b: str) -> bool:
    """Near-identical or overlapping phrases: most words of the shorter one in the other."""
    wa, wb = _stems(a), _stems(b)
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    return shared / min(len(wa), len(wb)) >= 0.5 and (shared >= 2 or min(len(wa), len(wb)) == 1)
