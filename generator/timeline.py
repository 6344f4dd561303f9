"""Timeline: a topic's dated events in order, each with the articles that report it.

Dates stated relative to others are resolved only when the anchor is known and the result
agrees with what the text says, and they are marked as inferred.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from generator.dates import MONTHS, complete_date, weekday_date
from generator.model import Article, Event, Extraction, Fact, Sentence, Variant


def timeline(facts: list[Fact], sentences: dict[tuple[str, str], Sentence],
             by_id: dict[str, Article], extractions: dict[str, Extraction]) -> list[Event]:
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
            for when, inferred in event_dates_of(sentence, by_id[article_id].date,
                                                 extractions[article_id], known_days,
                                                 anchors[article_id]):
                add(Event(when, inferred, fact.text, fact.article_ids))
    fact_of = {variant: fact for fact in facts for variant in fact.variants}
    # A lead goes on the day it was first reported, or the weekday it names ("was issued
    # Monday"), and not at all when it states its own date.
    reported: dict[str, Event] = {}
    for article_id in sorted({a for f in facts for a, _ in f.variants}):
        leads = extractions[article_id].sentences
        if leads:
            lead = fact_of.get(Variant(article_id, leads[0].text))
            text, sources = (lead.text, lead.article_ids) if lead else (leads[0].text, (article_id,))
            written = by_id[article_id].date
            day = weekday_date(leads[0].text, written) or written
            if text not in reported or (day or "~") < (reported[text].date or "~"):
                reported[text] = Event(day, day != written, text, sources)
    dated = {e.text for e in events.values()}
    for text in sorted(reported.keys() - dated):
        add(reported[text])
    return sorted(events.values(), key=lambda e: (e.date == "", e.date, e.article_ids, e.text))


def event_dates_of(sentence: Sentence, article_date: str, extraction: Extraction,
                   known_days: dict[str, str], anchor: date | None) -> list[tuple[str, bool]]:
    """(date, inferred) for each event the sentence dates, stated or computed from durations
    counted from `anchor`, the article's first full event date."""
    found = []
    durations = _durations(extraction, sentence)
    landed = [(anchor + timedelta(days=d)).isoformat() for d in durations] if anchor else []
    for stated in sentence.dates:
        when, inferred = complete_date(stated, article_date, known_days)
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


def _durations(extraction: Extraction, sentence: Sentence) -> list[int]:
    return [int(extraction.figures[k].value) for k in sentence.figures
            if extraction.figures[k].unit == "days"]


def _anchor(extraction: Extraction, known_days: dict[str, str]) -> date | None:
    """The article's first full event date: what its "N days" count from."""
    days = sorted(d for s in extraction.sentences for d in s.dates if len(d) == 10)
    days += sorted(known_days[d] for s in extraction.sentences for d in s.dates if d in known_days)
    return date.fromisoformat(days[0]) if days else None
