"""The thirtieth round's rules: structures of English that no rule read, or read wrong, in
calls of both transcript sources. Made-up sentences, each beside what it states as
test_read_words_classes.py writes it ([] where nothing may be read), with a counterexample the
rule must leave as it was."""

from __future__ import annotations

import datetime as dt

import pytest

from catalyst_tui.reading.words import COMPANY, read_words
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "guidance set against its prior self named with a metric's words, a time or a range": [
        (
            "The new range is a $0.15 midpoint increase from our previous adjusted earnings "
            "guidance of $3.10 to $3.30 per share.",
            ["guidance raised"],
        ),
        (
            "This is a $20 million increase from our projection last quarter.",
            ["guidance raised"],
        ),
        (
            "Our adjusted EPS range is now $2.80 to $2.95, a $0.10 midpoint improvement from the "
            "range provided in May.",
            ["guidance raised"],
        ),
        (
            "We now expect segment revenues to be slightly lower than our previous sales outlook "
            "communicated in April.",
            ["guidance cut"],
        ),
        (
            "We now expect organic revenue growth of 8%, which is ahead of the 6% to 7% range we "
            "had previously indicated.",
            ["growth 8 : company", "guidance raised"],
        ),
        (
            "We believe adjusted EPS will now be in the range of $1.90 to $2.10 for 2022, which is "
            "down from the $2.20 to $2.40 previously forecast.",
            ["guidance cut"],
        ),
        (
            "For SG&A, we expect growth of approximately 6.5%, which compares to our prior outlook "
            "of 6%.",
            ["guidance raised"],
        ),
        # last year's range is no prior guidance; a result ahead of a range is no guidance moved
        (
            "We now expect an effective tax rate of 21% to 22%, which compares to the prior year "
            "range of 23% to 24%.",
            [],
        ),
        (
            "Organic growth was 8%, ahead of the 6% to 7% range we had previously indicated.",
            ["growth 8 : company"],
        ),
    ],
    "a metric written with an ampersand is a metric of guidance": [
        ("We are raising our full-year SG&A guidance.", ["guidance raised"]),
        ("We lowered our 2023 R&D expense outlook.", ["guidance cut"]),
        (
            "We are reconfirming our previously issued GAAP EPS, adjusted EPS, and adjusted local "
            "currency EBITDA guidance.",
            ["guidance reiterated"],
        ),
    ],
    "guidance said unchanged or still to be met is reiterated": [
        ("Nothing has changed in our full-year outlook.", ["guidance reiterated"]),
        (
            "None of the annual estimates have changed from what we gave last quarter.",
            ["guidance reiterated"],
        ),
        (
            "We still expect to reach our previously announced sales and EBITDA guidance for the "
            "year.",
            ["guidance reiterated"],
        ),
        ("We continue to expect to achieve our full-year guidance.", ["guidance reiterated"]),
        ("There is no change relative to our guidance.", ["guidance reiterated"]),
        # a change said of something else; a goal still hoped for is not guidance
        ("Nothing has changed in how we run the business.", []),
        ("We still expect to reach our long-term targets by 2030.", []),
    ],
    "guidance tempered is cut; guidance that remains between figures, or other guidance that "
    "remains the same, stands": [
        (
            "We have tempered our 2023 EPS growth expectations by $0.04 due to the weather.",
            ["guidance cut"],
        ),
        (
            "Our guidance for the rest of the year has been tempered by the factors I described.",
            ["guidance cut"],
        ),
        (
            "Our outlook for capital expenditures in fiscal 2022 remains between $150 million and "
            "$175 million.",
            ["guidance reiterated"],
        ),
        ("Other guidance items remain the same.", ["guidance reiterated"]),
        (
            "We now expect to grow production 15% to 20% year-over-year, up from 10% to 15%.",
            ["guidance raised"],
        ),
        # tempered as an adjective moves nothing, nor a view tempered
        (
            "We expect another strong year, reflecting tempered expectations on gross margin.",
            [],
        ),
        (
            "I'm tempering a little bit the expectation, frankly, that new business comes in at "
            "a high margin.",
            [],
        ),
    ],
    "an outlook or a forecast of ours that has not changed, or a forecast then said unchanged, "
    "stands": [
        ("Our operating margin outlook has not changed.", ["guidance reiterated"]),
        (
            "We expect 2016 adjusted EBITDA to be in the range of $200 million to $210 million, "
            "which is also unchanged.",
            ["guidance reiterated"],
        ),
        # a view of a market, or of the big picture, is no guidance
        ("Our outlook for the market has not changed.", []),
        ("Our big picture outlook has not changed.", []),
    ],
    "forecasting is said of the future, and a verb of forecasting ends a phrase": [
        (
            "We are now forecasting 3% to 5% revenue growth for the full year, an improvement "
            "over our initial guidance of 1% to 5% growth.",
            ["guidance raised"],
        ),
        ("We are forecasting rent growth of 6% in 2023.", []),
        ("We are projecting Europe revenue growth of 7%.", ["growth 7 : Europe"]),
    ],
    "a frame that is a measure other than revenue owns the growth after it": [
        ("For operating expenses, we expect growth of about 4%.", []),
        ("For SG&A, we expect growth of approximately 9%.", []),
        ("In terms of EPS, we expect growth of 12%.", []),
        # a basis is no measure; revenue framed is the company's
        ("On an FX neutral basis, revenues were up 4%.", ["growth 4 : company"]),
        ("In terms of revenue, we expect growth of 9%.", ["growth 9 : company"]),
        ("With respect to revenue, we expect growth of 9%.", ["growth 9 : company"]),
    ],
    "a one-year basis is the year before; a quarter years back is no quarter before": [
        ("Store sales rose 11% on a one-year basis.", ["growth 11 yoy : Store sales"]),
        (
            "In Europe, sales rose 14% on a one-year and 6% on a two-year basis.",
            ["growth 14 yoy : Europe", "growth 6 2y : Europe"],
        ),
        (
            "Total sales were $1.2 billion, an increase of 16%, compared to Q2 two years ago.",
            ["growth 16 : company"],
        ),
        (
            "Revenue grew 5% compared to the third quarter two years ago.",
            ["growth 5 : company"],
        ),
        # the quarter before is still sequential
        ("Revenue grew 5% compared to Q2.", ["growth 5 sequential : company"]),
    ],
    "what end buyers bought from others, and new business an insurer wrote, is no revenue": [
        ("Point-of-sale continued to accelerate, up more than 30% in Brazil.", []),
        ("The combined retail takeaway on these brands increased about 4%.", []),
        ("Tenant sales increased 5.1% in the quarter.", []),
        ("Single premium NIW was down 18% versus the prior quarter.", []),
        ("Total NAP was up 3% over the third quarter of 2020.", []),
        # a product named for the point of sale is a product
        ("Our point-of-sale terminals revenue grew 20%.", ["growth 20 : point-of-sale terminals"]),
    ],
    "a determiner of ours after a word of talk opens the subject, a comma left out": [
        (
            "As Sam mentioned in our prepared remarks our revenues were up 41% in the quarter.",
            ["growth 41 : company"],
        ),
        ("As we said in our release our Europe revenue was up 5%.", ["growth 5 : Europe"]),
        # after a place, the place frames the phrase
        ("In the Asia-Pacific region our sales grew 7%.", ["growth 7 : Asia-Pacific region"]),
    ],
    "a measure the document says as revenue is said in a part named in lower case": [
        (
            "Total advertising revenues increased 40%.\nMeanwhile, print advertising increased "
            "39% in the quarter.",
            ["growth 40 : advertising", "growth 39 : print advertising"],
        ),
        # a head before a preposition is what grew: units are no revenue
        (
            "Backlog revenue was $2 billion.\nMeanwhile, our units in backlog increased by 49%.",
            [],
        ),
    ],
    "names joined by 'and' after a contrast open one clause; an opening basis frames each "
    "clause, and a degree word before a pair's first figure is each one's": [
        (
            "Sequentially, Americas was up approximately 30%, while Europe and Japan were up "
            "approximately 6% and 19%, respectively.",
            [
                "growth 30 ~ sequential : Americas",
                "growth 6 ~ sequential : Europe",
                "growth 19 ~ sequential : Japan",
            ],
        ),
        (
            "Latin America was up 20.8% and the Middle East and Africa increased 42.8%.",
            ["growth 20.8 : Latin America", "growth 42.8 : Middle East and Africa"],
        ),
        # a verb joined, or an act, is no name
        (
            "Pay services is our largest and most valuable business and is powering our results, "
            "representing 40% of total revenue in the quarter.",
            ["share 40 : Pay services"],
        ),
        (
            "In radios, revenue was up 11% while navigating a difficult supply environment and "
            "video revenue was up 26%.",
            ["growth 11 : radios", "growth 26 : video"],
        ),
    ],
    "a measure that is no revenue, named before 'for' a part, is the measure's": [
        ("The comp store sales decline for Retail was $31.3 million, or 6.2%.", []),
        ("Order growth for Europe was 5%.", []),
        # revenue for a part is the part's; an amount for a period is the period's
        ("Revenue for Europe grew 5%.", ["growth 5 : Europe"]),
        ("Net sales of $3.9 billion for the quarter were down 1%.", ["growth -1 : company"]),
    ],
    "a comparable basis said after a figure makes it the same stores', no revenue": [
        (
            "Total digital revenues were $180 million, increasing 14.1% on a same-store basis "
            "year-over-year.",
            [],
        ),
        ("Classified revenues decreased 6% compared to the prior year on a same-store basis.", []),
        # a basis of its own words that is no comparable one
        ("Revenue grew 4%, on a reported basis.", ["growth 4 : company"]),
    ],
    "a subject that opens with a share of something is a fraction of it, no part": [
        ("Likewise, 25% of our products are responsible for 80% of the revenue.", []),
        # a share of revenue said with what it comes from is still read
        ("About 30% of our revenue comes from software.", ["share 30 ~ : software"]),
    ],
    "shares listed after a share said to come from a part each come from their own": [
        (
            "For the quarter, 52% of our revenue came from the Americas, 31% from EMEA and 17% "
            "from Asia Pacific.",
            ["share 52 : Americas", "share 31 : EMEA", "share 17 : Asia Pacific"],
        ),
        (
            "About 40% of our revenue comes from software, 25% from services and the rest from "
            "hardware.",
            ["share 40 ~ : software", "share 25 : services"],
        ),
        # a period after the figure keeps the part before
        (
            "Europe represented 20% of revenue, 15% in the prior year.",
            ["share 20 : Europe", "share 15 : Europe"],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_thirtieth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        # a quarter of the year before after "above", or one said pro forma
        (
            "We reported operating revenues of $690 million, a 6% increase above fourth quarter "
            "2014.",
            dt.date(2016, 2, 20),
            ["growth 6 yoy : company"],
        ),
        (
            "Sales were still down 4% from pro forma Q3 2019 sales of $300 million.",
            dt.date(2020, 11, 5),
            ["growth -4 yoy : company"],
        ),
    ],
)
def test_a_quarter_of_the_year_before_named_after_above_or_pro_forma(
    text: str, day: dt.date, expected: list[str]
) -> None:
    _check(text, expected, day=day)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the welcome, the thanks and the call's first results name the company
        (
            "Welcome to the Harlow Instruments first quarter 2017 earnings call.\n"
            "Harlow Instruments revenue was $310 million, down 11.5% year-over-year.",
            ["growth -11.5 yoy : company"],
        ),
        (
            "We appreciate your interest in Brandt.\n"
            "Brandt's revenue of $88 million in the fourth quarter was down 23%.",
            ["growth -23 : company"],
        ),
        (
            "Thank you for joining us.\n"
            "Corvina had a strong fourth quarter.\n"
            "Corvina grew revenue 15% to $54.5 million.",
            ["growth 15 : company"],
        ),
        # a part whose results a review opens with is the part's; so is one named nowhere else
        (
            "Thank you for joining us.\n"
            "Touching on the segment results, Fluid Systems posted third quarter revenues of $68 "
            "million, reflecting a 9% sequential decline.",
            ["growth -9 sequential : Fluid Systems"],
        ),
        (
            "APAC reported revenues of $51.6 million in the second quarter, representing a 4% "
            "decline.",
            ["growth -4 : APAC"],
        ),
    ],
)
def test_the_companys_own_name_is_the_company(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_a_name_the_caller_gives_is_the_companys() -> None:
    """The ticker's name in catalysts.toml, with or without its legal form, names the company;
    a name the caller does not give stays a part's."""
    said = "Harlow Instruments revenue grew 11.5% year-over-year."
    for names in (["Harlow Instruments"], ["Harlow Instruments, Inc."]):
        [read] = read_words(said, names=names)
        assert (read.subject, read.value) == (COMPANY, 0.115)
    [alone] = read_words(said)
    assert alone.subject == "Harlow Instruments"
    [other] = read_words(said, names=["Harlow"])
    assert other.subject == "Harlow Instruments"  # a name whole, never a word of it


def test_a_given_name_stands_beside_a_listing_and_every_name_loses_its_legal_form() -> None:
    """A listing written out adds its name to the caller's, never in place of it; a name the
    call gives with its legal form names the company without it too."""
    listed = (
        "Harlow Group (NYSE: HRL) today reported results.\n"
        "Harlow Instruments revenue grew 11.5% year-over-year."
    )
    [read] = read_words(listed, names=["Harlow Instruments"])
    assert read.subject == COMPANY
    welcomed = (
        "Welcome to the Brandt Company first quarter 2021 earnings call.\n"
        "Brandt revenue grew 4% in the quarter."
    )
    [read] = read_words(welcomed)
    assert (read.subject, read.value) == (COMPANY, 0.04)
