"""Unit symbols as SI writes them, read with their case: "5 kPa", "230 V", "300 mW" (milliwatts,
where "300 MW" is megawatts), "2 mg/L", "1.3 A/cm2".

Symbols written in one case by journalists ("mw", "kwh", "mhz") are read by `units.UNITS`, which
ignores case; this table is tried first and only knows a prefix and a base as SI spells them.
"""

from __future__ import annotations

PREFIXES = {"k": "kilo", "M": "mega", "G": "giga", "T": "tera", "h": "hecto", "c": "centi", "d": "deci",
            "m": "milli", "µ": "micro", "μ": "micro", "n": "nano", "p": "pico"}
# Base symbols and the prefixes they take; an empty prefix when the bare symbol after a number is the unit
# ("230 V"; not "s", "m", "N", "T", "bps": plural ends, metres or millions, north, T-shirts, basis points).
BASES: dict[str, tuple[str, str]] = {
    "W": ("watt", " kMGTm"), "Wh": ("watt hour", " kMGTm"), "V": ("volt", " kMm"),
    "A": ("ampere", " km"), "Ah": ("ampere hour", " m"), "Hz": ("hertz", " kMGTm"),
    "Pa": ("pascal", " hkMG"), "J": ("joule", " kMGm"), "N": ("newton", "k"), "eV": ("electronvolt", " kMGT"),
    "Ω": ("ohm", " kM"), "bps": ("bit per second", "kMGT"), "Sv": ("sievert", " mµμ"), "Gy": ("gray", " m"),
    "Bq": ("becquerel", " kMG"), "mol": ("mole", "mµμn"), "g": ("gram", "kmµμn"), "m": ("metre", "kcdmµμn"),
    "s": ("second", "mµμnp"), "L": ("litre", "mµμcd"),
}
OTHER = {"dB": "decibel", "atm": "standard atmosphere", "mmHg": "millimetre of mercury", "tbsp": "tablespoon",
         "tsp": "teaspoon", "°C": "celsius", "°F": "fahrenheit", "°": "degree", "kcal": "kilocalorie"}
POWERS = {"2": "square", "²": "square", "3": "cubic", "³": "cubic"}  # "cm2", "m³"

SYMBOLS = {**OTHER, **{(prefix if prefix != " " else "") + base: (PREFIXES.get(prefix, "") + name)
                       for base, (name, prefixes) in BASES.items() for prefix in prefixes}}
SYMBOL_NAMES = set(SYMBOLS.values()) | {f"{power} {name}" for power in ("square", "cubic")
                                         for name in ("metre", "centimetre", "millimetre", "kilometre")}


# In a rate or a power the bare letters are units too: "3 m3/s", "1.2 g/cm3", "60 km/h".
BARE = {"m": "metre", "s": "second", "g": "gram", "L": "litre", "l": "litre", "h": "hour", "d": "day",
        "dl": "decilitre"}  # "126 mg/dl"


def symbol_unit(text: str, bare: bool = False) -> str:
    """The unit a symbol names ("kPa" kilopascal, "cm2" square centimetre, "mg/L" milligram per
    litre), or ""; `bare`: inside a rate or a power, where "m", "s", "g", "h" are units too."""
    top, _, bottom = text.partition("/")
    if bottom:
        over = symbol_unit(bottom, bare=True)
        return f"{symbol_unit(top, bare=True)} per {over}" if symbol_unit(top, bare=True) and over else ""
    if text[-1:] in POWERS and (SYMBOLS.get(text[:-1]) or BARE.get(text[:-1], "")).endswith("metre"):
        return f"{POWERS[text[-1]]} {SYMBOLS.get(text[:-1]) or BARE[text[:-1]]}"
    return SYMBOLS.get(text) or (BARE.get(text, "") if bare else "")
