"""Topic grouping on story-labelled news clusters: ours against a plain TF-IDF + average-link baseline.

    .venv/bin/python bench/topics.py DATA/tac/2010 [DATA/tac/2009 DATA/duc2004/docs ...]
        [--build] [--newswire] [--scale 100000] [--threshold T] [--days D]

Each corpus folder holds one sub-folder per gold story with one file per article, as the TAC
2009-2011 document sets (set A, 10 articles per story) are laid out in the public repository
cl-victor1/Multi-Document-Summarization (`D2/outputs/{training,devtest,evaltest}_output`):
`HEADLINE:` and `DATELINE:`/`DATE_TIME:`/`DATETIME:` lines, then tokenised paragraphs. A file
without a `HEADLINE:` line is read as DUC-2004 `docs/<cluster>/<id>.txt` from
chandan5362/Information-retrieval (no headline, one sentence a line). The LDC document id
(file name) gives the date and the outlet. Articles go through the pipeline's
own clean, extract (spaCy; cached next to the data: delete `.extract-*.pkl` after changing
extraction)
and entity merge stages, then `group_topics` with the config defaults.

Printed per corpus: gold and predicted topic counts, single-article share, B-cubed
precision / recall / F1, ARI (pair-counting), for ours and for the baseline (TF-IDF over
lower-case words of title + body, cosine, scipy average linkage cut at one distance).
An article filed under two gold stories is scored in the first; when a corpus has any, both
are also scored against the gold with such stories joined (DUC-2004: 11 articles, 5 pairs).
`--build` also scores the whole tool as a user meets it: each corpus written as seed files
(headline line, blank line, paragraphs), `digest build` run on them, topics read from
`digest.json` (a copy folded into an article counts in that article's topic, `copy_ids`);
`--newswire` the same with each article written as an LDC `<DOC>` document named by its id
(`APW19980601.0007`, no suffix), as the DUC and TAC document sets hold them.
`--thin K` (repeatable) also scores all the corpora given pooled, each gold story cut to its
first K articles by document id: a feed where most stories have one or a few reports, and
where a grouping tuned on ten-article stories chains chance pairs.
`--scale N` times grouping N articles (the corpora replicated with perturbed vocabulary and
shifted dates, each replica a new set of stories) and reports wall time and peak memory.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import pickle
import re
import shutil
import sys
import time
import zlib
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import LDC_ID, MODEL, ROOT, article, ldc_documents
from pages import build as digest_build

from generator.config import Config
from generator.entities import merge_entities
from generator.extract import extract
from generator.model import Article, Entity, Extraction, Keyword, Mention
from generator.topics import group_topics

_META = re.compile(r"^(DATELINE|DATE_TIME|DATETIME):")
_DETOK = [(re.compile(p), r) for p, r in [
    (r"``\s*|\s*''", '"'), (r"\s+([,.;:!?%)\]])", r"\1"), (r"([(\[$])\s+", r"\1"),
    (r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1"), (r"\s+", " ")]]


# --- data --------------------------------------------------------------------------------------


def read_corpus(root: Path) -> tuple[list[Article], dict[str, str], dict[str, str]]:
    """Articles (cleaned as the pipeline cleans them), the gold story of each, and the gold
    with every two stories that share an article joined (DUC-2004 files 11 articles under
    two clusters each: such a gold is not a partition, and no grouping can match it)."""
    articles, gold = [], {}
    joined: dict[str, str] = {}  # story -> the first story it shares an article with

    def home(story: str) -> str:
        while joined.get(story, story) != story:
            story = joined[story]
        return story

    for story in sorted(p for p in root.iterdir() if p.is_dir()):
        for path in ldc_documents(story):
            doc_id = path.name.removesuffix(".txt")
            if doc_id in gold:  # one article filed under two stories: keep the first
                joined[home(story.name)] = home(gold[doc_id])
                continue
            title, paragraphs = _parse(path.read_text(encoding="utf-8", errors="replace"))
            match = LDC_ID.match(doc_id)
            outlet, day = (match.group(1), match.group(2)) if match else ("", "")
            date = f"{day[:4]}-{day[4:6]}-{day[6:]}" if day else ""
            base = article(doc_id, title, paragraphs)
            articles.append(replace(base, date=date, outlet=outlet))
            gold[doc_id] = story.name
    return articles, gold, {i: home(story) for i, story in gold.items()}


def _parse(text: str) -> tuple[str, list[str]]:
    if not text.startswith("HEADLINE:"):  # DUC-2004 as cleaned: no headline, one sentence a line
        return "", [line.strip() for line in text.splitlines() if line.strip()]
    head, _, body = text.partition("\n\n")
    lines = head.split("\n")
    title_lines = []
    for line in lines:
        if _META.match(line):
            break
        title_lines.append(line)
    title = _detok(" ".join(title_lines).removeprefix("HEADLINE:"))
    if not re.search(r"[A-Za-z]{3}", title) or title.startswith("and"):  # "andHT;" is markup
        title = ""
    paragraphs = [_detok(p) for p in body.split("\n\n") if p.strip()]
    return title, [p for p in paragraphs if p]


def _detok(text: str) -> str:
    for pattern, repl in _DETOK:
        text = pattern.sub(repl, text)
    return text.strip()


def extractions_for(root: Path, articles: list[Article]) -> dict[str, Extraction]:
    """spaCy extraction of every article, cached beside the data (never in the project)."""
    # Keyed by the articles only: other work on extraction must not move the grouping's target.
    cache = root / f".extract-{zlib.crc32(repr([a.id for a in articles]).encode()):08x}.pkl"
    if cache.exists():
        with cache.open("rb") as handle:
            return pickle.load(handle)
    found = {a.id: extract(a, MODEL, Config.keywords_per_article) for a in articles}
    with cache.open("wb") as handle:
        pickle.dump(found, handle)
    return found


def thinned(loaded: list[tuple[list[Article], dict[str, Extraction]]],
            golds: list[dict[str, str]], keep: int,
            ) -> tuple[list[Article], dict[str, str], dict[str, Extraction]]:
    """The corpora pooled, each gold story cut to its first `keep` articles by id."""
    articles, gold, extractions = [], {}, {}
    for (found, extracted), stories in zip(loaded, golds, strict=True):
        taken: Counter[str] = Counter()
        for item in sorted(found, key=lambda a: a.id):
            story = stories[item.id]
            if taken[story] < keep:
                taken[story] += 1
                articles.append(item)
                gold[item.id] = story
                extractions[item.id] = extracted[item.id]
    return articles, gold, extractions


# --- scores ------------------------------------------------------------------------------------


def scores(gold: dict[str, str], predicted: dict[str, int]) -> dict[str, float]:
    ids = sorted(gold)
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_pred: dict[int, set[str]] = defaultdict(set)
    for i in ids:
        by_gold[gold[i]].add(i)
        by_pred[predicted[i]].add(i)
    precision = sum(len(by_gold[gold[i]] & by_pred[predicted[i]]) / len(by_pred[predicted[i]])
                    for i in ids) / len(ids)
    recall = sum(len(by_gold[gold[i]] & by_pred[predicted[i]]) / len(by_gold[gold[i]])
                 for i in ids) / len(ids)
    cells = Counter((gold[i], predicted[i]) for i in ids)

    def pairs(n: int) -> float:
        return n * (n - 1) / 2

    index = sum(pairs(n) for n in cells.values())
    a = sum(pairs(len(s)) for s in by_gold.values())
    b = sum(pairs(len(s)) for s in by_pred.values())
    expected = a * b / pairs(len(ids))
    top = (a + b) / 2
    return {
        "gold": len(by_gold), "predicted": len(by_pred),
        "single": sum(len(s) == 1 for s in by_pred.values()) / len(by_pred),
        "P": precision, "R": recall, "F1": 2 * precision * recall / (precision + recall),
        "ARI": (index - expected) / (top - expected) if top != expected else 1.0,
    }


# --- ours and the baseline ---------------------------------------------------------------------


def ours(articles: list[Article], extractions: dict[str, Extraction], work: Path,
         **settings: float) -> tuple[dict[str, int], list]:
    entities, attached = merge_entities(extractions)
    state = work / "topics.json"
    state.unlink(missing_ok=True)
    config = Config()
    threshold = settings.get("threshold", config.topic_similarity)
    days = settings.get("days", config.topic_days)
    groups = group_topics(articles, attached, list(entities), threshold, days, (), state)
    predicted = {i: n for n, group in enumerate(groups) for i in group.article_ids}
    return predicted, groups


_TOKEN = re.compile(r"[a-z][a-z'-]+")
_STOP = frozenset(str.split(
    "the a an and or of to in on for at by with from as is was are were be been has have had "
    "it its that this these those he she they his her their we our you i not but said says "
    "will would could should can may also after before over than more about into"))


def baseline(articles: list[Article], distance: float) -> dict[str, int]:
    """TF-IDF (sublinear tf, smooth idf, L2) over words of title and body; average-link cut."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for row, a in enumerate(articles):
        counts = Counter(w for w in _TOKEN.findall(" ".join([a.title, *a.paragraphs]).lower())
                         if w not in _STOP)
        for word, n in sorted(counts.items()):
            rows.append(row)
            cols.append(vocab.setdefault(word, len(vocab)))
            vals.append(1 + math.log(n))
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(articles), len(vocab)))
    df = np.bincount(matrix.indices, minlength=len(vocab))
    matrix = matrix.multiply(np.log((1 + len(articles)) / (1 + df)) + 1).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    matrix = csr_matrix(matrix.multiply(1 / np.maximum(norms, 1e-12)[:, None]))
    similarity = (matrix @ matrix.T).toarray()
    condensed = 1 - similarity[np.triu_indices(len(articles), 1)]
    labels = fcluster(linkage(np.clip(condensed, 0, 2), "average"), distance, "distance")
    return {a.id: int(label) for a, label in zip(articles, labels, strict=True)}


