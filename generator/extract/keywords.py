"""Keywords: YAKE candidates, then what YAKE lacks.

YAKE 0.7.3 reads the article's lead, so the adjective-noun phrases the body repeats join its
candidates (`candidates.noun_phrases`). YAKE keeps near-identical overlapping phrases
("Russian President Vladimir", "Vladimir Putin hosted"), so candidates are trimmed to
adjective-noun phrases (a hyphenated compound one word), mapped onto entity names (when they
are part of one, a titled person's name, or cut a name: "classic San"; not a name they only
share a word with), filtered (`keytext`: news stop list, furniture, outlets, phrases the text
never writes or only writes before another noun, a noun joined to the name after it,
fragments of capitalised headlines, halves of names), ranked by PositionRank (`keyrank`)
plus YAKE's order, merged when they overlap or are near-synonyms, and returned in the
surface form of the text.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING

from generator.extract.candidates import noun_phrases, yake_candidates
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
from generator.extract.keytext import (
    PROPER,
    TaggedText,
    apposition,
    first_written,
    graph_words,
    lower_tags,
    modifier_only,
    not_a_subject,
    surface,
    tag_lookup,
    trim,
    written,
    written_apart,
)
from generator.model import Article, Keyword, Mention
from generator.text import words

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

# YAKE reads the article's first words only: its statistic costs time in proportion to the
# text, and PositionRank favours the lead anyway. It proposes 20 candidates per keyword:
# the ranking, not YAKE's order, now picks among them (DUC-2001 even half, F1@10 27.3
# with 6 per keyword, 29.8 with 20; bench/keywords.py).
YAKE_WORDS = 400
CANDIDATES_PER_KEYWORD = 20
# YAKE sees the lead only: an adjective-noun phrase the body writes this often anywhere joins
# its candidates, after them ("solar eclipse" 600 words into a story; "Third World debt").
# DUC-2001 even half, F1@10 by count 1 / 2 / 3: 33.26 / 34.44 / 34.13 (33.67 without);
# KPCrowd 11.54 / 11.93 / 11.98 (11.99).
REPEATED = 2
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
# Where the phrase is first written, 1 at the text's start down to 0 at its end: PositionRank
# scores words, so a phrase of early words first written late ("welfare legislation Congress")
# ranked as if it opened the story. FirstPhrases, the strongest simple baseline, ranks by this
# alone. 0.3 on the DUC-2001 even half (F1@10 by weight 0 / 0.1 / 0.2 / 0.3 / 0.5: 32.52 /
# 32.70 / 32.83 / 32.92 / 32.51; KPCrowd 11.95 / 12.17 / 12.33 / 12.47 / 12.75).
W_FIRST = 0.3


def keywords_for(article: Article, headings: list[Doc], docs: list[Doc], mentions: list[Mention],
                 top: int) -> tuple[Keyword, ...]:
    """The article's `top` keywords, best first (`headings`: title and subheadings, tagged)."""
    text = ". ".join([article.title, *article.headings, *article.paragraphs])
    names = tuple(_names_by_preference([m.text for m in mentions if m.label != "NORP"]))
    people = {m.text for m in mentions if m.label == "PERSON"}
    found = yake_candidates(yake_input(text), top * CANDIDATES_PER_KEYWORD)
    tokens = [lower_tags(doc) for doc in headings + docs]
    seen = {phrase for phrase, _ in found}
    found = found + [(phrase, 1.0) for phrase in noun_phrases(tokens[len(headings):], REPEATED)
                     if phrase not in seen]
    units = [graph_words([doc]) for doc in tokens]
    sequence = [word for unit in units for word in unit]
    ranks = word_ranks(sequence)
    vector = article_vector(units, sequence)
    long_names = {m.text for m in mentions if len(phrase_words(m.text)) >= LONG_NAME_WORDS}
    top_rank = max(ranks.values(), default=1.0)
    tags = tag_lookup(tokens, len(headings), {w for phrase, _ in found for w in phrase.split()})
    tagged = TaggedText.of(tokens)
    order: dict[str, str] = {}  # lower-cased phrase -> surface form, in YAKE's order
    for phrase, _ in found:
        # The trimmed phrase may be a name too: "president putin welcomed" -> "President Putin".
        trimmed = trim(phrase, tags)
        phrase = (_as_entity(phrase, names, people, tags, text)
                  or (trimmed and trimmed != phrase and _as_entity(trimmed, names, people, tags, text))
                  or surface(trimmed, text))
        # A trimmed phrase the text never writes ("moscow deputy foreign" of "Moscow's Deputy
        # Foreign Minister") is no one's keyword; nor is one it only writes before another
        # noun ("biggest oil" of "biggest oil spill"): DUC-2001 even half, 6 of 99 such
        # phrases in our lists were readers' keyphrases (F1@10 30.92 -> 31.27, KPCrowd
        # 11.28 -> 11.60). A common noun before a capitalised word is an apposition, not a
        # modifier ("gold medals Johnson", "runners Swai"): F1@10 34.44 -> 34.73, KPCrowd
        # 11.93 -> 12.16.
        if (phrase and phrase.lower() not in order and written(phrase, text)
                and not not_a_subject(phrase, article, names)
                and (phrase in names or not modifier_only(phrase, tagged))
                and (phrase in names or not apposition(phrase, tags))):
            order[phrase.lower()] = phrase
    ranked = []
    for index, key in enumerate(order):
        value = phrase_rank(key, ranks) / top_rank + W_YAKE * (1 - index / len(order))
        if order[key] in long_names:
            value *= W_LONG_NAME
        value += W_SIMILARITY * similarity(key, vector) + W_FIRST * (1 - first_written(key, text))
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


