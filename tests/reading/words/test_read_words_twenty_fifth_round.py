"""The twenty-fifth round's rules. Made-up sentences, each beside what it states as
test_read_words_classes.py writes it ([] where nothing may be read), with a counterexample the
rule must leave as it was; and the documents of an insurer, whose "sales" are policies sold,
and of funds, whose sales are money put into them (others_sales.py)."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import read_words
from catalyst_tui.reading.words.others_sales import as_revenue, new_business, of_an_insurer
from catalyst_tui.reading.words.participles import as_adjective
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "guidance kept, said by a noun or by confidence in it": [
        (
            "The result is the reaffirmation of our full-year earnings per share guidance.",
            ["guidance reiterated : company"],
        ),
        (
            "We remain confident in the fiscal 2022 revenue guidance we gave in July.",
            ["guidance reiterated : company"],
        ),
        # confidence in something else keeps no guidance
        ("We remain confident in our ability to execute on the plan.", []),
        ("We remain confident in our long-term strategy and our growth outlook.", []),
        ("We remain confident in our expectations of a recovery in the second half.", []),
        ("Analysts remain cautious about the outlook for the sector.", []),
    ],
    "guidance revised, its direction said after the verb": [
        (
            "Given the strong quarter, we are revising upward our previously issued 2021 guidance.",
            ["guidance raised : company"],
        ),
        (
            "We are revising downward our full-year outlook for adjusted EBITDA.",
            ["guidance cut : company"],
        ),
    ],
    "an outlook said enhanced is raised": [
        (
            "Our strong quarter and enhanced 2021 outlook show that the trends continue.",
            ["guidance raised : company"],
        ),
        # a long-term view is no guidance for a period
        ("The deal enhances the long-term outlook of the business.", []),
    ],
    "guidance said moving by a figure": [
        (
            "For the fourth quarter, our implied revenue guidance is increasing by about $30 "
            "million.",
            ["guidance raised : company"],
        ),
        (
            "Our full-year guidance is declining to a range of $1.00 to $1.10.",
            ["guidance cut : company"],
        ),
        # moving something else: no guidance moved
        ("Our outlook is increasing confidence in the recovery.", []),
    ],
    "an outlook in the plural, and a range moved to between figures": [
        (
            "We are increasing the sales outlooks of our defense and space sectors.",
            ["guidance raised : company"],
        ),
        (
            "We have reduced our capital expenditures range to between $22 million and $25 "
            "million.",
            ["guidance cut : company"],
        ),
        # a range of results is no guidance, and "ranges from" is a verb
        ("Prices were in a range of $20 to $25 per ton.", []),
        ("The higher content ranges from 10% to 15% in mid-range devices.", []),
    ],
    "a frame closed by a semicolon frames the clause after it": [
        (
            "Turning to the Household segment; Q1 sales were up 39% with growth in all three "
            "businesses.",
            ["growth 39 : Household segment"],
        ),
        # a period framed so frames no part
        ("In the quarter; sales were up 9%.", ["growth 9 : company"]),
    ],
    "worldwide or global net sales are the company's": [
        (
            "In Q3, we reported worldwide net sales of $1.4 billion, a decline of 6% compared to "
            "the prior year period.",
            ["growth -6 yoy : company"],
        ),
        # a market's names what is sold
        ("Worldwide smartphone shipments fell 5%.", []),
    ],
    "rebounded is a verb of growth": [
        (
            "In Food Equipment, organic revenue rebounded 46%, with recovery taking hold.",
            ["growth 46 : Food Equipment"],
        ),
        ("Margins rebounded 300 basis points.", []),
    ],
    "a multiple said of the period it was done in": [
        (
            "Grilling sales more than doubled this quarter, due mainly to strong consumption.",
            ["growth 100 > : Grilling"],
        ),
        ("We nearly doubled free cash flow this year.", []),
    ],
    "claims, proposals and allowances are other measures": [
        ("We continue to provide for title claims at 4.5% of total title revenues.", []),
        ("Requests for vision care proposals are up more than 20% year-over-year.", []),
    ],
    "a part's frame qualified by a kind of revenue is the same part": [
        (
            "Turning to GTO on Slide 11, GTO recurring revenues rose 10% to $346 million in the "
            "quarter.",
            ["growth 10 : GTO recurring"],
        ),
    ],
    "names and as many figures after one verb pair in order": [
        (
            "The Americas and EMEA revenues grew 5% and 3%.",
            ["growth 5 : Americas", "growth 3 : EMEA"],
        ),
        (
            "Sequentially, Specialty Solutions revenue and operating income increased 18.3% and "
            "32.4%.",
            ["growth 18.3 sequential : Specialty Solutions"],
        ),
        # one growth said two ways, or an amount's growth and another way: no pair
        (
            "International Sales and Marketing revenues decreased $2 million or 4% and 5% on a "
            "constant-currency basis.",
            ["growth -4 : International Sales and Marketing", "alt -5"],
        ),
        (
            "Our service and other revenue growth rate was 0.5% and 1.6% without the divestiture.",
            [],
        ),
    ],
    "a two-word adjective of growth is one word of the name after it": [
        (
            "Similarly, our faster growing Laboratory business is now 54% of sales, up from 44%.",
            ["share 54 : Laboratory business", "share 44 : Laboratory business"],
        ),
    ],
    "markets named by where they stand in the world are regions": [
        (
            "Emerging markets were up 24%, due in part to momentum in China.",
            ["growth 24 : Emerging markets"],
        ),
        (
            "Geographically, high growth markets grew nearly 35% and developed markets were up "
            "more than 25%.",
            ["growth 35 ~ : high growth markets", "growth 25 > : developed markets"],
        ),
        # a market as a whole is no region of ours
        ("The semiconductor market grew 8%.", []),
    ],
    "no change to guidance named in more words keeps it": [
        (
            "As such, there is also no change to our full year cash flow guidance range.",
            ["guidance reiterated : company"],
        ),
        # no change to what is of something else, or to an estimate of no measure
        ("There is no change in the timing of our product launch outlook.", []),
        (
            "In terms of our reserves, we made no changes to our overall catastrophe loss "
            "estimates during the quarter.",
            [],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_twenty_fifth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


_INSURER = (
    "Underwriting margins improved in the quarter, and underwriting results were strong.\n"
    "Collected premiums on our annuities rose with demand; policyholders renewed.\n"
    "In Latin America, sales are up 55% year-over-year.\n"
    "Asia sales were up 42%, while EMEA sales were up 20%.\n"
    "Adjusted premiums, fees and other revenues were up 12% and sales were up 9%.\n"
    "Total revenues increased 6% to $1.2 billion.\n"
)


def test_an_insurers_sales_are_policies_sold_not_revenue() -> None:
    read = [(s.subject, round((s.value or 0) * 100, 1)) for s in read_words(_INSURER)]
    # the 55%, 42%, 20% and 9% of sales are not read; premiums and revenues are
    assert (("Latin America", 55.0) not in read) and all(
        v not in (42.0, 20.0, 9.0) for _, v in read
    )
    assert ("revenue", 6.0) in read or ("company", 6.0) in read


def test_a_maker_that_pays_insurance_premiums_keeps_its_sales() -> None:
    text = (
        "Insurance premiums rose again, and our captive's underwriting was profitable.\n"
        "In Latin America, sales were up 55% year-over-year.\n"
    )
    assert not of_an_insurer(text)
    assert [(s.subject, round((s.value or 0) * 100)) for s in read_words(text)] == [
        ("Latin America", 55)
    ]


@pytest.mark.parametrize(
    ("sentence", "value", "sales"),
    [
        ("Adjusted PFOs were up 12% and sales were up 55%.", 0.12, False),
        ("Adjusted PFOs were up 12% and sales were up 55%.", 0.55, True),
        ("Sales were down 5%, largely reflecting weakness in Medicare Supplement.", -0.05, True),
        ("A 7% increase in sales and a 3% increase in premiums.", 0.07, True),
        ("Revenue grew 7% on higher sales of annuities.", 0.07, False),
        ("Total revenues increased 6%.", 0.06, False),
    ],
)
def test_the_measure_named_nearest_a_figure(sentence: str, value: float, sales: bool) -> None:
    assert new_business(sentence, value) is sales


def test_a_funds_sales_are_money_put_into_it() -> None:
    text = (
        "Open-end fund gross sales of $17.6 billion were 41% above the prior record.\n"
        "Revenue from our funds grew 8% in the quarter.\n"
    )
    read = [(s.subject, round((s.value or 0) * 100)) for s in read_words(text)]
    assert all(v != 41 for _, v in read)
    assert any(v == 8 for _, v in read)


_INSURER_PREMIUMS = (
    "Underwriting margins improved, and underwriting results were strong.\n"
    "Collected premiums on our annuities rose; policyholders renewed.\n"
    "At Liberty National, life premiums were up 3% to $72 million.\n"
    "Total collected life and health premiums were down 2%.\n"
    "Net written premiums grew 11%.\n"
)


def test_an_insurers_premiums_earned_are_its_revenue() -> None:
    read = [(s.subject, round((s.value or 0) * 100)) for s in read_words(_INSURER_PREMIUMS)]
    # premiums earned are read; collected (cash) and written (policies sold) are not
    assert read == [("life", 3)]


def test_premiums_are_said_as_revenues_in_place() -> None:
    said = as_revenue("At X, life premiums were up 8%; Premiums written and collected premiums.")
    assert said == "At X, life revenues were up 8%; Premiums written and collected premiums."
    assert len(said) == len(
        "At X, life premiums were up 8%; Premiums written and collected premiums."
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("our faster growing Laboratory business", "our faster-growing Laboratory business"),
        ("a fast growing market", "a fast-growing market"),
        ("revenue kept growing fast", "revenue kept growing fast"),
        ("the fastest  growing line", "the fastest  growing line"),
    ],
)
def test_a_two_word_adjective_is_hyphened_in_place(text: str, said: str) -> None:
    assert as_adjective(text) == said
    assert len(as_adjective(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "insurer"),
    [
        # two of the trade's words, four times in all: in passing
        ("Premiums rose. Underwriting held. Premiums fell. Underwriting gained.", False),
        # five times: an insurer's document, a word at the text's very start counted too
        ("Premiums rose. Underwriting held. Premiums fell. Underwriting gained. Premiums.", True),
        # one word, however often: no insurer
        ("Premiums " * 9, False),
        # a word inside another is not counted ("annuitants", "premiumsx", "xunderwriting")
        ("Annuitants and premiumsx and xunderwriting and policyholderly.", False),
    ],
)
def test_an_insurers_words_five_times_in_all(text: str, insurer: bool) -> None:
    assert of_an_insurer(text) is insurer
    assert of_an_insurer(text, text.lower()) is insurer
