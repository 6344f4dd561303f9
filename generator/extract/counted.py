"""The counted noun phrase: what a number counts, read over spaCy tokens ("59 remaining
hostages", "one of the proudest moments in his life"), and where its describing words start
and end; and the verb or phrase a figure is tied to (`refers_to`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.dates import MONTHS
from generator.extract.numbers import token_at
from generator.extract.units import DURATIONS, PEOPLE, UNITS, WEEKDAYS
from generator.text import STOP_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

AUX = {"be", "is", "are", "was", "were", "been", "being", "have", "has", "had", "will", "would",
       "could", "may", "might", "still", "reportedly", "now", "all", "also", "then", "later"}
NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
DETERMINERS = ("the", "them", "those", "these", "my", "his", "her", "its", "our", "their", "your")
TIME_REFERENCES = {"last", "next", "this"}
MODIFIER_TAGS = {"JJ", "JJR", "JJS", "RBS", "HYPH", "CC", ",", "VBG", "VBN", "NNP", "NNPS", "ADD"}
PLURAL_MODIFIERS = {"appeals", "rights", "sales", "sports", "arms", "savings", "customs", "earnings", "goods",
                    "attorneys", "species", "series", "means", "headquarters", "services", "operations",
                    "affairs"}
# "three other counts Friday", "versus 29 yesterday": when, not what
CALENDAR = MONTHS.keys() | WEEKDAYS | {"yesterday", "today", "tomorrow", "tonight"}
# Before a number, spaCy's stop words ("other", "last", "first", "several") place or quantify what is
# counted without saying what it is; "top" does ("the top three seeds").
PLAIN_MODIFIERS = STOP_WORDS - {"top"} | {"past"} | {
    "preliminary", "total", "average", "whopping", "staggering"}  # these describe the amount


def counted_after(tokens: list[Token], end: int, one: bool = False) -> tuple[str, str, int]:
    """(counted phrase, head noun, end) for the noun phrase right after the number. A
    number other than `one` hyphened to a singular noun, or before a singular unit, counts
    that noun, not the one it modifies: "four-cylinder engine", "30 year rate"; and
    "6.5 times earnings" counts times."""
    if end > 0 and len(tokens[end - 1].text) > 1 and tokens[end - 1].text.endswith("-"):
        return "", "", end  # "four-, five- and six-cylinder": see unsaid.suspended_after
    if token_at(tokens, end) in ("times", "second"):  # "a 4.3 second 40 yard dash": not an ordinal
        return tokens[end].text, tokens[end].lower_, end + 1
    j = direct = end + (token_at(tokens, end) == "-")  # "four-cylinder engine"
    if followed_by(tokens, j, ("of",)):
        j += 1
        if followed_by(tokens, j, (*DETERMINERS, "a", "an", "all")):
            j += 1  # "one-third of all cell phone cameras"
    if token_at(tokens, j) == "or" and token_at(tokens, j + 1) in ("more", "fewer", "less", "so"):
        j += 2  # "chain restaurants with 20 or more locations"
    if token_at(tokens, j, "tag_") in ("CC", ",", "HYPH"):
        return "", "", end  # "33,000, including …", "scores and improving scores": no phrase starts so
    head = -1
    k, limit = j, j + 8
    while k < min(len(tokens), limit):
        tok = tokens[k]
        if head >= 0 and tok.tag_ == "POS" and k + 1 < len(tokens):
            head = -1  # "one of the region's most prolific killers": the noun so far was the possessor
        elif head >= 0 and tok.tag_ == "HYPH" and token_at(tokens, k + 1, "tag_") in ("VBN", "NN", "JJ") and \
                not tok.whitespace_ and not tokens[k - 1].whitespace_:
            # "four bullet-ridden bodies", "three mail-bomb attacks": the noun so far modifies; read on
            head, limit = -1, limit + 2
        elif (tok.tag_ in NOUN_TAGS and tok.lower_.rstrip(".") not in CALENDAR) or tok.lower_ in PEOPLE:
            if head >= 0 and tokens[head].tag_ == "NNS" and tok.tag_ in ("NN", "NNP", "NNPS") and \
                    tokens[head].lower_ not in PLURAL_MODIFIERS and not tokens[head].lower_.endswith("ics"):
                break  # "gave the six astronauts plenty of time", "12 months probation", "one of the reasons
                # James Marsden took": a plural noun modifies no singular one or name, but for a few ("one
                # federal appeals court")
            head = k
            if k == direct and (not one or direct > end) and tok.tag_ == "NN" and token_at(
                    tokens, k + 1, "tag_") in ("NN", "NNS", "NNP" if direct > end else "NN") and (
                    direct > end or tok.lower_ in DURATIONS or tok.lower_ in UNITS):
                break  # "the 10-year Treasury yield" counts years
        elif head < 0 and k == j > direct and (after := number_compound(tokens, k)) > k:
            k = after  # "five of the three-ton satellites", "two of the 20-year-old suspects": describes them
            continue
        elif head == k - 1 and head - 2 >= j and _hyphened(tokens, head) and tok.tag_ == "JJ" and \
                token_at(tokens, k + 1, "tag_") in ("NN", "NNS"):
            head = -1  # "two off-duty British soldiers": the hyphened noun and the adjective both modify
        elif head >= 0 and tokens[head].tag_ in ("NNP", "NNPS") and tok.tag_ == "CC" and \
                token_at(tokens, k + 1, "tag_") == "NNP" and token_at(tokens, k + 2, "tag_") in ("NN", "NNS"):
            pass  # "dozens of Kia and Hyundai vehicles": the names modify a later noun
        elif head >= 0 or (tok.tag_ not in MODIFIER_TAGS and not (k > j and _model_number(tokens, k))):
            break
        k += 1
    if head < 0 or tokens[head].is_punct or (head == j + 1 and tokens[j].lower_ in TIME_REFERENCES):
        return "", "", end  # "2.1 last year": when, not what
    stop = _of_phrase(tokens, head)
    if _label(tokens, j, stop):
        return "", "", end
    while j < head and tokens[j].text in PLAIN_MODIFIERS and tokens[j].whitespace_:  # not "US", "first-team"
        j += 1  # "two other patients", "one of the only people": these place, they do not say what is counted
    phrase = " ".join(t.text for t in tokens[j:stop])
    phrase = re.sub(r" ([,]|['’]s\b)", r"\1", phrase).replace(" - ", "-")
    return phrase, tokens[head].lower_, stop


def _of_phrase(tokens: list[Token], head: int) -> int:
    """Where the counted phrase ends: after an "of" phrase of common nouns that says what the
    counted noun is of ("65 snaps of man coverage", "one of the proudest moments of his life"),
    else after the head. Names ("five new seasons of Sesame Street") and units stay apart."""
    if token_at(tokens, head + 1) != "of" or tokens[head].tag_ not in ("NN", "NNS") or \
            tokens[head].lower_ in UNITS:
        return head + 1
    k = head + 2 + (token_at(tokens, head + 2, "tag_") in ("DT", "PRP$"))
    stop = head + 1
    while k < min(len(tokens), head + 7) and tokens[k].tag_ in ("JJ", "NN", "NNS", "HYPH"):
        if tokens[k].tag_ in ("NN", "NNS") and tokens[k].lower_ not in CALENDAR:
            stop = k + 1
        k += 1
    return stop if k == len(tokens) or tokens[k].tag_ not in ("NNP", "NNPS", "CD") else head + 1


def _label(tokens: list[Token], j: int, stop: int) -> bool:
    """Words after a number that head the next row of a table, not what the number counts: "Net
    7,585,000 vs 6,346,000 Sales 65.9 mln", "Revs 136.4 mln vs 133.3 mln Note: 1986 net excludes": a
    capitalised word that names nothing, then a number, or a capitalised common noun and a colon."""
    after = token_at(tokens, stop, "text")
    return tokens[j].text[:1].isupper() and all(t.ent_type_ in ("", "CARDINAL") for t in tokens[j:stop]) and \
        ((after == ":" and tokens[stop - 1].tag_ in ("NN", "NNS")) or  # not a name's: "11 Pro Max:"
         (any(c.isdigit() for c in after) and tokens[stop].like_num))


def number_compound(tokens: list[Token], k: int) -> int:
    """Where a number joined by hyphens to words ends ("three-ton", "20-year-old"), or k if none starts
    at k."""
    end = k
    while token_at(tokens, end + 1, "text") == "-" and not tokens[end].whitespace_ and \
            not tokens[end + 1].whitespace_ and token_at(tokens, end + 2, "is_alpha") and (
            end > k or tokens[k].like_num):
        end += 2
    return end + 1 if end > k else k


def _hyphened(tokens: list[Token], k: int) -> bool:
    """Token k is the end of a word joined by a hyphen: "off-duty", "long-range"."""
    return k >= 2 and tokens[k - 1].tag_ == "HYPH" and not tokens[k - 1].whitespace_ and \
        not tokens[k - 2].whitespace_ and tokens[k - 2].is_alpha


def _model_number(tokens: list[Token], k: int) -> bool:
    """ "two new 737 Max jets": digits then a name go on inside a counted phrase ("4.3M sales" do not)."""
    name = token_at(tokens, k + 1, "text")
    return tokens[k].text.isdigit() and token_at(tokens, k + 1, "tag_") in ("NNP", "NNPS") and \
        len(name) > 1 and name[0].isupper()


def modifiers_before(tokens: list[Token], k: int) -> int:
    """Where a counted noun phrase starts whose describing words come before the number, after a
    determiner: "the top three seeds", "a record 32 goals", "the remaining 59 hostages" (k: the
    number's first token). Words that only place or quantify ("the last three", "the other two")
    and plain adjectives, which mostly describe the amount ("a robust 216,000 jobs"), are not kept."""
    j = k
    while j > 0 and k - j < 2 and tokens[j - 1].lower_ not in PLAIN_MODIFIERS and (
            tokens[j - 1].tag_ in ("JJS", "NN", "VBG") or tokens[j - 1].lower_ == "top"):
        j -= 1
    return j if j < k and token_at(tokens, j - 1, "tag_") in ("DT", "PRP$", "POS") else k


def said_of(tokens: list[Token], k: int) -> int:
    """Where the words that go on describing a counted noun end (k: after the noun): an infinitive
    ("the largest dinosaurs to ever live", "the most spectacular catches ever to grace a World Cup
    match") or a phrase of a possessive ("the proudest moments in his life"); not a number's."""
    j = k + (token_at(tokens, k) == "ever")
    if token_at(tokens, j) == "to" and "VB" in (token_at(tokens, k, "tag_") for k in (j + 1, j + 2)):
        end = j + 1
        while end < min(len(tokens), j + 8) and not tokens[end].like_num and tokens[end].tag_ not in (
                ",", ".", ":", "CC", "WDT", "WP", "-LRB-", "``", "''"):
            end += 1
        return end
    if token_at(tokens, k) in ("in", "of") and token_at(tokens, k + 1, "tag_") == "PRP$":
        end = k + 2
        while token_at(tokens, end, "tag_") in ("JJ", "NN", "NNS"):
            end += 1
        return end if end > k + 2 else k
    return k


def followed_by(tokens: list[Token], k: int, options: tuple[str, ...]) -> bool:
    return k < len(tokens) and tokens[k].lower_ in options


def refers_to(tokens: list[Token], start: int, end: int) -> str:
    """The verb or phrase the figure is tied to: after it, else the verb just before."""
    k = end
    if k < len(tokens) and tokens[k].text in ("—", "–", "--", "("):
        closing = next((m for m in range(k + 1, len(tokens))
                        if tokens[m].text in ("—", "–", "--", ")")), None)
        k = closing + 1 if closing else k
    while k < len(tokens) and (tokens[k].lower_ in AUX or tokens[k].tag_ in ("RB", "MD")):
        k += 1
    words: list[str] = []
    while k < len(tokens) and (tokens[k].tag_.startswith("VB") or tokens[k].tag_ == "JJ") and \
            len(words) < 3:
        words.append(tokens[k].text)
        k += 1
    if k + 1 < len(tokens) and tokens[k].tag_ == "IN" and tokens[k].lower_ in (
            "in", "among", "into", "from", "during", "on", "for", "of"):
        phrase = [tokens[k].text]
        for tok in tokens[k + 1:k + 4]:
            if tok.is_punct or tok.tag_ in ("CC", "WDT", "IN"):
                break
            phrase.append(tok.text)
            if tok.tag_ in NOUN_TAGS or tok.tag_.startswith("VB"):
                break
        if len(phrase) > 1:
            words.extend(phrase)
    if words:
        return " ".join(words)
    for tok in reversed(tokens[max(0, start - 3):start]):
        if tok.tag_ in ("VBG", "VBD", "VBN") and tok.lower_ not in AUX:
            return tok.text
    return ""
