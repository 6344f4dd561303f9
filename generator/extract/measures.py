"""Reading what a number measures: units, rates, ages and earthquake magnitudes.

`unit_after` reads the unit after a number (percent, currency words, measures, rates), or
else the noun phrase it counts (`generator.extract.counted`: "59 remaining hostages").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract.counted import DETERMINERS, NOUN_TAGS, counted_after
from generator.extract.numbers import Number, may_start_number, read_number, token_at
from generator.extract.symbols import symbol_unit
from generator.extract.units import (
    AMBIGUOUS_UNITS,
    CASED_UNITS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DURATIONS,
    MONEY_WORDS,
    ONE_COUNTRY_CURRENCY,
    SCALED_CURRENCY_WORDS,
    SYMBOLS_AFTER,
    UNITS,
    ambiguous_unit,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

CURRENCY_FIRST_WORDS = {name.split()[0] for name in CURRENCY_WORDS if " " in name}
RATE_WORDS = {"h": "hour", "hr": "hour", "hrs": "hour", "cents": "cent", "yr": "year", "sec": "second",
              "million": "million", "billion": "billion"}  # "1200 parts per million"
# "m" after a number is metres once read_number has found it is not millions ("the 37m-long").
MEASURES = {**UNITS, "m": "metre"}
RESOLUTIONS = {240, 360, 480, 720, 1080, 1440, 2160}  # "1080p" is a video format, not pence
WEIGHT_CUES = {"weigh", "weighs", "weighed", "weighing", "weight", "heavy", "heavier", "lighter",
               "exercising", "diet", "shed", "obese", "overweight"}
BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}
LENGTH_AFTER = {"long", "high", "tall", "wide", "deep", "thick", "across", "away", "apart", "below", "above"}
BODY_CUES = {"tall", "height", "feet", "foot", "inches"}
AGE_WORDS = {word: unit for unit in ("year", "month", "week", "day") for word in (unit, unit + "s")}
DEGREE_SCALES = {"c": "C", "f": "F", "celsius": "C", "centigrade": "C", "fahrenheit": "F"}
# "a" before these is "per": "$1.34 a share", "64.2 cents a dozen", "$3 a pound", "750 kn a night".
PER_ONE = DURATIONS | {"share", "barrel", "dozen", "pound", "head", "person", "night", "game"}
PARTS_OF = {"percent": "%", "per cent": "%", "percentage point": "percentage point"}


def unit_after(tokens: list[Token], end: int, number: Number, currency: str) -> tuple[str, str, int]:
    """(unit, counted phrase, end) for units: percent, currency, measures, rates."""
    word = token_at(tokens, end, "lower_")
    unit, counts, head_end = "", "", end
    age = [t for t in (token_at(tokens, k) for k in range(end, end + 4)) if t != "-"][:2]
    if len(age) == 2 and age[0] in AGE_WORDS and age[1] == "old":
        head_end = next(k for k in range(end, end + 5) if token_at(tokens, k) == "old") + 1
        # "15-year-old", "27 years old", "the baby was only ten months old"
        return f"{AGE_WORDS[age[0]]} of age", f"{AGE_WORDS[age[0]]}s old", head_end
    if word in AGE_WORDS and token_at(tokens, end + 1) == "of" and token_at(tokens, end + 2) == "age":
        return f"{AGE_WORDS[word]} of age", f"{AGE_WORDS[word]}s of age", end + 3  # "at 6 weeks of age"
    if word in BRACKETS and token_at(tokens, end + 2, "text") == BRACKETS[word] and not number.unit and \
            len(tokens[end + 1].text) > 1:  # not "3 (W) games"
        # "The weight is 20 (kg)", "20 [kg]", "5 (lbs)": a unit alone in brackets, as a column names it
        if (si := _symbol_at(tokens, end + 1, number)) is not None and si[2] == end + 2:
            return si[0], si[1], end + 3
        if (named := UNITS.get(tokens[end + 1].lower_)) is not None:
            return named, tokens[end + 1].text, end + 3
    if word in ("yo", "y.o.", "y/o"):  # "a 87 yo man"
        return "year of age", "years old", end + 1
    if word in ("in", "in.") and token_at(tokens, end - 2) in ("ft", "feet", "foot", "′") and token_at(
            tokens, end + 1) not in DETERMINERS and token_at(tokens, end + 1, "tag_") not in NOUN_TAGS:
        return "inch", tokens[end].text, end + 1  # "12 ft 2 in", a height in feet and inches
    if number.unit == "fraction":  # a share of what follows, or an amount of a unit ("1/16 of a US pint")
        the = token_at(tokens, end) in DETERMINERS  # "half the additional funds"
        counts, head, head_end = counted_after(tokens, end + the)
        # An amount of a unit: "two-tenths of a percent", "a quarter of a century", "one-quarter
        # percentage point"
        of_one = token_at(tokens, end + 1) in ("a", "an") or (token_at(tokens, end) != "of" and not the)
        amount = PARTS_OF.get(counts.lower()) or UNITS.get(head) or (head if head in DURATIONS else "")
        unit = amount if of_one and amount else "fraction"
        if not counts and token_at(tokens, end) == "of":  # "two-thirds of the combined 4.3M … sales"
            k = end + 1 + (token_at(tokens, end + 1) in DETERMINERS)
            k += token_at(tokens, k, "tag_") in ("JJ", "VBN")
            k += token_at(tokens, k, "text") in ("$", "€", "£")  # "nearly a third of its $1.4 billion budget"
            whole = read_number(tokens, k) if k < len(tokens) and tokens[k].like_num else None
            counts = counted_after(tokens, whole.end)[0] if whole else ""
    elif number.unit == "%" or word in ("%", "percent", "pc", "pct") or (
            word == "-" and token_at(tokens, end + 1) == "percent"):  # "a 12.5-percent tax rate"
        unit, counts, head_end = "%", "percent", end + (number.unit != "%") + (word == "-")
        if token_at(tokens, head_end, "lower_") in ("point", "points"):
            unit, counts, head_end = "percentage point", "percentage points", head_end + 1
    elif word == "per" and token_at(tokens, end + 1, "lower_") == "cent":
        unit, counts, head_end = "%", "percent", end + 2
    elif word == "percentage" and token_at(tokens, end + 1, "lower_") in ("point", "points"):
        unit, counts, head_end = "percentage point", "percentage points", end + 2
    elif word in ("pound", "pounds") and not currency and token_at(tokens, end + 1) != "-" and (
            word == "pound" or _weighed(tokens, number, end)):  # not "275 pound-feet of torque"
        # "dropping from 208 pounds to 193"; "she had to pay only 1 pound" is money
        unit = "pound" if word == "pounds" or _weighed(tokens, number, end) else "GBP"
        counts, head_end = (tokens[end].text if unit == "pound" else unit), end + 1
    elif (size := _currency_phrase(tokens, end)) and not currency:  # "7.5 million Danish crowns"
        unit = counts = CURRENCY_WORDS[" ".join(t.lower_ for t in tokens[end:end + size])]
        head_end = end + size
    elif not currency and token_at(tokens, end + 1, "lower_") in ONE_COUNTRY_CURRENCY and \
            tokens[end].is_alpha and token_at(tokens, end, "tag_") in ("JJ", "NNP", "NNPS"):
        # "100 chinese yuan", "dutch guilders"
        unit = counts = CURRENCY_WORDS[tokens[end + 1].lower_]
        head_end = end + 2
    elif not currency and (code := _code_after(tokens, end, number)):  # "10 €", "521.38 AMD"
        unit = counts = code
        head_end = end + 1
    elif (word.rstrip("=.") in CURRENCY_WORDS or (number.scaled and word in SCALED_CURRENCY_WORDS)) and \
            (not currency or re.fullmatch(r"[a-z]{3}=\.?", word)):
        # "108.79 JPY=": a Reuters code, which names the quote even after a "$" ("at $1.1396 EUR=");
        # "2.3 trillion won"
        unit = counts = CURRENCY_WORDS.get(word.rstrip("=."), SCALED_CURRENCY_WORDS.get(word, ""))
        head_end = end + 1
    elif (number.unit or token_at(tokens, end, "text").rstrip(".")) == "p" and not currency and \
            number.value not in RESOLUTIONS:
        unit, counts, head_end = "GBX", "pence", end + (not number.unit)  # "At 118.5p, its shares"
    elif currency:
        unit, counts = currency, currency
    elif (symbol := _ambiguous_symbol(tokens, end, number)) is not None:
        unit, counts = ambiguous_unit(symbol, {t.lower_ for t in tokens}), symbol
        head_end = end + (not number.unit)
    elif number.unit in CASED_UNITS or (not number.unit and token_at(tokens, end, "text") in CASED_UNITS):
        # "(1.19deg C)": a glued unit wins over a symbol after it
        counts = number.unit or tokens[end].text
        unit, head_end = CASED_UNITS[counts], end + (not number.unit)
    elif si := _symbol_at(tokens, end, number):
        unit, counts, head_end = si
    elif glued_unit(tokens, number) in ("k", "K"):
        # "a 5k race", "the biggest local 5K" (a thousand was read by `read_number`): news never writes kelvin
        unit, counts, head_end = "kilometre", number.unit or tokens[end].text, end + (not number.unit)
    elif number.unit and number.unit.lower() in MEASURES:
        unit, counts = MEASURES[number.unit.lower()], number.unit
    elif number.unit:
        unit, counts = number.unit, number.unit
    else:
        hyphen = 1 if word in ("-", "–") else 0
        measure = token_at(tokens, end + hyphen, "lower_")
        pair = f"{measure} {token_at(tokens, end + hyphen + 1, 'lower_')}"
        joined = f"{measure}-{token_at(tokens, end + hyphen + 2)}"  # "lb" "-" "ft"
        if token_at(tokens, end + hyphen + 1) == "-" and joined in UNITS:
            pair, measure = "", joined
        triple = " ".join(token_at(tokens, k) for k in range(end + hyphen, end + hyphen + 3))
        if triple in UNITS:  # "1 million barrels of oil": a unit of its own
            unit, head_end = UNITS[triple], end + hyphen + 3
            counts = " ".join(t.text for t in tokens[end + hyphen:head_end])
        elif pair in UNITS:
            unit, head_end = UNITS[pair], end + hyphen + 2
            counts = f"{tokens[end + hyphen].text} {tokens[end + hyphen + 1].text}"
        elif measure in MEASURES:
            unit, head_end = MEASURES[measure], end + hyphen + 1
            counts = tokens[end + hyphen].text if "-" not in measure else measure
            head_end += 2 if "-" in measure else 0
    if unit:
        rate, head_end = rate_after(tokens, head_end)
        if not rate and token_at(tokens, head_end) == "(":  # "9 billion shekels ($2.408 billion) a year"
            # the figure ends before the brackets: the converted amount is a figure too
            close = next((k for k in range(head_end + 1, min(len(tokens), head_end + 8))
                          if tokens[k].text == ")"), None)
            rate = rate_after(tokens, close + 1)[0] if close is not None else ""
        if not rate and unit != "%" and token_at(tokens, head_end) == "of":
            rate, head_end = _rate_after_stuff(tokens, head_end)
        if rate:
            unit, counts = f"{unit} per {rate}", f"{counts} per {rate}"
    return unit, counts, head_end


def cents_after(tokens: list[Token], k: int) -> tuple[float, int] | None:
    """(cents, end) for the cents said after an amount in dollars or euros: "3 dollars 50 cents",
    "thirteen dollars and forty-five cents"."""
    k += token_at(tokens, k) == "and"
    cents = read_number(tokens, k) if k < len(tokens) and may_start_number(tokens[k].text) else None
    if cents is None or cents.unit or cents.high is not None or not 0 < cents.value < 100 or \
            token_at(tokens, cents.end) not in ("cents", "cent"):
        return None
    return cents.value, cents.end + 1


def yen_sign(tokens: list[Token], start: int, currency: str) -> str:
    """The currency of an amount that starts at tokens[start]; the yen sign names yuan in a sentence
    about China ("The restaurant's lunch special in Beijing costs ¥50")."""
    if currency != "JPY" or all("¥" not in t.text for t in tokens[start:start + 2]):
        return currency
    return ambiguous_unit("¥", {t.lower_ for t in tokens})


def _rate_after_stuff(tokens: list[Token], of: int) -> tuple[str, int]:
    """A rate after what is measured: "2.4 billion gallons of jet fuel a year" (tokens[of] is "of")."""
    k = of + 1
    while k < of + 4 and token_at(tokens, k, "tag_") in ("JJ", "NN", "NNS"):
        k += 1
    rate, end = rate_after(tokens, k) if k > of + 1 else ("", k)
    return (rate, end) if rate else ("", of)


def _symbol_at(tokens: list[Token], end: int, number: Number) -> tuple[str, str, int] | None:
    """(unit, symbol, end) for an SI symbol glued to the number or next to it, with a rate written
    with a slash ("2 mg/L", "1.3 A/cm2") and the degree sign ("45 °C"); the sentence's full stop
    is not the symbol's ("230 V.")."""
    k = end + (not number.unit)  # after the symbol
    symbol = number.unit or token_at(tokens, end, "text").rstrip(".")
    if symbol == "°" and (scale := DEGREE_SCALES.get(token_at(tokens, k).rstrip("."))):
        symbol, k = symbol + scale, k + 1  # "45 °C", "100° Celsius"
    if token_at(tokens, k) == "/" and (unit := symbol_unit(
            rate := f"{symbol}/{token_at(tokens, k + 1, 'text').rstrip('.')}")):
        return unit, rate, k + 2
    return (unit, symbol, k) if (unit := symbol_unit(symbol)) else None