def built(articles: list[Article], work: Path, newswire: bool = False) -> dict[str, int]:
    """Topic of each article after a whole `digest build` of the articles as seed files:
    plain text, or with `newswire` LDC `<DOC>` documents named by their id."""
    shutil.rmtree(work / "build", ignore_errors=True)
    seeds = work / "build" / "seeds"
    seeds.mkdir(parents=True)
    for a in articles:
        if newswire:
            (seeds / a.id).write_text(_newswire(a), encoding="utf-8")
            continue
        head = f"{a.title}\n\n" if a.title else ""
        (seeds / f"{a.id}.txt").write_text(head + "\n\n".join(a.paragraphs) + "\n", encoding="utf-8")
    digest_build(ROOT, seeds, work / "build")
    digest = json.loads((work / "build" / "site" / "digest.json").read_text(encoding="utf-8"))
    return {i: n for n, topic in enumerate(digest["topics"])
            for i in [*topic["article_ids"], *topic["copy_ids"]]}


def _newswire(a: Article) -> str:
    """The article as the LDC's AQUAINT collection lays a document out."""
    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    paragraphs = "".join(f"<P>\n{esc(p)}\n</P>\n" for p in a.paragraphs)
    return (f"<DOC>\n<DOCNO> {a.id} </DOCNO>\n<DOCTYPE> NEWS STORY </DOCTYPE>\n"
            f"<DATE_TIME> {a.date} </DATE_TIME>\n<BODY>\n<HEADLINE>\n{esc(a.title)}\n</HEADLINE>\n"
            f"<TEXT>\n{paragraphs}</TEXT>\n</BODY>\n</DOC>\n")


