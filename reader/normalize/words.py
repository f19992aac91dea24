"""Word tables for the normalizer: abbreviations, units, currencies, acronyms."""

from __future__ import annotations

# Titles before a name ("Gen. Zaluzhny"); expanded only when a name follows.
TITLES = {
    "mr": "Mister", "mrs": "Missus", "ms": "Miz", "dr": "Doctor", "prof": "Professor", "gen": "General",
    "lt": "Lieutenant", "col": "Colonel", "maj": "Major", "capt": "Captain", "sgt": "Sergeant",
    "cmdr": "Commander", "adm": "Admiral", "brig": "Brigadier", "sen": "Senator", "rep": "Representative",
    "gov": "Governor", "pres": "President", "rev": "Reverend", "hon": "Honorable", "fr": "Father",
    "supt": "Superintendent", "insp": "Inspector", "det": "Detective", "amb": "Ambassador",
}  # fmt: skip
# Two-word titles read as one ("Lt. Col.", "Maj. Gen.").
TITLE_PAIRS = {("lt", "col"): "Lieutenant Colonel", ("lt", "gen"): "Lieutenant General",
               ("maj", "gen"): "Major General", ("brig", "gen"): "Brigadier General"}  # fmt: skip
# Abbreviations read the same wherever they stand.
ABBREVIATIONS = {
    "vs": "versus", "etc": "et cetera", "e.g": "for example", "i.e": "that is", "approx": "approximately",
    "inc": "Incorporated", "corp": "Corporation", "ltd": "Limited", "co": "Company", "bros": "Brothers",
    "jr": "Junior", "sr": "Senior", "dept": "Department", "univ": "University", "est": "established",
    "ave": "Avenue", "blvd": "Boulevard", "rd": "Road", "hwy": "Highway", "mt": "Mount", "ft": "Fort",
    "jan": "January", "feb": "February", "mar": "March", "apr": "April", "jun": "June", "jul": "July",
    "aug": "August", "sep": "September", "sept": "September", "oct": "October", "nov": "November",
    "dec": "December", "fig": "figure", "vol": "volume", "govt": "government", "intl": "international",
}  # fmt: skip
# Abbreviations whose periods are optional (they are unambiguous without one).
BARE_ABBREVIATIONS = {"vs", "etc", "approx", "govt", "intl"}
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
MONTH_NUMBER = {m.lower(): i + 1 for i, m in enumerate(MONTHS)}
MONTH_NUMBER.update({m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)})
MONTH_NUMBER["sept"] = 9

CURRENCIES = {  # symbol or code -> (singular, plural, cent singular, cent plural)
    "$": ("dollar", "dollars", "cent", "cents"), "usd": ("dollar", "dollars", "cent", "cents"),
    "€": ("euro", "euros", "cent", "cents"), "eur": ("euro", "euros", "cent", "cents"),
    "£": ("pound", "pounds", "penny", "pence"), "gbp": ("pound", "pounds", "penny", "pence"),
    "₴": ("hryvnia", "hryvnias", "kopiyka", "kopiykas"), "uah": ("hryvnia", "hryvnias", "kopiyka", "kopiykas"),
    "¥": ("yen", "yen", "sen", "sen"), "jpy": ("yen", "yen", "sen", "sen"),
    "₽": ("ruble", "rubles", "kopek", "kopeks"), "rub": ("ruble", "rubles", "kopek", "kopeks"),
    "₹": ("rupee", "rupees", "paisa", "paise"), "inr": ("rupee", "rupees", "paisa", "paise"),
    "chf": ("Swiss franc", "Swiss francs", "centime", "centimes"),
    "cad": ("Canadian dollar", "Canadian dollars", "cent", "cents"),
    "aud": ("Australian dollar", "Australian dollars", "cent", "cents"),
}  # fmt: skip
SCALES = {"thousand": "thousand", "k": "thousand", "million": "million", "m": "million", "mn": "million",
          "billion": "billion", "bn": "billion", "b": "billion", "trillion": "trillion", "tn": "trillion"}  # fmt: skip

UNITS = {  # unit -> (singular, plural)
    "km/h": ("kilometer per hour", "kilometers per hour"), "kph": ("kilometer per hour", "kilometers per hour"),
    "mph": ("mile per hour", "miles per hour"), "m/s": ("meter per second", "meters per second"),
    "sq km": ("square kilometer", "square kilometers"), "km²": ("square kilometer", "square kilometers"),
    "km2": ("square kilometer", "square kilometers"), "sq mi": ("square mile", "square miles"),
    "m²": ("square meter", "square meters"), "m2": ("square meter", "square meters"),
    "sq ft": ("square foot", "square feet"), "km": ("kilometer", "kilometers"), "cm": ("centimeter", "centimeters"),
    "mm": ("millimeter", "millimeters"), "m": ("meter", "meters"), "mi": ("mile", "miles"), "ft": ("foot", "feet"),
    "kg": ("kilogram", "kilograms"), "mg": ("milligram", "milligrams"), "g": ("gram", "grams"),
    "lb": ("pound", "pounds"), "lbs": ("pound", "pounds"), "oz": ("ounce", "ounces"), "t": ("tonne", "tonnes"),
    "l": ("liter", "liters"), "ml": ("milliliter", "milliliters"), "°c": ("degree Celsius", "degrees Celsius"),
    "°f": ("degree Fahrenheit", "degrees Fahrenheit"), "°": ("degree", "degrees"), "kw": ("kilowatt", "kilowatts"),
    "mw": ("megawatt", "megawatts"), "gw": ("gigawatt", "gigawatts"), "kwh": ("kilowatt hour", "kilowatt hours"),
    "gb": ("gigabyte", "gigabytes"), "mb": ("megabyte", "megabytes"), "tb": ("terabyte", "terabytes"),
    "hz": ("hertz", "hertz"), "khz": ("kilohertz", "kilohertz"), "mhz": ("megahertz", "megahertz"),
    "ghz": ("gigahertz", "gigahertz"), "min": ("minute", "minutes"), "hrs": ("hour", "hours"), "h": ("hour", "hours"),
    "sec": ("second", "seconds"), "ms": ("millisecond", "milliseconds"),
}  # fmt: skip

# All-capital words read as words, not letters. A lexicon can add more.
ACRONYMS = frozenset(
    "NATO NASA UNESCO UNICEF OPEC FIFA NAFTA AIDS COVID SARS MERS ASEAN NASDAQ OSHA FEMA DARPA INTERPOL EUROPOL "
    "FRONTEX SWAT GIF JPEG LASER RADAR SCUBA UEFA IKEA LEGO ISIS ISIL HAMAS CERN ESA ICE AWOL NIMBY YOLO PIN "
    "OK".split()
)
# Capitalized words that are ordinary words shouted, never initialisms.
NOT_INITIALISMS = frozenset("I A OK".split())
SYMBOLS = {"&": " and ", "+": " plus ", "=": " equals ", "×": " times ", "±": " plus or minus ", "№": " number ",
           "~": " about ", "≈": " about ", "→": " to ", "<": " less than ", ">": " more than "}  # fmt: skip
