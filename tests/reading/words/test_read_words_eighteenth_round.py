"""The eighteenth round's rules. Made-up sentences, each beside what it states as
test_read_words_classes.py writes it ([] where nothing may be read), with a counterexample the
rule must leave as it was."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.reading.words import read_words
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a subordinate clause that opens a sentence names no subject of the main clause": [
        (
            "As Anna has discussed, revenue for the fourth quarter totaled $171.7 million, an "
            "increase of 142% from the fourth quarter of 2019.",
            ["growth 142 yoy : company"],
        ),
        (
            "And if we exclude the paper business, third quarter revenue grew by 14% as compared "
            "to last year.",
            ["growth 14 yoy : company"],
        ),
        (
            "When comparing on a pro forma basis, revenues increased 51% year over year.",
            ["growth 51 yoy : company"],
        ),
        # a clause of another time, or one that names a part before, another measure, or a
        # frame said so
        (
            "When I look back at the recession, our revenue was up almost 60% four quarters "
            "from the trough.",
            [],
        ),
        (
            "Although reduced travel continues to weigh on this segment, revenue improved 3.6% on "
            "a sequential basis.",
            [],
        ),
        (
            "Although new customer numbers are lower than the peak, we had significant growth "
            "of 56% compared to 2019.",
            [],
        ),
        (
            "As for our Network segment, revenue grew 3% in the quarter.",
            ["growth 3 : Network segment"],
        ),
    ],
    "a multiple said with a hyphen is the multiple": [
        ("Cloud revenue increased three-fold year over year.", ["growth 200 yoy : Cloud"]),
        ("We grew our customer count three-fold.", []),
    ],
    "a speaker turning to a part names it, and 'Let's' or 'It's' owns nothing": [
        (
            "Now let's turn to our MAS segment, revenues for the year were $1.47 billion, up 1% "
            "on an organic basis.",
            ["growth 1 : MAS segment"],
        ),
        (
            "Let's turn next to our wealth management business, where revenues grew by 7%.",
            ["growth 7 : wealth management business"],
        ),
        ("Let's move to slide 5, revenue grew 5%.", ["growth 5 : company"]),
        # an owner's name before "'s" still owns what follows
        (
            "Let's look at Bloomingdale's digital sales, which grew 9%.",
            ["growth 9 : Bloomingdale's digital"],
        ),
    ],
    "the enterprise is the company; private label as a whole is no one of ours": [
        ("Organic revenue for the enterprise declined 2%.", ["growth -2 : company"]),
        ("Enterprise segment revenue declined 2%.", ["growth -2 : Enterprise segment"]),
        ("In 2020, private label broth grew 27% and we gained share.", []),
    ],
    "a sign said as a word is the figure's sign; plus or minus is a tolerance": [
        ("Organic revenue growth was minus 2.4% in the quarter.", ["growth -2.4 : company"]),
        ("Revenue was down minus 1% for the year.", ["growth -1 : company"]),
        ("Revenue was up plus or minus 2% in the quarter.", []),
    ],
    "a measure word a capitalised name holds is the name's": [
        (
            "Revenue grew 10%, driven by 18% growth in our Capital Markets business.",
            ["growth 10 : company", "growth 18 : Capital Markets business"],
        ),
        (
            "Revenue grew 10%, driven by 18% growth in our capital spending.",
            ["growth 10 : company"],
        ),
        # and a measure word a part's noun holds is the part's
        (
            "Revenue grew 12%, driven by a 30% increase in our interest rate business.",
            ["growth 12 : company", "growth 30 : interest rate business"],
        ),
    ],
    "guidance revised for a strength said is raised, for a hardship said is cut": [
        (
            "As a result of our strong third quarter performance, we've revised our full year "
            "guidance.",
            ["guidance raised"],
        ),
        (
            "Due primarily to the modest reduction in our salt volumes, we have decided to update "
            "our full-year guidance.",
            ["guidance cut"],
        ),
        (
            "We are updating our guidance solely based on the revenue impact from supply chain "
            "disruptions.",
            ["guidance cut"],
        ),
        # a strength and a hardship both said: no one direction
        (
            "Given the strong demand, offset by supply chain disruptions, we are updating our "
            "guidance.",
            [],
        ),
        # no cause said, or a view over years
        ("We are updating our guidance range to $12 billion to $13 billion.", []),
        (
            "We will update our long-term financial framework given our strong performance.",
            [],
        ),
        ("The details include favorable revisions to our guidance.", ["guidance raised"]),
        ("We made unfavorable adjustments to our outlook for the year.", ["guidance cut"]),
    ],
    "a figure said about what it is, against the prior guidance's": [
        (
            "We now expect an effective tax rate of approximately 20% for the full year compared "
            "to the previous guidance of approximately 21%.",
            ["guidance cut"],
        ),
        (
            "We now expect capital expenditures of about $80 million compared to the previous "
            "guidance of about $60 million.",
            ["guidance raised"],
        ),
    ],
    "a share said aside, between a part and its verb, leaves the part the verb's subject": [
        (
            "Services, our largest category, representing 26% of our total audio revenue, "
            "improved 31% over the prior year fourth-quarter period.",
            ["growth 31 yoy : Services category"],
        ),
        (
            "In the quarter, Auto revenue, representing 12% of total revenue, declined 28%.",
            ["share 12 : Auto", "growth -28 : Auto"],
        ),
        ("Operating income of $90.9 million or 10% of sales grew 5%.", []),
    ],
    "a measure said after the whole's figure is its own: a reported growth does not contradict "
    "it": [
        (
            "In the third quarter, we delivered over 19% organic growth for the company. Revenue "
            "was up 25% in the third quarter.",
            ["growth 19 > : company", "growth 25 : company"],
        ),
        # the same measure, another figure, with no word of the whole: a part's
        (
            "In the third quarter, we delivered 19% growth for the company. Revenue was up 25% "
            "in the third quarter.",
            ["growth 19 : company"],
        ),
    ],
    "a part's improvement included in the whole's growth is the part's": [
        (
            "Consolidated revenues improved 7% sequentially including 11% improvement in Fluid "
            "Systems.",
            ["growth 7 sequential : company", "growth 11 sequential : Fluid Systems"],
        ),
        ("Revenue grew 10%, including 4% improvement from acquisitions.", ["growth 10 : company"]),
    ],
    "what drove a place's growth, said of a part, is the part's": [
        (
            "Revenue in EMEA was up 41%, driven by nearly 50% growth in our wholesale business.",
            ["growth 41 : EMEA", "growth 50 ~ : wholesale business"],
        ),
        (
            "Sales in North America were up 5% organically, led by 7% growth in service.",
            ["growth 5 : North America", "growth 7 : service"],
        ),
        # a place after the driver's figure: none of the part's
        (
            "In fact, Acme's business in Greater China reached $1.1 billion in sales this year, "
            "led by over 60% growth on the Mainland.",
            [],
        ),
    ],
    "guidance said not to change, or a forecast to remain where it was, is reiterated": [
        (
            "We are not adjusting guidance as we are confident in our ranges.",
            ["guidance reiterated"],
        ),
        (
            "But to be clear, full-year margin guidance is not changing.",
            ["guidance reiterated"],
        ),
        (
            "We do not expect any material change in our outlook as a result of this change.",
            ["guidance reiterated"],
        ),
        (
            "Adjusted revenues are expected to remain in the range of $2,145 million to $2,175 "
            "million.",
            ["guidance reiterated"],
        ),
        (
            "We forecast free cash flow to remain between $2.2 billion and $2.3 billion.",
            ["guidance reiterated"],
        ),
        # no figure it stays at, or no guidance named
        ("We expect demand to remain strong.", []),
        ("The market is not changing as fast as we hoped.", []),
    ],
    "the midpoint said before is the prior guidance's": [
        (
            "This represents a $250 million improvement from the previously indicated midpoint "
            "of the range.",
            ["guidance raised"],
        ),
        ("Revenue grew 5% from the midpoint of the quarter.", ["growth 5 : company"]),
    ],
    "a base said after a driver's figure, or what it represents, is the driver's own": [
        (
            "The APAC business grew 22% in Q1, highlighted by 80% growth in digital relative to "
            "fiscal 2020 levels.",
            ["growth 22 : APAC business"],
        ),
        (
            "The Smartwool brand is up nearly 60% year-to-date, representing high-teens growth "
            "relative to fiscal 2020.",
            ["growth 60 ~ : Smartwool brand"],
        ),
    ],
    "a relative clause set off by commas names no measure the figure is of": [
        (
            "Revenues from e-filing and online payments, which are included in subscriptions, "
            "were $26.9 million, up 22.4%.",
            ["growth 22.4 : e-filing and online payments"],
        ),
        (
            "Our job inductions metrics, which serve as an early indicator, increased 37%.",
            [],
        ),
    ],
    "a share of revenue generated through a part is the part's": [
        (
            "The brand adds a meaningful DTC business with over 80% of revenue generated "
            "through DTC channels.",
            ["share 80 > : DTC channels"],
        ),
        (
            "Nearly 40% of our global revenue is now generated through consumer direct channels.",
            ["share 40 ~ : consumer direct channels"],
        ),
        ("With 40% of revenue generated in the fourth quarter, we are seasonal.", []),
        # two parts joined: the share is both's, named whole where the words hold both, else none
        (
            "We have a global footprint with 25% of our sales coming from China and India.",
            ["share 25 : China and India"],
        ),
        ("About 25% of our sales come from China and India.", []),
        # a share some other verb takes: of the revenue generated there, no one's own share
        (
            "The government will receive 15% of the revenue generated from licensed H20 sales.",
            [],
        ),
    ],
    "a concession set off in a clause's opening says no basis of its figures": [
        (
            "Sales declined 17% in the quarter. From an end market perspective, although "
            "improving sequentially, we still experienced year-over-year declines in "
            "transportation of 21% and general engineering of 20%.",
            [
                "growth -17 : company",
                "growth -21 yoy : transportation",
                "growth -20 yoy : general engineering",
            ],
        ),
    ],
    "a growth set against the same measure's figure of a period before is that period's": [
        (
            "Organic revenue for the quarter was up 6% compared to 2% in the prior year period.",
            ["growth 6 : company", "growth 2 : company"],
        ),
        (
            "The corporates segment grew 7% organically compared to 3% in Q4 2020.",
            ["growth 7 : corporates segment", "growth 3 : corporates segment"],
        ),
        (
            "Fourth quarter sales decreased 9% in comparison to a 22% increase in the year ago "
            "quarter.",
            ["growth -9 : company", "growth 22 : company"],
        ),
        # another measure's figure, or a decline's base whose sign is unsaid
        (
            "Revenue grew 6%, and operating margin was 20% compared to 18% in the prior year "
            "period.",
            ["growth 6 : company"],
        ),
        ("Sales were down 5% compared to 3% in the prior year period.", ["growth -5 : company"]),
    ],
    "a verb the figure's noun is the object of is no name: the clause's subject is whose": [
        (
            "Our total sales of $1.8 billion reflect growth of more than 100% over last year.",
            ["growth 100 > yoy : company"],
        ),
        (
            "Agricultural products also had a strong quarter, achieving 10% growth over the same "
            "quarter in the prior year.",
            ["growth 10 yoy : Agricultural products"],
        ),
        (
            "We saw broad strength across the portfolio, which helped us deliver over 30% core "
            "revenue growth, more than 70% adjusted earnings-per-share growth.",
            ["growth 30 > : company"],
        ),
        ("Operating income rose, reflecting growth of 20%.", []),
        # a participle's growth is a part's only; an adjective in -ing is no verb
        (
            "We continued our focus on train length, achieving a 4% improvement from the third "
            "quarter.",
            [],
        ),
        ("National Fuel's quarter was a great start, with operating results up 5%.", []),
    ],
    "a breakdown of revenue gives each figure to the part it goes to": [
        (
            "Graham had an end market breakdown of 41% to refining, 25% to defense industries "
            "and 10% to various other end markets.",
            [
                "share 41 : refining",
                "share 25 : defense industries",
                "share 10 : various other end markets",
            ],
        ),
        (
            "Our sales by geography for the fourth quarter were 30% into Europe 14% into South "
            "America, and 56% into Asia.",
            ["share 30 : Europe", "share 14 : South America", "share 56 : Asia"],
        ),
        # no breakdown opened, or a verb between: none
        ("Price/mix contributed 2% to growth.", []),
        (
            "Our sales mix was 60% from stores and revenue grew 20% in Europe.",
            ["growth 20 : Europe"],
        ),
    ],
    "a part named with its amount, then a growth, is the part's": [
        (
            "Consolidated revenues were $787 million, with CooperVision at $561 million, up 11%, "
            "and CooperSurgical reaching a new all-time high of $226 million, up 30%.",
            ["growth 11 : CooperVision", "growth 30 : CooperSurgical"],
        ),
        ("Consolidated revenues were $787 million, up 11%.", ["growth 11 : company"]),
    ],
    "a bare revenue after a clause whose subject is a part's business is the business's": [
        (
            "Our filtration business has continued to perform extremely well and fourth quarter "
            "revenues were up almost 30% to a record $66 million.",
            ["growth 30 ~ : filtration business"],
        ),
        (
            "Our team has continued to perform extremely well and fourth quarter revenues were up "
            "almost 30%.",
            ["growth 30 ~ : company"],
        ),
    ],
    "a share each of several have is no one's; sales leaders are no revenue": [
        ("Equitrans Midstream and Comcast were each 5% of revenue.", []),
        ("Midstream represented 5% of revenue.", ["share 5 : Midstream"]),
        ("Our customers remained flat while sales leaders grew 15%.", []),
    ],
    "guidance against what was expected before, said as a participle, or an increase to it": [
        (
            "We're also forecasting our capex spend for the year to be lower than initially "
            "anticipated.",
            ["guidance cut"],
        ),
        (
            "This is the third increase to our earnings per share guidance this year.",
            ["guidance raised"],
        ),
        # a result, or what should have been
        ("Revenue was lower than initially anticipated.", []),
        (
            "Our currency benefit should have been approximately $0.10 lower than originally "
            "projected.",
            [],
        ),
    ],
}

# A base year said "relative to": the year before where it is one.
BASES: list[tuple[str, list[str]]] = [
    (
        "Adjusted net revenue was $1.75 billion, a 3% decline relative to 2019.",
        ["growth -3 yoy : company"],
    ),
    # two years back: no year over year
    (
        "Resort net revenue for the second fiscal quarter of 2022 decreased 2% relative to the "
        "comparable period in fiscal year 2020.",
        ["growth -2 : Resort"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), BASES)
def test_a_base_year_said_relative_to(text: str, expected: list[str]) -> None:
    _check(text, expected, day=dt.date(2021, 2, 10))


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_eighteenth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


_PLACES = ["Europe", "Asia", "South America", "North America", "Japan", "Canada"]


@given(
    st.lists(st.integers(min_value=1, max_value=97), min_size=1, max_size=4, unique=True),
    st.sampled_from(["into", "to", "from"]),
    st.sampled_from(["Our sales by geography for the quarter were", "Our revenue split was"]),
)
def test_a_breakdown_gives_each_part_its_share_within_the_whole(
    cuts: list[int], word: str, opening: str
) -> None:
    """A mix within its parts: each part of a breakdown that sums to 100% is read with its own
    figure, and the shares read sum to the whole, no more."""
    edges = [0, *sorted(cuts), 100]
    shares = [b - a for a, b in zip(edges, edges[1:], strict=False) if b > a]
    places = _PLACES[: len(shares)]
    items = [f"{share}% {word} {place}" for share, place in zip(shares, places, strict=True)]
    listed = items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" and {items[-1]}"
    read = read_words(f"{opening} {listed}.")
    got = {
        stated.subject: round(stated.value * 100)
        for stated in read
        if stated.kind == "share" and stated.value is not None
    }
    assert got == dict(zip(places, shares, strict=True))
    assert sum(got.values()) == 100
    assert not [stated for stated in read if stated.kind != "share"]
