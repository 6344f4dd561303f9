"""Ingest: read article files into `Article`s with metadata, or report why not.

Readers are registered by file suffix. A file that cannot be read is reported
with its path and reason and skipped; the rest of the seeds still build.
Metadata that a file does not state is left empty and listed in `missing`.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import os
import re
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from markdown_it import MarkdownIt

from generator.errors import InputError
from generator.model import Article, Block, Problem
from generator.text import clean_inline, similarity, words

log = logging.getLogger(__name__)

Reader = Callable[[str], tuple[dict[str, str], list[Block]]]
READERS: dict[str, Reader] = {}
METADATA = ("title", "date", "outlet", "byline", "url")
MAX_TITLE = 300  # a "title" longer than this is a paragraph scraped into the wrong place


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    def register(func: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix] = func
        return func

    return register


def ingest(
    seeds: Path, max_bytes: int, max_line: int
) -> tuple[list[Article], list[Problem]]:
    """Every readable article under `seeds`, sorted by id, and the problems met."""
    if not seeds.is_dir():
        raise InputError(str(seeds), "seeds folder not found", "pass --seeds DIR")
    articles: list[Article] = []
    problems: list[Problem] = []
    root = seeds.resolve()
    for path in sorted(seeds.rglob("*")):
        rel = path.relative_to(seeds).as_posix()
        if any(part.startswith(".") for part in path.relative_to(seeds).parts):
            continue
        if path.is_dir() and not path.is_symlink():
            continue
        try:
            if path.suffix.lower() not in READERS:
                raise InputError(rel, f"unsupported file type {path.suffix or '(none)'!r}",
                                 f"use one of {', '.join(sorted(READERS))}")
            text, digest, warning = read_text(path, root, max_bytes, max_line)
            if warning:
                problems.append(Problem(rel, warning, fatal=False))
            articles.append(parse(rel, text, digest, choose_reader(path.suffix.lower(), text)))
        except InputError as exc:
            log.warning("%s", exc)
            problems.append(Problem(rel, exc.reason, fatal=True))
    articles.sort(key=lambda a: a.id)
    return _unique_ids(articles, problems), problems


def _unique_ids(articles: list[Article], problems: list[Problem]) -> list[Article]:
    seen: set[str] = set()
    kept = []
    for article in articles:
        if article.id in seen:
            problems.append(Problem(article.path, f"another file already has id {article.id!r}",
                                    fatal=True))
            continue
        seen.add(article.id)
        kept.append(article)
    return kept


def choose_reader(suffix: str, text: str) -> Reader:
    """By suffix, except that a .txt file whose first lines hold a `# title` is Markdown."""
    if READERS[suffix] is read_plain and re.search(r"\A(\s*\n)*(---\n.*?\n---\n)?\s*# \S", text, re.S):
        return read_markdown
    return READERS[suffix]


def read_text(path: Path, root: Path, max_bytes: int, max_line: int) -> tuple[str, str, str]:
    """Decoded text, sha256 and a warning ("" if none); InputError when unusable."""
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        target = path.resolve()
        if not target.is_relative_to(root):
            raise InputError(str(path), "symlink leads outside the seeds folder")
        info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise InputError(str(path), "not a regular file (FIFO, device or socket)")
    if info.st_size > max_bytes:
        raise InputError(str(path), f"file is {info.st_size} bytes, over the {max_bytes} limit",
                         "split it or raise max_file_bytes")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(str(path), "file is empty")
    text, warning = decode(data)
    if "\x00" in text:
        raise InputError(str(path), "file contains NUL bytes (binary?)")
    if max(map(len, text.splitlines()), default=0) > max_line:
        raise InputError(str(path), f"a line is longer than {max_line} characters",
                         "wrap it or raise max_line_chars")
    return text, hashlib.sha256(data).hexdigest(), warning


def decode(data: bytes) -> tuple[str, str]:
    """UTF-8 (BOM optional), UTF-16 with a BOM, else a reported cp1252 fallback."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), ""
        except UnicodeDecodeError as exc:
            raise InputError("", f"invalid UTF-16 ({exc.reason})") from exc
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        if b"\x00" in data:
            raise InputError("", "binary file (NUL bytes, not text)") from exc
        try:
            return data.decode("cp1252"), f"not UTF-8 (byte {exc.start}); read as Windows-1252"
        except UnicodeDecodeError:
            raise InputError("", f"not UTF-8 and not Windows-1252 (byte {exc.start})",
                             "save it as UTF-8") from exc


def parse(rel: str, text: str, digest: str, read: Reader) -> Article:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front, body = split_front_matter(rel, text)
    found, blocks = read(body)
    found = {k: v for k, v in found.items() if v}
    found.update({k: v for k, v in front.items() if v})  # front matter wins
    title = found.get("title", "")
    blocks = _drop_repeated_headline(title, blocks)
    url = safe_url(found.get("url", ""))
    outlet = found.get("outlet", "") or outlet_from_url(url)
    fields = {
        "title": _clip(_capitalise(clean_inline(title)), MAX_TITLE),
        "date": parse_date(found.get("date", "")),
        "outlet": clean_inline(outlet),
        "byline": clean_inline(found.get("byline", "")),
        "url": url,
    }
    if not fields["title"] and not any(b.kind == "paragraph" for b in blocks):
        raise InputError(rel, "no title and no text found")
    stem = Path(rel).with_suffix("").as_posix()
    return Article(
        id=re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-.") or digest[:12],
        path=rel,
        missing=tuple(k for k in METADATA if not fields[k]),
        blocks=tuple(blocks),
        content_hash=digest,
        **fields,
    )


