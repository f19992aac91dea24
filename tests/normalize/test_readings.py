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


@pytest.mark.parametrize(
    "written, expected",
    [
        # a decimal is a decimal unless the sentence says time
        ("The region has 2.25 billion trees.", "The region has two point two five billion trees."),
        ("Bond yields slipped to 0.31% today.", "Bond yields slipped to zero point three one percent today."),
        ("She swam it in 9.41 seconds.", "She swam it in nine point four one seconds."),
        ("The index closed 3.00 higher.", "The index closed three point zero zero higher."),
        ("The budget is 2.517 trillion won.", "The budget is two point five one seven trillion won."),
        ("The vote opens at 8.15 tomorrow.", "The vote opens at eight fifteen tomorrow."),
        ("The ferry left at 6.45 pm.", "The ferry left at six forty five P M."),
        ("Talks resume 10.30 GMT.", "Talks resume ten thirty G M T."),
        # a rewrite never swallows or cuts the next word
        ("He became a $3 billionaire overnight.", "He became a three dollar billionaire overnight."),
        ("A €5 millionaire is rare.", "A five euro millionaire is rare."),
        # clock times and ranges of them
        ("The polls close at 8pm sharp.", "The polls close at eight P M sharp."),
        ("The clinic is open 8am-6pm on weekdays.", "The clinic is open eight A M to six P M on weekdays."),
        ("The curfew starts at 2130 GMT.", "The curfew starts at twenty one thirty G M T."),
        ("It began at 0600 hours.", "It began at oh six hundred hours."),
        ("The match kicked off at 7:30 p.m. est.", "The match kicked off at seven thirty P M E S T."),
        # dates: day ranges, lower case, numeric forms
        ("The fair runs Feb. 10-12 downtown.", "The fair runs February tenth to twelfth downtown."),
        ("It opened on august 3 2019 quietly.", "It opened on August third, twenty nineteen quietly."),
        ("The ruling came on 4 nov 2021.", "The ruling came on the fourth of November, twenty twenty one."),
        ("The law took effect 01.07.2022.", "The law took effect the first of July, twenty twenty two."),
        ("Sales slowed in sept 2020.", "Sales slowed in September twenty twenty."),
        # Unicode fractions, minus, number sign
        ("Add ¼ teaspoon of salt.", "Add one quarter teaspoon of salt."),
        ("The plot is 2½ acres.", "The plot is two and a half acres."),
        ("It was −7 at dawn.", "It was minus seven at dawn."),
        ("The song reached #3 in May.", "The song reached number three in May."),
        # quarters, fiscal years, model numbers, years vs cardinals
        ("Profits rose in Q2 2023 again.", "Profits rose in the second quarter of twenty twenty three again."),
        ("Sales fell in 3Q21 and H2 2022.", "Sales fell in the third quarter of twenty one and the second half of twenty twenty two."),
        ("The Q4 figures came late.", "The fourth quarter figures came late."),
        ("The FY2026 plan was approved.", "The fiscal year twenty twenty six plan was approved."),
        ("An Airbus A350 was grounded.", "An Airbus A three fifty was grounded."),
        ("A Boeing 777 was diverted.", "A Boeing seven seventy seven was diverted."),
        ("The new Pixel 9 sold out.", "The new Pixel nine sold out."),
        ("About 1500 people marched in 1968.", "About one thousand five hundred people marched in nineteen sixty eight."),
        # units: modifier position singular, capitals where unambiguous, mixed fractions
        ("They sold 8 TB drives.", "They sold eight terabyte drives."),
        ("They bought a 2-TB drive.", "They bought a two terabyte drive."),
        ("It holds 8 TB of data.", "It holds eight terabytes of data."),
        ("They approved a $30 million sea wall.", "They approved a thirty million dollar sea wall."),
        ("They raised $30 million in May.", "They raised thirty million dollars in May."),
        ("The baby weighed 7 1/4 lbs.", "The baby weighed seven and a quarter pounds."),
        ("Each sack holds 25KG of rice.", "Each sack holds twenty five kilograms of rice."),
        ("The runner is 6 ft 2 in tall.", "The runner is six feet two inches tall."),
        # more currencies: signs and codes
        ("Seoul set aside ₩900 billion.", "Seoul set aside nine hundred billion won."),
        ("Bread costs ₺12 in Ankara.", "Bread costs twelve lira in Ankara."),
        ("Rent is ₪4,000 a month.", "Rent is four thousand shekels a month."),
        ("Tickets cost R$ 80 each.", "Tickets cost eighty reais each."),
        ("The fine was CHF 500.", "The fine was five hundred Swiss francs."),
        ("He paid 300 kr for it.", "He paid three hundred kronor for it."),
        ("A coffee costs 12 zł here.", "A coffee costs twelve zlotys here."),
        ("The fee is $120/yr for members.", "The fee is one hundred twenty dollars per year for members."),
        # phone and emergency numbers, digit by digit in groups
        ("Call +33 1 42 68 53 00 for tickets.", "Call plus three three, one, four two, six eight, five three, zero zero for tickets."),
        ("Call 0 800 123 456 for free.", "Call zero, eight zero zero, one two three, four five six for free."),
        ("In Europe, dial 112 at once.", "In Europe, dial one one two at once."),
        ("The server at 10.0.12.7 went down.", "The server at one zero dot zero dot one two dot seven went down."),
        ("There were 112 arrests.", "There were one hundred twelve arrests."),
        # ranges, ordinals, decades, Roman numerals in names
        ("Scores rose 5-8 points.", "Scores rose five to eight points."),
        ("Crowds of 2,000-3,500 gathered.", "Crowds of two thousand to three thousand five hundred gathered."),
        ("It covered the 1950s-70s.", "It covered the nineteen fifties to seventies."),
        ("It was his 22nd win.", "It was his twenty second win."),
        ("Pope Leo XIV spoke.", "Pope Leo the fourteenth spoke."),
        ("It was the 3th try.", "It was the three th try."),
        ("The office is open 2-5 pm today.", "The office is open two to five P M today."),
        ("Call 1-800-555-0199 to vote.", "Call one, eight hundred, five five five, zero one nine nine to vote."),
        ("The deal is worth 3.2bn overall.", "The deal is worth three point two billion overall."),
        ("Its user base hit 1.5B and 2.3 mln.", "Its user base hit one point five billion and two point three million."),
        ("Rates fell .25 points.", "Rates fell point two five points."),
        ("The wind hit 90 km/hr and 25 m/s.", "The wind hit ninety kilometers per hour and twenty five meters per second."),
        ("The line carries 400 kV and 12 V.", "The line carries four hundred kilovolts and twelve volts."),
        ("The filing is dated 11-30-2021 in court.", "The filing is dated November thirtieth, twenty twenty one in court."),
        ("The 2024/25 season starts soon.", "The twenty twenty four to twenty five season starts soon."),
    ],
)  # fmt: skip
def test_reported_defects(written, expected):
    assert spoken(written) == expected


