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

import contextlib
import gzip
import hashlib
import json
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import BuildError, PublishError
from generator.guard import SITE_MARKER, mark
from generator.search import index_search, save_state

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

log = logging.getLogger(__name__)
PARALLEL_PAGES = 400  # pages to render before a second MkDocs process pays for its start


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


@contextlib.contextmanager
def _new_files_only() -> Iterator[None]:
    """MkDocs writes pages and copies assets into existing files; here it first removes the
    old file (see `publish`: the staging folder shares its files with the published site)."""
    from mkdocs import utils

    write, copy = utils.write_file, utils.copy_file

    def fresh(output_path: str) -> None:
        if os.path.isfile(output_path) or os.path.islink(output_path):
            os.unlink(output_path)

    def write_file(content: bytes, output_path: str) -> None:
        fresh(output_path)
        write(content, output_path)

    def copy_file(source_path: str, output_path: str) -> None:
        if not os.path.isdir(output_path):
            fresh(output_path)
        copy(source_path, output_path)

    utils.write_file, utils.copy_file = write_file, copy_file
    try:
        yield
    finally:
        utils.write_file, utils.copy_file = write, copy


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


def run_mkdocs(config_file: Path, site_dir: Path, epoch: int, incremental: bool = False,
               processes: int = 1) -> None:
    """MkDocs into `site_dir`; incremental: over the previous site, only pages whose Markdown
    is newer than their HTML are rendered, and pages no longer generated are deleted. With
    two processes and PARALLEL_PAGES pages to render, a second process renders every other
    page (MkDocs renders one page at a time, and a cold build of 7,000 pages took 77 s)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException
    from mkdocs.structure.files import get_files

    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)  # MkDocs stamps dates from it: deterministic
    try:
        config = load_config(str(config_file), site_dir=str(site_dir))
        # The site's sitemap is ours (`extra`): MkDocs' would list 7,000 pages for nothing.
        config.theme.static_templates.discard("sitemap.xml")
        files = get_files(config)
        pages = files.documentation_pages()
        if incremental:
            _drop_stale_pages(site_dir, {f.url for f in pages})
        todo = sorted(f.src_uri for f in pages if not incremental or f.is_modified())
        share = todo[1::2] if processes > 1 and len(todo) >= PARALLEL_PAGES else []
        pool = ProcessPoolExecutor(1) if share else None  # as extraction's pool: forked
        with _quiet_dirty_warning(), _new_files_only(), _render_only(set(todo) - set(share)), \
                _listed(files):
            part = pool.submit(render_pages, config_file, site_dir, epoch, share) if pool else None
            try:
                # The staging folder of a full build is new: nothing to clean, so dirty mode
                # (render the pages is_modified names) serves both builds.
                mkdocs_build(config, dirty=True)
            finally:
                if pool and part:
                    pool.shutdown()
                    part.result()
    except MkDocsException as exc:
        raise PublishError(f"MkDocs failed: {exc} — the previous site was kept") from exc
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def render_pages(config_file: Path, site_dir: Path, epoch: int, only: list[str]) -> None:
    """In a second process: render the pages `only` names, nothing else (no theme pages, no
    assets: the first process writes those)."""
    from mkdocs.commands import build
    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files

    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    wanted = set(only)
    File.is_modified = lambda self: self.src_uri in wanted  # type: ignore[method-assign]
    Files.copy_static_files = lambda self, *args, **kwargs: None  # type: ignore[method-assign]
    build._build_theme_template = lambda *args, **kwargs: None
    with _quiet_dirty_warning(), _new_files_only():
        build.build(load_config(str(config_file), site_dir=str(site_dir)), dirty=True)


@contextlib.contextmanager
def _render_only(pages: set[str]) -> Iterator[None]:
    """MkDocs renders the documentation pages named (its own test stats every file twice, a
    second at 7,000 pages); other files it copies when modified, as always."""
    from mkdocs.structure.files import File

    modified = File.is_modified

    def is_modified(self: File) -> bool:
        return self.src_uri in pages if self.is_documentation_page() else modified(self)

    File.is_modified = is_modified  # type: ignore[method-assign]
    try:
        yield
    finally:
        File.is_modified = modified  # type: ignore[method-assign]


@contextlib.contextmanager
def _listed(files: Files) -> Iterator[None]:
    """MkDocs takes the files listed above instead of walking the docs folder again (half a
    second at 8,000 pages)."""
    from mkdocs.commands import build

    walk = build.get_files  # type: ignore[attr-defined]
    build.get_files = lambda config: files  # type: ignore[attr-defined]
    try:
        yield
    finally:
        build.get_files = walk  # type: ignore[attr-defined]


@contextlib.contextmanager
def _quiet_dirty_warning() -> Iterator[None]:
    """MkDocs warns that dirty builds may break navigation; ours is static, and the merged
    result is checked against full builds in the tests."""
    logger = logging.getLogger("mkdocs.commands.build")

    def keep(record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()

    logger.addFilter(keep)
    try:
        yield
    finally:
        logger.removeFilter(keep)


def _drop_stale_pages(site: Path, pages: set[str]) -> None:
    """Delete HTML of pages that are no longer generated (404.html is the theme's)."""
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel not in pages and rel != "404.html":
            path.unlink()


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
