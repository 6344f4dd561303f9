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
                  # The world's other common currencies, by the words news writes after the amount
                  # ("7.6 million kronor", "23.5 billion reals", "500 billion rupiah").
                  "kronor": "SEK", "krona": "SEK", "reals": "BRL", "rupiah": "IDR", "hryvnias": "UAH",
                  "hryvnia": "UAH", "zlotys": "PLN", "korunas": "CZK",
                  "koruna": "CZK", "ruble": "RUB", "rouble": "RUB", "rupee": "INR", "shekel": "ILS",
                  "riyal": "SAR", "dirham": "AED", "renminbi": "CNY", "rmb": "CNY",
                  "markka": "FIM", "markkaa": "FIM",
                  "bitcoins": "BTC", "bitcoin": "BTC", "deutsche marks": "DEM", "deutschemarks": "DEM",
                  # Written with the country: "7.5 million Danish crowns".
                  "danish crowns": "DKK", "danish kroner": "DKK", "swedish crowns": "SEK",
                  "swedish kronor": "SEK",
                  "norwegian crowns": "NOK", "norwegian kroner": "NOK", "swiss francs": "CHF",
                  "mexican pesos": "MXN", "turkish lira": "TRY", "south korean won": "KRW",
                  **{f"{place} pesos": code for place, code in (
                      ("philippine", "PHP"), ("argentine", "ARS"), ("chilean", "CLP"), ("colombian", "COP"))},
                  # Reuters wire copy: "100 mln stg", "177 mln guilders", "50 billion U.S. Dlrs".
                  "stg": "GBP", "sterling": "GBP", "guilders": "NLG", "guilder": "NLG", "german marks": "DEM",
                  "dmk": "DEM", "french francs": "FRF", "belgian francs": "BEF",
                  **{f"{place} {dollars}": code for place, code in (
                      ("u.s.", "USD"), ("us", "USD"), ("canadian", "CAD"), ("australian", "AUD"),
                      ("n.z.", "NZD"), ("new zealand", "NZD"), ("h.k.", "HKD"), ("hong kong", "HKD"),
                      ("singapore", "SGD"), ("taiwan", "TWD"))
                     for dollars in ("dollars", "dollar", "dlrs", "dlr")}}

# Words that name a currency only after a scaled amount: "1.5 trillion won", not "the 3 won".
# "borrowings totalled 1.775 billion marks" (not "98 marks out of 100", "passed the 1 million mark").
SCALED_CURRENCY_WORDS = {"won": "KRW", "dong": "VND", "marks": "DEM"}

# Currency symbols before (or glued to) the digits: "$5", "HK$5.4m", "Rs.1".
CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "$US": "USD", "€": "EUR", "£": "GBP", "PS": "GBP",
                    "¥": "JPY", "₽": "RUB", "₪": "ILS", "₹": "INR", "HK$": "HKD", "A$": "AUD",
                    "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "S$": "SGD", "RM": "MYR",
                    "Rs": "INR", "Rs.": "INR", "R$": "BRL", "Y=": "JPY", "USD": "USD", "EUR": "EUR",
                    **{code: code for code in (  # "CHF 3 million"
                        "GBP", "AUD", "CAD", "INR", "JPY", "CNY", "CHF", "SEK", "NOK", "DKK", "HKD", "SGD",
                        "NZD", "ZAR", "KRW", "BRL", "MXN", "RUB", "TRY", "PLN", "ILS", "AED", "SAR", "TWD",
                        "IDR", "VND", "THB", "MYR", "HUF", "CZK", "UAH", "EGP", "NGN", "KES", "PKR", "ARS",
                        "CLP", "COP", "QAR", "KWD")},
                    "₩": "KRW", "₱": "PHP", "₺": "TRY", "₦": "NGN", "₫": "VND", "Rp": "IDR", "Mex$": "MXN",
                    "NT$": "TWD", "RMB": "CNY", "₿": "BTC"}


def currency_symbol(text: str) -> str:
    """The currency a symbol before an amount names ("$", "HK$", "RM"), or one written as its ISO code
    with the dollar sign, in either case ("AUD$15 million", "CAD$ 20 million", "usd$ 15": the code says which
    dollar, or peso: "MXN$"); "" for any other text."""
    if text in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[text]
    if len(text) < 3 or not text.endswith("$"):
        return ""
    code = text[:-1].upper()
    if CURRENCY_SYMBOLS.get(code) == code:
        return code
    return CURRENCY_SYMBOLS.get(text.upper(), "") if text[:1].isalpha() else ""  # "hk$", "nz$"


