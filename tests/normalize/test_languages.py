"""Numbers read in the article's language, the way that language's newsreader says them (issue 9)."""

import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.normalize.foreign import SUPPORTED, ForeignNormalizer
from reader.normalize.rewrite import speakable

# (language, written, what the spoken sentence must contain)
CASES = [
    # German
    ("de", "Es kamen 1.234 Menschen.", "tausendzweihundertvierunddreißig Menschen"),
    ("de", "Der Wert lag bei 3,75.", "drei Komma sieben fünf"),
    ("de", "Die 3. Liga spielt.", "dritte Liga"),
    ("de", "Der 3. März war kalt.", "Der dritte März"),
    ("de", "Berlin, 3. März 2024", "dritter März"),
    ("de", "Das war am 03.05.2024.", "am dritten Mai zweitausendvierundzwanzig"),
    ("de", "Im Jahr 1999 fiel die Mauer nicht.", "neunzehnhundertneunundneunzig"),
    ("de", "Es kostet 5,50 €.", "fünf Euro fünfzig"),
    ("de", "Es kostet 1 €.", "ein Euro"),
    ("de", "Die Steuer steigt um 12 %.", "zwölf Prozent"),
    ("de", "Es dauert 3–5 Tage.", "drei bis fünf Tage"),
    ("de", "Wir treffen uns um 14:30 Uhr.", "vierzehn Uhr dreißig."),
    ("de", "Es war -3 Grad kalt.", "minus drei Grad"),
    # French
    ("fr", "Il y avait 1 234,5 personnes.", "mille deux cent trente-quatre virgule cinq personnes"),
    ("fr", "La note est de 3,14.", "trois virgule quatorze"),
    ("fr", "C'est la 2e fois.", "deuxième fois"),
    ("fr", "Le 1er mars 2024", "premier mars deux mille vingt-quatre"),
    ("fr", "En 1999, tout changea.", "mille neuf cent quatre-vingt-dix-neuf"),
    ("fr", "Le prix est de 5,50 €.", "cinq euros cinquante"),
    ("fr", "Une hausse de 12 %.", "douze pour cent"),
    ("fr", "Il faut 3–5 jours.", "de trois à cinq jours"),
    ("fr", "Rendez-vous à 14h30.", "quatorze heures trente"),
    ("fr", "Il fait -3 degrés.", "moins trois degrés"),
    # Spanish
    ("es", "Llegaron 1.234 personas.", "mil doscientos treinta y cuatro personas"),
    ("es", "Subió un 2,5 puntos.", "dos coma cinco"),
    ("es", "Es la 3ª vez.", "tercera vez"),
    ("es", "El 3 de marzo de 2024", "tres de marzo de dos mil veinticuatro"),
    ("es", "En 1999 nadie lo sabía.", "mil novecientos noventa y nueve"),
    ("es", "Cuesta 21 €.", "veintiún euros"),
    ("es", "Un alza del 12 %.", "doce por ciento"),
    ("es", "Tarda 3-5 días.", "de tres a cinco días"),
    ("es", "A las 14:30 empieza.", "catorce y treinta"),
    ("es", "Hace -3 grados.", "menos tres grados"),
    # Italian
    ("it", "Sono 1.234 persone.", "milleduecentotrentaquattro persone"),
    ("it", "Vale 3,5 punti.", "tre virgola cinque"),
    ("it", "È la 3ª volta.", "terza volta"),
    ("it", "Il 1º marzo 2024", "primo marzo duemilaventiquattro"),
    ("it", "Nel 1999 tutto cambiò.", "millenovecentonovantanove"),
    ("it", "Costa 5,50 €.", "cinque euro e cinquanta"),
    ("it", "Un aumento del 12%.", "dodici per cento"),
    ("it", "Servono 3-5 giorni.", "da tre a cinque giorni"),
    ("it", "Alle 14:30 parte.", "quattordici e trenta"),
    ("it", "Ci sono -3 gradi.", "meno tre gradi"),
    # Portuguese
    ("pt", "Vieram 1.234 pessoas.", "mil duzentos e trinta e quatro pessoas"),
    ("pt", "Subiu 2,5 pontos.", "dois vírgula cinco"),
    ("pt", "Ficou em 1.º lugar.", "primeiro lugar"),
    ("pt", "Em 3 de março de 2024", "três de março de dois mil e vinte e quatro"),
    ("pt", "Em 1999 tudo mudou.", "mil novecentos e noventa e nove"),
    ("pt", "Custa 5,50 €.", "cinco euros e cinquenta"),
    ("pt", "Uma subida de 12%.", "doze por cento"),
    ("pt", "Demora 3-5 dias.", "de três a cinco dias"),
    ("pt", "Às 14h30 começa.", "catorze e trinta"),
    ("pt", "Estão -3 graus.", "menos três graus"),
    # Dutch
    ("nl", "Er kwamen 1.234 mensen.", "duizendtweehonderdvierendertig mensen"),
    ("nl", "Het is 3,5 meter.", "drie komma vijf"),
    ("nl", "Voor de 3e keer.", "derde keer"),
    ("nl", "Op 3 maart 2024", "drie maart tweeduizendvierentwintig"),
    ("nl", "In 1999 veranderde alles.", "negentienhonderdnegenennegentig"),
    ("nl", "Het kost € 5,50.", "vijf euro vijftig"),
    ("nl", "Een stijging van 12%.", "twaalf procent"),
    ("nl", "Het duurt 3-5 dagen.", "drie tot vijf dagen"),
    ("nl", "Om 14:30 uur begint het.", "veertien uur dertig"),
    ("nl", "Het vriest -3 graden.", "min drie graden"),
    # Polish
    ("pl", "Przyszło 1 234 osób.", "tysiąc dwieście trzydzieści cztery osób"),
    ("pl", "Wzrost o 2,5 punktu.", "dwa przecinek pięć"),
    ("pl", "Zajął 3. miejsce.", "trzeci miejsce"),
    ("pl", "3 marca 2024 r. było zimno.", "trzeciego marca dwa tysiące dwudziestego czwartego roku było"),
    ("pl", "W 2024 r. to się zmieni.", "dwa tysiące dwudziestym czwartym roku"),
    ("pl", "Kosztuje 5,50 zł.", "pięć złotych pięćdziesiąt groszy"),
    ("pl", "Kosztuje 2 zł.", "dwa złote"),
    ("pl", "Wzrost o 12%.", "dwanaście procent"),
    ("pl", "Potrwa 3–5 dni.", "od trzech do pięciu dni"),
    ("pl", "Spotkanie o 14:30.", "o czternastej trzydzieści"),
    ("pl", "Jest -3 stopnie.", "minus trzy stopnie"),
    # Ukrainian
    ("uk", "Прийшли 1 234 людей.", "тисяча двісті тридцять чотири людей"),
    ("uk", "Зростання на 2,5 пункта.", "два кома п'ять"),
    ("uk", "Це 3-й раз.", "третій раз"),
    ("uk", "3 березня 2024 року було холодно.", "третього березня дві тисячі двадцять четвертого року було"),
    ("uk", "У 2024 р. усе зміниться.", "дві тисячі двадцять четвертому році"),
    ("uk", "Коштує 21 грн.", "двадцять одна гривня"),
    ("uk", "Коштує 5,50 грн.", "п'ять гривень п'ятдесят копійок"),
    ("uk", "Зростання на 12%.", "дванадцять відсотків"),
    ("uk", "Триватиме 3–5 днів.", "від трьох до п'яти днів"),
    ("uk", "Зустріч о 14:30.", "о чотирнадцятій тридцять"),
    ("uk", "Зараз -3 градуси.", "мінус три градуси"),
]


