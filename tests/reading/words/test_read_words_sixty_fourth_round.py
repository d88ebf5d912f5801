"""The sixty-fourth round's rules, found on two sets of calls labelled blind in round 62 and kept
unread until this round (BM, the fifth source; BN, ECTSum) and on the reader's changed reads over
ECTSum and the fifth source:

- a list's item set off by a comma or after a semicolon is the name before its figure ("the
  U.S. represented 37% of revenues, Asia, 46%; Europe 14%");
- a phrase broken off ("27% for the --") names nothing: the figure is the list's;
- a growth's basis said between its noun and "was" ("organic growth quarter-over-quarter was");
- an amount "more than double the" amount before is a growth of 100% or more, against it;
- comparable net sales, same-store net revenues and a comparable sales growth said "increasing"
  are comparable sales; a ratio's base is none of them;
- a subject that includes a list, set off by a comma and none after, is the one before "which";
- an amount of revenue in apposition ("total revenues, $6.6 million, which was down 3%") is
  what the relative clause after it speaks of;
- a part named before a clause of where the company saw the figure is its owner;
- a change named by its noun and owed to currency ("a 1% decline due to unfavorable currency
  translation") is an effect, no growth;
- a growth of revenue the company says it reported is the company's, though a speaker talks;
- revenue "in the" place named after it is that place's;
- a phrase opened by a verb and a preposition, or a gerund and its particle, names nothing;
  nor does a word of talk ("note", "mean", "confirm"), priorities, a length, a
  rollout, the way, or what a period is "alone";
  "all of this" points back, as "this" does;
- a measure's guided range lowered or raised is guidance moved; a figure "down from the … we
  previously estimated" is guidance cut.

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a list's item set off by a comma or after a semicolon": [
        (
            "By geography, the U.S. represented 37% of revenues, Asia, 46%; Europe 14%; and the "
            "rest of the world 3%.",
            [
                "share 37 : U.S.",
                "share 46 : Asia",
                "share 14 : Europe",
                "share 3 : rest of the world",
            ],
        ),
        (
            "Americas revenue was up 5%; Europe 3%; and Asia down 2%.",
            ["growth 5 : Americas", "growth 3 : Europe", "growth -2 : Asia"],
        ),
        ("Revenue grew 8%; we expect margins to expand.", ["growth 8 : company"]),
        (
            "Private Banking grew 8%; and Asset Management, 6%.",
            ["growth 8 : Private Banking", "growth 6 : Asset Management"],
        ),
        (
            "Organic revenue was down 11%, with North America down 12%, Europe, down 18%; and "
            "China, up 2%.",
            [
                "growth -11 : company",
                "growth -12 : North America",
                "growth -18 : Europe",
                "growth 2 : China",
            ],
        ),
        ("Food volumes were up 4%; with the Americas, up 7%; and EMEA up 2%.", []),
    ],
    "a phrase broken off names nothing": [
        (
            "Consolidated sales were up 39% in the fourth quarter and 27% for the -- while "
            "adjusted EBITDA rose 49%.",
            ["growth 39 : company", "growth 27 : company"],
        ),
        (
            "Sales were up 39% in the fourth quarter and 27% for notebooks.",
            ["growth 39 : company", "growth 27 : notebooks"],
        ),
    ],
    "a basis between a growth and was": [
        (
            "Importantly, our organic growth quarter-over-quarter was 19%.",
            ["growth 19 sequential : company"],
        ),
        ("Our organic growth was 19%.", ["growth 19 : company"]),
    ],
    "an amount more than double the one before": [
        (
            "Revenues for Peru were $20.6 million, more than double than the $9.8 million a "
            "year ago.",
            ["growth 100 > yoy : Peru"],
        ),
        ("We saw double the number of visitors.", []),
        ("Revenue was $20.6 million, more than double our plan.", []),
    ],
    "comparable net sales, same-store net revenues, comps increasing": [
        (
            "Total omnichannel comparable net sales increased 0.9% for the quarter.",
            ["growth 0.9 : omnichannel comparable net sales"],
        ),
        (
            "We delivered solid results with full year same-store enterprise net revenues "
            "increasing $266 million or 2% year-over-year.",
            ["growth 2 yoy : same-store enterprise net revenues"],
        ),
        ("With comps decreasing 2%, we cut costs.", ["growth -2 : comps"]),
        (
            "Discounts as a percentage of same-store rental revenue declined 60% year-over-year.",
            [],
        ),
    ],
    "a subject that includes a list": [
        (
            "Other net sales, which include pop-up shop sales, shop-in-shop sales, open box "
            "inventory transactions and the Loved by Lovesac program decreased $4.5 million or "
            "33.6% to $8.9 million.",
            ["growth -33.6 : Other"],
        ),
    ],
    "an amount of revenue in apposition, then which": [
        (
            "For the first quarter, we reported total revenues, $6.6 million, which was down 3% "
            "from the fourth quarter and down 1% year-over-year.",
            ["growth -3 sequential : company", "growth -1 yoy : company"],
        ),
        ("We reported total orders, $6.6 million, which was down 3%.", []),
    ],
    "a change owed to currency, named by its noun": [
        (
            "Organic growth was 2.1% with acquisitions contributing 4.4% offset by a 1% decline "
            "due to unfavorable currency translation.",
            ["growth 2.1 : company"],
        ),
        ("Revenue saw a 5% decline due to weaker demand.", ["growth -5 : company"]),
    ],
    "a part before a clause of where the figure was seen": [
        (
            "Our results reflected continued momentum, led once again by Animal Health, where we "
            "saw a 53% sales growth and a 47% increase in adjusted EBITDA.",
            ["growth 53 : Animal Health"],
        ),
        (
            "Our results were led by Animal Health, where we saw a 47% increase in adjusted "
            "EBITDA.",
            [],
        ),
    ],
    "a growth the company says it reported": [
        (
            "But I'd like to highlight the 7% organic revenue growth that we reported, "
            "reflecting broad demand.",
            ["growth 7 : company"],
        ),
        ("I'd like to highlight the 7% growth in orders.", []),
    ],
    "revenue in the place named after it": [
        (
            "All of this drove a 45% increase in net revenue in the United States.",
            ["growth 45 : United States"],
        ),
        (
            "We saw a 45% increase in first quarter net revenue in the United States.",
            ["growth 45 : United States"],
        ),
        ("We saw a 45% increase in net revenue in the Fourth Quarter.", ["growth 45 : company"]),
    ],
    "a verb's phrase names nothing": [
        (
            "We sourced the remaining approximately 30,000 vehicles through dealers, which is "
            "down 9% from last year.",
            [],
        ),
        (
            "This is a quarter of first impression for us on standing up doubling our revenues in "
            "1 quarter.",
            [],
        ),
        ("Connected fitness revenue grew 9%.", ["growth 9 : Connected fitness"]),
    ],
    "words of talk, a length and the way name nothing": [
        ("And in our presentation, we do note the R 125 was up 2.7% comp.", []),
        ("I mean '22s and '23 AR is down 20% sequentially in the quarter.", []),
        (
            "Just this past quarter alone, model year '22 and model year '23 ADARs were down "
            "over 20% sequentially.",
            [],
        ),
        (
            "Last quarter, we discussed at length the pockets of our business, which together "
            "account for roughly 20% of our revenue.",
            [],
        ),
        ("Equipment sales led the way up 26% with service growth of 8%.", ["growth 8 : service"]),
        ("Our Way revenue grew 5%.", ["growth 5 : Way"]),
        (
            "Voluntary benefits sales declined 35.8% year-over-year.",
            ["growth -35.8 yoy : Voluntary benefits"],
        ),
    ],
    "guidance of a range, and down from what was estimated": [
        (
            "With continued pressure on discounting, we have lowered our gross margin range, "
            "which has impacted the bottom line ranges.",
            ["guidance cut"],
        ),
        (
            "For the full-year 2021, we now expect our base tax rate to be in the range of 21 to "
            "22%, down slightly from the 21 to 23% that we previously estimated.",
            ["guidance cut"],
        ),
        (
            "We now expect revenue of $5 billion, up from the $4.8 billion we previously expected.",
            ["guidance raised"],
        ),
        ("The price range for our homes was lowered.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_sixty_fourth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
