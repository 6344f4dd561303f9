"""Key figures: numbers with what they count, read from spaCy tokens.

A figure is a number (see `numbers.py`), its qualifier ("more than", "around"),
its unit or counted noun, a range when one is given, and what the sentence ties
it to. Years, dates, ordinals, times, model numbers, addresses and page
furniture ("4 hours ago") are not figures.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from generator.dates import MONTHS
from generator.extract.counted import (
    DETERMINERS,
    counted_after,
    followed_by,
    modifiers_before,
    number_compound,
    refers_to,
    said_of,
)
from generator.extract.measures import (
    age_at,
    cents_after,
    glued_unit,
    magnitude_at,
    rate_after,
    unit_after,
    yen_sign,
)
from generator.extract.numbers import (
    Number,
    currency_before,
    may_start_number,
    read_number,
    scaled_by_code,
    token_at,
    unit_follows,
)
from generator.extract.ranges import RANGE_WORDS, change_end, opening_before, range_end, score_end
from generator.extract.symbols import symbol_unit
from generator.extract.units import (
    AMBIGUOUS_NAMES,
    CASED_UNITS,
    DATED,
    DURATIONS,
    PEOPLE,
    QUALIFIERS,
    STREETS,
    TIMES,
    UNITS,
)
from generator.extract.unsaid import set_against_later, unsaid_unit
from generator.model import Figure

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

NAME_ENTS = {"PERSON", "ORG", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "LOC"}
# A number after these names a thing rather than counting: "a category 4 hurricane", "type 2 diabetes",
# "the sp 500" (stock indexes, in lower case where NER does not see the name).
LABELS = {"category", "level", "grade", "phase", "stage", "type", "no", "number", "round", "chapter",
          "article", "section", "episode", "page", "vol", "volume", "s&p", "sp", "ftse", "nikkei", "russell",
          "dax", "cac", "asx", "stoxx", "kospi", "nasdaq",
          # and places by their numbers: "the interchange with highway 35 ... ( exit 436 )", "gate 12"
          "highway", "route", "exit", "interstate", "gate", "platform"}
CODE = re.compile(r"\d+(?:-\d+){2,}")
YEAR = re.compile(r"1\d{3}|2[01]\d\d")
SHORT_MONTHS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
ORDINALS = re.compile(r"^(\d+(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|"
                      r"eighth|ninth|tenth|eleventh|twelfth|\w+ieth|hundredth|thousandth)$", re.I)


def figures_in(sent: Span, sentence: str, article_id: str, date: str) -> list[Figure]:
    """The figures in one sentence (`sentence` is its text as shown to readers)."""
    figures: list[tuple[str, Figure]] = []  # with the word before each: a later bare number may echo it
    spans: list[tuple[int, int]] = []
    tokens = list(sent)
    i = 0
    while i < len(tokens):
        found = _figure_at(tokens, i, sentence, article_id, date, figures)
        if found is None:
            i += 1
            continue
        figures.append(found[:2])
        spans.append((i, found[2]))
        # "five of the three-ton satellites": the number that describes what is counted is a figure too
        i = next((k for k in range(i + 2, found[2]) if tokens[k - 2].lower_ == "of" and
                  tokens[k - 1].lower_ in DETERMINERS and number_compound(tokens, k) > k), found[2])
    return set_against_later(tokens, spans, [figure for _, figure in figures])


def _figure_at(tokens: list[Token], i: int, sentence: str, article_id: str, date: str,
               earlier: list[tuple[str, Figure]]) -> tuple[str, Figure, int] | None:
    start = i
    currency, i = currency_before(tokens, i)
    if i >= len(tokens) or not may_start_number(tokens[i].text):
        return None
    number = read_number(tokens, i, bool(currency))
    if number is None or _not_a_figure(tokens, i, number, bool(currency)):
        return None
    number = scaled_by_code(tokens, start, number) if i == start + 1 else number
    currency = yen_sign(tokens, start, number.currency or currency)  # "$" "A82,615,680": Australian dollars
    value, high, end = number.value, number.high, number.end
    qualifier, q_start = _qualifier(tokens, start, number)
    opening = opening_before(tokens, q_start)
    if opening == "by" and (currency or number.unit):
        opening = ""  # "increased by $43.6 billion to $419.2 billion": a change, then a level
    score = score_end(tokens, i, number) if not currency else None
    if score is not None:  # a tie ("at 2-2") is one number
        high, end = (score[0] if score[0] != value else None), score[1]
    if high is None and (span := range_end(tokens, end, number, opening=opening)) is not None:
        value, high, end = span[:3]
        number = number if number.unit else replace(number, unit=span[3].unit)  # "~25 – 40min"
        currency = currency or span[3].currency  # "about 8 or $9"
    unit, counts, head_end = unit_after(tokens, end, number, currency) if score is None else ("", "", end)
    if unit and high is None and (span := range_end(tokens, head_end, number, unit, opening)) is not None:
        value, high, head_end = span[0], span[1], unit_after(tokens, span[2], span[3], currency)[2]
    elif unit in ("USD", "EUR") and high is None and not number.scaled and (
            cents := cents_after(tokens, head_end)) is not None:
        value, head_end = value + cents[0] / 100, cents[1]  # "thirteen dollars and forty-five cents"
    lead = q_start
    if not unit and score is None and (size := magnitude_at(tokens, q_start, end)) is not None:
        unit, counts, lead, head_end = size  # "magnitude 6.5" is shown with its word
    if unit in ("", "year") and score is None and age_at(tokens, i, end, value):
        unit, counts = "year of age", "years old"
        head_end = max(head_end, end + (token_at(tokens, end) in ("year", "years")))
    if not unit and score is None:
        counts, unit, head_end = counted_after(tokens, end, one=value == 1 and high is None)
        unit = UNITS.get(unit, unit)  # "hundreds of miles" counts a unit of measure
        rate, head_end = rate_after(tokens, head_end)  # "40 to 50 hours a week", "3000 tests per day"
        unit += f" per {rate}" if unit and rate else ""
    gap = None  # words between the ends of a change: left out of the figure's text
    if opening == "from" and high is None and (change := change_end(tokens, head_end, unit)) is not None:
        high, gap = change[0], (head_end, change[3])
        if not unit:
            unit, counts = change[1], change[2]
        head_end = change[4]
    if not unit and score is None:
        unit, counts = unsaid_unit(tokens, start, q_start, end, value, earlier)
        if not unit and not any(c.isdigit() for c in tokens[i].text):
            return None  # a number word with nothing counted ("all three had") says too little
    if followed_by(tokens, head_end, ("ago",)) or tokens[head_end - 1].lower_.rstrip(".") in MONTHS:
        return None  # "4 hours ago" is page furniture; "7 Oct." a date
    # "one of the best screens", "one particular demand": kept, but not a key figure
    in_passing = tokens[i].lower_ == "one" and high is None and not _noun_follows(tokens, number.end) and \
        number.unit != "fraction"  # "One out of three Germans" is a share
    if in_passing and counts and token_at(tokens, number.end) == "of":  # "one of the proudest moments in his
        # life": what goes on describing the noun says which one
        counts = " ".join([counts, *(t.text for t in tokens[head_end:said_of(tokens, head_end)])])
    if not math.isfinite(value) or (high is not None and not math.isfinite(high)):
        return None
    # "the top three seeds" counts top seeds; "lost his pen 7 times" counts times, not pen times: how often,
    # or a multiple, says nothing of the noun before it
    if not qualifier and counts and _kind(unit, counts) in ("count", "people") and unit != "times":
        lead = modifiers_before(tokens, q_start)
        counts = " ".join([*(t.text for t in tokens[lead:q_start]), counts])
    shown = tokens[lead:head_end] if gap is None else [*tokens[lead:gap[0]], tokens[gap[1] - 1],
                                                       *tokens[gap[1]:head_end]]
    text = " ".join(t.text for t in shown)
    text = re.sub(r" ([,%]|['’]s\b)", r"\1", text).replace("$ ", "$").replace(" - ", "-")
    text = re.sub(r"([€£¥₹₿]) (?=\d)", r"\1", text)  # "£5-£10"
    text = re.sub(r"(\d) (['\"])$", r"\1\2", text) if counts in ("′", "″") else text  # "30'", "55\""
    text = re.sub(r"(\d[A-Za-z]*)\)-[a-z]+", r"\1", text)  # "(121ft)-long" read as one token
    text = re.sub(r" ([(\[{<]) (\S+) ([)\]}>])$", r" \1\2\3", text)  # "20 (kg)"
    if symbol_unit(counts):  # "2 mg/L", "45 °C", and not the full stop read with "230 V."
        text = re.sub(r"° (?=[CF]\b)", "°", text.replace(" / ", "/")).removesuffix(".")
    return token_at(tokens, q_start - 1), Figure(
        value=value, value_high=high, text=text, qualifier=qualifier,
        bound=QUALIFIERS.get(qualifier, "min" if number.vague else "exact"), unit=unit,
        counts=counts, kind=_kind(unit, counts, in_passing), refers_to=refers_to(tokens, lead, head_end),
        sentence=sentence, article_id=article_id, date=date,
    ), head_end


def _not_a_figure(tokens: list[Token], i: int, number: Number, money: bool) -> bool:
    tok = tokens[i]
    if _code(tokens, i) or number.unit == "D" or (re.fullmatch(r"PS\d", tok.text) and not number.scaled) or (
            token_at(tokens, number.end) == "-" and re.fullmatch(r"[A-Z]", token_at(tokens, number.end + 1,
                                                                                   "text"))):
        return True  # "303-954-2359"; "3-D", "3D" is a kind of image, not a count; "PS5" a console, not £5
    before = token_at(tokens, i - 1, "text")  # both tests below need one of these before or after
    if (before in ("(", ")", "-") or before.isdigit()) and _phone(tokens, i):
        return True  # "on 0207 938 6364", "call ( 866 ) 895-2708"
    if (before == "-" or token_at(tokens, number.end) == "-") and _ratio(tokens, i, number):
        return True  # "a three-for-two stock split", "6-of-9 from the field": a ratio, not an amount
    if glued_unit(tokens, number) == "K" and not money and not number.currency and number.value in (2, 4, 8):
        return True  # "4K", "8K": a video resolution's name, not four kelvin
    if ORDINALS.match(tok.text) or (tok.ent_type_ == "ORDINAL" and not number.unit) or \
            ":" in tok.text or ("/" in tok.text and number.unit != "fraction" and
                                not unit_follows(tokens, number.end)):
        return True
    measured = bool(money or number.currency or number.unit or unit_after(tokens, number.end, number, "")[0])
    if tok.ent_type_ in NAME_ENTS and not measured and token_at(tokens, number.end, "text") != "times":
        return True  # "Boeing 787", "S&P 500"; not "call Bob 3 times", read as one name
    if number.end - i == 1 and tok.lower_ in ("one", "a", "an", "zero") and not _noun_follows(
            tokens, i + 1) and not (token_at(tokens, i + 1) in RANGE_WORDS and read_number(tokens, i + 2)) \
            and not (tok.lower_ == "one" and (measured or _one_of(tokens, i + 1))):
        return True  # "a", "one" alone: mostly not a quantity
    prev_tok = tokens[i - 1] if i > 0 else None
    prev = prev_tok.lower_.rstrip(".") if prev_tok is not None else ""
    nxt = tokens[number.end].lower_.rstrip(".") if number.end < len(tokens) else ""
    doc, k = tok.doc, tok.i  # the sentence splitter may have ended a sentence at the month's full stop
    if k >= 2 and doc[k - 1].text == "." and doc[k - 2].text in SHORT_MONTHS and not doc[k - 2].whitespace_:
        prev = doc[k - 2].lower_  # "paid nov. 6": a month written in lower case, its full stop apart
    amount = money or bool(number.currency) or number.unit == "%" or nxt in ("%", "percent", "pct", "per")
    dated = (prev in MONTHS or nxt in MONTHS) and _day_or_year(tok.text, number, amount)
    if dated or (prev in ("-", "–") and (
            token_at(tokens, i - 3).rstrip(".") in MONTHS or YEAR.fullmatch(token_at(tokens, i - 2)))):
        return True  # "October 7", "7 October", "from April 13-17", "the 2020-21 season"
    if not measured and (prev in LABELS or (tok.text.startswith("-") and prev_tok is not None and len(
            prev_tok.text) > 2 and prev_tok.text.isupper()) or _model_name(tokens, i, number)):
        return True  # "a category 4 hurricane", "COVID -19", "Boeings own 787 Dreamliner"
    if prev_tok is not None and prev_tok.tag_ in ("NNP", "NN") and prev_tok.text[:1].isalpha() \
            and (prev_tok.tag_ == "NNP" or prev_tok.text[:1].isupper()) and not measured \
            and prev not in QUALIFIERS and token_at(tokens, number.end, "tag_") != "NNS" \
            and not age_at(tokens, i, number.end, number.value):
        return True  # a name's number: "Section 427", "Fortune 100", "iPhone 11", "Flight 370"
    if prev_tok is not None and prev_tok.tag_ == "NNP" and len(number.unit) > 1 and \
            number.unit.isupper() and number.unit.lower() not in UNITS and number.unit not in CASED_UNITS \
            and not symbol_unit(number.unit):
        return True  # letters no unit spells, glued to a name's number: "iPhone 3GS"
    after = number.end + 2 * (nxt in ("-", "–") and bool(read_number(tokens, number.end + 1)))
    if _street(tokens, after):  # "16-18 Industrial Avenue" too
        return True
    if YEAR.fullmatch(tok.text) and not measured and (
            (token_at(tokens, number.end, "tag_") != "NNS" and nxt not in PEOPLE) or (
            prev in ("and", "to") and YEAR.fullmatch(token_at(tokens, i - 2, "text"))) or (
            tok.text[:2] in ("19", "20") and nxt in DATED)):
        return True  # a year, "1986 results", or the second of two: "Between 1600 and 1900"
    if nxt == ")" and not measured and tok.text.isdigit() and int(tok.text) <= 20 and \
            all(t.text != "(" for t in tokens[:i]):
        return True  # a list's marker: "it 's what 1 ) explains why … ; 2 ) cautions that …"
    return nxt in TIMES or number.unit.lower() in TIMES  # "9 p.m.", "at 10.45pm last night"


def _day_or_year(text: str, number: Number, amount: bool) -> bool:
    """A number next to a month that can be its day or year: "October 7", "7 October", "October 2019",
    "Apr. 4on" (glued to the next word); not "In March 2,000 workers went on strike", "By June 3.5 million
    doses", "In May 40 percent of voters" (no day has a thousands separator, a decimal point, a scale, a
    currency or a percent sign). Number words stay dates ("Four April Fools' Days ago")."""
    if YEAR.fullmatch(text) or not text[:1].isdigit():
        return True
    day = re.match(r"\d{1,2}(?![\d.,])", text)
    return day is not None and 1 <= int(day[0]) <= 31 and not number.scaled and not amount


def _code(tokens: list[Token], i: int) -> bool:
    """Digits in a run of three or more groups joined by hyphens: a phone number ("303-954-2359"),
    an ISO date or a code, never a quantity."""
    start = end = i
    while start > 0 and not tokens[start - 1].whitespace_ and i - start < 4:
        start -= 1
    while end + 1 < len(tokens) and not tokens[end].whitespace_ and end - i < 4:
        end += 1
    return start < end and CODE.search("".join(t.text for t in tokens[start:end + 1])) is not None


LOCAL_NUMBER = re.compile(r"\d{3}-\d{4}$")


def _phone(tokens: list[Token], i: int) -> bool:
    """Groups of a telephone number: digits after a group with a leading zero ("0207 938 6364", "0845 250
    7170"), or an area code in brackets and a local number ("( 866 ) 895-2708", "(866) 895-2708")."""
    text = tokens[i].text
    if not text.replace("-", "").isdigit():
        return False
    k = i - 1
    while text.isdigit() and k >= max(0, i - 2) and tokens[k].text.isdigit():
        if tokens[k].text.startswith("0") and len(tokens[k].text) >= 3:
            return True
        k -= 1
    if len(text) == 3 and text.isdigit() and [token_at(tokens, i - 1), token_at(tokens, i + 1)] == ["(", ")"]:
        return LOCAL_NUMBER.match(_glued(tokens, i + 2)) is not None
    k = i - 2 if token_at(tokens, i - 1) == "-" else i  # the local number's first group, or its second
    return LOCAL_NUMBER.match(_glued(tokens, k)) is not None and token_at(tokens, k - 1) == ")" and \
        re.fullmatch(r"\d{3}", token_at(tokens, k - 2, "text")) is not None


def _glued(tokens: list[Token], k: int) -> str:
    """The text of tokens[k:k + 3] written without spaces between them ("895" "-" "2708")."""
    end = k
    while end < min(len(tokens), k + 3) and (end == k or not tokens[end - 1].whitespace_):
        end += 1
    return "".join(t.text for t in tokens[k:end])


RATIO = re.compile(r"(for|of)(-\d+)?")


def _ratio(tokens: list[Token], i: int, number: Number) -> bool:
    """Either side of a ratio written with hyphens: "three-for-two", "6-of-9", "3-for-4"."""
    if token_at(tokens, number.end) == "-" and not tokens[number.end - 1].whitespace_ and \
            (tail := RATIO.fullmatch(token_at(tokens, number.end + 1))) is not None:
        return bool(tail[2]) or (token_at(tokens, number.end + 2) == "-" and
                                 read_number(tokens, number.end + 3) is not None)
    return i >= 4 and [t.lower_ for t in tokens[i - 3:i]] in (["-", "for", "-"], ["-", "of", "-"]) and \
        tokens[i - 4].like_num and not tokens[i - 1].whitespace_


def _model_name(tokens: list[Token], i: int, number: Number) -> bool:
    """Digits that a singular proper noun ends: "787 Dreamliner", "11 Pro Max" (not "5 Americans",
    nor "up to 9000 Falash Mura")."""
    if not tokens[i].text.isdigit() or token_at(tokens, number.end, "tag_") != "NNP" or \
            not token_at(tokens, number.end, "text")[:1].isupper():
        return False
    phrase, _, end = counted_after(tokens, number.end)
    return bool(phrase) and tokens[end - 1].tag_ == "NNP" and not _qualifier(tokens, i, number)[0]


def _one_of(tokens: list[Token], k: int) -> bool:
    """ "one of the people", "one of my local stores", "one particular demand"."""
    if token_at(tokens, k) == "of":
        return token_at(tokens, k + 1) in DETERMINERS
    while token_at(tokens, k, "tag_") in ("JJ", "JJS"):
        k += 1
    return k > 0 and _noun_follows(tokens, k)


def _noun_follows(tokens: list[Token], k: int) -> bool:
    return k < len(tokens) and tokens[k].tag_ in ("NN", "NNS") and tokens[k].lower_ not in ("of",)


def _street(tokens: list[Token], k: int) -> bool:
    """ "49 Zorro Ranch Road", "9 E 71st St": capitalised words ending in a street word."""
    words: list[str] = []
    while k < len(tokens) and len(words) < 4 and (
            tokens[k].text[:1].isupper() or ORDINALS.match(tokens[k].text)):
        words.append(tokens[k].lower_.rstrip("."))
        k += 1
    return bool(words) and words[-1] in STREETS


def _qualifier(tokens: list[Token], start: int, number: Number) -> tuple[str, int]:
    if number.approx:
        return "~", start
    if number.vague:
        return number.vague + (" of" if followed_by(tokens, number.end, ("of",)) else ""), start
    for size in (3, 2, 1):
        if start - size >= 0:
            phrase = " ".join(t.lower_ for t in tokens[start - size:start])
            if phrase in QUALIFIERS:
                return phrase, start - size
    return "", start


def _kind(unit: str, counts: str, in_passing: bool = False) -> str:
    if not unit or in_passing:
        return "number"  # a bare number: kept in digest.json, left out of digest tables
    head = unit.partition(" per ")[0]  # "% per year" is a percentage, "hours per week" a duration
    if head in ("%", "percentage point", "fraction"):
        return "percent"
    if re.fullmatch(r"[A-Z]{3}( per .*)?", unit):
        return "money"
    if head.rstrip("s") in DURATIONS or unit == "centuries":
        return "duration"
    if unit in PEOPLE or counts.split(" ")[-1].lower() in PEOPLE:
        return "people"
    if head in UNITS.values() or unit in CASED_UNITS.values() or unit in AMBIGUOUS_NAMES or \
            unit == "Richter scale" or symbol_unit(counts):
        return "measure"
    return "count"


KIND_RANK = {"people": 0, "money": 1, "duration": 2, "percent": 3, "measure": 4, "count": 5, "number": 6}


def rank(figures: list[Figure]) -> list[Figure]:
    """Figures about people first, then money and durations; larger numbers first within."""
    return sorted(figures, key=lambda f: (KIND_RANK[f.kind], -f.value, f.text, f.article_id))
