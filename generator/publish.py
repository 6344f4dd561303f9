"""Publish: write the Markdown, run MkDocs into a staging folder, then swap it in.

The previous site stays untouched until the new one is complete and checked;
the swap is two renames, and a build that finds only the previous site (a crash
between the renames) restores it first. Generated Markdown is written only when
its bytes change, and pages that are no longer generated are removed. Only folders
marked as ours are replaced (`generator.guard`).

Rebuilds are incremental when the MkDocs config, theme and versions are unchanged:
the previous site is hard-linked into staging, MkDocs renders only pages whose
Markdown is newer than their HTML (`dirty`), stale pages are deleted — the result
is byte-identical to a full build. Then the pages are indexed for search (`generator.search`).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from generator.errors import BuildError, PublishError
from generator.guard import SITE_MARKER, mark
from generator.mkdocs_run import run_mkdocs
from generator.search import index_search, save_state


def write_docs(pages: dict[str, str | None], docs: Path) -> tuple[list[str], int]:
    """Write changed pages under docs/ (None: keep the file as it is), remove stale ones;
    (paths written, number removed)."""
    written: list[str] = []
    removed = 0
    root = docs.resolve()
    for rel, text in sorted(pages.items()):
        if text is None:
            continue
        path = docs / rel
        if not path.resolve().is_relative_to(root):
            raise BuildError(f"page path {rel!r} leaves the output folder")
        data = text.encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        written.append(rel)
    # Strings, not Paths: at 7,000 pages building and hashing Paths cost seconds.
    wanted = {os.path.normpath(os.path.join(docs, rel)) for rel in pages}
    for folder, _, files in sorted(os.walk(docs, topdown=False), reverse=True):
        for name in sorted(files):
            file = os.path.join(folder, name)
            if not name.startswith(".") and os.path.normpath(file) not in wanted:
                os.unlink(file)  # dot files are our own state
                removed += 1
        if folder != str(docs) and not os.path.basename(folder).startswith(".") \
                and not os.listdir(folder):
            os.rmdir(folder)
    return written, removed


def publish(work: Path, out: Path, extra: Callable[[], dict[str, bytes]], epoch: int,
            full: bool = False, processes: int = 1) -> bool:
    """Build work/mkdocs.yml into a staging folder beside `out`, add the files `extra()`
    returns, swap. MkDocs renders the pages in up to `processes` processes.

    Returns whether the build was incremental.
    """
    out = out.resolve()
    staging = out.with_name(f".{out.name}.staging")
    old = out.with_name(f".{out.name}.old")
    if not out.exists() and (old / SITE_MARKER).is_file():
        old.rename(out)  # an earlier build stopped between its two renames
    for leftover in (staging, old):
        if leftover.exists():
            if not (leftover / SITE_MARKER).is_file():
                raise PublishError(f"{leftover}: in the way of the build and not made by it — "
                                   "move it away")
            shutil.rmtree(leftover)
    state = work / ".publish-state.json"
    fingerprint = _fingerprint(work / "mkdocs.yml")
    incremental = not full and (out / SITE_MARKER).is_file() and (out / "index.html").is_file() \
        and _read_state(state) == fingerprint
    try:
        staging.mkdir()
        mark(staging, SITE_MARKER)
        if incremental:
            # Hard links, not copies: at 10,000 articles copying the site cost more than
            # building it. Every write below replaces a file (a new inode) and never writes
            # into one, so the published site cannot change under a build. Links keep the
            # times, so MkDocs re-renders only pages whose Markdown is newer.
            shutil.copytree(out, staging, copy_function=_link, dirs_exist_ok=True)
        run_mkdocs(work / "mkdocs.yml", staging, epoch, incremental, processes)
        for rel, data in sorted(extra().items()):
            if not ((staging / rel).is_file() and (staging / rel).read_bytes() == data):
                _replace(staging / rel, data)  # unchanged: the published file stays (1,700 feeds)
        _fix_sitemap(staging, epoch)
        searched = index_search(staging, out if incremental else None, work)
        check_site(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    state.unlink(missing_ok=True)
    save_state(work, None)
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)
    state.write_text(json.dumps(fingerprint), encoding="utf-8")
    save_state(work, searched)
    return incremental


def _link(source: str, target: str) -> None:
    if not os.path.lexists(target):  # the staging marker is there already
        os.link(source, target)


def _replace(path: Path, data: bytes) -> None:
    """Write `path` as a new file: in a staging folder hard-linked to the published site,
    writing into the existing file would change the published one too."""
    path.unlink(missing_ok=True)
    path.write_bytes(data)


def _fingerprint(config_file: Path) -> str:
    """What every page depends on: the MkDocs config and the theme's version. Not the date
    stamp (a new article is usually the newest): only MkDocs' sitemap uses it, and ours
    replaces that."""
    from importlib.metadata import version

    parts = [config_file.read_bytes(), version("mkdocs").encode(), version("mkdocs-material").encode()]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


def _read_state(path: Path) -> str:
    try:
        return str(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return ""


def _fix_sitemap(site: Path, epoch: int) -> None:
    """Recompress sitemap.xml.gz with a fixed timestamp, so the bytes are reproducible."""
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        _replace(site / "sitemap.xml.gz", gzip.compress(sitemap.read_bytes(), mtime=epoch))


def check_site(site: Path) -> None:
    for required in ("index.html", "digest.json", "pagefind/pagefind.js"):
        if not (site / required).is_file():
            raise PublishError(f"built site lacks {required} — the previous site was kept")


def epoch_for(dates: list[str]) -> int:
    """The newest article date as a timestamp (0 when none): stable across rebuilds."""
    newest = max((d for d in dates if d), default="")
    if not newest:
        return 0
    day = date.fromisoformat(newest)
    stamp = int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())
    return min(max(stamp, 0), 2**32 - 1)  # what gzip headers and SOURCE_DATE_EPOCH can hold
