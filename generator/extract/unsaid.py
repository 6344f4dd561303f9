"""Units a number leaves unsaid, read from the numbers around it: "of the 59 remaining
hostages, approximately 24", "280 million of the 1.5 billion shekels", "four-, five- and
six-cylinder engines"."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from generator.extract.counted import DETERMINERS, counted_after
from generator.extract.measures import unit_after
from generator.extract.numbers import currency_before, read_number, token_at
from generator.extract.spelled import SCALE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from generator.model import Figure

ELLIPSIS = {"who", "by", "in", "while", ",", ".", ")", "and", "were", "are", "have", "had", "on", "at",
            "last", "this", "next"}  # "a minus-1.4 degree angle in 2018 and 2.1 last year"
# A bare number after one of these echoes the earlier figure after the same word (or after "from",
# for "to", and the reverse): "increased by 2 percent but NASDAQ decrease by 1", "at 1,463.78 points
# ... at 1,334.20", "soared to 7.79 billion dlrs last year from 5.01 billion".
PARALLEL = {"by": "by", "at": "at", "to": "from", "from": "to", "than": "than", "of": "of"}
CONTRASTS = {"while", "whereas", "vs", "vs.", "versus"}


def set_against_later(tokens: list[Token], spans: list[tuple[int, int]],
                      figures: list[Figure]) -> list[Figure]:
    """A bare number set against the next figure by "while" or "vs" counts what that one counts:
    "at 2483805 while florida came in second with 1385710 lightning strikes"."""
    for k in range(len(figures) - 1):
        bare, later = figures[k], figures[k + 1]
        if bare.unit or not later.unit or not bare.value or not 1 / 20 <= abs(later.value / bare.value) <= 20:
            continue
        between = tokens[spans[k][1]:spans[k + 1][0]]
        if len(between) <= 12 and any(t.lower_ in CONTRASTS for t in between):
            figures[k] = replace(bare, unit=later.unit, counts=later.counts, kind=later.kind)
    return figures


def unsaid_unit(tokens: list[Token], start: int, q_start: int, end: int, value: float,
                earlier: list[tuple[str, Figure]]) -> tuple[str, str]:
    """(unit, counted phrase) for the number at tokens[start:end] that has none after it;
    `earlier`: the sentence's figures so far, each with the word before it."""
    figures = [figure for _, figure in earlier]
    for found in (suspended_after(tokens, end), part_of_later(tokens, end, value),
                  partitive(tokens, start, figures), parallel(tokens, q_start, value, earlier),
                  scaled_echo(tokens, end, figures)):
        if found[0]:
            return found
    return "", ""


def parallel(tokens: list[Token], q_start: int, value: float,
             earlier: list[tuple[str, Figure]]) -> tuple[str, str]:
    """The unit of the last earlier figure opened by the same word as this bare number, when
    the two are of a size: "German DAX increased by 2 percent but NASDAQ decrease by 1"."""
    word = token_at(tokens, q_start - 1)
    if word not in PARALLEL or not any(c.isdigit() for c in token_at(tokens, q_start, "text")):
        return "", ""
    for opener, figure in reversed(earlier):
        if opener in (word, PARALLEL[word]) and figure.unit and figure.kind != "number":
            near = figure.value and 1 / 20 <= abs(value / figure.value) <= 20
            return (figure.unit, figure.counts) if near else ("", "")
    return "", ""


def scaled_echo(tokens: list[Token], end: int, earlier: list[Figure]) -> tuple[str, str]:
    """An amount written with a scale word and no unit counts what the sentence's last amount so
    written counts: "a pretax profit of 1.5 mln dlrs on turnover of 37 mln", "rose to 47 billion
    forints last year from 15.8 billion in 1985", "crop estimates around 6.4 mln bags and sales
    standing at almost 6.2 mln"."""
    if token_at(tokens, end - 1).rstrip(".") not in SCALE_WORDS:
        return "", ""
    for figure in reversed(earlier):
        if figure.kind not in ("number", "percent") and not figure.unit.endswith(("GBX", "cent")) and any(
                word.rstrip(".").lower() in SCALE_WORDS for word in figure.text.split()):
            return figure.unit, figure.counts
    return "", ""


def part_of_later(tokens: list[Token], end: int, value: float) -> tuple[str, str]:
    """A part of a whole told next: "raised 280 million of the 1.5 billion shekels", "won 10 of
    15 games", "seven of the previous nine World Cup finals"."""
    if token_at(tokens, end) != "of":
        return "", ""
    k = end + 1 + (token_at(tokens, end + 1) in DETERMINERS)  # "scored 13 of his 27 points"
    k += token_at(tokens, k, "tag_") == "JJ"
    currency, k = currency_before(tokens, k) if k < len(tokens) else ("", k)
    whole = read_number(tokens, k, bool(currency)) if k < len(tokens) else None
    if whole is None or whole.value <= value:
        return "", ""
    unit, counts, _ = unit_after(tokens, whole.end, whole, currency or whole.currency)
    if not unit:
        counts, unit, _ = counted_after(tokens, whole.end)
    return unit, counts


def suspended_after(tokens: list[Token], end: int) -> tuple[str, str]:
    """(unit, counted phrase) of the last member of a list of suspended hyphens, for the
    first members: "four-, five- and six-cylinder engine options"."""
    if not (tokens[end - 1].text.endswith("-") and token_at(tokens, end) in (",", "and", "or")):
        return "", ""
    for k in range(end, min(len(tokens), end + 8)):
        if tokens[k].text.endswith("-") or tokens[k].lower_ in (",", "and", "or"):
            continue
        if tokens[k].like_num and token_at(tokens, k + 1) == "-":
            counts, unit, _ = counted_after(tokens, k + 1)
            return unit, counts
        break
    return "", ""


def partitive(tokens: list[Token], start: int, earlier: list[Figure]) -> tuple[str, str]:
    """A number that leaves its noun unsaid counts what an earlier figure of the sentence
    counts: "of the 59 remaining hostages, approximately 24"; "68,400 people … and 95,800 who"."""
    if not earlier or earlier[-1].kind not in ("people", "count", "measure"):
        return "", ""
    before = " ".join(t.lower_ for t in tokens[max(0, start - 30):start])
    last = earlier[-1].text.lower()
    if f"of the {last}" in before or f"of {last}" in before:
        return earlier[-1].unit, earlier[-1].counts
    number = read_number(tokens, start)
    follows = token_at(tokens, number.end) if number else ""
    if number and follows in ELLIPSIS:
        for figure in reversed(earlier):
            if figure.kind in ("people", "count", "measure") and figure.value and \
                    1 / 20 <= abs(number.value / figure.value) <= 20:
                return figure.unit, figure.counts
    return "", ""

