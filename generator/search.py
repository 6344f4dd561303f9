"""Search: Pagefind's index of the built pages, kept current without re-indexing the site.

Pagefind has no incremental mode: indexing 7,000 pages costs about 10 s whatever changed.
So a site carries two bundles. `pagefind/` indexes every page as of the last full index;
`pagefind-delta/` indexes the pages changed since, and its `hidden.json` lists the records
of `pagefind/` that those changes (and removed pages) made stale. The search page merges
the two bundles (Pagefind's mergeIndex) and leaves the hidden records out, so a reader
searches the same records a full index would hold (a test compares them). When the changed
pages pass a tenth of the indexed ones, or on `--full`, the whole site is indexed again.

Records are Pagefind's fragment files, named by a hash of their content: unchanged records
keep their names, and only files that differ replace the previous site's.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path

from generator.errors import PublishError

MAIN, DELTA = "pagefind", "pagefind-delta"
HIDDEN = "hidden.json"
# A new full index when the pages changed since the last pass COMPACT of the indexed pages
# and COMPACT_FLOOR pages (Pagefind indexes that many in well under a second).
COMPACT, COMPACT_FLOOR = 0.1, 100
_BUNDLE = re.compile(r"^(?:pagefind-entry\.json|[^/]+\.pf_meta|(?:index|fragment|filter)/[^/]+)$")
_CODE = re.compile(r"^(?:pagefind\.js|pagefind-worker\.js|wasm\.[^/]+\.pagefind)$")  # not its UIs
_URL = re.compile(rb'^pagefind_dcd\{"url":("(?:[^"\\]|\\.)*")')


@dataclass(frozen=True)
class SearchState:
    """What the published bundles hold: the main bundle's record per page URL, and the pages
    (site-relative paths) changed since it was built."""

    records: dict[str, str]
    pending: tuple[str, ...]


def index_search(site: Path, previous: Path | None, work: Path) -> SearchState:
    """Index `site` for search. `previous`: the published site `site` was made from (its
    unchanged files are hard links to it), None to index every page."""
    state = load_state(work) if previous is not None else None
    if state is not None and previous is not None:
        pending = tuple(sorted(set(state.pending) | _changed_pages(site, previous)))
        if len(pending) <= COMPACT * len(state.records) + COMPACT_FLOOR:
            hidden = _index_delta(site, work, pending, state.records)
            _write_hidden(site, hidden, merge=(site / DELTA / "pagefind-entry.json").is_file())
            return SearchState(state.records, pending)
    records = _urls(_pagefind(site, site / MAIN, work / ".pagefind", code=True))
    shutil.rmtree(site / DELTA, ignore_errors=True)  # hard links: the published files stay
    _write_hidden(site, [], merge=False)
    return SearchState(records, ())


def load_state(work: Path) -> SearchState | None:
    try:
        data = json.loads((work / ".search-state.json").read_text(encoding="utf-8"))
        records, pending = data["records"], data["pending"]
        if isinstance(records, dict) and isinstance(pending, list):
            return SearchState({str(k): str(v) for k, v in records.items()},
                               tuple(str(p) for p in pending))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def save_state(work: Path, state: SearchState | None) -> None:
    """Record what the published site's bundles hold (None: nothing known, index all next)."""
    path = work / ".search-state.json"
    if state is None:
        path.unlink(missing_ok=True)
        return
    tmp = path.with_name(".search-state.json.tmp")
    tmp.write_text(json.dumps({"records": state.records, "pending": list(state.pending)},
                              sort_keys=True), encoding="utf-8")
    tmp.replace(path)


def _changed_pages(site: Path, previous: Path) -> set[str]:
    """Pages written anew (not hard links to the published page) or removed."""
    now, before = _pages(str(site)), _pages(str(previous))
    return {rel for rel, inode in now.items() if before.get(rel) != inode} | (before.keys() - now.keys())