# Written after the amount too ("5 €", "100 €", "10,000 ¥"; "¥" in `AMBIGUOUS_UNITS`: yen or yuan).
SYMBOLS_AFTER = {"$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "₪": "ILS", "₹": "INR", "₩": "KRW",
                 "₺": "TRY", "₦": "NGN", "₫": "VND", "₱": "PHP", "₿": "BTC"}
# Currency words that name one country's money, whatever adjective is written before them ("100
# Chinese yuan", "250 million Dutch guilders"; not "dollars", "pounds", "rupees", "lira": several countries';
# not "won": "In 1996 Prodi won" is a verb, and a won is read after a scale word).
ONE_COUNTRY_CURRENCY = {
    "yuan", "yen", "guilders", "guilder", "markka", "markkaa", "ringgit", "rand", "baht", "reais", "zloty",
    "zlotys", "forints", "kuna", "hryvnias", "hryvnia", "rupiah", "renminbi", "shekels", "shekel",
    "euros", "euro", "rubles", "roubles", "ruble", "rouble"}

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
    "ghz": "gigahertz", "mhz": "megahertz", "rpm": "revolutions per minute",
    "mmbtu": "million british thermal unit", "mmbtus": "million british thermal unit",
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
    "centigrade": "celsius", "min": "minute",
    # "40 deg celsius", "-5 degree fahrenheit", "25 degrees centigrade", "6 deg c"
    **{f"{degree} {scale}": name for degree in ("degree", "degrees", "deg") for scale, name in (
        ("celsius", "celsius"), ("centigrade", "celsius"), ("c", "celsius"), ("fahrenheit", "fahrenheit"),
        ("f", "fahrenheit"))},
    "metric ton": "tonne", "metric tons": "tonne", "metric tonne": "tonne", "metric tonnes": "tonne",
    "mins": "minute",
    "g": "gram", "mg": "milligram", "ml": "millilitre", "w": "watt", "kv": "kilovolt",
    "mpa": "megapascal", "m2": "square metre", "km/h": "kilometre per hour",
    "kph": "kilometre per hour", "km/hr": "kilometre per hour", "calories": "calorie",
    "calorie": "calorie", "hz": "hertz", "mpg": "mile per gallon", "lb-ft": "foot pound-force",
    "pound-feet": "pound-foot", "pound-foot": "pound-foot", "l": "litre",
    "basis points": "basis point", "basis point": "basis point", "bps": "basis point", "bp": "basis point",
    "apg": "assist per game", "rpg": "rebound per game", "″": "inch", "′": "foot",
    "cup": "cup", "teaspoon": "teaspoon", "teaspoons": "teaspoon", "tablespoon": "tablespoon",
    "tablespoons": "tablespoon", "cc": "cubic centimetre",  # "engine displacements of up to 660 cc"
    "pint": "pint", "pints": "pint", "quart": "quart", "quarts": "quart", "ounce": "ounce", "ounces": "ounce",
    "oz": "ounce", "cent": "cent", "cents": "cent", "cts": "cent", "ct": "cent",  # "the 41 cents consensus"
    # Abbreviations written with a plural "s" ("9,400 kms"), and units of two words.
    "kms": "kilometre", "kgs": "kilogram", "cms": "centimetre", "mms": "millimetre", "yd": "yard",
    "yds": "yard", "hr": "hour", "hrs": "hour", "yr": "year", "yrs": "year", "nautical mile": "nautical mile",
    "nautical miles": "nautical mile", "nautical-mile": "nautical mile", "light year": "light-year",
    "light years": "light-year", "light-year": "light-year", "light-years": "light-year",
    "magnitude": "magnitude",
    "barrels of oil": "barrel of oil", "barrel of oil": "barrel of oil", "millimetres of mercury":
    "millimetre of mercury", "millimeters of mercury": "millimetre of mercury", "inches of mercury":
    "inch of mercury",  # "a 6.4-magnitude earthquake": a size, not a count of magnitudes
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
        "milliwatt": ("milliwatt", "milliwatts"), "millivolt": ("millivolt", "millivolts"),
        "milliampere": ("milliampere", "milliamperes", "milliamp", "milliamps"),
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
# Areas and volumes in the singular and hyphened, as a measure before a noun is written: "a 24-square-mile
# area", "their 5,000-square-foot house".
UNITS.update({"square mile": "square mile", "square kilometre": "square kilometre",
              "square kilometer": "square kilometre", "square metre": "square metre",
              "square meter": "square metre", "cubic meter": "cubic metre"})
