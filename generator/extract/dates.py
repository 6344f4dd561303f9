"""Dates stated in a sentence, normalised to ISO or partial ISO forms."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")], start=1)
    for name in names
}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|" \
         r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_DATE = re.compile(
    rf"(?P<prep>\b(?:on|since|in|until|by|from|during|after|before)\s+)?"
    rf"(?:\b{_MONTH}\s+(?P<day>\d{{1,2}})\b(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|\b(?P<day2>\d{{1,2}})\s+{_MONTH}(?:,?\s+(?P<year2>\d{{4}}))?"
    rf"|\b{_MONTH}\s+(?P<year3>\d{{4}})\b)"
)


def event_dates(text: str) -> tuple[str, ...]:
    """Dates an event is said to happen on: "2023-10-07", "10-07" (no year), "2023-11".

    Dates after "since", "until", "by" anchor a span rather than date an event,
    so they are left out.
    """
    found = []
    for match in _DATE.finditer(text):
        prep = (match.group("prep") or "").strip().lower()
        if prep in ("since", "until", "by"):
            continue
        months = [g for g in match.groups() if g and g.rstrip(".").lower() in MONTHS]
        month = MONTHS[months[0].rstrip(".").lower()]
        day = match.group("day") or match.group("day2")
        year = match.group("year") or match.group("year2") or match.group("year3")
        if day and not _valid(int(year) if year else 2024, month, int(day)):
            continue  # "February 30": not a date (2024 is a leap year, so 29 Feb passes)
        if day:
            found.append(f"{year}-{month:02d}-{int(day):02d}" if year else f"{month:02d}-{int(day):02d}")
        else:
            found.append(f"{year}-{month:02d}")
    return tuple(dict.fromkeys(found))


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def same_day(a: str, b: str) -> bool:
    """Whether two normalised dates can name the same day ("10-07" matches "2023-10-07")."""
    if len(a) < 5 or len(b) < 5 or a.count("-") < 1 or b.count("-") < 1:
        return False
    if (len(a) == 7 and a[4] == "-") or (len(b) == 7 and b[4] == "-"):  # YYYY-MM: no day
        return False
    return a[-5:] == b[-5:] and (len(a) == 5 or len(b) == 5 or a == b)
