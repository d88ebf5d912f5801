"""The thirty-fourth round's rules, found by what the reader left unread across the unlabelled
calls (no single sentence's miss): the speaker's courtesy is no hedge, an expected outcome is no
negation, "the Company's" is the company's own, a noun of change bounded by "in excess of";
then, after the new sets were scored, rates and a bank's profit before provisions are no
revenue, like-for-like measures of more kinds, a discourse adverb is no name, "the quarter
prior" is a sequential base, and guidance given with its figure is begun. Made-up sentences,
each beside what it states as test_read_words_classes.py writes it ([] where nothing may be
read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "the speaker's courtesy ('I would note', 'we'd highlight') hedges nothing": [
        (
            "I would also note that total reported revenue was up 13% in the quarter.",
            ["growth 13 : company"],
        ),
        ("And I'd note that organic revenue grew 7% in the quarter.", ["growth 7 : company"]),
        (
            "We'd highlight that online sales were up 150% from the prior year.",
            ["growth 150 yoy : online"],
        ),
        (
            "But I would like to point out that we are lowering our expected capital "
            "expenditures for the year.",
            ["guidance cut"],
        ),
        # a hedge of what is said still hedges it
        ("If prices fall, revenue would be down 5%.", []),
        ("I would note that revenue could be down 5% next year.", []),
        ("We would lower our expected capital expenditures if prices fall.", []),
    ],
    "an outcome said to be expected ('Not surprisingly,') is no negation": [
        (
            "Not surprisingly, sales were down 47% from the prior year.",
            ["growth -47 yoy : company"],
        ),
        ("Sales were not down 47% from the prior year.", []),
    ],
    "'the Company's' is the company's own": [
        (
            "For the first quarter, the Company's net sales increased by 21% to $116 million.",
            ["growth 21 : company"],
        ),
        ("For the first quarter, the Company's gross margin increased by 21%.", []),
    ],
    "revenue and another measure 'both' up: revenue's the figure": [
        (
            "Net sales and adjusted segment EBITDA were both up an impressive 7% year over year.",
            ["growth 7 yoy : company"],
        ),
        (
            "Recurring revenues and adjusted operating income both rose 8%.",
            ["growth 8 : Recurring"],
        ),
        # two measures with no revenue, or two counts, give nothing
        ("Adjusted operating income and adjusted EPS both increased 6%.", []),
        ("Orders and shipments were both up 7%.", []),
    ],
    "a noun of change bounded by 'in excess of' is read with its bound": [
        (
            "Mass spec sales were also strong in the quarter with growth in excess of 50%.",
            ["growth 50 > : Mass spec"],
        ),
        (
            "Our e-commerce businesses drove growth in excess of 20% again this quarter.",
            ["growth 20 > : e-commerce businesses"],
        ),
        ("Our e-commerce businesses drove margins in excess of 20% again this quarter.", []),
    ],
}

# Written after the new sets were scored, on what they invented or missed.
AFTER_SCORING: dict[str, list[tuple[str, list[str]]]] = {
    "a rate per day, per well or per room is no revenue": [
        ("We achieved a 25% improvement in our drilling footage per day.", []),
        ("Revenue per room grew 8% in the quarter.", []),
        ("Room revenue grew 8% in the quarter.", ["growth 8 : Room"]),
    ],
    "a period named by its end after a frame of talk is a period, no part": [
        (
            "With regard to our financial performance for the three months ended September "
            "30th, 2020, our net sales decreased by 6% compared to last year.",
            ["growth -6 yoy : company"],
        ),
        (
            "For the third quarter, financial revenue increased 44.5% to $5.6 million.",
            ["growth 44.5 : financial"],
        ),
    ],
    "a bank's profit before its provisions is no revenue": [
        (
            "Pre-tax pre-provision net revenue totaled $84 million, a year-over-year increase "
            "of 9.2%.",
            [],
        ),
        (
            "Net revenue totaled $84 million, a year-over-year increase of 9.2%.",
            ["growth 9.2 yoy : company"],
        ),
        (
            "Western Alliance generated $163.4 million of operating pre-provision net revenue, "
            "up 10% year-over-year.",
            [],
        ),
    ],
    "a like-for-like measure over states, markets or branches is no period's revenue": [
        ("Total same-state portal revenues grew 5% for the quarter.", []),
        ("Same-market revenues were up 3%.", []),
        ("Total portal revenues grew 5% for the quarter.", ["growth 5 : portal"]),
    ],
    "an adverb that joins a sentence to the last is no name": [
        ("However, that was 2% above the tons exported last year.", []),
        ("Moreover, Europe sales were up 2%.", ["growth 2 : Europe"]),
    ],
    "'the quarter prior' is the quarter before": [
        (
            "Our parking revenue grew 12% in the second quarter compared to the quarter prior.",
            ["growth 12 sequential : parking"],
        ),
        ("Revenue grew 5% compared to the quarter prior to the pandemic.", ["growth 5 : company"]),
    ],
    "an amount 'reported in' a period of the year before is a yearly base": [
        (
            "Fourth-quarter 2016 net sales in our international segment were $545.4 million, a "
            "decrease of $7.3 million, or 1.3%, from $552.7 million reported in the fourth "
            "quarter of 2015.",
            ["growth -1.3 yoy : international segment"],
        ),
    ],
    "guidance given with its figure is begun": [
        ("We are providing guidance of $1.69 to $1.75 per share.", ["guidance introduced"]),
        ("While we're providing guidance, we're doing so with a wider range.", []),
        (
            "Last year we gave a range of 25% to 29%, and this year we're giving a range of "
            "25% to 30%.",
            [],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(AFTER_SCORING))
def test_the_rules_written_after_the_new_sets_were_scored(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_thirty_fourth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
