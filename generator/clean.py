"""Clean: turn an article's blocks into clean body paragraphs.

Built from tiny functions, each removing one kind of web furniture, composed in
`clean()`; wire and newspaper furniture (datelines, trim markers, desk notes) is in
`generator.furniture`. Citation tokens glued to words ("Times of Israel1") are removed
from the text and their outlets kept as the article's references. Headlines lose an
outlet suffix (moved to the outlet field when that is empty) and ALL CAPS or Title Case.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict

from generator import furniture
from generator.cache import Cache, cached_map, source_version
from generator.metadata import KNOWN_OUTLETS
from generator.model import Article, Block
from generator.text import abbreviation_ends, sentence_goes_on

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
# A citation closes a clause: punctuation or the paragraph's end follows ("recalled by RC2
# Corp." names a company; TAC 2011 lost it).
_CLOSES = r"(?=[.,;:!?)\"”’]+(?:\s|$)|$)"
_CITATION = re.compile(r"(?<=[a-z\s])([A-Z][A-Za-z]+)(\d{1,2})" + _CLOSES)
# "… – Agencies", "… | Reuters", "…, JAKARTA POST": an outlet's name after the headline.
_SUFFIX = re.compile(r"^(?P<head>.*?\S)(?:\s+[-–—|]|(?P<comma>,))\s+(?P<tail>[^-–—|,]{2,40})$")
_OUTLET_WORDS = re.compile(r"\b(?:agenc(?:y|ies)|news|times|post|press|reuters|ap|afp|xinhua|"
                           r"guardian|journal|tribune|herald|telegraph|daily|wire)\b|\.com\b", re.I)
_HEAD_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
_SMALL = frozenset({"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of",
                    "on", "or", "over", "the", "to", "up", "with", "vs"})
_TERMINAL = (".", "!", "?", '"', "”", "’", "'", ":", ")", "…")


def clean_articles(articles: list[Article], store: Cache) -> list[Article]:
    """Each article cleaned, from the cache when its file is unchanged (an article is what
    its path and bytes make it)."""
    def compute(todo: list[Article]) -> list[Article]:
        return [clean(a) for a in todo]

    cleaned = cached_map(store, "clean", source_version(__name__), {}, articles,
                         lambda a: f"{a.id}\0{a.path}\0{a.content_hash}", compute, Article)
    return [a for a in cleaned if isinstance(a, Article)]


def clean(article: Article) -> Article:
    """The article with `paragraphs`, `headings` and `references` filled."""
    blocks = drop_link_blocks(cut_tail(list(article.blocks)))
    blocks = [b for b in blocks if b.kind != "caption" and not is_furniture(b.text)]
    texts = [furniture.clean_paragraph(strip_credits(b.text)) for b in blocks]
    stripped, references = strip_citations(texts)
    blocks = [dataclasses.replace(b, text=t) for b, t in zip(blocks, stripped, strict=True) if t]
    paragraphs = rejoin_split_paragraphs([b.text for b in blocks if b.kind == "paragraph"])
    title, outlet = headline(article.title, article.outlet, paragraphs)
    return dataclasses.replace(
        article,
        title=title,
        outlet=outlet,
        blocks=(),  # read into the fields below: not carried (or cached) twice
        paragraphs=tuple(paragraphs),
        headings=tuple(b.text for b in blocks if b.kind == "heading"),
        references=tuple(references),
    )


def cut_tail(blocks: list[Block]) -> list[Block]:
    for index, block in enumerate(blocks):
        if _TAIL_MARKERS.match(block.text.strip()):
            return blocks[:index]
    return blocks


def drop_link_blocks(blocks: list[Block]) -> list[Block]:
    """Without "On the Net:" and the list of links under it."""
    kept: list[Block] = []
    in_block = False
    for block in blocks:
        in_block = furniture.starts_link_block(block.text) or (
            in_block and furniture.is_link_line(block.text))
        if not in_block:
            kept.append(block)
    return kept


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
            text = re.sub(r"\s*" + pattern.replace(r"\ ", r"\s+") + _CLOSES, "", text)
        cleaned.append(re.sub(r"\s+([.,;:!?])", r"\1", text).strip())
    references = sorted({name for name in names.values()}, key=str.lower)
    return cleaned, references


def _word(token: str) -> str:
    return token.rstrip("0123456789")


def _citation_name(token: str, contexts: list[list[str]]) -> str:
    word = _word(token)
    known = [name for name in _known_names() if name.split()[-1] == word]
    for name in sorted(known, key=len, reverse=True):
        head = name.split()[:-1]
        if all(c[len(c) - len(head):] == head for c in contexts if len(c) >= len(head)):
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
    """Join a paragraph cut mid-sentence ("…around the Gaza" / "Strip into Israel…",
    "Indonesian President B.J." / "Habibie said…"). Each paragraph is kept as its lines and
    a word count until done: joining as it grew copied it once per line, quadratic in a file
    of 100,000 unfinished lines."""
    joined: list[list[str]] = []
    size = chars = 0  # words and characters in the paragraph being joined
    for text in paragraphs:
        if (joined and chars + len(text) < JOINED_CHARS
                and ((_unfinished(joined[-1], size) and not text[:1].isdigit())
                     or sentence_goes_on(joined[-1][-1], text))):
            joined[-1].append(text)
            size, chars = size + len(text.split()), chars + len(text) + 1
        else:
            joined.append([text])
            size, chars = len(text.split()), len(text)
    return [" ".join(lines) for lines in joined]


def _unfinished(lines: list[str], size: int) -> bool:
    return (size >= 6 and not lines[-1].rstrip().endswith(_TERMINAL)
            and not (size <= _ROW_WORDS and _FIGURES_ROW.search(" ".join(lines))))


# Lines are joined up to what one line may hold (`max_line_chars`' default): a file of
# 60,000 unfinished lines made one paragraph longer than spaCy reads.
JOINED_CHARS = 20_000
# A short line of a results table ("Oper shr profit six cts vs loss two cts", "Revs 16.4 mln
# vs 16.9 mln") ends where it ends, though no full stop closes it.
_FIGURES_ROW = re.compile(r"\bvs\.?\s|\d\S*$")
_ROW_WORDS = 12


def headline(title: str, outlet: str, paragraphs: list[str]) -> tuple[str, str]:
    """(title, outlet): an outlet suffix moved to the outlet field (dropped when it is
    already there), ALL CAPS and Title Case turned into sentence case."""
    title = _DANGLING.sub("", furniture.strip_version_tag(furniture.normalise_marks(title)))
    if furniture.SLUG.match(title):  # a desk slug is no headline
        return "", outlet
    match = _SUFFIX.match(title)
    tail = match.group("tail") if match else ""
    # After a comma only a name in capitals after a headline in normal case is an outlet
    # ("…, JAKARTA POST"); in "…, times tough" the words are the headline's.
    if (match and _OUTLET_WORDS.search(tail) and len(tail.split()) <= 4 and (
            not match.group("comma") or (tail.isupper() and not _all_caps(match["head"])))):
        title, tail = match.group("head"), tail.strip()
        outlet = outlet or (tail.title() if tail.isupper() else tail)
    if _shouting(title):
        title = sentence_case(title, _spellings(paragraphs), keep_capitals=not _all_caps(title))
    return title, outlet


# A separator closing a headline, what followed it (a site's name) already cut: "Movie
# Review - "In A Better World" -" (500N-KPCrowd).
_DANGLING = re.compile(r"\s+[-–—|:·]+$")


def _all_caps(title: str) -> bool:
    letters = [c for c in title if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _shouting(title: str) -> bool:
    """ALL CAPS, or Title Case on every word that is not a small word."""
    if _all_caps(title):
        return True
    content = [w for w in _HEAD_WORD.findall(title) if w.lower() not in _SMALL]
    return len(content) >= 3 and all(w[0].isupper() for w in content)


def sentence_case(title: str, spellings: dict[str, str], keep_capitals: bool) -> str:
    """Each word as the body spells it mid-sentence; acronyms kept (U.S. always, NATO when
    the headline is not all capitals, a stock symbol and the name it abbreviates: "GTI CORP
    <GTI>"); months, weekdays and a company's "Inc" capitalised; other words lower case; the
    first capitalised."""
    symbols = set(furniture.SYMBOL.findall(title))

    def word(match: re.Match[str]) -> str:
        text = match.group(0)
        core = re.sub(r"['’]s$", "", text, flags=re.I)
        known = spellings.get(core.lower())
        if known:
            return known + text[len(core):].lower()
        if (re.fullmatch(r"(?:[A-Za-z]\.){2,}", core) or core in symbols
                or (keep_capitals and text.isupper() and (len(core) > 1 or core == "I"))):
            return text
        if re.fullmatch(r"[A-Za-z]\.", core):
            return text.upper()  # an initial: "KENNETH J. LENIHAN"
        if core.lower().rstrip(".") in _CAPITALISED and match.start() > 0:
            return text.capitalize()
        return text.lower()

    text = _HEAD_WORD.sub(word, title)
    # The first letter, and a company's name in a wire's brackets ("<Cinram Ltd>").
    return re.sub(r"^\W*[a-z]|<[a-z]", lambda m: m.group(0).upper(), text)


# Capitalised in any English sentence ("may", "march" and "sun" are words too, so left out).
_CAPITALISED = frozenset(str.split("""
january february april june july august september october november december jan feb apr jun
jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
inc corp ltd plc llc
"""))


def _spellings(paragraphs: list[str]) -> dict[str, str]:
    """Lower-cased word -> how the body spells it (the most frequent spelling; ties to the
    alphabetically first)."""
    seen: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for text in paragraphs:
        if _all_caps(text):  # a table header or a headline in capitals spells nothing
            continue
        for match in _HEAD_WORD.finditer(text):
            before = text[: match.start()].rstrip(" \"“‘'(")
            token = re.sub(r"['’]s$", "", match.group(0).rstrip("."), flags=re.I)
            # Opening a sentence only "NATO" or "McCain" tells a spelling; "The" does not.
            if ((before and (not before.endswith((".", "!", "?", ":")) or abbreviation_ends(before)))
                    or token != token.capitalize()):
                seen[token.lower()][token] += 1
    return {low: min(forms, key=lambda f: (-forms[f], f)) for low, forms in seen.items()}