@pytest.mark.parametrize(("lang", "written", "expected"), CASES)
def test_reading(lang, written, expected):
    spoken, _ = ForeignNormalizer(lang).sentence(written)
    assert expected in spoken, spoken


def test_german_date_after_am():
    spoken, rewrites = ForeignNormalizer("de").sentence("Das Treffen war am 3. März 2024 in Berlin.")
    assert "am dritten März zweitausendvierundzwanzig in Berlin" in spoken
    assert [r.original for r in rewrites] == ["3. März 2024"]


def test_every_supported_language_has_cases():
    assert {"de", "fr", "es", "it", "pt", "nl", "pl", "uk"} <= SUPPORTED
    assert {lang for lang, _, _ in CASES} == SUPPORTED


def test_no_digits_left_in_the_cases():
    for lang, written, _ in CASES:
        spoken, _ = ForeignNormalizer(lang).sentence(written)
        assert not re.search(r"\d", spoken), (lang, written, spoken)


@pytest.mark.parametrize("lang", [None, "", "en", "sv", "ru", "ja", "xx"])
def test_unsupported_language_passes_through_with_digits(lang):
    text = "Am 3. März 2024 kostete es 5,50 €\u200b und   12 %."
    assert ForeignNormalizer(lang).sentence(text) == (speakable(text), [])


