"""What a reader sees on topic pages built from real wire copy: furniture, titles, link texts,
whether each citation can be checked.

    .venv/bin/python bench/pages.py tac DATA/tac/2009 DATA/tac/2010 [--limit 400] [--code DIR]
    .venv/bin/python bench/pages.py reuters DATA/reuters21578 [--limit 300] [--code DIR]
    .venv/bin/python bench/pages.py web DATA/kpcrowd/500N-KPCrowd-v1.1/docsutf8 [--limit 500]

`tac` reads the TAC 2009-2011 document sets as laid out in cl-victor1/Multi-Document-Summarization
(`HEADLINE:`, `DATELINE:`/`DATE_TIME:` lines, then tokenised paragraphs; the tokenisation is
undone, `` and '' quotes and the agencies' furniture are kept as the wire sent them); `reuters`
the first bodies of Reuters-21578 (via bench/reuters.py); `web` a folder of text files as
scraped from news sites, headline line then text, copied as they are (500N-KPCrowd's
`docsutf8`: 500 articles of 2011 from many sites, with datelines, CSV-doubled quotes and
character references). The articles are written as seed files
in a temporary folder and built with `digest build --workers 1` by the code in `--code` (default:
this checkout; pass an unpacked `git archive` of another commit to measure it). Printed, over
every lead, key-point and timeline sentence of the built site: the share carrying wire furniture,
ALL-CAPS topic titles, titles that are a file id, links with no visible text on topic pages,
citation support (a (sentence, cited article) pair is supported when a passage of the article
at most twice the sentence's length, 40 words at least -- sentence splitters differ -- holds
>= 50% of the sentence's content words, or the page shows that article's own sentence under it)
and keywords that are furniture, outlet names or capitalised headline fragments.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reuters
from _data import ROOT

from generator.facts import SUPPORT, content_words
from generator.metadata import wire_service
from generator.text import words

_ID = re.compile(r"^([A-Z]+?)(?:_ENG_)?(\d{8})\.\d+$")
_DETOK = [(re.compile(p), r) for p, r in [
    (r"\s+([,.;:!?%)\]])", r"\1"), (r"([(\[$])\s+", r"\1"), (r"``\s+", "``"), (r"\s+''", "''"),
    (r"\s+' s\b", "'s"), (r"(?<=s) ' (?=\w)", "' "), (r"&\s+(amp|lt|gt|quot)\s*;", r"&\1;"),
    (r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1"), (r"\s+", " ")]]
# Furniture as a reader would spot it, written apart from generator/furniture.py on purpose.
FURNITURE = re.compile(
    r"^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][\w.]+)*(?:, [A-Z][a-z]+\.? \d+)? ?"
    r"(?:\((?:AP|Xinhua|AFP|Reuters)\) ?)?(?:--|_|—) |\((?:AP|Xinhua|AFP|Reuters)\) --|"
    r"\bOn the Net\b|STORY CAN END|OPTIONAL (?:TRIM|MATERIAL)|(?i:optional trim)|\bXXX\b|"
    r"\bEND\s*$|(?i:https?://|www\.|can be reached at|photos? and graphics|editor'?s note)|andUR|"
    r"COPYRIGHT|\b\d{3}-\d{3}-\d{4}\b|\(\d{3}\) ?\d{3}-\d{4}|^(?:--|\*|_) |``|''|\s_\s")
_OUTLET_WORDS = re.compile(r"\b(?:AP|NYT|Xinhua|Reuters?|AFP|Associated Press|New York Times|"
                           r"Cox News\w*|Los Angeles Times|Washington Post|Story|XXX|END)\b")


def detokenise(text: str) -> str:
    for pattern, repl in _DETOK:
        text = pattern.sub(repl, text)
    return text.strip()


def read_tac(path: Path) -> tuple[str, str, list[str]]:
    """(title, date, paragraphs) of one TAC document."""
    head, _, body = path.read_text(encoding="utf-8", errors="replace").partition("\n\n")
    fields: dict[str, str] = {}
    last = ""
    for line in head.splitlines():  # a long headline runs on to the next line
        if match := re.match(r"^([A-Z_]+):(.*)$", line):
            last, fields[match[1]] = match[1], match[2]
        elif last:
            fields[last] += f" {line}"
    title = detokenise(fields.get("HEADLINE", ""))
    match = _ID.match(path.name)
    date = f"{match[2][:4]}-{match[2][4:6]}-{match[2][6:]}" if match else ""
    paragraphs = [detokenise(" ".join(block.split("\n"))) for block in body.split("\n\n")]
    return title, date, [p for p in paragraphs if p]


def write_tac(folders: list[Path], limit: int, seeds: Path) -> dict[str, list[str]]:
    """The first `limit` documents (story folders in order) as seed files; their paragraphs."""
    texts: dict[str, list[str]] = {}
    paths = sorted(p for f in folders for story in sorted(f.iterdir()) if story.is_dir()
                   for p in sorted(story.iterdir()) if p.is_file() and _ID.match(p.name))
    for path in paths:
        if len(texts) == limit:
            break
        if path.name in texts:
            continue
        title, date, paragraphs = read_tac(path)
        front = {"title": title, "date": date, "outlet": wire_service(path.name)}
        header = "".join(f"{k}: {json.dumps(v)}\n" for k, v in front.items() if v)
        body = "\n\n".join(reuters.markdown_escape(p) for p in paragraphs)
        (seeds / f"{path.name}.md").write_text(f"---\n{header}---\n\n{body}\n", encoding="utf-8")
        texts[path.name] = paragraphs
    return texts


def write_reuters(corpus: Path, limit: int, seeds: Path) -> dict[str, list[str]]:
    items = list(reuters.stories(corpus))[:limit]
    reuters.write_seeds(items, seeds, clear=False)
    return {s.id: list(s.paragraphs) for s in items}


def write_web(folder: Path, limit: int, seeds: Path) -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {}
    for path in sorted(folder.glob("*.txt"))[:limit]:
        text = path.read_text(encoding="utf-8", errors="replace")
        (seeds / path.name).write_text(text, encoding="utf-8")
        texts[path.stem] = [line for line in text.splitlines()[1:] if line.strip()]
    return texts


def build(code: Path, seeds: Path, out: Path) -> None:
    subprocess.run([sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--out",
                    str(out / "site"), "--work", str(out / "work"), "--workers", "1", "-q"],
                   cwd=code, check=True)


def measure(out: Path, texts: dict[str, list[str]]) -> dict[str, float | int]:
    data = json.loads((out / "site" / "digest.json").read_text(encoding="utf-8"))
    by_id = {a["id"]: a for a in data["articles"]}
    tokens = {a: words(" ".join(texts.get(_key(a, texts), []))) for a in by_id}
    items = [(topic, item) for topic in data["topics"]
             for item in topic["lead"] + topic["points"] + topic["timeline"]]
    furniture = [item["text"] for _, item in items if FURNITURE.search(item["text"])]
    pairs = supported = 0
    empty_links = 0
    for topic in data["topics"]:
        page = (out / "site" / topic["url"]).read_text(encoding="utf-8")
        content = page.split('class="md-content"', 1)[-1]
        empty_links += len(re.findall(r"<a\b[^>]*>\s*</a>", content))
        shown = _shown_sentences(content)
        for item in topic["lead"] + topic["points"] + topic["timeline"]:
            for article_id in item["article_ids"]:
                pairs += 1
                own = _states(tokens.get(article_id, []), item["text"])
                supported += own or article_id in shown.get(item["text"], ())
    titles = [t["title"] for t in data["topics"]]
    keywords = [k for t in data["topics"] for k in t["keywords"]]
    bad_keywords = [k for k in keywords if FURNITURE.search(k) or _OUTLET_WORDS.search(k)
                    or (k.isupper() and len(k) > 3)]
    return {
        "articles": len(by_id), "topics": len(titles), "sentences": len(items),
        "furniture %": round(100 * len(furniture) / max(1, len(items)), 1),
        "furniture % (`` '' quotes aside)": round(100 * sum(
            1 for t in furniture if FURNITURE.search(re.sub(r"``|''", '"', t))) / max(1, len(items)), 1),
        "ALL-CAPS titles %": round(100 * sum(_all_caps(t) for t in titles) / max(1, len(titles)), 1),
        "titles that are a file id": sum(1 for t in titles if t in by_id or _ID.match(t)
                                         or re.fullmatch(r"[\w-]*\d{4,}[\w-]*", t)),
        "empty links on topic pages": empty_links,
        "citation support %": round(100 * supported / max(1, pairs), 1),
        "citation pairs": pairs,
        "furniture-like keywords": len(bad_keywords), "keywords": len(keywords),
        "examples": furniture[:3] + bad_keywords[:5],
    }


def _states(tokens: list[str], claim: str) -> bool:
    """True when a passage of the article at most twice the claim's length holds half the
    claim's content words: sentence splitters differ ("Rev. Susan Baron", table rows joined
    into one "sentence"), so the article's own sentence boundaries are not trusted."""
    wanted = content_words(claim)
    width = max(20, len(words(claim)))  # a short claim may be told inside a long sentence
    # Windows of 2 x width every width tokens contain every span of width tokens.
    return bool(wanted) and any(
        len(wanted.intersection(tokens[start:start + 2 * width])) >= SUPPORT * len(wanted)
        for start in range(0, max(1, len(tokens) - width + 1), width))


