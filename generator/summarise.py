"""Summarise: a topic's lead, key points, figures table and timeline.

Everything is extractive: sentences are chosen from the articles, never written.
Dates stated relative to others are resolved only when the anchor is known and
the result agrees with what the text says, and they are marked as inferred.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from generator.extract.dates import MONTHS
from generator.extract.figures import KIND_RANK, rank
from generator.extract.keywords import merge_keywords
from generator.lead import summarise_facts
from generator.model import Article, Event, Extraction, Fact, Figure, FigureGroup, Sentence, Topic


def summarise(
    slug: str, title: str, article_ids: list[str], articles: dict[str, Article],
    extractions: dict[str, Extraction], facts: list[Fact], keywords: int,
) -> Topic:
    article_ids = sorted(article_ids)  # the members' order must not matter
    sentences = {(s.article_id, s.text): s for a in article_ids for s in extractions[a].sentences}
    entity_counts = Counter(k for s in sentences.values() for k in set(s.entities))
    topic_keywords = merge_keywords([extractions[a].keywords for a in article_ids], keywords)
    summary = summarise_facts(facts, articles, extractions)
    dates = sorted(articles[a].date for a in article_ids if articles[a].date)
    return Topic(
        slug=slug, title=title, article_ids=tuple(sorted(article_ids)),
        date_from=dates[0] if dates else "", date_to=dates[-1] if dates else "",
        keywords=topic_keywords,
        entity_keys=tuple(k for k, _ in sorted(entity_counts.items(), key=lambda kv: (-kv[1], kv[0]))),
        lead=summary.lead, points=summary.points,
        figures=tuple(figure_groups([f for a in article_ids for f in extractions[a].figures])),
        timeline=tuple(timeline(facts, sentences, articles, extractions)),
    )


def figure_key(figure: Figure) -> tuple:
    """Figures with one key state one quantity: same value, same kind of thing counted."""
    return (figure.value, figure.value_high, figure.kind if figure.kind == "people" else figure.unit)


def figure_groups(figures: list[Figure]) -> list[FigureGroup]:
    """Distinct figures with their sources, grouped by what they count."""
    rows: dict[tuple, list[Figure]] = {}
    for figure in rank([f for f in figures if f.kind != "number"]):
        rows.setdefault(figure_key(figure), []).append(figure)
    groups: dict[str, list[tuple[Figure, tuple[str, ...]]]] = {}
    for same in rows.values():
        head = same[0]
        sources = tuple(sorted({f.article_id for f in same}))
        groups.setdefault(head.unit, []).append((head, sources))
    ordered = sorted(groups.items(), key=lambda kv: (
        min(KIND_RANK[f.kind] for f, _ in kv[1]), -len(kv[1]), kv[0]))
    return [FigureGroup(label, tuple(sorted(rows_, key=lambda r: (r[0].date or "~", -r[0].value))))
            for label, rows_ in ordered]


def timeline(facts: list[Fact], sentences: dict[tuple[str, str], Sentence],
             articles: dict[str, Article], extractions: dict[str, Extraction]) -> list[Event]:
    """Dated events in order; each article's lead on its publication date; undated leads last."""
    known_days = {d[-5:]: d for s in sentences.values() for d in s.dates if len(d) == 10}
    events: dict[tuple[str, str], Event] = {}

    def add(event: Event) -> None:
        key = (event.date, event.text)
        if key not in events or (events[key].inferred and not event.inferred):
            events[key] = event

    # What each article's "N days" count from: computed once per article, not per sentence.
    anchors = {a: _anchor(extractions[a], known_days) for a in {a for f in facts for a, _ in f.variants}}
    for fact in facts:
        for article_id, text in fact.variants:
            sentence = sentences[(article_id, text)]
            for when, inferred in event_dates_of(sentence, articles[article_id].date,
                                                 extractions[article_id], known_days,
                                                 anchors[article_id]):
                add(Event(when, inferred, fact.text, fact.article_ids))
    fact_of = {variant: fact for fact in facts for variant in fact.variants}
    for article_id in sorted({a for f in facts for a, _ in f.variants}):
        leads = extractions[article_id].sentences
        if leads:
            fact = fact_of.get((article_id, leads[0].text))
            text, sources = (fact.text, fact.article_ids) if fact else (leads[0].text, (article_id,))
            add(Event(articles[article_id].date, False, text, sources))
    return sorted(events.values(), key=lambda e: (e.date == "", e.date, e.article_ids, e.text))


def event_dates_of(sentence: Sentence, article_date: str, extraction: Extraction,
                   known_days: dict[str, str], anchor: date | None) -> list[tuple[str, bool]]:
    """(date, inferred) for each event the sentence dates, stated or computed from durations
    counted from `anchor`, the article's first full event date."""
    found = []
    durations = _durations(extraction, sentence)
    landed = [(anchor + timedelta(days=d)).isoformat() for d in durations] if anchor else []
    for stated in sentence.dates:
        when, inferred = resolve(stated, article_date, known_days)
        day = next((x for x in landed if len(when) == 7 and x.startswith(when)), "")
        if day:
            when, inferred = day, True  # "after 54 days … during a November 2023 ceasefire"
        if when:
            found.append((when, inferred))
    stated_months = {int(d[5:7]) if len(d) >= 7 else int(d[:2]) for d in sentence.dates}
    for word in re.findall(r"\b[A-Z][a-z]{3,}\b", sentence.text):
        month = MONTHS.get(word.lower())
        if month and month not in stated_months:
            # A bare month ("his February release") is dated only when a duration lands in it.
            found += [(x, True) for x in landed if int(x[5:7]) == month]
    return list(dict.fromkeys(found))


def resolve(stated: str, article_date: str, known_days: dict[str, str]) -> tuple[str, bool]:
    """A full or partial ISO date for a stated date, and whether it was inferred."""
    if len(stated) in (7, 10):
        return stated, False
    if stated in known_days:
        return known_days[stated], True  # the year comes from another report of that day
    if article_date:
        year = int(article_date[:4])
        if stated > article_date[5:]:
            year -= 1  # a month-day later than the article must be last year's
        return f"{year}-{stated}", True
    return "", False


def _durations(extraction: Extraction, sentence: Sentence) -> list[int]:
    return [int(extraction.figures[k].value) for k in sentence.figures
            if extraction.figures[k].unit == "days"]


def _anchor(extraction: Extraction, known_days: dict[str, str]) -> date | None:
    """The article's first full event date: what its "N days" count from."""
    days = sorted(d for s in extraction.sentences for d in s.dates if len(d) == 10)
    days += sorted(known_days[d] for s in extraction.sentences for d in s.dates if d in known_days)
    return date.fromisoformat(days[0]) if days else None
