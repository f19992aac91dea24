"""Each class of written form, in real news-style sentences, read as a newsreader would."""

import pytest

from reader.normalize import Normalizer

say = Normalizer().sentence


def spoken(text: str) -> str:
    return say(text)[0]


@pytest.mark.parametrize(
    "written, expected",
    [
        # cardinals, decimals, negatives, percentages, numbers people say their own way
        ("The city has 1,250,000 residents.", "The city has one million two hundred fifty thousand residents."),
        ("Inflation fell to 2.5 percent.", "Inflation fell to two point five percent."),
        ("Temperatures dropped to -12 overnight.", "Temperatures dropped to minus twelve overnight."),
        ("Turnout was 64.3% in the capital.", "Turnout was sixty four point three percent in the capital."),
        ("Unemployment rose 3-4% last year.", "Unemployment rose three to four percent last year."),
        ("Residents called 911 after the blast.", "Residents called nine one one after the blast."),
        ("The hotline is open 24/7 for families.", "The hotline is open twenty four seven for families."),
        ("The memorial honors the victims of 9/11.", "The memorial honors the victims of nine eleven."),
        # money
        ("Netherlands allocates over $210 million for ammunition.", "Netherlands allocates over two hundred ten million dollars for ammunition."),
        ("The fund holds €1.5 billion in reserves.", "The fund holds one point five billion euros in reserves."),
        ("A ticket costs £3.50 on weekdays.", "A ticket costs three pounds fifty pence on weekdays."),
        ("Salaries start at ₴15,000 a month.", "Salaries start at fifteen thousand hryvnias a month."),
        ("The deal is worth USD 40 million.", "The deal is worth forty million dollars."),
        ("Donors pledged 20 EUR each.", "Donors pledged twenty euros each."),
        ("The debt reached $31 trillion.", "The debt reached thirty one trillion dollars."),
        ("Coffee now costs $4.99 here.", "Coffee now costs four dollars ninety nine cents here."),
        ("The repairs cost $10-15 million.", "The repairs cost ten to fifteen million dollars."),
        # ranges
        ("He served as mayor in 2014–2022.", "He served as mayor in twenty fourteen to twenty twenty two."),
        ("The convoy stretched 10-15 km along the road.", "The convoy stretched ten to fifteen kilometers along the road."),
        ("Shops open on days 3-5 of the festival.", "Shops open on days three to five of the festival."),
        # ordinals, years, decades
        ("It was the 21st attack this month.", "It was the twenty first attack this month."),
        ("The 103rd session opened today.", "The one hundred third session opened today."),
        ("The plant closed in 1990.", "The plant closed in nineteen ninety."),
        ("The law dates from 2001.", "The law dates from two thousand one."),
        ("Sales grew in 2023, the report said.", "Sales grew in twenty twenty three, the report said."),
        ("Prices soared in the 1970s.", "Prices soared in the nineteen seventies."),
        ("It was a hit in the '90s.", "It was a hit in the nineties."),
        # dates
        ("The talks began on March 7, 2023 in Geneva.", "The talks began on March seventh, twenty twenty three in Geneva."),
        ("The talks began on 7 March 2023 in Geneva.", "The talks began on the seventh of March, twenty twenty three in Geneva."),
        ("The vote is set for Mar. 7 in the capital.", "The vote is set for March seventh in the capital."),
        ("The report is dated 2023-03-07.", "The report is dated March seventh, twenty twenty three."),
        ("The report is dated 03/07/2023.", "The report is dated March seventh, twenty twenty three."),
        # times and durations
        ("The sirens sounded at 10:01 PM.", "The sirens sounded at ten oh one P M."),
        ("The update came at 6:41 a.m. local time.", "The update came at six forty one A M local time."),
        ("The train leaves at 14:30 daily.", "The train leaves at fourteen thirty daily."),
        ("She finished the race in 2:05:09.", "She finished the race in two hours, five minutes and nine seconds."),
        # measures and fractions
        ("The car was doing 120 km/h.", "The car was doing one hundred twenty kilometers per hour."),
        ("Winds reached 60 mph on the coast.", "Winds reached sixty miles per hour on the coast."),
        ("Each parcel weighed 1 kg.", "Each parcel weighed one kilogram."),
        ("It was -5 °C at dawn and 41 °F by noon.", "It was minus five degrees Celsius at dawn and forty one degrees Fahrenheit by noon."),
        ("The fire burned 300 sq km of forest.", "The fire burned three hundred square kilometers of forest."),
        ("About 3/4 of voters agreed.", "About three quarters of voters agreed."),
        ("Add 1 1/2 cups of flour.", "Add one and a half cups of flour."),
        ("Only 1/2 of the budget was spent.", "Only one half of the budget was spent."),
    ],
)  # fmt: skip
def test_numbers_money_dates_times_units(written, expected):
    assert spoken(written) == expected


