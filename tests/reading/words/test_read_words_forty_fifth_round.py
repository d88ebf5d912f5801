"""The forty-fifth round's rules, found on the calls the forty-fourth round had scored unread
(set S), once scored, and checked on the sets read before:

- a basis said right after a growth is lent to a parallel figure that says only its period
  after it ("up 9% year over year in the quarter and 7% for the year"), but a quarter's basis
  never to a year's figure ("up 9% sequentially, and 7% for the year");
- figures listed with an article between them ("a 5% and an 8% increase in X and Y per
  employee, respectively") are one list that "respectively" pairs: where its names do not
  pair, neither figure is read;
- a base that is an amount of revenue in a quarter of a year named ("17.6% higher than net
  sales of $1.81 billion in the 2024 fourth quarter") is the year before;
- the way a measure is taken ("on a foreign currency adjusted basis") names no part, before the
  verb or before the part it is of ("Net sales on a currency adjusted basis for the Energy
  segment");
- a growth said in sales that lead to a part ("grew 53% in retail sales headlined by X") is no
  part's after it;
- a share said of the very part it names ("25% of Lando sales were new to the category") is a
  share of that part's sales, no part of revenue;
- "ADV" (average daily volume) is a measure that is not revenue, and "ex special EPS" is the
  EPS's, a word of leaving out that stands before it and after no revenue;
- a bare verb of an infinitive ("allowed us to deliver sales growth of 8%") names no part;
- sales outside a place, or to customers in or outside one, are that place's revenue ("Net sales
  to customers outside the U.S.", "Sales to customers in Europe"); outside anything else
  ("outside our core business") names no part.

And found on set T, scored unread at the round's start and read once set U was labelled:

- how guidance is set ("no changes to our forecast methodology or guidance philosophy") is no
  guidance reiterated;
- a growth said in a currency ("23% in Danish kroner") names no part, whatever the currency;
- an amount's word with a currency's code ("EUR355 million") names no part;
- a measure's growth before the part it is in ("industry demand growth of approximately 10% in
  DRAM") is the measure's, the part's never;
- revenue grown "in that geography" is the place's named before, never the company's; a part's
  own growth said so stays the part's;
- a count sold, then "which is … an increase of" a figure, is the count's growth;
- a turn numbered as one publisher numbers them ("Gene Munster, Piper Jaffray & Co. - Analyst
  [2]", alone on its line) names its speaker for the lines after it;
- an object ends before a verb of its own ("growth in sales of X resulted in …"), and
  "recognized" stands in no name;
- "Client" capitalised before a part's noun ("PC Client group", "the Client segment") names a
  part, no customer;
- parts listed, then "all" and their verb ("Cloud, networking and storage all grew more than
  15%"), each take the figure, as with "both" and "each";
- the revenue a verb of growth acts on may be qualified ("we grew our international revenue
  about 42%": international's);
- the results of a period said to include a growth list it ("the results of our December
  quarter including our 32% revenue growth": the company's);
- a speaker's talk to come ("Martin will also go through the financial details, but …") names
  no part and makes no forecast of the clause beside it;
- a growth's own earlier rate said after it ("accelerating to 34% year-over-year, up from 30%
  last quarter and 26% a year ago") is the same revenue's growth of that period, with no basis
  lent.

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import COMPANY, read_words
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a basis is lent to a parallel figure that says only its period": [
        (
            "Payments revenue increased 11% year over year in the quarter and 6% for the year.",
            ["growth 11 yoy : Payments", "growth 6 yoy : Payments"],
        ),
        (
            "By segment, Retail led growth with revenue increasing 12% year-over-year during the "
            "quarter and 8% for the full year, its best year since 2019.",
            ["growth 12 yoy : Retail", "growth 8 yoy : Retail"],
        ),
        # a quarter's basis is no year's
        (
            "Revenue increased 4% sequentially, and 9% for the year.",
            ["growth 4 sequential : company", "growth 9 : company"],
        ),
    ],
    "figures listed with an article are one list that respectively pairs": [
        (
            "We also saw a 4% and a 9% increase in annual revenues and operating profit per "
            "associate, respectively.",
            [],
        ),
        (
            "Product and service revenues grew 7% and 3%, respectively.",
            ["growth 7 : product", "growth 3 : service"],
        ),
    ],
    "an amount of revenue in a quarter of a year named is the year before": [
        (
            "Net sales were $3.1 billion for the 2025 third quarter, 12.4% higher than net "
            "sales of $2.76 billion in the 2024 third quarter.",
            ["growth 12.4 yoy : company"],
        ),
        # an amount reached is no base
        ("Revenue grew 10% to more than $5 billion in 2024.", ["growth 10 : company"]),
    ],
    "the way a measure is taken names no part": [
        (
            "Net sales on a foreign currency adjusted basis increased 9.2% in the third quarter.",
            ["growth 9.2 : company"],
        ),
        (
            "Net sales on a currency adjusted basis for the Beverages segment increased 6.5% in "
            "the third quarter.",
            ["growth 6.5 : Beverages segment"],
        ),
        (
            "Net sales on a foreign currency neutral basis increased 3.3%.",
            ["growth 3.3 : company"],
        ),
    ],
    "a growth said in sales that lead to a part is no part's after it": [
        ("The Classic line grew by 31% in retail sales headlined by Classic Blue.", []),
        ("Sales grew 12% led by Classic Blue.", ["growth 12 : company"]),
    ],
    "a share of the very part it names is no part of revenue": [
        (
            "Also 25% of Nova sales were new to the category and 25% of Nova sales were new to "
            "consumers.",
            [],
        ),
        ("Services were 25% of Nova sales.", ["share 25 : Services"]),
    ],
    "measures that are not revenue, however said": [
        ("International domestic ADV decreased 2.5% compared to last year.", []),
        ("Acme ex special EPS for the year was $4.10, up 9%.", []),
        # a word of leaving out after revenue leaves its object out, as before
        ("Net revenues excluding these proceeds were up 4%.", ["growth 4 : company"]),
    ],
    "a bare verb of an infinitive names no part": [
        (
            "Their hard work allowed us to deliver sales growth of 6.4% this quarter.",
            ["growth 6.4 : company"],
        ),
        (
            "Our teams helped us to generate revenue growth of 3% in the year.",
            ["growth 3 : company"],
        ),
    ],
    "sales outside a place, or to customers in or outside one, are that place's": [
        (
            "Net sales to customers outside the U.S. increased 21.5% to $640 million.",
            ["growth 21.5 : outside the U.S."],
        ),
        (
            "Our net sales to customers outside the United States were approximately 38% of "
            "total net sales in the quarter.",
            ["share 38 ~ : outside the United States"],
        ),
        ("Sales to customers in Europe increased 14%.", ["growth 14 : Europe"]),
        ("Sales outside of China grew 5%.", ["growth 5 : outside of China"]),
        # outside anything but a place, and sales to a customer, name no part
        ("Revenue outside our core business grew 5%.", []),
        ("Sales to Apple increased 14%.", []),
        ("Sales to customers increased 14%.", []),
    ],
    "how guidance is set is no guidance": [
        ("There are no changes to our forecast methodology or guidance philosophy.", []),
        ("And so there's no change to our guidance approach.", []),
        ("There are no changes to our guidance.", ["guidance reiterated : company"]),
    ],
    "a growth said in a currency names no part": [
        (
            "In the first half, our sales grew by 14% in Swedish kronor and 16% at constant "
            "exchange rates.",
            ["growth 14 : company", "alt 16"],
        ),
        ("Sales grew 9% in Swiss francs.", ["growth 9 : company"]),
    ],
    "an amount with a currency's code names no part": [
        ("Our net income was EUR410 million, which is 21% of sales.", []),
        ("Net sales were EUR1.4 billion, up 8%.", ["growth 8 : company"]),
    ],
    "a measure's growth before the part it is in is the measure's": [
        ("For next year, we expect industry demand growth of approximately 15% in NAND.", []),
        ("We saw demand growth of 12% in DRAM.", []),
        ("We saw revenue growth of 12% in DRAM.", ["growth 12 : DRAM"]),
        # the measure is the word before the noun of growth, not one said before it
        (
            "Sales increased 8% year-over-year, led by favorable pricing in all markets and sales "
            "growth of more than 20% in utility products.",
            ["growth 8 yoy : company", "growth 20 > : utility products"],
        ),
        # a figure of an objective is a goal, no growth
        (
            "The segment is expected to continue to exceed our 12% growth objective in the "
            "foreseeable future.",
            [],
        ),
    ],
    "revenue grown in a place named before is not the company's": [
        (
            "If you look at Latin America last quarter, our revenues doubled year over year in "
            "that geography.",
            [],
        ),
        ("Revenue grew 12% in that region.", []),
        (
            "Our battery business grew over 30% in that region in 2025.",
            ["growth 30 > : battery business"],
        ),
    ],
    "a count sold, then an increase, is the count's": [
        (
            "We sold over 4.2 million handsets during the quarter which is a new record and an "
            "increase of 60% over the prior year.",
            [],
        ),
        (
            "Revenue was a record, an increase of 12% over the prior year.",
            ["growth 12 yoy : company"],
        ),
    ],
    "an object ends before a verb of its own, and recognized stands in no name": [
        (
            "Sales of our older players declined but the 40% growth in sales of Nova Touch "
            "resulted in a higher average price.",
            ["growth 40 : Nova Touch"],
        ),
    ],
    "Client before a part's noun names a part": [
        ("PC Client group revenue was up 6% from a year ago.", ["growth 6 yoy : PC Client group"]),
        (
            "Client segment revenue was $1.5 billion, up 62% year-over-year.",
            ["growth 62 yoy : Client segment"],
        ),
        ("Revenue from our largest client grew 12%.", []),
    ],
    "parts listed then all take the figure": [
        (
            "Cloud, networking and storage all grew more than 15%.",
            ["growth 15 > : Cloud"],
        ),
        ("Revenue, EBITDA and cash flow all grew 20%.", ["growth 20 : company"]),
    ],
    "the revenue a verb of growth acts on may be qualified": [
        (
            "Over the course of the quarter, we grew our international revenue about 42%.",
            ["growth 42 ~ : international"],
        ),
        ("We grew our total revenue 12%.", ["growth 12 : company"]),
    ],
    "the results of a period said to include a growth list it": [
        (
            "We are pleased with the results of our record December quarter including our 28% "
            "revenue growth and 40% net income growth.",
            ["growth 28 : company"],
        ),
    ],
    "a speaker's talk to come names no part and makes no forecast": [
        (
            "Anna will also go through the financial details, but I'm pleased with the sales "
            "growth of 18% in the first nine months.",
            ["growth 18 : company"],
        ),
        (
            "Anna will go through the details, but sales grew 18% in the quarter.",
            ["growth 18 : company"],
        ),
    ],
    "a growth's own earlier rate said after it": [
        (
            "Product revenue was $1.1 billion with growth accelerating to 31% year-over-year, up "
            "from 28% last quarter and 25% a year ago.",
            ["growth 31 yoy : Product", "growth 28 : Product", "growth 25 : Product"],
        ),
        (
            "Revenue grew 21% compared to 18% last quarter.",
            ["growth 21 : company", "growth 18 : company"],
        ),
        # the sign of a base after a fall is unsaid
        ("Revenue was down 5% compared to 3% last quarter.", ["growth -5 : company"]),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_forty_fifth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_recognized_stands_in_no_name() -> None:
    """ "recognized in revenue" said before makes "recognized beyond the next twelve months" a
    phrase of the document's revenue talk, never a part's name."""
    read = read_words(
        "Roughly 40% will be recognized in revenue in the next twelve months, up 18% year over "
        "year. The remaining portion, recognized beyond the next twelve months, increased 52%."
    )
    assert not [s for s in read if s.value == 0.52]


def test_a_speakers_talk_to_come_is_no_forecast() -> None:
    """ "Anna will go through the details, but sales grew 18%": what happened, no forecast; "We
    will grow revenue 10%" a forecast still."""
    (happened,) = read_words("Anna will go through the details, but sales grew 18% in the quarter.")
    assert (happened.subject, happened.forward) == (COMPANY, False)
    (forecast,) = read_words("We will grow revenue 10% next year.")
    assert forecast.forward


