"""Shared loader for the Reuters-21578 benchmarks (bench/dedup.py, bench/scale.py).

Parses the SGML files (read as latin-1) into `Story(newid, date, title, body)`,
turns a story into `generator.model.Article`s for in-process benchmarks, and can
write stories as Markdown seed files with YAML front matter into a folder that
must lie outside the project: the corpus is never copied into /work/main.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(os.environ.get("DIGEST_BENCH_DATA", "/work/data")) / "reuters21578"
PROJECT = Path(__file__).resolve().parent.parent

_DOC = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_NEWID = re.compile(r'NEWID="(\d+)"')
_DATE = re.compile(r"<DATE>\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})")
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SIGNOFF = re.compile(r"\s*\b(reuter|reute)\s*$", re.I)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


@dataclass(frozen=True)
class Story:
    newid: int
    date: str
    """ISO date, or "" when the <DATE> field is unreadable."""
    title: str
    body: str
    """Paragraphs separated by blank lines; "" when the document has no <BODY>."""

    @property
    def id(self) -> str:
        return f"reuters-{self.newid:05d}"

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(p for p in self.body.split("\n\n") if p)


def _text(raw: str) -> str:
    return _CONTROL.sub(" ", html.unescape(raw))


def _paragraphs(raw: str) -> list[str]:
    """Reuters starts each paragraph on a line indented by spaces; table rows likewise."""
    text = _SIGNOFF.sub("", _text(raw).rstrip())
    paragraphs: list[str] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line[:1] in (" ", "\t") and current:
            paragraphs.append(" ".join(current))
            current = []
        if line.strip():
            current.append(" ".join(line.split()))
    if current:
        paragraphs.append(" ".join(current))
    return [p for p in paragraphs if p]


def _iso(match: re.Match[str] | None) -> str:
    if not match:
        return ""
    month = _MONTHS.get(match[2].lower())
    return f"{int(match[3]):04d}-{month:02d}-{int(match[1]):02d}" if month else ""


def stories(corpus: Path = CORPUS, with_body: bool = True) -> Iterator[Story]:
    """Every document in NEWID order (only those with a non-empty body, by default)."""
    found = []
    for path in sorted(corpus.glob("reut2-*.sgm")):
        for match in _DOC.finditer(path.read_text(encoding="latin-1")):
            attrs, inner = match.groups()
            newid = int(_NEWID.search(attrs)[1])
            title = _TITLE.search(inner)
            body = _BODY.search(inner)
            paragraphs = _paragraphs(body[1]) if body else []
            if with_body and not paragraphs:
                continue
            found.append(Story(newid, _iso(_DATE.search(inner)),
                               " ".join(_text(title[1]).split()) if title else "",
                               "\n\n".join(paragraphs)))
    found.sort(key=lambda s: s.newid)
    yield from found


def article(story_id: str, title: str, paragraphs: tuple[str, ...]):
    """A cleaned `generator.model.Article` as dedupe sees it (no metadata needed)."""
    from generator.model import Article

    return Article(id=story_id, path=f"{story_id}.md", title=title, date="", outlet="", byline="",
                   url="", missing=(), blocks=(), content_hash="", paragraphs=paragraphs)


# Markdown would read "<ACME CO>" as an HTML tag (dropped by ingest), "- x" or "1. x" as a
# list (skipped), "*x*" as emphasis: escape so ingest gets the text back verbatim.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#!|~&])")
_BLOCK_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")


def markdown_escape(text: str) -> str:
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: m[1] + "".join("\\" + c if not c.isdigit() else c for c in m[2]),
                            text)


def to_markdown(story: Story) -> str:
    front = {"title": story.title or story.id, "outlet": "Reuters"}
    if story.date:
        front["date"] = story.date
    # JSON strings are valid YAML double-quoted scalars.
    header = "".join(f"{k}: {json.dumps(v)}\n" for k, v in front.items())
    body = "\n\n".join(markdown_escape(p) for p in story.paragraphs)
    return f"---\n{header}---\n\n{body}\n"


def code_version(root: Path = PROJECT) -> str:
    """HEAD commit (if `root` is a checkout) and a hash of its generator/ and templates/ sources,
    which other work may change between or during runs."""
    import hashlib
    import subprocess

    head = ""
    if (root / ".git").exists():
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip()
    digest = hashlib.sha256()
    for path in sorted([*root.glob("generator/**/*.py"), *root.glob("templates/**/*.*")]):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{root}{f' HEAD {head}' if head else ''}, sources {digest.hexdigest()[:12]}"


def outside_project(folder: Path) -> Path:
    folder = folder.resolve()
    if folder == PROJECT or folder.is_relative_to(PROJECT):
        raise SystemExit(f"{folder}: refusing to write the corpus inside {PROJECT}")
    return folder


def write_seeds(items: list[Story], folder: Path, clear: bool = True) -> Path:
    """Write each story as <id>.md into `folder` (outside the project)."""
    folder = outside_project(folder)
    if clear and folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for story in items:
        (folder / f"{story.id}.md").write_text(to_markdown(story), encoding="utf-8")
    return folder


if __name__ == "__main__":
    import sys

    everything = list(stories(with_body=False))
    bodies = [s for s in everything if s.body]
    print(f"{len(everything)} documents, {len(bodies)} with a body, "
          f"{sum(1 for s in bodies if s.date)} dated")
    if len(sys.argv) > 2:
        count, target = int(sys.argv[1]), Path(sys.argv[2])
        print(f"wrote {count} seeds to {write_seeds(bodies[:count], target)}")
