"""The fifty-first round's rules, found on two sets of calls labelled blind in round 50 and kept
unread until this round (AM, AN):

- a figure whose part only a sentence before names gives nothing: revenue said alone after a
  turn to a part ("Switching to our Industrial segment. Sales were up 9%.") or in a part's
  section is neither the company's nor, since the sentence does not name it, the part's (rule
  130; rounds 43, 48 and 50 gave it to the part);
- a part is turned to in lower case by the word of its kind after a word of its own ("Moving on
  to the medical end-use market."), a turn that reaches the next sentence only (a named part's
  turn reaches its section);
- an unnamed segment's revenue gives nothing: said with "the segment" ("revenues increased 8.4%
  as the segment benefited"), or right after a sentence of a segment's measure ("Adjusted
  segment EBITDA increased $15.5 million. Revenues of $145.3 million increased 22%");
- guidance said moved by its noun's own verb: an outlook or an expectation that "has increased"
  or "has declined" is raised or cut; "an increase from our prior view" raises it, "unchanged
  from our prior view" keeps it; a decline set against a prior decline is judged by its size,
  not by "down";
- a move said as guidance's adjective after a verb that keeps it ("affirming both our increased
  2021 EPS guidance range") is kept, the move being of before; "the" outlook named after
  "given", "despite" or "amid" is another's, not moved ("given our improved outlook" is ours);
  confidence in "our improved outlook" states it;
- guidance a company "expects to be able to provide" later gives none now;
- a figure per unit of something with words between ("content per wholesale powerboat unit")
  is no revenue; an expectation of doing something ("our increased expectation to utilize these
  deferred tax assets") is no guidance;
- the cost of a kind of revenue ("Cost of franchise and service revenue") is a cost; a sentence
  framed "From a segment earnings perspective," counts no revenue;
- "Together these markets" points back to markets named before; "X have steadily grown to
  represent 32% of" is X's share;
- a title's quarter ("Fourth Quarter") is no word of the company's name the welcome gives
  (tried and taken back: the company's first word written with a capital as the company, which
  over ECTSum gave a brand's or a part's figures to it, "Abercrombie" and "Marsh");
- a relative clause that lists what it includes, up to the verb, is no subject ("Other service
  revenue, which includes rebates, brand partnerships, studios and other items, was …");
- examples said after another measure are that measure's ("Orders are up across the board. I
  give you a couple of examples. Engines were up 30%.");
- a part's parts said to explain it in a clause of cause ("Our Aerospace business experienced
  … as OEM sales were down 32%") give nothing;
- "a 15.1% increase in comparable restaurant sales" is a comparable-sales growth;
- in the call's answers, a growth said of "we" with no word of revenue ("We grew 55% in the
  quarter.") gives nothing: what grew is what the question asked about.

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import COMPANY, read_words
from catalyst_tui.reading.words.own_names import own_names
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a figure whose part only a sentence before names gives nothing": [
        ("Switching to our Industrial segment. Sales were up 9%.", []),
        ("Total revenue grew 5%. Next, Aerospace. Sales were up 9%.", ["growth 5 : company"]),
        (
            "Our Environmental segment performed very well in the quarter. Revenues were 21% "
            "higher than the prior year quarter.",
            [],
        ),
        # counterexamples: a part the sentence names itself; a turn to no part
        (
            "Switching to our Industrial segment. Industrial sales were up 9%.",
            ["growth 9 : Industrial"],
        ),
        ("Turning to the fourth quarter. Revenue grew 9%.", ["growth 9 : company"]),
    ],
    "a part turned to in lower case by the word of its kind": [
        (
            "Moving on to the medical end-use market. Our sales were down 7% sequentially and "
            "22% compared to the prior year second quarter.",
            [],
        ),
        ("Shifting to the energy end-use market. Sales were up 19% year-over-year.", []),
        # a turn in lower case reaches the next sentence only, a named one its section
        (
            "Now moving to the energy end-use market. Conditions remained challenged. Activity "
            "levels remain low. Compared to the third quarter a year ago, sales decreased 40%.",
            ["growth -40 yoy : company"],
        ),
        (
            "Now moving to Energy. Conditions remained challenged. Activity levels remain low. "
            "Compared to the third quarter a year ago, sales decreased 40%.",
            [],
        ),
        # counterexample: a market as a whole, no part of ours
        (
            "Turning to the housing market. Sales were down 10% sequentially.",
            ["growth -10 sequential : company"],
        ),
    ],
    "an unnamed segment's revenue gives nothing": [
        (
            "On a sequential basis, revenues increased $19.4 million or 8.4% as the segment "
            "benefited from continued growth in our transactions business.",
            [],
        ),
        (
            "Adjusted segment EBITDA for the third quarter increased $15.5 million. Revenues of "
            "$145.3 million increased 22% relative to a weak quarter in the prior year.",
            [],
        ),
        # counterexamples: a segment named; a total of the segments is the company's
        (
            "Adjusted segment EBITDA increased $15.5 million. In Technology, revenues of $64.7 "
            "million increased 10.4%.",
            ["growth 10.4 : Technology"],
        ),
        (
            "Total segment EBITDA increased $15.5 million. Total revenues increased 22%.",
            ["growth 22 : company"],
        ),
        # nor after segment results merely named, nor beside the segments' margins summed
        (
            "Before I move on to the segment results, a few numbers. Net sales were $3.5 "
            "billion, an increase of 4% compared to the prior year.",
            ["growth 4 yoy : company"],
        ),
        (
            "Adjusted segment operating margin at 7.1% was flat. For the full year, revenue was "
            "down 6% and adjusted segment margins up to 16.7%.",
            ["growth -6 : company"],
        ),
    ],
    "guidance said moved by its noun's own verb, or against its prior view": [
        (
            "Our 2021 outlook has increased for this business as well with organic sales now "
            "forecast to be up mid-teens.",
            ["guidance raised"],
        ),
        (
            "Our FMC sales growth expectation has likewise increased, as we now anticipate "
            "organic sales to be up in the mid-teens for 2021.",
            ["guidance raised"],
        ),
        ("Our expectations for the year have declined.", ["guidance cut"]),
        (
            "We now expect organic sales to be up 10% to 12% for the year, an increase from our "
            "prior view of up 6% to 8%.",
            ["guidance raised"],
        ),
        (
            "Our expectation for OEM sales to be up mid-single digits and spare parts down in the "
            "mid-teens, both are unchanged from our prior view.",
            ["guidance reiterated"],
        ),
        (
            "Our forecast for MRO is slightly improved, now down low single digits versus our "
            "prior view of been down mid-single digits.",
            ["guidance raised"],
        ),
        # counterexamples: confidence in it, a past narrative, a result against the view
        ("Our confidence in the outlook has increased.", []),
        ("Our expectations for air freights has also increased as rates are higher.", []),
        ("Our expectations increased as the year went on.", []),
        ("Revenue grew 5%, ahead of our prior view.", ["growth 5 : company"]),
    ],
    "a move said as guidance's adjective, kept by the verb before it": [
        (
            "We're reporting strong earnings and affirming both our increased 2021 adjusted "
            "earnings per share guidance range and our 2022 earnings per share guidance range.",
            ["guidance reiterated"],
        ),
        ("We are reaffirming our raised guidance.", ["guidance reiterated"]),
        (
            "Our channel partners are seeking to replenish given the improved outlook.",
            [],
        ),
        (
            "Our orders give us a high degree of confidence in our improved outlook for the year.",
            ["guidance raised"],
        ),
        # ours after a word of cause is ours
        (
            "Given our improved revenue outlook, we now project our margin to be approximately "
            "51%.",
            ["guidance raised"],
        ),
        # an expectation of doing something is no guidance
        (
            "This reversal reflects our increased expectation to utilize these deferred tax "
            "assets going forward.",
            [],
        ),
        # the outlook of what it drives is the outlook still
        (
            "We expect the higher sales outlook to drive an increase in working capital.",
            ["guidance raised"],
        ),
        # counterexample: the adjective alone still says the move
        (
            "Our increased 2021 adjusted EPS guidance range reflects the strong quarter.",
            ["guidance raised"],
        ),
    ],
    "guidance a company expects to be able to give later gives none now": [
        ("Therefore, we expect to be able to provide 2021 guidance in February.", []),
        # counterexample: given now
        ("Today we are providing guidance for 2021.", ["guidance introduced"]),
    ],
    "the cost of a kind of revenue, and a sentence framed by another measure": [
        ("Cost of franchise and service revenue were $7.2 million, up 19% year-over-year.", []),
        (
            "From a segment earnings perspective, Professional segment grew 14% and "
            "Residential increased 49%.",
            [],
        ),
        # counterexample: a frame of revenue's
        (
            "From a revenue perspective, Professional grew 14%.",
            ["growth 14 : Professional"],
        ),
    ],
    "a figure per unit of something, words between": [
        (
            "Estimated marine content per wholesale powerboat unit was up 2% sequentially and "
            "increased 4% year-over-year.",
            [],
        ),
        # counterexample: per a plan is no unit
        ("Sales were up 5% per our plan.", ["growth 5 : company"]),
    ],
    "markets pointed back to, and a share a subject has grown to": [
        ("Together these markets contribute 9% of our sales.", []),
        (
            "Antitrust services have steadily grown to represent 32% of our revenues this quarter.",
            ["share 32 : Antitrust services"],
        ),
    ],
    "a relative clause that lists what it includes is no subject": [
        (
            "Other service revenue, which includes rebates, brand partnerships, studios and "
            "other items, was $8.3 million, down 16% from the prior year period.",
            ["growth -16 yoy : Other service"],
        ),
        # its verb right after the list, no comma between
        (
            "Other service revenue, which includes rebates, brand partnerships and studios was "
            "$8.3 million, down 16% from the prior year period.",
            ["growth -16 yoy : Other service"],
        ),
    ],
    "examples said after another measure are that measure's": [
        (
            "Orders are up across the board. I give you a couple of examples. Engines were up 30%.",
            [],
        ),
        # counterexample: examples after revenue
        (
            "Revenue was strong. I give you a couple of examples. Engines were up 30%.",
            ["growth 30 : Engines"],
        ),
    ],
    "a part's parts said to explain it give nothing": [
        (
            "Our Aerospace business experienced continuing impact from the pandemic as OEM sales "
            "were down 32% from the prior year and aftermarket sales were down 48%.",
            [],
        ),
        # counterexample: a sibling said with "while"
        (
            "Our Aerospace segment grew 10%, while Defense grew 5%.",
            ["growth 10 : Aerospace segment", "growth 5 : Defense"],
        ),
    ],
    "a change in comparable sales said before them": [
        (
            "Same-store sales were down 2%, rolling over a 17.5% increase in same-store sales "
            "last year.",
            ["growth -2 : same-store sales"],
        ),
        (
            "Revenue grew 20%, fueled by a 15.1% increase in comparable restaurant sales.",
            ["growth 20 : company", "growth 15.1 : comparable restaurant sales"],
        ),
        # counterexample: a forecast
        ("We expect a 3% increase in comparable sales.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_fifty_first_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_a_calls_title_capitals_are_no_word_of_the_companys_name() -> None:
    text = "Welcome to the Xponential Fitness Fourth Quarter 2025 Earnings Call. Revenue grew 5%."
    assert own_names(text) == {"xponential fitness"}


def test_a_first_word_a_company_is_called_by_is_a_part_where_written_as_a_name() -> None:
    # the brand or the part a company's name opens with: "Abercrombie" of "Abercrombie & Fitch"
    names = ("Abercrombie & Fitch Co.",)
    text = "By brand, net sales increased 20% for Hollister and 30% for Abercrombie."
    assert {r.subject for r in read_words(text, names=names)} == {"Hollister", "Abercrombie"}
    (read,) = read_words("Texas grew 5%.", names=("Texas Instruments Inc",))
    assert read.subject == "Texas"


_ANSWER = (
    "Operator: Our first question comes from Jane Doe with Acme.\n"
    "Jane Doe: How is Asia doing for you?\n"
    "John Smith - CFO: "
)


def test_an_answers_we_grew_gives_nothing() -> None:
    assert read_words(_ANSWER + "We grew 55% in the quarter.") == ()
    (read,) = read_words(_ANSWER + "We grew revenue 55% in the quarter.")
    assert (read.subject, round((read.value or 0.0) * 100)) == (COMPANY, 55)  # revenue named
    (read,) = read_words("John Smith - CFO: We grew 55% in the quarter.")
    assert (read.subject, round((read.value or 0.0) * 100)) == (
        COMPANY,
        55,
    )  # no question asked yet