# Turns of a call: a numbered line names its speaker for the lines after it, as one publisher
# heads each turn ("Name, Firm - Title    [N]"); a speaker's filler ("You know?") asks nothing.
TURNS = [
    pytest.param(
        "Questions and Answers\n"
        "Operator    [1]\n"
        "     Your first question will come from Gene Smith with Acme Research.\n"
        "Gene Smith,  Acme Research - Analyst    [2]\n"
        "     Good afternoon. The Widgets business was impressive, 33% growth.\n"
        "Peter Jones,  Widget Co. - CFO    [3]\n"
        "     Thank you. Widgets revenue grew 31% in the quarter.\n",
        [("Widgets", 0.31)],
        id="a numbered turn names its speaker",
    ),
    pytest.param(
        "Call participants\n"
        "Operator:The next question comes from Ann Lee with Acme Research.\n"
        "Ann Lee:Thanks. Can you talk about international?\n"
        "Pat Doe:Sure. I think over the course of Q3, we grew our international revenue about "
        "40%. You know? So we keep investing.\n",
        [("international", 0.40)],
        id="a speaker's filler asks nothing",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TURNS)
def test_a_turns_figures_are_its_speakers(text: str, expected: list[tuple[str, float]]) -> None:
    """An analyst's figures are no word of the company's; the company's speaker's are."""
    assert [(s.subject, s.value) for s in read_words(text)] == expected
