"""The fifty-ninth round's rules, found on two sets of calls labelled blind in round 57 and kept
unread until this round (BC, the fifth source; BD, ECTSum) and on the reader's changed reads over
ECTSum and the fifth source:

- a quarter said by its number ("In quarter 4, revenue grew 19%", "from quarter one of 2020")
  is the quarter "Q4" or "Q1" names, and a quarter's year may follow a comma ("from quarter 3,
  2019": a year before);
- an amount a growth reached, before "with" ("grew 19% to $2.9 billion with recurring revenue
  higher by 20%"), is the whole's, and the part after "with" owns its figure; a share's verb
  right after a part's growth ("…, accounting for 81% of total revenue") is that part's share;
- guidance named so and moved to a figure ("our outlook increased to $840 million"), moved then
  said anew ("also increased and is now estimated to be between"), or its projections moved by
  an amount, is raised or cut; a target or an estimate moved to a level is none; "our midpoint"
  moved is the guidance's;
- a negation right before an aside ("we cannot, at this point of the year, increase the
  guidance") bars the act after it;
- guidance released ("we released our 2027 FFO guidance") or its introduction named ("the
  introduction of our financial guidance for 2027") is introduced;
- a speaker who begins with a part ("We begin with the X business on Slide 4"), moves finally to
  one, wants to spend a few minutes on one or turns to a slide for one ("Turning to Slide 8 for
  Infrastructure.") turns to it: the bare revenue after is the part's;
  "company-owned" names no whole;
- a magnitude in words ("double-digit") names nothing; figures before their noun of growth
  after a verb that reports them ("EMEA region, APAC region had 14% and 8% growth,
  respectively") pair with the names before the verb; a part named right before "with" and its
  figure ("followed by the marine segment with 18% growth") owns it, not a phrase of a verb's;
- "enabled us to grow 30%" is the company's growth, as "we grew 30%"; a period to date before
  a verb ("and for the year to date increased 17.5%") is no name: the clause's revenue grew;
- the same locations' revenue of a line ("Comparable cemetery revenue increased almost $161
  million or 54%") is comparable sales, its amount said before its figure;
- a figure of the rest said as a condition ("6% if we exclude Food Retailing"), a figure that is
  a profit's ratio ("50% EBITDA leverage"), a growth to an amount a share ("to $5.57 per
  share"), accrued revenues and a lower-case market's forecast are none; a growth of procedures
  or utilization, as of a count, is what the next bare growths are of.

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a quarter said by its number": [
        (
            "Full-year performance was strong.\n"
            "Total orders grew 12% and total revenue grew 15%.\n"
            "In quarter 4, revenue grew 11% to $900 million.",
            ["growth 15 : company", "growth 11 : company"],
        ),
        (
            "Quarter 2 product revenue increased 9% to $310 million.",
            ["growth 9 : product"],
        ),
        (
            "Revenues of $2.2 billion are down $86 million or 3.8% from Q3, 2019.",
            ["growth -3.8 yoy : company"],
        ),
        (
            "Mechanical revenues of $903.9 million increased $69.8 million or 8.4% from quarter "
            "one of 2020.",
            ["growth 8.4 yoy : Mechanical"],
        ),
        ("In the quarter 4 new stores opened, and revenue grew 5%.", ["growth 5 : company"]),
    ],
    "an amount reached before with, and a share after a part's growth": [
        (
            "Revenue grew 11% to $640 million, with subscription revenue higher by 14% to $420 "
            "million, accounting for 66% of total revenue.",
            ["growth 11 : company", "growth 14 : subscription", "share 66 : subscription"],
        ),
        (
            "Revenue was $2.87 billion with recurring revenue higher by 20%.",
            ["growth 20 : recurring"],
        ),
        ("Customers with $100,000 in ARR grew 20%.", []),
    ],
    "guidance moved to a figure, or moved and said anew": [
        (
            "For fiscal 2027, our outlook increased to $610 million, driven by lower credit "
            "losses.",
            ["guidance raised"],
        ),
        (
            "Our projection for the segment's operating margin also increased and is now "
            "estimated to be between 12% and 14%.",
            ["guidance raised"],
        ),
        (
            "And lastly, projections for cash flow from operations decreased by $200 million at "
            "both ends of the range.",
            ["guidance cut"],
        ),
        (
            "We are adjusting our annual EPS guidance to $2.70 to $3.00, thereby raising our "
            "midpoint by $0.15.",
            ["guidance raised"],
        ),
        ("Our stabilized NOI target increased to $120 million in the first quarter.", []),
        ("Our forecast for the year increased to reflect higher costs.", []),
    ],
    "a negation before an aside": [
        (
            "It is obvious that we cannot, at this point of the year and with all that is going "
            "on, increase or adjust the guidance.",
            [],
        ),
        ("We are, at this point of the year, raising the guidance.", ["guidance raised"]),
    ],
    "guidance released, or its introduction named": [
        ("Last night, we released our 2027 FFO guidance.", ["guidance introduced"]),
        (
            "I will follow up with the introduction of our financial guidance for 2027.",
            ["guidance introduced"],
        ),
        ("We released our 2026 guidance last quarter.", []),
        ("The introduction of new products drove our guidance higher.", []),
    ],
    "a speaker begins with a part, moves finally to one, or wants to speak of one": [
        (
            "We begin with the Industrial Solutions business on Slide 4.\n"
            "Net sales of $1.2 billion were up 3% compared to the first quarter last year.",
            [],
        ),
        (
            "Turning to Slide 8 for Infrastructure.\n"
            "Organic sales declined 18% on top of a decline of 11% in the prior year period.",
            [],
        ),
        (
            "Moving finally to the auto segment.\nFull year revenue increased 9% to $665 million.",
            [],
        ),
        (
            "I now want to spend a few minutes on Acme Home, which delivered its first profit.\n"
            "It was a long journey.\n"
            "Sales for the second quarter increased 42% to $29 million.",
            [],
        ),
        (
            "Now let me turn to the retail segment.\n"
            "For the quarter, delivered sales increased 9% to $162 million and written same-store "
            "sales for the company-owned stores increased 36%, reflecting strong traffic.",
            [],
        ),
        (
            "Let me begin with the quarter's highlights.\nNet sales were up 3% to $1.2 billion.",
            ["growth 3 : company"],
        ),
    ],
    "a magnitude in words, figures before their noun, a part before with": [
        (
            "By geography, the Americas region achieved strong double-digit growth of 21%.",
            ["growth 21 : Americas region"],
        ),
        (
            "EMEA region, APAC region had 14% and 8% growth, respectively.",
            ["growth 14 : EMEA region", "growth 8 : APAC region"],
        ),
        (
            "We grew in 3 of our 5 segments, led by the outdoor segment with 30% growth, followed "
            "by the marine segment with 12% growth, aviation segment with 9% growth.",
            [
                "growth 30 : outdoor segment",
                "growth 12 : marine segment",
                "growth 9 : aviation segment",
            ],
        ),
        ("For the quarter, China finished with 13% growth.", ["growth 13 : China"]),
        (
            "In the quarter, Europe had 14% and 8% growth in revenue and EBITDA, respectively.",
            [],
        ),
        ("We delivered double-digit growth.", []),
    ],
    "the same locations' revenue of a line, its amount first": [
        (
            "Comparable burial revenue increased almost $61 million or 14% in the first quarter.",
            ["growth 14 : comparable burial revenue"],
        ),
        (
            "Total comparable funeral revenues grew $49 million or about 10% over the same "
            "period last year.",
            ["growth 10 ~ yoy : comparable funeral revenues"],
        ),
        ("Comparable sales increased approximately 5%.", ["growth 5 ~ : comparable sales"]),
    ],
    "a period to date before its verb": [
        (
            "Sales for the quarter rose 12% to $1.1 billion and for the year to date increased 9% "
            "to $3.0 billion.",
            ["growth 12 : company", "growth 9 : company"],
        ),
    ],
    "what enabled us to grow": [
        (
            "That is what has enabled us to grow 30% year-on-year.",
            ["growth 30 yoy : company"],
        ),
        ("This allowed us to grow EBITDA 30%.", []),
    ],
    "figures of no revenue of ours": [
        (
            "Total sales were up 5% in local currency and 6% if we exclude Food Retailing.",
            ["growth 5 : company"],
        ),
        (
            "Its last two quarters have seen it put up double-digit top line growth at greater "
            "than 50% EBITDA leverage.",
            [],
        ),
        ("DE increased 20% to $5.57 per share, or $7.1 billion.", []),
        ("Net accrued performance revenues increased 7% in 2025 to $6.7 billion.", []),
        ("Accrued revenues increased 7% to $6.7 billion.", []),
        (
            "Global road building markets are now expected to be up around 5%, driven by North "
            "America.",
            [],
        ),
        ("The Capital Markets business was up 9%.", ["growth 9 : Capital Markets business"]),
        (
            "Across our platforms, system utilization increased 4%.\n"
            "The compact system grew 5%; the large system, 12%.",
            [],
        ),
        (
            "In 2025, global system utilization increased 3% across our platforms.\n"
            "Multiport grew 3%; single-port, 29% and Ion, 9%.",
            [],
        ),
        (
            "Our solid execution in the third quarter resulted in strong double-digit growth with "
            "revenues increasing by 15%.",
            [],
        ),
        (
            "Our solid execution in the third quarter resulted in strong growth with revenues "
            "increasing by 15%.",
            [],
        ),
        ("All of this translated into casino revenues increasing to 26% above 2019.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_fifty_ninth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
