"""The fourteenth round's rules: a year named beside "two years" is two years back, a quarter
said as "the 2020 third quarter", a growth "ahead of" or "behind" a base, a growth qualified as
underlying or operational, a bound said loosely ("a little less than"); and, refused, a figure
set against a plan or an expectation. Made-up sentences (a document where the rule reads the
whole call), each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import read_words
from tests.reading.words.test_read_words_classes import _check, by_rule

# A call that names the year after 2019 as a year of its own figures, and says its 2019
# comparisons are two years back.
_TWO_YEARS_CALL = (
    "Our online business was up 4% in 2021. "
    "Versus 2019, revenue in Europe was up 31%, so strong growth on a two-year basis. "
)

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a year said beside two years is two years back, in its sentence and in its call": [
        (
            "Versus 2019, revenue in Asia was up 31%, so strong growth on a two-year basis.",
            ["growth 31 : Asia"],
        ),
        (
            "Compared to 2019, North American revenue was up 8%, driven by higher quality "
            "revenue than two years ago.",
            ["growth 8 : North American"],
        ),
        (
            _TWO_YEARS_CALL + "Versus 2019, total revenue is up 8%.",
            ["growth 4 : online business", "growth 31 : Europe", "growth 8 : company"],
        ),
        (
            _TWO_YEARS_CALL
            + "Compared to the fourth quarter of 2019, revenue in Japan was up 11%.",
            ["growth 4 : online business", "growth 31 : Europe", "growth 11 : Japan"],
        ),
        # a call that says no such thing: 2019 is the year before 2020's figures
        (
            "In 2020, revenue in Asia was up 12%. Versus 2019, total revenue is up 8%.",
            ["growth 12 : Asia", "growth 8 yoy : company"],
        ),
    ],
    "a quarter said as 'the 2020 third quarter' is set against the call's own": [
        (
            "For the 2021 third quarter, marine revenues were $480 million. Compared to the "
            "2020 third quarter, marine revenues increased $17.9 million or 6%. Compared to "
            "the 2021 second quarter, marine revenues increased $5.6 million or 2%. In the "
            "third quarter, coastal revenues were flat. Our third quarter was strong.",
            ["growth 6 yoy : marine", "growth 2 sequential : marine"],
        ),
        (
            "For the third quarter, compared to the 2021 second quarter, inland revenues "
            "increased 2%.",
            ["growth 2 sequential : inland"],
        ),
        (
            "For the third quarter, compared to the 2020 third quarter, inland revenues "
            "increased 6%.",
            ["growth 6 yoy : inland"],
        ),
        # a quarter of a year said the other way keeps its reading
        (
            "In the fourth quarter, revenue grew 9% compared to the third quarter of 2020.",
            ["growth 9 sequential : company"],
        ),
    ],
    "a growth ahead of or behind a base is a growth": [
        (
            "AeroTech revenue of $115 million was ahead 6% year-over-year.",
            ["growth 6 yoy : AeroTech"],
        ),
        (
            "In the quarter, total revenue of $1.4 billion was 17% ahead of last year.",
            ["growth 17 yoy : company"],
        ),
        ("Revenue was 5% behind last year.", ["growth -5 yoy : company"]),
        (
            "Net sales of $61.9 million were approximately 19% better than prior year.",
            ["growth 19 ~ yoy : company"],
        ),
        # another measure ahead of last year stays its own
        ("Adjusted EBITDA was 17% ahead of last year.", []),
    ],
    "a revenue 'off' a figure has fallen by it": [
        (
            "For the quarter, Technologies had revenue of $3.23 billion, off about 1% "
            "sequentially.",
            ["growth -1 ~ sequential : Technologies"],
        ),
        (
            "For the full year, revenue of $8.08 billion is off 17.6% from the prior year.",
            ["growth -17.6 yoy : company"],
        ),
        ("We sold off 5% of our stake in the venture.", []),
    ],
    "a revenue that returned to growth, and a growth realized, are their subject's": [
        ("Our revenue returned to growth, up 5% from a year ago.", ["growth 5 yoy : company"]),
        (
            "Wholesale returned to growth, up 1% on a currency-neutral basis.",
            ["growth 1 : Wholesale"],
        ),
        (
            "Our downhole tools business realized a 5% improvement in revenue during the third "
            "quarter.",
            ["growth 5 : downhole tools business"],
        ),
        (
            "We realized a 25% revenue decline for the quarter.",
            ["growth -25 : company"],
        ),
        # another measure returned to growth keeps its own figure
        ("Our orders returned to growth, up 5% from a year ago.", []),
    ],
    "a share reduced to a figure is a share": [
        (
            "Because of the very strong US performance, our international sales reduced to "
            "about 40% of total sales.",
            ["share 40 ~ : international"],
        ),
        ("Costs reduced to 40% of sales.", []),
    ],
    "a short name a call gives a line or a measure stands for it": [
        (
            "Contract Sales and Medical Solutions, or CSMS, fourth-quarter revenue of $196 "
            "million grew 3.7% reported. Full-year CSMS revenue was $784 million, representing "
            "5.8% growth.",
            [
                "growth 3.7 : Contract Sales and Medical Solutions (CSMS)",
                "growth 5.8 : Contract Sales and Medical Solutions (CSMS)",
            ],
        ),
        (
            "Retail Branding and Information Solutions (RBIS) is our largest segment. RBIS "
            "sales were up 12%.",
            ["growth 12 : Retail Branding and Information Solutions (RBIS)"],
        ),
        # a short name of a measure that is no revenue is none; letters that are no initials
        # name nothing
        ("Adjusted net income for the quarter, or ANI, increased 22% to $294 million.", []),
        (
            "We sell paint or PPG coatings. PPG revenue grew 4%.",
            ["growth 4 : PPG"],
        ),
    ],
    "the company named by its investor relations officer, or by its quarter's results": [
        (
            "I'm Susie Lisa, senior vice president of investor relations for Northwind Health. "
            "For the full year 2021, Northwind Health grew adjusted revenue by 8.8%.",
            ["growth 8.8 : company"],
        ),
        (
            "I will begin with an overview of Contoso's third quarter performance. Contoso "
            "delivered third quarter sales growth of 9%.",
            ["growth 9 : company"],
        ),
        # a part's own president names the part, not the company
        (
            "With me is Jane Doe, president of Pursuit. Pursuit revenue was $13.5 million, up "
            "$2.9 million or 26.8%.",
            ["growth 26.8 : Pursuit"],
        ),
    ],
    "a figure set against a plan or an expectation is no growth": [
        ("Revenue was 5% below plan.", []),
        ("Sales were 8% above our expectations.", []),
        ("Sales were 8% higher than our guidance.", []),
        ("Revenue was 5% above the midpoint of our guidance.", []),
        ("Sales were 8% better than we expected.", []),
        ("Synergies reached $130 million, 30% higher than our initial estimate.", []),
        ("Group revenue on the books for 2022 is nearly 50% above the forecast for 2021.", []),
        # a growth, then the plan said of something else
        (
            "In the quarter organic revenue was down 1% lower than our internal expectations "
            "by about 4.5 points.",
            ["growth -1 : company"],
        ),
        ("Revenue was 5% above last year.", ["growth 5 yoy : company"]),
    ],
    "an underlying or operational growth is a growth": [
        ("We delivered 13% underlying growth in Reinsurance.", ["growth 13 : Reinsurance"]),
        (
            "For the first nine months of the year, Guy Carpenter generated $1.7 billion of "
            "revenue and 10% underlying growth.",
            ["growth 10 : Guy Carpenter"],
        ),
        (
            "Livestock revenue was $1.2 billion. This was the primary driver of the 5% "
            "operational decline in livestock for the fourth quarter.",
            ["growth -5 : livestock"],
        ),
        (
            "Digital continued its momentum with 25% currency-neutral growth.",
            ["growth 25 : Digital"],
        ),
        ("We saw a decline in net sales of 11%.", ["growth -11 : company"]),
        # a measure that is no revenue keeps its own growth
        ("We delivered 13% underlying EBITDA growth.", []),
    ],
    "a name's own last word is no head the other names of its list share": [
        (
            "Asia and Latin America posted growth of 20% and 15%, respectively.",
            ["growth 20 : Asia", "growth 15 : Latin America"],
        ),
        (
            "This is a strong showing with China and North America growing 11% and 14%, "
            "respectively.",
            ["growth 11 : China", "growth 14 : North America"],
        ),
        # a common noun or a part's word is
        (
            "The Industrial and Medical segments were up 8% and 6%, respectively.",
            ["growth 8 : Industrial segments", "growth 6 : Medical segments"],
        ),
        (
            "Hardware and software revenue were up 5% and 7%, respectively.",
            ["growth 5 : Hardware", "growth 7 : software"],
        ),
    ],
    "a count of starts, jobs, carloads, pulls, consumers or members is no revenue": [
        (
            "Our revenue grew 5% and new student starts increased 6.6%.",
            ["growth 5 : company"],
        ),
        (
            "Sales rose 4%, while Medicare Advantage membership grew 9.8%.",
            ["growth 4 : company"],
        ),
        ("Revenue grew 3%, and warehousing jobs rose 12%.", ["growth 3 : company"]),
        ("Liquid steel tonnage, or LST, increased roughly 25% versus the prior year.", []),
        # a measure's word inside a capitalised name is the name's
        (
            "Business Professionals and Consumers Group subscription revenue was $1.60 "
            "billion, which represents 15 percent year-over-year growth.",
            ["growth 15 yoy : Business Professionals and Consumers Group subscription"],
        ),
        # a line's revenue in the same words is its own
        (
            "Sales rose 4%, while Medicare Advantage revenue grew 9.8%.",
            ["growth 4 : company", "growth 9.8 : Medicare Advantage"],
        ),
    ],
    "guidance said improved, higher or unchanged, and guidance reinstated": [
        (
            "Based on the recent results, our full-year outlook is clearly improved.",
            ["guidance raised"],
        ),
        (
            "The improved outlook takes into account the year-to-date loss favorability.",
            ["guidance raised"],
        ),
        (
            "The higher outlook reflects our strong first quarter performance.",
            ["guidance raised"],
        ),
        (
            "Given the increased outlook for earnings, we are now targeting more cash.",
            ["guidance raised"],
        ),
        ("Our growth reflects the lower EBITDA guidance we gave in May.", ["guidance cut"]),
        (
            "I'll now comment on our guidance for 2021, which is unchanged from three months ago.",
            ["guidance reiterated"],
        ),
        ("We decided to reinstate guidance.", ["guidance introduced"]),
        (
            "So revenue guidance at the midpoint now, $2.795 billion, that's up $30 million "
            "from August.",
            ["guidance raised"],
        ),
        ("Our EPS guidance is now $3.10, down $0.20 from May.", ["guidance cut"]),
        ("Revenue was $2.7 billion, up $30 million from August.", []),
        # guidance to be reinstated later, or not yet, is none now; someone else's outlook is
        (
            "We expect to reinstate annual guidance when we release full-year results.",
            [],
        ),
        ("We will reinstate earnings guidance once we have sufficient visibility.", []),
        ("We feel it's premature to reinstate full year earnings guidance.", []),
        ("The lower outlook for demand in Europe weighs on the industry.", []),
        ("We see a higher outlook for steel prices.", []),
    ],
    "a growth said of each of what was named before is theirs": [
        (
            "Molding Solutions generated very strong orders in medical end markets, both "
            "year-over-year and sequentially, each with well over 50% growth.",
            [],
        ),
        (
            "We saw a record 38 billion views and 1.4 billion hours consumed, both representing "
            "a 10% increase year-over-year and an 11% increase in revenue.",
            ["growth 11 : company"],
        ),
        # measures that each grew, revenue among them, keep revenue's figure
        ("Revenue, EBITDA and cash flow were all up 20%.", ["growth 20 : company"]),
    ],
    "a bound said loosely is the bound it is": [
        (
            "First quarter revenues were down a little less than 10% from a year ago.",
            ["growth -10 ~ yoy : company"],
        ),
        ("Revenue grew well over 20%.", ["growth 20 > : company"]),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_a_fourteenth_round_rule(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("said", "bound"),
    [
        ("a little less than", "nearly"),
        ("slightly less than", "nearly"),
        ("a little more than", "just over"),
        ("slightly more than", "just over"),
        ("well over", "over"),
        ("a little over", "just over"),  # (round 46)
        ("a bit under", "nearly"),
        ("well above", "above"),
        ("less than", "less than"),
    ],
)
def test_a_bound_said_loosely_is_kept_as_the_bound_it_is(said: str, bound: str) -> None:
    (read,) = read_words(f"Revenue grew {said} 20% compared to last year.")
    assert (read.value, read.comparison, read.basis) == (0.2, bound, "year over year")
