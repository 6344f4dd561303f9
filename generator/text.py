"""Small text helpers shared by several stages: normalising, tokens, shingles, slugs."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Bidi controls and zero-width characters can disguise text and slugs.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def clean_inline(text: str) -> str:
    """One line of text: NFC, no invisible or control characters, single spaces."""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub(" ", _INVISIBLE.sub("", text))
    return re.sub(r"\s+", " ", text).strip()


def words(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def shingles(tokens: list[str], size: int) -> set[str]:
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def similarity(a: list[str], b: list[str]) -> float:
    """Jaccard similarity of two token lists as sets."""
    return jaccard(set(a), set(b))


def slugify(text: str, max_length: int = 60) -> str:
    """ASCII slug of lower-case words and hyphens; "" when nothing is left."""
    text = unicodedata.normalize("NFKD", clean_inline(text)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


RESERVED_SLUGS = frozenset({"index", "404", "search", "assets", "sitemap", "feed", "digest"})


class SlugRegistry:
    """Hands out unique, safe slugs: never empty, reserved or repeated."""

    def __init__(self) -> None:
        self.taken: set[str] = set(RESERVED_SLUGS)

    def claim(self, text: str, fallback: str) -> str:
        base = slugify(text) or slugify(fallback) or "item"
        if base in RESERVED_SLUGS:
            base = f"{base}-page"
        slug = base
        if slug in self.taken:
            # A stable suffix from the text that asked, so it does not depend on order.
            slug = f"{base}-{hashlib.sha256(fallback.encode()).hexdigest()[:6]}"
        while slug in self.taken:
            slug = f"{slug}-x"
        self.taken.add(slug)
        return slug
