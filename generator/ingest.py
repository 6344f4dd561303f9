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
from pathlib import Path

import yaml

from generator.errors import InputError
from generator.metadata import outlet_from_url, parse_date, safe_url
from generator.model import Article, Block, Problem
from generator.readers import READERS, Reader, choose_reader
from generator.text import clean_inline, similarity, words

log = logging.getLogger(__name__)

METADATA = ("title", "date", "outlet", "byline", "url")
MAX_TITLE = 300  # a "title" longer than this is a paragraph scraped into the wrong place


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
