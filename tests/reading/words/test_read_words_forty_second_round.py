"""The forty-second round's rules, found on the calls the forty-first round had scored unread (set
O) and on the ECTSum calls it had labelled unread (set P), once scored: a passage a speaker
turns to of a counted measure of another kind (billings, orders, volume) gives its bare
statements to that measure, for a few sentences; guidance "left unchanged" is reiterated; a
leverage, debt, payout or dividend target is no guidance; a participle of a result after a named
subject and its verb is the subject's; the whole's growth named before its figure in a clause of
ours is the whole's beside the parts it spoke of; a name or a part of ours that opens a clause
before a verb in the past no list holds is the clause's subject, and a "with" phrase of revenue
alone after it that subject's; "OP" and "SD&A" are no revenue; "average daily sales" are sales
by the selling day; and a figure said with no verb of its own after a turn to the outlook is a
forecast. Made-up sentences, each beside what it states as test_read_words_classes.py writes it
([] where nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import read_words
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a passage turned to a counted measure of another kind is that measure's": [
        (
            "Turning to gross billings by region. We grew in every region this quarter. For "
            "the year, Asia grew 4%.",
            [],
        ),
        ("Let's begin with orders, which were up 6%. Europe grew 3%.", []),
        # the first sentence after a turn names the measure of the passage
        (
            "Turning to the full year. Total company shipments were comparable. Dolls declined 7%.",
            [],
        ),
        # revenue named ends the passage; a measure named without a turn to it begins none;
        # another measure named ends it
        (
            "Turning to gross billings by region. Billings grew 5%. Revenue rose 3%. Europe "
            "grew 4%.",
            ["growth 3 : company", "growth 4 : Europe"],
        ),
        # (a growth of the measure right before is what a growth of no measure is of: the
        # fifty-third round's rule, test_read_words_fifty_third_round.py)
        ("Orders continue to be strong. Europe grew 4%.", ["growth 4 : Europe"]),
        ("Orders grew 18%. Europe grew 4%.", []),
        (
            "Turning to orders. Orders grew 18%. Margins were 20%. Europe grew 4%.",
            ["growth 4 : Europe"],
        ),
    ],
    "a passage of another measure lasts a few sentences past the last that named it": [
        (
            "Turning to orders. Orders grew 9%. Dolls were flat. Games were flat. Cars were "
            "flat. Toys were flat. Kites were flat. Bikes were flat. Boats were flat. Vans were "
            "flat. Europe grew 4%.",
            ["growth 4 : Europe"],
        ),
        (
            "Turning to orders. Orders grew 9%. Dolls were flat. Games were flat. Europe grew 4%.",
            [],
        ),
        # a letter whose lower case is two letters, before it, moves no word of the measure
        (
            "We opened a store in İzmir. Turning to orders. Orders grew 9%. Dolls were flat. "
            "Europe grew 4%.",
            [],
        ),
    ],
    "guidance left unchanged is reiterated": [
        ("We left our annual guidance unchanged.", ["guidance reiterated"]),
        ("We are leaving our outlook for the year unchanged.", ["guidance reiterated"]),
        ("This leaves our guidance at risk.", []),
        ("We left prices unchanged.", []),
    ],
    "a leverage, debt, payout or dividend target is no guidance": [
        ("Our year-end leverage target is up modestly.", []),
        ("We expect to maintain our debt target.", []),
        ("We are raising our revenue target for the year.", ["guidance raised"]),
    ],
    "a participle of a result after a named subject and its verb is the subject's": [
        (
            "Consumer Products executed well in the quarter, delivering $800 million of "
            "revenue, up 7%.",
            ["growth 7 : Consumer Products"],
        ),
        ("We continued our focus on costs, achieving a 4% improvement.", []),
    ],
    "the whole's growth named before its figure in a clause of ours is the whole's": [
        (
            "Overall, we continue to see solid growth across all our service lines with total "
            "revenue growth of 12%.",
            ["growth 12 : company"],
        ),
        # a part's total is the part's, no whole's (read as the part's since the sixty-first
        # round, as "had" is: "recorded" is a verb its subject ends before)
        (
            "Our Financial Services group recorded total revenue growth of 8%.",
            ["growth 8 : Financial Services group"],
        ),
    ],
    "a name before a verb in the past no list holds is the clause's subject": [
        (
            "Power Tools capped off a strong year with 12% sales growth.",
            ["growth 12 : Power Tools"],
        ),
        # a subordinate clause opens with no name; an adjective in -ed is no verb
        ("As Stephan stated, we reported sales growth of 8%.", ["growth 8 : company"]),
        # (highlights that include a growth list it: the company's, since the forty-fourth round)
        ("Key consolidated highlights include revenue growth of 9%.", ["growth 9 : company"]),
    ],
    "a part of ours before a verb in the past is the clause's subject, its revenue with": [
        (
            "Our livestock business closed out a solid year with 4% organic operational growth.",
            ["growth 4 : livestock business"],
        ),
        (
            "The nutrition business closed out a year of strong growth, with fourth quarter "
            "revenues 19% higher year over year.",
            ["growth 19 yoy : nutrition business"],
        ),
        # a verb no list holds, read as a name's last word, names no one; the company's own
        # clause stays the company's; a verb and its particle are no name
        (
            "Our global components business capitalized on strong demand in all regions, with "
            "sales up 40% year-over-year.",
            ["growth 40 yoy : components business"],
        ),
        ("Overall, it was a good quarter, with revenues up 8%.", ["growth 8 : company"]),
        ("Strong demand continued, with sales up 8%.", []),
        ("The company closed out the year with revenues up 8%.", []),
    ],
    "operating profit said as OP and selling, distribution and administration are no revenue": [
        (
            "The nutrition team delivered strong revenue growth, with full year OP of $691 "
            "million, representing a 20% year-over-year increase.",
            [],
        ),
        ("SD&A was 21.9% of sales during the quarter.", []),
        ("In RD&A, revenue increased 19%.", ["growth 19 : RD&A"]),
    ],
    "average daily sales are sales by the selling day": [
        ("Average daily sales grew 4% in the quarter.", ["growth 4 : company"]),
        # a restaurant's average weekly sales are each restaurant's; prices are no sales
        ("Average weekly sales grew 7%.", []),
        ("Average selling prices rose 5%.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_forty_second_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "forward"),
    [
        # after a turn to the outlook, a figure said with no verb of its own is a forecast
        ("Turning to our outlook for 2026. North America up 3%.", [True]),
        ("Now turning to guidance. For the full year, Europe up 5%.", [True]),
        (
            "Turning to our outlook for 2026. Intelligent Infrastructure revenue of $3.8 billion, "
            "up 12% year-on-year, supported by strong demand.",
            [True],
        ),
        # a result said in the passage is a result, and ends it; a turn to anything else
        # forecasts nothing
        ("Turning to our outlook. Q4 revenue grew 5%. Europe up 3%.", [False, False]),
        ("Turning to our segments. North America up 3%.", [False]),
    ],
)
def test_a_figure_in_a_passage_turned_to_the_outlook_is_a_forecast(
    text: str, forward: list[bool]
) -> None:
    assert [read.forward for read in read_words(text) if read.kind == "growth"] == forward
