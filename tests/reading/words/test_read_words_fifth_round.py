"""What fooled the reader of words on a fifth round of calls never seen, class by class, in
made-up sentences written in their manner; each beside what it states, in the words of
test_read_words_classes.py ("growth 9 yoy : Brazil", "share 80 : Pumps", or nothing). Precision
first: where a rule cannot say whose a figure is, or against what, the sentence gives nothing."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import read_words
from tests.reading.words.test_read_words_classes import _cases, _check

NO_SUBJECT: list[tuple[str, list[str]]] = [
    # a cause, a time or a participle that opens the phrase read back names no part
    ("Due to that growth of 14% was in line with total revenue growth.", []),
    ("Because of how the network is built, we can deliver about 6% top-line growth.", []),
    # … and the clause's own subject is read past it
    (
        "Having looked at our second quarter financial results, total sales were up 9% from "
        "last year.",
        ["growth 9 yoy : company"],
    ),
    (
        "During the fiscal year just ended, excluding divestitures, we grew net sales by 7%.",
        ["growth 7 : company"],
    ),
    # a participle after a comma, or a verb's bare form, is no name (the eighteenth round: the
    # clause's subject is whose the growth the participle achieves is)
    (
        "Valves also had a strong quarter, achieving 12% growth over the prior year.",
        ["growth 12 yoy : Valves"],
    ),
    ("Pumps revenue continued to improve declining 4% in the quarter.", []),
    # an adjective of the noun of change is no subject: the clause's own subject is
    (
        "Net sales were $300 million, virtually flat at a modest 0.4% decline.",
        ["growth -0.4 : company"],
    ),
    # the company's people speak for it
    ("Our team delivered net sales growth of 6.1% in the year.", ["growth 6.1 : company"]),
]

WHOSE: list[tuple[str, list[str]]] = [
    # a verb's complement is no subject: the share is the phrase's before the linking verb
    (
        "Steel products remained consistent at 70% of total sales.",
        ["share 70 : Steel products"],
    ),
    # an absolute phrase after "including" keeps its own subject
    (
        "Our lens portfolio performed well, including Clearview being up 41%.",
        ["growth 41 : Clearview"],
    ),
    # a relative clause of what a part excludes, its closing comma unsaid
    (
        "Our base business net sales, which for this comparison also exclude Acme sales "
        "increased $9 million or 3% for the quarter.",
        ["growth 3 : base business"],
    ),
    # a bare measure in a clause opened by "as" is the part named before it
    (
        "We saw a strong recovery in our Marine business as sales grew 31% compared to last year.",
        ["growth 31 yoy : Marine business"],
    ),
    (
        "It was a story of demand recovering as revenue grew 8% compared to last year.",
        ["growth 8 yoy : company"],
    ),
    # a bare measure after a part's other measure is that part's
    ("Northfield volume increased 5% and sales increased 17%.", ["growth 17 : Northfield"]),
    ("Total orders increased 4%, and revenue grew 3%.", ["growth 3 : company"]),
    # a name between "total" and its measure: the company's or a part's total, unsaid which
    ("Total ZX revenue declined 6% in line with our plan.", []),
    ("Our total print revenue was $2 billion, up 2%.", ["growth 2 : print"]),
    # a part named after a growth's noun owns it
    (
        "Our investment resulted in over 40% revenue growth in Consumer Health.",
        ["growth 40 > : Consumer Health"],
    ),
    # parts said with "both" or "each": one figure each, nobody's alone
    (
        "Shoes and bags were both up more than 15%.",
        # round 29: each its figure, as each would be alone ("bags", a part in lower case
        # with no measure said, is refused alone too)
        ["growth 15 > : Shoes"],
    ),
    # a change ranked among others names no whole
    ("The largest decline we saw in sales was in Rivera, down 12%.", []),
]

NOT_REVENUE: list[tuple[str, list[str]]] = [
    # a profit before some costs, whatever letters follow EBIT
    ("Our EBITDAR increased by 9.2% in the quarter.", []),
    # a source's finding is someone else's figure
    ("CardData shows that overall retail sales in the quarter were up 4% versus a year ago.", []),
    # a figure per unit of something
    ("On a per square foot basis, our revenues were up 5% sequentially.", []),
    ("On a per-unit basis, sales rose 3%.", []),
    # a forecast's range of amounts, and the growth said beside it
    (
        "We now expect revenue for the year to be between $510 million and $520 million, up 8% "
        "year-over-year.",
        [],
    ),
    (
        "For the fourth quarter, we expect total sales of $2.1 billion to $2.2 billion, which, at "
        "the midpoint, implies a 3% decline.",
        [],
    ),
    ("Revenue increased from $5.1 billion to $6.3 billion, up 24%.", ["growth 24 : company"]),
    # a range from a figure to flat
    ("We now expect our markets to be down 3% to flat for the year.", []),
    # a figure higher or lower of a measure that is no revenue
    ("Volumes grew 20%, partially offset by a 5% lower average selling price.", []),
    # a company's habit moves no guidance
    ("Our practice has been to give an outlook each year and maintain that guidance.", []),
    # a cause of another measure's change
    (
        "Free cash flow was $40 million, a 30% decline due to working capital related to our 20% "
        "revenue growth in the quarter.",
        [],
    ),
    # a growth apposed to a share said in a relative clause whose antecedent is not read
    (
        "We will fund $30 million of marketing spend, which is expected to represent about 6% of "
        "sales next year, up roughly 60%.",
        [],
    ),
]

BASES: list[tuple[str, list[str]]] = [
    # a growth set against last year's strength: a reason, no base
    ("Online sales grew 2% against strong gains last year.", ["growth 2 : Online"]),
    ("Implants were down 5% against a tough comp from last year.", ["growth -5 : Implants"]),
    # the figure's own period names the year, and the base is the year before it
    (
        "Our net sales increased by 31% in the second quarter of 2020 over 2019.",
        ["growth 31 yoy : company"],
    ),
    # of two base years one apart, the later is the year before
    (
        "Net revenue increased $90 million or 12% versus third quarter 2020 and is up $60 million "
        "or 8% from 2019.",
        ["growth 12 yoy : company", "growth 8 : company"],
    ),
    # an adjective's year-over-year is no base of the sentence
    (
        "Roofing sales were $700 million, up 6% compared with Q3 of 2019, offset by lower "
        "year-over-year selling prices.",
        ["growth 6 yoy : Roofing"],
    ),
    # a base said as an amount on a count
    (
        "Our home sales revenues increased 20% to $5 billion, up from $4.2 billion on 9,000 homes "
        "closed in the prior year.",
        ["growth 20 yoy : home sales"],
    ),
    # a list of measures' growths said with "up" takes the basis after it
    (
        "Net revenues were up 18% and earnings per share up 30% versus a year ago.",
        ["growth 18 yoy : company"],
    ),
    # a fiscal year named as a base
    ("Europe rose approximately 80% versus FY '20.", ["growth 80 ~ yoy : Europe"]),
    # another measure's words keep their basis
    (
        "In Mexico, total sales were up 3% with comp sales flat year-over-year.",
        ["growth 3 : Mexico"],
    ),
    # a basis said of another growth in a set-aside opening is that growth's
    (
        "Excluding the year-over-year growth in our service business, our product business "
        "declined 7% compared to the 20% decline in our market.",
        ["growth -7 : product business"],
    ),
    # an opening's basis stays with its first figure across "as"
    (
        "Brand revenue continued to sequentially improve declining 6% as 30% growth in Online "
        "was offset by store closures.",
        ["growth 30 : Online"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _cases(NO_SUBJECT))
def test_a_cause_a_participle_or_an_adjective_names_no_part(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(WHOSE))
def test_whose_a_figure_is_where_the_clause_names_it(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(NOT_REVENUE))
def test_what_is_no_revenue_growth_gives_nothing(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(BASES))
def test_the_basis_is_the_figures_own(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_a_total_named_by_the_companys_own_name_is_the_companys() -> None:
    """A name the call gives the company where it opens (an officer's title) is the company's
    own: "total ZX sales" there is the company's whole."""
    text = (
        "Joining me is Dana Reyes, ZX's chief executive officer.\n"
        "Total ZX revenue declined 6% in line with our plan.\n"
    )
    read = [s for s in read_words(text) if s.kind == "growth"]
    assert [(s.subject, round(s.value * 100, 6)) for s in read if s.value] == [("revenue", -6.0)]