UNITS.update({name.replace(" ", "-"): unit for name, unit in list(UNITS.items())
              if name.startswith(("square ", "cubic ")) and " " not in name.partition(" ")[2]})
# Symbols whose case decides the unit: "450 Nm" of torque is not 450 nanometres, "5G" not 5 grams,
# "12 C" is Celsius. SI symbols ("300 mW" milliwatts) are in `symbols.py`.
CASED_UNITS = {"Nm": "newton metre", "G": "generation", "C": "celsius"}

DURATIONS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}

PEOPLE = {"people", "persons", "person", "hostages", "hostage", "citizens", "civilians",
          "soldiers", "children", "women", "men", "lives", "gunmen", "militants", "residents",
          "troops", "victims", "dead", "journalists", "workers", "patients", "prisoners",
          "detainees", "refugees", "migrants", "fighters", "others", "casualties", "officers",
          "nationals", "israelis", "palestinians", "russians", "captives", "survivors",
          "deaths", "killed", "wounded", "injured", "members", "employees", "voters", "adults",
          "students", "families", "individuals", "staff"}

# Plural nouns that a year before them dates rather than counts: "1986 results", "had 1988 sales of",
# "from 1990 levels", "the 1997 bombings".
DATED = {"results", "sales", "earnings", "profits", "losses", "revenues", "figures", "levels", "prices",
         "periods", "accounts", "exports", "imports", "subsidies", "crops", "harvests", "budgets",
         "estimates", "forecasts", "targets", "models", "dividends", "returns", "reserves", "commitments",
         "quotas", "elections", "bombings"}

# Clock words after a number: "9 p.m.", "10.45pm" are times, not figures.
TIMES = {"a.m", "p.m", "am", "pm", "gmt", "utc", "o'clock"}

WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

STREETS = {"road", "street", "avenue", "lane", "drive", "boulevard", "st", "rd", "ave", "way"}

CHANGES = ("up", "down", "rose", "fell", "increased", "decreased", "gained", "lost", "dropped",
           "jumped", "climbed", "slipped", "plunged", "plummeted", "surged", "soared", "by", "grew",
           "declined", "rising", "falling", "sank", "tumbled", "advanced", "eased", "added")

# Symbols that name more than one unit (CQE's unit table lists them): words of the sentence
# that belong to a unit's field decide, else the first (the commoner in news). Money as ISO codes.
_FIELDS = {
    "temperature": {"temperature", "temperatures", "degrees", "hot", "cold", "heat", "warm", "weather",
                    "boil", "boiling", "melting", "freezing", "fever", "oven", "thermometer", "thermostat",
                    "heated", "heating", "cooled", "warmer", "colder", "hotter"},
    "money": {"cost", "costs", "price", "priced", "prices", "pay", "paid", "ticket", "buy", "bought",
              "sell", "sold", "spend", "spent", "worth", "fee", "budget", "salary", "bill", "pricey", "cheap",
              "afford", "fare", "expensive", "charged", "donated", "donation", "invested", "earned", "saved",
              "profit", "exchanged", "withdrew", "discount", "auction", "rent", "loan", "deposit", "purchase",
              "purchased", "paying", "spending", "costing", "selling", "buying", "bonus", "lottery", "prize",
              "fine", "fined", "wage", "wages", "income", "tax", "bills", "sells", "sale", "buys", "pays",
              "charges"},
    "time": {"working", "worked", "work", "lasted", "lasts", "took", "takes", "since", "period", "duration",
             "ran", "run", "lap", "record", "clocked", "finished", "waited", "employed"},
    "data": {"file", "files", "disk", "memory", "storage", "download", "data", "size", "bandwidth", "stored"},
    "length": {"long", "length", "tall", "high", "wide", "width", "distance", "height", "deep", "diameter",
               "neck", "screen"},
    "capacitance": {"capacitor", "capacitance", "capacitors"},
    "charge": {"coulomb", "coulombs", "electron", "electrons", "ions", "charge"},
    "speed": {"speed", "wind", "winds", "boat", "ship", "vessel", "sail", "sailing", "fast", "gusts",
              "knots"},
    "energy": {"bomb", "explosion", "yield", "nuclear", "blast", "warhead"},
    "volume": {"drink", "milk", "beer", "water", "bottle", "glass", "fuel", "gasoline", "petrol", "tank"},
    "age": {"old", "baby", "infant", "aged", "born"},
    "land": {"land", "farm", "plot", "field", "estate", "property", "farmland"},
    "sound": {"sound", "noise", "loud", "loudness"},
    "magnetism": {"magnetic", "magnet", "magnets"},
    "radiation": {"radiation", "dose", "exposure", "radioactive", "x-ray"},
    "china": {"china", "chinese", "yuan", "renminbi", "beijing", "shanghai"},
    "type": {"font", "text", "typeface", "type"},
    "food": {"food", "meal", "calories", "diet", "eat", "eating"},
    # Currencies that several countries name alike: the country said in the sentence decides.
    "switzerland": {"swiss", "switzerland", "zurich", "geneva", "basel", "bern"},
    "france": {"france", "french", "paris"},
    "belgium": {"belgium", "belgian", "brussels"},
    "mexico": {"mexico", "mexican"},
    "philippines": {"philippines", "philippine", "filipino", "manila"},
    "argentina": {"argentina", "argentine", "argentinian"},
    "chile": {"chile", "chilean"},
    "colombia": {"colombia", "colombian"},
    "denmark": {"denmark", "danish", "copenhagen"},
    "norway": {"norway", "norwegian", "oslo"},
    "sweden": {"sweden", "swedish", "stockholm"},
    "czech": {"czech", "prague"},
    "iraq": {"iraq", "iraqi", "baghdad"},
    "kuwait": {"kuwait", "kuwaiti"},
    "jordan": {"jordan", "jordanian", "amman"},
    "serbia": {"serbia", "serbian", "belgrade", "yugoslavia", "yugoslav"},
}
_FRANCS = (("CHF", "switzerland"), ("FRF", "france"), ("BEF", "belgium"))
_PESOS = (("MXN", "mexico"), ("PHP", "philippines"), ("ARS", "argentina"), ("CLP", "chile"),
          ("COP", "colombia"))
