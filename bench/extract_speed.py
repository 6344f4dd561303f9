"""Throughput of `generator.extract.extract` beside bare spaCy NER, in words per second.

Texts: the first N KPCrowd documents (sorted by file name) that have a body; title-only
documents are skipped because extract would run no spaCy on them. Words are counted once,
as whitespace-separated words of the body paragraphs, and the same count divides every
time below, so the rates compare the same work.

Rows (all serial, one process, models loaded and warmed up before timing):
  extract        `extract(article, MODEL, 10)` per document (spaCy + figures + mentions +
                 dates + keywords with YAKE), as the pipeline calls it;
  spaCy in it    `load_nlp(MODEL).pipe(paragraphs)` per document: the spaCy share of extract;
  YAKE in it     `yake_candidates(yake_input(text), 200)` per document (the `yake` package on
                 the text keywords_for passes it: the article's first 400 words);
  bare NER       `spacy.load(MODEL, exclude=["parser", "lemmatizer"]).pipe(all paragraphs)`,
                 one stream with spaCy's default batching (no sentencizer);
  bare NER each  the same pipeline called once per paragraph (no padding of short texts
                 to the longest one in a batch, which costs `pipe` time on these texts).
Ratio = extract rate / bare NER rate. Each row is timed --repeat times (default 3, rounds
interleaved), best kept. `--clock cpu` (the default) times the process's CPU seconds, which
other processes on a shared machine disturb far less than wall time (`--clock wall`); the
load average is printed either way.

Usage: .venv/bin/python bench/extract_speed.py [KPCROWD_DIR] [--docs 300] [--repeat 3] [--clock cpu|wall]
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable

import spacy
from _data import KPCROWD, MODEL, article, read_kpcrowd, stamp, stamp_line

from generator.extract import extract
from generator.extract.candidates import yake_candidates
from generator.extract.keywords import CANDIDATES_PER_KEYWORD, yake_input
from generator.extract.nlp import load_nlp

TOP = 10 * CANDIDATES_PER_KEYWORD  # candidates YAKE returns for the pipeline's 10 keywords


def best_times(runs: dict[str, Callable[[], object]], repeat: int,
               clock: Callable[[], float]) -> dict[str, float]:
    """Each run timed `repeat` times, rounds interleaved so that outside load hits all rows alike."""
    best = {name: float("inf") for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            started = clock()
            run()
            best[name] = min(best[name], clock() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", default=str(KPCROWD), help="500N-KPCrowd-v1.1 directory")
    parser.add_argument("--docs", "--limit", type=int, default=300, help="number of documents with a body")
    parser.add_argument("--repeat", type=int, default=3, help="time each row R times, keep the best")
    parser.add_argument("--clock", choices=("cpu", "wall"), default="cpu", help="CPU seconds or wall time")
    args = parser.parse_args()

    docs = [d for d in read_kpcrowd(args.path) if d.paragraphs][:args.docs]
    articles = [article(d.id, d.title, d.paragraphs) for d in docs]
    texts = [p for a in articles for p in a.paragraphs]
    n_words = sum(len(p.split()) for p in texts)

    nlp = load_nlp(MODEL)
    leads = [yake_input(". ".join([a.title, *a.headings, *a.paragraphs])) for a in articles]
    bare = spacy.load(MODEL, exclude=["parser", "lemmatizer"])
    extract(articles[0], MODEL, 10)  # warm-up: imports, caches, first-call costs
    list(bare.pipe(texts[:20]))
    yake_candidates(leads[0], TOP)
    code = stamp()
    load_before = os.getloadavg()[0]

    rows = best_times({
        "extract": lambda: [extract(a, MODEL, 10) for a in articles],
        "spaCy in it": lambda: [list(nlp.pipe(a.paragraphs)) for a in articles],
        "YAKE in it": lambda: [yake_candidates(s, TOP) for s in leads],
        "bare NER": lambda: list(bare.pipe(texts)),
        "bare NER each": lambda: [bare(t) for t in texts],
    }, args.repeat, time.process_time if args.clock == "cpu" else time.perf_counter)
    print(f"KPCrowd: {len(docs)} documents with a body, {len(texts)} paragraphs, {n_words} words; "
          f"model {MODEL}, bare pipes {bare.pipe_names}")
    print(stamp_line(code))
    print(f"load average (1 min) before {load_before:.2f}, after {os.getloadavg()[0]:.2f}; "
          f"{os.cpu_count()} CPUs; repeat {args.repeat}; clock {args.clock}")
    print(f"\n{'':14s}{'seconds':>9s}{'words/s':>10s}{'ms/doc':>9s}")
    for name, seconds in rows.items():
        print(f"{name:14s}{seconds:9.2f}{n_words / seconds:10.0f}{seconds / len(docs) * 1000:9.1f}")
    print(f"\nratio extract / bare NER (words/s): {rows['bare NER'] / rows['extract']:.3f}"
          f"  (extract is {rows['extract'] / rows['bare NER']:.2f}x the time)")
    print(f"ratio extract / bare NER each (words/s): {rows['bare NER each'] / rows['extract']:.3f}")
    rest = rows["extract"] - rows["spaCy in it"] - rows["YAKE in it"]
    print(f"extract time split: spaCy {rows['spaCy in it'] / rows['extract'] * 100:.0f}%, "
          f"YAKE {rows['YAKE in it'] / rows['extract'] * 100:.0f}%, "
          f"the rest (figures, mentions, dates, keyword post-processing) {rest / rows['extract'] * 100:.0f}%")


if __name__ == "__main__":
    main()
