"""Summarise: each topic's lead, key points, figures table and timeline, and the corpus's
figures with their sources.

Everything is extractive: sentences are chosen from the articles, never written. A topic's
summary is cached by everything it reads, so a rebuild redoes only the topics that changed.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from generator.cache import Cache, cached_map, source_version
from generator.config import Config
from generator.extract.figures import KIND_RANK, rank
from generator.extract.keywords import merge_keywords
from generator.facts import group_facts
from generator.lead import summarise_facts
from generator.model import (
    Article,
    Extraction,
    Fact,
    Figure,
    FigureGroup,
    FigureSources,
    Merge,
    Topic,
    TopicGroup,
)
from generator.timeline import timeline


def summarise_topics(
    groups: list[TopicGroup], articles: list[Article], extractions: dict[str, Extraction],
    config: Config, store: Cache,
) -> tuple[list[Topic], list[Merge]]:
    """A topic per group, and the facts merged on the way (for the dedup report). The cache
    key holds the members' content, dates and entity keys: what a topic's summary reads."""
    by_id = {a.id: a for a in articles}

    def content(group: TopicGroup) -> str:
        return repr([group.slug, group.title, *[
            (by_id[a].date, by_id[a].content_key(), [s.entities for s in extractions[a].sentences])
            for a in group.article_ids]])

    def compute(todo: list[TopicGroup]) -> list[tuple[Topic, tuple[Merge, ...]]]:
        done = []
        for group in todo:
            facts, found = group_facts(extractions, list(group.article_ids), config.passage_threshold)
            done.append((summarise(group, by_id, extractions, facts, config.keywords_per_topic),
                         tuple(found)))
        return done

    results = cached_map(store, "topic", source_version(__name__),
                         config.slice("passage_threshold", "keywords_per_topic"), groups, content,
                         compute, tuple[Topic, tuple[Merge, ...]])
    summarised = [r for r in results if not isinstance(r, BaseException)]
    # Related topics are set after the cache: a neighbour's change leaves a summary valid.
    topics = [dataclasses.replace(topic, related=group.related)
              for (topic, _), group in zip(summarised, groups, strict=True)]
    merges = [dataclasses.replace(m, topic=group.slug)
              for (_, found), group in zip(summarised, groups, strict=True) for m in found]
    return topics, merges


def summarise(group: TopicGroup, by_id: dict[str, Article], extractions: dict[str, Extraction],
              facts: list[Fact], keywords: int) -> Topic:
    article_ids = sorted(group.article_ids)  # the members' order must not matter
    sentences = {(s.article_id, s.text): s for a in article_ids for s in extractions[a].sentences}
    entity_counts = Counter(k for s in sentences.values() for k in set(s.entities))
    topic_keywords = merge_keywords([extractions[a].keywords for a in article_ids], keywords)
    summary = summarise_facts(facts, by_id, extractions)
    dates = sorted(by_id[a].date for a in article_ids if by_id[a].date)
    figures, left_out = key_figures(figure_groups([f for a in article_ids for f in extractions[a].figures]))
    return Topic(
        slug=group.slug, title=group.title, article_ids=tuple(article_ids),
        date_from=dates[0] if dates else "", date_to=dates[-1] if dates else "",
        keywords=topic_keywords,
        entity_keys=tuple(k for k, _ in sorted(entity_counts.items(), key=lambda kv: (-kv[1], kv[0]))),
        lead=summary.lead, points=summary.points,
        figures=figures, figures_left_out=left_out,
        timeline=tuple(timeline(facts, sentences, by_id, extractions)),
    )


KEY_FIGURES = 12  # rows of a topic's figures table


def figure_key(figure: Figure) -> tuple[float, float | None, str]:
    """Figures with one key state one quantity: same value, same kind of thing counted."""
    counted = f"people {outcome(figure)}" if figure.kind == "people" else figure.unit
    return (figure.value, figure.value_high, counted)


# What happened to the people a figure counts: "95,000 people killed" and "500,000 people made
# homeless" are two counts, not one that changed (a tsunami topic in TAC 2010 showed them as
# one sequence).
_OUTCOMES = tuple((name, re.compile(pattern)) for name, pattern in (
    ("killed", r"\b(?:kill|dead\b|death|died|dies\b|dying|fatalit|perish|lives\b|bodies\b)"),
    ("injured", r"\b(?:injur|wound|hurt\b)"),
    ("displaced", r"\b(?:homeless|displace|evacuat|fle[de]\b|fleeing|refugee)"),
    ("missing", r"\bmissing\b"),
    ("detained", r"\b(?:arrest|detain|jailed|imprison)"),
    ("rescued", r"\b(?:rescue|saved\b)"),
))


def outcome(figure: Figure) -> str:
    """What a count of people says happened to them ("killed", "injured", …), "" when none."""
    return _outcome_in(f"{figure.counts} {figure.refers_to}") if figure.kind == "people" else ""


def _outcome_in(text: str) -> str:
    lower = text.lower()
    return next((name for name, pattern in _OUTCOMES if pattern.search(lower)), "")


def figure_groups(figures: list[Figure]) -> list[FigureGroup]:
    """Distinct figures with their sources, grouped by what they count (and, for people,
    what happened to them)."""
    rows: dict[tuple[float, float | None, str], list[Figure]] = {}
    for figure in rank([f for f in figures if f.kind != "number"]):
        rows.setdefault(figure_key(figure), []).append(figure)
    groups: dict[str, list[FigureSources]] = {}
    for same in rows.values():
        head = same[0]
        sources = tuple(sorted({f.article_id for f in same}))
        happened = outcome(head)
        # "people killed", but "deaths" as it is
        unit = "age" if _age(head.unit) else "share" if head.unit == "fraction" else head.unit
        label = f"{unit} {happened}" if happened != _outcome_in(unit) else unit
        groups.setdefault(label, []).append(FigureSources(head, sources))
    ordered = sorted(groups.items(), key=lambda kv: (
        min(KIND_RANK[f.kind] for f, _ in kv[1]), -len(kv[1]), kv[0]))
    return [FigureGroup(label, tuple(sorted(rows_, key=lambda r: (r[0].date or "~", -r[0].value))),
                        _one_count([f for f, _ in rows_]))
            for label, rows_ in ordered]


def key_figures(groups: list[FigureGroup]) -> tuple[tuple[FigureGroup, ...], int]:
    """The KEY_FIGURES rows a reader scans first, in their groups, and how many are left out:
    those stated by most articles, then people, money, durations, shares, measures, counts
    (KIND_RANK), each group's rows in their order. A topic of ten wire stories states fifty
    figures or more, most of them once (TAC 2011: a coral-reef topic listed 47 rows of
    miles, feet and knots)."""
    rows = [(-len(sources), _rank(figure), g, r)
            for g, group in enumerate(groups) for r, (figure, sources) in enumerate(group.rows)]
    kept = {(g, r) for *_, g, r in sorted(rows)[:KEY_FIGURES]}
    shown = (dataclasses.replace(group, rows=tuple(row for r, row in enumerate(group.rows)
                                                   if (g, r) in kept))
             for g, group in enumerate(groups))
    return tuple(group for group in shown if group.rows), len(rows) - len(kept)


def _rank(figure: Figure) -> int:
    """KIND_RANK, but people to whom nothing is said to happen, counted as one or in words
    only ("one person", "millions of people"), rank as any other count."""
    vague = figure.value <= 1 or not any(c.isdigit() for c in figure.text)
    if figure.kind == "people" and vague and not outcome(figure):
        return KIND_RANK["count"]
    return KIND_RANK[figure.kind]


def _one_count(figures: list[Figure]) -> bool:
    """Counts of people or things may be one count that changed; a topic's sums of money,
    durations, shares and measures are one quantity only when all say what they are of,
    and say the same (TAC 2011: "$4 billion for the economy" and "$2 million spending" are
    not one figure that fell)."""
    if all(f.kind in ("people", "count") and not _age(f.unit) for f in figures):
        return True  # but two people's ages are not one age that changed ("65 → 78")
    return len({f.refers_to for f in figures}) == 1 and bool(figures[0].refers_to)


def _age(unit: str) -> bool:
    return unit.endswith(" of age")  # "year of age", "month of age", …


def corpus_figures(extractions: dict[str, Extraction]) -> tuple[FigureSources, ...]:
    """Each distinct figure once, with every article that states it."""
    seen: dict[tuple[float, float | None, str], tuple[Figure, set[str]]] = {}
    for article_id in sorted(extractions):
        for figure in extractions[article_id].figures:
            key = figure_key(figure)
            if key not in seen:
                seen[key] = (figure, set())
            seen[key][1].add(article_id)
    return tuple(FigureSources(f, tuple(sorted(ids))) for f, ids in seen.values())
