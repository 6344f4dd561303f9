"""Loading the spaCy pipeline once per process, NER-only plus a sentencizer."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from generator.errors import SetupError

if TYPE_CHECKING:
    from spacy.language import Language


@lru_cache(maxsize=2)
def load_nlp(name: str) -> Language:
    """The named spaCy model without parser and lemmatizer (same entities, ~1.7x faster)."""
    import spacy  # heavy: keep it out of `digest --help`

    try:
        nlp = spacy.load(name, exclude=["parser", "lemmatizer"])
    except OSError as exc:
        raise SetupError(
            f"spaCy model {name!r} is not installed — install it (make site does) "
            "or set spacy_model in digest.toml"
        ) from exc
    nlp.add_pipe("sentencizer", first=True)
    return nlp