def test_region_subtag_picks_the_language():
    assert "zwölf Prozent" in ForeignNormalizer("de-AT").sentence("12 %")[0]


def test_numbers_num2words_cannot_say_stay_digits():
    # Polish ordinals beyond the thousands make num2words raise KeyError.
    spoken, rewrites = ForeignNormalizer("pl").sentence("To 1234567. miejsce i " + "7" * 40 + " znaków.")
    assert "7" * 40 in spoken
    assert not any(r.original == "7" * 40 for r in rewrites)


_PLAIN = re.compile(r"[^\W\d_]+")
pieces = st.one_of(
    st.sampled_from(["3. März", "1er", "3ª", "1.º", "3e", "3-го", "2024 r.", "5,50 €", "€5", "12 %", "3–5", "3-5",
                     "14:30", "14h30", "Uhr", "-3", "−3", "1.234,5", "1 234", "03.05.2024", "2024-03-05", "zł", "грн",
                     "%", "€", "$", "\u202f", "\u00a0", "\u200b", "\x07", "Київ", "北京", ".", ",", "-", "–"]),  # fmt: skip
    st.from_regex(r"[A-Za-zäöüßéñçąęłż]{1,10}", fullmatch=True),
    st.from_regex(r"-?[0-9]{1,30}([.,][0-9]{1,5})?", fullmatch=True),
    st.text(max_size=6),
)
texts = st.lists(pieces, max_size=30).map(" ".join)
normalizers = {lang: ForeignNormalizer(lang) for lang in sorted(SUPPORTED)}


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(SUPPORTED)), texts)
def test_never_crashes_never_loses_a_word(lang, text):
    spoken, rewrites = normalizers[lang].sentence(text)
    cleaned = speakable(text)
    end = 0
    for r in rewrites:
        assert end <= r.start < r.end <= len(cleaned)
        assert cleaned[r.start : r.end] == r.original
        assert r.spoken and r.spoken in spoken
        end = r.end
    mask = [False] * len(cleaned)
    for r in rewrites:
        mask[r.start : r.end] = [True] * (r.end - r.start)
    position = 0
    for word in (m.group(0) for m in _PLAIN.finditer(cleaned) if not any(mask[m.start() : m.end()])):
        found = spoken.find(word, position)
        assert found >= 0, (word, text, spoken)
        position = found + len(word)


@pytest.mark.parametrize("lang", ["de", "pl"])
def test_megabyte_line_in_linear_time(lang):
    text = " ".join(f"Wort{i % 97} am 3. März 12,5 % 3–5 und 1.234" for i in range(27_000))
    assert len(text) > 1_000_000
    start = time.perf_counter()
    spoken, rewrites = ForeignNormalizer(lang).sentence(text)
    assert time.perf_counter() - start < 60
    assert len(rewrites) >= 27_000 * 3
