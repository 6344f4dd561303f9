"""Entities: aliases merged into entities across the corpus (the stage after extract).

`generator.aliases` says which names stand for one entity; this module applies it to the
corpus: (1) each article alone — names resolved within it, type votes, acronyms it defines;
(2) types voted per name; (3) names resolved across articles; (4) an entity per name they
stand for, with a unique slug. What each step found is kept for the next build
(`generator.entity_state`), over distinct names rather than mentions. A rebuild reads again
only new or changed articles and those whose ALL-CAPS names now fold into another spelling,
resolves again only the names a changed name can reach, claims slugs again only among names
whose slugs could clash, and counts again only the entities whose names or articles changed:
the result equals a merge from scratch, which `reuse=False` (`digest build --full`) forces.
"""
from __future__ import annotations

import gc
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from operator import attrgetter
from pathlib import Path

from generator.aliases import (
    decide_type,
    entity_type,
    is_acronym,
    preferred_form,
    resolve_aliases,
    spelt,
    vote,
)
from generator.cache import source_version
from generator.entity_state import (
    ArticleNames,
    Names,
    Votes,
    add_article,
    drop_article,
    fingerprint,
    fold,
    load_names,
    recount,
    save_names,
    tokens,
    unlink,
)
from generator.model import Entity, Extraction, Mention, Sentence
from generator.text import SlugRegistry, slugify

log = logging.getLogger(__name__)
RESOLVE_ALL = 0.25  # above this share of names changed, one pass over all names is cheaper


def merge_entities(
    extractions: dict[str, Extraction], saved: Path | None = None, reuse: bool = True,
) -> tuple[tuple[Entity, ...], dict[str, Extraction]]:
    """Entities across the corpus, and the extractions with each mention's entity key and
    each sentence's entity keys filled in. `saved`: where the merge is kept between builds;
    `reuse=False` merges from scratch (and saves)."""
    with _collector_paused():
        loaded = load_names(saved, _version()) if saved and reuse else None
        names = loaded or Names(_version())
        try:
            mapping, changed = _update(names, extractions)
        except Exception as exc:  # a saved merge that does not fit is ignored, never a crash
            if loaded is None:
                raise
            log.warning("%s does not fit this corpus (%r); merging entities from scratch", saved, exc)
            names = Names(_version())
            mapping, changed = _update(names, extractions)
        if saved and (changed or loaded is None):
            save_names(saved, names)
        entities = tuple(sorted(names.entities.values(), key=attrgetter("key")))
        attached = {k: _attach(v, mapping[k]) for k, v in extractions.items()}
        del names, loaded, mapping  # freed before the collector runs again, not walked by it
    return entities, attached


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The merge loads and makes some 10^5 small objects, and what it returns lives as long as
    the build: the cyclic garbage collector would walk them again and again (half a rebuild's
    merge). It is paused, and what is left goes straight to its oldest generation."""
    enabled, frozen = gc.isenabled(), gc.get_freeze_count()
    gc.disable()
    try:
        yield
    finally:
        if not frozen:  # freeze then unfreeze: every tracked object joins the oldest generation
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


def _update(names: Names, extractions: dict[str, Extraction]) -> tuple[dict[str, dict[str, str]], bool]:
    """Bring `names` up to `extractions`. Returns each article's mention text -> entity key,
    and whether any article came, went or changed."""
    prints = {a: fingerprint(x) for a, x in extractions.items()}
    stale = sorted(a for a, rec in names.articles.items() if prints.get(a) != rec.fingerprint)
    new = sorted(a for a in extractions
                 if a not in names.articles or prints[a] != names.articles[a].fingerprint)
    touched: set[str] = set()  # names whose articles or votes change
    gone = [drop_article(names, a, touched).spellings for a in stale]
    came = [Counter(spelt(m.text) for m in extractions[a].mentions) for a in new]
    # An unchanged article is read again when one of its ALL-CAPS names folds differently.
    refolded = sorted({a for t in recount(names, gone, came) for a in names.capitals.get(t, ())})
    again = [a for a in refolded if any(fold(names, c) != f for c, f in names.articles[a].capitals)]
    for a in again:
        drop_article(names, a, touched)
    for a in sorted({*new, *again}):
        add_article(names, a, _read(extractions[a], prints[a], names), touched)
    _realias(names, _vote_names(names, touched))
    moved = _canonical(names)
    heads = {names.canonical[n] for n in touched | moved.keys() if n in names.canonical}
    _total(names, extractions, heads | {h for h in moved.values() if h} | _claim_keys(names, moved))
    return {a: {text: names.keys[names.canonical[name]] for text, name in names.articles[a].local.items()}
            for a in extractions}, bool(stale or new)


def _read(extraction: Extraction, fingerprint: str, names: Names) -> ArticleNames:
    """Step 1: within the article a short name joins the one longer name it is shown to
    stand for; each mention votes for the type of its name."""
    mentions = extraction.mentions
    folded = {m.text: fold(names, m.text) for m in mentions}
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        labels[folded[m.text]][vote(m)[0]] += 1
    resolved = resolve_aliases([folded[m.text] for m in mentions],
                               {name: decide_type(c) for name, c in labels.items()}, within_article=True)
    local = {m.text: resolved[folded[m.text]] for m in mentions}
    votes: dict[str, Votes] = {}
    for m in mentions:
        kind, weight = vote(m)
        if m.text != folded[m.text] and m.text.isupper():
            weight = 0  # spaCy types capitals poorly: the mixed-case spelling decides
        tally = votes.setdefault(local[m.text], {})
        tally[kind] = tally.get(kind, 0) + weight
    return ArticleNames(
        fingerprint, dict(Counter(spelt(m.text) for m in mentions)),
        tuple(sorted((text, f) for text, f in folded.items() if spelt(text).isupper())), local, votes,
        tuple((short, full) for short, full in sorted(resolved.items()) if is_acronym(short, full)))


def _vote_names(names: Names, touched: set[str]) -> set[str]:
    """Step 2 for the `touched` names: types voted over their articles. Returns the names that
    are new, gone or of another type."""
    changed = set()
    for name in touched:
        if name not in names.postings:
            names.types.pop(name, None)
            names.alias.pop(name, None)
            for token in set(tokens(name)):
                unlink(names.by_token, token, name)
            changed.add(name)
            continue
        if name not in names.types:
            for token in set(tokens(name)):
                names.by_token.setdefault(token, set()).add(name)
        if names.types.get(name) != (kind := decide_type(_votes(names, name))):
            names.types[name] = kind
            changed.add(name)
    return changed


def _votes(names: Names, name: str) -> Counter[str]:
    """A name's type votes over the articles naming it (a type with no weight still counts)."""
    total: Counter[str] = Counter()
    for a in names.postings[name]:
        total.update(names.articles[a].votes[name])
    return total


