"""Wire and newspaper furniture: the marks agencies and papers put around a story.

Learnt from AP, NYT, LA Times–Washington Post, Xinhua and AFP copy (the TAC 2009–2011
and DUC document sets): datelines, optional-trim markers, "On the Net:" link lists,
editors' notes, contact and photo-desk lines, phone numbers, copyright blocks,
separator and list markers, `` and '' quotes. Each rule is a small `str -> str`
(or a test on one paragraph) so it can be tested on the line it came from.
"""

from __future__ import annotations

import re

# "Turkey( AP)" in DUC-2004; "TOKYO (Kyodo) -", "NEW YORK (Reuters Health) -" in web news.
_AGENCY = (r"\( ?(?:AP|Xinhua(?:net)?|Reuters(?: Health)?|AFP|UPI|dpa|CNA|Bloomberg|Kyodo|"
           r"CNN(?:Money)?|ANTARA News|PTI|IANS|Yonhap|EFE|ANSA) ?\)")
_PLACE = r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)?"
_DAY = r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?"
# After a place in capitals any source may be named, and a byline may come first:
# "By Mark Cina LOS ANGELES (Hollywood Reporter) - " (web news).
_SOURCE = r"\([A-Z][\w.&' ]{1,30}\)"
_BY = r"(?:By [A-Z][\w.'-]+(?: (?:[A-Z][\w.'-]+|and)){0,6}? )"
# "WASHINGTON (AP) --", "SEMPORNA, Malaysia (AP) _", "JERUSALEM, Feb. 4 (Xinhua) --",
# "Los Angeles, November 4 (Xinhua) --" (an agency tag makes a mixed-case place safe),
# "(AP) -" with no place, "WASHINGTON _", "WARSAW --", "WASHINGTON —", "MEMPHIS, Tenn. -",
# and a place alone on its line.
_DATELINE = re.compile(
    rf"^(?:(?:[A-Z][\w.' -]+?(?:, [\w.' ]+?)?{_DAY} ?)?{_AGENCY}\s*(?:--|_|—|–|-)?\s*|"
    rf"{_BY}?{_PLACE}{_DAY}(?: {_SOURCE})? (?:--|_|—|–|-) (?=[\"“`A-Z0-9])|{_PLACE}{_DAY}$)")
# A dateline opening a story run on inside a paragraph: "… from Washington. ATHENS, Greece -- A …"
_INNER_DATELINE = re.compile(
    rf"(?<=[.!?\"”] )[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*"
    rf"{_DAY} (?:{_AGENCY} )?(?:--|—|–) (?=[A-Z])")
# A headline in capitals run into the first paragraph: "121 ARE KILLED AS JETLINER CRASHES …".
_CAPS_RUN = re.compile(r"^(?:[A-Z0-9][A-Z0-9'’,.&-]*\s+){4,}(?=[A-Z][a-z])")
# AP desk codes after "<UR>" (read as "andUR;") and the text after them: "… found." andUR; MORE
_DESK_TAIL = re.compile(r"\s*andUR\s*;.*$|\s+\(?MORE\)?$")
# Also a writer's address line: "Ty Burr can be reached at tburr@ globe.com, or followed at …".
_CREDIT_LINE = re.compile(r"(?i:\bcontributed (?:reporting|to this (?:article|report))\b|"
                          r"\breported from .* for this article\b|"
                          r"\bcan be (?:reached|e-?mailed|contacted) at\b.*@)")
# NYT desk slugs in the headline field: "GREECE-CRASH-ART-735&ADD-NYT".
SLUG = re.compile(r"^[A-Z0-9&]+(?:-[A-Z0-9&]+){2,}$")
_OPTIONAL = re.compile(
    r"\(\s*(?:STORY CAN END HERE\.?\s*)?OPTIONAL MATERIAL FOLLOWS\.?\s*\)|"
    r"\(\s*STORY CAN END HERE\.?\s*\)|"
    r"\(\s*(?:(?:begin|end) optional (?:trim|add)|optional (?:trim|add) (?:starts|ends) here|"
    r"optional add end|\d+ words)\.?\s*\)", re.I)
# Whole paragraphs that are desk notes, never story text.
_DESK_LINE = re.compile(
    r"^(?:editor'?s'? note\b.*|(?:\d{1,2}-\d{1,2}-\d{2,4} )?editors?, .*|"
    r"andUR\b.*|=\s*\(pictures.*|the (?:late(?:-night)? supervisor|photo-graphics editor) is .*|"
    r"(?:phone|fax|pager|tel|e-?mail)\s*:.*|"
    r"\(?[\w.' ]+ can be reached at .*|\(visit the [\w.' -]+ online services.*|"
    r"\([a-z]{2,4}(?:[-/][a-z]{2,4})*\)|\(?(?:XXX|END|MORE|-0-|nn)\)?(?: END)?|"
    r"\*?\s*[A-Z][a-z]+day, [A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|[^.]{0,60}\b\d+(?:st|nd|rd|th) graf\b.*|"
    r".*\bphotos? (?:and|&) graphics\b.*|"
    r"[A-Z][A-Z .'-]+(?:, [A-Z][\w.' ]+)? \d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})? UTC(?: \(\w+\))?)$",
    re.I)
