"""Topics: articles grouped by story, titled by their most central headline, stable slugs.

Term vectors are built in `generator.vectors`, the clustering (average linkage over
candidate pairs, time as a soft decay) is in `generator.grouping`. Here: the headline that
titles a topic (cleaned of outlet suffixes and wire-service tags, ALL-CAPS put in sentence
case with names spelled as the entity extraction spells them; never a file id), the 3-5 closest
other topics, maintainer-defined topics from config (an article may then belong to
several topics), and slugs that survive rebuilds: assignments are saved and a new group
takes the slug of the old topic it overlaps most. A rebuild that changed few articles keeps
the previous topics and places only the added articles (`grouping.assign`, state in
`generator.topic_state`).
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

from generator import furniture, grouping, related, subjects, topic_state, vectors
from generator.model import Article, DefinedTopic, Entity, Extraction, TopicGroup
from generator.text import STOP_WORDS, SlugRegistry, abbreviation_ends, words

log = logging.getLogger(__name__)

TITLE_CHARS = 90  # a lead sentence standing in for a missing headline is cut here
# Wire slugs before a headline: "URGENT", "1st LD-Writethru:", "3rdlead:", "Roundup:" (Xinhua
# and AP in TAC); the slug words need no separator, the others a colon.
_WIRE_TAG = re.compile(r"^(?:(?:URGENT|BREAKING|UPDATE(?:\s*\d+)?|EXCLUSIVE|CORRECTED)\b\s*[-:–—]?"
                       r"|(?:\d+(?:st|nd|rd|th)\s*(?:lead|ld)\b(?:[\s-]*writethru)?|writethru|"
                       r"roundup|wrapup)\s*[-:–—])\s*", re.IGNORECASE)
_EDITORIAL = re.compile(r"\s*(?:\((?:UPDATES?|ADDS?|RECASTS?|WRAPUP|CORRECTS?|more added|"
                        r"updated|corrected|refiled)\b[^)]*\)|\bATTENTION\b.*|///.*)$")
# Reuters marks a company's ticker after its name ("EMPI INC <EMPI>") and an unlisted company
# with angle brackets ("<ASTA PHARMA AG>"): the ticker repeats the name, the brackets are markup.
_BRACKETED = re.compile(r"<([^<>]+)>")
_SUFFIX = re.compile(r"^(?P<head>.*\S)\s+[-–—|]\s+(?P<tail>[^-–—|]{2,40})$")
_OUTLET_WORDS = re.compile(r"\b(?:agenc(?:y|ies)|news|times|post|press|reuters|ap|afp|bbc|cnn|"
                           r"xinhua|guardian|journal|tribune|herald|telegraph|online|daily|"
                           r"radio|tv|network|wire|media)\b|\.com\b", re.IGNORECASE)


def group_topics(
    articles: list[Article], extractions: dict[str, Extraction], entities: list[Entity],
    threshold: float, days: float,
    defined: tuple[DefinedTopic, ...], state_file: Path,
    vectors_file: Path | None = None, full: bool = False,
) -> list[TopicGroup]:
    """One `TopicGroup` per topic, newest first. `threshold` is the average similarity (damped
    by `days`, the time scale) an article needs to join a topic and two topics to merge.
    With `vectors_file` (and not `full`), a rebuild keeps the previous topics and places only
    the added articles (`topic_state` says when it regroups all instead)."""
    articles = sorted(articles, key=lambda a: a.id)
    spellings = _Spellings(entities)
    titles = _Titles(articles, spellings)
    previous = _load_state(state_file)
    settings = (threshold, days, defined)
    prints = topic_state.fingerprints(articles, extractions) if vectors_file else []
    plan = None if full or vectors_file is None else topic_state.plan(
        vectors_file, settings, previous, articles, extractions, prints,
        lambda a: clean_title(a.title, a.outlet, spellings, a.id))
    days_of = np.array([vectors.day_number(a.date) for a in articles], dtype=np.int64)
    if plan is None:
        counts, headlines, words = vectors.term_counts(
            articles, extractions, [titles[i] for i in range(len(articles))])
        terms = tuple(words)
        matrix = vectors.weigh(counts)
        clusters = grouping.cluster(matrix, days_of, threshold, days,
                                    subjects.specific(counts, headlines, terms))
        neighbours = related.closest(matrix, clusters, days_of, days)
        kept, base, drift = {}, len(articles), 0
    else:
        counts, headlines, terms = plan.counts, plan.headlines, plan.terms
        matrix = vectors.weigh(counts)
        clusters = grouping.assign(matrix, days_of, plan.old, threshold, days,
                                   subjects.specific(counts, headlines, terms))
        kept, base, drift = plan.kept, plan.base, plan.drift
        neighbours = _related_again(matrix, clusters, days_of, days, articles, kept)
    sums = related.centroids(matrix, clusters)
    word_ids = _WordIds(terms)
    titled = []
    for n, group in enumerate(clusters):
        ids = tuple(articles[i].id for i in group)
        # An unchanged topic keeps its title: a rebuild re-renders only the topics it changed.
        title = kept[ids][1] if ids in kept else _central_title(
            dict(zip(*_row(sums, n), strict=True)) if len(group) > 1 else {},
            group, headlines, word_ids, articles, titles, extractions, spellings)
        titled.append((title, list(ids)))
    clustered = len(titled)
    titled += _defined_topics(defined, articles, extractions, entities)
    slugs = _assign_slugs(titled, previous)
    topics = [TopicGroup(slug, title, tuple(group),
                         tuple(slugs[j] for j in neighbours[n]) if n < len(neighbours) else ())
              for n, (slug, (title, group)) in enumerate(zip(slugs, titled, strict=True))]
    _save_state(state_file, {t.slug: list(t.article_ids) for t in topics})
    if vectors_file is not None:
        topic_state.save(vectors_file, topic_state.Saved(
            topic_state.version(), settings, tuple(a.id for a in articles), tuple(prints),
            terms, counts, headlines,
            tuple((t.slug, t.title, t.article_ids, t.related) for t in topics[:clustered]),
            base, drift))
    dates = {a.id: a.date for a in articles}
    topics.sort(key=lambda t: (max((dates[i] for i in t.article_ids), default=""), t.slug),
                reverse=True)
    return topics


def _related_again(matrix: csr_matrix, clusters: list[list[int]], days_of: NDArray[np.int64],
                   days: float, articles: list[Article],
                   kept: dict[tuple[str, ...], topic_state.Group]) -> list[list[int]]:
    """Related topics on a rebuild (`related.closest_update`): an unchanged topic's previous
    list as cluster numbers, -1 for a topic that changed or went."""
    number = {tuple(articles[i].id for i in group): n for n, group in enumerate(clusters)}
    where = {slug: number.get(ids, -1) for ids, (slug, *_) in kept.items()}
    return related.closest_update(matrix, clusters, days_of, days, [
        [where.get(slug, -1) for slug in kept[ids][3]] if ids in kept else None for ids in number])


class _Titles:
    """Articles' cleaned headlines, cleaned on first use: a rebuild needs only those of the
    added articles and of the topics it changed."""

    def __init__(self, articles: list[Article], spellings: Mapping[str, str]) -> None:
        self._articles, self._spellings = articles, spellings
        self._found: dict[int, str] = {}

    def __getitem__(self, number: int) -> str:
        if number not in self._found:
            a = self._articles[number]
            self._found[number] = clean_title(a.title, a.outlet, self._spellings, a.id)
        return self._found[number]


def clean_title(title: str, outlet: str, spellings: Mapping[str, str], article_id: str = "") -> str:
    """A headline as a topic title: no wire tags or outlet suffix, not ALL CAPS, never the id."""
    title = _EDITORIAL.sub("", _WIRE_TAG.sub("", title.strip())).strip()
    title = _BRACKETED.sub(r"\1", furniture.strip_symbols(title))
    match = _SUFFIX.match(title)
    if match:
        tail = match.group("tail").strip()
        if (outlet and tail.lower() == outlet.lower()) or (
                len(tail.split()) <= 4 and _OUTLET_WORDS.search(tail)):
            title = match.group("head")
    letters = [c for c in title if c.isalpha()]
    if len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters):
        title = _sentence_case(title, spellings)
    if title == article_id or not any(c.isalpha() for c in title):
        return ""
    return title


def _sentence_case(title: str, spellings: Mapping[str, str]) -> str:
    """Lower case, then names and acronyms as the entity extraction spells them (longest
    run of up to four words first)."""
    words = title.lower().split()
    out = []
    i = 0
    while i < len(words):
        for n in (4, 3, 2, 1):
            if i + n > len(words):
                continue
            chunk = " ".join(words[i:i + n])
            core = chunk.strip("\"'“”‘’(),:;!?")
            core = core.removesuffix("'s").removesuffix("’s")
            name = spellings.get(core) or spellings.get(core.rstrip("."))
            if name:
                out.append(chunk.replace(core if core in spellings else core.rstrip("."), name, 1))
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    text = re.sub(r"(?<!\w)(?:[a-z]\.){2,}", lambda m: m.group(0).upper(), " ".join(out))
    return text[:1].upper() + text[1:]


class _Spellings(Mapping[str, str]):
    """Lower-cased entity names and aliases with their spelling, for names of two letters or
    more that are not plain words (an entity called "Will" must not capitalise "will"). Built
    on first use: only an ALL-CAPS headline needs it, and 100,000 articles name a million
    entities."""

    def __init__(self, entities: list[Entity]) -> None:
        self._entities = entities
        self._found: dict[str, str] | None = None

    def _names(self) -> dict[str, str]:
        if self._found is None:
            self._found = {}
            for entity in sorted(self._entities, key=lambda e: (-e.mentions, e.key)):
                for name in (entity.name, *entity.aliases):
                    lower = name.lower()
                    if len(lower) >= 2 and name != lower and lower not in vectors.STOP:
                        self._found.setdefault(lower, name)
        return self._found

    def __getitem__(self, key: str) -> str:
        return self._names()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())


def _row(matrix: csr_matrix, number: int) -> tuple[list[int], list[float]]:
    """Column ids and values of one row (slicing the arrays: indexing the matrix is slow)."""
    start, end = matrix.indptr[number], matrix.indptr[number + 1]
    return matrix.indices[start:end].tolist(), matrix.data[start:end].tolist()


def _central_title(weight: dict[int, float], members: list[int], headlines: csr_matrix,
                   word_ids: _WordIds, articles: list[Article], titles: _Titles,
                   extractions: dict[str, Extraction], spellings: Mapping[str, str]) -> str:
    """The most central headline: the one whose words weigh most in the topic's centroid
    (`weight`: term id -> summed weight; cosine of its term set, a row of `headlines`, with
    the centroid); without any headline, the most central lead sentence, shortened (the
    earliest report may open on a reaction)."""
    titled = [i for i in members if len(titles[i].split()) >= 2]

    def centrality(i: int, terms: list[int]) -> tuple[float, bool, str, str]:
        closeness = sum(weight.get(t, 0.0) for t in terms) / (len(terms) or 1) ** 0.5
        return (-round(closeness, 9), articles[i].date == "", articles[i].date, articles[i].id)

    if titled:
        return titles[min(titled, key=lambda i: centrality(i, _row(headlines, i)[0]))]
    leads = {i: _lead(articles[i], extractions[articles[i].id]) for i in members}
    head = min(members, key=lambda i: centrality(i, word_ids.of(leads[i])))
    lead = clean_title(leads[head], articles[head].outlet, spellings, articles[head].id)
    if len(lead) > TITLE_CHARS:
        # Cut between words, not after one that leads on ("…will put off a…", "…Prodi's 2…",
        # "…the sniper slaying of Dr.…")
        kept = lead[:TITLE_CHARS].rsplit(" ", 1)[0].split()
        while len(kept) > 3 and (kept[-1].lower().strip(",;:") in STOP_WORDS
                                 or kept[-1][:1].isdigit() or abbreviation_ends(kept[-1])):
            kept.pop()
        lead = " ".join(kept).rstrip(",;:") + "…"
    return lead or "Untitled story"


def _lead(article: Article, extraction: Extraction) -> str:
    sentences = extraction.sentences
    return sentences[0].text if sentences else (article.paragraphs[0] if article.paragraphs else "")


class _WordIds:
    """The term ids of a text's words (as `vectors` numbers them), built on first use: only a
    topic without any headline needs them."""

    def __init__(self, terms: Sequence[str]) -> None:
        self._terms = terms
        self._ids: dict[str, int] | None = None

    def of(self, text: str) -> list[int]:
        if self._ids is None:
            self._ids = {term: n for n, term in enumerate(self._terms) if ":" not in term}
        found = {self._ids.get(vectors.normalise_word(word), -1) for word in words(text)}
        return sorted(found - {-1})


def _defined_topics(
    defined: tuple[DefinedTopic, ...], articles: list[Article],
    extractions: dict[str, Extraction], entities: list[Entity],
) -> list[tuple[str, list[str]]]:
    if not defined:  # the name index below is costly for a large corpus
        return []
    names: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            names[name.lower()].add(entity.key)
    found = []
    for topic in defined:
        wanted = {k for n in topic.entities for k in names.get(n.lower(), ())}
        words_wanted = {w.lower() for w in topic.keywords}
        members = [
            a.id for a in articles
            if wanted & {m.key for m in extractions[a.id].mentions}
            or words_wanted & {k.text.lower() for k in extractions[a.id].keywords}
        ]
        if members:
            found.append((topic.title, members))
        else:
            log.warning("topic %r from config matches no article", topic.title)
    return found


def _assign_slugs(titled: list[tuple[str, list[str]]],
                  previous: dict[str, list[str]]) -> list[str]:
    registry = SlugRegistry()
    slugs: list[str | None] = [None] * len(titled)
    owners: dict[str, list[str]] = defaultdict(list)  # article -> old slugs holding it
    for slug, old in sorted(previous.items()):
        for article_id in sorted(set(old)):
            owners[article_id].append(slug)
    overlap: Counter[tuple[str, int]] = Counter(
        (slug, index) for index, (_, group) in enumerate(titled)
        for article_id in sorted(set(group)) for slug in owners.get(article_id, ()))
    # Largest overlaps first, so each old slug goes to the group that kept most of it.
    options = sorted((-count, slug, index) for (slug, index), count in overlap.items())
    for _, slug, index in options:
        if slugs[index] is None and slug not in registry.taken:
            registry.taken.add(slug)
            slugs[index] = slug
    return [slug or registry.claim(title, "|".join(group))
            for slug, (title, group) in zip(slugs, titled, strict=True)]


def _load_state(path: Path) -> dict[str, list[str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): [str(x) for x in v] for k, v in data.items()}
    except (OSError, ValueError, AttributeError, TypeError):
        return {}


def _save_state(path: Path, state: dict[str, list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, indent=1, sort_keys=True), encoding="utf-8")
    tmp.replace(path)
