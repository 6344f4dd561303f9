"""Keyword quality on news keyphrase sets: our keywords vs plain YAKE, F1@5 and F1@10.

Sets: 500N-KPCrowd (a directory, docsutf8/ + keys/; the set the ranking was tuned on) and
DUC-2001 (Wan and Xiao 2008; 308 AP/WSJ/... articles with reader keyphrases, as the JSON
lines file `duc_test.json` of EMBEDDIA/tnt_kid: "title", "abstract" = the body,
"keywords" ";"-separated; its even half tuned on, its odd half held out: --part). The path
decides the reader.

Ours: `generator.extract.extract(article, MODEL, 10).keywords` (the pipeline's
keywords_per_article is 10), the article built with the file's first line as title
and every other non-blank line as a paragraph; @5 is the first five of that list.
Plain: `yake.KeywordExtractor(lan="en", n=3, top=10)` (library defaults otherwise)
on the same file's text as read; @5 is again the first five.

Two matching protocols, both printed (a third with --joined):
"light" (this project's, used until now; both sides, gold and predicted):
  1. lower-case; "’" -> "'"; every run of characters other than letters, digits
     and "'" becomes one space (so hyphens split words: "3-day" -> "3 day");
  2. each word goes through a light S-stemmer written here: drop a trailing
     possessive "'s" / "'"; "ies" -> "y" (words over 4 letters); "sses" -> "ss";
     "xes"/"ches"/"shes"/"zes" -> drop "es"; a final "s" is dropped unless the word
     ends in "ss", "us" or "is" or has 3 letters or fewer;
  3. a predicted phrase is correct when its normalised form equals one gold
     phrase's normalised form exactly (whole phrase, no partial credit); each gold
     phrase can be matched once.
  P@k = correct / predictions kept (at most k), R@k = correct / distinct normalised gold.
"pke" (Boudin et al., JCDL 2020, the protocol of the published PositionRank 28.6 /
EmbedRank 29.5 / FirstPhrases 24.6 on DUC-2001; their evaluation/util.py): each phrase is
tokenised with NLTK's Treebank-style word tokenizer (hyphenated words stay one token,
"'s" splits off), every token Porter-stemmed (nltk), joined by spaces, lower-cased;
a prediction matches a gold phrase whose stemmed form is identical; P@k = gold phrases
matched / predictions kept (at most k), R@k = gold phrases matched / gold phrases
(absent ones included, as listed). Their candidates are unique stemmed forms, ours are
scored as given.
"joined" (printed with --joined): "light" after deleting every hyphen on both sides, since
500N-KPCrowd's gold writes none ("Oscarnominated", "lifethreatening"), so that under "light"
no hyphenated keyword ("Oscar-nominated role") can match there.
--part (DUC-2001 only): "even" = the documents at even positions of the file (0, 2, ...),
the half the ranking was tuned on; "odd" = the other half, held out (never tuned on);
"all" (the default) = every document.
Per document with k = 5 or 10, F1@k = harmonic mean of that document's P and R; P, R and
F1 are then averaged over documents (macro). Documents are sorted by file name; --limit
takes the first N.

Systems: ours; plain YAKE; "first NPs", the published FirstPhrases baseline rebuilt as a
protocol check: noun phrases (ADJ* (NOUN|PROPN)+, i.e. JJ* NN+ in spaCy's tags) of the body
(the title when there is none: their DUC-2001 copy, from ake-datasets, has no headline),
dropped when a word is a stop word (spaCy's list; the paper used NLTK's, which is not
installed here), shorter than 2 letters, the phrase under 3 letters, over 5 words, or not
alphanumeric apart from "-"; ranked by first occurrence, one per stemmed form.

Usage: .venv/bin/python bench/keywords.py [KPCROWD_DIR | duc_test.json] [--part even|odd|all] [--limit N]
       [--joined]
"""

from __future__ import annotations

import argparse
import json
import re
import string
import time
from collections.abc import Callable

