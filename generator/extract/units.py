"""The vocabulary of figures: qualifiers, currencies, units of measure, counted nouns."""

from __future__ import annotations

QUALIFIERS = {
    "more than": "min", "over": "min", "above": "min", "at least": "min", "upwards of": "min",
    "just over": "min", "in excess of": "min", "no fewer than": "min", "as many as": "max",
    "up to": "max", "at most": "max", "fewer than": "max", "less than": "max", "under": "max",
    "below": "max", "nearly": "max", "almost": "max", "just under": "max", "close to": "approx",
    "around": "approx", "about": "approx", "approximately": "approx", "roughly": "approx",
    "some": "approx", "an estimated": "approx", "estimated": "approx", "between": "approx",
    "~": "approx",
}

CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
                  "rubles": "RUB", "roubles": "RUB", "shekels": "ILS", "yuan": "CNY", "yen": "JPY",
                  "rupees": "INR", "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY",
                  "chf": "CHF", "pence": "GBX", "dlrs": "USD", "dlr": "USD", "lire": "ITL",  # wire copy
                  "ringgit": "MYR", "rand": "ZAR",
                  "baht": "THB", "reais": "BRL", "zloty": "PLN", "forints": "HUF", "kuna": "HRK",
                  "lira": "TRY", "riyals": "SAR", "dirhams": "AED", "naira": "NGN",
                  # Written with the country: "7.5 million Danish crowns".
                  "danish crowns": "DKK", "danish kroner": "DKK", "swedish crowns": "SEK",
                  "swedish kronor": "SEK",
                  "norwegian crowns": "NOK", "norwegian kroner": "NOK", "swiss francs": "CHF",
                  "mexican pesos": "MXN", "turkish lira": "TRY", "south korean won": "KRW"}

