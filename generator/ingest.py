"""Ingest: read article files into `Article`s with metadata, or report why not.

Readers are registered by file suffix. A file that cannot be read is reported
with its path and reason and skipped; the rest of the seeds still build.
Metadata that a file does not state is left empty and listed in `missing`.
"""

from __future__ import annotations

import codecs
import dataclasses
import hashlib
import logging
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from generator.cache import Cache, no_collection, source_version
from generator.dates import parse_date
from generator.errors import BuildError, InputError
from generator.metadata import outlet_from_url, safe_url, wire_date, wire_service
from generator.model import Article, Block, Problem
from generator.readers import READERS, Reader, choose_reader, is_newswire
from generator.text import clean_inline, display_path, sentence_goes_on, similarity, slugify, words

log = logging.getLogger(__name__)

METADATA = ("title", "date", "outlet", "byline", "url")
MAX_TITLE = 300  # a "title" longer than this is a paragraph scraped into the wrong place
SHOWN = 10  # problems listed when no file could be read


def ingest(
    seeds: Path, max_bytes: int, max_line: int, store: Cache
) -> tuple[list[Article], list[Problem]]:
    """Every readable article under `seeds`, sorted by id, and the problems met. No readable
    article at all is an error: a build of nothing must not replace the published site.
    A file whose size and modification time are unchanged is taken from the cache unread."""
    if not seeds.is_dir():
        raise InputError(str(seeds), "seeds folder not found", "pass --seeds DIR")
    articles: list[Article] = []
    problems: list[Problem] = []
    root = seeds.resolve()
    version = source_version(__name__)
    with no_collection():  # most files come from the cache
        for path, error in _walk(seeds):
            rel = display_path(path.relative_to(seeds).as_posix())
            try:
                if error:
                    raise InputError(rel, error)
                if path.suffix.lower() not in READERS and not _newswire(path):
                    raise InputError(rel, f"unsupported file type {path.suffix or '(none)'!r}",
                                     f"use one of {', '.join(sorted(READERS))}, or a newswire "
                                     "<DOC> document")
                described = _stat_key(path)
                key = store.key("ingest", version, {"max_bytes": max_bytes, "max_line": max_line},
                                f"{rel}\0{described}")
                cached = store.get(key, tuple[Article, str]) if described else None
                if cached is None:
                    text, digest, warning = read_text(path, root, max_bytes, max_line)
                    cached = (parse(rel, text, digest, choose_reader(path.suffix.lower(), text)), warning)
                    if described:
                        store.put(key, cached)
                article, warning = cached
                if warning:
                    problems.append(Problem(rel, warning, fatal=False))
                articles.append(article)
            except InputError as exc:
                log.debug("%s", exc)
                problems.append(Problem(rel, exc.reason, fatal=True))
    if not articles:
        listed = "".join(f"\n  {p.path}: {p.message}" for p in problems[:SHOWN])
        more = f"\n  … and {len(problems) - SHOWN} more" if len(problems) > SHOWN else ""
        raise BuildError(f"{seeds}: no usable article ({len(problems)} skipped) — "
                         f"the previous site was kept{listed}{more}")
    return _unique_ids(articles), problems


def _newswire(path: Path) -> bool:
    """Whether a file of another suffix opens as a newswire document ("APW19980601.0007")."""
    try:
        with path.open("rb") as handle:
            return is_newswire(handle.read(64).decode("utf-8", "replace"))
    except OSError:
        return False  # read_text reports why


def _stat_key(path: Path) -> str:
    """The file (and the link, for a symlink) as the file system describes it, or "" when it
    cannot say: then the file is read, not taken from the cache, and its problem reported."""
    try:
        info, link = os.stat(path), os.lstat(path)
    except (OSError, RuntimeError):
        return ""
    return f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{link.st_mtime_ns}"