import yake
from _data import KPCROWD, MODEL, KPDoc, article, read_kpcrowd, stamp, stamp_line
from nltk.stem import PorterStemmer
from nltk.tokenize import NLTKWordTokenizer
from spacy.lang.en.stop_words import STOP_WORDS

from generator.extract import extract
from generator.extract.nlp import load_nlp

KS = (5, 10)
SYSTEMS = ("ours", "plain", "first NPs")
# DUC-2001 split by position in the file: tuning reads the even half only.
PARTS = {"all": slice(None), "even": slice(0, None, 2), "odd": slice(1, None, 2)}
_PORTER = PorterStemmer()
_TOKENS = NLTKWordTokenizer()


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
    """The "light" protocol's form of a phrase."""
    text = re.sub(r"[^\w']+|_", " ", phrase.lower().replace("’", "'"))
    return " ".join(stem(w.strip("'")) for w in text.split() if w.strip("'"))


def porter(phrase: str) -> str:
    """The "pke" protocol's form: tokenise, Porter-stem each token, join, lower-case."""
    return " ".join(_PORTER.stem(t) for t in _TOKENS.tokenize(phrase)).lower()


# Each protocol: how a phrase is normalised, and the gold list it scores against.
PROTOCOLS: dict[str, tuple[Callable[[str], str], Callable[[tuple[str, ...]], list[str]]]] = {
    "light": (normalise, lambda keys: sorted({normalise(k) for k in keys} - {""})),
    "pke": (porter, lambda keys: [porter(k) for k in dict.fromkeys(k.lower() for k in keys)]),
}
JOINED: dict[str, tuple[Callable[[str], str], Callable[[tuple[str, ...]], list[str]]]] = {
    "joined": (lambda p: normalise(p.replace("-", "")),
               lambda keys: sorted({normalise(k.replace("-", "")) for k in keys} - {""})),
}


def score(predicted: list[str], gold: list[str], k: int) -> tuple[float, float, float]:
    """P, R, F1 at k of normalised predictions against normalised gold: a gold phrase counts
    once when any kept prediction equals it."""
    top = predicted[:k]
    said = set(top)
    correct = sum(1 for phrase in gold if phrase in said)
    p = correct / len(top) if top else 0.0
    r = correct / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def first_noun_phrases(texts: list[str]) -> list[str]:
    """The FirstPhrases baseline of Boudin et al.: ADJ* (NOUN|PROPN)+ chunks in text order,
    filtered as their run.py filters candidates, one per stemmed form."""
    found: dict[str, str] = {}
    for doc in load_nlp(MODEL).pipe(texts):
        tokens = list(doc)
        i = 0
        while i < len(tokens):
            j = i
            while j < len(tokens) and tokens[j].tag_ in ("JJ", "JJR", "JJS"):
                j += 1
            k = j
            while k < len(tokens) and tokens[k].tag_ in ("NN", "NNS", "NNP", "NNPS"):
                k += 1
            if k == j:
                i += 1
                continue
            words = [t.text.lower() for t in tokens[i:k]]
            if _kept(words):
                found.setdefault(porter(" ".join(words)), " ".join(words))
            i = k
    return list(found.values())


def _kept(words: list[str]) -> bool:
    return (not any(w in STOP_WORDS or w in string.punctuation for w in words)
            and len("".join(words)) >= 3 and min(len(w) for w in words) >= 2 and len(words) <= 5
            and all(w.replace("-", "").isalnum() for w in words))


