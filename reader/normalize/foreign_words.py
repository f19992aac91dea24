"""Per-language words for reading numbers outside English: months, units, connectives.

Only constant tables live here; ``foreign.py`` decides which reading applies and
``foreign_forms.py`` inflects. Currency names come in two shapes: (singular,
plural) for languages that only count one-or-more, and (one, few, many) for
Polish and Ukrainian, whose nouns take three forms after a number.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """How one language writes and says numbers."""

    code: str
    months: tuple[tuple[str, ...], ...]
    """For each month, the forms that may follow a day; the first is the one spoken."""
    point: str
    """The word for the decimal comma."""
    minus: str
    group: str
    """Characters that may group thousands (after speakable(), no-break spaces are plain spaces)."""
    percent: tuple[str, ...]
    currencies: dict[str, tuple[str, ...]]
    minor: dict[str, tuple[str, ...]]
    feminine: frozenset[str]
    """Currency codes whose noun is feminine ('une livre', 'дві гривні')."""
    money_joint: str
    """What joins whole units and cents ('fünf Euro fünfzig', 'cinco euros con cincuenta')."""
    range_words: tuple[str, str]
    """Words before the first and between the two numbers of a range."""
    hour_words: str
    """Written words after a clock time that the reading replaces ('Uhr', 'h')."""


def _months(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(forms.split("/")) for forms in text.split())


LANGUAGES: dict[str, Language] = {
    "de": Language(
        "de",
        _months(
            "Januar/Jänner/Jan. Februar/Feber/Feb. März/Mär. April/Apr. Mai Juni/Jun. Juli/Jul. August/Aug. "
            "September/Sept./Sep. Oktober/Okt. November/Nov. Dezember/Dez."
        ),
        "Komma",
        "minus",
        ".",
        ("Prozent", "Prozent"),
        {
            "EUR": ("Euro", "Euro"),
            "USD": ("Dollar", "Dollar"),
            "GBP": ("Pfund", "Pfund"),
            "CHF": ("Franken", "Franken"),
            "PLN": ("Złoty", "Złoty"),
            "UAH": ("Hrywnja", "Hrywnja"),
        },
        {},
        frozenset(),
        "",
        ("", "bis"),
        "Uhr",
    ),
    "fr": Language(
        "fr",
        _months(
            "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
        ),
        "virgule",
        "moins",
        " .",
        ("pour cent", "pour cent"),
        {
            "EUR": ("euro", "euros"),
            "USD": ("dollar", "dollars"),
            "GBP": ("livre", "livres"),
            "CHF": ("franc", "francs"),
            "PLN": ("zloty", "zlotys"),
            "UAH": ("hryvnia", "hryvnias"),
        },
        {},
        frozenset({"GBP", "UAH"}),
        "",
        ("de", "à"),
        "h|heures?",
    ),
    "es": Language(
        "es",
        _months(
            "enero febrero marzo abril mayo junio julio agosto septiembre/setiembre octubre noviembre diciembre"
        ),
        "coma",
        "menos",
        ". ",
        ("por ciento", "por ciento"),
        {
            "EUR": ("euro", "euros"),
            "USD": ("dólar", "dólares"),
            "GBP": ("libra", "libras"),
            "CHF": ("franco", "francos"),
            "PLN": ("esloti", "eslotis"),
            "UAH": ("grivna", "grivnas"),
        },
        {},
        frozenset({"GBP", "UAH"}),
        "con",
        ("de", "a"),
        "h|horas?",
    ),
    "it": Language(
        "it",
        _months(
            "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"
        ),
        "virgola",
        "meno",
        ".",
        ("per cento", "per cento"),
        {
            "EUR": ("euro", "euro"),
            "USD": ("dollaro", "dollari"),
            "GBP": ("sterlina", "sterline"),
            "CHF": ("franco", "franchi"),
            "PLN": ("zloty", "zloty"),
            "UAH": ("grivnia", "grivnie"),
        },
        {},
        frozenset({"GBP", "UAH"}),
        "e",
        ("da", "a"),
        "h|ore",
    ),
    "pt": Language(
        "pt",
        _months(
            "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"
        ),
        "vírgula",
        "menos",
        ". ",
        ("por cento", "por cento"),
        {
            "EUR": ("euro", "euros"),
            "USD": ("dólar", "dólares"),
            "GBP": ("libra", "libras"),
            "CHF": ("franco", "francos"),
            "PLN": ("zloty", "zlotys"),
            "UAH": ("hryvnia", "hryvnias"),
        },
        {},
        frozenset({"GBP", "UAH"}),
        "e",
        ("de", "a"),
        "h|horas?",
    ),
    "nl": Language(
        "nl",
        _months(
            "januari februari maart april mei juni juli augustus september oktober november december"
        ),
        "komma",
        "min",
        ".",
        ("procent", "procent"),
        {
            "EUR": ("euro", "euro"),
            "USD": ("dollar", "dollar"),
            "GBP": ("pond", "pond"),
            "CHF": ("frank", "frank"),
            "PLN": ("zloty", "zloty"),
            "UAH": ("hryvnja", "hryvnja"),
        },
        {},
        frozenset(),
        "",
        ("", "tot"),
        "uur|u\\.?",
    ),
    "pl": Language(
        "pl",
        _months(
            "stycznia/styczeń lutego/luty marca/marzec kwietnia/kwiecień maja/maj czerwca/czerwiec lipca/lipiec "
            "sierpnia/sierpień września/wrzesień października/październik listopada/listopad grudnia/grudzień"
        ),
        "przecinek",
        "minus",
        " .",
        ("procent", "procent", "procent", "procent"),
        {
            "EUR": ("euro", "euro", "euro"),
            "USD": ("dolar", "dolary", "dolarów"),
            "GBP": ("funt", "funty", "funtów"),
            "CHF": ("frank", "franki", "franków"),
            "PLN": ("złoty", "złote", "złotych"),
            "UAH": ("hrywna", "hrywny", "hrywien"),
        },
        {
            "EUR": ("cent", "centy", "centów"),
            "USD": ("cent", "centy", "centów"),
            "GBP": ("pens", "pensy", "pensów"),
            "CHF": ("centym", "centymy", "centymów"),
            "PLN": ("grosz", "grosze", "groszy"),
            "UAH": ("kopiejka", "kopiejki", "kopiejek"),
        },
        frozenset({"UAH"}),
        "",
        ("od", "do"),
        "godz\\.?|h",
    ),
    "uk": Language(
        "uk",
        _months(
            "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"
        ),
        "кома",
        "мінус",
        " ",
        ("відсоток", "відсотки", "відсотків", "відсотка"),
        {
            "EUR": ("євро", "євро", "євро"),
            "USD": ("долар", "долари", "доларів"),
            "GBP": ("фунт", "фунти", "фунтів"),
            "CHF": ("франк", "франки", "франків"),
            "PLN": ("злотий", "злоті", "злотих"),
            "UAH": ("гривня", "гривні", "гривень"),
        },
        {
            "EUR": ("цент", "центи", "центів"),
            "USD": ("цент", "центи", "центів"),
            "GBP": ("пенс", "пенси", "пенсів"),
            "CHF": ("сантим", "сантими", "сантимів"),
            "PLN": ("грош", "гроші", "грошів"),
            "UAH": ("копійка", "копійки", "копійок"),
        },
        frozenset({"UAH"}),
        "",
        ("від", "до"),
        "год\\.?",
    ),
}

SYMBOLS: dict[str, str] = {
    "€": "EUR",
    "$": "USD",
    "US$": "USD",
    "£": "GBP",
    "zł": "PLN",
    "₴": "UAH",
    "грн": "UAH",
    "грн.": "UAH",
    "Fr.": "CHF",
    "CHF": "CHF",
    "EUR": "EUR",
    "USD": "USD",
    "GBP": "GBP",
    "PLN": "PLN",
    "UAH": "UAH",
}
"""Written currency signs and codes, each to its ISO code."""
