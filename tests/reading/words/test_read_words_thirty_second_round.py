"""The thirty-second round's rules: a growth said on a two-year basis, a measure that heads its
clause's subject, the comparable period as the year before, a growth of a period named as a
base, and the company named by the word its ticker abbreviates. Made-up sentences, each beside
what it states as test_read_words_classes.py writes it ([] where nothing may be read; "2y" a
growth over two years), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import COMPANY, read_words
from catalyst_tui.reading.words.own_names import abbreviated
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a growth said on a two-year basis, right after its figure, is a growth over two years": [
        (
            "In Japan, sales rose 12% on a one-year and 5% on a two-year basis.",
            ["growth 12 yoy : Japan", "growth 5 2y : Japan"],
        ),
        (
            "Outlet sales rose 9% on a one-year basis and were down 14% on a two-year basis.",
            ["growth 9 yoy : Outlet", "growth -14 2y : Outlet"],
        ),
        (
            "Wholesale revenue grew 18% as compared to the prior year and 31.5% on a two-year "
            "basis.",
            ["growth 18 yoy : Wholesale", "growth 31.5 2y : Wholesale"],
        ),
        # the period's growth before it in a pair is its own; a stack is two years' rates added
        # up, no growth
        (
            "For the full year, our fleet sales grew 12.4% and 19% on a two-year stack basis.",
            ["growth 12.4 : fleet"],
        ),
        ("Digital sales increased 88% on a two-year stack.", []),
        # another predicate's two-year words are not the figure's; a frame of two years is
        # the basis of the clause it frames (the thirty-ninth round)
        (
            "Net sales decreased 4% and demonstrated growth on a two-year basis.",
            ["growth -4 : company"],
        ),
        ("On a two-year basis, installation sales were up 12%.", ["growth 12 2y : installation"]),
        ("Gross margin was 41% and 43% on a two-year basis.", []),
    ],
    "a measure that heads its clause's subject is its figure's, a word of talk included": [
        ("The demand for turbines in Brazil increased 35% in the quarter.", []),
        ("Pricing in the Americas was up 3%.", []),
        ("The marketing eligible population for our lending business increased about 40%.", []),
        # a change in a measure said of a pair of parts is the measure's
        (
            "EMEA and Asia Pacific recorded decreases in volume of 39% and 25% respectively.",
            [],
        ),
        ("EMEA and Asia recorded decreases in activity of 30% and 20% respectively.", []),
        (
            "EMEA and Asia Pacific recorded decreases in revenue of 39% and 25% respectively.",
            ["growth -39 : EMEA", "growth -25 : Asia Pacific"],
        ),
        # economic activity talked of between a passage's figures does not end its talk of
        # revenue, as demand does not: the end markets after it are the passage's
        (
            "Metal cutting sales in the first quarter declined 23% organically.\n"
            "Performance in Asia Pacific reflects more positive economic activity in the region "
            "with approximately 10% growth in China year-over-year.\n"
            "From an end market perspective, we still experienced year-over-year declines in "
            "transportation of 21% and general engineering of 20%.",
            [
                "growth -23 : Metal cutting",
                "growth -21 yoy : transportation",
                "growth -20 yoy : general engineering",
            ],
        ),
        # a measure that is not the subject's head leaves the figure to its own subject
        ("Strong demand for our products drove revenue up 10%.", ["growth 10 : company"]),
        (
            "Sales to industrial customers decreased by 21%, and sales to other end markets "
            "increased by 6%.",
            ["growth -21 : industrial customers", "growth 6 : other end markets"],
        ),
    ],
    "the comparable period or quarter is the year before": [
        (
            "Total revenue was up 13%, 9% organic to the comparable period.",
            ["growth 13 yoy : company", "alt 9"],
        ),
        (
            "Fee revenues were up 2.1% between comparable annual quarters.",
            ["growth 2.1 yoy : Fee"],
        ),
        (
            "Europe was up 60% against the COVID impacted comparable quarter in the prior year.",
            ["growth 60 yoy : Europe"],
        ),
        ("Revenue rose 5% with a comparable product line.", ["growth 5 : company"]),
    ],
    "a growth said of a period named as a base, in a clause of its own, has no base said": [
        (
            "We expect sales to grow compared to Q1 of fiscal 2021 when sales grew 9%, creating "
            "a difficult year-over-year comparison.",
            ["growth 9 : company"],
        ),
        (
            "Safety revenues were flat against a tough comparison to the prior year in which "
            "Devices grew approximately 20%.",
            ["growth 20 ~ : Devices"],
        ),
        # a base said in that clause is its own
        (
            "Sales were down 6% versus prior year, a clear improvement from the first quarter when "
            "year-over-year sales were down 20%.",
            ["growth -6 yoy : company", "growth -20 yoy : company"],
        ),
        (
            "With the first quarter of 2020 when revenue increased 8.5% over the prior year, as "
            "well as the continued impact of the pandemic.",
            ["growth 8.5 yoy : company"],
        ),
    ],
    # written on the sets labelled this round, after they were scored
    "a base named after an amount we reported, or a quarter reported, is the year before": [
        (
            "In the first quarter of 2018, net sales were $468.7 million, up 7.6% from the $435.5 "
            "million we reported in the first quarter of 2017.",
            ["growth 7.6 yoy : company"],
        ),
        (
            "Revenue was $152 million, a 3.4% increase over reported second quarter 2020 revenue.",
            ["growth 3.4 yoy : company"],
        ),
    ],
    "guidance said intact, or unchanged with a word of degree, stands": [
        ("So full year revenue guidance is intact.", ["guidance reiterated"]),
        ("We are leaving our prior guidance essentially intact.", ["guidance reiterated"]),
        ("Our guidance is really unchanged for the year.", ["guidance reiterated"]),
        ("No change in terms of our expectations for the segment.", ["guidance reiterated"]),
        # what is no guidance of ours
        ("The market outlook is intact.", []),
        ("Our dividend is intact.", []),
    ],
    "a question written with no question mark states nothing": [
        ("Can you reiterate the backlog conversion guidance for 2Q.", []),
        ("So could you talk about the 5% growth in Europe.", []),
        # a sentence of ours that names "you" is no question
        ("You can see that revenue grew 5%.", ["growth 5 : company"]),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_thirty_second_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("symbol", "word", "abbreviates"),
    [
        ("NTGR", "Netgear", True),
        ("LNTH", "Lantheus", True),
        ("ADP", "ADP", True),
        ("BRK-B", "Berkshire", True),
        # a letter missing, out of order, another first letter, fewer than three letters
        ("TNC", "Tennant", False),
        ("VIAB", "Viacom", False),
        ("ASH", "Asia", False),
        ("MSFT", "Azure", False),
        ("GE", "Gear", False),
        # a name of a part: more than one word
        ("GOOGL", "Google Cloud", False),
        ("NTGR", "netgear", False),
    ],
)
def test_the_word_a_ticker_abbreviates(symbol: str, word: str, abbreviates: bool) -> None:
    assert abbreviated(symbol, word) is abbreviates


def test_a_figure_said_of_the_word_the_ticker_abbreviates_is_the_companys() -> None:
    """ "Netgear net revenue … down 11.5%" is NTGR's own revenue; read for another ticker, or
    with none, it is Netgear's, a part the call names."""
    text = (
        "For the first quarter, Netgear net revenue was $309.2 million, down 11.5% year over year."
    )
    (own,) = read_words(text, symbol="NTGR")
    (other,) = read_words(text, symbol="ARLO")
    (unknown,) = read_words(text)
    assert (own.subject, own.value) == (COMPANY, -0.115)
    assert other.subject == unknown.subject == "Netgear"
