"""Metadata values: URLs and outlet names, parsed without guessing (dates: `generator.dates`)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit


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


# The LDC's newswire sources, by the prefix of a document id ("APW19980601.0007",
# "NYT_ENG_20041115.0206", "XIE19990713.0001").
WIRE_SERVICES = {"APW": "AP", "NYT": "NYT", "LTW": "LA Times-Washington Post", "XIN": "Xinhua",
                 "XIE": "Xinhua", "AFP": "AFP", "CNA": "CNA", "AFE": "AFP", "ZBN": "Zaobao"}
_WIRE_ID = re.compile(r"^([A-Z]{3})(?:_[A-Z]{3}_)?((?:19|20)\d{6})\.\d+$")


def wire_service(doc_id: str) -> str:
    """The wire service a newswire document id names, "" for an id of another form."""
    match = _WIRE_ID.match(doc_id.strip())
    return WIRE_SERVICES.get(match[1], "") if match else ""


def wire_date(doc_id: str) -> str:
    """The ISO date in a newswire document id, "" for an id of another form."""
    match = _WIRE_ID.match(doc_id.strip())
    return f"{match[2][:4]}-{match[2][4:6]}-{match[2][6:]}" if match else ""
