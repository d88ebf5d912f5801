"""What fooled the reader of words on a sixth round of calls never seen, class by class, in
made-up sentences written in their manner; each beside what it states, in the words of
test_read_words_classes.py ("growth 9 yoy : Brazil", "share 80 : Pumps", or nothing). Precision
first: where a rule cannot say whose a figure is, or against what, the sentence gives nothing."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

ONE_BASIS: list[tuple[str, list[str]]] = [
    # a basis said once at the sentence's end scopes each figure that names none of its own
    (
        "In our Pumps segment, sales were up 22% and adjusted operating margins were down 230 "
        "basis points to 6.9% when compared with the third quarter of 2020.",
        ["growth 22 yoy : Pumps segment"],
    ),
    (
        "Fiscal first quarter sales were up 13% to $4.95 billion and consolidated adjusted "
        "EBITDA increased 2% year over year to $680 million.",
        ["growth 13 yoy : company"],
    ),
    (
        "In Valves, revenues increased 7%, and adjusted operating earnings were up 2% versus "
        "the third quarter of 2020.",
        ["growth 7 yoy : Valves"],
    ),
    # … or at its start, in a frame opened by "when compared"
    (
        "When compared with 2020, third quarter net sales were up 16% with adjusted operating "
        "margins of 15.5%.",
        ["growth 16 yoy : company"],
    ),
    # a figure with its own basis keeps it
    (
        "Revenue grew 8% sequentially, and Valves sales rose 5% year over year.",
        ["growth 8 sequential : company", "growth 5 yoy : Valves"],
    ),
    # a contrast or a semicolon bounds it
    (
        "Valves revenue improved 11%, while sales to our commercial markets increased 21% "
        "year-over-year.",
        ["growth 11 : Valves", "growth 21 yoy : commercial markets"],
    ),
    ("Sales were up 12%; orders grew 20% year-over-year.", ["growth 12 : company"]),
    # a base set aside as two years back is no basis to take from the sentence's end
    (
        "Revenue grew 8% versus 2019, and Valves sales rose 5% year over year.",
        ["growth 8 : company", "growth 5 yoy : Valves"],
    ),
    # a period of months of a named year is a base
    (
        "With 2021 net sales up 39% when compared with the first nine months of 2020, margins "
        "improved.",
        ["growth 39 yoy : company"],
    ),
]

FISCAL_YEARS: list[tuple[str, list[str]]] = [
    # a fiscal year named as a base is a year: the year before the latest is no year before
    (
        "Fourth quarter sales were $16.1 billion, an increase of 82% from the same quarter in "
        "fiscal 2020 and a 4.3% increase from the same quarter in fiscal 2019.",
        ["growth 82 yoy : company", "growth 4.3 : company"],
    ),
    (
        "Valves was up 45.3% versus fiscal 2020 and up 20.9% versus the same quarter in fiscal "
        "2019.",
        ["growth 45.3 yoy : Valves", "growth 20.9 : Valves"],
    ),
    (
        "For the fourth quarter, international sales were up 83.4% versus fiscal 2020, but down "
        "14.6% versus fiscal 2019.",
        ["growth 83.4 yoy : international", "growth -14.6 : international"],
    ),
]

NOT_REVENUE: list[tuple[str, list[str]]] = [
    # counts are no revenue: enrollments, units sold, passes, attendance, visits
    ("Year-to-date, our career enrollments are up over 120%.", []),
    ("General Ed enrollments rose 43% year-over-year.", []),
    ("The result is a reported 8% decline in retail unit sales year-to-date.", []),
    ("Our season pass unit growth of 47% for fiscal year 2022 created a stable base.", []),
    ("Attendance was up almost 80% compared to 2020.", []),
    ("Visits grew 12%.", []),
    # … but a business unit's sales are its own
    ("Our Industrial business unit sales grew 6%.", ["growth 6 : Industrial business unit"]),
    ("Within our office and surgical unit, we were down 5%.", ["growth -5 : surgical unit"]),
    # sales written are orders taken
    ("Total written sales for the third quarter were up 2% over the prior year period.", []),
    # costs are no revenue, nor the items an exclusion lists
    ("MG&A increased 5.8% on a constant currency basis.", []),
    (
        "Our operating expenses excluding billable expenses, the amortization of acquired "
        "intangibles and restructuring charges increased 11%.",
        [],
    ),
    (
        "Excluding restructuring charges, revenue grew 6% year over year.",
        ["growth 6 yoy : company"],
    ),
    # a price is no revenue
    ("The headline is that inflation during the quarter was up 9.6% for total Acme.", []),
]

WITH_ITS_OWN: list[tuple[str, list[str]]] = [
    # a phrase after "with" that says its own change, or the parts', keeps its basis
    (
        "At our Media segment, organic growth was 15.1% with strong increases from last year's "
        "weak Q2.",
        ["growth 15.1 : Media segment"],
    ),
    (
        "Our Parts business grew nearly 50% during the quarter, with all segments up "
        "significantly year over year.",
        ["growth 50 ~ : Parts business"],
    ),
]

GUIDANCE: list[tuple[str, list[str]]] = [
    # a target is a goal, no guidance begun; guidance updated has a direction only where said
    ("In February, we also introduced our midrange targets of 24% adjusted EBITDA margins.", []),
    ("We are providing the following updated guidance for full year 2021.", []),
    ("We are introducing guidance for fiscal 2022.", ["guidance introduced"]),
    # a market's activity or a stock of goods above a forecast moves no guidance
    (
        "First, we anticipate carrying higher levels of inventory, and an expectation of a "
        "slight increase in elective procedures above our previous forecast.",
        [],
    ),
    ("We now expect revenue above our previous forecast.", ["guidance raised"]),
]

WHOSE: list[tuple[str, list[str]]] = [
    # operating revenues are the company's revenue
    (
        "Total operating revenues are $4.1 billion, a 2% increase year over year.",
        ["growth 2 yoy : company"],
    ),
    ("Our operating revenue increased 3% sequentially.", ["growth 3 sequential : company"]),
    # a garbled measure named "operating" stays unread
    ("The Polymer operating increased $11.4 million or 100% versus the prior year.", []),
    # a subject's verb ends it; a basis after another change of an amount is the amount's
    (
        "Our key dermatology portfolio demonstrated continued strength in 2020 growing 23% "
        "operationally, generating revenue of $925 million and increasing more than $170 "
        "million versus prior year.",
        ["growth 23 : key dermatology portfolio"],
    ),
    ("Our Pumps business demonstrated strength, growing 12%.", ["growth 12 : Pumps business"]),
]


#: Each class of the round, by the rule of English or of accounting that answers it.
CLASSES = {
    "a basis said once scopes the figures that say none": ONE_BASIS,
    "a fiscal year named as a base is a year": FISCAL_YEARS,
    "a phrase with its own change keeps its basis": WITH_ITS_OWN,
    "counts, costs and prices are no revenue": NOT_REVENUE,
    "a target or a market above a forecast is no guidance": GUIDANCE,
    "operating revenue is the company's; a verb ends a subject": WHOSE,
}


@pytest.mark.parametrize(("text", "expected"), by_rule(CLASSES))
def test_each_class_reads_as_its_rule_says(text: str, expected: list[str]) -> None:
    _check(text, expected)
