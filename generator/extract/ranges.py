"""Ranges: "10 to 20", "between 10 and 20", "$10 to $15 billion", "from 4.8 to 4.7 percent".

`range_end(tokens, k, low)` reads the upper end of a range whose lower end was read just
before token k; `opening_before` says whether "from", "by" or "(" opens the span, which
lets a range follow a verb of change.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from generator.extract.counted import counted_after
from generator.extract.measures import unit_after
from generator.extract.numbers import Number, currency_before, read_number, token_at
from generator.extract.units import CHANGES, TIMES, UNITS

if TYPE_CHECKING:
    from spacy.tokens import Token

RANGE_WORDS = ("to", "-", "–", "and", "or")
# Between the ends of a change these start another clause or list item: a "to" after them is another's.
CLAUSE_BREAKS = {",", ";", ":", "(", ")", "—", "–", "--", "and", "but", "or", "while", "whereas", "from"}


def opening_before(tokens: list[Token], k: int) -> str:
    """ "from", "by" or "(" just before a number (or before "the" and it): a range may follow
    even after a verb of change ("dropped by 1 to 1.5 degrees Celsius (1.8 to 2.7 Fahrenheit)",
    "down from the US $89 to $93 billion")."""
    k -= token_at(tokens, k - 1) == "the"
    word = token_at(tokens, k - 1)
    return word if word in ("from", "by", "(") else ""


def range_end(tokens: list[Token], k: int, low: Number, unit: str = "",
               opening: str = "") -> tuple[float, float, int, Number] | None:
    """ "10 to 20", "between 10 and 20", "eight or nine", "$10 to $15 billion",
    "four to five thousand": (low, high, end, upper number) with the upper scale applied to
    both ends. After "from" the two ends are kept as written, even downwards, and an upper end
    without a unit takes the lower's ("dropping from 208 pounds to 193")."""
    word = token_at(tokens, k)
    if word not in RANGE_WORDS or (word == "and" and not preceded(tokens, k, ("between",), 6)):
        return None
    change = word == "to" and preceded(tokens, k, CHANGES, 8) and not opening
    if change and (unit or low.unit or low.currency):
        return None  # "rose 0.4 per cent to 13,176": a change and a level, not a range
    currency, j = currency_before(tokens, k + 1) if k + 1 < len(tokens) else ("", k + 1)
    upper = read_number(tokens, j, bool(currency)) if j < len(tokens) else None
    if upper is None or upper.vague:
        return None
    upper_unit = unit_after(tokens, upper.end, upper, currency)[0]
    if change and not (upper_unit and low.value < upper.value <= 3 * low.value):
        return None  # "sales fell 2.5 to 3 percent" is a range: a bare lower end of the upper's size
    if unit and upper_unit != unit and not (opening == "from" and not upper_unit and
                                           _counts_nothing_else(tokens, upper.end, unit)):
        return None  # "252 miles to 287 miles" needs the same unit on both ends
    lower = low.value
    if upper.scaled and not low.scaled and lower * upper.factor <= upper.value:
        lower *= upper.factor
    if upper.value == lower or (upper.value < lower and opening != "from" and not unit):
        return None  # downwards only "from" one end, or with the unit on both ("1.3 A/cm2 to 0.03 A/cm2")
    return lower, upper.value, upper.end, replace(upper, currency=upper.currency or currency)


def change_end(tokens: list[Token], k: int, unit: str,
               window: int = 6) -> tuple[float, str, str, int, int] | None:
    """The "to" end of a change opened by "from" whose ends have words between them: "plummeted from
    $36,040 at 10.45pm last night to $34,935", "from 20 miles per gallon in 2008 to 29 mpg".
    (upper value, its unit, what it counts, its start, its end); the upper end must count what the lower end
    counts (`unit`), or say nothing and take it."""
    j = next((m for m in range(k, min(len(tokens), k + window)) if tokens[m].lower_ == "to"
              or tokens[m].lower_ in CLAUSE_BREAKS), None)
    if j is None or j == k or tokens[j].lower_ != "to":
        return None  # right after the lower end, "to" is an ordinary range (`range_end`)
    currency, n = currency_before(tokens, j + 1) if j + 1 < len(tokens) else ("", j + 1)
    upper = read_number(tokens, n, bool(currency)) if n < len(tokens) else None
    if upper is None or upper.vague or upper.high is not None or upper.unit.lower() in TIMES or \
            token_at(tokens, upper.end).rstrip(".") in TIMES:
        return None
    upper_unit, counts, end = unit_after(tokens, upper.end, upper, currency or upper.currency)
    if not upper_unit:
        counts, head, end = counted_after(tokens, upper.end)
        upper_unit = UNITS.get(head, head)
    if upper_unit and upper_unit != unit:
        return None  # "from 10 donors last year to 40 charities": two things, not one that changed
    return upper.value, upper_unit, counts, j + 1, end


def _counts_nothing_else(tokens: list[Token], k: int, unit: str) -> bool:
    """No noun after an upper end, or the unit again: not "from 301,000 dlrs or one ct a share",
    where "one" is the amount in another unit."""
    head = counted_after(tokens, k)[1].rstrip("-")
    return not head or UNITS.get(head, head) == unit


def score_end(tokens: list[Token], i: int, low: Number) -> tuple[float, int] | None:
    """ "a 39-3 win", "At 2-0 down", "tied at 89-89": two whole numbers up to 200 joined by a hyphen,
    the second not above the first, are a result (upper value, end), not a range nor a count of wins
    ("Boeing 767-300" is a model)."""
    k = low.end
    if low.end != i + 1 or low.unit or low.currency or not tokens[i].text.isdigit() or low.value > 200 or \
            token_at(tokens, k) != "-" or not token_at(tokens, k + 1).isdigit() or \
            token_at(tokens, k + 2) == "-" or not float(token_at(tokens, k + 1)) <= low.value:
        return None
    return float(token_at(tokens, k + 1)), k + 2


def preceded(tokens: list[Token], k: int, options: tuple[str, ...], window: int = 2) -> bool:
    return any(t.lower_ in options for t in tokens[max(0, k - window):k])
