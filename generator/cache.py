"""A content-addressed cache for the stages' work.

Key = stage name + stage version (the source of the stage and of every project module it
imports) + the config slice the stage reads + the input's content + the versions of the
NLP packages every stage relies on. Entries are pickles written to a temp file and renamed
into place, so a crash never leaves half an entry; an entry that cannot be read,
or is not of the shape the caller expects, is a miss, never a crash.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import json
import logging
import os
import pickle
import re
import tempfile
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

log = logging.getLogger(__name__)


class Cache:
    def __init__(self, root: Path, enabled: bool = True, refresh: bool = False) -> None:
        self.root = root
        self.enabled = enabled
        self.refresh = refresh  # a forced full rebuild: read nothing, write fresh entries
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(stage: str, version: str, config: dict[str, Any], content_hash: str) -> str:
        model = _package_version(str(config.get("spacy_model", "")))
        blob = json.dumps([stage, version, config, content_hash, _shared_version(), model],
                          sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()

    def _path(self, key: str) -> str:
        # A string, not a Path: a rebuild of 10,000 articles looks up 30,000 entries.
        return os.path.join(self.root, key[:2], f"{key}.pkl")

    def get(self, key: str, expected: Any = object) -> Any | None:
        """The entry, or None when it is missing, unreadable or not of the `expected` type
        (a dataclass, or a tuple type of them: checked field by field)."""
        if not self.enabled or self.refresh:
            self.misses += 1
            return None
        try:
            with open(self._path(key), "rb") as handle:
                value = pickle.load(handle)
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception as exc:
            log.debug("cache entry %s unreadable (%s); recomputing", key[:12], exc)
            self.misses += 1
            return None
        if not conforms(value, expected):
            log.debug("cache entry %s has another shape; recomputing", key[:12])
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        if not self.enabled:
            return
        try:
            write_pickle(Path(self._path(key)), value)
        except OSError as exc:
            log.warning("could not write cache entry (%s); continuing without it", exc)


def write_pickle(path: Path, value: Any) -> None:
    """Written to a temporary file and renamed into place: a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


S = TypeVar("S")


def read_state(path: Path, kind: type[S], fallback: str) -> S | None:
    """A stage's state saved by the previous build (`build/*.pkl`), or None when it is
    missing, unreadable or of another type; `fallback` says what the stage does then."""
    try:
        with path.open("rb") as handle, no_collection():
            value = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a broken state is no state
        log.warning("%s unreadable (%s); %s", path, exc, fallback)
        return None
    return value if isinstance(value, kind) else None


def save_state(path: Path, value: Any, fallback: str) -> None:
    """Save a stage's state for the next build; a failure only costs that build time."""
    try:
        write_pickle(path, value)
    except OSError as exc:
        log.warning("could not save %s (%s); the next build %s", path, exc, fallback)


def cached_map(
    store: Cache, stage: str, version: str, settings: dict[str, Any], items: Sequence[T],
    content: Callable[[T], str], compute: Callable[[list[T]], Iterable[R | BaseException]],
    expected: Any,
) -> list[R | BaseException]:
    """A result per item, in order: from the cache when the stage's version, its `settings`
    and the item's `content` are unchanged, else from `compute(missing items)`, which returns
    their results in order. An exception is returned as the item's result and not cached."""
    keys = [store.key(stage, version, settings, content(item)) for item in items]
    with no_collection():
        results: list[R | BaseException | None] = [store.get(key, expected) for key in keys]
    missing = [n for n, result in enumerate(results) if result is None]
    for n, result in zip(missing, compute([items[n] for n in missing]), strict=True):
        if not isinstance(result, BaseException):
            store.put(keys[n], result)
        results[n] = result
    return [r for r in results if r is not None]