# --- scale -------------------------------------------------------------------------------------


def synthesise(corpora: list[tuple[list[Article], dict[str, Extraction]]], count: int,
               ) -> tuple[list[Article], dict[str, Extraction], list[Entity]]:
    """`count` articles: replica r of every corpus has dates shifted by 40 r days and half of
    its words and entity names respelled for the replica (crc32 of word and r), so each
    replica is a new set of stories that shares common words with the others. Entities are
    merged per real corpus and replicated (merging 100,000 articles is not what is timed)."""
    articles: list[Article] = []
    extractions: dict[str, Extraction] = {}
    entities: list[Entity] = []
    merged = [(arts, *merge_entities(xs)) for arts, xs in corpora]
    replica = 0
    while len(articles) < count:
        respell = functools.partial(_respell, replica=replica)
        for arts, corpus_entities, xs in merged:
            entities += [replace(e, key=f"{respell(e.key)}-{replica}", name=respell(e.name),
                                 aliases=tuple(respell(n) for n in e.aliases), article_ids=(),
                                 sentences=()) for e in corpus_entities]
            for a in arts:
                if len(articles) >= count:
                    break
                new_id = f"r{replica:03d}-{a.id}"
                articles.append(replace(a, id=new_id, date=_shift(a.date, 40 * replica),
                                        title=respell(a.title), paragraphs=_head(a.paragraphs, respell)))
                x = xs[a.id]
                extractions[new_id] = replace(
                    x, keywords=tuple(Keyword(respell(k.text), k.score) for k in x.keywords),
                    mentions=tuple(Mention(respell(m.text), m.label, "", m.cue, f"{respell(m.key)}-{replica}")
                                   for m in x.mentions),
                    sentences=(), figures=())
        replica += 1
    return articles, extractions, entities


def _head(paragraphs: tuple[str, ...], respell: functools.partial) -> tuple[str, ...]:
    """The paragraphs grouping reads (about the first 8,000 characters), respelled; the rest as is."""
    done, size = [], 0
    for paragraph in paragraphs:
        done.append(respell(paragraph) if size < 9000 else paragraph)
        size += len(paragraph)
    return tuple(done)


def _respell(text: str, replica: int) -> str:
    if replica == 0:
        return text

    def one(match: re.Match[str]) -> str:
        word = match.group(0)
        return word + f"q{replica}" if zlib.crc32(f"{word.lower()}|{replica}".encode()) % 2 else word

    return re.sub(r"[A-Za-z]{4,}", one, text)


def _shift(date: str, days: int) -> str:
    import datetime as dt
    if not date:
        return date
    return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat()


