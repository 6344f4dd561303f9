"""Metadata values: dates, URLs and outlet names, parsed without guessing."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def parse_date(text: str) -> str:
    """An unambiguous date on its own ("October 14, 2023", "2023-10-14") as ISO, else ""."""
    text = text.strip().rstrip(".").strip()
    if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+Z-]*)?", text):
        return _iso(int(match[1]), int(match[2]), int(match[3]))
    if match := re.fullmatch(r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})", text):
        month = _MONTHS.get(match[1][:3].lower())
        return _iso(int(match[3]), month, int(match[2])) if month else ""
    if match := re.fullmatch(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})", text):
        month = _MONTHS.get(match[2][:3].lower())
        return _iso(int(match[3]), month, int(match[1])) if month else ""
    return ""  # numeric d/m/y orders are ambiguous: unknown rather than guessed


def _iso(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def safe_url(url: str) -> str:
    """The URL if it is an absolute http(s) URL, else ""."""
    url = url.strip().strip("<>")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    if re.search(r"[\s<>\"'`\\]", url):
        return ""
    return url


KNOWN_OUTLETS = {
    "themoscowtimes.com": "The Moscow Times",
    "timesofisrael.com": "The Times of Israel",
    "jpost.com": "The Jerusalem Post",
    "allisrael.com": "All Israel News",
    "reuters.com": "Reuters",
    "apnews.com": "Associated Press",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "nytimes.com": "The New York Times",
    "theguardian.com": "The Guardian",
    "washingtonpost.com": "The Washington Post",
    "aljazeera.com": "Al Jazeera",
    "cnn.com": "CNN",
    "tass.com": "TASS",
    "haaretz.com": "Haaretz",
    "france24.com": "France 24",
    "dw.com": "Deutsche Welle",
    "npr.org": "NPR",
}


def outlet_from_url(url: str) -> str:
    """The outlet's name for a known domain, else the domain itself, else ""."""
    host = urlsplit(url).hostname or ""
    host = host.removeprefix("www.")
    return KNOWN_OUTLETS.get(host, host)