@pytest.mark.parametrize(
    "written, expected",
    [
        ("Mr. Smith met Dr. Jones at the clinic.", "Mister Smith met Doctor Jones at the clinic."),
        ("Gen. Zaluzhny and Lt. Col. Petrenko briefed Sen. Warren.", "General Zaluzhny and Lieutenant Colonel Petrenko briefed Senator Warren."),
        ("Rep. Adams and Gov. Lee praised Prof. Chen.", "Representative Adams and Governor Lee praised Professor Chen."),
        ("Mass was held at St. Mary's Cathedral.", "Mass was held at Saint Mary's Cathedral."),
        ("The shop is on Baker St. near the station.", "The shop is on Baker Street near the station."),
        ("The shop is on 5th St. near the station.", "The shop is on fifth Street near the station."),
        ("The vote was set for Jan. 15 and Dec. 2.", "The vote was set for January fifteenth and December second."),
        ("She is the world No. 1 again.", "She is the world number one again."),
        ("Apple Inc. sued Acme Corp. and Beta Ltd. in court.", "Apple Incorporated sued Acme Corporation and Beta Limited in court."),
        ("It was Brazil vs. Argentina, e.g. a classic, i.e. a derby, etc.", "It was Brazil versus Argentina, for example a classic, that is a derby, et cetera."),
        ("He moved to the U.S. in May.", "He moved to the U S in May."),
        ("The U.K. and the U.S. signed it.", "The U K and the U S signed it."),
        ("He now lives in the U.S.", "He now lives in the U S."),
        ("The FBI and the OSCE issued statements.", "The F B I and the O S C E issued statements."),
        ("NATO and NASA signed a deal with UNESCO.", "Nato and Nasa signed a deal with Unesco."),
        ("COVID-19 cases rose again.", "Covid nineteen cases rose again."),
        ("Three MPs resigned on Monday.", "Three M P's resigned on Monday."),
        ("King Charles III visited Kenya.", "King Charles the third visited Kenya."),
        ("World War II ended in 1945.", "World War two ended in nineteen forty five."),
        ("Chapter IV describes the siege.", "Chapter four describes the siege."),
    ],
)  # fmt: skip
def test_abbreviations_initialisms_numerals(written, expected):
    assert spoken(written) == expected


@pytest.mark.parametrize(
    "written, expected",
    [
        ("Call 555-123-4567 for details.", "Call five five five, one two three, four five six seven for details."),
        ("Read more at https://www.example.com/news/2023/03/long-story-title.html today.", "Read more at a link to example dot com today."),
        ("Visit www.example.org for updates.", "Visit example dot org for updates."),
        ("Write to jane.doe@example.com with tips.", "Write to jane dot doe at example dot com with tips."),
        ("Follow @KyivIndependent and #StandWithUkraine online.", "Follow at Kyiv Independent and hashtag Stand With Ukraine online."),
        ("Tom & Jerry returned.", "Tom and Jerry returned."),
        ("Bring a pen/pencil to class.", "Bring a pen or pencil to class."),
        ("The score was 2 + 2 = 4 in the quiz.", "The score was two plus two equals four in the quiz."),
        ("It took ~30 minutes.", "It took about thirty minutes."),
        ("The war — now in its second year — goes on.", "The war, now in its second year, goes on."),
        ("The PM said \u201cno\u201d (again).", "The P M said \u201cno\u201d (again)."),
    ],
)  # fmt: skip
def test_phones_links_handles_symbols(written, expected):
    assert spoken(written) == expected


def test_shouted_headline_is_not_spelled_out():
    assert spoken("BREAKING NEWS: STORM HITS THE COAST TONIGHT") == "BREAKING NEWS: STORM HITS THE COAST TONIGHT"


def test_plain_sentences_are_untouched():
    text = "The losses on both sides are thought to be extremely high."
    assert say(text) == (text, [])


def test_rewrites_are_explained():
    _, rewrites = say("On March 6, the U.S. sent $210 million.")
    assert [(r.original, r.spoken, r.rule) for r in rewrites] == [
        ("March 6", "March sixth", "date"),
        ("U.S.", "U S", "initialism"),
        ("$210 million", "two hundred ten million dollars", "money"),
    ]