def scale(corpora: list[tuple[list[Article], dict[str, Extraction]]], count: int, work: Path,
          **settings: float) -> None:
    articles, extractions, entities = synthesise(corpora, count)
    state = work / "topics-scale.json"
    state.unlink(missing_ok=True)
    config = Config()
    before = _memory("VmRSS")
    started, cpu = time.perf_counter(), time.process_time()
    groups = group_topics(articles, extractions, entities,
                          settings.get("threshold", config.topic_similarity),
                          settings.get("days", config.topic_days), (), state)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    grown = _memory("VmHWM") - before
    sizes = sorted((len(g.article_ids) for g in groups), reverse=True)
    print(f"\nscale: {len(articles):,} articles ({len(corpora)} corpora replicated) grouped into "
          f"{len(groups):,} topics (largest {sizes[:3]}) in {seconds:.1f} s wall, {cpu:.1f} s CPU "
          f"(goal < 60 s; load average {os.getloadavg()[0]:.1f}); "
          f"memory added by grouping {grown:,} MB peak (VmHWM - RSS before; goal < 2 GB), "
          f"process peak {_memory('VmHWM'):,} MB with the input held")


def _memory(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024
    return 0


# --- main --------------------------------------------------------------------------------------


def row(name: str, s: dict[str, float]) -> str:
    return (f"| {name} | {s['predicted']} | {s['single']:.0%} | {s['P']:.3f} | {s['R']:.3f} | "
            f"**{s['F1']:.3f}** | {s['ARI']:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("--threshold", type=float, help="override topic_similarity")
    parser.add_argument("--days", type=float, help="override topic_days")
    parser.add_argument("--baseline", type=float, default=0.9,
                        help="baseline cut: cosine distance for average linkage (default 0.9, the "
                        "best on TAC 2010)")
    parser.add_argument("--build", action="store_true",
                        help="also score a whole `digest build` of each corpus")
    parser.add_argument("--newswire", action="store_true",
                        help="also score a `digest build` of each corpus as LDC <DOC> files")
    parser.add_argument("--thin", type=int, action="append", default=[],
                        help="also score the corpora pooled, each story cut to K articles")
    parser.add_argument("--scale", type=int, default=0, help="also time grouping N articles")
    parser.add_argument("--work", type=Path, default=Path("/tmp/digest-bench-topics"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    settings = {k: v for k, v in (("threshold", args.threshold), ("days", args.days)) if v is not None}
    loaded, golds = [], []
    for root in args.corpora:
        articles, gold, joined = read_corpus(root)
        golds.append({i: f"{root}/{story}" for i, story in gold.items()})
        started = time.perf_counter()
        extractions = extractions_for(root, articles)
        loaded.append((articles, extractions))
        print(f"\n{root} — {len(articles)} articles, {len(set(gold.values()))} gold stories "
              f"(extraction {time.perf_counter() - started:.0f} s)")
        print("| | topics | single-article | B³ P | B³ R | B³ F1 | ARI |\n|---|---|---|---|---|---|---|")
        print(row("gold", scores(gold, {i: hash(g) for i, g in gold.items()})))
        predicted, groups = ours(articles, extractions, args.work, **settings)
        print(row("ours", scores(gold, predicted)))
        if args.build:
            print(row("ours, whole `digest build`", scores(gold, built(articles, args.work))))
        if args.newswire:
            print(row("ours, `digest build` of <DOC> files",
                      scores(gold, built(articles, args.work, newswire=True))))
        plain = baseline(articles, args.baseline)
        print(row(f"TF-IDF + average link (cut {args.baseline})", scores(gold, plain)))
        if joined != gold:
            print(f"gold stories that share an article joined ({len(set(gold.values()))} -> "
                  f"{len(set(joined.values()))} stories):")
            print(row("ours", scores(joined, predicted)))
            print(row(f"TF-IDF + average link (cut {args.baseline})", scores(joined, plain)))
        ids = {a.id for a in articles}
        bad = [g.title for g in groups if g.title in ids or (g.title.isupper() and len(g.title) > 12)]
        print(f"titles that are a file id or ALL CAPS: {len(bad)}" + (f" ({bad[:3]})" if bad else ""))
    for keep in args.thin:
        articles, gold, extractions = thinned(loaded, golds, keep)
        print(f"\n{len(args.corpora)} corpora pooled, each story cut to its first {keep} "
              f"article(s) — {len(articles)} articles, {len(set(gold.values()))} gold stories")
        print("| | topics | single-article | B³ P | B³ R | B³ F1 | ARI |\n|---|---|---|---|---|---|---|")
        print(row("ours", scores(gold, ours(articles, extractions, args.work, **settings)[0])))
        print(row(f"TF-IDF + average link (cut {args.baseline})",
                  scores(gold, baseline(articles, args.baseline))))
    if args.scale:
        scale(loaded, args.scale, args.work, **settings)


if __name__ == "__main__":
    main()
