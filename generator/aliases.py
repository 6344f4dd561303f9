"""Aliases: when two names name one entity, and which type and name the entity gets.

A short name joins a longer one only with evidence: within an article a person's surname,
first name or quoted nickname ("Putin" -> "Vladimir Putin") or an acronym of the longer
name; anywhere a person's surname or nickname when one full name matches, an acronym an
article defined, a standard abbreviation ("U.S."), a generic tail ("Likud Party"). A
nationality or group never joins a longer name; ALL-CAPS forms join their mixed-case
spelling. The type is voted over all mentions with cue words, then fixed by a gazetteer.
`generator.entities` applies these rules to the corpus.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from generator.extract.entities import QUOTED, TYPES, name_preference, name_tokens
from generator.extract.gazetteer import (
    KIND_WORDS,
    NAME_TAILS,
    PERSON_CUES,
    PLACE_CUES,
    STANDARD_NAMES,
)
from generator.model import Mention


def spelt(name: str) -> str:
    """A standard abbreviation or short name spelt out ("U.S.", "America" -> "United
    States"), else the name."""
    return STANDARD_NAMES.get(name.lower(), name)


def vote(m: Mention) -> tuple[str, int]:
    """The type a mention votes for and its weight: "fellow hostage X" counts double for a
    person; "in X" that spaCy read as a person votes for a place ("in Givat Zeev")."""
    if m.cue in PERSON_CUES and m.label != "NORP":
        return "person", 2
    if m.cue in PLACE_CUES and m.label == "PERSON":
        return "place", 1
    return TYPES[m.label], 1


def entity_type(name: str, voted: str) -> str:
    """The voted type, unless the name's last word fixes its kind ("West Nile Virus" is no
    place, "Oval Office" no organisation); people and groups keep theirs."""
    if voted in ("person", "group"):
        return voted
    words = name_tokens(name)
    last = words[-1] if words else ""
    for kind in sorted(KIND_WORDS):
        if last in KIND_WORDS[kind] or " ".join(words) in KIND_WORDS[kind]:
            return kind
    return voted


def preferred_form(head: str, forms: Counter[str], first: dict[str, int]) -> str:
    """The name shown for an entity: of the forms spelling its full name ("Hong Kong",
    "HONG KONG"), the one `name_preference` ranks first."""
    full = [f for f in forms if name_tokens(f) == name_tokens(head)]
    if not full:
        return head
    return min(full, key=lambda f: name_preference(f, forms[f], first[f]))


def decide_type(votes: dict[str, int]) -> str:
    return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def resolve_aliases(names: list[str], types: dict[str, str],
                    within_article: bool = False) -> dict[str, str]:
    """Map each name to the fullest name it stands for (itself if none or ambiguous).

    Across articles a name of several words depends only on the names that begin with its
    words, a one-word name only on the names holding its word: `generator.entities` relies
    on this to resolve again only the names a changed name can reach."""
    distinct = sorted(set(names), key=lambda n: (-len(name_tokens(n)), -len(n), n))
    by_token: dict[str, list[str]] = defaultdict(list)  # token -> full names holding it
    by_initials: dict[str, list[str]] = defaultdict(list)
    # Across articles a name of several words can only stand for the same words or for
    # them plus a generic tail (`_stands_for`): looking those up, not every name sharing
    # the last word ("Corp"), keeps the corpus pass linear.
    by_words: dict[tuple[str, ...], list[str]] = defaultdict(list)
    result: dict[str, str] = {}
    for name in distinct:
        tokens = name_tokens(name)
        if within_article:  # an acronym needs its long form in the same article
            pool = by_token.get(tokens[-1], []) if tokens else []
            pool = pool + by_initials.get(re.sub(r"[^A-Z]", "", name), [])
        elif len(tokens) > 1:
            pool = by_words.get(tokens, [])
        else:
            pool = by_token.get(tokens[-1], []) if tokens else []
        heads = {result[f] for f in pool if _stands_for(name, f, types, within_article)}
        if len(heads) == 1 and tokens:
            result[name] = heads.pop()
        else:
            result[name] = name
            for token in set(tokens):
                by_token[token].append(name)
            by_initials[_initials(name)].append(name)
            by_words[tokens].append(name)
            by_words[tokens[:-1]].append(name)
    return result


def _stands_for(short: str, full: str, types: dict[str, str], within_article: bool) -> bool:
    """Whether `short` is shown to name what `full` names. A nationality or group never
    stands for a longer name ("American" is not "Detroit Native Americans")."""
    tokens, full_tokens = name_tokens(short), name_tokens(full)
    kind, full_kind = types[short], types[full]
    if not tokens:
        return False  # "747" (no word) came to a one-word name through empty initials
    if tokens == full_tokens:
        return kind == full_kind
    if "group" in (kind, full_kind) or len(tokens) >= len(full_tokens):
        return False
    if full_kind == "person":
        # spaCy often mistypes a lone surname ("Troufanov" as ORG): within an article a
        # person's full name takes a one-word name of any type; across articles a surname or
        # the quoted nickname ('Alexander "Sasha" Troufanov').
        if within_article:
            return (kind == "person" or len(tokens) == 1) and _abbreviates(tokens, full)
        return kind == "person" and len(tokens) == 1 and (
            tokens[0] == full_tokens[-1] or tokens[0] in _nicknames(full))
    if kind == full_kind and full_tokens[:-1] == tokens and full_tokens[-1] in NAME_TAILS.get(kind, ()):
        return True  # "Likud" and "Likud Party", "Gaza" and "Gaza Strip"
    return within_article and is_acronym(short, full)


@lru_cache(maxsize=65536)
def _initials(name: str) -> str:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", name) if w.lower() not in {"of", "the", "and", "for"}]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


def is_acronym(short: str, full: str) -> bool:
    """"NATO" for "North Atlantic Treaty Organization", "U.N." for "United Nations"."""
    letters = short.replace(".", "")
    return letters.isupper() and letters.isalpha() and len(letters) > 1 and letters == _initials(full)


def _abbreviates(tokens: tuple[str, ...], full: str) -> bool:
    """Whether the tokens of a name are its first name, surname or nickname, or a sub-sequence
    of it ending with the surname."""
    full_tokens = name_tokens(full)
    if len(tokens) == 1:
        return tokens[0] in (full_tokens[0], full_tokens[-1], *_nicknames(full))
    return all(t in full_tokens for t in tokens) and tokens[-1] == full_tokens[-1]


def _nicknames(full: str) -> list[str]:
    return [t.lower() for t in QUOTED.findall(full)]