def _as_entity(phrase: str, names: tuple[str, ...], people: set[str], tags: dict[str, str],
               text: str) -> str:
    """The entity name a candidate is part of, or that it contains ("Vladimir Putin"), or
    whose proper noun it cuts ("classic San" of "San Francisco"); never a name the candidate
    merely shares a word with where the text also writes the candidate on its own ("hurricane"
    is not "National Hurricane Center", nor "Clinton administration" "Bill Clinton")."""
    tokens = phrase_words(phrase)
    # A candidate that is itself a name stays that name: "Alaska" is not "Alaska Department
    # of Environmental Conservation", nor "Agriculture Department" a longer committee's name.
    exact = _exact_names(names).get(tokens)
    if exact:
        return exact
    index = _name_index(names)
    for at in sorted({at for t in tokens for at in index.get(t, ())}):  # in `names` order
        name = names[at]
        name_words = phrase_words(name)
        shared = sum(1 for t in tokens if t in name_words)
        proper = any(t in name_words and tags.get(t) in PROPER for t in tokens)
        if not (shared >= 2 or (shared and (len(tokens) == 1 or name in people or proper))):
            continue
        # Part of the name ("Putin" of "Vladimir Putin"), a person's name with a title
        # ("President Putin"), or a phrase the text writes only where it writes the name
        # ("classic San" of "classic San Francisco").
        part = set(tokens) <= set(name_words) or (name in people and _title_case(phrase, text))
        if (proper and part) or not written_apart(phrase, name, text):
            return name
    return ""


def _title_case(phrase: str, text: str) -> bool:
    """Whether the text writes every word of the phrase capitalised, as a name or title is."""
    return all(word[:1].isupper() for word in surface(phrase, text).split())


@lru_cache(maxsize=4)
def _exact_names(names: tuple[str, ...]) -> dict[tuple[str, ...], str]:
    """Each name's words -> the name, the first in `names` order when two differ in case."""
    exact: dict[tuple[str, ...], str] = {}
    for name in names:
        exact.setdefault(phrase_words(name), name)
    return exact


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