# Units of measure, normalised; a unit directly after the number wins over a later head noun.
UNITS = {
    "mile": "mile", "miles": "mile", "mph": "mile per hour", "km": "kilometre",
    "kilometre": "kilometre", "kilometres": "kilometre", "kilometer": "kilometre",
    "kilometers": "kilometre", "metre": "metre", "metres": "metre", "meter": "metre",
    "meters": "metre", "cm": "centimetre", "mm": "millimetre", "inch": "inch", "inches": "inch",
    "foot": "foot", "feet": "foot", "ft": "foot", "yard": "yard", "yards": "yard", "kg": "kilogram",
    "kilogram": "kilogram", "kilograms": "kilogram", "kilo": "kilogram", "kilos": "kilogram",
    "gram": "gram", "grams": "gram", "lb": "pound", "lbs": "pound", "ton": "ton", "tons": "ton",
    "tonne": "tonne", "tonnes": "tonne", "litre": "litre", "litres": "litre", "liter": "litre",
    "liters": "litre", "gallon": "gallon", "gallons": "gallon", "barrel": "barrel",
    "barrels": "barrel", "acre": "acre", "acres": "acre", "hectare": "hectare",
    "hectares": "hectare", "degree": "degree", "degrees": "degree", "point": "point",
    "points": "point", "kw": "kilowatt", "mw": "megawatt", "gw": "gigawatt", "kwh": "kilowatt hour",
    "gb": "gigabyte", "tb": "terabyte", "mb": "megabyte", "mbps": "megabit per second",
    "ghz": "gigahertz", "mhz": "megahertz", "rpm": "revolutions per minute", "mmbtu": "mmbtu",
    "megapixel": "megapixel", "megapixels": "megapixel", "mp": "megapixel", "bpd": "barrel per day",
    "μm": "micrometre", "µm": "micrometre", "nm": "nanometre", "nanometer": "nanometre",
    "nanometers": "nanometre", "nanometre": "nanometre", "nanometres": "nanometre",
    "sqm": "square metre", "sq m": "square metre", "sq ft": "square foot", "sq km": "square kilometre",
    "square metres": "square metre", "square meters": "square metre", "square feet": "square foot",
    "square miles": "square mile", "square kilometres": "square kilometre", "square foot": "square foot",
    "cubic feet": "cubic foot", "cubic foot": "cubic foot", "cubic metres": "cubic metre",
    "cubic meters": "cubic metre", "cubic metre": "cubic metre",
    # Spellings seen in NewsQuant sentences, in the names CQE normalises them to.
    "hp": "horsepower", "bhp": "brake horsepower", "horsepower": "horsepower", "ps": "horsepower",
    "ksi": "kilopound per square inch", "ppg": "point per game", "gigatonne": "gigaton",
    "gigatonnes": "gigaton", "gigaton": "gigaton", "gigatons": "gigaton", "deg": "degree",
    "degf": "fahrenheit", "degc": "celsius", "celsius": "celsius", "fahrenheit": "fahrenheit",
    "degrees celsius": "celsius", "degrees fahrenheit": "fahrenheit", "degree celsius": "celsius",
    "degrees c": "celsius", "degrees f": "fahrenheit", "min": "minute", "mins": "minute",
    "g": "gram", "mg": "milligram", "ml": "millilitre", "w": "watt", "kv": "kilovolt",
    "mpa": "megapascal", "m2": "square metre", "km/h": "kilometre per hour",
    "kph": "kilometre per hour", "km/hr": "kilometre per hour", "calories": "calorie",
    "calorie": "calorie", "hz": "hertz", "mpg": "mile per gallon", "lb-ft": "foot pound-force",
    "pound-feet": "pound-foot", "pound-foot": "pound-foot", "l": "litre",
    "basis points": "basis point", "basis point": "basis point",
    "apg": "assist per game", "rpg": "rebound per game", "″": "inch", "′": "foot",
    "pint": "pint", "pints": "pint", "quart": "quart", "quarts": "quart", "ounce": "ounce", "ounces": "ounce",
    "oz": "ounce", "cent": "cent", "cents": "cent", "cts": "cent", "ct": "cent",  # "the 41 cents consensus"
    # Metric and electrical units spelled out: "megawatts of capacity" is an amount of megawatts.
    **{spelling: name for name, spellings in {
        "watt": ("watt", "watts"), "kilowatt": ("kilowatt", "kilowatts"),
        "megawatt": ("megawatt", "megawatts"),
        "gigawatt": ("gigawatt", "gigawatts"), "terawatt": ("terawatt", "terawatts"),
        "kilowatt hour": ("kilowatt-hour", "kilowatt-hours", "kilowatt hours", "kilowatt hour"),
        "megawatt hour": ("megawatt-hour", "megawatt-hours", "megawatt hours", "megawatt hour", "mwh"),
        "gigawatt hour": ("gigawatt-hour", "gigawatt-hours", "gigawatt hours", "gigawatt hour", "gwh"),
        "terawatt hour": ("terawatt-hour", "terawatt-hours", "terawatt hours", "terawatt hour", "twh"),
        "volt": ("volt", "volts"), "kilovolt": ("kilovolt", "kilovolts"),
        "millimetre": ("millimetre", "millimetres", "millimeter", "millimeters"),
        "centimetre": ("centimetre", "centimetres", "centimeter", "centimeters"),
        "micrometre": ("micrometre", "micrometres", "micrometer", "micrometers", "micron", "microns"),
        "milligram": ("milligram", "milligrams"), "microgram": ("microgram", "micrograms"),
        "millilitre": ("millilitre", "millilitres", "milliliter", "milliliters"),
        "knot": ("knot", "knots"), "decibel": ("decibel", "decibels"),
        "kilohertz": ("kilohertz", "khz"), "megahertz": ("megahertz",), "gigahertz": ("gigahertz",),
        "kilobyte": ("kilobyte", "kilobytes", "kb"), "megabyte": ("megabyte", "megabytes"),
        "gigabyte": ("gigabyte", "gigabytes"), "terabyte": ("terabyte", "terabytes"),
        "petabyte": ("petabyte", "petabytes", "pb"), "megapascal": ("megapascal", "megapascals"),
        "gigapascal": ("gigapascal", "gigapascals", "gpa"), "carat": ("carat", "carats"),
    }.items() for spelling in spellings},
}
# Symbols whose case decides the unit: "450 Nm" of torque is not 450 nanometres, "5G" not 5 grams,
# "12 C" is Celsius.
CASED_UNITS = {"Nm": "newton metre", "G": "generation", "C": "celsius"}

DURATIONS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}

PEOPLE = {"people", "persons", "person", "hostages", "hostage", "citizens", "civilians",
          "soldiers", "children", "women", "men", "lives", "gunmen", "militants", "residents",
          "troops", "victims", "dead", "journalists", "workers", "patients", "prisoners",
          "detainees", "refugees", "migrants", "fighters", "others", "casualties", "officers",
          "nationals", "israelis", "palestinians", "russians", "captives", "survivors",
          "deaths", "killed", "wounded", "injured", "members", "employees", "voters", "adults",
          "students", "families", "individuals", "staff"}

# Clock words after a number: "9 p.m.", "10.45pm" are times, not figures.
TIMES = {"a.m", "p.m", "am", "pm", "gmt", "utc", "o'clock"}

WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

STREETS = {"road", "street", "avenue", "lane", "drive", "boulevard", "st", "rd", "ave", "way"}

CHANGES = ("up", "down", "rose", "fell", "increased", "decreased", "gained", "lost", "dropped",
           "jumped", "climbed", "slipped", "plunged", "plummeted", "surged", "soared", "by", "grew",
           "declined", "rising", "falling", "sank", "tumbled", "advanced", "eased", "added")