def _realias(names: Names, changed: set[str]) -> None:
    """Step 3 again for the names `changed` can reach: a name of several words depends only on
    names beginning with its words, a one-word name on names holding its word
    (`resolve_aliases`), so resolving that closed set alone gives what a full pass gives."""
    if len(changed) > RESOLVE_ALL * len(names.types):
        names.alias.update(resolve_aliases(list(names.types), names.types))
        return
    reach: set[str] = set()
    for name in changed:
        own = tokens(name)
        if not own and name in names.types:
            reach.add(name)
        for word in set(own):  # a one-word name for a word of this one reaches all names holding it
            holding = names.by_token.get(word, set())
            if any(tokens(other) == (word,) for other in holding):
                reach |= holding
        # names of several words that begin this one reach all names beginning like them
        starting = names.by_token.get(own[0], set()) if own else set()
        prefixes = [t for t in map(tokens, starting) if len(t) > 1 and own[:len(t)] == t]
        if prefixes:
            shortest = min(prefixes, key=len)
            reach |= {other for other in starting if tokens(other)[:len(shortest)] == shortest}
    names.alias.update(resolve_aliases(sorted(reach), names.types))


def _canonical(names: Names) -> dict[str, str]:
    """Acronyms an article defined join the one name they were defined for, over `alias`.
    Returns the names whose canonical name moved, with the old one ("" for a new name)."""
    defined: dict[str, set[str]] = defaultdict(set)  # acronym -> names it was defined for
    for a in sorted(names.articles):
        for short, full in names.articles[a].defined:
            defined[short].add(full)
    canonical = dict(names.alias)
    for short, fulls in defined.items():
        if short in canonical and canonical[short] == short and len(fulls) == 1:
            canonical[short] = canonical.get(min(fulls), min(fulls))
    before = names.canonical
    moved = {n: before.get(n, "") for n in canonical.keys() | before.keys()
             if canonical.get(n) != before.get(n)}
    for name, old in moved.items():
        if old:
            unlink(names.members, old, name)
        if name in canonical:
            before[name] = canonical[name]
            names.members.setdefault(canonical[name], set()).add(name)
        else:
            del before[name]
    return moved


