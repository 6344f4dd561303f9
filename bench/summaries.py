"""Topic summaries against human summaries: ROUGE-1/ROUGE-2 recall on DUC-2004 task 2.

    .venv/bin/python bench/summaries.py [DATA/duc2004] [--work DIR] [--part all|tuned|held-out]

Each cluster (10 AP/NYT articles on one story) goes through the pipeline's own stages —
clean, extract (spaCy), entity merging, fact grouping — and the summariser; the summary
scored is the lead, then the key points, cut at 100 words (the budget of the SumRepo
evaluation of DUC-2004, ROUGE-1.5.5 `-l 100`). One scorer for everyone: lower-cased
alphanumeric tokens, Porter stemming (`rouge-score`'s tokenizer), n-gram hits summed over
the four human summaries (ROUGE-1.5.5 `-f A`), averaged over clusters. Scored the same way:
a lead baseline (the newest article's first sentences) and the systems in `peers-txt/`.
Extractions are cached in --work by the cleaning and extraction code, so re-running
after a summariser change takes seconds.
Data layout: see the README.md beside the data (docs/, models-txt/, peers-txt/).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path

from _data import DATA, LDC_ID, MODEL, ldc_documents, stamp

from generator.cache import source_version
from generator.clean import clean
from generator.entities import merge_entities
from generator.extract import extract
from generator.facts import group_facts
from generator.lead import summarise_facts
from generator.model import Article, Block, Extraction

BUDGET = 100  # words
PASSAGE_THRESHOLD = 0.7  # the pipeline's default `passage_threshold`
KEYWORDS = 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(DATA / "duc2004"))
    parser.add_argument("--work", default="/tmp/digest-bench-summaries")
    parser.add_argument("--part", choices=("all", "tuned", "held-out"), default="all",
                        help="tuned: clusters 1, 3, 5, ... in name order (the weights in "
                             "generator/lead.py were tuned on these); held-out: 2, 4, 6, ...")
    args = parser.parse_args()
    from rouge_score.tokenizers import DefaultTokenizer  # the bench's only extra dependency

    tokenizer = DefaultTokenizer(use_stemmer=True)

    def grams(text: str, n: int) -> Counter:
        tokens = tokenizer.tokenize(" ".join(text.split()[:BUDGET]))
        return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))

    root = Path(args.data)
    clusters = sorted(p.name for p in (root / "docs").iterdir() if p.is_dir())
    clusters = {"all": clusters, "tuned": clusters[0::2], "held-out": clusters[1::2]}[args.part]
    models = {c: [p.read_text(encoding="utf-8", errors="replace")
                  for p in sorted((root / "models-txt").glob(c[:-1] + ".*"))] for c in clusters}
    runs: dict[str, dict[str, str]] = {"ours (lead + key points)": {}, "ours: lead only": {},
                                       "lead baseline (newest article)": {}}
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    started = stamp()
    # Cleaning and extraction code in the cache's name: a stale cache once gave 38.46 / 10.18
    # for code that scores 38.21 / 10.12.
    version = source_version("generator.clean", "generator.extract")
    for cluster in clusters:
        articles = read_cluster(root / "docs" / cluster)
        extractions = extract_cached(articles, work / f"{cluster}-{version}.pickle")
        by_id = {a.id: a for a in articles}
        facts, _ = group_facts(extractions, sorted(by_id), PASSAGE_THRESHOLD)
        summary = summarise_facts(facts, by_id, extractions)
        runs["ours (lead + key points)"][cluster] = " ".join(
            f.text for f in summary.lead + summary.points)
        runs["ours: lead only"][cluster] = " ".join(f.text for f in summary.lead)
        newest = max(articles, key=lambda a: (a.date, a.id))
        runs["lead baseline (newest article)"][cluster] = " ".join(newest.paragraphs)
    for path in sorted((root / "peers-txt").glob("*")):
        name, _, system = path.name.partition(".")
        if name + "t" in clusters:
            runs.setdefault(f"peer: {system}", {})[name + "t"] = path.read_text(
                encoding="utf-8", errors="replace")
    print(f"DUC-2004 task 2, {args.part}: {len(clusters)} clusters, {BUDGET} words, ROUGE recall ×100 "
          "(Porter-stemmed, hits summed over 4 human summaries)")
    print(f"{'summary':40} {'R-1':>6} {'R-2':>6} {'words':>6}")
    rows = []
    for label, texts in runs.items():
        r1 = sum(recall(grams(texts[c], 1), [grams(m, 1) for m in models[c]]) for c in clusters)
        r2 = sum(recall(grams(texts[c], 2), [grams(m, 2) for m in models[c]]) for c in clusters)
        size = sum(min(BUDGET, len(texts[c].split())) for c in clusters) / len(clusters)
        rows.append((label, 100 * r1 / len(clusters), 100 * r2 / len(clusters), size))
    for label, r1, r2, size in sorted(rows, key=lambda r: -r[2]):
        print(f"{label:40} {r1:6.2f} {r2:6.2f} {size:6.1f}")
    # The scorer against ROUGE-1.5.5 (-n 2 -m -l 100 -f A), as published with the SumRepo
    # summaries on all 50 clusters.
    every = sorted({p.name.split(".")[0] for p in (root / "models-txt").iterdir()})
    for system, published in (("Lead", "31.46 6.13"), ("ICSISumm", "38.44 9.81")):
        texts = [(root / "peers-txt" / f"{c}.{system}").read_text(encoding="utf-8") for c in every]
        refs = [[p.read_text(encoding="utf-8") for p in sorted((root / "models-txt").glob(c + ".*"))]
                for c in every]
        scores = [100 * sum(recall(grams(t, n), [grams(m, n) for m in r])
                            for t, r in zip(texts, refs, strict=True)) / len(every) for n in (1, 2)]
        print(f"scorer check, {system} on all {len(every)} clusters: {scores[0]:.2f} {scores[1]:.2f} "
              f"(ROUGE-1.5.5: {published})")
    print(started)


def recall(peer: Counter, references: list[Counter]) -> float:
    hits = sum(sum(min(count, peer[g]) for g, count in ref.items()) for ref in references)
    total = sum(sum(ref.values()) for ref in references)
    return hits / total if total else 0.0


def read_cluster(folder: Path) -> list[Article]:
    """One article per file; the LDC id dates it (APW19981016.0240 -> 1998-10-16); the
    files hold one sentence per line and no headline."""
    articles = []
    for path in ldc_documents(folder):
        lines = [line.strip() for line in path.read_text(encoding="utf-8", errors="replace")
                 .splitlines() if line.strip()]
        match = LDC_ID.match(path.stem)
        day, outlet = (match[2], match[1]) if match else ("", "")
        date = f"{day[:4]}-{day[4:6]}-{day[6:]}" if day else ""
        articles.append(clean(Article(
            id=path.stem, path=path.name, title="", date=date, outlet=outlet, byline="", url="",
            missing=("title",), blocks=tuple(Block("paragraph", line) for line in lines),
            content_hash="")))
    return articles


def extract_cached(articles: list[Article], cache: Path) -> dict[str, Extraction]:
    """Extractions with entity keys attached, as the pipeline has them before `topics`."""
    if cache.exists():
        with cache.open("rb") as handle:
            extractions = pickle.load(handle)
    else:
        extractions = {a.id: extract(a, MODEL, KEYWORDS) for a in articles}
        with cache.open("wb") as handle:
            pickle.dump(extractions, handle)
    return merge_entities(extractions)[1]


if __name__ == "__main__":
    sys.exit(main())
