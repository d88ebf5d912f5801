"""The forty-eighth round's rules, found on a random sample of the reader's reads over a corpus
of calls it was not written against (each read judged against its call's text) and on set AE,
labelled blind at the round's start:

- revenue said with no word of whose, in a part's section of its speaker's turn, is no figure
  of the company's: after a turn to a named part ("First, Aerospace.", "Now on to RS&I.", "And
  lastly, Technologies."), up to ten sentences on, unless a sentence between names the whole,
  turns elsewhere or is another speaker's; or just after a part's figure, unless the sentence
  says the amount of its total;
- a verb's object read up to a guidance noun does not cross "near", "toward", "within" or
  "around": what is kept near a range is a measure ("maintain our capital ratio near the
  midpoint of our operating range"), not the range;
- an economy's projections are no guidance of the company's ("the improvement in our economic
  projections");
- what is set against "as opposed to", "rather than" or "instead of" is not done ("as opposed to
  a concerted effort to reduce the guidance");
- guidance returned to or reinstated by "we'll" is later, not now ("we'll reinstate the
  guidance");
- a part named by "this" or "that" where it opens a clause or follows a preposition of place
  ("This market represented 4% of our sales, and sales increased by 12%", "revenue in this
  segment") leaves the sentence's revenue alone the part's, not the company's;
- a share of an industry's or a market's sales is no share of the company's revenue;
- a place named, then "where" its bare revenue grew, is the place's, comma or none;
- a time alone names no part ("the last four periods up 8%, 9%, 11% and 13%"), nor a quarter
  written "Quarter-one", nor "calendar" ("In calendar Q3, we grew 5%");
- guidance given "after", "since", "upon" or "following" is given before, not begun now ("After
  providing initial 2026 outlook …, we are once again raising the midpoint");
- a speaker's label speaks for the lines after its own up to the next label, as a turn written
  a sentence a line is ("Jane Roe: Acme Securities, Research Division Okay." then "I mean,
  APAC falling 3% for fiscal '25." is the analyst's), and a firm's name wrapped onto a line of
  its own does not end the header's list of participants.

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import read_words
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "revenue said in a part's section is the part's, not the company's: none": [
        # (rule 130: the part only a sentence before names, the figure is given to none)
        (
            "First, Aerospace. In Aerospace for the year, we saw strong demand for jets. In the "
            "quarter, Aerospace had revenue of $3.7 billion. This represents a 1.2% increase in "
            "revenue, but lower operating earnings.",
            [],
        ),
        (
            "And lastly, Technologies. It was a solid quarter for the group. The full year "
            "comparisons are somewhat better. Revenue at $13.5 billion is up 2.6%.",
            [],
        ),
        (
            "Now on to RS&I. Sales were up 14.8%, including a 9.9% organic uplift. Growth was "
            "weighted toward equipment. Compared with 2019, sales grew 12.9%.",
            [],
        ),
        # "overall" said of no whole's figure ends nothing
        (
            "First, Aerospace. In Aerospace for the year, we saw overall strength in service. "
            "This represents a 1.2% increase in revenue.",
            [],
        ),
        # a sentence naming the whole ends the section
        (
            "First, Aerospace. Deliveries were strong. Total revenue was up 5%.",
            ["growth 5 : company"],
        ),
        (
            "First, Aerospace. Deliveries were strong. Now let's review our full year "
            "performance. Revenue grew 7%.",
            ["growth 7 : company"],
        ),
        # as does the company's own word of its revenue
        ("First, Aerospace. Deliveries were strong. We grew revenue 5%.", ["growth 5 : company"]),
        # a turn that says a clause turns to no part
        (
            "Finally, we'll be issuing our Annual Sustainability Report in June. Sales of $413 "
            "million were up 8%.",
            ["growth 8 : company"],
        ),
        (
            "And third, how Acme is positioned for growth. Revenue grew 4%.",
            ["growth 4 : company"],
        ),
        # a turn to something no part is
        ("Turning to the balance sheet. Revenue grew 6%.", ["growth 6 : company"]),
        (
            "First, our strong quarter; and second, a brief update on our Full Potential plan. "
            "For the quarter, sales increased 15%.",
            ["growth 15 : company"],
        ),
        # a sentence opening with a named part, just before, gives its revenue alone to it
        (
            "Our Environmental segment performed very well in the quarter. Revenues were 21% "
            "higher than the prior year quarter.",
            [],
        ),
    ],
    "revenue said right after a part's figure is the part's, unless said with its total": [
        (
            "CFT's sales grew 9.4% year-over-year. Organic revenue improved 6.3%.",
            ["growth 9.4 yoy : CFT"],
        ),
        (
            "Americas was up 19% and APAC was up 4%. In 2021, net sales were up 13% to $5.5 "
            "billion.",
            ["growth 19 : Americas", "growth 4 : APAC", "growth 13 : company"],
        ),
        # further back, the part's figure opens no section
        (
            "Europe grew 4% and China 58%. The team delivered a solid margin. So, revenue was "
            "down 7%.",
            ["growth 4 : Europe", "growth 58 : China", "growth -7 : company"],
        ),
    ],
    "what is kept near a range is a measure, not the range": [
        (
            "We expect to maintain our common equity Tier 1 ratio near the midpoint of our 9.25% "
            "to 9.75% operating range.",
            [],
        ),
        (
            "We kept our net leverage ratio near our target level of two times EBITDA.",
            [],
        ),
        # a near-term outlook is still the outlook
        (
            "We're improving our near-term outlook for the year.",
            ["guidance raised : company"],
        ),
        ("We are maintaining our revenue guidance.", ["guidance reiterated : company"]),
        (
            "We intend to keep our leverage ratio toward the low end of our target range.",
            [],
        ),
        (
            "We will hold our capital ratio within our operating range for the year.",
            [],
        ),
    ],
    "an economy's projections are no guidance": [
        (
            "We had a modest reserve release, as the improvement in our economic projections was "
            "offset by reserves tied to loan growth.",
            [],
        ),
    ],
    "what is set against 'as opposed to' is not done": [
        (
            "The decrease is the result of timing as opposed to a concerted effort to reduce the "
            "guidance of capital investment.",
            [],
        ),
        (
            "We chose to pause buybacks rather than lower our guidance.",
            [],
        ),
        ("We are lowering our guidance for the year.", ["guidance cut : company"]),
    ],
    "guidance reinstated by we'll is later, not now": [
        ("When the smoke clears, we'll reinstate the guidance.", []),
        (
            "We anticipate that we'll return to providing sales guidance when conditions "
            "stabilize.",
            [],
        ),
        ("Today we are reinstating our guidance for 2021.", ["guidance introduced : company"]),
    ],
    "a part named by this or that keeps the sentence's revenue its own": [
        (
            "This market represented 4% of our sales in the quarter, and sales increased by 12% "
            "from prior year.",
            [],
        ),
        (
            "In Q4, reported revenue in this segment increased 16% and organic revenue growth "
            "was 5%.",
            [],
        ),
        # the part sold, or left out, is no topic
        ("We sold that business, and revenue grew 10%.", ["growth 10 : company"]),
        (
            "Excluding this business, we have 6% growth in local currency sales.",
            ["growth 6 : company"],
        ),
        # a market's conditions name no part
        ("In this market environment, revenue grew 5%.", ["growth 5 : company"]),
    ],
    "a share of an industry's sales is no share of ours": [
        (
            "Our base of small molecules, which represents approximately 75% to 80% of "
            "pharmaceutical industry sales, will benefit.",
            [],
        ),
        (
            "Our small molecules business represents approximately 25% of our sales.",
            ["share 25 ~ : small molecules business"],
        ),
    ],
    "a place then where its revenue grew is the place's, comma or none": [
        (
            "First, we are facing a difficult comparison in Latin America where sales increased "
            "26% year-over-year in Q1 2020.",
            ["growth 26 yoy : Latin America"],
        ),
        (
            "I also want to call out Latin America where fourth-quarter sales of On-Road tripled "
            "versus the year ago.",
            ["growth 200 yoy : On-Road"],
        ),
    ],
    "a time names no part": [
        (
            "Sales rose organically over pre-pandemic levels by 13%, with the last four periods "
            "up organically 8%, 9%, 11%, and 13%.",
            [],
        ),
        (
            "Quarter-one sales of $3.5 billion were better than our expectations, up 11% on a "
            "reported basis and 6% organically year-over-year.",
            ["growth 11 yoy : company", "alt 6"],
        ),
        ("In calendar Q3, we grew 5%.", ["growth 5 : company"]),
    ],
    "guidance given after is given before": [
        (
            "After providing initial 2026 outlook that was ahead of consensus, we are once again "
            "raising the midpoint of our guidance.",
            ["guidance raised : company"],
        ),
        ("We are providing guidance for the full year 2022.", ["guidance introduced : company"]),
    ],
}


# A call's header, its firms' names wrapped as one publisher writes them, then a turn of an
# analyst's written a sentence a line, and the company's answer.
_CALL = (
    "Acme Corp (ACME) Q4 2025 Earnings Call\n"
    "Company Participants\n"
    "John Doe - Chief Financial Officer\n"
    "Conference Call Participants\n"
    "Ann Lee - Robert W. Baird & Co.\n"
    "Incorporated, Research Division\n"
    "Jane Roe - Stifel, Nicolaus & Company, Incorporated, Research Division\n"
    "Presentation\n"
    "Operator\n"
    "Our next question comes from Jane Roe with Stifel.\n"
    "Jane Roe: Stifel, Nicolaus & Company, Incorporated, Research Division Okay.\n"
    "Fair enough.\n"
    "I mean, APAC falling 3% for fiscal '25.\n"
    "It was up 7% in '24.\n"
    "John Doe: Sure.\n"
    "Europe revenue grew 4% in the quarter.\n"
)


def test_a_labelled_turn_goes_on_over_the_lines_after_it() -> None:
    """The analyst's lines after their label are theirs; the company's answer is read."""
    read = [(s.subject, round(s.value or 0, 4)) for s in read_words(_CALL)]
    assert read == [("Europe", 0.04)]


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_forty_eighth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