_CLASH = re.compile(r"(?:-(?:x|page|[0-9a-f]{6}))+$")


def _family(slug: str) -> str:
    """A slug without the suffixes `SlugRegistry` adds on a clash ("-page", a hash, "-x"): a
    name can only take or move another's slug if their slugs are of one family."""
    return _CLASH.sub("", slug)


def _claim_keys(names: Names, moved: dict[str, str]) -> set[str]:
    """Slugs claimed again, in sorted order as in a full pass, in each family that gained or
    lost a head. Returns the heads whose key changed."""
    dirty = set()
    for head in {old for old in moved.values() if old and old not in names.members}:
        dirty.add(family := _family(names.keys.pop(head)))
        unlink(names.families, family, head)
    for head in {names.canonical[n] for n in moved if n in names.canonical} - names.keys.keys():
        dirty.add(family := _family(slugify(head) or "item"))
        names.families.setdefault(family, set()).add(head)
    rekeyed = set()
    for family in sorted(dirty):
        registry = SlugRegistry()
        for head in sorted(names.families.get(family, ())):
            if names.keys.get(head) != (key := registry.claim(head, head)):
                names.keys[head] = key
                rekeyed.add(head)
    return rekeyed


def _total(names: Names, extractions: dict[str, Extraction], heads: set[str]) -> None:
    """Step 4 for `heads`: their entities counted again over the articles naming them."""
    for head in heads - names.members.keys():
        names.entities.pop(head, None)
    tallies: dict[str, tuple[Counter[str], dict[str, int], dict[tuple[str, str], None]]] = {
        head: (Counter(), {}, {}) for head in heads & names.members.keys()}
    articles = {a for head in tallies for name in names.members[head] for a in names.postings[name]}
    for a in sorted(articles):
        local = names.articles[a].local
        for m in extractions[a].mentions:
            tally = tallies.get(names.canonical[local[m.text]])
            if tally:
                forms, first, sentences = tally
                forms[m.text] += 1
                first.setdefault(m.text, len(first))  # order of first mention is all that counts
                sentences[a, m.sentence] = None  # an ordered set: a list was quadratic
    for head, (forms, first, sentences) in tallies.items():
        votes: Counter[str] = Counter()
        for name in names.members[head]:
            votes.update(_votes(names, name))
        name = preferred_form(head, forms, first)
        names.entities[head] = Entity(
            key=names.keys[head], name=name, type=entity_type(name, decide_type(votes)),
            aliases=tuple(sorted(set(forms) - {name})), mentions=sum(forms.values()),
            article_ids=tuple(dict.fromkeys(a for a, _ in sentences)), sentences=tuple(sentences))


def _attach(extraction: Extraction, mapping: dict[str, str]) -> Extraction:
    """The extraction with each mention's and each sentence's entity keys filled in. Built
    field by field (dataclasses.replace, per mention of a large corpus, was a hot spot); a
    sentence that names no entity and has no keys is kept as it is."""
    by_sentence: dict[str, set[str]] = {}
    mentions = []
    for m in extraction.mentions:
        key = mapping[m.text]
        by_sentence.setdefault(m.sentence, set()).add(key)
        mentions.append(Mention(m.text, m.label, m.sentence, m.cue, key))
    sentences = tuple(
        Sentence(s.text, s.article_id, s.paragraph, tuple(sorted(by_sentence[s.text])), s.dates, s.figures)
        if s.text in by_sentence else s if not s.entities else
        Sentence(s.text, s.article_id, s.paragraph, (), s.dates, s.figures) for s in extraction.sentences)
    return Extraction(extraction.keywords, extraction.figures, tuple(mentions), sentences)


@cache
def _version() -> str:
    return source_version(__name__)
