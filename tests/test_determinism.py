"""The same seeds give the same site, whatever the process, hash seed or executor.

Python salts `str` hashes per process (PYTHONHASHSEED), so any result decided by the
iteration order of a set, or of a dict built from one, changes from one build to the
next. The three sample seeds are too few to have ties; this corpus is built to have
many: names written in two cases ("Hong Kong" / "HONG KONG"), two people with one
first name or one surname and names of equal length, shared figures and same-day events.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PEOPLE = [("Sergei Kiriyenko", "Sergei Stepashin"), ("Anna Petrova", "Olga Petrova"),
          ("John Mbeki", "Jane Mbeki"), ("Li Wei", "Li Wen")]
PLACES = [("Hong Kong", "HONG KONG"), ("Dar es Salaam", "DAR ES SALAAM"),
          ("Kuala Lumpur", "KUALA LUMPUR"), ("Buenos Aires", "BUENOS AIRES")]
ORGS = [("World Bank", "WORLD BANK"), ("Bank of Tanzania", "BANK OF TANZANIA"),
        ("Port Authority", "PORT AUTHORITY")]
OUTLETS = ["Reuters", "Xinhua", "AP", "Daily News"]
DAYS = ["2024-03-05", "2024-03-05", "2024-03-06", "2024-03-07"]

SENTENCES = [
    "{PLACE_CAPS}, March {day} - {p1} and {p2} met in {place} on Tuesday to discuss a "
    "{n} million dollar port deal with the {org}.",
    "{first} said the talks in {place} would continue next week, officials said.",
    "The {org_caps} said {n} people attended the meeting in {place} on March {day}, 2024.",
    "{surname} told reporters in {place2} that the agreement covered {pct} percent of trade.",
    "Officials in {place2} and {place} confirmed the figures of {n} million dollars.",
    "{p2} and {p1} both said the {org} would publish the {n} million dollar plan.",
    "Traders in {PLACE2_CAPS} said shipping costs rose {pct} percent after the {org} report.",
    "{p1} arrived in {place} on March {day}, 2024, a day after {p2} left {place2}.",
    "The {org} expects {n} containers a week through {place} by next year.",
    "{first} {surname_only} of the {org_caps} declined to comment on the {pct} percent figure.",
]


def write_corpus(folder: Path, count: int = 80, seed: int = 17) -> Path:
    """`count` short plain-text articles full of ties, reproducibly."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        p1, p2 = rng.choice(PEOPLE)
        if rng.random() < 0.5:
            p1, p2 = p2, p1
        place, place_caps = rng.choice(PLACES)
        place2, place2_caps = rng.choice([p for p in PLACES if p[0] != place])
        org, org_caps = rng.choice(ORGS)
        values = {
            "p1": p1, "p2": p2, "first": p1.split()[0], "surname": p2.split()[-1],
            "surname_only": p1.split()[-1], "place": place, "PLACE_CAPS": place_caps,
            "place2": place2, "PLACE2_CAPS": place2_caps, "org": org, "org_caps": org_caps,
            "n": rng.choice([12, 40, 250, 250, 1200]), "pct": rng.choice([5, 12, 12, 30]),
            "day": rng.choice([5, 5, 6, 7]),
        }
        chosen = rng.sample(SENTENCES, k=rng.randint(4, 7))
        paragraphs = [" ".join(s.format(**values) for s in chosen[i:i + 2])
                      for i in range(0, len(chosen), 2)]
        title = f"{rng.choice([place, place_caps])} talks: {rng.choice([p1, p2])} on the {org} deal"
        if rng.random() < 0.3:
            title = title.upper()
        front = ""
        if rng.random() < 0.7:
            front = (f"---\ndate: {rng.choice(DAYS)}\noutlet: {rng.choice(OUTLETS)}\n---\n")
        (folder / f"wire-{index:03d}.txt").write_text(
            front + title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return folder


def build_cli(seeds: Path, target: Path, hash_seed: str, *options: str) -> Path:
    """Build `seeds` with the CLI in a fresh interpreter; returns the site folder."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    out = target / "site"
    command = [sys.executable, "-m", "generator", "build", "-q", "--seeds", str(seeds),
               "--out", str(out), "--work", str(target / "work"), *options]
    done = subprocess.run(command, cwd=target.parent, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return out


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def differing(a: Path, b: Path) -> list[str]:
    """Files present in only one tree or with other bytes."""
    ta, tb = tree(a), tree(b)
    return sorted(k for k in ta.keys() | tb.keys() if ta.get(k) != tb.get(k))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("determinism") / "seeds")


@pytest.fixture(scope="module")
def reference(corpus: Path) -> Path:
    """The serial build every other build must equal."""
    return build_cli(corpus, corpus.parent / "serial-1", "1", "--executor", "serial")


@pytest.mark.parametrize(("hash_seed", "options"), [
    ("2", ("--workers", "1")),
    ("3", ("--workers", "2")),
], ids=["other-hash-seed", "two-processes"])
def test_same_site_whatever_the_hash_seed_or_process(
        corpus: Path, reference: Path, hash_seed: str, options: tuple[str, ...]):
    other = build_cli(corpus, corpus.parent / f"build-{hash_seed}", hash_seed, *options)
    diff = differing(reference, other)
    assert diff == [], f"{len(diff)} files differ from the serial build: {diff}"


def test_corpus_has_the_ties_it_is_meant_to_have(corpus: Path):
    text = "\n".join(p.read_text() for p in sorted(corpus.iterdir()))
    for pair in [*PLACES, *ORGS]:
        assert all(name in text for name in pair)
    assert len(list(corpus.iterdir())) >= 60


def test_cached_rebuild_under_another_hash_seed_equals_the_full_build(corpus: Path, reference: Path):
    """A rebuild takes every extraction from the cache, so only the corpus-wide stages run:
    they too must not depend on the hash seed."""
    work = corpus.parent / "rebuild" / "work"
    shutil.copytree(reference.parent / "work", work)
    rebuilt = build_cli(corpus, work.parent, "4", "--workers", "2")
    diff = differing(reference, rebuilt)
    assert diff == [], f"{len(diff)} files differ from the full build: {diff}"


YAKE_CHECK = """
import json, sys
from generator.extract.candidates import yake_candidates
print(json.dumps(yake_candidates(sys.stdin.read(), 60)))
"""


def test_yake_output_does_not_depend_on_the_hash_seed(corpus: Path):
    """YAKE keeps sets of its own: its candidates and scores must be the same in any process."""
    text = "\n".join(p.read_text() for p in sorted(corpus.iterdir())[:6])
    outputs = set()
    for hash_seed in ("1", "2", "3"):
        done = subprocess.run([sys.executable, "-c", YAKE_CHECK], input=text, text=True,
                              capture_output=True, check=True, timeout=120,
                              env={**os.environ, "PYTHONHASHSEED": hash_seed})
        outputs.add(done.stdout)
    assert len(outputs) == 1
