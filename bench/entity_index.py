"""The entity index on real wire copy: are the most prominent entries right?

    .venv/bin/python bench/entity_index.py DATA/tac/2010 DATA/reuters21578 [MIRROR/duc-2004] [--limit N]

Each argument is one corpus, recognised by its layout:
- a TAC document-set folder (cl-victor1/Multi-Document-Summarization `D2/outputs/*`: one folder
  per story, one file per article with `HEADLINE:`/`DATE_TIME:` lines and tokenised text);
- a Reuters-21578 folder (`reut2-*.sgm`, read by bench/reuters.py; first `--limit` bodies);
- the stuartmackie/duc-2004-rouge mirror (a folder holding the bare git directory `repo`): it
  has no source documents, only the 650 peer summaries (`peers-txt/`), sentences extracted
  verbatim from DUC-2004's AP/NYT articles; each summary is read as one article.

Articles go through the pipeline's clean and copy folding, then spaCy (cached as DocBins under
$DIGEST_BENCH_DATA/.entity-index-cache, keyed by model and texts), then `mentions_in` per
sentence and the corpus-wide `merge_entities`, as in a build. Printed per corpus:
- support: for the 50 entities with most articles, the share of listed articles whose text
  (title and paragraphs) contains the entity's name or a form this script justifies on its own
  (case-insensitive: the surname of a person, the initials of a multi-word name, a standard
  abbreviation such as U.S. for United States, or the reverse) — goal >= 0.97, none below 0.8;
- splits: pairs among the top 300 that are one name in two cases or a name and its
  abbreviation — goal 0;
- artefacts: names that look like wire slugs, codes, markup remnants, menu strings or
  fragments with punctuation — goal 0, each printed;
- entity count and page count (entities in at least `entity_page_min_articles` articles).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import zlib
from itertools import combinations
from pathlib import Path

import reuters
from _data import DATA, MODEL, article, ldc_documents, stamp, stamp_line

from generator.config import Config
from generator.dedupe import fold_copies
from generator.entities import merge_entities
from generator.extract import sentence_texts
from generator.extract.entities import mentions_in
from generator.extract.nlp import load_nlp
from generator.model import Article, Entity, Extraction

CACHE = DATA / ".entity-index-cache"
STANDARD = {"united states": ("u.s.", "us", "u.s.a."), "united nations": ("u.n.", "un"),
            "united kingdom": ("u.k.", "uk"), "european union": ("eu", "e.u.")}
_SLUG = re.compile(r"^BC-|^(?=.*[A-Z]{4})[A-Z0-9]+(?:-[A-Z0-9]+)+$|^[A-Z0-9]+(?:-[A-Z0-9]+){2,}$")
_CODE = re.compile(r"^[A-Z]{1,3}-?\d{4,}$")
_MARKUP = re.compile(r"&[A-Za-z]{1,5}\b|[<>{}\[\]`]|''")
_FRAGMENT = re.compile(r"[:;!?|]|^\W|\(\s*$|^[^(]*\)")
_MENU = {"abort", "retry", "ignore", "fail", "cancel", "click", "here", "login", "subscribe", "menu"}
_DETOK = [(re.compile(p), r) for p, r in [
    (r"``\s*|\s*''", '"'), (r"\s+([,.;:!?%)\]])", r"\1"), (r"([(\[$])\s+", r"\1"),
    (r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1"), (r"\s+", " ")]]


def _detok(text: str) -> str:
    for pattern, repl in _DETOK:
        text = pattern.sub(repl, text)
    return text.strip()


def read_tac(root: Path) -> list[Article]:
    articles = {}
    for path in (p for story in sorted(root.iterdir()) if story.is_dir() for p in ldc_documents(story)):
        head, _, body = path.read_text(encoding="utf-8", errors="replace").partition("\n\n")
        title = _detok(head.split("\n")[0].removeprefix("HEADLINE:"))
        paragraphs = [_detok(p) for p in body.split("\n\n") if p.strip()]
        articles.setdefault(path.name, article(path.name, title, paragraphs))
    return list(articles.values())


def read_reuters(root: Path, limit: int) -> list[Article]:
    found = []
    for story in reuters.stories(root):
        found.append(article(story.id, story.title, story.paragraphs))
        if len(found) == limit:
            break
    return found


def read_duc_peers(mirror: Path) -> list[Article]:
    git = ["git", "--git-dir", str(mirror / "repo")]
    names = subprocess.run([*git, "ls-tree", "--name-only", "HEAD", "peers-txt/"], check=True,
                           capture_output=True, text=True).stdout.split()
    found = []
    for name in sorted(names):
        text = subprocess.run([*git, "show", f"HEAD:{name}"], check=True, capture_output=True,
                              text=True).stdout
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        found.append(article(name.split("/")[1], "", lines))
    return found


def read(path: Path, limit: int) -> list[Article]:
    if (path / "repo" / "HEAD").exists():
        return read_duc_peers(path)
    if any(path.glob("reut2-*.sgm")):
        return read_reuters(path, limit)
    return read_tac(path)


def extractions_for(articles: list[Article]) -> dict[str, Extraction]:
    """Mentions per article as `extract` finds them; spaCy's docs are cached, the rules are not."""
    from spacy.tokens import DocBin

    nlp = load_nlp(MODEL)
    texts = [p for a in articles for p in a.paragraphs]
    CACHE.mkdir(parents=True, exist_ok=True)
    cache = CACHE / f"{MODEL}-{zlib.crc32(chr(0).join(texts).encode()):08x}.spacy"
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe(texts))
        DocBin(docs=docs).to_disk(cache)
    found, at = {}, 0
    for a in articles:
        mentions = [m for doc in docs[at:at + len(a.paragraphs)]
                    for sent, text in sentence_texts(doc) for m in mentions_in(sent, text)]
        at += len(a.paragraphs)
        found[a.id] = Extraction((), (), tuple(mentions), ())
    return found


