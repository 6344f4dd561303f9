"""Reading numbers from spaCy tokens: digits, words, glued units and scales, signs.

`read_number(tokens, i)` returns what a number starting at token i says, or None.
It knows "1,200", "3.5", "+0.2", "minus 233", "twenty-five", "two dozen", "tens of
thousands", "25k", "1.762bn", "2.7m.", "5pc", "10kW", "US$58", "HK$5.4m", "33-35".
It never guesses: "1.200" (thousands or 1.2?) is not a number here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.extract.spelled import SCALE_WORDS, SMALL, TENS, number_words
from generator.extract.spelled import token_at as token_at
from generator.extract.units import CURRENCY_SYMBOLS, DURATIONS, UNITS, currency_symbol

if TYPE_CHECKING:
    from spacy.tokens import Token

SCALE_SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
                  "trn": 1e12}
# A plural of N means N up to ten N, as "tens of thousands" means 10,000 to 100,000.
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
TENS_OF = {"tens": 10, "hundreds": 100}  # "tens of thousands" = 10,000 to 100,000
FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3, "thirds": 2 / 3, "quarters": 3 / 4}
DENOMINATORS = {word: parts for parts, words in enumerate(
    [(), (), ("half", "halves"), ("third", "thirds"), ("quarter", "quarters"), ("fifth", "fifths"),
     ("sixth", "sixths"), ("seventh", "sevenths"), ("eighth", "eighths"), ("ninth", "ninths"),
     ("tenth", "tenths")]) for word in words}
# After a lone "$", letters glued to the digits say which dollar: "$" "US113", "$" "A82,615,680".
_DOLLAR_PREFIX = re.compile(r"^(US|A|AU|C|NZ|HK|S)(?=\d)")
# Thousands, or lakhs and crores as Indian English groups them ("12,34,567.89 rupees")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_GLUED = re.compile(rf"^(?P<approx>~|sub-)?(?P<sign>[+−-]|minus-)?"
                    rf"(?P<cur>[A-Za-z]{{0,3}}\$|\$US|€|£|¥|₹|RM|Rs\.?|PS|Y=|USD|EUR|GBP|AUD|CAD|INR|JPY|CNY)?(?P<num>{_DIGITS})"
                    rf"(?P<suffix>[A-Za-zµμ%]+[23]?|[″′])?\.?$")
_DIGIT = re.compile(r"[\d½¼¾⅓⅔⅛⅜⅝⅞]")  # digits, and vulgar fractions ("½ cup")
SCALES_AFTER = SCALE_WORDS.keys() | {"bn", "mn", "tn"}
_STARTS = SMALL.keys() | TENS.keys() | VAGUE.keys() | TENS_OF.keys() | FRACTIONS.keys() | {"a", "an"}
_BRACKET_TAIL = re.compile(r"\)-[a-z]+$")
_SLASH = re.compile(r"^(\d{1,3})[/⁄](\d{1,4})$")  # "1/16 of a US pint", "1⁄32 of a US quart"
_SCIENTIFIC = re.compile(r"^(?P<m>\d+(?:\.\d+)?)(?:[eE](?P<e>[+−-]?\d{1,3})|"
                         r"[×xX]10(?:\^(?P<e2>[+−-]?\d{1,3})|(?P<e3>[−-]\d{1,3})))$")
VULGAR = dict(zip("½¼¾⅓⅔⅛⅜⅝⅞", (1 / 2, 1 / 4, 3 / 4, 1 / 3, 2 / 3, 1 / 8, 3 / 8, 5 / 8, 7 / 8), strict=True))
_VULGAR = re.compile(rf"^(?P<whole>\d*)(?P<part>[{''.join(VULGAR)}])$")  # "½ cup", "2¼ cups"
_RANGE = re.compile(rf"^(?P<low>{_DIGITS})(?P<scale>bn|mn|m|k)?[-–]"
                    rf"(?P<high>[$€£¥₹₩₽₪₺₦₫₱]?(?:{_DIGITS})[A-Za-z%]*\.?)$")


@dataclass(frozen=True)
class Number:
    value: float
    end: int
    """Index of the first token after the number."""
    high: float | None = None
    """Upper end when the tokens themselves say a range ("33-35", "tens of thousands")."""
    vague: str = ""
    """"hundreds", "tens of thousands": a vague quantity, a lower bound."""
    currency: str = ""
    unit: str = ""
    """A unit glued to the digits ("kW" in "10kW"; "%" for "5pc")."""
    factor: float = 1.0
    """What a scale word or suffix multiplied the written number by ("5 million": 1e6)."""
    approx: bool = False
    """Written with a tilde: "~25"."""

    @property
    def scaled(self) -> bool:
        return self.factor != 1.0


def parse_number(text: str, scaled: bool = False) -> float | None:
    """A number written in digits: "1,200", "3.5", "12", ".5"; None for "1.200" (ambiguous)
    unless a scale follows (`scaled`): "1.356 billion", "$1.762bn" are decimals."""
    text = text.replace("\u2009", "").replace("\u202f", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text) and not scaled:
        return None  # "1.200": thousands in some languages, 1.2 in English: do not guess
    if re.fullmatch(_DIGITS, text):
        value = float(text.replace(",", ""))
        return value if math.isfinite(value) else None  # 400 digits overflow to inf
    return None


def may_start_number(text: str) -> bool:
    """A cheap test before `read_number`, which most tokens fail: digits or a number word."""
    return _DIGIT.search(text) is not None or text.lower().rstrip("-") in _STARTS


def read_number(tokens: list[Token], i: int, money: bool = False) -> Number | None:
    """The number starting at token i; `money` when a currency symbol came just before."""
    if i >= len(tokens):
        return None
    low = tokens[i].lower_
    many = token_at(tokens, i + 2)
    if low in TENS_OF and token_at(tokens, i + 1) == "of" and many in ("thousands", "millions", "billions"):
        base = VAGUE[many] * TENS_OF[low]
        return Number(base, i + 3, high=base * 10, vague=f"{low} of {many}")
    if low in VAGUE and (low != "scores" or token_at(tokens, i + 1) == "of"):  # not "anxiety scores"
        return Number(VAGUE[low], i + 1, high=VAGUE[low] * 10, vague=low)
    if fraction := _fraction(tokens, i):
        return _of_a_scale(tokens, fraction)
    if power := _power_of_ten(tokens, i):
        return power
    sign = -1.0 if i > 0 and tokens[i - 1].text in ("-", "−", "minus") and _signed(tokens, i) else 1.0
    text = _BRACKET_TAIL.sub("", tokens[i].text)  # "(121ft)-long" is one token
    dollar = _DOLLAR_PREFIX.match(text) if money else None
    scaled = token_at(tokens, i + 1).rstrip(".") in SCALES_AFTER
    found = _digits(text[dollar.end():] if dollar else text, scaled)
    if found is not None and dollar:
        found = Number(found.value, 0, found.high, currency=CURRENCY_SYMBOLS[dollar[1] + "$"],
                       unit=found.unit, factor=found.factor, approx=found.approx)
    if found is None:
        words = number_words(tokens, i)
        if words is None:
            return None
        value, end, scale = words
        number = Number(value, end, factor=scale)
    else:
        number = Number(found.value * sign, i + 1, found.high, currency=found.currency,
                        unit=found.unit, factor=found.factor, approx=found.approx)
        if number.unit in AMBIGUOUS_SCALES and _means_scale(tokens, i + 1, number.unit, money):
            factor = SCALE_SUFFIXES[number.unit.lower()]
            high = number.high * factor if number.high is not None else None
            number = Number(number.value * factor, number.end, high, currency=number.currency, factor=factor,
                            approx=number.approx)
    dash = token_at(tokens, number.end) == "-"  # wire copy writes prices "6-3/8"
    part = _SLASH.match(token_at(tokens, number.end + dash))
    if part and number.high is None and not number.unit and tokens[i].text.isdigit() and \
            0 < int(part[1]) < int(part[2]):  # "5 1/2 years"
        number = Number(number.value + int(part[1]) / int(part[2]), number.end + 1 + dash,
                        currency=number.currency)
    return _scale(tokens, number, money)


def _power_of_ten(tokens: list[Token], i: int) -> Number | None:
    """A power of ten, in one token or spaced out ("1.99×10−30", "6.022 × 10^23"), or a vulgar fraction."""
    text = tokens[i].text
    if text[-1:] in VULGAR and (match := _VULGAR.match(text)):
        return Number(float(match["whole"] or 0) + VULGAR[match["part"]], i + 1)
    if not text[:1].isdigit() or (set("eE×xX").isdisjoint(text) and token_at(tokens, i + 1) not in "×x"):
        return None  # most numbers: a cheap test first
    for end in range(min(len(tokens), i + 5), i, -1):  # the longest run of tokens that reads so
        if match := _SCIENTIFIC.match("".join(t.text for t in tokens[i:end])):
            exponent = (match["e"] or match["e2"] or match["e3"]).replace("−", "-")
            return Number(float(f"{match['m']}e{exponent}"), end)
    return None


def _digits(text: str, scaled: bool = False) -> Number | None:
    if match := _RANGE.match(text):  # "33-35", "5-10W", "5-10bn", "$1bn-$2bn": unit and scale are the upper's
        low, upper = parse_number(match["low"]), _digits(match["high"])
        if low is None or upper is None or upper.high is not None or upper.value <= low * upper.factor or (
                match["scale"] and SCALE_SUFFIXES[match["scale"]] != upper.factor):  # not "1.5m-2" "m"
            return None
        return Number(low * upper.factor, 0, high=upper.value, currency=upper.currency, unit=upper.unit,
                      factor=upper.factor)
    match = _GLUED.match(text)
    if not match:
        return None
    suffix = match["suffix"] or ""
    scale = SCALE_SUFFIXES.get(suffix.lower()) if match["cur"] or suffix not in AMBIGUOUS_SCALES else None
    if (value := parse_number(match["num"], scaled or bool(scale))) is None:
        return None
    if match["num"].startswith("0") and len(match["num"]) > 1 and "." not in match["num"]:
        return None  # "007", phone numbers and codes
    if match["sign"] in ("-", "−", "minus-"):  # "minus-5 yards"
        value = -value
    approx = bool(match["approx"])
    currency = currency_symbol(match["cur"] or "")
    if match["cur"] and not currency:
        return None
    if scale:
        return Number(value * scale, 0, currency=currency, factor=scale, approx=approx)
    if suffix.lower() in ("pc", "%", "percent", "pct"):  # "the unemployment rate ... to 8.8percent"
        return Number(value, 0, unit="%", currency=currency, approx=approx)
    if suffix.lower() in ("st", "nd", "rd", "th", "s", "ers"):
        return None  # ordinals ("7th"), decades ("1990s"), teams ("49ers")
    return Number(value, 0, currency=currency, unit=suffix, approx=approx)


def _scale(tokens: list[Token], number: Number, money: bool) -> Number:
    """Apply following scale words: "1.5 million", "$3 bn", "two dozen"."""
    value, end, high, factor = number.value, number.end, number.high, number.factor
    if token_at(tokens, end) == "-" and not tokens[end - 1].whitespace_ and token_at(tokens, end + 1) in (
            "million", "billion", "trillion"):
        end += 1  # "a $5.5-million grant"
    while end < len(tokens):
        word = tokens[end].lower_.rstrip(".")
        written = tokens[end].text.rstrip(".")
        ambiguous = written in AMBIGUOUS_SCALES and _means_scale(
            tokens, end + 1, written, bool(number.currency or money)) and not (
            "," in tokens[number.end - 1].text and not (number.currency or money))  # "2,000,000 B" are bytes
        scale = SCALE_WORDS.get(word) or (
            SCALE_SUFFIXES.get(word) if word in ("bn", "mn", "tn") or ambiguous else None)
        if word == "dozen":
            scale = 12
        if not scale or (word == "hundred" and value >= 100):
            break
        value *= scale
        high = high * scale if high is not None else None
        factor *= scale
        end += 1
    currency = number.currency
    if not (currency or money) and (code := scaled_code(token_at(tokens, end, "text"))) is not None:
        currency, scale = code  # "losses in excess of 30 MUSD"
        value, factor, end = value * scale, factor * scale, end + 1
        high = high * scale if high is not None else None
    return Number(value, end, high, number.vague, currency, number.unit, factor, number.approx)


# A currency code after a scale letter, as business reports write millions and thousands: "30 MUSD",
# "an increase to 120 MEUR", "revenues of about MAUD 60", "kEUR 450".
_SCALED_CODE = re.compile(r"^(?P<scale>M|k|K)(?P<code>[A-Z]{3})$")


def scaled_code(text: str) -> tuple[str, float] | None:
    """(currency, scale) for a currency code written with a scale letter: "MUSD", "MEUR", "kEUR"."""
    if len(text) != 4 or text[0] not in "MkK":
        return None  # most tokens: a cheap test first
    match = _SCALED_CODE.match(text)
    if match is None or CURRENCY_SYMBOLS.get(match["code"]) != match["code"]:
        return None
    return match["code"], SCALE_SUFFIXES[match["scale"].lower()]


def scaled_by_code(tokens: list[Token], start: int, number: Number) -> Number:
    """The number after a scaled currency code (tokens[start]: "MAUD 60"), scaled."""
    code = scaled_code(tokens[start].text) if start < len(tokens) else None
    if code is None or number.currency or number.scaled:
        return number
    high = number.high * code[1] if number.high is not None else None
    return Number(number.value * code[1], number.end, high, number.vague, code[0], number.unit, code[1],
                  number.approx)


AMBIGUOUS_SCALES = {"m", "M", "k", "K", "b", "B"}  # million or metre? thousand or kilo-?


def _means_scale(tokens: list[Token], k: int, suffix: str, money: bool) -> bool:
    """ "1.2m tons", "$3m", "4.3M sales" are millions; "100m sprint", "a 10m wall", "ran the 100m in
    9.58 seconds" are metres."""
    if money or suffix in ("M", "B"):
        return True
    for tok in tokens[k:k + 4]:
        if tok.tag_ == "NNS" or tok.lower_ in ("of", "bpd", "tons", "tonnes", "barrels"):
            return True  # "about 1 m bpd"
        if tok.tag_ == "NN" or tok.is_punct or tok.like_num:
            return False
    return False


