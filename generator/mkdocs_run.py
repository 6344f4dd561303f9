"""Running MkDocs over the generated Markdown: incrementally over the previous site (only
pages whose Markdown changed are rendered, pages no longer generated are deleted, every
write makes a new file so the published site never changes under a build), in two
processes for large builds, with the file list read once."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import PublishError

if TYPE_CHECKING:
    from mkdocs.structure.files import Files

PARALLEL_PAGES = 400  # pages to render before a second MkDocs process pays for its start


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
