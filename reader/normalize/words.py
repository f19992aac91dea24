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
    "vs": "versus", "ext": "extension", "p": "page", "pp": "pages", "c": "circa", "ca": "circa", "etc": "et cetera", "e.g": "for example", "i.e": "that is", "approx": "approximately",
    "inc": "Incorporated", "corp": "Corporation", "ltd": "Limited", "co": "Company", "bros": "Brothers",
    "jr": "Junior", "sr": "Senior", "dept": "Department", "univ": "University", "est": "established",
    "ave": "Avenue", "blvd": "Boulevard", "rd": "Road", "hwy": "Highway", "mt": "Mount", "ft": "Fort",
    "jan": "January", "feb": "February", "mar": "March", "apr": "April", "jun": "June", "jul": "July",
    "aug": "August", "sep": "September", "sept": "September", "oct": "October", "nov": "November",
    "dec": "December", "mon": "Monday", "tue": "Tuesday", "tues": "Tuesday", "wed": "Wednesday",
    "thu": "Thursday", "thur": "Thursday", "thurs": "Thursday", "fri": "Friday", "sat": "Saturday", "sun": "Sunday",
    "fig": "figure", "vol": "volume", "govt": "government", "intl": "international",
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
    "rs": ("rupee", "rupees", "paisa", "paise"), "rs.": ("rupee", "rupees", "paisa", "paise"),
    "chf": ("Swiss franc", "Swiss francs", "centime", "centimes"),
    "cad": ("Canadian dollar", "Canadian dollars", "cent", "cents"),
    "aud": ("Australian dollar", "Australian dollars", "cent", "cents"),
    "₩": ("won", "won", "jeon", "jeon"), "krw": ("won", "won", "jeon", "jeon"),
    "₺": ("lira", "lira", "kurus", "kurus"), "try": ("lira", "lira", "kurus", "kurus"),
    "₪": ("shekel", "shekels", "agora", "agorot"), "ils": ("shekel", "shekels", "agora", "agorot"),
    "r$": ("real", "reais", "centavo", "centavos"), "brl": ("real", "reais", "centavo", "centavos"),
    "kr": ("krona", "kronor", "ore", "ore"), "sek": ("Swedish krona", "Swedish kronor", "ore", "ore"),
    "nok": ("Norwegian krone", "Norwegian kroner", "ore", "ore"), "dkk": ("Danish krone", "Danish kroner", "ore", "ore"),
    "zł": ("zloty", "zlotys", "grosz", "groszy"), "pln": ("zloty", "zlotys", "grosz", "groszy"),
    "₦": ("naira", "naira", "kobo", "kobo"), "ngn": ("naira", "naira", "kobo", "kobo"),
    "₱": ("peso", "pesos", "centavo", "centavos"), "php": ("Philippine peso", "Philippine pesos", "centavo", "centavos"),
    "฿": ("baht", "baht", "satang", "satang"), "thb": ("baht", "baht", "satang", "satang"),
    "₫": ("dong", "dong", "xu", "xu"), "vnd": ("dong", "dong", "xu", "xu"),
    "₸": ("tenge", "tenge", "tiyn", "tiyn"), "kzt": ("tenge", "tenge", "tiyn", "tiyn"),
    "₾": ("lari", "lari", "tetri", "tetri"), "gel": ("lari", "lari", "tetri", "tetri"),
    "cny": ("yuan", "yuan", "fen", "fen"), "rmb": ("yuan", "yuan", "fen", "fen"),
    "mxn": ("Mexican peso", "Mexican pesos", "centavo", "centavos"), "zar": ("rand", "rand", "cent", "cents"),
    "hkd": ("Hong Kong dollar", "Hong Kong dollars", "cent", "cents"), "sgd": ("Singapore dollar", "Singapore dollars", "cent", "cents"),
    "nzd": ("New Zealand dollar", "New Zealand dollars", "cent", "cents"), "czk": ("Czech koruna", "Czech korunas", "haler", "halers"),
    "huf": ("forint", "forints", "filler", "fillers"), "us$": ("US dollar", "US dollars", "cent", "cents"),
    "a$": ("Australian dollar", "Australian dollars", "cent", "cents"), "c$": ("Canadian dollar", "Canadian dollars", "cent", "cents"),
    "hk$": ("Hong Kong dollar", "Hong Kong dollars", "cent", "cents"), "nz$": ("New Zealand dollar", "New Zealand dollars", "cent", "cents"),
    "s$": ("Singapore dollar", "Singapore dollars", "cent", "cents"), "fr.": ("franc", "francs", "centime", "centimes"),
}  # fmt: skip
SCALES = {"thousand": "thousand", "k": "thousand", "million": "million", "m": "million", "mn": "million",
          "billion": "billion", "bn": "billion", "bln": "billion", "mln": "million", "b": "billion", "trillion": "trillion", "tn": "trillion",
          "crore": "crore", "crores": "crore", "lakh": "lakh", "lakhs": "lakh"}  # fmt: skip

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
    "kbps": ("kilobit per second", "kilobits per second"), "mbps": ("megabit per second", "megabits per second"),
    "gbps": ("gigabit per second", "gigabits per second"), "yd": ("yard", "yards"), "in.": ("inch", "inches"),
    "cc": ("cubic centimeter", "cubic centimeters"), "ha": ("hectare", "hectares"),
    "µg": ("microgram", "micrograms"), "μg": ("microgram", "micrograms"), "nm": ("nanometer", "nanometers"),
    "gal": ("gallon", "gallons"), "kn": ("knot", "knots"), "ºc": ("degree Celsius", "degrees Celsius"),
    "º": ("degree", "degrees"), "kcal": ("kilocalorie", "kilocalories"), "mAh": ("milliamp hour", "milliamp hours"),
    "hr": ("hour", "hours"), "mins": ("minute", "minutes"), "kb": ("kilobyte", "kilobytes"), "kgs": ("kilogram", "kilograms"),
    "kms": ("kilometer", "kilometers"), "mpg": ("mile per gallon", "miles per gallon"), "cu ft": ("cubic foot", "cubic feet"),
    "sq. ft": ("square foot", "square feet"), "sq. km": ("square kilometer", "square kilometers"), "µm": ("micrometer", "micrometers"),
    "μm": ("micrometer", "micrometers"), "tons": ("ton", "tons"), "ton": ("ton", "tons"),
    "pts": ("point", "points"), "tbsp": ("tablespoon", "tablespoons"), "tsp": ("teaspoon", "teaspoons"), "yrs": ("year", "years"),
    "wks": ("week", "weeks"), "secs": ("second", "seconds"), "hp": ("horsepower", "horsepower"),
    "psi": ("pound per square inch", "pounds per square inch"), "rpm": ("revolution per minute", "revolutions per minute"),
    "mcg": ("microgram", "micrograms"), "mm²": ("square millimeter", "square millimeters"), "km/hr": ("kilometer per hour", "kilometers per hour"),
}  # fmt: skip
# Units that mean something else in any other case ("5 A" may be a grade; "v" is versus): matched only as written here.
CASED_UNITS = {"L": ("liter", "liters"), "C": ("degree Celsius", "degrees Celsius"), "F": ("degree Fahrenheit", "degrees Fahrenheit"), "V": ("volt", "volts"), "W": ("watt", "watts"), "kV": ("kilovolt", "kilovolts"), "mL": ("milliliter", "milliliters"),
               "MB/s": ("megabyte per second", "megabytes per second"), "kDa": ("kilodalton", "kilodaltons")}  # fmt: skip
