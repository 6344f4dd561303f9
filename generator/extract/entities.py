"""Named entities: mentions from spaCy NER, then aliases merged into entities.

Within an article a surname, first name or quoted nickname alone joins the one
full name that contains it ("Putin" -> "Vladimir Putin"). Across articles the
same normalised name is one entity, and a short name joins a full name only when
exactly one known full name of that type matches. An entity's type is decided
from all of its mentions, with cues such as "fellow hostage X" counting double.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING

from generator.model import Entity, Extraction, Mention
from generator.text import SlugRegistry

if TYPE_CHECKING:
    from spacy.tokens import Span

TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
         "FAC": "place", "NORP": "group"}
TITLES = {"president", "prime", "minister", "deputy", "foreign", "dr", "mr", "mrs", "ms", "executive",
          "ceo", "chairman", "chairwoman", "coach", "manager", "striker", "actor", "actress", "singer",
          "prof", "professor", "sir", "gen", "general", "col", "sen", "senator", "rep",
          "ambassador", "rabbi", "chief", "king", "queen", "prince", "pope", "judge", "former",
          "secretary", "chancellor", "governor", "mayor", "spokesman", "spokeswoman", "st"}
FURNITURE = {"youtube", "live", "video", "watch", "comment", "post", "share", "twitter",
             "facebook", "instagram", "telegram", "appendix", "advertisement", "getty images",
             "reuters/", "ap", "afp"}
PERSON_CUES = {"hostage", "mother", "father", "son", "daughter", "wife", "husband", "fiancée",
               "fiance", "fiancé", "brother", "sister", "dr.", "mr.", "mrs.", "ms.", "professor",
               "president", "minister", "ambassador", "spokesman", "spokeswoman", "official",
               "leader", "rabbi", "director", "fellow", "captive",
               "prisoner", "soldier", "journalist", "envoy", "diplomat", "chief", "citizen"}
_QUOTED = re.compile(r"[\"“”']([^\"“”']+)[\"“”']")


def mentions_in(sent: Span, sentence: str) -> list[Mention]:
    """Valid entity mentions in one sentence (`sentence` is its text as shown to readers)."""
    found = []
    for ent in sent.ents:
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
    text = re.sub(r"\s+", " ", text).strip(" \t\n,;:—–-")
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
    """Artefacts never become entities: furniture, lone titles, citation tokens, credits."""
    low = name.lower().rstrip(".")
    if len(name) < 2 or low in FURNITURE or low in TITLES or "/" in name:
        return False
    if not (name[0].isupper() or re.match(r"(al|el|de|van|von|da|di|le|la|du)[- ]", name)):
        return False  # lower-case words are not names, except "al-Qaeda", "de Gaulle", "van Gogh"
    # a citation token glued to a word ("Israel1", "Post3"), not a name such as "G7" or "F-16"
    return not re.search(r"[A-Za-z]{3,}\d{1,2}$", name)


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """Tokens of a name without quotes: Alexander "Sasha" Troufanov -> 3 tokens."""
    return tuple(t.lower() for t in re.findall(r"[^\W\d_][\w'’.-]*", name))


def name_preference(name: str, count: int, first: int) -> tuple:
    """Sort key among names that tie (one name in two cases, two people whose names are as
    long): most mentioned (`count`), then mixed case ("Hong Kong" before a dateline's
    "HONG KONG"), then first mentioned (`first`: position in reading order), then by text."""
    return (-count, name.isupper(), first, name)


def merge(extractions: dict[str, Extraction]) -> tuple[tuple[Entity, ...], dict[str, dict[str, str]]]:
    """Entities across the corpus, and for each article a map mention text -> entity key."""
    # 1. Within each article: every short name joins the one full name containing it.
    local: dict[str, dict[str, str]] = {}
    for article_id, extraction in sorted(extractions.items()):
        labels: dict[str, Counter[str]] = defaultdict(Counter)
        for m in extraction.mentions:
            labels[m.text][TYPES[m.label]] += 1
        local[article_id] = _resolve_aliases(
            [m.text for m in extraction.mentions],
            {name: _decide_type(c) for name, c in labels.items()}, within_article=True)
    # 2. Votes for type and counts per article-level canonical name.
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for article_id, extraction in extractions.items():
        for m in extraction.mentions:
            weight = 2 if m.cue in PERSON_CUES and m.label != "NORP" else 1
            label = "PERSON" if m.cue in PERSON_CUES and m.label != "NORP" else m.label
            votes[local[article_id][m.text]][TYPES[label]] += weight
    types = {name: _decide_type(counter) for name, counter in votes.items()}
    # 3. Across articles: same normalised name; a short name -> the one matching full name.
    canonical = _resolve_aliases(sorted(types), types)
    registry = SlugRegistry()
    groups: dict[str, list[str]] = defaultdict(list)
    for name in sorted(types):
        groups[canonical[name]].append(name)
    keys = {name: registry.claim(name, name) for name in sorted(groups)}
    data: dict[str, dict] = {}
    mapping: dict[str, dict[str, str]] = {}
    position = 0
    for article_id, extraction in sorted(extractions.items()):
        mapping[article_id] = {}
        for m in extraction.mentions:
            head = canonical[local[article_id][m.text]]
            key = keys[head]
            mapping[article_id][m.text] = key
            entry = data.setdefault(key, {"name": head, "aliases": set(), "articles": set(),
                                          "sentences": [], "mentions": 0, "votes": Counter(),
                                          "forms": Counter(), "first": {}})
            entry["aliases"].add(m.text)
            entry["forms"][m.text] += 1
            entry["first"].setdefault(m.text, position)
            position += 1
            entry["articles"].add(article_id)
            entry["mentions"] += 1
            if (article_id, m.sentence) not in entry["sentences"]:
                entry["sentences"].append((article_id, m.sentence))
    for name, head in canonical.items():
        data[keys[head]]["votes"].update(votes[name])
    for d in data.values():
        d["name"] = _preferred_form(d["name"], d["forms"], d["first"])
    entities = tuple(
        Entity(key=key, name=d["name"], type=_decide_type(d["votes"]),
               aliases=tuple(sorted(d["aliases"] - {d["name"]})), mentions=d["mentions"],
               article_ids=tuple(sorted(d["articles"])), sentences=tuple(d["sentences"]))
        for key, d in sorted(data.items())
    )
    return entities, mapping


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
    """Map each name to the fullest name it abbreviates (itself if none or ambiguous)."""
    distinct = sorted(set(names), key=lambda n: (-len(name_tokens(n)), -len(n), n))
    by_token: dict[str, list[str]] = defaultdict(list)  # token -> full names holding it
    result: dict[str, str] = {}
    for name in distinct:
        tokens = name_tokens(name)
        nickname = [t.lower() for t in _QUOTED.findall(name)]
        # spaCy often mistypes a lone surname ("Troufanov" as ORG), so a person's full name
        # may take a one-word name of any type but a nationality or group.
        pool = by_token.get(tokens[-1], []) if tokens else []
        candidates = [f for f in pool if _abbreviates(tokens, f, nickname) and
                      (types[f] == types[name] or (types[f] == "person" and len(tokens) == 1
                       and types[name] != "group"))]
        if within_article:
            candidates = [f for f in candidates if len(name_tokens(f)) > len(tokens)]
        heads = {result[c] for c in candidates}
        if len(heads) == 1 and tokens:
            result[name] = heads.pop()
        else:
            result[name] = name
            for token in set(name_tokens(name)):
                by_token[token].append(name)
    return result


def _abbreviates(tokens: tuple[str, ...], full: str, nickname: list[str]) -> bool:
    """Whether the tokens of a name are a sub-sequence of a fuller name (or the same name)."""
    full_tokens = name_tokens(full)
    if tokens == full_tokens:
        return True
    if not tokens or len(tokens) >= len(full_tokens) or nickname:
        return False
    if len(tokens) == 1:
        return tokens[0] in (full_tokens[0], full_tokens[-1]) or \
            tokens[0] in [t.lower() for t in _QUOTED.findall(full)]
    return all(t in full_tokens for t in tokens) and tokens[-1] == full_tokens[-1]


def attach(extraction: Extraction, mapping: dict[str, str]) -> Extraction:
    """The extraction with each sentence's entity keys filled in."""
    by_sentence: dict[str, set[str]] = defaultdict(set)
    for m in extraction.mentions:
        by_sentence[m.sentence].add(mapping[m.text])
    sentences = tuple(dataclasses.replace(s, entities=tuple(sorted(by_sentence.get(s.text, ()))))
                      for s in extraction.sentences)
    return dataclasses.replace(extraction, sentences=sentences)
