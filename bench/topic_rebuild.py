"""Topic grouping on a rebuild: placing only the added articles against a full regroup.

    .venv/bin/python bench/topic_rebuild.py CORPUS.pkl [--added 1 100]

CORPUS.pkl holds `(articles, extractions)` as the pipeline has them after extraction, pickled
(for instance 10,000 Reuters-21578 articles; not part of the repository). Entities are merged
once over all of them, as `generator.pipeline` does. The last max(--added) articles of the
list are held out and the others grouped in full, with state; then, for each count, that many
held-out articles are added back and grouped twice from copies of that state: incrementally
(what a rebuild does) and with `full=True`.

Printed per run: wall seconds (the whole `group_topics` call: fingerprints, state, related
topics and titles included), topics, articles whose topic (slug) differs from the full
regroup's, earlier articles whose topic (slug) differs from the previous build's (a full
regroup moves some: the incremental mode none), and topics changed against the previous build
(new, gone, or other articles, title or related topics: the topic pages a rebuild renders
again).
"""

from __future__ import annotations

import argparse
import pickle
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.config import Config
from generator.entities import merge_entities
from generator.model import Article, Entity, Extraction, TopicGroup
from generator.topics import group_topics


def run(articles: list[Article], extractions: dict[str, Extraction], entities: list[Entity],
        work: Path, full: bool) -> tuple[float, list[TopicGroup]]:
    start = time.perf_counter()
    topics = group_topics(articles, extractions, entities, Config.topic_similarity,
                          Config.topic_days, (), work / "topics.json", work / "topics.pkl",
                          full=full)
    return time.perf_counter() - start, topics


def pages(topics: list[TopicGroup]) -> dict[str, tuple[object, ...]]:
    return {t.slug: (t.article_ids, t.title, t.related) for t in topics}


def changed(before: list[TopicGroup], after: list[TopicGroup]) -> int:
    old, new = pages(before), pages(after)
    return sum(old.get(slug) != new.get(slug) for slug in old.keys() | new.keys())


def moved(topics: list[TopicGroup], other: list[TopicGroup]) -> int:
    """Articles of `topics` in a topic of another slug in `other` (if there)."""
    ours = {i: t.slug for t in topics for i in t.article_ids}
    theirs = {i: t.slug for t in other for i in t.article_ids}
    return sum(ours[i] != theirs[i] for i in ours if i in theirs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="pickle of (articles, extractions)")
    parser.add_argument("--added", type=int, nargs="+", default=[1, 100])
    args = parser.parse_args()
    with args.corpus.open("rb") as handle:
        articles, raw = pickle.load(handle)
    merged, extractions = merge_entities(raw)
    entities = list(merged)
    held = max(args.added)
    base = articles[:-held]
    with tempfile.TemporaryDirectory(prefix="topic-rebuild-") as tmp:
        first = Path(tmp) / "first"
        seconds, topics = run(base, extractions, entities, first, full=True)
        print(f"{len(articles):,} articles, {held} held out; seconds with state written and read")
        print("| run | seconds | topics | articles in another topic than a full regroup "
              "| earlier articles moved | topics changed since the previous build |")
        print("|---|---|---|---|---|---|")
        print(f"| full grouping, {len(base):,} articles | {seconds:.2f} | {len(topics):,} "
              "| — | — | — |")
        for count in args.added:
            after = articles[:len(base) + count]
            works = {kind: Path(tmp) / f"{kind}-{count}" for kind in ("incremental", "full")}
            for work in works.values():
                shutil.copytree(first, work)
            placed_s, placed = run(after, extractions, entities, works["incremental"], full=False)
            full_s, regrouped = run(after, extractions, entities, works["full"], full=True)
            for name, spent, found in (("incremental", placed_s, placed),
                                       ("full regroup", full_s, regrouped)):
                print(f"| +{count} {name} | {spent:.2f} | {len(found):,} "
                      f"| {moved(found, regrouped)} | {moved(topics, found)} "
                      f"| {changed(topics, found)} |")


if __name__ == "__main__":
    main()