_CROWNS = (("DKK", "denmark"), ("NOK", "norway"), ("SEK", "sweden"), ("CZK", "czech"))
_DINARS = (("IQD", "iraq"), ("KWD", "kuwait"), ("JOD", "jordan"), ("RSD", "serbia"))
AMBIGUOUS_UNITS: dict[str, tuple[tuple[str, str], ...]] = {
    "F": (("fahrenheit", "temperature"), ("farad", "capacitance")),
    "C": (("celsius", "temperature"), ("coulomb", "charge")),
    "c": (("cent", "money"), ("celsius", "temperature")),
    "b": (("bit", "data"), ("barn", "")),
    "B": (("byte", "data"), ("bel", "sound"), ("gauss", "magnetism")),
    "kn": (("knot", "speed"), ("HRK", "money")),
    "kt": (("knot", "speed"), ("kiloton", "energy")),
    "a": (("year", "time"), ("acre", "land")),
    "mo": (("month", "time"), ("month of age", "age")),
    "pt": (("pint", "volume"), ("point (typography)", "type")),
    "gal": (("gallon", "volume"), ("gal", "")),
    "R": (("ZAR", "money"), ("roentgen", "radiation")),
    **{word: (("dram", ""), ("AMD", "money")) for word in ("dram", "drams")},  # a mass unless money is said
    "¥": (("JPY", ""), ("CNY", "china")),  # "866 ¥ for a one-way trip" from Shanghai to Beijing: yuan
    "″": (("inch", "length"), ("second", "time")),
    "′": (("foot", "length"), ("minute", "time")),
    "Cal": (("kilocalorie", "food"),),
    "kcal": (("kilocalorie", "food"),),
    **{word: _FRANCS for word in ("francs", "franc")}, **{word: _PESOS for word in ("pesos", "peso")},
    **{word: _CROWNS for word in ("crowns", "kroner", "krone")},
    **{word: _DINARS for word in ("dinars", "dinar")},
}

MONEY_WORDS = _FIELDS["money"]
AMBIGUOUS_NAMES = {name for candidates in AMBIGUOUS_UNITS.values() for name, _ in candidates}


def ambiguous_unit(symbol: str, words: set[str]) -> str:
    """The unit a symbol of `AMBIGUOUS_UNITS` names in a sentence of these (lower-cased) words:
    "the capacitor was 2.5 F" is farads, "the concert ticket cost me 150 kn" Croatian kuna."""
    candidates = AMBIGUOUS_UNITS[symbol]
    return next((unit for unit, field in candidates if field and not _FIELDS[field].isdisjoint(words)),
                candidates[0][0])
