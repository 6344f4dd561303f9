"""Run per-article work serially, across a process pool, or on Dask, with identical results.

`executor` is "process" (a pool when there is enough work; the default), "serial",
"dask" (a LocalCluster on this machine) or "dask=ADDRESS" (an existing scheduler,
for corpora beyond one machine; needs the optional `dask` extra).
Results are yielded in input order on every executor (`pool.map`, Dask futures read in
submission order), never in completion order, so the site does not depend on timing.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from generator.errors import SetupError

T = TypeVar("T")
R = TypeVar("R")
log = logging.getLogger(__name__)

POOL_MINIMUM = 24  # below this, starting processes (and spaCy in each) costs more than it saves


def workers_for(requested: int, items: int) -> int:
    if requested == 1 or items < POOL_MINIMUM:
        return 1
    return requested or max(1, os.cpu_count() or 1)


def map_items(func: Callable[..., R], items: Sequence[T], args: tuple[Any, ...],
              workers: int, label: str, executor: str = "process",
              progress: Callable[[str, int, int], None] | None = None) -> Iterator[R | BaseException]:
    """func(item, *args) for each item, in order; an exception is yielded, not raised."""
    count = 1 if executor == "serial" else workers_for(workers, len(items))
    started = time.perf_counter()
    if executor.startswith("dask") and items:
        yield from _dask_map(func, items, args, executor.partition("=")[2], workers, label, progress)
        return
    if count == 1:
        results: Iterator[R | BaseException] = (_safe(func, item, args) for item in items)
        pool = None
    else:
        pool = ProcessPoolExecutor(max_workers=count)
        chunk = max(1, min(32, len(items) // (count * 8)))
        results = pool.map(_safe, [func] * len(items), items, [args] * len(items),
                           chunksize=chunk)
    try:
        for done, result in enumerate(results, start=1):
            if progress:
                progress(label, done, len(items))
            yield result
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    if items:
        elapsed = time.perf_counter() - started
        log.info("%s: %d items in %.1f s (%.1f/s, %d process%s)", label, len(items), elapsed,
                 len(items) / max(elapsed, 1e-9), count, "" if count == 1 else "es")


def _safe(func: Callable[..., R], item: T, args: tuple[Any, ...]) -> R | BaseException:
    try:
        return func(item, *args)
    except Exception as exc:
        return exc


def _dask_map(func: Callable[..., R], items: Sequence[T], args: tuple[Any, ...], address: str,
              workers: int, label: str,
              progress: Callable[[str, int, int], None] | None) -> Iterator[R | BaseException]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise SetupError("the dask executor needs the optional extra: pip install 'news-digest[dask]'") \
            from exc
    started = time.perf_counter()
    cluster = None if address else LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
        dashboard_address=None)
    try:
        with Client(address or cluster) as client:  # type: ignore[no-untyped-call]
            futures = client.map(_safe, [func] * len(items), items, [args] * len(items), pure=False)
            for done, future in enumerate(futures, start=1):
                result = future.result()
                if progress:
                    progress(label, done, len(items))
                yield result
    finally:
        if cluster is not None:
            cluster.close()
    log.info("%s: %d items in %.1f s on dask", label, len(items), time.perf_counter() - started)
