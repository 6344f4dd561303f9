"""Entities: aliases merged into entities across the corpus (the stage after extract).

A short name joins a longer one only with evidence: within an article a person's surname,
first name or quoted nickname ("Putin" -> "Vladimir Putin") or an acronym of the longer
name; anywhere a person's surname or nickname when one full name matches, an acronym an
article defined, a standard abbreviation ("U.S."), a generic tail ("Likud Party"). A
nationality or group never joins a longer name; ALL-CAPS forms join their mixed-case
spelling. The type is voted over all mentions with cue words, then fixed by a gazetteer.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any

from generator.extract.entities import QUOTED, TYPES, name_preference, name_tokens
from generator.extract.gazetteer import (
    KIND_WORDS,
    NAME_TAILS,
    PERSON_CUES,
    PLACE_CUES,
    STANDARD_ABBREVIATIONS,
)
from generator.model import Entity, Extraction, Mention, Sentence
from generator.text import SlugRegistry


def merge_entities(
    extractions: dict[str, Extraction],
) -> tuple[tuple[Entity, ...], dict[str, Extraction]]:
    """Entities across the corpus, and the extractions with each mention's entity key and
    each sentence's entity keys filled in."""
    fold = _fold_forms([m.text for ex in extractions.values() for m in ex.mentions])
    # 1. Within each article: a short name joins the one longer name it is shown to stand for.
    local: dict[str, dict[str, str]] = {}
    defined: dict[str, set[str]] = defaultdict(set)  # acronym -> names it was defined for
    for article_id, extraction in sorted(extractions.items()):
        labels: dict[str, Counter[str]] = defaultdict(Counter)
        for m in extraction.mentions:
            labels[fold[m.text]][_vote(m)[0]] += 1
        resolved = _resolve_aliases([fold[m.text] for m in extraction.mentions],
                                    {name: _decide_type(c) for name, c in labels.items()},
                                    within_article=True)
        local[article_id] = {m.text: resolved[fold[m.text]] for m in extraction.mentions}
        for short, full in sorted(resolved.items()):
            if _is_acronym(short, full):
                defined[short].add(full)
    # 2. Votes for type and counts per article-level canonical name.
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for article_id, extraction in extractions.items():
        for m in extraction.mentions:
            kind, weight = _vote(m)
            if m.text != fold[m.text] and m.text.isupper():
                weight = 0  # spaCy types capitals poorly: the mixed-case spelling decides
            votes[local[article_id][m.text]][kind] += weight
    types = {name: _decide_type(counter) for name, counter in votes.items()}
    # 3. Across articles: same name; a person's surname -> the one matching full name; an
    # acronym -> the one name an article defined it for.
    canonical = _resolve_aliases(sorted(types), types)
    for short, fulls in defined.items():
        if short in canonical and canonical[short] == short and len(fulls) == 1:
            canonical[short] = canonical.get(min(fulls), min(fulls))
    registry = SlugRegistry()
    groups: dict[str, list[str]] = defaultdict(list)
    for name in sorted(types):
        groups[canonical[name]].append(name)
    keys = {name: registry.claim(name, name) for name in sorted(groups)}
    data: dict[str, dict[str, Any]] = {}
    mapping: dict[str, dict[str, str]] = {}
    position = 0
    for article_id, extraction in sorted(extractions.items()):
        mapping[article_id] = {}
        for m in extraction.mentions:
            head = canonical[local[article_id][m.text]]
            key = keys[head]
            mapping[article_id][m.text] = key
            entry = data.setdefault(key, {"name": head, "aliases": set(), "articles": set(),
                                          "sentences": {}, "mentions": 0, "votes": Counter(),
                                          "forms": Counter(), "first": {}})
            entry["aliases"].add(m.text)
            entry["forms"][m.text] += 1
            entry["first"].setdefault(m.text, position)
            position += 1
            entry["articles"].add(article_id)
            entry["mentions"] += 1
            entry["sentences"][article_id, m.sentence] = None  # an ordered set: a list was quadratic
    for name, head in canonical.items():
        data[keys[head]]["votes"].update(votes[name])
    for d in data.values():
        d["name"] = _preferred_form(d["name"], d["forms"], d["first"])
    entities = tuple(
        Entity(key=key, name=d["name"], type=_kind(d["name"], _decide_type(d["votes"])),
               aliases=tuple(sorted(d["aliases"] - {d["name"]})), mentions=d["mentions"],
               article_ids=tuple(sorted(d["articles"])), sentences=tuple(d["sentences"]))
        for key, d in sorted(data.items())
    )
    return entities, {k: _attach(v, mapping[k]) for k, v in extractions.items()}


def _fold_forms(names: list[str]) -> dict[str, str]:
    """Each name as merging sees it: a standard abbreviation spelt out ("U.S." -> "United
    States"), an ALL-CAPS form (dateline, headline) as the most used mixed-case spelling."""
    counts = Counter(STANDARD_ABBREVIATIONS.get(n.lower(), n) for n in names)
    mixed: dict[tuple[str, ...], str] = {}
    for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if not name.isupper():
            mixed.setdefault(name_tokens(name), name)
    fold = {}
    for name in names:
        spelt = STANDARD_ABBREVIATIONS.get(name.lower(), name)
        fold[name] = mixed.get(name_tokens(spelt), spelt) if spelt.isupper() else spelt
    return fold


def _vote(m: Mention) -> tuple[str, int]:
    """The type a mention votes for and its weight: "fellow hostage X" counts double for a
    person; "in X" that spaCy read as a person votes for a place ("in Givat Zeev")."""
    if m.cue in PERSON_CUES and m.label != "NORP":
        return "person", 2
    if m.cue in PLACE_CUES and m.label == "PERSON":
        return "place", 1
    return TYPES[m.label], 1


def _kind(name: str, voted: str) -> str:
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


def _preferred_form(head: str, forms: Counter[str], first: dict[str, int]) -> str:
    """The name shown for an entity: of the forms spelling its full name ("Hong Kong",
    "HONG KONG"), the one `name_preference` ranks first."""
    full = [f for f in forms if name_tokens(f) == name_tokens(head)]
    if not full:
        return head
    return min(full, key=lambda f: name_preference(f, forms[f], first[f]))


def _decide_type(votes: Counter[str]) -> str:
    return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _resolve_aliases(names: list[str], types: dict[str, str],
                     within_article: bool = False) -> dict[str, str]:
    """Map each name to the fullest name it stands for (itself if none or ambiguous)."""
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
    return within_article and _is_acronym(short, full)


@lru_cache(maxsize=65536)
def _initials(name: str) -> str:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", name) if w.lower() not in {"of", "the", "and", "for"}]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


def _is_acronym(short: str, full: str) -> bool:
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


def _attach(extraction: Extraction, mapping: dict[str, str]) -> Extraction:
    """The extraction with each mention's and each sentence's entity keys filled in. Built
    field by field: dataclasses.replace, per mention of a large corpus, was a hot spot."""
    by_sentence: dict[str, set[str]] = defaultdict(set)
    for m in extraction.mentions:
        by_sentence[m.sentence].add(mapping[m.text])
    sentences = tuple(Sentence(s.text, s.article_id, s.paragraph,
                               tuple(sorted(by_sentence[s.text])) if s.text in by_sentence else (),
                               s.dates, s.figures) for s in extraction.sentences)
    mentions = tuple(Mention(m.text, m.label, m.sentence, m.cue, mapping[m.text])
                     for m in extraction.mentions)
    return Extraction(extraction.keywords, extraction.figures, mentions, sentences)