def initials(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", name) if w.lower() not in {"of", "the", "and", "for"}]
    return "".join(w[0] for w in words).lower() if len(words) > 1 else ""


def forms(entity: Entity, surname: bool = True) -> set[str]:
    """Lower-case forms an article may use for the entity, justified without the merge."""
    name = entity.name.lower()
    found = {name, name.rstrip(".")}
    words = name.replace('"', " ").split()
    if surname and entity.type == "person" and len(words) > 1:
        found.add(words[-1])
    if initials(entity.name):
        found |= {initials(entity.name), ".".join(initials(entity.name)) + "."}
    for full, short in STANDARD.items():
        if name == full or name in short:
            found |= {full, *short}
    return {f for f in found if len(f) > 1}


def contains(text: str, form: str) -> bool:
    return re.search(rf"(?<![\w.]){re.escape(form)}(?!\w)", text) is not None


def support(entities: list[Entity], texts: dict[str, str]) -> list[tuple[float, Entity]]:
    rows = []
    for entity in entities:
        ok = sum(any(contains(texts[a], f) for f in forms(entity)) for a in entity.article_ids)
        rows.append((ok / len(entity.article_ids), entity))
    return rows


def splits(entities: list[Entity]) -> list[tuple[Entity, Entity]]:
    def same(a: Entity, b: Entity) -> bool:
        x, y = a.name.lower(), b.name.lower()
        return x == y or x.replace(".", "") == y.replace(".", "") or \
            (a.type == b.type and x in forms(b, surname=False) - {y} and (len(x) <= 5 or len(y) <= 5))
    return [(a, b) for a, b in combinations(entities, 2) if same(a, b) or same(b, a)]


def artefact(name: str) -> bool:
    low = name.lower()
    return bool(_SLUG.match(name) or _CODE.match(name) or _MARKUP.search(name) or _FRAGMENT.search(name)
                or name.count('"') % 2 or set(low.replace(",", " ").split()) <= _MENU)


def report(path: Path, limit: int, top: int) -> None:
    articles = read(path, limit)
    articles, _ = fold_copies(articles, Config.copy_threshold)
    extractions = extractions_for(articles)
    entities, _ = merge_entities(extractions)
    texts = {a.id: " ".join([a.title, *a.paragraphs]).lower().replace("’", "'") for a in articles}
    ranked = sorted(entities, key=lambda e: (-len(e.article_ids), e.name, e.key))
    rows = support(ranked[:top], texts)
    share = sum(r for r, _ in rows) / len(rows)
    print(f"\n== {path} ({len(articles)} articles after copy folding)")
    print(f"support of the top {top}: mean {share:.3f}, min {min(r for r, _ in rows):.3f}, "
          f"{sum(r < 0.97 for r, _ in rows)} below 0.97, {sum(r < 0.8 for r, _ in rows)} below 0.8")
    for r, e in rows:
        flag = " <-- below 0.97" if r < 0.97 else ""
        print(f"  {len(e.article_ids):4d} {r:.2f} {e.type:12s} {e.name}{flag}")
    pairs = splits(ranked[:300])
    print(f"case/abbreviation splits among the top 300: {len(pairs)}")
    for a, b in pairs:
        print(f"  {a.name!r} ({a.type}, {len(a.article_ids)}) / {b.name!r} ({b.type}, {len(b.article_ids)})")
    bad = sorted(e.name for e in entities if artefact(e.name))
    print(f"artefact names: {len(bad)}" + "".join(f"\n  {n!r}" for n in bad))
    pages = sum(len(e.article_ids) >= Config().entity_page_min_articles for e in entities)
    print(f"entities: {len(entities)}, with a page: {pages} ({pages / len(entities):.0%}), "
          f"in one article only: {sum(len(e.article_ids) == 1 for e in entities)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=1000, help="Reuters bodies to read")
    parser.add_argument("--top", type=int, default=50)
    args = parser.parse_args()
    started = stamp()
    for path in args.corpora:
        report(path, args.limit, args.top)
    print(stamp_line(started))


if __name__ == "__main__":
    main()
