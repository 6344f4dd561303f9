from __future__ import annotations

from pathlib import Path

from generator.executor import map_items
from generator.pipeline import build
from tests.conftest import SEEDS, make_config
from tests.test_determinism import build_cli, differing, write_corpus


def double(item: int, offset: int) -> int:
    if item == 3:
        raise ValueError("bad item")
    return item * 2 + offset


def test_executors_give_identical_results_and_isolate_failures():
    items = list(range(30))
    serial = list(map_items(double, items, (1,), 1, "test", "serial"))
    pooled = list(map_items(double, items, (1,), 2, "test", "process"))
    assert [r for r in serial if not isinstance(r, Exception)] == \
        [r for r in pooled if not isinstance(r, Exception)]
    assert isinstance(serial[3], ValueError) and isinstance(pooled[3], ValueError)


def test_dask_local_cluster_matches_serial(tmp_path: Path):
    serial = make_config(tmp_path / "serial", SEEDS, executor="serial")
    dask = make_config(tmp_path / "dask", SEEDS, executor="dask", workers=2)
    build(serial)
    result = build(dask)
    assert result.computed == 3
    assert (serial.out / "digest.json").read_bytes() == (dask.out / "digest.json").read_bytes()


def test_dask_local_cluster_gives_the_serial_site_byte_for_byte(tmp_path: Path):
    """Dask workers are other processes with other hash seeds; results come back in input
    order, so the site equals a serial build on a corpus with many ties."""
    seeds = write_corpus(tmp_path / "seeds", count=60)
    serial = build_cli(seeds, tmp_path / "serial", "11", "--executor", "serial")
    dask = build_cli(seeds, tmp_path / "dask", "12", "--executor", "dask", "--workers", "2")
    diff = differing(serial, dask)
    assert diff == [], f"{len(diff)} files differ from the serial build: {diff}"
