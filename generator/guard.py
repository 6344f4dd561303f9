"""Guard: nothing is deleted or replaced that this program did not create.

The output and work folders carry marker files; a folder that is neither empty nor marked is
refused before anything is touched (`guard_paths`). Lock files stop two builds running on
one work folder or one output folder at once.
"""

from __future__ import annotations

import contextlib
import fcntl
import shutil
from collections.abc import Iterator
from pathlib import Path

from generator.errors import BuildError

SITE_MARKER = ".digest-site"
WORK_MARKER = ".digest-work"
_MARKER_TEXT = "Made by news-digest (`digest build`), which may replace or delete this folder.\n"


def is_ours(folder: Path, marker: str) -> bool:
    """Whether `folder` is missing, empty, or carries our marker: the only folders we replace."""
    try:
        if not folder.exists():
            return True
        return folder.is_dir() and (not any(folder.iterdir()) or (folder / marker).is_file())
    except OSError:
        return False


def guard_paths(seeds: Path, out: Path, work: Path) -> None:
    """Refuse, before anything is touched, an output or work folder that could hold a user's
    files: not empty and not made by us, a file, the root, or overlapping the seeds."""
    seeds, out, work = (p.expanduser().resolve() for p in (seeds, out, work))
    if out == Path(out.anchor) or work == Path(work.anchor):
        raise BuildError(f"{out if out == Path(out.anchor) else work}: refusing to use the root "
                         "folder — choose a dedicated --out/--work folder")
    for name, path in (("--out", out), ("--work", work)):
        if path == seeds or path.is_relative_to(seeds) or seeds.is_relative_to(path):
            raise BuildError(f"{path}: {name} overlaps the seeds folder {seeds} — choose a folder "
                             "outside it")
    if out == work or out.is_relative_to(work) or work.is_relative_to(out):
        raise BuildError(f"{out}: --out and --work overlap ({work}) — keep them apart")
    for name, path, marker in (("--out", out, SITE_MARKER), ("--work", work, WORK_MARKER)):
        if path.exists() and not path.is_dir():
            raise BuildError(f"{path}: {name} is a file, not a folder — choose another {name}")
        if not is_ours(path, marker):
            raise BuildError(f"{path}: {name} holds files this program did not make (no {marker}) "
                             f"— choose an empty or new folder, or empty it yourself")


@contextlib.contextmanager
def build_lock(work: Path, out: Path) -> Iterator[None]:
    """Exclusive locks on the work folder and on the output folder (a lock file beside it)."""
    work.mkdir(parents=True, exist_ok=True)
    mark(work, WORK_MARKER)
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        for lock, folder in ((work / ".lock", work), (out.with_name(f".{out.name}.lock"), out)):
            handle = stack.enter_context(lock.open("w"))
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise BuildError(f"{folder}: another build is using it — wait for it to "
                                 "finish") from exc
        yield


def mark(folder: Path, marker: str) -> None:
    path = folder / marker
    if not path.is_file():
        path.write_text(_MARKER_TEXT, encoding="utf-8")


def remove_work(work: Path) -> bool:
    """Delete a work folder this program made; False when there is none."""
    if not work.exists():
        return False
    if not (work / WORK_MARKER).is_file():
        raise BuildError(f"{work}: not a work folder of this program (no {WORK_MARKER}) — "
                         "nothing was deleted")
    shutil.rmtree(work)
    return True
