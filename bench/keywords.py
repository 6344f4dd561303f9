"""Keyword quality on news keyphrase sets: our keywords vs plain YAKE, F1@5 and F1@10.

Sets: 500N-KPCrowd (a directory, docsutf8/ + keys/; the set the ranking was tuned on) and
DUC-2001 (Wan and Xiao 2008; 308 AP/WSJ/... articles with reader keyphrases, as the JSON
lines file `duc_test.json` of EMBEDDIA/tnt_kid: "title", "abstract" = the body,
"keywords" ";"-separated; never tuned on). The path decides the reader.

Ours: `generator.extract.extract(article, MODEL, 10).keywords` (the pipeline's
keywords_per_article is 10), the article built with the file's first line as title
and every other non-blank line as a paragraph; @5 is the first five of that list.
Plain: `yake.KeywordExtractor(lan="en", n=3, top=10)` (library defaults otherwise)
on the same file's text as read; @5 is again the first five.

Matching rule (both sides, gold and predicted):
  1. lower-case; "’" -> "'"; every run of characters other than letters, digits
     and "'" becomes one space (so hyphens split words: "3-day" -> "3 day");
  2. each word goes through a light S-stemmer written here: drop a trailing
     possessive "'s" / "'"; "ies" -> "y" (words over 4 letters); "sses" -> "ss";
     "xes"/"ches"/"shes"/"zes" -> drop "es"; a final "s" is dropped unless the word
     ends in "ss", "us" or "is" or has 3 letters or fewer;
  3. a predicted phrase is correct when its normalised form equals one gold
     phrase's normalised form exactly (whole phrase, no partial credit); each gold
     phrase can be matched once.
Per document with k = 5 or 10: P@k = correct / number of predictions kept (at most k,
0 when there are none), R@k = correct / number of distinct normalised gold phrases,
F1@k = harmonic mean of that document's P and R. P, R and F1 are then averaged over
documents (macro). Documents are sorted by file name; --limit takes the first N.

Usage: .venv/bin/python bench/keywords.py [KPCROWD_DIR | duc_test.json] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import time

import yake
from _data import KPCROWD, MODEL, KPDoc, article, read_kpcrowd, stamp, stamp_line

from generator.extract import extract

KS = (5, 10)


def stem(word: str) -> str:
    word = re.sub(r"'s?$", "", word)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith(("xes", "ches", "shes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def normalise(phrase: str) -> str:
    text = re.sub(r"[^\w']+|_", " ", phrase.lower().replace("’", "'"))
    return " ".join(stem(w.strip("'")) for w in text.split() if w.strip("'"))


def score(predicted: list[str], gold: set[str], k: int) -> tuple[float, float, float]:
    top = [normalise(p) for p in predicted[:k]]
    left = set(gold)
    correct = 0
    for phrase in top:
        if phrase in left:
            correct += 1
            left.discard(phrase)
    p = correct / len(top) if top else 0.0
    r = correct / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def read_duc2001(path: str, limit: int | None = None) -> list[KPDoc]:
    """DUC-2001 as JSON lines, in file order; the body is one paragraph (the file has no breaks)."""
    docs = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            keys = tuple(k.strip() for k in item["keywords"].split(";") if k.strip())
            raw = f"{item['title']}\n{item['abstract']}"
            docs.append(KPDoc(item["name"], raw, item["title"], (item["abstract"],), keys))
    return docs[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", default=str(KPCROWD),
                        help="500N-KPCrowd-v1.1 directory or DUC-2001 duc_test.json")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--show", type=int, default=3, help="print predictions for N documents")
    args = parser.parse_args()

    duc = args.path.endswith(".json")
    docs = read_duc2001(args.path, args.limit) if duc else read_kpcrowd(args.path, args.limit)
    plain = yake.KeywordExtractor(lan="en", n=3, top=10)
    sums = {(system, k): [0.0, 0.0, 0.0] for system in ("ours", "plain") for k in KS}
    body = {(system, k): [0.0, 0.0, 0.0] for system in ("ours", "plain") for k in KS}
    counts = {"ours": 0, "plain": 0}
    misses: dict[str, int] = {"ours": 0, "plain": 0}
    code = stamp()
    started = time.perf_counter()
    for index, doc in enumerate(docs):
        gold = {normalise(key) for key in doc.keys} - {""}
        ours = [kw.text for kw in extract(article(doc.id, doc.title, doc.paragraphs), MODEL, 10).keywords]
        theirs = [phrase for phrase, _ in plain.extract_keywords(doc.raw)]
        for system, predicted in (("ours", ours), ("plain", theirs)):
            counts[system] += len(predicted)
            misses[system] += not predicted
            for k in KS:
                for slot, value in enumerate(score(predicted, gold, k)):
                    sums[system, k][slot] += value
                    if doc.paragraphs:
                        body[system, k][slot] += value
        if index < args.show:
            print(f"{doc.id}: gold {sorted(gold)[:12]}...")
            print(f"  ours : {ours}")
            print(f"  plain: {theirs}")
    n = len(docs)
    name = "DUC-2001" if duc else "500N-KPCrowd"
    print(f"\n{name}: {n} docs, {sum(len(d.keys) for d in docs) / n:.1f} gold phrases/doc, "
          f"{time.perf_counter() - started:.0f}s")
    print(stamp_line(code))
    for system in ("ours", "plain"):
        print(f"{system:5s}: {counts[system] / n:.2f} keywords/doc, {misses[system]} docs with none")
    print(f"\n{'':6s}" + "".join(f"{'P@' + str(k):>8s}{'R@' + str(k):>8s}{'F1@' + str(k):>8s}" for k in KS))
    for system in ("ours", "plain"):
        row = "".join(f"{v / n * 100:8.2f}" for k in KS for v in sums[system, k])
        print(f"{system:6s}{row}")
    print_ratio(sums)
    with_body = sum(1 for d in docs if d.paragraphs)
    print(f"\nonly the {with_body} docs with a body (the others are a title line only):")
    for system in ("ours", "plain"):
        row = "".join(f"{v / max(1, with_body) * 100:8.2f}" for k in KS for v in body[system, k])
        print(f"{system:6s}{row}")
    print_ratio(body)


def print_ratio(sums: dict[tuple[str, int], list[float]]) -> None:
    ratio = "".join(
        f"{'':16s}{(sums['ours', k][2] / sums['plain', k][2]) if sums['plain', k][2] else float('nan'):8.3f}"
        for k in KS)
    print(f"{'ratio':6s}{ratio}   (ours/plain F1)")


if __name__ == "__main__":
    main()
