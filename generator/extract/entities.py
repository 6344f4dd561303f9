"""Named-entity mentions of one article, from spaCy NER: furniture and non-names dropped,
names normalised. Merging them into entities across the corpus is `generator.entities`."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from generator.extract.gazetteer import (
        FURNITURE,
    MARKUP,
    MENU,
    TITLES,
    WIRE_SLUG,
)
from generator.model import Mention

if TYPE_CHECKING:
    from spacy.tokens import Span

TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
         "FAC": "place", "NORP": "group"}
QUOTED = re.compile(r"[\"“”']([^\"“”']+)[\"“”']")


def mentions_in(sent: Span, sentence: str, doc_ents: Sequence[Span] | None = None) -> list[Mention]:
    """Valid entity mentions in one sentence (`sentence` is its text as shown to readers;
    clean has taken the dateline off the first paragraph). `doc_ents`: the document's
    entities, read once: `Span.ents` walks every token of the document each time, which
    made extraction quadratic in a one-paragraph article's sentences."""
    ents = sent.ents if doc_ents is None else \
        [e for e in doc_ents if e.start >= sent.start and e.end <= sent.end]
    found = []
    for ent in ents:
        if ent.label_ not in TYPES:
            continue
        name = normalise_name(ent.text, ent.label_)
        if not is_valid_name(name):
            continue
        cue = sent.doc[ent.start - 1].lower_ if ent.start > sent.start else ""
        found.append(Mention(name, ent.label_, sentence, cue))
    return found


def normalise_name(text: str, label: str) -> str:
    text = re.split(r"\s[-–—|]\s", text)[0]  # "George Soros - think": a name ends at a dash
    # "<Asta Pharma AG>": Reuters marks a company that is not listed with angle brackets
    text = re.sub(r"\s+", " ", text).strip(" \t\n,;:—–-<>")
    if not re.search(r"\b[A-Z]\.$|\b(Inc|Jr|Sr|Co|Ltd|Corp|St)\.$", text):
        text = text.rstrip(".")  # keep the full stop of "U.S." and "Apple Inc."
    text = re.sub(r"^(the|a|an) ", "", text, flags=re.I)
    text = re.sub(r"['’]s$", "", text)
    if label == "PERSON":
        parts = text.split()
        while len(parts) > 1 and parts[0].lower().rstrip(".") in TITLES:
            parts = parts[1:]
        text = " ".join(parts)
    return text


def is_valid_name(name: str) -> bool:
    """Artefacts never become entities: furniture, lone titles, citation tokens, credits, wire
    slugs and codes, markup remnants, table rows ("Revs 291.8"), menu strings, fragments."""
    low = name.lower().rstrip(".")
    if len(name) < 2 or low in FURNITURE or low in TITLES or "/" in name:
        return False
    if not (name[0].isupper() or re.match(r"(al|el|de|van|von|da|di|le|la|du)[- ]", name)):
        return False  # lower-case words are not names, except "al-Qaeda", "de Gaulle", "van Gogh"
    if WIRE_SLUG.match(name) or MARKUP.search(name) or re.search(r"\d[.,]\d", name):
        return False
    if name.count('"') % 2 or name.count("(") != name.count(")"):
        return False
    words = re.findall(r"[a-z]+", low)
    if len(words) > 1 and set(words) <= MENU:  # "Abort, Retry"
        return False
    # a citation token glued to a word ("Israel1", "Post3"), not a name such as "G7" or "F-16"
    return not re.search(r"[A-Za-z]{3,}\d{1,2}$", name)


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """Tokens of a name without quotes or final full stops: Alexander "Sasha" Troufanov -> 3
    tokens, "Boston Corp." -> ("boston", "corp")."""
    return tuple(t.lower().rstrip(".") for t in re.findall(r"[^\W\d_][\w'’.-]*", name))


def name_preference(name: str, count: int, first: int) -> tuple[int, bool, int, str]:
    """Sort key among names that tie (one name in two cases, two people whose names are as
    long): most mentioned (`count`), then mixed case ("Hong Kong" before a dateline's
    "HONG KONG"), then first mentioned (`first`: position in reading order), then by text."""
    return (-count, name.isupper(), first, name)
