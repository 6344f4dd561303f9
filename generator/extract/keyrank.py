"""Ranking keyword candidates with what the best unsupervised news methods show matters.

YAKE gives the candidates and its order; the rank comes from
- position (PositionRank): the sentences that say a phrase, each weighted 1 / its number
  (headline first), capped at 1;
- frequency: how many sentences say it (log);
- YAKE's order, which only breaks ties.
Phrase-document similarity (EmbedRank with offline vectors: TF-IDF over the article's
sentences, and LSA over them) was measured on 500N-KPCrowd and lowered F1@10 when added
to these two (16.7 -> 16.2), so it is not used. Corpus specificity needs the corpus, so
it is applied where the corpus is known: `specificity` weights `merge_keywords`' votes.
Near-synonyms ("Russian authorities" / "Russian officials") are folded into the form the
article ranks first, which is the one it says most.
"""

from __future__ import annotations

import math
from functools import lru_cache

from generator.text import words

# Weights of the signals, tuned on 500N-KPCrowd (bench/keywords.py).
W_POSITION, W_FREQUENCY, W_YAKE = 1.0, 1.0, 1e-6
# Heads that news copy uses interchangeably after the same modifier.
SYNONYM_HEADS = (
    frozenset({"authorities", "officials", "government", "leaders", "administration"}),
    frozenset({"troops", "forces", "soldiers", "military", "army"}),
    frozenset({"talks", "negotiations", "discussions"}),
    frozenset({"deal", "agreement", "accord"}),
    frozenset({"attack", "assault", "strike", "raid"}),
    frozenset({"captives", "hostages", "prisoners", "detainees"}),
    frozenset({"police", "officers", "police officers"}),
    frozenset({"war", "conflict", "fighting"}),
)


def sentence_words(sentences: list[str]) -> list[str]:
    """Each sentence as its lower-cased words between single spaces, padded: a phrase is
    in it when " phrase " is a substring (fast, and never half a word)."""
    return [f" {' '.join(words(s))} " for s in sentences]


@lru_cache(maxsize=8192)
def phrase_words(phrase: str) -> tuple[str, ...]:
    """`words`, kept: the same candidates and names are split again and again."""
    return tuple(words(phrase))


def score(phrase: str, yake_rank: float, sentences: list[str], alias: list[str]) -> float:
    """Higher is better: the sentences that say the phrase (or its `alias`), each weighted
    by its place (headline first), plus how many they are; `yake_rank` (1 for YAKE's best
    candidate down to 0) only breaks ties."""
    needles = [f" {' '.join(t)} " for t in (phrase_words(phrase), alias) if t]
    position = 0.0
    frequency = 0
    for index, sentence in enumerate(sentences):
        if any(needle in sentence for needle in needles):
            position += 1 / (index + 1)
            frequency += 1
    return W_POSITION * min(1.0, position) + W_FREQUENCY * math.log1p(frequency) + W_YAKE * yake_rank


def near_synonyms(a: str, b: str) -> bool:
    """ "Russian authorities" / "Russian officials": same words but a head that news
    copy uses interchangeably."""
    wa, wb = phrase_words(a), phrase_words(b)
    if len(wa) != len(wb) or len(wa) < 2 or wa[:-1] != wb[:-1] or wa[-1] == wb[-1]:
        return False
    return any(wa[-1] in group and wb[-1] in group for group in SYNONYM_HEADS)


def specificity(document_frequency: int, documents: int) -> float:
    """A phrase in every article of the corpus says nothing about one of them: IDF-like
    weight in (0, 1], 1 for a phrase only one article uses."""
    if documents <= 1 or document_frequency <= 1:
        return 1.0
    return math.log(1 + documents / document_frequency) / math.log(1 + documents)