# Units whose capitals mean something else (M: mega, million; G: giga; T: tera; MS, MB...): matched only as written.
CASE_SENSITIVE_UNITS = frozenset("m g t l h ms mb mi min mins sec hr hrs in. ha nm gal kn cc mw gb tb kb ton tons hp".split())

# Words after which a number-and-unit is not a modifier ("4 TB of data", "$5 million was raised"):
# function words, verbs of being, time words. Any other lower-case word after it is the noun it modifies.
NOT_NOUNS = frozenset(
    "a an the of in on at to for from by with into onto per and or but nor than as so that which who whom whose "
    "is are was were be been being has have had do does did will would can could may might must shall should "
    "each apiece ago away long high wide deep tall old later earlier yesterday today tonight tomorrow last next "
    "this these those then there here now more less over under above below about around off up down out a.m. p.m. "
    "it its he she they we you i his her their our my your if when while after before since until because "
    "total overall altogether annually monthly weekly daily yearly instead too already still".split()
)
TIME_ZONES = frozenset(
    "GMT UTC BST CET CEST EET EEST MSK EST EDT CST CDT MST MDT PST PDT IST JST AEST AEDT KST HKT SGT WIB".split()
)

# All-capital words read as words, not letters. A lexicon can add more.
ACRONYMS = frozenset(
    "NATO NASA UNESCO UNICEF OPEC FIFA NAFTA AIDS COVID SARS MERS ASEAN NASDAQ OSHA FEMA DARPA INTERPOL EUROPOL "
    "FRONTEX SWAT GIF JPEG LASER RADAR SCUBA UEFA IKEA LEGO ISIS ISIL HAMAS CERN ESA ICE AWOL NIMBY YOLO PIN "
    "OK".split()
)
# Capitalized words that are ordinary words shouted, never initialisms.
NOT_INITIALISMS = frozenset("I A OK".split())
SYMBOLS = {"&": " and ", "+": " plus ", "=": " equals ", "×": " times ", "±": " plus or minus ", "№": " number ",
           "~": " about ", "≈": " about ", "→": " to ", "<": " less than ", ">": " more than ",
           "≥": " at least ", "≤": " at most ", "≠": " is not "}  # fmt: skip
