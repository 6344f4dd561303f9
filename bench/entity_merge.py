"""Entity merge: from scratch against a rebuild's merge from the saved state, on a built corpus.

    .venv/bin/python bench/entity_merge.py CORPUS.pkl [--repeat 3] [--seed 14]

CORPUS.pkl is never part of the repository: it is a pickle of `(articles, extractions)`, the
articles and extractions of any built corpus as `generator.pipeline.build` holds them after
the extract stage (a list of `Article`, a dict article id -> `Extraction`). To make one, run
the build's first stages with its config and cache (fast once the corpus was built) and dump
them, e.g. for the 10,000 Reuters articles `bench/scale.py 10000` builds:

    config = load_config(None, seeds=SEEDS, out=Path("/tmp/unused"), work=WORK, workers=2)
    files = pipeline._cache(config)
    articles, _ = ingest(config.seeds, config.max_file_bytes, config.max_line_chars, files)
    articles, _ = fold_copies(clean_articles(articles, files), config.copy_threshold,
                              config.force_merge, config.forbid_merge, None)
    extractions, _ = extract_articles(articles, config, pipeline._cache(config), None)
    pickle.dump(([a for a in articles if a.id in extractions], extractions), open(OUT, "wb"))

Printed, wall and CPU seconds (best of `--repeat`): the merge from scratch of the whole
corpus, as a `--full` build runs it (state saved); then, with 101 articles held out and the
state saved for the rest, a rebuild's merge after adding 1 article, after adding the other
100, and after adding nothing. Every rebuild's result (entities and the extractions with their
keys) is checked equal to a merge from scratch of the same articles.
"""

from __future__ import annotations

import argparse
import pickle
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import aliases, entities, entity_state
from generator.entities import merge_entities
from generator.model import Extraction

Corpus = dict[str, Extraction]


def timed(corpus: Corpus, state: Path | None, start: Path | None, repeat: int) -> tuple[float, float, tuple]:
    """Best wall and CPU seconds of `merge_entities(corpus, state)`, each run from the state
    file `start` (copied to `state`), and the last run's result."""
    best_wall = best_cpu = float("inf")
    result: tuple = ()
    for _ in range(repeat):
        if state and start:
            shutil.copyfile(start, state)
        elif state:
            state.unlink(missing_ok=True)
        for memo in (entities._version, entity_state.tokens, entity_state.words, aliases._initials):
            memo.cache_clear()  # as in a build's own process
        wall, cpu = time.perf_counter(), time.process_time()
        result = merge_entities(corpus, state)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path, help="pickle of (articles, extractions)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=14, help="which 101 articles are held out")
    args = parser.parse_args()
    with args.corpus.open("rb") as handle:
        _, extractions = pickle.load(handle)
    held = random.Random(args.seed).sample(sorted(extractions), 101)
    base = {k: v for k, v in extractions.items() if k not in held}
    plus_one = {**base, held[0]: extractions[held[0]]}
    mentions = sum(len(x.mentions) for x in extractions.values())
    print(f"{len(extractions):,} articles, {mentions:,} mentions")
    with tempfile.TemporaryDirectory() as tmp:
        state = Path(tmp) / "entities.pkl"
        wall, cpu, full = timed(extractions, state, None, args.repeat)
        print(f"full merge, {len(extractions):,} articles: {wall:.2f} s wall, {cpu:.2f} s CPU "
              f"({len(full[0]):,} entities; state {state.stat().st_size / 1e6:.1f} MB)")
        steps = [("+1 article", base, plus_one), ("+100 articles", plus_one, extractions),
                 ("nothing added", extractions, extractions)]
        for label, before, after in steps:
            start = Path(tmp) / "start.pkl"
            merge_entities(before, start)
            wall, cpu, result = timed(after, state, start, args.repeat)
            fresh = merge_entities(after)
            verdict = "equal to" if result == fresh else "DIFFERS from"
            print(f"rebuild merge, {label} ({len(after):,} articles): {wall:.3f} s wall, "
                  f"{cpu:.3f} s CPU — {verdict} a merge from scratch")
            if result != fresh:
                sys.exit(1)


if __name__ == "__main__":
    main()