def _key(article_id: str, texts: dict[str, list[str]]) -> str:
    """Article ids are the file names made into ids; the nearest text key."""
    if article_id in texts:
        return article_id
    squashed = re.sub(r"[^a-z0-9]", "", article_id.lower())
    return next((k for k in texts if re.sub(r"[^a-z0-9]", "", k.lower()) == squashed), "")


def _shown_sentences(content: str) -> dict[str, set[str]]:
    """Point text -> ids of the articles whose own sentence the page shows under it."""
    shown: dict[str, set[str]] = {}
    for block in re.findall(r"<(?:li|p)>(.*?)</(?:li|p)>", content, re.S):
        if "digest-also" not in block:
            continue
        text = html.unescape(re.sub(r"<[^>]+>", "", block.split(" (<a", 1)[0])).strip()
        also = block.split("digest-also", 1)[1]
        shown[text] = set(re.findall(r'href="[^"]*#([^"]+)"', also))
    return shown


def _all_caps(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=("tac", "reuters", "web"))
    parser.add_argument("data", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose generator builds")
    parser.add_argument("--keep", type=Path, help="build here and keep it (default: a temp folder)")
    parser.add_argument("--no-build", action="store_true", help="measure the build kept in --keep")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="digest-pages-") as tmp:
        out = args.keep or Path(tmp)
        seeds = out / "seeds"
        seeds.mkdir(parents=True, exist_ok=True)
        if args.kind == "tac":
            texts = write_tac(args.data, args.limit, seeds)
        elif args.kind == "web":
            texts = write_web(args.data[0], args.limit, seeds)
        else:
            texts = write_reuters(args.data[0], args.limit, seeds)
        if not (args.no_build and args.keep):
            build(args.code.resolve(), seeds, out)
        print(f"{args.kind} {' '.join(map(str, args.data))}, first {args.limit} documents; "
              f"code {reuters.code_version(args.code.resolve())}")
        for name, value in measure(out, texts).items():
            print(f"  {name}: {value}")


if __name__ == "__main__":
    main()
