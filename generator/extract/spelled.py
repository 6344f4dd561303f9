"""Numbers written in words: "twenty-five", "one hundred and twenty", "five thousand", "two dozen",
"a billion", "two and a half" (`number_words`); and `token_at`, which every figures module uses."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

SMALL = {w: i for i, w in enumerate([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
TENS = {w: 10 * i for i, w in enumerate([
    "zero", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]) if i >= 2}
SCALE_WORDS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
               "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,  # Indian English: "Rs 50 crore"
               "mln": 1e6, "bln": 1e9}  # wire copy: "900 mln dlrs"
WORDS = SMALL.keys() | TENS.keys()


def number_words(tokens: list[Token], i: int) -> tuple[float, int, float] | None:
    """(value, end, scale) for "twenty-five", "one hundred and twenty", "five thousand"."""
    total, current, end, scale = 0.0, 0.0, i, 1.0
    seen = False
    if tokens[i].lower_.endswith("-") and tokens[i].lower_[:-1] in WORDS:  # "four-, five- and six-cylinder"
        word = tokens[i].lower_[:-1]
        return float(SMALL.get(word, TENS.get(word, 0))), i + 1, 1.0
    while end < len(tokens):
        low = tokens[end].lower_
        if low in SMALL:
            current += SMALL[low]
        elif low in TENS:
            current += TENS[low]
        elif low == "hundred" and seen:
            current *= 100
        elif low in ("thousand", "million", "billion") and seen:
            total += current * SCALE_WORDS[low]
            current = 0
            scale = max(scale, SCALE_WORDS[low])
        elif low == "-" and seen and token_at(tokens, end + 1) in WORDS:
            pass  # "twenty-five"
        elif low == "and" and (current >= 100 or total) and token_at(tokens, end + 1) in WORDS:
            pass  # "one hundred and twenty"; "four and five thousand" is two numbers
        elif low in ("a", "an") and not seen and token_at(tokens, end + 1) in (
                "dozen", "hundred", "thousand", "million", "billion", "trillion"):  # "a billion dollars"
            current = 1
        elif low == "and" and seen and [token_at(tokens, k) for k in (end + 1, end + 2)] == ["a", "half"]:
            current, end = current + 0.5, end + 2  # "two and a half hours"
        elif low == "dozen" and (seen or current):
            current = (current or 1) * 12
        else:
            break
        seen = True
        end += 1
    if not seen:
        return None
    return total + current, end, scale


def token_at(tokens: list[Token], k: int, attr: str = "lower_") -> str:
    """An attribute of token k, or "" past either end of the sentence."""
    return getattr(tokens[k], attr) if 0 <= k < len(tokens) else ""
