"""Keyword candidates: the `yake` package's phrases of up to three words, with its scores, and
the adjective-noun phrases the tagged text repeats."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from generator.errors import BuildError, SetupError
from generator.extract.keytext import ADJECTIVE, NOUNISH, PARTICIPLE
from generator.text import words

PHRASE_WORDS = 3  # YAKE's longest candidate
PHRASE_TAGS = NOUNISH | ADJECTIVE


def yake_candidates(text: str, top: int) -> list[tuple[str, float]]:
    """YAKE's `top` candidates, lower-cased (lower score is better); errors surface instead
    of vanishing.

    YAKE 0.7.3 scores from dicts and a networkx graph filled in text order and sorts with
    ties in first-occurrence order; its only sets (stop words, a candidate's tag patterns)
    are tested for membership, so its output does not depend on the hash seed
    (tests/test_determinism.py checks it across processes)."""
    try:
        import yake
    except ImportError as exc:
        raise SetupError("the yake package is missing: run `make site` to install") from exc

    extractor = yake.KeywordExtractor(lan="en", n=3, top=top, dedup_lim=1.0)
    try:
        result = extractor.extract_keywords(text)
    except Exception as exc:
        raise BuildError(f"YAKE failed: {exc}") from exc
    if not result and len(words(text)) > 20:
        # yake 0.7.3 swallows its own errors into an empty list
        raise BuildError("YAKE returned no keywords for a text of more than 20 words")
    return [(" ".join(_bare(w) for w in phrase.lower().split()), float(score)) for phrase, score in result]


def _bare(word: str) -> str:
    """A word without the punctuation YAKE leaves at its end when a quote or semicolon
    follows ("brutality.''", "rate.;"); an abbreviation keeps its points ("u.s.")."""
    bare = word.rstrip(".,;:!?'\"`’”")
    return word if "." in bare else bare or word


def noun_phrases(tokens: Sequence[Sequence[tuple[str, str]]], times: int) -> list[str]:
    """Adjective-noun phrases (`keytext.lower_tags` of each doc; a run's last `PHRASE_WORDS`
    words, ending in a noun) written at least `times` times, in the order first written."""
    counts: Counter[str] = Counter()
    for doc in tokens:
        run: list[str] = []
        nouns = 0  # the run's length up to its last noun
        for word, tag in [*(_compounds(doc) if ("-", "HYPH") in doc else doc), ("", "")]:
            if tag in PHRASE_TAGS:
                run.append(word)
                if tag in NOUNISH:
                    nouns = len(run)
                continue
            if nouns:
                counts[" ".join(run[max(0, nouns - PHRASE_WORDS):nouns])] += 1
            run, nouns = [], 0
    return [phrase for phrase, count in counts.items() if count >= times]


def _compounds(doc: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Tokens with the parts of a hyphenated compound joined ("single", "-", "engine"), tagged
    as its last part, or as an adjective when that is a participle ("tornado-related")."""
    joined: list[tuple[str, str]] = []
    at = 0
    while at < len(doc):
        word, tag = doc[at]
        if tag == "HYPH" and joined and joined[-1][0][-1:].isalnum() and at + 1 < len(doc):
            last, last_tag = doc[at + 1]
            joined[-1] = (f"{joined[-1][0]}-{last}", "JJ" if last_tag in PARTICIPLE else last_tag)
            at += 2
            continue
        joined.append((word, tag))
        at += 1
    return joined
