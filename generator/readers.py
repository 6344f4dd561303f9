"""Readers: one per file format, registered by suffix. Each turns a file's text (front
matter already removed) into the metadata it states and the body's blocks."""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.dates import parse_date
from generator.errors import InputError
from generator.metadata import wire_date, wire_service
from generator.model import Block
from generator.text import clean_inline, decode_references, sentence_goes_on

Reader = Callable[[str], tuple[dict[str, str], list[Block]]]
READERS: dict[str, Reader] = {}

def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    def register(func: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix] = func
        return func

    return register


def choose_reader(suffix: str, text: str) -> Reader:
    """By suffix, except that a newswire document is read as one whatever its name (wire
    archives name files "APW19980601.0007") and a .txt file whose first lines hold a
    `# title` is Markdown."""
    if is_newswire(text):
        return read_newswire
    if READERS[suffix] is read_plain and re.search(r"\A(\s*\n)*(---\n.*?\n---\n)?\s*# \S", text, re.S):
        return read_markdown
    return READERS[suffix]


def is_newswire(text: str) -> bool:
    """Whether the text is a document in the SGML of the LDC's newswire collections (TDT,
    AQUAINT, Gigaword; the DUC and TAC document sets): `<DOC>`, `<DOCNO>`, `<TEXT>` …"""
    return bool(_DOC.match(text))


_MD = MarkdownIt("commonmark")
_BYLINE = re.compile(r"^by\s+(.{2,80})$", re.I)
_URL_LABEL = re.compile(r"^original\s+url\s*:\s*(\S*)$", re.I)
# "Date: 2005-01-12", "DATE_TIME: 1999-04-21 16:33:18", "Published: April 21, 1999"
_DATE_LABEL = re.compile(r"^(?:date(?:[ _]?time)?|published(?: on)?|posted(?: on)?|"
                         r"pub(?:lication)?\.? date)\s*:\s*(.+)$", re.I)
_CREDIT = re.compile(r"^[A-Z][\w.&' -]{1,40}(\s*/\s*[A-Z][\w.&' -]{1,40})*$")


@reader(".md", ".markdown")
def read_markdown(body: str) -> tuple[dict[str, str], list[Block]]:
    """Markdown: `# title`, then header lines (byline, date), paragraphs, captions."""
    found: dict[str, str] = {}
    blocks: list[Block] = []
    tokens = _MD.parse(body)
    for i, token in enumerate(tokens):
        if token.type != "inline" or tokens[i - 1].type == "list_item_open":
            continue
        opener = tokens[i - 1]
        text = clean_inline(decode_references(_inline_text(token)))
        if not text:
            continue
        if opener.type == "heading_open":
            if opener.tag == "h1" and "title" not in found:
                found["title"] = text
            else:
                blocks.append(Block("heading", text))
            continue
        children = token.children or []
        strong_tail = _trailing_strong(children)
        if strong_tail and _CREDIT.match(strong_tail) and len(text) > len(strong_tail):
            blocks.append(Block("caption", text))  # photo caption ending in a credit
            continue
        blocks.append(Block("paragraph", text))
    return _header_fields(found, blocks)


_ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\b(?:Inc|Corp|Co|Ltd|Jr|Sr)\.)$")


@reader(".txt", ".text")
def read_plain(body: str) -> tuple[dict[str, str], list[Block]]:
    """Plain text: the first line is the headline; each further line a block."""
    lines = [clean_inline(decode_references(line)) for line in body.split("\n")]
    lines = [line for line in lines if line]
    # A first line cut mid-name ("… president, F.W." / "de Klerk, …") opens the text instead.
    headline = (lines and _looks_like_headline(lines[0])
                and not (len(lines) > 1 and sentence_goes_on(lines[0], lines[1])))
    found = {"title": lines[0]} if headline else {}
    blocks = [Block("heading" if is_heading(line) else "paragraph", line)
              for line in lines[len(found):]]
    return _header_fields(found, blocks)


def _header_fields(
    found: dict[str, str], blocks: list[Block]
) -> tuple[dict[str, str], list[Block]]:
    """Take byline, date and "Original url:" lines out of the body."""
    kept: list[Block] = []
    pending_url = False
    for index, block in enumerate(blocks):
        text = block.text
        if pending_url:
            pending_url = False
            if re.fullmatch(r"<?https?://\S+?>?", text):
                found.setdefault("url", text.strip("<>"))
                continue
        if match := _URL_LABEL.match(text):
            if match.group(1):
                found.setdefault("url", match.group(1).strip("<>"))
            else:
                pending_url = True
            continue
        in_header = index < 4
        if in_header and (match := _BYLINE.match(text)) and "byline" not in found:
            found["byline"] = match.group(1)
            continue
        if in_header and "date" not in found:
            value = match.group(1) if (match := _DATE_LABEL.match(text)) else text
            if parse_date(value):
                found["date"] = value
                continue
        kept.append(block)
    return found, kept


