"""Small text helpers shared by several stages: normalising, tokens, shingles, slugs."""

from __future__ import annotations

import functools
import hashlib
import html
import importlib.util
import re
import sys
import unicodedata
from pathlib import Path


def _english_stop_words() -> frozenset[str]:
    """spaCy's English stop words, loaded from their module without importing spaCy itself,
    which costs a second of every rebuild while the model runs in other processes, if at all."""
    spec = importlib.util.find_spec("spacy")
    if spec and spec.origin:
        source = Path(spec.origin).parent / "lang" / "en" / "stop_words.py"
        module_spec = importlib.util.spec_from_file_location("_english_stop_words", source)
        if module_spec and module_spec.loader and source.is_file():
            module = importlib.util.module_from_spec(module_spec)
            module_spec.loader.exec_module(module)
            return frozenset(module.STOP_WORDS)
    from spacy.lang.en.stop_words import STOP_WORDS  # another layout: import it the usual way

    return frozenset(STOP_WORDS)


STOP_WORDS = _english_stop_words()
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")

# A full stop after a title or a person's initials ends no sentence: "said Lt." / "Col. John
# Smith", "President B.J." / "Habibie", "Enemy No." / "1". Initials of places end many
# ("ties with the U.S."), and "Jr." or "St." may end one ("Martin Luther King Jr.").
_TITLES = frozenset(str.split("""
Mr Mrs Ms Messrs Dr Gov Govs Sen Sens Rep Reps Gen Gens Col Lt Sgt Capt Cmdr Adm Maj Prof Rev
Pres Supt Insp Brig Cpl Pvt Msgr Atty
"""))
_PLACE_INITIALS = frozenset(str.split("""
U.S. U.K. U.N. D.C. N.Y. N.J. L.A. E.U. S.C. N.C. U.A.E. P.R. S.F. N.Z. H.K. U.S.A. U.S.S.R.
"""))
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_PARTICLES = frozenset(str.split("""
de van von der den bin ibn al el da di du le la dos das
"""))  # "F.W. de Klerk"


def abbreviation_ends(text: str) -> bool:
    """Whether `text` ends with a title's or a person's initials' full stop, not a sentence's."""
    word = text.rsplit(None, 1)[-1].lstrip("\"“‘'(") if text.strip() else ""
    return word.endswith(".") and (
        word[:-1] in _TITLES or word == "No."
        or (_INITIALS.fullmatch(word) is not None and word not in _PLACE_INITIALS))


def sentence_goes_on(text: str, after: str) -> bool:
    """Whether a sentence ending `text` goes on into `after`: the full stop is a title's or
    an initial's and a name follows (a capitalised word that is no stop word, or a particle
    such as "de"; a number after "No.")."""
    if not abbreviation_ends(text):
        return False
    first = next(iter(after.lstrip(" \"“‘'(").split(maxsplit=1)), "")
    if text.endswith("No."):
        return first[:1].isdigit()
    return ((first[:1].isupper() and first.lower().strip(",.;:") not in STOP_WORDS)
            or first in _PARTICLES)


def _ranges(categories: frozenset[str]) -> str:
    """A regex character class of every code point in `categories`."""
    spans: list[list[int]] = []
    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code)) in categories:
            if spans and spans[-1][1] == code - 1:
                spans[-1][1] = code
            else:
                spans.append([code, code])
    return "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in spans)


@functools.cache
def _invisible() -> re.Pattern[str]:
    """Format characters (bidi controls, zero-width), surrogates, private-use and
    unassigned code points (noncharacters such as U+FFFE among them): they disguise
    text and slugs, and YAML and XML reject several of them."""
    return re.compile(f"[{_ranges(frozenset({'Cf', 'Cs', 'Co', 'Cn'}))}]")


_DOUBLED_QUOTE = re.compile(r'""+')


def clean_inline(text: str) -> str:
    """One line of text: NFC, no control, format, surrogate, private-use or unassigned
    code points, single spaces, and a doubled straight quote as one: text kept in a CSV
    file escapes `"` so (500N-KPCrowd: `Maple syrup a ""superfood""`), and prose never
    doubles it."""
    text = unicodedata.normalize("NFC", text)
    if not text.isascii():
        text = _invisible().sub("", text)
    return _DOUBLED_QUOTE.sub('"', re.sub(r"\s+", " ", _CONTROL.sub(" ", text))).strip()


# A character reference with its semicolon: "&amp;", "&#8217;", "&#x2019;".
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_references(text: str) -> str:
    """HTML character references as the characters they stand for. Text copied from web
    pages and feeds carries them, often escaped twice ("Thomas &amp;amp; Friends"), so a
    reference left by the first pass is decoded once more. What comes out is plain text:
    "&lt;b&gt;" becomes "<b>", which pages escape like any other text."""
    for _ in range(2):
        decoded = _REFERENCE.sub(lambda match: html.unescape(match.group()), text)
        if decoded == text:
            break
        text = decoded
    return text


def printable(text: str) -> str:
    """Text safe to print on a terminal: non-printable characters shown as escapes."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def display_path(rel: str) -> str:
    """A file path as pages and reports show it: valid UTF-8 (undecodable bytes of a
    file name become U+FFFD), no control or invisible characters."""
    rel = rel.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return clean_inline(_CONTROL.sub("?", rel)) or "?"


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


def slugify(text: str, max_length: int | None = 60, keep: str = "", lower: bool = True) -> str:
    """ASCII slug: accents folded, every run of other characters than letters, digits and
    `keep` one hyphen, lower-cased unless `lower` is False; "" when nothing is left. Page
    slugs, heading ids and article ids all come from here."""
    text = unicodedata.normalize("NFKD", clean_inline(text)).encode("ascii", "ignore").decode()
    slug = re.sub(f"[^a-zA-Z0-9{re.escape(keep)}]+", "-", text.lower() if lower else text).strip("-")
    if max_length and len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug


RESERVED_SLUGS = frozenset({"index", "404", "search", "assets", "sitemap", "feed", "digest", "find",
                            "pagefind"})


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