_ON_THE_NET = re.compile(r"^on the net\b\s*[:,]?", re.I)
_URL = re.compile(r"\(?\b(?:https?://|www\.)[^\s)]*[^\s).,;:!?]\)?", re.I)
_LINK_LINE = re.compile(r"^[^!?]{0,80}?:\s*(?:https?://|www\.)\S+$", re.I)
_PHONE = re.compile(r"(?:\b1-)?(?:\(\d{3}\)\s*|\b\d{3}-)\d{3}-\d{4}\b|(?<=\bat )\d{3}-\d{4}\b")
# An all-capitals notice runs until the first word in normal case.
_COPYRIGHT = re.compile(r"^(?:[^a-z]*?(?:\b(?:Tel|Fax)\s*:\s*[\d-]+\s*)+)?\bCOPYRIGHT\b[^a-z]*"
                        r"(?=\s[A-Z][a-z])\s*|^(?i:copyright|©|\(c\))\s*\d{4}\b.*$")
_MARKER = re.compile(r"^(?:--|\*|_|•)\s+(?=\S)")
# A sentence ends at . ! ? (a closing quote may follow), not after an initial ("Linda A.").
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”']))(?<!\b[A-Z]\.)\s+(?=[\"“(]?[A-Z])")


def strip_dateline(text: str) -> str:
    """The paragraph without the place line it opens with (the model has no field for it)."""
    match = _DATELINE.match(text)
    return text[match.end():] if match else text


def normalise_marks(text: str) -> str:
    """`` and '' as straight quotes, AP's " _ " dash as an em dash, no optional-trim markers."""
    text = _OPTIONAL.sub("", text)
    text = re.sub(r"``\s?|\s?''", '"', text)
    text = re.sub(r"\s_\s", " — ", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def strip_marker(text: str) -> str:
    """A list item ("-- Khan's network …") as plain text."""
    return _MARKER.sub("", text)


def strip_copyright(text: str) -> str:
    return _COPYRIGHT.sub("", text).strip()


def strip_links(text: str) -> str:
    """Bare URLs out of a sentence, with the punctuation they leave behind."""
    if not _URL.search(text):
        return text
    text = _URL.sub("", text)
    return re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"[,;:]\s*(?=[.!?]|$)", "", text)).strip()


def drop_service_sentences(text: str) -> str:
    """Without sentences giving a phone number (reader service), crediting reporters or
    giving a writer's address."""
    if not (_PHONE.search(text) or _CREDIT_LINE.search(text)):
        return text
    return " ".join(s for s in _SENTENCE_END.split(text)
                    if not (_PHONE.search(s) or _CREDIT_LINE.search(s))).strip()



# Wire version tags before a headline: "3rd LD Writethru: …", "Roundup: …", "URGENT -- …".
_VERSION_TAG = re.compile(r"^(?:\d+(?:st|nd|rd|th) LD(?:[ -]Writethru)?|LD[ -]Writethru|Writethru|"
                          r"Roundup|Update \d+|Urgent|Flash|Bulletin)\s*(?::|--|-)\s*", re.I)


def strip_version_tag(title: str) -> str:
    return _VERSION_TAG.sub("", title)


def is_desk_line(text: str) -> bool:
    """A paragraph that is a desk note, a separator or a trailer."""
    text = text.strip()
    return bool(_DESK_LINE.match(text)) or (bool(text) and not re.search(r"[^\W_]", text))


def is_link_line(text: str) -> bool:
    """A line of an "On the Net:" list: "Merck: http://www.merck.com"."""
    return bool(_LINK_LINE.match(text.strip())) or bool(_ON_THE_NET.match(text.strip()))


def starts_link_block(text: str) -> bool:
    return bool(_ON_THE_NET.match(text.strip()))


# Reuters marks a stock symbol and an unlisted company in angle brackets: "Varian Associates
# <VAR> said", "<San Miguel Corp> (SMC)". A reader needs neither the symbol nor the brackets.
SYMBOL = re.compile(r"<([A-Z][A-Z0-9.]{0,6})>")
_SYMBOL_AFTER = re.compile(r"(?<=\S)\s*" + SYMBOL.pattern + r"(?=[\s,;:.)]|$)")
_COMPANY = re.compile(r"<([A-Z][\w&.,'’ -]{1,60})>")


def strip_symbols(text: str) -> str:
    """Without the stock symbols after names: "Varian <VAR>, Siemens" -> "Varian, Siemens"."""
    return _SYMBOL_AFTER.sub("", text)


def clean_paragraph(text: str) -> str:
    """One paragraph with every in-line rule applied ("" when nothing is left)."""
    text = _COMPANY.sub(r"\1", strip_symbols(text))
    text = _DESK_TAIL.sub("", normalise_marks(text))
    if is_desk_line(text):  # before any rule that could cut a desk note into a sentence
        return ""
    text = strip_marker(_CAPS_RUN.sub("", strip_dateline(text)))
    text = _INNER_DATELINE.sub("", drop_service_sentences(strip_links(strip_copyright(text))))
    text = strip_dateline(text)  # the story's own dateline once credit lines before it are gone
    return "" if is_desk_line(text) else text
