"""What fooled the reader of words on a fourth round of calls never seen, class by class, in
made-up sentences written in their manner; each beside what it states, in the words of
test_read_words_classes.py ("growth 9 yoy : Brazil", "guidance raised : company", or
nothing)."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import read_words
from tests.reading.words.test_read_words_classes import _cases, _check

NOT_THE_COMPANYS: list[tuple[str, list[str]]] = [
    # a restaurant's average is no one's revenue; a system of franchised units' sales are no
    # revenue either, read since the fifty-sixth round as comparable sales are, their own measure
    ("Average weekly sales rose 6% against the prior year.", []),
    ("In the quarter, average unit volumes were 12% higher than in the first quarter.", []),
    ("Worldwide system sales grew 11%, led by digital orders.", ["growth 11 : system sales"]),
    ("Systemwide sales increased 8% in the quarter.", ["growth 8 : Systemwide sales"]),
    # a count of units grew, no revenue
    ("We closed the year with 9,000 outlets offering pickup, a 30% increase year over year.", []),
    ("Restaurants grew 4% in the year.", []),
    # a later clause with no measure of its own goes on with the sentence's measure
    ("Unit volumes were up 6%; with Europe, up 9%; and Asia up 3%.", []),
    # a month's figure is no quarter's growth
    ("Daily orders improved from down 12% in April to down 4% in June.", []),
    ("Revenue was down 14% in May, before the reopening.", []),
    # a forecast's subject holding a modal or a verb of expecting names no part
    ("We expect Brightwell will grow more than 15% a year after we buy it.", []),
    # a frame of what is no revenue makes the clause's figures no revenue
    ("On a same-store basis, rental revenues increased 3.1% in the quarter.", []),
    # a sentence going on by an anaphor offset names no measure: the one before's
    ("This was offset by a 5% decline in Japan, largely from weather.", []),
    ("This was offset by a 5% decline in Japan revenue.", ["growth -5 : Japan"]),
    # a qualified measure that reached an amount, then its growth in apposition: the measure's
    (
        "We continued to grow our online sales that reached $3 billion in fiscal 2021, an "
        "increase of 40% over 2020.",
        ["growth 40 yoy : online sales"],
    ),
    # a sign is no name
    ("The minus 3% organic growth in net sales reflects the shutdowns.", []),
]

WHOSE: list[tuple[str, list[str]]] = [
    # a part named after its growth by "at": the part's, never the company's
    (
        "We saw organic revenue growth of 25% at Norwell and Pike Labs.",
        ["growth 25 : Norwell and Pike Labs"],
    ),
    ("Sales grew 4% at constant currency.", ["growth 4 : company"]),
    # a relative clause that says what its subject is stands aside
    (
        "Service revenue, which is mostly maintenance revenue, increased 9% over last year.",
        ["growth 9 yoy : Service"],
    ),
]

NAMES: list[tuple[str, list[str]]] = [
    # a part named by a possessive of another is that part's, with its owner
    (
        "Services' managed cloud revenue grew 21% in the quarter.",
        ["growth 21 : Services' managed cloud"],
    ),
    # the company's own possessive is no owner: the part alone (the company named as listed)
    (
        "Brightwell (NASDAQ: BRTW) today reported results. Brightwell’s Fiber Optics revenue "
        "grew 12% sequentially.",
        ["growth 12 sequential : Fiber Optics"],
    ),
    # a part said to lead another's growth is that part, the owner its whole
    (
        "Our Software's growth was led by business analytics, which was up 14%.",
        ["growth 14 : business analytics"],
    ),
    # a place that opens a part's name is a word of that name
    (
        "On Slide 7, Europe Retail revenue of $120 million reflects a 4% decline.",
        ["growth -4 : Europe Retail"],
    ),
    # "greater" in lower case is a degree, no place
    (
        "Pumps sales grew 2% as greater defense sales were offset by a 12% decline in sales of "
        "commercial engines.",
        ["growth 2 : Pumps", "growth -12 : commercial engines"],
    ),
    # "and" opens a clause of its own before a verb of a growth's pace
    (
        "Geographically, growth in Europe exceeded the market, and services revenue growth "
        "accelerated, up 9% versus the prior year.",
        ["growth 9 yoy : services"],
    ),
    # "sales and marketing" said with revenues is a part's name, not the expense
    (
        "North America Sales and Marketing fourth-quarter revenues were $90 million, an increase "
        "of 3%.",
        ["growth 3 : North America Sales and Marketing"],
    ),
    ("Sales and marketing expenses increased 12%.", []),
    # a heading that says "up" heads a list of growths, of what it names
    (
        "Europe and Asia were both up double digits: Europe up 14%; and Asia up 11%.",
        ["growth 14 : Europe", "growth 11 : Asia"],
    ),
    ("Volumes were up: Europe 5%, Asia 3%.", []),
    # a mix said as figures then names gives each its share
    (
        "For the quarter, our sales mix consisted of 61.5% wholesale, 30.5% retail and 8% online.",
        ["share 61.5 : wholesale", "share 30.5 : retail", "share 8 : online"],
    ),
    # a talk frame that names a part on a slide is that part's frame
    (
        "Moving to the Flooring segment on slide 5, sales were up 3%.",
        ["growth 3 : Flooring segment"],
    ),
    # a pronoun said with its verb is the company, no name
    (
        "We're pleased to report strong results with sales growing 12% year-over-year.",
        ["growth 12 yoy : company"],
    ),
    # a part as the object of a verb of multiples is the part's, not the company's
    (
        "This year, we've nearly tripled our wholesale business.",
        ["growth 200 ~ : wholesale business"],
    ),
]

BASES: list[tuple[str, list[str]]] = [
    # an amount of revenue with its period, then its growth in apposition; a transcriber's note
    (
        "We recorded net sales of $410 million [Phonetic] in the third quarter, an increase of 9%.",
        ["growth 9 : company"],
    ),
    # a base set off after an amount "for" a quarter of the year before
    (
        "For the second quarter of 2021, total revenues were $310 million compared with $290 "
        "million for the second quarter of 2020, an increase of 6.9%.",
        ["growth 6.9 yoy : company"],
    ),
    # the comparable period is the same period a year before
    ("We posted top line growth of 9% over the comparable period.", ["growth 9 yoy : company"]),
    # the basis after an alternative in another measure is both's
    (
        "Revenues were $210 million, an increase of 8% or 7.5% on a constant currency basis "
        "compared to the prior-year quarter.",
        ["growth 8 yoy : company", "alt 7.5"],
    ),
    # a basis in a clause opened by "when" is that clause's
    (
        "Sales were down 6% versus prior year, a clear improvement from the first quarter when "
        "year-over-year sales were down 20%.",
        ["growth -6 yoy : company", "growth -20 yoy : company"],
    ),
]

GUIDANCE: list[tuple[str, list[str]]] = [
    # an outlook's assumption of the share count moved is no guidance moved
    (
        "Our outlook assumes 88 million diluted shares, two million reduction from our prior "
        "guidance, given buybacks.",
        [],
    ),
    # a figure set against "a prior range" of the same unit moves guidance by its midpoint
    (
        "We expect organic revenue growth to be about 12%, compared to a prior range of 9 to 10%.",
        ["guidance raised : company"],
    ),
    # guidance said to go on, to remain at a figure, or a measure's growth unchanged at a range
    (
        "Our free cash flow outlook continues to be $300 million to $340 million.",
        ["guidance reiterated : company"],
    ),
    (
        "Our tax rate estimate for the year remains 22% consistent with our prior outlook.",
        ["guidance reiterated : company"],
    ),
    ("Our overall sales growth is unchanged at 4% to 6%.", ["guidance reiterated : company"]),
    # a metric moved to a figure it is to be, and guidance moved in the passive
    (
        "We are raising adjusted earnings per share to be between $3.10 and $3.20.",
        ["guidance raised : company"],
    ),
    ("We are increasing sales to new customers.", []),
    ("Our full year revenue outlook is lowered to $1.2 billion.", ["guidance cut : company"]),
    # a figure projected now against the prior projection
    (
        "We now project our tax rate to be approximately 20% as compared to our previous "
        "projection of 22%.",
        ["guidance cut : company"],
    ),
    # a range set at an end of the prior range moves guidance by its midpoint
    (
        "We now expect to grow sales 7% to 8%, which is the high end of our previous "
        "projection of 6% to 8%.",
        ["guidance raised : company"],
    ),
    # growth assumptions moved to a range are guidance moved
    (
        "We are increasing our organic revenue growth assumptions to a range of 5 to 7%.",
        ["guidance raised : company"],
    ),
    # a range said with "and" against the prior range
    (
        "Full year net sales are expected to be in a range of 1.9 billion and $1.95 billion, "
        "compared to our prior guidance range of 1.8 billion to $1.85 billion.",
        ["guidance raised : company"],
    ),
    # an estimate of the company's said to stand is guidance reiterated; a market's is not
    (
        "Our effective tax rate estimate for the full year remains unchanged at 24% to 25%.",
        ["guidance reiterated : company"],
    ),
    ("Our estimate for the market remains unchanged at 4% growth.", []),
    (
        "Our revenue outlook is a $20 million reduction from our prior guidance.",
        ["guidance cut : company"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _cases(NOT_THE_COMPANYS))
def test_what_is_no_revenue_of_the_company(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(WHOSE))
def test_whose_a_growth_is_by_the_words_after_it(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(NAMES))
def test_a_name_owned_placed_or_framed(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(BASES))
def test_the_basis_said_around_a_growth(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(GUIDANCE))
def test_guidance_is_of_the_companys_numbers(text: str, expected: list[str]) -> None:
    _check(text, expected)


_CALL = (
    "Welcome to our first quarter call.\n"
    "In the first quarter, we delivered solid results.\n"
    "Our first-quarter margins improved.\n"
    "Pumps sales decreased 30% compared to the {base} quarter of 2020 as destocking went on.\n"
)


@pytest.mark.parametrize(
    ("base", "basis"),
    [("first", "year over year"), ("fourth", "sequential"), ("third", "")],
)
def test_a_quarter_named_as_a_base_is_set_against_the_calls_own(base: str, basis: str) -> None:
    """A call that speaks of its first quarter as its own: the first quarter of the year before
    is a year before, the fourth the quarter before, the third neither."""
    read = [s for s in read_words(_CALL.format(base=base)) if s.kind == "growth"]
    assert [(s.subject, round(s.value * 100, 6), s.basis) for s in read if s.value] == [
        ("Pumps", -30.0, basis)
    ]


def test_guidance_is_found_in_any_case():
    """The sentence is searched lowered for words of guidance: a capital anywhere finds them."""
    from catalyst_tui.reading.words.reader import _GUIDANCE

    assert _GUIDANCE.pattern == _GUIDANCE.pattern.lower()  # a capital would never match
    said = read_words("We are RAISING OUR full-year Revenue GUIDANCE to $2 billion.")
    assert [(s.kind, s.metric or s.subject) for s in said if s.kind == "guidance"] != []


FIFTH_ROUND: list[tuple[str, list[str]]] = [
    # counts, payment volumes, an expense and a segment's profit are no revenue
    ("Money transfer transactions grew 9% in the quarter.", []),
    ("Gross dollar volume, or GDV, increased by 23% year over year.", []),
    ("Segment adjusted OCI grew by 3.1% in the quarter.", []),
    ("Advertising for the quarter was $31 million, an increase of 25%.", []),
    ("Contract sales grew 5% sequentially in the third quarter.", []),
    # a habit is no period's figure
    ("Historically, Brightwell generated about 20% of its net sales in the second quarter.", []),
    # a range whose second end is signed in words is guided, not what happened
    ("Optics revenue of $480 million to $500 million, down 1% to up 4% as reported.", []),
    # a second figure after "and", signed, is no range's end: the first is still read
    (
        "Americas revenue was up 4% and down 3% in Europe.",
        ["growth 4 : Americas", "growth -3 : Europe"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), _cases(FIFTH_ROUND))
def test_what_is_no_revenue_a_habit_and_a_signed_range_give_nothing(
    text: str, expected: list[str]
) -> None:
    _check(text, expected)
