"""A content-addressed cache for per-article work.

Key = stage name + stage version + the config slice the stage reads + the
input's content hash. Entries are pickles written to a temp file and renamed
into place, so a crash never leaves half an entry; any error reading an entry
is a miss, never a crash.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class Cache:
    def __init__(self, root: Path, enabled: bool = True) -> None:
        self.root = root
        self.enabled = enabled
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(stage: str, version: str, config: dict[str, Any], content_hash: str) -> str:
        blob = json.dumps([stage, version, config, content_hash], sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pkl"

    def get(self, key: str) -> Any | None:
        if not self.enabled:
            self.misses += 1
            return None
        try:
            with self._path(key).open("rb") as handle:
                value = pickle.load(handle)
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception as exc:
            log.debug("cache entry %s unreadable (%s); recomputing", key[:12], exc)
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        if not self.enabled:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError as exc:
            log.warning("could not write cache entry (%s); continuing without it", exc)


def source_version(*files: str | Path) -> str:
    """A stage version from the stage's source code: a code change is never served stale
    results from the cache."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]
