"""Dates, in one place: parsed from metadata, stated in sentences, completed, compared, shown.

Dates travel as ISO strings, full ("2023-10-07") or partial ("2023-11", "10-07" for a day
without a year, "2023"); "" is an unknown date, never a guess.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

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
        if day and not _iso(int(year) if year else 2024, month, int(day)):
            continue  # "February 30": not a date (2024 is a leap year, so 29 Feb passes)
        if day:
            found.append(f"{year}-{month:02d}-{int(day):02d}" if year else f"{month:02d}-{int(day):02d}")
        else:
            found.append(f"{year}-{month:02d}")
    return tuple(dict.fromkeys(found))


def parse_date(text: str) -> str:
    """An unambiguous date on its own ("October 14, 2023", "2023-10-14") as ISO, else ""."""
    text = text.strip().rstrip(".").strip()
    if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+Z-]*)?", text):
        return _iso(int(match[1]), int(match[2]), int(match[3]))
    if match := re.fullmatch(r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})", text):
        month = MONTHS.get(match[1][:3].lower())
        return _iso(int(match[3]), month, int(match[2])) if month else ""
    if match := re.fullmatch(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})", text):
        month = MONTHS.get(match[2][:3].lower())
        return _iso(int(match[3]), month, int(match[1])) if month else ""
    return ""  # numeric d/m/y orders are ambiguous: unknown rather than guessed


def _iso(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def same_day(a: str, b: str) -> bool:
    """Whether two normalised dates can name the same day ("10-07" matches "2023-10-07")."""
    if len(a) < 5 or len(b) < 5 or a.count("-") < 1 or b.count("-") < 1:
        return False
    if (len(a) == 7 and a[4] == "-") or (len(b) == 7 and b[4] == "-"):  # YYYY-MM: no day
        return False
    return a[-5:] == b[-5:] and (len(a) == 5 or len(b) == 5 or a == b)


def complete_date(stated: str, article_date: str, known_days: dict[str, str]) -> tuple[str, bool]:
    """A full or partial ISO date for a stated date, and whether it was inferred."""
    if len(stated) != 5:  # it has its year: "2023-10-07", "2023-11", "2023"
        return stated, False
    if stated in known_days:
        return known_days[stated], True  # the year comes from another report of that day
    if article_date:
        return _nearest_year(stated, date.fromisoformat(article_date)), True
    return "", False


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)
_AHEAD = re.compile(r"\b(?:will|next|coming|expected|scheduled|due|plans?|planned)\b|'ll\b", re.I)
_SAID = re.compile(r"\b(?:said|told|announced|reported|added|stated|confirmed)\s+(?:on\s+)?$", re.I)


def weekday_date(text: str, article_date: str) -> str:
    """The day a sentence dates by its weekday alone ("was issued Monday"): the article's own
    day or the next (a wire dated in New York writes Beijing's or Jerusalem's "Tuesday" a day
    ahead), else the latest such weekday before it, or the next one after it when the sentence
    looks ahead ("will meet on Friday") unless the weekday is when someone said it ("will
    exchange lists …, an official said Monday"); "" when it names none, or several."""
    found = list(_WEEKDAY.finditer(text))
    if len({m[1].lower() for m in found}) != 1 or not article_date:
        return ""
    written = date.fromisoformat(article_date)
    offset = (_WEEKDAYS.index(found[0][1].lower()) - written.weekday()) % 7
    before = text[:found[0].start()]
    if offset == 0 and re.search(r"\bnext\s+$", before, re.I):
        offset = 7  # "next Monday", written on a Monday
    elif offset > 1 and not (_AHEAD.search(text) and not _SAID.search(before)):
        offset -= 7
    return (written + timedelta(days=offset)).isoformat()


def _nearest_year(month_day: str, written: date) -> str:
    """The month-day in the year that puts it nearest the article, a day ahead counting as
    two behind: news mostly looks back, but "will be 26 on Feb. 26" in late January and
    "takes effect Jan. 5" in late December look ahead."""
    def distance(day: date) -> int:
        return 2 * (day - written).days if day > written else (written - day).days

    month, day = int(month_day[:2]), int(month_day[3:])
    options = []
    for year in (written.year - 1, written.year, written.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:  # 29 February of a year that has none
            continue
    return min(options, key=distance).isoformat() if options else ""


_ISO = re.compile(r"\d{4}(-\d{2}){0,2}")


def is_iso(value: str) -> bool:
    """Whether `value` is a full or partial ISO date with a year, as `<time datetime>` takes."""
    return bool(_ISO.fullmatch(value))


_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def human_date(value: str) -> str:
    """ "2023-10-14" -> "14 Oct 2023"; partial dates stay partial ("Nov 2023")."""
    parts = value.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {_MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
    return value
