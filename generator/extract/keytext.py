"""How an article writes a keyword candidate: its words' tags, the phrase's surface form,
and the filters that drop what is not a subject (news stop words, wire furniture, outlets,
halves of names, fragments of Title Case headlines, modifiers cut from a longer noun phrase).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from generator.dates import MONTHS
from generator.extract.keyrank import stem
from generator.model import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

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
NOUNISH = {"NN", "NNS", "NNP", "NNPS"}
ADJECTIVE = {"JJ", "JJR", "JJS"}
PROPER = {"NNP", "NNPS"}
PARTICIPLE = {"VBN", "VBG"}
CANDIDATE_TAGS = NOUNISH | ADJECTIVE


def lower_tags(doc: Doc) -> list[tuple[str, str]]:
    """Each token's lower-cased text and tag, read as one array: a Token object per word cost
    more than the whole keyword ranking."""
    strings = doc.vocab.strings
    return [(strings[lower], strings[tag]) for lower, tag in doc.to_array(["LOWER", "TAG"]).tolist()]


def graph_words(tokens: list[list[tuple[str, str]]]) -> list[str | None]:
    """The article's words in order for PositionRank: nouns and adjectives that are not stop
    words, stemmed; None for every other token."""
    return [stem(word) if tag in CANDIDATE_TAGS and not _stop(word) else None
            for doc in tokens for word, tag in doc]


def tag_lookup(tokens: list[list[tuple[str, str]]], body_from: int, needed: set[str]) -> dict[str, str]:
    """The most common tag of each lower-cased word in `needed` (`tokens`: `lower_tags` of
    each doc); body text counts double, because taggers misread Title Case headlines
    ("Diplomat Hopes" as two nouns)."""
    compounds = [w for w in needed if "-" in w.strip("-")]
    heads = {w: w.rsplit("-", 1)[1] for w in compounds}
    counts: dict[str, Counter[str]] = {}
    for index, doc in enumerate(tokens):
        for word, tag in doc:
            if word in needed or word in heads.values():
                counts.setdefault(word, Counter())[tag] += 2 if index >= body_from else 1
    # A tie goes to the tag seen first: most_common sorts stably and a Counter keeps
    # insertion order (the text's order, never hash order).
    found = {w: c.most_common(1)[0][0] for w, c in counts.items()}
    # The tagger splits "single-engine" at the hyphen: a compound takes its last part's tag,
    # a participle there making it an adjective ("tornado-related deaths").
    for word in sorted(compounds):
        head = found.get(heads[word])
        if word not in found and head:
            found[word] = "JJ" if head in PARTICIPLE else head
    return found


def trim(phrase: str, tags: dict[str, str]) -> str:
    """The noun phrase in a candidate, adjectives then nouns (the shape of reader-assigned
    keyphrases: Boudin et al.'s ADJ* NOUN+), or "" when a stop word or another word sits inside
    ("Director has conflict", "Steinfeld in talks")."""
    tokens = phrase.split()
    while tokens and (tags.get(tokens[-1].lower()) not in NOUNISH or _stop(tokens[-1])):
        tokens.pop()
    while tokens and (tags.get(tokens[0].lower()) not in NOUNISH | ADJECTIVE or _stop(tokens[0])):
        tokens.pop(0)
    shape = [tags.get(t.lower()) in NOUNISH for t in tokens]  # nouns after the adjectives
    if any(_stop(t) for t in tokens) or shape != sorted(shape) or not all(
            noun or tags.get(t.lower()) in ADJECTIVE for t, noun in zip(tokens, shape, strict=True)):
        return ""
    return " ".join(tokens)


def not_a_subject(phrase: str, article: Article, names: Sequence[str]) -> bool:
    """Furniture, an outlet's name, half a name, or a phrase only the headline or a subheading
    says ("EARLIER GENERATION", "Drought shifts")."""
    key = phrase.lower()
    if key in OUTLETS or key in FURNITURE or key == article.outlet.lower():
        return True
    if not article.paragraphs or phrase in names:
        return False
    body = " ".join(article.paragraphs)
    # Headlines are written in headline-ese ("Feds", "Drought shifts", "Fellow olympian") and
    # Title Case misleads the tagger ("Putin Extends Gratitude"): a keyword is something the
    # story itself says. DUC-2001 even half: 2 of the 141 headline-only phrases in our lists
    # were readers' keyphrases; dropping them, F1@10 31.49 -> 32.52, KPCrowd 11.57 -> 11.95.
    return name_fragment(phrase, body) or not written(phrase, body)


def name_fragment(word: str, body: str) -> bool:
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


def surface(phrase: str, text: str) -> str:
    """The phrase as most often written in the text (YAKE may lower-case it); on a tie, the
    form with fewer capitals, since headings capitalise what the body writes lower-case."""
    if not phrase:
        return ""
    found = written(phrase, text)
    if not found:
        return phrase
    return sorted(found.items(), key=lambda kv: (-kv[1], sum(c.isupper() for c in kv[0]), kv[0]))[0][0]


@lru_cache(maxsize=4096)
def written(phrase: str, text: str) -> Counter[str]:
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


def written_apart(phrase: str, name: str, text: str) -> bool:
    """Whether the text writes the phrase somewhere no occurrence of the name overlaps:
    "Exxon officials" beside "Boycott Exxon Alliance" is a phrase of its own, while
    "environmental conservation" only ever inside "Alaska Department of Environmental
    Conservation" is a cut of that name."""
    inside = _spans(name, text)
    return any(all(end <= a or start >= b for a, b in inside) for start, end in _spans(phrase, text))


def _spans(phrase: str, text: str) -> list[tuple[int, int]]:
    """Where the text writes the phrase as whole words, whatever the case and spacing."""
    _, lower = _flat(text)
    needle = " ".join(phrase.lower().split())
    found = []
    start = lower.find(needle) if needle else -1
    while start >= 0:
        end = start + len(needle)
        if not _wordy(lower, start - 1) and not _wordy(lower, end):
            found.append((start, end))
        start = lower.find(needle, start + 1)
    return found


def first_written(phrase: str, text: str) -> float:
    """Where the text first writes the phrase as whole words, as a share of the text's length:
    0 at its start, 1 if never."""
    _, lower = _flat(text)
    needle = " ".join(phrase.lower().split())
    start = lower.find(needle) if needle else -1
    while start >= 0:
        if not _wordy(lower, start - 1) and not _wordy(lower, start + len(needle)):
            return start / len(lower)
        start = lower.find(needle, start + 1)
    return 1.0


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


@dataclass(frozen=True)
class TaggedText:
    """The article's tokens in order as (lower-cased text, tag), an empty token after each
    doc so that no phrase runs across two, and where each word occurs."""

    tokens: tuple[tuple[str, str], ...]
    positions: Mapping[str, tuple[int, ...]]

    @classmethod
    def of(cls, docs: Sequence[Sequence[tuple[str, str]]]) -> TaggedText:
        tokens = tuple(token for doc in docs for token in (*doc, ("", "")))
        positions: dict[str, list[int]] = {}
        for at, (word, _) in enumerate(tokens):
            positions.setdefault(word, []).append(at)
        return cls(tokens, {word: tuple(at) for word, at in positions.items()})


def apposition(phrase: str, tags: Mapping[str, str]) -> bool:
    """A phrase where a common noun written in lower case stands before a capitalised word
    ("gold medals Johnson", "path Hurricane Hugo", "husband Bardem"): YAKE joined a noun to
    the name after it, which no noun phrase does; an adjective may ("eastern Japan")."""
    found = phrase.split()
    return any(a[:1].islower() and b[:1].isupper() and tags.get(a.lower()) in NOUNISH
               for a, b in pairwise(found))


def modifier_only(phrase: str, text: TaggedText) -> bool:
    """A phrase of two words or more that the text writes only before another noun: a
    modifier cut from a longer noun phrase, its head missing ("biggest oil" of "biggest oil
    spill", "typical Atlantic" of "typical Atlantic hurricane season")."""
    phrase_tokens = phrase.lower().split()
    size = len(phrase_tokens)
    if size < 2:
        return False
    seen = False
    for at in text.positions.get(phrase_tokens[0], ()):
        if [word for word, _ in text.tokens[at:at + size]] == phrase_tokens:
            if text.tokens[at + size][1] not in NOUNISH:
                return False
            seen = True
    return seen
