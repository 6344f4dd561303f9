"""Clean: turn an article's blocks into clean body paragraphs.

Built from tiny functions, each removing one kind of web furniture, composed in
`clean()`. Citation tokens glued to words ("Times of Israel1") are removed from
the text and their outlets kept as the article's references.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict

from generator.metadata import KNOWN_OUTLETS
from generator.model import Article, Block

# Lines that end the article: whatever follows is page furniture.
_TAIL_MARKERS = re.compile(
    r"^(appendix\b.*(video|resources|links)|supplementary video|related videos?\b|"
    r"post a comment|previous post\b|leave a (comment|reply)|share this( article)?:?$|"
    r"comments?$|you may also like|read more:?$|more from\b)",
    re.I,
)
# Single lines of furniture anywhere in the body.
_FURNITURE = re.compile(
    r"^(youtube|video|live|watch|advertisement|share|tweet|subscribe|"
    r"post a comment|previous post( next post)?|next post|"
    r"\d+\s+(seconds?|minutes?|hours?|days?|weeks?)\s+ago|"
    r"live\s*\|.*|related articles?:.*|read (more|also):.*|"
    r"original url:?.*|image:.*|photo:.*|by\s+\S+( \S+){0,3})$",
    re.I,
)
# Photo credits inside text: "(AP Photo/Natacha Pisarenko)", "Michael Buckner/Getty Images".
_CREDIT = re.compile(r"\(?\b(?:AP|AFP|Reuters|UPI|EPA|Getty Images|Getty)(?: Photo)?/[A-Z][\w.'-]*"
                     r"(?: [A-Z][\w.'-]*){0,3}\)?|\(?\b[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,2}/"
                     r"(?:Getty Images|Getty|AFP|AP|Reuters|EPA|Shutterstock)\b\)?")
_CITATION = re.compile(r"(?<=[a-z\s])([A-Z][A-Za-z]+)(\d{1,2})(?=[.,;:!?)\"”’]*(\s|$))")
_TERMINAL = (".", "!", "?", '"', "”", "’", "'", ":", ")", "…")


def clean(article: Article) -> Article:
    """The article with `paragraphs`, `headings` and `references` filled."""
    blocks = cut_tail(list(article.blocks))
    blocks = [b for b in blocks if b.kind != "caption" and not is_furniture(b.text)]
    texts = [strip_credits(b.text) for b in blocks]
    stripped, references = strip_citations(texts)
    blocks = [dataclasses.replace(b, text=t) for b, t in zip(blocks, stripped, strict=True) if t]
    paragraphs = rejoin_split_paragraphs([b.text for b in blocks if b.kind == "paragraph"])
    return dataclasses.replace(
        article,
        paragraphs=tuple(paragraphs),
        headings=tuple(b.text for b in blocks if b.kind == "heading"),
        references=tuple(references),
    )


def cut_tail(blocks: list[Block]) -> list[Block]:
    for index, block in enumerate(blocks):
        if _TAIL_MARKERS.match(block.text.strip()):
            return blocks[:index]
    return blocks


def is_furniture(text: str) -> bool:
    return bool(_FURNITURE.match(text.strip().strip("*_ ")))


def strip_credits(text: str) -> str:
    return re.sub(r"\s{2,}", " ", _CREDIT.sub("", text)).strip()


def strip_citations(texts: list[str]) -> tuple[list[str], list[str]]:
    """Remove glued citation tokens; return the texts and the cited outlet names.

    A citation is a capitalised word with a small number glued on, closing a
    sentence. The outlet's full name is the longest run of words that precedes
    every use of the same token (or a known outlet's name).
    """
    uses: dict[str, list[list[str]]] = defaultdict(list)
    for text in texts:
        for match in _CITATION.finditer(text):
            before = text[: match.start()].split()[-4:]
            uses[match.group(0)].append(before)
    if not uses:
        return texts, []
    names = {token: _citation_name(token, contexts) for token, contexts in uses.items()}
    cleaned = []
    for text in texts:
        for token, name in names.items():
            pattern = re.escape(name[: -len(_word(token))]) + re.escape(token)
            text = re.sub(r"\s*" + pattern.replace(r"\ ", r"\s+") + r"(?=[.,;:!?)\"”’]*(\s|$))",
                          "", text)
        cleaned.append(re.sub(r"\s+([.,;:!?])", r"\1", text).strip())
    references = sorted({name for name in names.values()}, key=str.lower)
    return cleaned, references


def _word(token: str) -> str:
    return token.rstrip("0123456789")


def _citation_name(token: str, contexts: list[list[str]]) -> str:
    word = _word(token)
    known = [name for name in _known_names() if name.split()[-1] == word]
    for name in sorted(known, key=len, reverse=True):
        prefix = name.split()[:-1]
        if all(c[len(c) - len(prefix):] == prefix for c in contexts if len(c) >= len(prefix)):
            return name
    if len(contexts) < 2:
        return word
    prefix: list[str] = []
    for depth in range(1, 4):
        candidates = {tuple(c[-depth:]) for c in contexts if len(c) >= depth}
        if len(candidates) != 1 or any(len(c) < depth for c in contexts):
            break
        run = list(candidates.pop())
        if not (run[0][:1].isupper() or run[0] in ("of", "the")):
            break
        prefix = run
    while prefix and not prefix[0][:1].isupper():
        prefix = prefix[1:]
    return " ".join([*prefix, word])


def _known_names() -> list[str]:
    names = set()
    for name in KNOWN_OUTLETS.values():
        names.add(name)
        names.add(name.removeprefix("The "))
    return sorted(names)


def rejoin_split_paragraphs(paragraphs: list[str]) -> list[str]:
    """Join a paragraph cut mid-sentence ("…around the Gaza" / "Strip into Israel…")."""
    joined: list[str] = []
    for text in paragraphs:
        if joined and _unfinished(joined[-1]) and not text[:1].isdigit():
            joined[-1] = f"{joined[-1]} {text}"
        else:
            joined.append(text)
    return joined


def _unfinished(text: str) -> bool:
    return len(text.split()) >= 6 and not text.rstrip().endswith(_TERMINAL)