def _walk(seeds: Path) -> Iterator[tuple[Path, str]]:
    """Files under `seeds` in path order, with the reason one cannot be listed ("" if it can).
    Iterative, so no nesting depth overflows the stack; hidden entries are skipped and
    symlinked folders are not followed (no loops)."""
    stack = [seeds]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            yield folder, f"cannot list folder ({exc.strerror or exc})"
            continue
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if is_folder:
                folders.append(path)
            elif entry.is_symlink() and path.is_dir():
                yield path, "symlink to a folder (not followed)"
            else:
                yield path, ""
        stack.extend(reversed(folders))


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Files whose names make the same id (`a.md` and `a.txt`, `a b.txt` and `a-b.txt`): the
    shortest path keeps the id, the others get a suffix from their path, stable across builds."""
    by_id: dict[str, list[Article]] = {}
    for article in sorted(articles, key=lambda a: (len(a.path), a.path)):
        by_id.setdefault(article.id, []).append(article)
    taken = set(by_id)
    kept = []
    for same in by_id.values():
        kept.append(same[0])
        for article in same[1:]:
            suffix = hashlib.sha256(article.path.encode()).hexdigest()
            new_id, size = f"{article.id}-{suffix[:6]}", 6
            while new_id in taken:
                size += 2
                new_id = f"{article.id}-{suffix[:size]}"
            taken.add(new_id)
            kept.append(dataclasses.replace(article, id=new_id))
    return sorted(kept, key=lambda a: a.id)


def read_text(path: Path, root: Path, max_bytes: int, max_line: int) -> tuple[str, str, str]:
    """Decoded text, sha256 and a warning ("" if none); InputError when unusable."""
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            target = path.resolve(strict=True)
            if not target.is_relative_to(root):
                raise InputError(str(path), "symlink leads outside the seeds folder")
            info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(str(path), "not a regular file (FIFO, device or socket)")
        if info.st_size > max_bytes:
            raise InputError(str(path), f"file is {info.st_size} bytes, over the {max_bytes} limit",
                             "split it or raise max_file_bytes")
        with path.open("rb") as handle:  # re-checked: the file may have grown since stat
            data = handle.read(max_bytes + 1)
    except (OSError, RuntimeError) as exc:  # gone, unreadable, dangling or looping symlink
        reason = getattr(exc, "strerror", None) or str(exc)
        raise InputError(str(path), f"cannot read file ({reason})") from exc
    if len(data) > max_bytes:
        raise InputError(str(path), f"file is over the {max_bytes} byte limit",
                         "split it or raise max_file_bytes")
    if not data.strip():
        raise InputError(str(path), "file is empty")
    text, warning = decode(data)
    if "\x00" in text:
        raise InputError(str(path), "file contains NUL bytes (binary?)")
    if max(map(len, text.splitlines()), default=0) > max_line:
        text = "\n".join(line if len(line) <= max_line else _cut_long_line(line, max_line, path)
                         for line in text.splitlines())
    return text, hashlib.sha256(data).hexdigest(), warning


_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


def _cut_long_line(line: str, width: int, path: Path) -> str:
    """A line over `width` characters (a scraped article's whole body, as web corpora keep
    it) cut at sentence ends into paragraphs of at most `width`; InputError when a stretch
    that long has no sentence end to cut at."""
    ends = [m.end() for m in _SENTENCE_END.finditer(line)
            if not sentence_goes_on(line[max(0, m.start() - 12):m.start() + 1],
                                    line[m.end():m.end() + 40])]
    pieces, start, last = [], 0, 0
    for end in [*ends, len(line)]:
        if end - start > width:
            if last == start or end - last > width:
                raise InputError(str(path), f"a line is longer than {width} characters with no "
                                 "sentence end to cut it at", "wrap it or raise max_line_chars")
            pieces.append(line[start:last].strip())
            start = last
        last = end
    pieces.append(line[start:].strip())
    return "\n\n".join(pieces)


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
    found.setdefault("date", date_in_name(rel))
    blocks = _drop_repeated_headline(title, blocks)
    url = safe_url(found.get("url", ""))
    # "APW19980601.0007" keeps its number: only a reader's suffix is not part of the name.
    stem = Path(rel).with_suffix("").as_posix() if Path(rel).suffix.lower() in READERS else rel
    # A file named by its newswire document id names its wire service, as it names its date.
    outlet = found.get("outlet", "") or outlet_from_url(url) or wire_service(Path(stem).name)
    fields: dict[str, Any] = {
        "title": _clip(_capitalise(clean_inline(title)), MAX_TITLE),
        "date": parse_date(found.get("date", "")),
        "outlet": clean_inline(outlet),
        "byline": clean_inline(found.get("byline", "")),
        "url": url,
    }
    if not fields["title"] and not any(b.kind == "paragraph" for b in blocks):
        raise InputError(rel, "no title and no text found")
    return Article(
        id=slugify(stem, max_length=None, keep="_.", lower=False).strip("-.") or digest[:12],
        path=rel,
        missing=tuple(k for k in METADATA if not fields[k]),
        blocks=tuple(blocks),
        content_hash=digest,
        **fields,
    )


# A date written in the file name as Jekyll and Hugo read it ("2024-01-05-storm.md") or as
# wire archives name their files ("APW19980821.1004", "NYT_ENG_20041115.0206"). Eight digits
# in a row elsewhere are as likely an id: 500N-KPCrowd's "business-20950217" is no 2095 date.
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_name(rel: str) -> str:
    """The date a file's name states (year, month and day), "" when it states none or two."""
    name = Path(rel).name
    found = {f"{m[1]}-{m[3]}-{m[4]}" for m in _NAME_DATE.finditer(name)}
    found |= {wire_date(stem) for stem in (name, name.rpartition(".")[0])} - {""}
    return parse_date(found.pop()) if len(found) == 1 else ""


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML without aliases (a few hundred bytes of nested aliases expand to gigabytes)
    and with every scalar read as text: a date or number is parsed by us, not by YAML."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases are not allowed in front matter")
        return super().compose_node(parent, index)


for _tag in ("bool", "int", "float", "timestamp"):
    _FrontMatterLoader.add_constructor(f"tag:yaml.org,2002:{_tag}",  # type: ignore[type-var]
                                       yaml.SafeLoader.construct_scalar)
MAX_FRONT_MATTER = 20_000


def split_front_matter(rel: str, text: str) -> tuple[dict[str, str], str]:
    text = text.lstrip("\ufeff")
    match = re.match(r"---[ \t]*\n(.*?\n)---[ \t]*(\n|$)", text, re.S)
    if not match:
        return {}, text
    if len(match.group(1)) > MAX_FRONT_MATTER:
        raise InputError(rel, f"front matter is over {MAX_FRONT_MATTER} characters")
    try:
        data = yaml.load(match.group(1), Loader=_FrontMatterLoader) or {}
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise InputError(rel, f"front matter is not valid YAML ({reason})",
                         "fix the front matter") from exc
    if not isinstance(data, dict):
        raise InputError(rel, "front matter is not a mapping of fields")
    aliases = {"source": "outlet", "publisher": "outlet", "author": "byline", "link": "url"}
    front = {aliases.get(str(k).lower(), str(k).lower()): v for k, v in data.items()}
    fields = {}
    for key in METADATA:
        value = front.get(key)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = ", ".join(value)  # several authors
        if value is not None and not isinstance(value, str):
            raise InputError(rel, f"front matter field {key!r} is not text", "fix the front matter")
        if value:
            fields[key] = value
    return fields, text[match.end():]


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