@contextlib.contextmanager
def no_collection() -> Iterator[None]:
    """The cyclic garbage collector off while many cache entries are loaded, and what was
    loaded frozen out of its sight afterwards (`gc.freeze`): it is kept for the build. For
    10,000 entries 40% of the loading was the collector walking objects that are kept, and
    its first pass once back on 0.8 s more."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


@functools.cache  # a build asks for each stage's version
def source_version(*modules: str) -> str:
    """A stage version from the source of its modules and of every project module they import,
    directly or not: a code change is never served stale results from the cache."""
    digest = hashlib.sha256()
    for path in _project_sources(tuple(sorted(modules))):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _project_sources(modules: tuple[str, ...]) -> list[Path]:
    found: dict[str, Path] = {}
    todo = list(modules)
    while todo:
        name = todo.pop()
        if name in found:
            continue
        source = _module(name)
        if source is not None:
            found[name] = source[0]
            todo += source[1]
    return [found[name] for name in sorted(found)]


@functools.cache  # the stages share most of their imports: each module is parsed once
def _module(name: str) -> tuple[Path, list[str]] | None:
    """A project module's file and the names it imports (None: not a project module)."""
    package = Path(__file__).parent
    if not name.startswith(package.name):
        return None
    path = package.parent.joinpath(*name.split("."))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    if not path.is_file():
        return None  # a name imported from a module, not a module
    imported: list[str] = []
    # Read with a pattern, not ast (a fifth of a rebuild's fixed cost): a line that only
    # looks like an import can add a module to a version, never leave one out.
    for module, names, plain in _IMPORT.findall(path.read_text(encoding="utf-8")):
        if module:
            imported += [module, *(f"{module}.{n.split()[0]}" for n in names.strip("()").split(",")
                                   if n.strip())]
        else:
            imported += [n.split()[0] for n in plain.split(",") if n.strip()]
    return path, imported


_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)"
                     r"|import[ \t]+([^\n#]*))", re.MULTILINE)


@functools.cache
def _shared_version() -> str:
    """What every stage's results depend on besides project code, which stage versions cover."""
    return ",".join(_package_version(name) for name in ("spacy", "yake", "datasketch"))


@functools.cache
def _package_version(name: str) -> str:
    try:
        return metadata.version(name.replace("_", "-")) if name else ""
    except (metadata.PackageNotFoundError, ValueError):
        return ""


def conforms(value: Any, expected: Any) -> bool:
    """Whether `value` has the shape of the type `expected`: its type, and its fields' types
    one level down (a tuple by its first item). The key already covers the code that wrote
    the entry; this catches a damaged or foreign entry, cheaply enough for every load."""
    return _checker(expected, 2)(value)


Check = Callable[[Any], bool]


@functools.cache
def _checker(expected: Any, depth: int) -> Check:
    """The shape check for `expected`, `depth` levels deep, worked out once per type: a
    rebuild checks every cached entry, and reading type hints each time cost more than the
    loads."""
    origin = typing.get_origin(expected)
    if origin in (typing.Union, types.UnionType):
        options = tuple(_checker(option, depth) for option in typing.get_args(expected))
        return lambda value: any(check(value) for check in options)
    if origin is tuple and depth > 0:
        args = typing.get_args(expected)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _checker(args[0], depth - 1)
            return lambda value: isinstance(value, tuple) and (not value or item(value[0]))
        items = tuple(_checker(arg, depth - 1) for arg in args)
        return lambda value: (isinstance(value, tuple) and len(value) == len(items)
                              and all(check(v) for check, v in zip(items, value, strict=True)))
    if origin is not None:
        return lambda value: isinstance(value, origin)
    if expected is float:
        return lambda value: isinstance(value, int | float) and not isinstance(value, bool)
    if expected is None or expected is type(None):
        return lambda value: value is None
    if dataclasses.is_dataclass(expected) and depth > 0:
        hints = _hints(typing.cast(type, expected))
        fields = tuple((f.name, _checker(hints[f.name], depth - 1))
                       for f in dataclasses.fields(expected))
        return lambda value: type(value) is expected and all(
            check(getattr(value, name, _MISSING)) for name, check in fields)
    if dataclasses.is_dataclass(expected):
        return lambda value: type(value) is expected
    return lambda value: isinstance(value, expected)


_MISSING = object()


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)