@pytest.mark.parametrize(
    "written, expected",
    [
        ("1. Wages grew faster than prices.", "one, Wages grew faster than prices."),
        ("2) Prices rose in the north.", "two, Prices rose in the north."),
        ("He was hailed as a martyr.[4]", "He was hailed as a martyr."),
        ("The figure[citation needed] is disputed.", "The figure is disputed."),
        ("It was founded in 1901.[b][12]", "It was founded in nineteen oh one."),
        ("The list [sic] stays.", "The list [sic] stays."),
    ],
)  # fmt: skip
def test_list_numbers_are_said_and_footnotes_dropped(written, expected):
    assert spoken(written) == expected


@pytest.mark.parametrize(
    "written, expected",
    [
        # a price "at" a number is a decimal; a meeting "at" one is a time
        ("Shares closed at 1.25 on Friday.", "Shares closed at one point two five on Friday."),
        ("The euro traded at 1.08 against the dollar.", "The euro traded at one point zero eight against the dollar."),
        ("The index ended the day at 4.30.", "The index ended the day at four point three zero."),
        ("Oil fell at 75.40 a barrel.", "Oil fell at seventy five point four zero a barrel."),
        ("The meeting starts at 9.30.", "The meeting starts at nine thirty."),
        ("The museum opened at 9.30 as usual.", "The museum opened at nine thirty as usual."),
        ("Shares rose 1.25 to close at 4.30.", "Shares rose one point two five to close at four point three zero."),
        ("The museum will close at 5.30 today.", "The museum will close at five thirty today."),
        # thousands grouped by spaces; a claim never hides the number after it
        ("About 10 000 people came.", "About ten thousand people came."),
        ("The city has 1 234 567 residents.", "The city has one million two hundred thirty four thousand five hundred sixty seven residents."),
        ("It cost €10 000 in all.", "It cost ten thousand euros in all."),
        ("The codes were 10 0000 and 5 200 3.", "The codes were ten zero zero zero zero and five two hundred three."),
        ("On May 5 200 people marched.", "On May fifth two hundred people marched."),
        # fractions: improper, large denominators, compound modifiers, halves after "a", even odds, US month/day
        ("The ratio rose to 22/3 last year.", "The ratio rose to twenty two thirds last year."),
        ("Only 3/100 of samples failed.", "Only three hundredths of samples failed."),
        ("He ran a 1/4-mile track.", "He ran a quarter-mile track."),
        ("Use a 3/4-inch pipe.", "Use a three quarter-inch pipe."),
        ("Stir in a 1/2 cup of milk.", "Stir in a half cup of milk."),
        ("He walked a ¼-mile to the shore.", "He walked a quarter-mile to the shore."),
        ("The odds are 50/50 at best.", "The odds are fifty fifty at best."),
        ("The vote is on 3/15 this year.", "The vote is on March fifteenth this year."),
        ("The 2024/25 budget passed.", "The twenty twenty four to twenty five budget passed."),
        # dates: weekday abbreviations before a date, two-digit years, years named by the words around them
        ("The Mon., Jan. 5 meeting was moved.", "The Monday, January fifth meeting was moved."),
        ("The Sun. reported it first.", "The Sun. reported it first."),
        ("The form was signed 1/5/24 in Ohio.", "The form was signed January fifth, twenty twenty four in Ohio."),
        ("In '08 the crisis hit.", "In oh eight the crisis hit."),
        ("He said '12 points' loudly.", "He said 'twelve points' loudly."),
        ("It began in mid-2024 and ended late.", "It began in mid-twenty twenty four and ended late."),
        ("The 1999 season was long.", "The nineteen ninety nine season was long."),
        ("The 2000 troops left.", "The two thousand troops left."),
        ("The 2020 Olympics were delayed.", "The twenty twenty Olympics were delayed."),
        ("The 1500 Marines left.", "The one thousand five hundred Marines left."),
        ("Results for fiscal 2024 are out.", "Results for fiscal twenty twenty four are out."),
        ("There were 2,024 people there.", "There were two thousand twenty four people there."),
        ("It costs 1,999 dollars now.", "It costs one thousand nine hundred ninety nine dollars now."),
        # ranges: "between" takes "and", ordinals, day and month spans, sizes and multiples, glued Celsius
        ("Between 1.2-1.5 million people came.", "Between one point two and one point five million people came."),
        ("Prices rose between 5-10% in May.", "Prices rose between five and ten percent in May."),
        ("The 1st-3rd place finishers won medals.", "The first to third place finishers won medals."),
        ("The office is open Mon-Fri only.", "The office is open Monday to Friday only."),
        ("Sales in the Jan.-March quarter fell.", "Sales in the January to March quarter fell."),
        ("The Sun-Times reported it.", "The Sun-Times reported it."),
        ("They used 2x8 lumber.", "They used two by eight lumber."),
        ("The stock is up 4.4x this year.", "The stock is up four point four times this year."),
        ("Highs of 25-30C are expected.", "Highs of twenty five to thirty degrees Celsius are expected."),
        ("Grade 5 C pupils sat the test.", "Grade five C pupils sat the test."),
        ("Arsenal won 3-1 on Sunday.", "Arsenal won three to one on Sunday."),
        # seasons written with a short second year: every digit said, the century rollover in full
        ("The 2008-09 season was his best.", "The two thousand eight to oh nine season was his best."),
        ("The 1999-00 season ended early.", "The nineteen ninety nine to two thousand season ended early."),
        # decades spanned, ratios, sums, sizes with a unit, date spans with a spaced hyphen
        ("Music of the 1990's-2000's returned.", "Music of the nineteen nineties to two thousands returned."),
        ("Cars of the 1960-70s were heavy.", "Cars of the nineteen sixty to seventies were heavy."),
        ("The ratio was 3:1 in May.", "The ratio was three to one in May."),
        ("We know 5-3=2 by now.", "We know five minus three equals two by now."),
        ("She won the 4x100m relay.", "She won the four by one hundred meter relay."),
        ("The room is 3 x 4 m wide.", "The room is three by four meters wide."),
        ("It ran 20 July - 5 August this year.", "It ran the twentieth of July to the fifth of August this year."),
        ("He came - and then left.", "He came, and then left."),
        # kitchen, engine and age units
        ("Add 2 tbsp of oil and 1 tsp of salt.", "Add two tablespoons of oil and one teaspoon of salt."),
        ("It has a 1.5 L engine and 300 hp at 7,000 rpm.", "It has a one point five liter engine and three hundred horsepower at seven thousand revolutions per minute."),
        ("She waited 2 yrs and 4 wks for it.", "She waited two years and four weeks for it."),
        # prices per period, negative sums, rupees with Indian scales, pence, powers, comparisons, local phones
        ("It costs $10/month now.", "It costs ten dollars per month now."),
        ("The fund lost -$5.2 million in May.", "The fund lost minus five point two million dollars in May."),
        ("The scheme costs Rs 500 crore a year.", "The scheme costs five hundred crore rupees a year."),
        ("A 50p coin and a 1p coin fell.", "A fifty pence coin and a one penny coin fell."),
        ("The area is 3² times larger, about 10^6 cells.", "The area is three squared times larger, about ten to the power of six cells."),
        ("Scores ≥ 5 pass and ≤ 2 fail.", "Scores at least five pass and at most two fail."),
        ("Call 555-1234 or ext. 12 today.", "Call five five five, one two three four or extension twelve today."),
        # dates with two-digit years, dashes between their parts, ISO year-months, short seasons
        ("It was filed on 25-jul-12 in Ohio.", "It was filed on the twenty fifth of July, twenty twelve in Ohio."),
        ("It was filed on Jul-25-2012 in Ohio.", "It was filed on July twenty fifth, twenty twelve in Ohio."),
        ("The flood of July 25 '12 was worse.", "The flood of July twenty fifth, twenty twelve was worse."),
        ("The data for 2012-07 and 07-2013 are out.", "The data for July twenty twelve and July twenty thirteen are out."),
        ("The 21/22 season was short, and 12/13 of voters agreed.", "The twenty one twenty two season was short, and twelve thirteenths of voters agreed."),
        # quarters as modifiers, seconds and points, a glued "m" in a sentence counting millions
        ("The company reported Q4 revenue of $25.2B.", "The company reported fourth quarter revenue of twenty five point two billion dollars."),
        ("Revenue fell in Q4 again.", "Revenue fell in the fourth quarter again."),
        ("It does 0-60 mph in 3.1 sec and he scored 30 pts.", "It does zero to sixty miles per hour in three point one seconds and he scored thirty points."),
        ("Over 2.3 million came, up from 1.9m in 2022.", "Over two point three million came, up from one point nine million in twenty twenty two."),
        ("It cost $5m and the pool is 50m long.", "It cost five million dollars and the pool is fifty meters long."),
        ("He is 1.9m tall.", "He is one point nine meters tall."),
        # page abbreviations, identifiers in hyphenated groups, coordinates, powers of ten, aircraft series
        ("See pp. 12-15 and p. 3 at 5 p.m. today.", "See pages twelve to fifteen and page three at five P M today."),
        ("The ISBN is 978-3-16-148410-0 here.", "The I S B N is nine seven eight, three, one six, one four eight four one zero, zero here."),
        ("It lies at 51°30′N 0°07′W in London.", "It lies at fifty one degrees thirty minutes north zero degrees seven minutes west in London."),
        ("Light covers 3 × 10⁸ meters each second.", "Light covers three times ten to the power of eight meters each second."),
        ("They flew a Boeing 747-400 to Paris.", "They flew a Boeing seven forty seven four hundred to Paris."),
        ("Read pages 312-1317 and 200-1000 again.", "Read pages three hundred twelve to one thousand three hundred seventeen and two hundred to one thousand again."),
        ("Growth slowed in Q3 '09 again.", "Growth slowed in the third quarter of oh nine again."),
        # weekday abbreviations without a dot before a date; circa before a year only
        ("It opened on Tue, 3 Mar 2020 at last.", "It opened on Tuesday, the third of March, twenty twenty at last."),
        ("The chapel was built c. 1850 by monks.", "The chapel was built circa eighteen fifty by monks."),
        ("The vase dates from ca. 300 BC.", "The vase dates from circa three hundred B C."),
        # years with an era, and a zero-padded month with a year
        ("Rome was founded in 753 BC.", "Rome was founded in seven fifty three B C."),
        ("Vesuvius erupted in AD 79.", "Vesuvius erupted in A D seventy nine."),
        ("The card expires 08/2026 anyway.", "The card expires August twenty twenty six anyway."),
        ("The puzzle asks for 2*3 and 6 ÷ 3.", "The puzzle asks for two times three and six divided by three."),
        ("*Names have been changed.", "*Names have been changed."),
        # date spans: a spaced dash between dates, "to" between days, day-month-year with hyphens
        ("The festival ran Jan 5 – Feb 3 this year.", "The festival ran January fifth to February third this year."),
        ("He scored 5 — a record.", "He scored five, a record."),
        ("It ran from 5 to 7 May in Paris.", "It ran from the fifth to seventh of May in Paris."),
        ("The form is dated 30-Sep-2024 in ink.", "The form is dated the thirtieth of September, twenty twenty four in ink."),
    ],
)  # fmt: skip
def test_news_readings(written, expected):
    assert spoken(written) == expected


@pytest.mark.parametrize(
    "written, spoken",
    [
        ("Call 1-800-GO-U-HAUL now.", "Call one, eight hundred, GO U HAUL now."),
        ("Dial 1-800-FLOWERS today.", "Dial one, eight hundred, FLOWERS today."),
        ("Try 1-888-4-CLEANER.", "Try one, eight eight eight, four, CLEANER."),
    ],
)
def test_vanity_phone_numbers_keep_their_words(written, spoken):
    assert Normalizer().sentence(written)[0] == spoken
