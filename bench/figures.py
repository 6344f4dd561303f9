"""Key figures on NewsQuant: value F1 and value+unit F1, scored the CQE_Evaluation way.

Each NewsQuant item is one sentence, read with `load_nlp(MODEL)` and `figures_in`. A
Figure's value is `value`, or (value, value_high) for a range; its unit is named as
NewsQuant names it: a bare number "-"; a counted phrase by the lemmas of its nouns,
adjectives and numbers, names as written ("the best wireless speakers" -> "good wireless
speaker"); a share "% <counted phrase>"; a unit through UNIT_MAP, then CQE's own unit table
(CQE/unit.json, `--units`; only spellings that name one unit), then plural -> singular;
"X per Y" each side; money by the currency word written, where CQE's table names it ("rupees" ->
rupee), else by its code.

Scoring follows the rules of `calculate_metrics` in satya77/CQE_Evaluation
(evaluate_models.py @ 190c0ce), re-implemented here:
  * gold values are strings; "lo-hi" (not negative, no "E") is the tuple (lo, hi);
  * two values match when both are single and np.isclose (rtol 1e-5, atol 1e-8),
    or both are tuples and both ends are close; a tuple never matches a single value;
  * per sentence, gold and predicted quantities are sorted by normalised unit; for each
    gold quantity the predictions are scanned in that order: every value match adds a
    value hit while the sentence still has unused gold quantities (so hits are capped at
    the number of gold quantities, and a prediction is not consumed by a value-only hit);
    the first value match whose unit is also equal adds a value+unit hit, consumes that
    prediction and ends the scan for this gold quantity;
  * P = hits / all predictions, R = hits / all gold quantities, F1 from these (micro).
Units compare lower-cased; gold uses its `normalized_unit` field.

NewsQuant is this project's only figures set, so it is split by a fixed rule: sentences at
even positions (0, 2, ...) are the tuned half, the only one whose errors this script lists;
odd positions are held out (rules drawn from them would make that row meaningless). Both
halves and the whole set are scored.

Other sets in NewsQuant's format (CQE_Evaluation's age-, currency-, dimension- and
temperature-model test sets: {"text", "quantities": [{"value", "normalized_unit"}]}) are read
the same way, whole: any file not named NewsQuant*.json is a fresh set, not split (`--part all`),
and all its errors may be listed. A set of {"text", "unit"} items (CQE_Evaluation's
units_train.json / units_test.json: a unit written in a form that names several units, and the
right one) is scored as unit accuracy: the share of sentences with a figure of ours named as
that unit.

Usage: .venv/bin/python bench/figures.py [NewsQuant.json] [--limit N] [--examples 10]
       [--part tuned|held-out|all] [--dump]
`--part` picks the rows printed (all three by default); `--dump` lists every sentence of the
tuned half with a miss or a false positive, gold against ours, instead of a sample.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

import numpy as np
import spacy
from _data import MODEL, NEWSQUANT, figures_of, prf, read_newsquant, stamp, stamp_line
from spacy.lang.en.stop_words import STOP_WORDS

from generator.extract.nlp import load_nlp
from generator.extract.spelled import SCALE_WORDS
from generator.extract.units import MONEY_WORDS
from generator.model import Figure

CURRENCIES = {
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen", "CNY": "chinese yuan",
    "RUB": "russian ruble", "ILS": "shekel", "MYR": "malaysian ringgit", "HKD": "hong kong dollar",
    "AUD": "australian dollar", "CAD": "canadian dollar", "INR": "indian rupee", "NZD": "new zealand dollar",
    "SGD": "singapore dollar", "GBX": "penny", "DKK": "danish krone", "SEK": "swedish krone",
    "NOK": "norwegian krone", "CHF": "swiss franc", "MXN": "mexican peso", "TRY": "turkish lira",
    "KRW": "south korean won", "ZAR": "south african rand", "THB": "thai baht", "BRL": "brazilian real",
    "PLN": "polish złoty", "HUF": "hungarian forint", "HRK": "croatian kuna", "SAR": "saudi riyal",
    "AED": "united arab emirates dirham", "NGN": "nigerian naira",
    "AMD": "armenian dram", "NLG": "netherlands guilder", "DEM": "german mark", "FRF": "french franc",
    "BEF": "belgian franc", "TWD": "new taiwan dollar",
    # Not in CQE's table: named as it would name them.
    "PHP": "philippine peso", "IQD": "iraqi dinar", "KWD": "kuwaiti dinar", "JOD": "jordanian dinar",
    "RSD": "serbian dinar", "VND": "vietnamese dong", "EGP": "egyptian pound", "PKR": "pakistani rupee",
    "QAR": "qatari riyal", "ITL": "italian lira"}
# Our unit (lower-cased, trailing punctuation dropped) -> NewsQuant's normalized_unit name.
UNIT_MAP = {
    "%": "percentage", "percent": "percentage", "mph": "mile per hour", "km": "kilometre",
    "kilometer": "kilometre", "kilometers": "kilometre", "kilometres": "kilometre", "meter": "metre",
    "meters": "metre", "metres": "metre", "cm": "centimetre", "mm": "millimetre", "kg": "kilogram",
    "kilos": "kilogram", "pound": "pound-mass", "lb": "pound-mass", "lbs": "pound-mass", "ft": "foot",
    "feet": "foot",
    "rpm": "revolutions per minute", "hp": "horsepower", "bhp": "brake horsepower", "gb": "gigabyte",
    "mb": "megabyte", "tb": "terabyte", "ghz": "gigahertz", "mhz": "megahertz", "khz": "kilohertz",
    "hz": "hertz", "kw": "kilowatt", "mw": "megawatt", "gw": "gigawatt", "kwh": "kilowatt hour",
    "mah": "milliampere-hour", "pts": "point", "yr": "year", "yrs": "year", "hr": "hour", "hrs": "hour",
    "min": "minute", "mins": "minute", "sec": "second", "secs": "second", "liter": "litre",
    "liters": "litre", "litres": "litre", "degrees": "degree", "cents": "cent", "times": "count",
    "millimeter": "millimetre", "centimeter": "centimetre", "tonne": "metric ton", "mpg": "mile per gallon",
    "km/h": "kilometre per hour", "kph": "kilometre per hour", "m.p.h": "mile per hour",
    "gwh": "gigawatt hour", "mwh": "megawatt hour", "ppm": "part per million", "ppb": "parts-per-billion",
    "€": "euro", "$": "dollar", "£": "pound sterling", "jpy": "japanese yen",
    "million british thermal unit": "mega british thermal unit",
    "generation": "generation wireless",  # "5G": CQE's table names the "G" of mobile networks so
}
CONTENT_POS = ("NOUN", "PROPN", "ADJ", "NUM")
# Words between an amount and its currency word that say how much, not whose ("35 lakh rupees")
AMOUNT_WORDS = SCALE_WORDS.keys() | {
    "lakh", "lakhs", "crore", "crores", "mln", "bln", "bn", "mn", "tn", "m", "k"}
# A sentence of the stock market, where "118.5p" is a share price (see `our_unit`)
MARKET_WORDS = {"share", "shares", "stock", "stocks", "index", "trading", "traded", "fallers", "risers",
                "ftse", "session", "stockbroker", "stockbrokers", "broker", "brokers", "investors",
                "dividend"}
SHOP_WORDS = MONEY_WORDS | {"coin", "coins", "change"}  # ... and of a price paid, where "50p" is pence
CQE_UNITS = NEWSQUANT.parent / "unit.json"
# Filled by main() from --units: (symbol -> name, surface -> name, ISO currency code -> name).
CQE: tuple[dict[str, str], dict[str, str], dict[str, str]] = ({}, {}, {})
FUNCTION_WORDS = {"of", "the", "and", "or", "a", "an", "those", "these", "them"}
IRREGULAR = {"people": "people", "men": "man", "women": "woman", "children": "child", "feet": "foot"}
# A fixed split: sentences at even positions are the ones rules are drawn from, odd ones held out.
HALVES = ("tuned", "held-out", "all")
CHANGE = {"exact": "=", "approx": "~", "min": ">", "max": "<"}
# Reported in satya77/CQE_Evaluation data/evaluation_output/NewsQuant.csv (P, R, F1).
PUBLISHED = {"CQE": ((92.0, 91.9, 92.0), (85.6, 85.5, 85.6)),
             "quantulum3": ((65.0, 83.3, 73.0), (42.1, 53.9, 47.2)),
             "GPT-3": ((72.1, 69.1, 70.6), (60.3, 57.9, 59.1)),
             "ccg_nlp": ((50.6, 66.0, 57.3), (32.8, 42.8, 37.1))}


def singular(word: str) -> str:
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("men") and len(word) > 5:
        return word[:-3] + "man"
    if word.endswith(("sses", "xes", "ches", "shes", "zes", "uses")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def our_unit(figure: Figure, lemmas: dict[str, tuple[str, str]]) -> str:
    """NewsQuant's unit for our figure: "-" for a bare number; for a counted noun, as CQE
    names it, the lemmas of the nouns and adjectives of the counted phrase ("the best
    wireless speakers" -> "good wireless speaker", "rushing yards" -> "yard"). `lemmas`:
    the sentence's words -> (lemma, part of speech)."""
    if not figure.unit:
        return "-"
    head, _, rate = figure.unit.partition(" per ")
    words = set(re.findall(r"[a-z]+", figure.sentence.lower())) if figure.unit == "GBX" else set()
    if figure.unit == "GBX" and re.search(r"\d ?p\.?$", figure.text) and \
            (not words.isdisjoint(MARKET_WORDS) or words.isdisjoint(SHOP_WORDS)):
        # "At 118.5p, its shares": CQE's table gives the symbol to penny and point, and CQE tells them apart
        # by the sentence; NewsQuant names a share price point, CQE_Evaluation's unit sets a price in a
        # shop penny ("The souvenir shop sells postcards for 50p each."), a size point ("a 10 p font size")
        return "point"
    if head in CURRENCIES or head in CQE[2]:  # "USD per barrel" -> "dollar per barrel"
        name = _written_currency(figure.text) or CURRENCIES.get(head, CQE[2].get(head, ""))
        return name + (f" per {our_unit_text(rate)}" if rate else "")
    if figure.unit == "fraction":  # "One out of three Germans" -> "% germans"
        return "% " + (_phrase(figure.counts, lemmas) if figure.counts else "-")
    if figure.counts in CQE[0] and figure.counts.lower() == figure.unit.lower():
        # a symbol as written: "0.5 WAR" -> "win above replacement"; one we named ("5k" km) keeps our name
        return CQE[0][figure.counts]
    if figure.kind == "number" and figure.text.lower().startswith("one of") and figure.counts:
        # "one of the proudest moments in his life" -> "proud moment life": as CQE names a "one of"
        # noun, the lemmas of its phrase's words but stop words
        words = [w for w in re.split(r"[\s,]+", re.sub(r"['’]s\b", "", figure.counts))
                 if w and w.lower() not in STOP_WORDS]
        return " ".join(_lemma(w, lemmas) for w in words)
    if figure.kind in ("count", "people", "number") and figure.counts.lower().endswith(figure.unit.lower()) \
            and len(re.split(r"[\s,]+", figure.counts.strip())) > 1:
        return _phrase(figure.counts, lemmas)
    name = our_unit_text(figure.unit)
    # a counted noun no table named: its lemma ("lives" -> life, not live)
    if lemmas.get(figure.counts, ("", ""))[1] == "NORP":
        return lemmas[figure.counts][0]
    if figure.kind in ("count", "people", "number") and lemmas.get(figure.counts, ("", ""))[1] == "NOUN" and \
            name == singular(figure.unit.lower()) and figure.unit.lower() == figure.counts.lower():
        return lemmas[figure.counts][0]
    return name


def _written_currency(text: str) -> str:
    """A currency named by the words written after the amount, as CQE's table names them ("35 lakh rupees"
    -> rupee, where the code INR is "indian rupee"; "250 million dutch guilders" -> "netherlands guilde"):
    CQE reads the written word, not the country it may stand for. "" when the table names no currency so,
    or when a word the table does not know says whose it is ("Philippine pesos", not Mexican ones; "Pakistani
    rupees"): then the code's name."""
    words = re.findall(r"[A-Za-z][A-Za-z.]*", text.rsplit(" per ", 1)[0].lower())[-4:]
    for n in (3, 2, 1):
        if len(words) < n:
            continue
        name = CQE[1].get(" ".join(words[-n:]), "")
        if name and name in CQE[2].values():
            return name if len(words) == n or words[-n - 1].rstrip(".") in AMOUNT_WORDS else ""
    return ""


def _phrase(counts: str, lemmas: dict[str, tuple[str, str]]) -> str:
    """A counted phrase named as NewsQuant names it: lemmas of its nouns, adjectives and numbers;
    names and words the lemmatiser split ("first-team") as written."""
    words = [w for w in re.split(r"[\s,]+", counts) if w and w.lower() not in FUNCTION_WORDS]
    kept = [_lemma(w, lemmas) for w in words[:-1] if w not in lemmas or lemmas[w][1] in CONTENT_POS]
    last = _lemma(words[-1], lemmas)
    return " ".join([*kept, last if lemmas.get(words[-1], ("", ""))[1] == "NORP" else our_unit_text(last)])


def _lemma(word: str, lemmas: dict[str, tuple[str, str]]) -> str:
    lemma, pos = lemmas.get(word, (word.lower(), "PROPN"))
    return word.lower() if pos in ("PROPN", "NORP") else lemma


def cqe_names(path: str) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """CQE's unit table (CQE/unit.json): (symbol as written -> name, surface -> name, currency
    code -> name), keeping only the spellings that name one unit ("WAR" yes; "F", farad or
    fahrenheit, no)."""
    symbols: dict[str, set[str]] = {}
    surfaces: dict[str, set[str]] = {}
    codes: dict[str, set[str]] = {}
    with open(path, encoding="utf-8") as handle:
        for name, entry in json.load(handle).items():
            for symbol in entry.get("symbols") or ():
                symbols.setdefault(symbol, set()).add(name)
            for surface in [name, *(entry.get("surfaces") or ())]:
                surfaces.setdefault(surface, set()).add(name)
            if entry.get("currency_code"):
                codes.setdefault(entry["currency_code"], set()).add(name)
    return tuple({k: min(v) for k, v in table.items() if len(v) == 1}  # type: ignore[return-value]
                 for table in (symbols, surfaces, codes))


def our_unit_text(unit: str) -> str:
    if unit.lower() in UNIT_MAP.values():  # already NewsQuant's name ("revolutions per minute")
        return unit.lower()
    if " per " in unit:  # "% per year" -> "percentage per year"
        return " per ".join(our_unit_text(part) for part in unit.split(" per ", 1))
    unit = unit.lower().strip("-.,;:'’ ")
    unit = UNIT_MAP.get(unit, CQE[1].get(unit, unit))
    return UNIT_MAP.get(singular(unit), singular(unit)) if " " not in unit else unit


def gold_value(text: str) -> float | tuple[float, float]:
    if "E" not in text and not text.startswith("-") and "-" in text:
        low, high = text.split("-")[:2]
        return float(low), float(high)
    return float(text)


def values_match(a: float | tuple[float, float], b: float | tuple[float, float]) -> bool:
    if isinstance(a, tuple) != isinstance(b, tuple):
        return False
    if isinstance(a, tuple) and isinstance(b, tuple):
        return bool(np.isclose(a[0], b[0]) and np.isclose(a[1], b[1]))
    return bool(np.isclose(a, b))


def score_sentence(gold: list[dict], tags: list[dict]) -> tuple[int, int, list[dict]]:
    """(value hits, value+unit hits, gold items annotated with `found` and `unit_ok`)."""
    gold = sorted(gold, key=lambda q: q["raw"]["normalized_unit"])  # as calculate_metrics sorts
    left = sorted(tags, key=lambda q: q["unit"])
    budget = len(gold)
    value_hits = unit_hits = 0
    for quantity in gold:
        quantity["found"] = quantity["unit_ok"] = False
        for tag in list(left):
            if not values_match(quantity["value"], tag["value"]):
                continue
            quantity["found"] = True
            tag["found"] = True
            if budget > 0:
                value_hits += 1
                budget -= 1
            if tag["unit"] == quantity["unit"]:
                unit_hits += 1
                quantity["unit_ok"] = True
                left.remove(tag)
                break
    return value_hits, unit_hits, gold


def miss_category(quantity: dict, tags: list[dict]) -> str:
    value = quantity["value"]
    if quantity["found"]:
        return "value found, unit differs: " + _unit_reason(quantity, tags)
    if isinstance(value, tuple):
        if any(not isinstance(t["value"], tuple) and values_match(t["value"], value[0]) for t in tags):
            return "range read as separate numbers"
        return "range missed"
    if np.isclose(value, 1.0):
        return "one / a (skipped by design)"
    if quantity["unit"] in ("-", "count"):
        return "bare number, no unit (skipped by design)"
    if quantity["unit"].endswith("of age"):
        return "age ('Pippa, 27')"
    if quantity["unit"] == "percentage":
        return "percentage missed"
    if "dollar" in quantity["unit"] or quantity["unit"] in CURRENCIES.values() or \
            quantity["unit"] in ("cent", "japanese yen", "malaysian ringgit", "sen", "shekel"):
        return "money missed"
    if quantity["unit"] in ("year", "month", "week", "day", "hour", "minute", "second"):
        return "duration missed"
    if any(values_match(t["value"], value * s) for t in tags for s in (1e3, 1e6, 1e9, 1e-3, 1e-6, 1e-9)):
        return "scale word mis-read (value off by 10^3k)"
    return "quantity with a unit or counted noun missed"


def _unit_reason(quantity: dict, tags: list[dict]) -> str:
    gold = quantity["unit"]
    tag = next(t for t in tags if values_match(t["value"], quantity["value"]))
    ours = tag["unit"]
    counts = tag["figure"].counts.lower().replace("-", " ").split()
    if gold.endswith("of age"):
        return "age ('15 year-old' read as unit year)"
    if " per " in gold:
        return "gold has a rate unit 'X per Y', ours only X or other"
    if gold.endswith(" " + ours) or gold.endswith(" " + tag["figure"].unit.lower()):
        return "gold unit is a fuller noun phrase ending in ours ('different boss' <- 'boss')"
    if len(counts) > 1 and our_unit_text(counts[0]) == gold:
        return "unit word read as modifier, later head noun taken ('40 yard line' -> line)"
    if ours == "-":
        return "ours a bare number, gold has a unit or counted noun"
    if " " in ours or " " in gold:
        return "counted phrase worded otherwise ('best wireless speaker' / 'good wireless speaker')"
    if len(ours) <= 3:
        return "unit symbol/abbreviation not normalised by this bench (ppb, ksi, μm...)"
    return "other unit disagreement"


def fp_category(tag: dict, gold: list[dict]) -> str:
    figure: Figure = tag["figure"]
    if not gold:
        return "sentence has no gold quantity"
    singles = [q["value"] for q in gold if not isinstance(q["value"], tuple)]
    ends = [v for q in gold if isinstance(q["value"], tuple) for v in q["value"]]
    if figure.value_high is None and any(np.isclose(figure.value, v) for v in ends):
        return "one end of a gold range"
    if figure.value_high is not None:
        return "range that gold does not have"
    if any(np.isclose(figure.value, v * s) for v in singles for s in (1e3, 1e6, 1e9, 1e-3, 1e-6, 1e-9)):
        return "value off by a scale (10^3k)"
    if re.search(r"\d", figure.text) is None:
        return "number word not in gold"
    return f"{figure.kind} figure not in gold"


def score_item(index: int, item: dict, nlp, lemmatizer) -> tuple[int, list[dict], list[dict]]:
    """(value hits, gold quantities annotated by `score_sentence`, our tags) for one sentence."""
    tags = []
    doc = nlp(item["text"])
    lemmas = {t.text: (t.lemma_.lower(), t.pos_) for t in lemmatizer(item["text"])}
    # A nationality in the plural is named as written, as NewsQuant names it ("millions of Americans" ->
    # "americans", "One out of three Germans" -> "% germans"; a plural name is not: "World Cups")
    lemmas.update({t.text: (t.lower_, "NORP") for t in doc if t.ent_type_ == "NORP" and t.tag_ == "NNPS"})
    for sent in doc.sents:
        for figure in figures_of(sent, f"nq{index}"):
            value = figure.value if figure.value_high is None else (figure.value, figure.value_high)
            tags.append({"value": value, "unit": our_unit(figure, lemmas), "figure": figure, "found": False,
                         "change": CHANGE[figure.bound]})
    gold = [{"value": gold_value(q["value"]), "unit": q["normalized_unit"].lower(),
             "change": q.get("change", "="), "raw": q} for q in item["quantities"]]
    value_hits, _, gold = score_sentence(gold, tags)
    return value_hits, gold, tags


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", default=str(NEWSQUANT), help="NewsQuant.json")
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentences")
    parser.add_argument("--examples", type=int, default=10, help="misses and false positives to show")
    parser.add_argument("--pairs", type=int, default=25, help="unit disagreements to show")
    parser.add_argument("--units", default=str(CQE_UNITS), help="CQE's unit.json, the names NewsQuant uses")
    parser.add_argument("--part", choices=HALVES, default=None,
                        help="score only this half: tuned (even sentences), held-out (odd) or all; "
                        "default: all three")
    parser.add_argument("--dump", action="store_true",
                        help="list every tuned-half sentence with an error, gold against ours "
                        "(never the held-out half)")
    args = parser.parse_args()
    for table, names in zip(CQE, cqe_names(args.units), strict=True):
        table.update(names)

    items = read_newsquant(args.path)[:args.limit]
    nlp = load_nlp(MODEL)
    lemmatizer = spacy.load(MODEL, exclude=["parser", "ner"])  # the pipeline's model has no lemmas
    if items and "quantities" not in items[0]:
        return unit_accuracy(items, nlp, lemmatizer, args.dump)
    split = Path(args.path).name.lower().startswith("newsquant")  # a fresh set is read whole
    if not split and args.part not in (None, "all"):
        parser.error("only NewsQuant is split into halves; use --part all for other sets")
    if not split:
        args.part = "all"
    code = stamp()
    started = time.perf_counter()
    counts = {half: [0, 0, 0, 0] for half in HALVES}  # gold, ours, value hits, value+unit hits
    misses: list[tuple[str, dict, str, list[dict]]] = []
    false_pos: list[tuple[str, dict, str, list[dict]]] = []
    unit_pairs: Counter[tuple[str, str]] = Counter()
    for index, item in enumerate(items):
        value_hits, gold, tags = score_item(index, item, nlp, lemmatizer)
        for half in ("all", HALVES[index % 2]) if split else ("all",):
            counts[half][0] += len(gold)
            counts[half][1] += len(tags)
            counts[half][2] += value_hits
            counts[half][3] += sum(q["unit_ok"] for q in gold)
        if index % 2 and split:
            continue  # the error listing never shows NewsQuant's held-out half
        if args.dump:
            _dump(index, item["text"], gold, tags)
        for quantity in gold:
            if not quantity["unit_ok"]:
                misses.append((miss_category(quantity, tags), quantity, item["text"], tags))
            if quantity["found"] and not quantity["unit_ok"]:
                ours = [t["unit"] for t in tags if values_match(t["value"], quantity["value"])]
                unit_pairs[quantity["unit"], ours[0]] += 1
        false_pos.extend((fp_category(t, gold), t, item["text"], gold) for t in tags if not t["found"])

    print(f"{Path(args.path).name}: {len(items)} sentences, {counts['all'][0]} gold quantities, "
          f"{counts['all'][1]} figures from us, {time.perf_counter() - started:.0f}s")
    print(stamp_line(code))
    print(f"\n{'':44s}{'P':>7s}{'R':>7s}{'F1':>7s}")
    for half, (n_gold, n_tags, value_hits, unit_hits) in counts.items():
        if args.part not in (None, half):
            continue
        for label, hits in (("value", value_hits), ("value+unit", unit_hits)):
            p, r, f = prf(hits, n_tags, n_gold)
            print(f"{f'ours {label}, {half} ({n_gold} gold)':44s}{p * 100:7.1f}{r * 100:7.1f}{f * 100:7.1f}")
    for system, rows in PUBLISHED.items() if split else ():
        for label, (p, r, f) in zip(("value", "value+unit"), rows, strict=True):
            print(f"{'  ' + system + ' ' + label + ' (published, all)':44s}{p:7.1f}{r:7.1f}{f:7.1f}")

    print(f"\n{'TUNED HALF ONLY' if split else 'ALL SENTENCES'} from here. Gold quantities not matched on "
          f"value+unit: {len(misses)}")
    by_kind = Counter(category for category, *_ in misses)
    for category, count in by_kind.most_common():
        print(f"  {count:4d}  {category}")
    print(f"\nunit disagreements when the value matched (gold unit <- our unit), top {args.pairs}:")
    for (gold_unit, ours), count in unit_pairs.most_common(args.pairs):
        print(f"  {count:4d}  {gold_unit!r} <- {ours!r}")
    print(f"\nfigures of ours matching no gold value: {len(false_pos)}")
    for category, count in Counter(category for category, *_ in false_pos).most_common():
        print(f"  {count:4d}  {category}")

    print(f"\n{args.examples} example misses (value or unit), most common categories first:")
    order = {category: rank for rank, (category, _) in enumerate(by_kind.most_common())}
    for category, quantity, text, tags in _spread(sorted(misses, key=lambda m: order[m[0]]), args.examples):
        raw = quantity["raw"]
        ours = ", ".join(f"{t['figure'].text!r}={_fmt(t['value'])} {t['unit']}" for t in tags) or "-"
        print(f"- [{category}] gold {raw['value']} {raw['normalized_unit']!r} (unit as written "
              f"{raw.get('unit', '?')!r})\n    {text[:160]}\n    ours: {ours}")
    print(f"\n{args.examples} example false positives:")
    fp_order = {c: r for r, (c, _) in enumerate(Counter(c for c, *_ in false_pos).most_common())}
    for category, tag, text, gold in _spread(sorted(false_pos, key=lambda m: fp_order[m[0]]), args.examples):
        expected = ", ".join(f"{q['raw']['value']} {q['unit']}" for q in gold) or "-"
        print(f"- [{category}] ours {tag['figure'].text!r} = {_fmt(tag['value'])} {tag['unit']}\n"
              f"    {text[:160]}\n    gold: {expected}")


def unit_accuracy(items: list[dict], nlp, lemmatizer, dump: bool) -> None:
    """A set of {"text", "unit"}: the share of sentences where a figure of ours is named as `unit`."""
    code = stamp()
    started = time.perf_counter()
    hits = bare = 0
    wrong: Counter[tuple[str, str]] = Counter()
    for index, item in enumerate(items):
        gold = item["unit"].lower()
        _, _, tags = score_item(index, {"text": item["text"], "quantities": []}, nlp, lemmatizer)
        units = [t["unit"] for t in tags]
        hit = gold in units or (gold == "percent" and "percentage" in units)  # the set writes both
        hits += hit
        bare += not any(u != "-" for u in units)
        if not hit:
            wrong[gold, units[0] if units else "(no figure)"] += 1
            if dump:
                ours = ", ".join(f"{t['figure'].text!r}={_fmt(t['value'])} {t['unit']!r}" for t in tags)
                print(f"#{index} [{gold}{', ' + item['surface_form'] if 'surface_form' in item else ''}] "
                      f"{item['text']}\n    ours: {ours or '-'}")
    print(f"units: {len(items)} sentences, {time.perf_counter() - started:.0f}s\n{stamp_line(code)}")
    print(f"unit accuracy {hits / max(1, len(items)) * 100:.1f} ({hits} of {len(items)}); "
          f"no figure with a unit: {bare}")
    print("\ncommonest errors (gold unit <- our first unit):")
    for (gold, ours), count in wrong.most_common(30):
        print(f"  {count:4d}  {gold!r} <- {ours!r}")


def _dump(index: int, text: str, gold: list[dict], tags: list[dict]) -> None:
    """One tuned-half sentence with an error: each gold quantity (OK, value only, missed) and each figure of
    ours (FP when it matches no gold value), with its unit as this bench names it."""
    if all(q["unit_ok"] for q in gold) and all(t["found"] for t in tags):
        return
    print(f"#{index} {text}")
    for q in gold:
        mark = "OK" if q["unit_ok"] else "v " if q["found"] else "XX"
        print(f"   gold {mark} {q['raw']['value']} {q['raw'].get('unit', '?')!r} -> {q['unit']!r}")
    for t in tags:
        mark = "  " if t["found"] else "FP"
        print(f"   ours {mark} {t['figure'].text!r} = {_fmt(t['value'])} {t['unit']!r}")


def _spread(rows: list, n: int) -> list:
    """Up to n rows, taking from each category in turn so that several categories show."""
    groups: dict[str, list] = {}
    for row in rows:
        groups.setdefault(row[0], []).append(row)
    picked: list = []
    while len(picked) < n and any(groups.values()):
        for group in groups.values():
            if group and len(picked) < n:
                picked.append(group.pop(0))
    return picked


def _fmt(value: float | tuple[float, float]) -> str:
    if isinstance(value, tuple):
        return f"{value[0]:g}-{value[1]:g}"
    return f"{value:g}"


if __name__ == "__main__":
    main()
