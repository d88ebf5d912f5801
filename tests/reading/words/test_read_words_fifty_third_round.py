"""The fifty-third round's rules, found on two sets of calls labelled blind in round 52 and kept
unread until this round (AQ, the fifth source; AR, ECTSum):

- an item of a list with no verb of its own, after a growth of a measure that is no revenue
  ("rates increased in the quarter by 11%, property up 13%, financial lines up 14%"), is of
  that measure;
- a growth to a record count ("micro products up 59% in Q4 to a record 4.4 million contracts
  per day") is the count's, as a growth to a count is;
- a figure said "expected" ("with an expected 6% organic growth for our Tower segment") is a
  forecast;
- a turn to a part said with what it is ("Turning to the Vacation Ownership segment, our core
  growth engine.") opens the part's section as a turn does;
- the object of a verb of guidance is never past another clause's subject ("raise liquidity,
  like I said, we'll target that 17% to 20% range" raises no guidance);
- an apposition that describes a part ("Our Cloud segment, the heart of our business,") names
  none of its own;
- a growth of a measure counted apart from revenue, its sentence's subject ("Same-store cash
  NOI … increased by 0.5%"), is what the next sentences' growths of no measure are of ("Our
  core New York office business was up 3.2%"), for two sentences, until a turn;
- a part named by a capital in a clause framed by a place ("In the Americas, Flavor Solutions
  organic sales increased 1%") grew in that place, and the section it is said in goes on past
  it;
- a growth set off by its comma right after what drove the figure before it ("driven by the
  FONA and Cholula acquisitions, a 7% increase,") is the driver's (found among this round's
  own new reads over ECTSum);
- a sell-out is another's sales.

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import read_words
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a list's item with no verb after a growth of another measure is that measure's": [
        (
            "And in our London wholesale business rates increased in the quarter by 11%, "
            "property up 13%, financial lines up 14%, marine up 8%.",
            [],
        ),
        (
            "In our international business, rates increased by 15%, property rates were up 11%, "
            "financial lines up 33% and casualty up 7%.",
            [],
        ),
        (
            "Revenue increased 11%, Europe up 13%, Asia up 14%.",
            ["growth 11 : company", "growth 13 : Europe", "growth 14 : Asia"],
        ),
    ],
    "a growth to a record count is the count's": [
        (
            "Our retail-focused products drove strong performance with micro products up 59% in "
            "Q4 to a record 4.4 million contracts per day.",
            [],
        ),
        ("Micro products grew 59% to a record $4.4 million.", ["growth 59 : Micro products"]),
    ],
    "a turn to a part said with what it is opens its section": [
        (
            "Turning to the Vacation Ownership segment, our core growth engine. Revenue grew 6% "
            "to $876 million, while adjusted EBITDA increased 14% to $231 million.",
            [],
        ),
        (
            "Turning to the balance sheet, our cash position remains strong. Revenue grew 6% to "
            "$876 million.",
            ["growth 6 : company"],
        ),
    ],
    "a verb of guidance takes no object past another clause's subject": [
        (
            "And so as we head into raise liquidity, like I said, we'll target that 17% to 20% "
            "range.",
            [],
        ),
        ("We are raising our full-year revenue guidance.", ["guidance raised"]),
    ],
    "an apposition that describes a part names none": [
        (
            "Our Cloud segment, the heart of our business, grew 11% in the quarter.",
            ["growth 11 : Cloud segment"],
        ),
        ("Pharma, our largest market, grew 8%.", ["growth 8 : Pharma market"]),
        (
            "Similar to our direct title business, our agency operations generated a solid "
            "quarter with revenues of $390 million, which was $113 million or 41% higher than "
            "last year.",
            ["growth 41 yoy : agency operations business"],
        ),
    ],
    "a growth of a counted measure is what the next growths of no measure are of": [
        (
            "Companywide same-store cash NOI for the second quarter increased by 0.5% over the "
            "prior-year second quarter. Our core New York office business was up 3.2%. Blending "
            "in Chicago and San Francisco, our office business overall was up 2%.",
            [],
        ),
        ("Food volumes were up 6% with growth across all regions. Americas up 5%.", []),
        (
            "Segment profit rose 197%. Replacement business was up more than 40%.",
            ["growth 40 > : Replacement business"],
        ),
        (
            "Orders rose 37% for the full year. Turning to slide 8, Plumbing grew 12% in the "
            "quarter.",
            ["growth 12 : Plumbing"],
        ),
    ],
    "a named part in a place's frame grew in that place": [
        (
            "In the Americas, Flavor Solutions organic sales increased 1%, reflecting a 3% price "
            "contribution.",
            ["growth 1 : Flavor Solutions in Americas"],
        ),
        ("In China, smartphone sales grew 20%.", []),
        ("Within Experis in the U.S., IT skills comprised approximately 80% of revenues.", []),
        (
            "Turning to our Flavor Solutions segment. In the Americas, Flavor Solutions organic "
            "sales increased 1%. In EMEA, organic sales decreased by 3%.",
            ["growth 1 : Flavor Solutions in Americas"],
        ),
    ],
    "a growth set off after what drove the figure before is the driver's": [
        (
            "Flavor Solutions sales grew 2%, driven by the FONA and Cholula acquisitions, a 7% "
            "increase, as well as pricing.",
            ["growth 2 : Flavor Solutions"],
        ),
        (
            "Revenue grew 10%, driven by strong demand, and Europe was up 12%.",
            ["growth 10 : company", "growth 12 : Europe"],
        ),
    ],
    "a sell-out is another's sales": [
        ("Our sell-out in Consumer Beauty grew over 10% in the first half.", []),
        (
            "Consumer Beauty sales grew over 10% in the first half.",
            ["growth 10 > : Consumer Beauty"],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_fifty_third_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_a_part_framed_by_a_place_is_named_with_it() -> None:
    """The place is part of the subject, not dropped: Flavor Solutions' growth in the Americas
    is no growth of Flavor Solutions as a whole."""
    (read,) = read_words(
        "In the Americas, Flavor Solutions organic sales increased 1%, reflecting pricing."
    )
    assert read.subject == "Flavor Solutions in Americas"
    assert read.value == pytest.approx(0.01)


def test_an_expected_figure_is_a_forecast() -> None:
    """ "an expected 6% organic growth" is what is expected, not what was: read as a forecast,
    where "we delivered 6% organic growth" is a result."""
    expected = read_words("We are benefiting with an expected 6% organic growth in 2021.")
    delivered = read_words("We delivered 6% organic growth in 2021.")
    assert [r.forward for r in expected] == [True]
    assert [r.forward for r in delivered] == [False]