def _inline_text(token: Token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def _trailing_strong(children: list[Token]) -> str:
    """Text of a **bold** run that ends the paragraph, if any."""
    kinds = [c.type for c in children if not (c.type == "text" and not c.content.strip())]
    if len(kinds) < 3 or kinds[-1] != "strong_close":
        return ""
    start = max(i for i, c in enumerate(children) if c.type == "strong_open")
    return "".join(c.content for c in children[start:] if c.type == "text").strip()


def _looks_like_headline(line: str) -> bool:
    # "Diplomats tour battered factory, protesters denounce U.S.": the stop is the abbreviation's
    return len(line) <= 250 and (not line.endswith((".", ":", ";", ","))
                                 or _ABBREVIATION_END.search(line) is not None)


def is_heading(line: str) -> bool:
    """A subheading in plain text: short, no closing full stop, mostly capitalised words."""
    if len(line) > 120 or line.endswith((".", ",", ";", ":", "”", '"')):
        return False
    tokens = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    if not tokens or len(line.split()) > 16:
        return False
    capitalised = sum(w[0].isupper() for w in tokens) / len(tokens)
    return capitalised >= 0.6 or (line.endswith("?") and capitalised >= 0.5)


_DOC = re.compile(r"\A\ufeff?\s*<DOC[\s>]")
# A tag stops at the next "<": a search that could run on to the end of the file from every
# tag would make a hostile file of many open tags quadratic.
_TAG = re.compile(r"<(/?)([A-Za-z_]+)(?:\s[^<>]*)?>")
_DOC_ID = re.compile(r"<DOC\s[^<>]*?\bid\s*=\s*\"([^\"<>]+)\"", re.I)
# The LDC's entities: the standard three, and the New York Times' typesetting codes (&QL;
# ends a line, &UR; and &LR; open and close a run, &Cx1f; is a control byte), dropped.
_SGML_ENTITY = re.compile(r"&(AMP|LT|GT|[A-Z][A-Za-z]?|Cx[0-9a-fA-F]{1,2}|HT|QC|TL);")
_ENTITY_TEXT = {"AMP": "&", "LT": "<", "GT": ">"}
_US_DATE = re.compile(r"(\d{2})/(\d{2})/(\d{4})")  # the LDC's New York Times DATE_TIME
_WIRE_BYLINE = re.compile(r"By\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})")


def read_newswire(body: str) -> tuple[dict[str, str], list[Block]]:
    """One LDC newswire document: `<HEADLINE>`, the date of `<DATE_TIME>` (or `<DATE>`, or the
    one in its id), the wire service from its id ("APW19980601.0007" is AP), a byline, and
    the paragraphs of `<TEXT>` (`<P>` elements, else blank-line or indented blocks)."""
    if len(re.findall(r"<DOC[\s>]", body)) > 1:
        raise InputError("", "holds several newswire <DOC> documents",
                         "split it into one document per file")
    if "</DOC>" not in body.upper():
        raise InputError("", "newswire document without its closing </DOC> (cut short?)")
    elements = _elements(body)

    def field(*names: str) -> str:
        return next((_plain(elements[n][0]) for n in names if n in elements), "")

    found: dict[str, str] = {}
    docno = field("DOCNO") or _group(_DOC_ID.search(body))
    found["title"] = field("HEADLINE")
    stamp = field("DATE_TIME", "DATETIME", "DATE")
    us_date = _US_DATE.match(stamp)
    found["date"] = (f"{us_date[3]}-{us_date[1]}-{us_date[2]}" if us_date else
                     stamp if parse_date(stamp.split(" ")[0]) else wire_date(docno))
    found["outlet"] = wire_service(docno)
    # The New York Times sets its byline in lines between the headline and the text.
    lines = re.split(r"&QL;|\n", body.split("<TEXT", 1)[0].rsplit("</HEADLINE>", 1)[-1])
    bylines = [m[1] for m in map(_WIRE_BYLINE.fullmatch, map(_plain, lines)) if m]
    byline = re.sub(r"^[Bb]y\s+", "", field("BYLINE")) or next(iter(bylines), "")
    found["byline"] = byline.title() if byline.isupper() else byline  # "SETH MYDANS"
    text = elements["TEXT"][0] if "TEXT" in elements else ""
    parts = _elements(text).get("P") or re.split(r"\n\s*\n|\n(?=[ \t]+\S)", text)
    blocks = [Block("paragraph", line) for line in map(_plain, parts) if line]
    return found, blocks


def _elements(body: str) -> dict[str, list[str]]:
    """The text of each element, by upper-case tag name, in order; one pass over the tags."""
    opened: dict[str, int] = {}
    found: dict[str, list[str]] = {}
    for tag in _TAG.finditer(body):
        name = tag[2].upper()
        if not tag[1]:
            opened[name] = tag.end()
        elif name in opened:
            found.setdefault(name, []).append(body[opened.pop(name):tag.start()])
    return found


def _group(match: re.Match[str] | None) -> str:
    return match[1] if match else ""


def _plain(text: str) -> str:
    """An element's text on one line: inner tags and typesetting codes out, entities in."""
    text = _SGML_ENTITY.sub(lambda m: _ENTITY_TEXT.get(m[1], " "), _TAG.sub(" ", text))
    return clean_inline(decode_references(" ".join(text.split())))
