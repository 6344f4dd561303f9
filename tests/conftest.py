from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.cache import Cache
from generator.config import Config, load_config
from generator.pipeline import BuildResult, build

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
NO_CACHE = Cache(ROOT, enabled=False)  # for stages called one by one
MOSCOW_TIMES = "001_73f38740c26fde8c"


def make_config(tmp: Path, seeds: Path, **overrides: Any) -> Config:
    overrides.setdefault("workers", 1)
    return load_config(None, seeds=seeds, out=tmp / "site", work=tmp / "work", **overrides)


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the seeds."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def builder(tmp_path: Path) -> Callable[..., tuple[BuildResult, Path]]:
    def run(seeds: Path, **overrides: Any) -> tuple[BuildResult, Path]:
        config = make_config(tmp_path, seeds, **overrides)
        return build(config), config.out

    return run


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, Path, dict]:
    """The seeds built once: (result, site folder, digest.json)."""
    tmp = tmp_path_factory.mktemp("seed-site")
    config = make_config(tmp, SEEDS)
    result = build(config)
    return result, config.out, json.loads((config.out / "digest.json").read_text())


# A later article about the seeds' story, with a figure the seeds do not state.
UPDATE_ARTICLE = """Hamas frees more hostages as truce holds
By Staff Writer
February 20, 2025
Hamas released three more Israeli hostages on Thursday under the ceasefire deal with Israel, Israeli officials said.
Officials said 24 hostages are still believed to be alive in Gaza, and Russian-Israeli hostage Alexander Troufanov was among those freed earlier after 498 days in captivity.
"""