def _code_after(tokens: list[Token], end: int, number: Number) -> str:
    """A currency symbol or ISO code written after the amount ("5 €", "521.38 AMD"), not one that
    starts the next amount ("10 $30")."""
    text = token_at(tokens, end, "text")
    code = SYMBOLS_AFTER.get(text) or (text if len(text) == 3 and CURRENCY_SYMBOLS.get(text) == text else "")
    return code if code and not number.unit and not read_number(tokens, end + 1) else ""


def _currency_phrase(tokens: list[Token], end: int) -> int:
    """How many words name a currency with its country after a number: "U.S. dlrs", "Hong Kong dollars"."""
    if token_at(tokens, end) not in CURRENCY_FIRST_WORDS:
        return 0  # most words: a cheap test first
    return next((size for size in (3, 2) if " ".join(
        token_at(tokens, k) for k in range(end, end + size)) in CURRENCY_WORDS), 0)


def _ambiguous_symbol(tokens: list[Token], end: int, number: Number) -> str | None:
    """A symbol of several units, glued ("2.5F") or next ("150 kn", "16 billion b."); "a" only ends a
    phrase ("for 10 a and is now"), where it is no article."""
    symbol = number.unit or _straight_mark(tokens, end) or token_at(tokens, end, "text").rstrip(".")
    k = end + (not number.unit)  # after the symbol ("11a" ending a sentence is glued)
    if symbol not in AMBIGUOUS_UNITS or (symbol == "a" and not (
            k >= len(tokens) or tokens[k].is_punct or tokens[k].tag_ == "CC")):
        return None
    return symbol


