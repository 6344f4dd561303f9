"""Key figures: numbers with what they count, read from spaCy tokens.

A figure is a number (digits, words, "two dozen", "half"), its qualifier
("more than", "around"), its unit or counted noun, and what the sentence ties
it to. Years, dates, ordinals, times and page furniture are not figures.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from generator.extract.dates import MONTHS
from generator.model import Figure

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SMALL = {w: i for i, w in enumerate([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
TENS = {w: 10 * i for i, w in enumerate([
    "zero", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]) if i >= 2}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12}
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
         "billions": 1e9}
FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
ORDINALS = re.compile(r"^(\d+(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|"
                      r"eighth|ninth|tenth|eleventh|twelfth|\w+ieth|hundredth|thousandth)$", re.I)
QUALIFIERS = {
    "more than": "min", "over": "min", "above": "min", "at least": "min", "upwards of": "min",
    "just over": "min", "in excess of": "min", "no fewer than": "min", "as many as": "max",
    "up to": "max", "at most": "max", "fewer than": "max", "less than": "max", "under": "max",
    "below": "max", "nearly": "max", "almost": "max", "just under": "max", "close to": "approx",
    "around": "approx", "about": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "an approximate": "approx",
    "hundreds of": "min", "thousands of": "min", "dozens of": "min", "millions of": "min",
}
CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₪": "ILS"}
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
                  "pounds": "GBP", "rubles": "RUB", "roubles": "RUB", "shekels": "ILS",
                  "yuan": "CNY", "yen": "JPY", "usd": "USD", "eur": "EUR"}
DURATIONS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
PEOPLE = {"people", "persons", "person", "hostages", "hostage", "citizens", "civilians",
          "soldiers", "children", "women", "men", "lives", "gunmen", "militants", "residents",
          "troops", "victims", "dead", "journalists", "workers", "patients", "prisoners",
          "detainees", "refugees", "migrants", "fighters", "others", "casualties", "officers",
          "nationals", "israelis", "palestinians", "russians", "captives", "survivors",
          "deaths", "killed", "wounded", "injured", "members", "employees", "voters", "adults",
          "students", "families", "individuals", "staff"}
NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
MODIFIER_TAGS = {"JJ", "JJR", "JJS", "HYPH", "CC", ",", "VBG", "VBN", "NNP", "NNPS", "ADD"}
AUX = {"be", "is", "are", "was", "were", "been", "being", "have", "has", "had", "will", "would",
       "could", "may", "might", "still", "reportedly", "now", "all", "also", "then", "later"}
NAME_ENTS = {"PERSON", "ORG", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "LOC"}


def figures_in(sent: Span, sentence: str, article_id: str, date: str) -> list[Figure]:
    """The figures in one sentence (`sentence` is its text as shown to readers)."""
    figures: list[Figure] = []
    tokens = list(sent)
    i = 0
    while i < len(tokens):
        found = _figure_at(tokens, i, sentence, article_id, date, figures)
        if found is None:
            i += 1
            continue
        figure, end = found
        figures.append(figure)
        i = end
    return figures


def _figure_at(tokens: list[Token], i: int, sentence: str, article_id: str, date: str,
               earlier: list[Figure]) -> tuple[Figure, int] | None:
    start = i
    currency = ""
    if tokens[i].text in CURRENCY_SYMBOLS and i + 1 < len(tokens):
        currency = CURRENCY_SYMBOLS[tokens[i].text]
        i += 1
    number = _number(tokens, i)
    if number is None:
        return None
    value, end, vague = number
    if _not_a_figure(tokens, i, end, value):
        return None
    value_high = None
    if end + 1 < len(tokens) and tokens[end].lower_ in ("to", "-", "–", "and") and \
            (upper := _number(tokens, end + 1)) is not None and upper[0] > value and \
            (tokens[end].lower_ != "and" or _preceded(tokens, start, ("between",))):
        value_high, end = upper[0], upper[1]
    qualifier, q_start = _qualifier(tokens, start, vague)
    unit, counts, head_end = "", "", end
    if (end < len(tokens) and tokens[end].text in ("%",)) or \
            (end < len(tokens) and tokens[end].lower_ == "percent"):
        unit, counts, head_end = "%", "percent", end + 1
    elif end + 1 < len(tokens) and tokens[end].lower_ == "per" and tokens[end + 1].lower_ == "cent":
        unit, counts, head_end = "%", "percent", end + 2
    elif end < len(tokens) and tokens[end].lower_ in CURRENCY_WORDS:
        currency, head_end = CURRENCY_WORDS[tokens[end].lower_], end + 1
    if currency:
        unit, counts = currency, currency
    if not unit:
        counts, unit, head_end = _counted(tokens, end)
    if not unit:
        inherited = [f for f in earlier if f.kind in ("people", "count") and f.unit]
        if not inherited:
            return None
        unit, counts = inherited[-1].unit, inherited[-1].counts
    if unit.lower() in ("ago",) or _followed_by(tokens, head_end, ("ago",)):
        return None  # page furniture such as "4 hours ago"
    if tokens[head_end - 1].lower_ in MONTHS:
        return None
    if not math.isfinite(value) or (value_high is not None and not math.isfinite(value_high)):
        return None
    kind = _kind(unit, counts)
    text = " ".join(t.text for t in tokens[q_start:head_end])
    text = re.sub(r" ([,%])", r"\1", text).replace("$ ", "$").replace(" - ", "-")
    return Figure(
        value=value, value_high=value_high, text=text, qualifier=qualifier,
        bound=QUALIFIERS.get(qualifier, "exact"), unit=unit, counts=counts, kind=kind,
        refers_to=_refers_to(tokens, q_start, head_end), sentence=sentence,
        article_id=article_id, date=date,
    ), head_end


def parse_number(text: str) -> float | None:
    """A number written in digits: "1,200", "3.5", "12"; None for "1.200" (ambiguous)."""
    text = text.replace("\u2009", "").replace("\u202f", "")
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", text):
        return float(text.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        return None  # "1.200": thousands in some languages, 1.2 in English: do not guess
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    return None


def _number(tokens: list[Token], i: int) -> tuple[float, int, bool] | None:
    """(value, end index, vague) of a number starting at token i."""
    tok = tokens[i]
    low = tok.lower_
    if low in VAGUE:
        return float(VAGUE[low]), i + 1, True
    if low in FRACTIONS and _followed_by(tokens, i + 1, ("of",)):
        return FRACTIONS[low] * 100, i + 1, False
    value = parse_number(tok.text)
    end = i + 1
    if value is None:
        words_value = _number_words(tokens, i)
        if words_value is None:
            return None
        value, end = words_value
    elif tok.text.startswith("0") and len(tok.text) > 1 and "." not in tok.text:
        return None
    while end < len(tokens) and tokens[end].lower_ in SCALES:
        value *= SCALES[tokens[end].lower_]
        end += 1
    if end < len(tokens) and tokens[end].lower_ in ("dozen",):
        value *= 12
        end += 1
    return value, end, False


def _number_words(tokens: list[Token], i: int) -> tuple[float, int] | None:
    total, current, end = 0.0, 0.0, i
    seen = False
    while end < len(tokens):
        low = tokens[end].lower_
        if low in SMALL:
            current += SMALL[low]
        elif low in TENS:
            current += TENS[low]
        elif low == "hundred" and seen:
            current *= 100
        elif low in ("thousand", "million", "billion") and seen:
            total += current * SCALES[low]
            current = 0
        elif low in ("-", "and") and seen and end + 1 < len(tokens) and \
                tokens[end + 1].lower_ in SMALL | TENS:
            pass
        elif low == "a" and not seen and end + 1 < len(tokens) and \
                tokens[end + 1].lower_ in ("dozen", "hundred", "thousand", "million"):
            current = 1
        elif low == "dozen" and (seen or current):
            current = (current or 1) * 12
        else:
            break
        seen = True
        end += 1
    if not seen:
        return None
    return total + current, end


def _not_a_figure(tokens: list[Token], i: int, end: int, value: float) -> bool:
    tok = tokens[i]
    if ORDINALS.match(tok.text) or tok.ent_type_ in NAME_ENTS or tok.ent_type_ == "ORDINAL":
        return True
    if ":" in tok.text or "/" in tok.text:
        return True  # times and dates
    if end - i == 1 and tok.lower_ in ("one", "a", "zero"):
        return True  # "one of the", "a", mostly not a quantity
    prev_tok = tokens[i - 1].lower_.rstrip(".") if i > 0 else ""
    next_tok = tokens[end].lower_.rstrip(".") if end < len(tokens) else ""
    if prev_tok in MONTHS or next_tok in MONTHS:
        return True  # "October 7", "7 October"
    if re.fullmatch(r"(1[89]|20)\d\d", tok.text) and next_tok not in _PLURAL_HINT:
        return True  # a year
    return next_tok in ("a.m", "p.m", "am", "pm", "gmt", "utc", "o'clock")


_PLURAL_HINT = {"people", "hostages", "troops", "soldiers", "dollars", "euros", "%", "percent"}


def _qualifier(tokens: list[Token], start: int, vague: bool) -> tuple[str, int]:
    if vague:
        if _followed_by(tokens, start + 1, ("of",)):
            return f"{tokens[start].lower_} of", start
        return tokens[start].lower_, start
    for size in (3, 2, 1):
        if start - size < 0:
            continue
        phrase = " ".join(t.lower_ for t in tokens[start - size:start])
        if phrase in QUALIFIERS:
            return phrase, start - size
    return "", start


def _counted(tokens: list[Token], end: int) -> tuple[str, str, int]:
    """(counted phrase, head noun, end) for the noun phrase right after the number."""
    j = end
    if _followed_by(tokens, j, ("of",)):
        j += 1
        if _followed_by(tokens, j, ("the", "them", "those", "these")):
            j += 1
    head = -1
    stop = min(len(tokens), j + 8)
    k = j
    while k < stop:
        tok = tokens[k]
        if (tok.tag_ in NOUN_TAGS and tok.lower_ not in MONTHS) or \
                tok.lower_ in PEOPLE:
            head = k
        elif head >= 0 or tok.tag_ not in MODIFIER_TAGS:
            break
        k += 1
    if head < 0 or tokens[head].is_punct:
        return "", "", end
    phrase = " ".join(t.text for t in tokens[j:head + 1])
    phrase = re.sub(r" ([,])", r"\1", phrase).replace(" - ", "-")
    return phrase, tokens[head].lower_, head + 1


def _refers_to(tokens: list[Token], start: int, end: int) -> str:
    """The verb or phrase the figure is tied to: after it, else the verb just before."""
    k = end
    if k < len(tokens) and tokens[k].text in ("—", "–", "--", "("):
        closing = next((m for m in range(k + 1, len(tokens))
                        if tokens[m].text in ("—", "–", "--", ")")), None)
        k = closing + 1 if closing else k
    while k < len(tokens) and (tokens[k].lower_ in AUX or tokens[k].tag_ in ("RB", "MD")):
        k += 1
    words = []
    while k < len(tokens) and (tokens[k].tag_.startswith("VB") or tokens[k].tag_ == "JJ") and \
            len(words) < 3:
        words.append(tokens[k].text)
        k += 1
    if k + 1 < len(tokens) and tokens[k].tag_ == "IN" and tokens[k].lower_ in (
            "in", "among", "into", "from", "during", "on", "for", "of"):
        pp = [tokens[k].text]
        for tok in tokens[k + 1:k + 4]:
            if tok.is_punct or tok.tag_ in ("CC", "WDT", "IN"):
                break
            pp.append(tok.text)
            if tok.tag_ in NOUN_TAGS or tok.tag_.startswith("VB"):
                break
        if len(pp) > 1:
            words.extend(pp)
    if words:
        return " ".join(words)
    for tok in reversed(tokens[max(0, start - 3):start]):
        if tok.tag_ in ("VBG", "VBD", "VBN") and tok.lower_ not in AUX:
            return tok.text
    return ""


def _kind(unit: str, counts: str) -> str:
    if unit == "%":
        return "percent"
    if unit.isupper() and len(unit) == 3:
        return "money"
    if unit.rstrip("s") in DURATIONS or unit in ("centuries",):
        return "duration"
    if unit in PEOPLE or counts.split(" ")[-1].lower() in PEOPLE:
        return "people"
    return "count"


def _followed_by(tokens: list[Token], k: int, options: tuple[str, ...]) -> bool:
    return k < len(tokens) and tokens[k].lower_ in options


def _preceded(tokens: list[Token], k: int, options: tuple[str, ...]) -> bool:
    return any(t.lower_ in options for t in tokens[max(0, k - 2):k])


KIND_RANK = {"people": 0, "money": 1, "duration": 2, "percent": 3, "count": 4}


def rank(figures: list[Figure]) -> list[Figure]:
    """Figures about people first, then money and durations; larger numbers first within."""
    return sorted(figures, key=lambda f: (KIND_RANK[f.kind], -f.value, f.text, f.article_id))
