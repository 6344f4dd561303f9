"""Run per-article work serially, across a process pool, or on Dask, with identical results.

`executor` is "process" (a pool when there is enough work; the default), "serial",
"dask" (a LocalCluster on this machine) or "dask=ADDRESS" (an existing scheduler,
for corpora beyond one machine; needs the optional `dask` extra).
Results are yielded in input order on every executor (`pool.map`, Dask futures read in
submission order), never in completion order, so the site does not depend on timing.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any, Generic, TypeVar

from generator.errors import SetupError

T = TypeVar("T")
R = TypeVar("R")
log = logging.getLogger(__name__)

POOL_MINIMUM = 24  # below this, starting processes (and spaCy in each) costs more than it saves


def workers_for(requested: int, items: int) -> int:
    if requested == 1 or items < POOL_MINIMUM:
        return 1
    return requested or max(1, os.cpu_count() or 1)


def start_pool(executor: str, workers: int, expected: int,
               initializer: Callable[..., object], args: tuple[Any, ...]) -> Pool:
    """Worker processes started before their work is known, each running `initializer(*args)`
    (loading spaCy, say) while the build goes on; sized for `expected` items. Empty when the
    work would run in this process."""
    if executor != "process" or expected == 0 or workers == 1:
        return Pool(None, 0)
    count = workers_for(workers, expected)
    pool = ProcessPoolExecutor(max_workers=count, initializer=initializer, initargs=args)
    for _ in range(count):  # processes may start on demand: ask for all of them now
        pool.submit(int)
    return Pool(pool, count)


class Pool:
    """Started processes (or none) for `map_items`, which uses them when there are enough."""

    def __init__(self, executor: Executor | None, size: int) -> None:
        self.executor, self.size = executor, size

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.executor:
            self.executor.shutdown(cancel_futures=True)


def map_items(func: Callable[..., R], items: Sequence[T], args: tuple[Any, ...],
              workers: int, label: str, executor: str = "process",
              progress: Callable[[str, int, int], None] | None = None,
              started_pool: Pool | None = None) -> Iterator[R | BaseException]:
    """func(item, *args) for each item, in order; an exception is yielded, not raised."""
    count = 1 if executor == "serial" else workers_for(workers, len(items))
    started = time.perf_counter()
    if executor.startswith("dask") and items:
        yield from _dask_map(func, items, args, executor.partition("=")[2], workers, label, progress)
        return
    pool = None
    if executor == "process" and started_pool and started_pool.executor \
            and started_pool.size >= count:
        count = started_pool.size
        results = _pool_map(started_pool.executor, func, items, args, count)
    elif count == 1:
        results = (_safe(func, item, args) for item in items)
    else:
        pool = ProcessPoolExecutor(max_workers=count)
        results = _pool_map(pool, func, items, args, count)
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


class Background(Generic[R]):
    """func() computed in a forked child while this process goes on (a process, not a thread:
    both would be Python holding one lock); calling the object waits for the result. In this
    process instead when not `enabled`, without fork, or if the child fails. Leaving the
    `with` block ends a child whose result was not asked for."""

    def __init__(self, func: Callable[[], R], enabled: bool = True) -> None:
        self.func = func
        self.child: Any = None
        if not enabled or sys.platform != "linux":
            return
        self.receiver, sender = multiprocessing.Pipe(duplex=False)
        try:
            self.child = multiprocessing.get_context("fork").Process(
                target=_send, args=(func, sender), daemon=True)
            self.child.start()
        finally:
            sender.close()

    def __call__(self) -> R:
        if self.child is None:
            return self.func()
        try:
            value: R = pickle.loads(self.receiver.recv_bytes())
            return value
        except (EOFError, OSError, pickle.UnpicklingError) as exc:
            log.debug("background work failed (%s); doing it here", exc)
            return self.func()
        finally:
            self.__exit__()

    def __enter__(self) -> Background[R]:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.child is not None:
            self.receiver.close()
            self.child.kill()  # done already, or its result is not wanted
            self.child.join()
            self.child = None


def _send(func: Callable[[], object], sender: Any) -> None:
    sender.send_bytes(pickle.dumps(func(), protocol=pickle.HIGHEST_PROTOCOL))


def _pool_map(pool: Executor, func: Callable[..., R], items: Sequence[T], args: tuple[Any, ...],
              count: int) -> Iterator[R | BaseException]:
    chunk = max(1, min(32, len(items) // (count * 8)))
    return pool.map(_safe, [func] * len(items), items, [args] * len(items), chunksize=chunk)


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