def _straight_mark(tokens: list[Token], end: int) -> str:
    """A foot or inch mark typed as a straight quote, glued to the digits: "The fence is 30' long and 6'
    high", "a 55" screen", "The length of this ruler is 20"" (as "′", "″"). A double quote closes a
    quote when one was opened before it in the sentence; a single one is read so only before a word of
    length or height (an apostrophe ends "players'")."""
    mark = token_at(tokens, end, "text")
    if mark not in ("'", '"') or tokens[end - 1].whitespace_:
        return ""
    after = token_at(tokens, end + 1)
    if after in LENGTH_AFTER:
        return "′" if mark == "'" else "″"
    if mark == "'" or sum(t.text == '"' for t in tokens[:end]) % 2:
        return ""
    ends = end + 1 >= len(tokens) or token_at(tokens, end + 1, "tag_") in ("NN", "NNS", "JJ", ".", ",")
    return "″" if ends else ""  # not "we paid 30" and left" (a quote opened before it)


def _weighed(tokens: list[Token], number: Number, end: int) -> bool:
    """A sentence about weight, where "pounds" are not money; or about a body's size, where a few
    hundred pounds are not money either ("Bowers is 6-feet-3, 280 pounds"); or pounds of a stuff
    ("eating 2 pounds of contaminated boar meat"; money so spoken has a scale: "5 million pounds of");
    or a sentence that says nothing of money and no scale ("to drop 25 pounds")."""
    if not number.scaled and token_at(tokens, end + 1) == "of" and token_at(tokens, end + 2, "tag_") in (
            "JJ", "NN", "NNS", "VBN"):
        return True
    words = {t.lower_ for t in tokens}
    if not WEIGHT_CUES.isdisjoint(words) or (number.value < 1000 and not number.scaled and any(
            not BODY_CUES.isdisjoint(word.split("-")) for word in words)):
        return True
    # Nothing said of money ("this baby is over two pounds", "to drop 25 pounds"): a weight
    return not number.scaled and MONEY_WORDS.isdisjoint(words) and words.isdisjoint(CURRENCY_SYMBOLS)