def split_front_matter(rel: str, text: str) -> tuple[dict[str, str], str]:
    text = text.lstrip("\ufeff")
    match = re.match(r"---[ \t]*\n(.*?\n)---[ \t]*(\n|$)", text, re.S)
    if not match:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise InputError(rel, f"front matter is not valid YAML ({exc.__class__.__name__})") from exc
    if not isinstance(data, dict):
        raise InputError(rel, "front matter is not a mapping of fields")
    aliases = {"source": "outlet", "publisher": "outlet", "author": "byline", "link": "url"}
    front = {aliases.get(str(k).lower(), str(k).lower()): v for k, v in data.items()}
    return {k: str(front[k]) for k in METADATA if front.get(k) is not None}, text[match.end():]


# --- readers ---------------------------------------------------------------------------

_MD = MarkdownIt("commonmark")
_BYLINE = re.compile(r"^by\s+(.{2,80})$", re.I)
_URL_LABEL = re.compile(r"^original\s+url\s*:\s*(\S*)$", re.I)
_CREDIT = re.compile(r"^[A-Z][\w.&' -]{1,40}(\s*/\s*[A-Z][\w.&' -]{1,40})*$")


@reader(".md", ".markdown")
def read_markdown(body: str) -> tuple[dict[str, str], list[Block]]:
    """Markdown: `# title`, then header lines (byline, date), paragraphs, captions."""
    found: dict[str, str] = {}
    blocks: list[Block] = []
    tokens = _MD.parse(body)
    for i, token in enumerate(tokens):
        if token.type != "inline" or tokens[i - 1].type == "list_item_open":
            continue
        opener = tokens[i - 1]
        text = clean_inline(_inline_text(token))
        if not text:
            continue
        if opener.type == "heading_open":
            if opener.tag == "h1" and "title" not in found:
                found["title"] = text
            else:
                blocks.append(Block("heading", text))
            continue
        children = token.children or []
        strong_tail = _trailing_strong(children)
        if strong_tail and _CREDIT.match(strong_tail) and len(text) > len(strong_tail):
            blocks.append(Block("caption", text))  # photo caption ending in a credit
            continue
        blocks.append(Block("paragraph", text))
    return _header_fields(found, blocks)


@reader(".txt", ".text")
def read_plain(body: str) -> tuple[dict[str, str], list[Block]]:
    """Plain text: the first line is the headline; each further line a block."""
    lines = [clean_inline(line) for line in body.split("\n")]
    lines = [line for line in lines if line]
    found = {"title": lines[0]} if lines and _looks_like_headline(lines[0]) else {}
    blocks = [Block("heading" if is_heading(line) else "paragraph", line)
              for line in lines[len(found):]]
    return _header_fields(found, blocks)


def _header_fields(
    found: dict[str, str], blocks: list[Block]
) -> tuple[dict[str, str], list[Block]]:
    """Take byline, date and "Original url:" lines out of the body."""
    kept: list[Block] = []
    pending_url = False
    for index, block in enumerate(blocks):
        text = block.text
        if pending_url:
            pending_url = False
            if re.fullmatch(r"<?https?://\S+?>?", text):
                found.setdefault("url", text.strip("<>"))
                continue
        if match := _URL_LABEL.match(text):
            if match.group(1):
                found.setdefault("url", match.group(1).strip("<>"))
            else:
                pending_url = True
            continue
        in_header = index < 4
        if in_header and (match := _BYLINE.match(text)) and "byline" not in found:
            found["byline"] = match.group(1)
            continue
        if in_header and "date" not in found and parse_date(text):
            found["date"] = text
            continue
        kept.append(block)
    return found, kept


def _inline_text(token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def _trailing_strong(children: list) -> str:
    """Text of a **bold** run that ends the paragraph, if any."""
    kinds = [c.type for c in children if not (c.type == "text" and not c.content.strip())]
    if len(kinds) < 3 or kinds[-1] != "strong_close":
        return ""
    start = max(i for i, c in enumerate(children) if c.type == "strong_open")
    return "".join(c.content for c in children[start:] if c.type == "text").strip()


def _looks_like_headline(line: str) -> bool:
    return len(line) <= 250 and not line.endswith((".", ":", ";", ","))


def is_heading(line: str) -> bool:
    """A subheading in plain text: short, no closing full stop, mostly capitalised words."""
    if len(line) > 120 or line.endswith((".", ",", ";", ":", "”", '"')):
        return False
    tokens = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    if not tokens or len(line.split()) > 16:
        return False
    capitalised = sum(w[0].isupper() for w in tokens) / len(tokens)
    return capitalised >= 0.6 or (line.endswith("?") and capitalised >= 0.5)


def _drop_repeated_headline(title: str, blocks: list[Block]) -> list[Block]:
    """Scraped pages often repeat the headline, slightly changed, as the first block."""
    if not title:
        return blocks
    head = [i for i, b in enumerate(blocks[:3]) if similarity(words(title), words(b.text)) >= 0.6]
    return [b for i, b in enumerate(blocks) if i not in head]


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _capitalise(title: str) -> str:
    return title[:1].upper() + title[1:]


# --- metadata values -------------------------------------------------------------------

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