def _pages(site: str, folder: str = "") -> dict[str, int]:
    """Site-relative path -> inode of every HTML page (strings and scandir: 7,000 Paths cost
    a second)."""
    found: dict[str, int] = {}
    with os.scandir(os.path.join(site, folder)) as entries:
        for entry in entries:
            rel = f"{folder}/{entry.name}" if folder else entry.name
            if entry.is_dir(follow_symlinks=False):
                found.update(_pages(site, rel))
            elif entry.name.endswith(".html"):
                found[rel] = entry.inode()
    return found


def _index_delta(site: Path, work: Path, pending: tuple[str, ...],
                 records: dict[str, str]) -> list[str]:
    """Index the pending pages still indexable into the delta bundle; the main bundle's
    records they replace or remove."""
    pages = work / ".pagefind-pages"
    shutil.rmtree(pages, ignore_errors=True)  # ours: a leftover of an interrupted build
    found = 0
    for rel in pending:
        source = site / rel
        # Pagefind indexes only pages marked data-pagefind-body once any page is marked.
        if source.is_file() and b"data-pagefind-body" in source.read_bytes():
            (pages / rel).parent.mkdir(parents=True, exist_ok=True)
            os.link(source, pages / rel)
            found += 1
    fresh: set[str] = set()
    if found:
        fresh = set(_urls(_pagefind(pages, site / DELTA, work / ".pagefind")).values())
    else:
        shutil.rmtree(site / DELTA, ignore_errors=True)
    shutil.rmtree(pages, ignore_errors=True)
    stale = {records[url] for url in ("/" + rel for rel in pending) if url in records}
    return sorted(stale - fresh)  # a page changed back to its indexed record is not hidden


def _write_hidden(site: Path, hidden: list[str], merge: bool) -> None:
    path = site / DELTA / HIDDEN
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)  # a hard link to the published file: write a new one
    path.write_text(json.dumps({"merge": merge, "hidden": hidden}), encoding="utf-8")


def _pagefind(pages: Path, target: Path, scratch: Path, code: bool = False) -> Path:
    """Run Pagefind over `pages` and put its index files in `target`, with the search code
    when `code` (a merged bundle is searched by the main one's). Only files that differ
    replace those in `target`. Returns `target`."""
    from pagefind_bin import get_executable

    shutil.rmtree(scratch, ignore_errors=True)  # ours: a leftover of an interrupted build
    run = subprocess.run([str(get_executable()), "--site", str(pages), "--output-path",
                          str(scratch), "--force-language", "en", "--silent"],
                         capture_output=True, text=True)
    if run.returncode:
        reason = (run.stderr or run.stdout).strip().splitlines()[-1:] or ["no message"]
        raise PublishError(f"Pagefind failed: {reason[0]} — the previous site was kept")
    fresh = {p.relative_to(scratch).as_posix() for p in scratch.rglob("*") if p.is_file()}
    fresh = {rel for rel in fresh if _BUNDLE.match(rel) or (code and _CODE.match(rel))}
    for path in sorted(target.rglob("*"), reverse=True) if target.is_dir() else ():
        rel = path.relative_to(target).as_posix()
        if path.is_file() and rel not in fresh and rel != HIDDEN:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    for rel in sorted(fresh):
        data = (scratch / rel).read_bytes()
        if not ((target / rel).is_file() and (target / rel).read_bytes() == data):
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            (target / rel).unlink(missing_ok=True)  # a hard link to the published file
            (target / rel).write_bytes(data)
    shutil.rmtree(scratch)
    return target


def _urls(bundle: Path) -> dict[str, str]:
    """Page URL -> record id of a bundle, read from the start of each fragment."""
    found = {}
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(path.read_bytes(), 4096)
        match = _URL.match(head)
        url = json.loads(match.group(1)) if match else json.loads(
            zlib.decompress(path.read_bytes(), 16 + zlib.MAX_WBITS)[12:])["url"]
        found[str(url)] = path.name.removesuffix(".pf_fragment")
    return found
