"""The fifty-sixth round's rules, found on two sets of calls labelled blind in round 55 and kept
unread until this round (AW, the fifth source; AX, ECTSum), on the read sets' misses and on
random samples of the reader's reads over ECTSum and the fifth source:

- a growth said for the quarter and another for the year ("grew 17% in the fourth quarter and
  26% on a full year basis", "10% in Q4 and 8% organic growth for the full year") are two
  growths, even where one of them is said in another measure; one figure said of both ("in both
  Q4 and for the full year") is read for each;
- comparable sales signed in words ("were plus 8.6%", "for the quarter of negative 2.4%") are
  read, a franchise system's sales are read as comparable sales are (their own measure), a
  month's comparable sales are not the period's, and comparable sales after the period's sales
  ("Fourth quarter sales were $20.6 billion, with comparable sales up 1.3%") are the company's;
- a pair's names said after its figures ("grew 67% and 74% year-over-year in the U.S. and
  internationally, respectively") are each figure's; a place said as an adverb is a region;
- a part named by a measure word ("The advertising business grew 74%") is a part, not the
  measure; the sales to a market's customers ("government and defense customers") are a part;
- a market named by "a" and its relative clause ("a market that we think is going to grow 15%")
  is the world's; "9 of our top 15 verticals" and "the latter of which" name no one part;
- the assumptions underlying guidance said unchanged leave the guidance unsaid; guidance the
  company looks forward to issuing, or the speaker's talk to come ("I'll now offer our outlook",
  "let me provide our forecast"), is none yet;
- a noun of growth set off by a comma before "well in excess of", an amount said against the
  prior year before "or" and its figure, what was contributed to ("contributed to Internet revenue
  growth of 8%"), a part's performance with its growth, and a part's relative clause of what it
  delivered each give the growth;
- a clause after "and" with a frame of its own (", and in constant currency, our revenue
  declined by 21%") is a clause, where the clause before gave no figure; a frame that turns to
  topics with revenue among them takes no figure away; a figure set against guidance ("came in
  at the midpoint of our outlook and increased 4%") is no other measure acted on;
- a total opening a sentence right after "As projected," is a part's after a turn to it; the
  trailing twelve months are a period, no name; "the underlying business" is the company;
- a growth set against a period before ("from the third quarter decrease of 5%") is that
  period's; cruise days are counted.

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a quarter's growth and a year's are two": [
        (
            "So regionally, on an operational basis, Europe grew 12% in the fourth quarter and "
            "21% on a full year basis.",
            ["growth 12 : Europe", "growth 21 : Europe"],
        ),
        (
            "Imaging had an excellent quarter, growing 9% in Q4 and delivering 7% organic growth "
            "for the full year.",
            ["growth 9 : Imaging", "growth 7 : Imaging"],
        ),
        (
            "Revenue increased 18% in the quarter (up 17% in constant currency).",
            ["growth 18 : company"],
        ),
        (
            "Cardiac Monitoring sales grew 3% organically in both the Q4 and for the full year.",
            ["growth 3 : Cardiac Monitoring", "growth 3 : Cardiac Monitoring"],
        ),
        ("Implants sales grew 3% in the fourth quarter.", ["growth 3 : Implants"]),
    ],
    "comparable sales signed in words, and not a month's": [
        (
            "Q3 Harbor's same-store sales were plus 4.6%, ahead of the industry.",
            ["growth 4.6 : Harbor's same-store sales"],
        ),
        (
            "Turning to Lantern, the brand reported comp sales for the quarter of negative 3.1%.",
            ["growth -3.1 : Lantern comp sales"],
        ),
        ("Comparable sales were a negative 2.4%.", ["growth -2.4 : comparable sales"]),
        ("Full year comp sales increased a very strong 5%.", ["growth 5 : comp sales"]),
        ("As a result, November comp sales were minus 12% while December was flat.", []),
        (
            "System sales grew 6% year-over-year and same-store sales grew 2%.",
            ["growth 6 yoy : system sales", "growth 2 : same-store sales"],
        ),
        ("We continue to expect system-wide sales to increase between 2% and 5%.", []),
        (
            "Fourth quarter sales were $9.1 billion, with comparable sales up 2.2%, driven by "
            "growth in Pro and online.",
            ["growth 2.2 : comparable sales"],
        ),
    ],
    "a pair's names said after its figures": [
        (
            "Regionally, revenue grew 41% and 52% year-over-year in the U.S. and "
            "internationally, respectively.",
            ["growth 41 yoy : U.S.", "growth 52 yoy : international"],
        ),
        (
            "Revenue grew 8% and 11% in Canada and Mexico, respectively.",
            ["growth 8 : Canada", "growth 11 : Mexico"],
        ),
    ],
    "a part named by a measure word, and a market's customers": [
        (
            "The advertising business grew 38% year-over-year in Q3, reaching $210 million.",
            ["growth 38 yoy : advertising business"],
        ),
        (
            "Our sales to commercial customers increased 2%, and our sales to government and "
            "defense customers increased 9%.",
            ["growth 2 : commercial customers", "growth 9 : government and defense customers"],
        ),
    ],
    "a market's growth, a count of parts, one of a list": [
        ("We have a market that we think is going to grow 12%.", []),
        ("We had 7 of our top 20 verticals grow revenues by 40% or more.", []),
        (
            "Orders fell, which was offset by gains in our Lighting and Controls businesses, "
            "the latter of which grew over 14% in the quarter.",
            [],
        ),
    ],
    "what underlies guidance, and guidance looked forward to": [
        ("Additional assumptions underlying our guidance largely remain unchanged.", []),
        ("Our guidance remains unchanged.", ["guidance reiterated"]),
        ("I'll now offer our outlook for Q1 and the full year 2027.", []),
        ("So let me provide our operating forecast for 2027.", []),
        ("Today we are providing our outlook for 2027.", ["guidance introduced"]),
        (
            "We look forward to reporting our fourth quarter results and issuing 2027 guidance "
            "in February.",
            [],
        ),
    ],
    "growth said in other shapes": [
        (
            "Our residential pumps business delivered strong revenue growth, well in excess of "
            "25% in the quarter.",
            ["growth 25 > : residential pumps business"],
        ),
        (
            "In the quarter, net sales increased by $31 million versus the prior year or 4% on "
            "a reported basis.",
            ["growth 4 yoy : company"],
        ),
        ("This contributed to Internet revenue growth of 7%.", ["growth 7 : Internet"]),
        (
            "Acquisitions contributed to a total increase of 9%, with Aerospace up 11%.",
            ["growth 11 : Aerospace"],
        ),
        (
            "We're proud of our global Imaging performance in the quarter with organic growth "
            "of 31% in the fourth quarter.",
            ["growth 31 : Imaging"],
        ),
        (
            "I'm pleased with the performance of our Cloud platform, which delivered robust "
            "sales growth of more than 19%.",
            ["growth 19 > : Cloud platform"],
        ),
    ],
    "clauses, frames and what is set against guidance": [
        (
            "And FX nominally decreased total revenue by $1.1 million and in constant currency, "
            "our revenue declined by 18%.",
            ["growth -18 : company"],
        ),
        (
            "Europe revenue of $150 million was down 29.4% and excluding foreign exchange, "
            "revenue was down 35.2% in the first quarter.",
            ["growth -29.4 : Europe", "alt -35.2"],
        ),
        (
            "Turning to revenue and orders, our revenue this past quarter totaled $77.1 million "
            "and that's a decline of 14.2% against the prior year quarter.",
            ["growth -14.2 yoy : company"],
        ),
        (
            "Average daily sales came in at the midpoint of our outlook and increased 3% "
            "year-over-year.",
            ["growth 3 yoy : company"],
        ),
        ("We increased our quarterly dividend by 10%.", []),
    ],
    "periods, totals and the whole": [
        (
            "Turning to Northwind Media on Slide 11. As projected, total revenue declined 3.4% in "
            "Q4.",
            [],
        ),
        (
            "Revenue for the trailing 12 months ended October 31, 2025 was $190.1 million, an "
            "increase of $40.2 million or 27%.",
            ["growth 27 : company"],
        ),
        (
            "Revenue increased 9% in constant currency, which represents a significant "
            "improvement from the third quarter decrease of 5% in constant currency.",
            ["growth 9 : company"],
        ),
        (
            "Operating revenue versus the prior year increased 32% due to new business.",
            ["growth 32 yoy : company"],
        ),
        ("We expect APCDs to grow 8.5% in the first quarter.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_fifty_sixth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