def _of_a_scale(tokens: list[Token], part: Number) -> Number:
    """ "a quarter of a million U.K. homes" is 250,000 homes, not a share of them."""
    scale = SCALE_WORDS.get(token_at(tokens, part.end + 2), 0) if token_at(tokens, part.end) == "of" and \
        token_at(tokens, part.end + 1) in ("a", "an") and part.unit == "fraction" else 0
    return Number(part.value * scale, part.end + 3, factor=scale) if scale else part


def _part_of_a_scale(tokens: list[Token], i: int) -> Number | None:
    """ "a quarter million us dollars", "half million usd", "three quarters billion": a part of a scale
    word written without "of a"."""
    k = i + (tokens[i].lower_ in ("a", "an"))
    word = token_at(tokens, k)
    if word in ("half", "quarter"):
        value, k = FRACTIONS[word], k + 1
    elif k == i and word in SMALL and 0 < SMALL[word] < DENOMINATORS.get(token_at(tokens, k + 1), 0):
        value, k = SMALL[word] / DENOMINATORS[token_at(tokens, k + 1)], k + 2
    else:
        return None
    scale = SCALE_WORDS.get(token_at(tokens, k), 0) if token_at(tokens, k) in BIG_SCALES else 0
    return Number(value * scale, k + 1, factor=scale) if scale else None


