"""Publish: write the Markdown, run MkDocs into a staging folder, then swap it in.

The previous site stays untouched until the new one is complete and checked;
the swap is two renames. Generated Markdown is written only when its bytes
change, and pages that are no longer generated are removed. A lock file stops
two builds running on one work folder at once.
"""

from __future__ import annotations

import contextlib
import fcntl
import gzip
import json
import logging
import os
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from generator.errors import BuildError, PublishError

log = logging.getLogger(__name__)


@contextlib.contextmanager
def build_lock(work: Path) -> Iterator[None]:
    work.mkdir(parents=True, exist_ok=True)
    with (work / ".lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise BuildError(f"{work}: another build is running — wait for it to finish") from exc
        yield


def write_docs(pages: dict[str, str], docs: Path) -> tuple[int, int]:
    """Write changed pages under docs/, remove stale ones; (written, removed)."""
    written = removed = 0
    for rel, text in sorted(pages.items()):
        path = docs / rel
        if not path.resolve().is_relative_to(docs.resolve()):
            raise BuildError(f"page path {rel!r} leaves the output folder")
        data = text.encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        written += 1
    wanted = {docs / rel for rel in pages}
    for path in sorted(docs.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
            removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written, removed


def publish(work: Path, out: Path, extra: dict[str, bytes], epoch: int) -> None:
    """Build work/mkdocs.yml into a staging folder beside `out`, add `extra`, swap."""
    out = out.resolve()
    staging = out.with_name(f".{out.name}.staging")
    old = out.with_name(f".{out.name}.old")
    for leftover in (staging, old):
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        run_mkdocs(work / "mkdocs.yml", staging, epoch)
        for rel, data in sorted(extra.items()):
            (staging / rel).write_bytes(data)
        _fix_sitemap(staging, epoch)
        check_site(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if out.exists():
        out.rename(old)
    staging.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def run_mkdocs(config_file: Path, site_dir: Path, epoch: int) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)  # MkDocs stamps dates from it: deterministic
    try:
        config = load_config(str(config_file), site_dir=str(site_dir))
        mkdocs_build(config)
    except MkDocsException as exc:
        raise PublishError(f"MkDocs failed: {exc} — the previous site was kept") from exc
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def _fix_sitemap(site: Path, epoch: int) -> None:
    """Recompress sitemap.xml.gz with a fixed timestamp, so the bytes are reproducible."""
    sitemap = site / "sitemap.xml"
    if sitemap.exists():
        with (site / "sitemap.xml.gz").open("wb") as raw, \
                gzip.GzipFile(fileobj=raw, mode="wb", mtime=epoch, filename="") as packed:
            packed.write(sitemap.read_bytes())


def check_site(site: Path) -> None:
    for required in ("index.html", "digest.json", "search/search_index.json"):
        if not (site / required).is_file():
            raise PublishError(f"built site lacks {required} — the previous site was kept")
    json.loads((site / "digest.json").read_text(encoding="utf-8"))


def epoch_for(dates: list[str]) -> int:
    """The newest article date as a timestamp (0 when none): stable across rebuilds."""
    newest = max((d for d in dates if d), default="")
    if not newest:
        return 0
    day = date.fromisoformat(newest)
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())