def rate_after(tokens: list[Token], k: int) -> tuple[str, int]:
    """ "per barrel", "a month", "/day", "-a-day", "per million" after a unit."""
    hyphen = token_at(tokens, k) == "-"  # "52,000 barrel-a-day refinery"
    word = token_at(tokens, k + hyphen)
    if word not in ("per", "a", "an", "/") or (hyphen and word == "/"):
        return "", k
    j = k + hyphen + 1 + (hyphen and token_at(tokens, k + 2) == "-")
    pair = f"{token_at(tokens, j)} {token_at(tokens, j + 1)}".rstrip(".")  # "per sq m."
    if word == "per" and pair in UNITS:
        return UNITS[pair], j + 2  # "$21.25 per square foot"
    after = token_at(tokens, j)
    if word == "a" and token_at(tokens, j + 1) in ("earlier", "ago", "later", "before", "after"):
        return "", k  # "$6.78 billion a year earlier": a time, not a rate
    if (token_at(tokens, j, "tag_") in ("NN", "NNS") or after in RATE_WORDS) and \
            (word != "a" or after.rstrip("s") in PER_ONE or after in UNITS):
        return RATE_WORDS.get(after, UNITS.get(after, after.removesuffix("s"))), j + 1
    return "", k


def age_at(tokens: list[Token], i: int, end: int, value: float) -> bool:
    """A person's age: "Maddon, 66, has used", "Nick Hague 44 has spent", "over the age of 21"."""
    if not (float(value).is_integer() and 0 < value < 120) or not tokens[i].text.isdigit():
        return False
    before = token_at(tokens, i - 1)
    if [t.lower_ for t in tokens[max(0, i - 2):i]] == ["age", "of"] or before in ("aged", "age") or \
            any(t.lower_ == "expectancy" for t in tokens[max(0, i - 8):i]):
        return True  # "aged 35", "at age 35", "life expectancy for men in Glasgow is around 73"
    if before in ("be", "is", "was", "turned", "turns", "turn") and \
            token_at(tokens, end, "tag_") not in NOUN_TAGS:
        # "He will be 35 by the end of the year": a person is a number
        return any(t.lower_ in ("he", "she") or t.ent_type_ == "PERSON" for t in tokens[max(0, i - 4):i - 1])
    if token_at(tokens, i - 1) == ",":  # a proper noun, then the number between commas
        # or a person named by a common noun after "the" or "his": "The policeman, 25, was killed"
        noun = token_at(tokens, i - 2, "tag_")
        named = noun == "NNP" or (noun == "NN" and token_at(tokens, i - 3, "tag_") in ("DT", "PRP$", "NN"))
        return named and token_at(tokens, end) == ","
    person = token_at(tokens, i - 1, "ent_type_") == "PERSON"
    return person and token_at(tokens, end, "tag_") in ("VBZ", "VBD")  # "Nick Hague 44 has spent"


def glued_unit(tokens: list[Token], number: Number) -> str:
    """Letters written right after the digits: read with them ("10kW") or a token of their own ("5" "K")."""
    spaced = bool(tokens[number.end - 1].whitespace_)
    return number.unit or ("" if spaced else token_at(tokens, number.end, "text"))


def magnitude_at(tokens: list[Token], start: int, end: int) -> tuple[str, str, int, int] | None:
    """(unit, words, start, end) of an earthquake's size, which counts no earthquakes: "a magnitude
    6.5 earthquake", "a magnitude of 6.1", "measuring 7.8 on the Richter scale" (the number at
    tokens[start:end]); "a 6.4-magnitude earthquake" is read by `unit_after`."""
    if token_at(tokens, start - 1) == "magnitude":
        return "magnitude", "magnitude", start - 1, end
    if token_at(tokens, start - 1) == "of" and token_at(tokens, start - 2) == "magnitude":
        return "magnitude", "magnitude", start - 2, end
    if [token_at(tokens, k) for k in range(end, end + 4)] == ["on", "the", "richter", "scale"]:
        return "Richter scale", "on the Richter scale", start, end + 4
    return None


