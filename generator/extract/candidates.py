"""Keyword candidates: the `yake` package's phrases of up to three words, with its scores."""

from __future__ import annotations

from generator.errors import BuildError, SetupError
from generator.text import words


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