BIG_SCALES = ("thousand", "million", "billion", "trillion")


def _fraction(tokens: list[Token], i: int) -> Number | None:
    """ "half of", "a third of", "two-thirds of", "one in three", "one out of three", "1/16 of"."""
    low = tokens[i].lower_
    if (low in FRACTIONS or low in ("a", "an") or low in SMALL) and (scaled := _part_of_a_scale(tokens, i)):
        return scaled
    if (slash := _SLASH.match(low)) and 0 < int(slash[1]) < int(slash[2]):
        if token_at(tokens, i + 1) == "of":
            return Number(int(slash[1]) / int(slash[2]), i + 1, unit="fraction")
        if unit_follows(tokens, i + 1):  # "a 1/4 mile paved oval", "1/2 cup olive oil": an amount of a unit
            return Number(int(slash[1]) / int(slash[2]), i + 1)
    if low in ("half", "quarter") and token_at(tokens, i + 1) in ("of", "the") and \
            token_at(tokens, i - 1, "tag_") != "JJ":  # "the fourth quarter of 2009" is a time
        return Number(FRACTIONS[low], i + 1, unit="fraction")
    if low in ("a", "one") and token_at(tokens, i + 1) in ("third", "quarter", "half") and \
            token_at(tokens, i + 2) == "of":
        return Number(FRACTIONS[token_at(tokens, i + 1)], i + 2, unit="fraction")
    hyphen = token_at(tokens, i + 1) == "-"
    parts = DENOMINATORS.get(token_at(tokens, i + 1 + hyphen), 0)  # "two-thirds", "three quarters of"
    if low in SMALL and 0 < SMALL[low] < parts and (hyphen or token_at(tokens, i + 2) == "of"):
        return Number(SMALL[low] / parts, i + 2 + hyphen, unit="fraction")
    if low == "half" and token_at(tokens, i + 1) in ("a", "an") and (
            token_at(tokens, i + 2) in SCALE_WORDS or token_at(tokens, i + 2) == "dozen"):
        # "half a million people": no share; "half a dozen government departments" are six
        scale = SCALE_WORDS.get(token_at(tokens, i + 2), 12)
        return Number(scale / 2, i + 3, factor=scale)
    if low == "half" and token_at(tokens, i + 1) in ("a", "an") and (
            token_at(tokens, i + 2) in UNITS or token_at(tokens, i + 2) in DURATIONS or
            f"{token_at(tokens, i + 2)} {token_at(tokens, i + 3)}" == "percentage point"):
        return Number(0.5, i + 2)  # "by half a percentage point", "by half an hour": half of one unit
    if low in ("a", "an") and token_at(tokens, i + 1) == "half":
        k = i + 2 + (token_at(tokens, i + 2) == "-")  # "a half-hour"
        if token_at(tokens, k) in UNITS or token_at(tokens, k) in DURATIONS or \
                f"{token_at(tokens, k)} {token_at(tokens, k + 1)}" == "percentage point":
            return Number(0.5, i + 2)  # "a half mile", "a half-hour drive"; not "a half brother"
    if token_at(tokens, i + 1) not in ("in", "out"):
        return None
    share = SMALL.get(low) or (int(low) if low.isdigit() else 0)  # "one in three", "nine out of ten"
    k = i + 2 + (token_at(tokens, i + 1) == "out" and token_at(tokens, i + 2) == "of")  # "1 in 5"
    word = token_at(tokens, k)
    whole = SMALL.get(word) or TENS.get(word) or (int(word) if word.isdigit() else 0)
    if 0 < share < whole <= 100:
        return Number(share / whole, k + 1, unit="fraction")
    return None


def unit_follows(tokens: list[Token], k: int) -> bool:
    """A unit at token k, after a fraction written with a slash ("1/4 mile", "1/2 pound of chocolate")."""
    return token_at(tokens, k) in UNITS or token_at(tokens, k) == "pound"


def currency_before(tokens: list[Token], i: int) -> tuple[str, int]:
    """(currency, index of the number) for a symbol before token i: "$", "HK" "$"."""
    text = tokens[i].text
    if (code := currency_symbol(text)) and i + 1 < len(tokens):
        return code, i + 1  # "$", "CAD$" 20
    if len(text) == 4 and (scaled := scaled_code(text)) is not None and i + 1 < len(tokens):
        return scaled[0], i + 1  # "MAUD 60": `scaled_by_code` scales the number
    if i + 2 < len(tokens) and f"{text}{tokens[i + 1].text}" in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[f"{text}{tokens[i + 1].text}"], i + 2  # "HK" "$" 5.4
    return "", i


def _signed(tokens: list[Token], i: int) -> bool:
    """A minus sign belongs to the number only when it does not join two words ("18-22")."""
    if i < 2:
        return True
    before = tokens[i - 2]
    return tokens[i - 1].text == "minus" or not (before.like_num or before.is_alpha)