def read_duc2001(path: str, limit: int | None = None, part: str = "all") -> list[KPDoc]:
    """DUC-2001 as JSON lines, in file order, the `part` of it (see --part) before `limit`;
    the body is one paragraph (the file has no breaks)."""
    docs = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            keys = tuple(k.strip() for k in item["keywords"].split(";") if k.strip())
            raw = f"{item['title']}\n{item['abstract']}"
            docs.append(KPDoc(item["name"], raw, item["title"], (item["abstract"],), keys))
    return docs[PARTS[part]][:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", default=str(KPCROWD),
                        help="500N-KPCrowd-v1.1 directory or DUC-2001 duc_test.json")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--part", choices=PARTS, default="all",
                        help="DUC-2001: even-indexed documents (tuned on), odd-indexed (held out) or all")
    parser.add_argument("--show", type=int, default=3, help="print predictions for N documents")
    parser.add_argument("--joined", action="store_true",
                        help="also score with hyphens deleted on both sides (KPCrowd's gold has none)")
    args = parser.parse_args()
    protocols = {**PROTOCOLS, **(JOINED if args.joined else {})}

    duc = args.path.endswith(".json")
    if args.part != "all" and not duc:
        parser.error("--part splits DUC-2001 only; 500N-KPCrowd is tuned on as a whole")
    docs = read_duc2001(args.path, args.limit, args.part) if duc else read_kpcrowd(args.path, args.limit)
    plain = yake.KeywordExtractor(lan="en", n=3, top=10)
    # sums[protocol, subset][system, k] = [P, R, F1] summed over documents
    sums = {(protocol, subset): {(system, k): [0.0, 0.0, 0.0] for system in SYSTEMS for k in KS}
            for protocol in protocols for subset in ("all", "body")}
    counts = dict.fromkeys(SYSTEMS, 0)
    code = stamp()
    started = time.perf_counter()
    for index, doc in enumerate(docs):
        ours = extract(article(doc.id, doc.title, doc.paragraphs), MODEL, 10).keywords
        predicted = {
            "ours": [kw.text for kw in ours],
            "plain": [phrase for phrase, _ in plain.extract_keywords(doc.raw)],
            "first NPs": first_noun_phrases(list(doc.paragraphs) or [doc.title])[:10],
        }
        for system, phrases in predicted.items():
            counts[system] += len(phrases)
        for protocol, (form, gold_of) in protocols.items():
            gold = gold_of(doc.keys)
            for system, phrases in predicted.items():
                forms = [form(p) for p in phrases]
                for k in KS:
                    for slot, value in enumerate(score(forms, gold, k)):
                        sums[protocol, "all"][system, k][slot] += value
                        if doc.paragraphs:
                            sums[protocol, "body"][system, k][slot] += value
        if index < args.show:
            print(f"{doc.id}: gold {list(doc.keys)[:12]}...")
            for system, phrases in predicted.items():
                print(f"  {system:9s}: {phrases}")
    n = len(docs)
    with_body = sum(1 for d in docs if d.paragraphs)
    name = f"DUC-2001 ({args.part})" if duc else "500N-KPCrowd"
    print(f"\n{name}: {n} docs ({with_body} with a body), {sum(len(d.keys) for d in docs) / n:.1f} "
          f"gold phrases/doc, {time.perf_counter() - started:.0f}s")
    print(stamp_line(code))
    print("keywords/doc: " + ", ".join(f"{s} {counts[s] / n:.2f}" for s in SYSTEMS))
    for protocol in protocols:
        for subset, size in (("all", n), ("body", with_body)):
            if subset == "body" and with_body == n:
                continue
            title = "every doc" if subset == "all" else f"only the {with_body} docs with a body"
            print(f"\nprotocol {protocol}, {title}:")
            print(f"{'':10s}" + "".join(f"{'P@' + str(k):>8s}{'R@' + str(k):>8s}{'F1@' + str(k):>8s}"
                                        for k in KS))
            table = sums[protocol, subset]
            for system in SYSTEMS:
                print(f"{system:10s}" + "".join(f"{v / max(1, size) * 100:8.2f}" for k in KS
                                                for v in table[system, k]))
            ratio = "".join(f"{'':16s}{table['ours', k][2] / table['plain', k][2]:8.3f}"
                            if table["plain", k][2] else f"{'':16s}{'nan':>8s}" for k in KS)
            print(f"{'ours/plain':10s}{ratio}")


if __name__ == "__main__":
    main()
