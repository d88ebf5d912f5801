"""The fifty-fourth round's rules, found on two sets of calls labelled blind in round 53 and kept
unread until this round (AS, the fifth source; AT, ECTSum):

- a bare measure of revenue in a sentence that points back to a part ("While sales declined
  2%, the segment would have been up 5%") is that part's, which a sentence before names;
- a bare measure of revenue made by the clause's own subject ("data center generated revenue of
  $194 billion, up 68%") is that subject's; where the subject names no part the reader knows,
  the figure is nobody's, never the company's;
- "no change versus prior guidance" keeps the guidance, as "no change to our guidance" does;
- global revenue, as consolidated revenue, is the company's ("5% global revenue growth");
- a growth's pace said with an adjective ("our revenue grew at a steady 5.6%") is its figure;
- the items after a growth across the parts, named by how they are cut ("solid growth in all
  our business lines with residential increasing 13.6% and termite 16.3%"), are parts;
- a part that frames a pair of measures with "respectively" ("At the Specialty Solutions
  segment, revenue and operating income sequentially increased 18.3% and 32.4%,
  respectively") owns the revenue's figure;
- a list whose later items leave out the verb, set apart by semicolons ("40% of our revenue;
  commercial pest control, 33%; and termite and other services, 27%") gives each item its
  figure;
- a comparable-sales growth said after its figure ("delivering 3% comp sales growth") is read,
  of the clause's part or the frame's place;
- a part presented by the speaker or a page ("we summarize our Hydraulics segment", "slide five
  illustrates our Mineral Fiber segment results", "Turning to slide six, the Scientific
  segment.") opens its section, as a turn to it does (found on the reader's reads of ECTSum);
- "the sector" points back to a part named before, as "the segment" does;
- a level a measure "sat at" is its share, and "right now" names no one;
- relationships are counted, as customers are.

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import read_words
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "revenue beside a part pointed back to is that part's": [
        (
            "While year-over-year sales declined 2%, the segment would have been up 5% on an "
            "apples-to-apples basis.",
            [],
        ),
        (
            "For the full year, reported revenue in the segment increased 18% and organic "
            "revenue increased 17%.",
            [],
        ),
        (
            "While year-over-year sales declined 2%, the business would have been up 5%.",
            ["growth -2 yoy : company"],
        ),
    ],
    "revenue made by a subject that names no part is nobody's": [
        (
            "On a full year basis, data center generated revenue of $194 billion, up 68% "
            "year-over-year.",
            [],
        ),
        (
            "Data Center generated revenue of $194 billion, up 68% year-over-year.",
            ["growth 68 yoy : Data Center"],
        ),
        (
            "We generated revenue of $194 billion, up 68% year-over-year.",
            ["growth 68 yoy : company"],
        ),
    ],
    "no change versus prior guidance keeps it": [
        ("Taken together, no change versus prior guidance.", ["guidance reiterated"]),
        ("No change to guidance.", ["guidance reiterated"]),
        ("We see no change versus prior year in pricing.", []),
    ],
    "global revenue is the company's": [
        (
            "We finished the fiscal year strong with 5% global revenue growth and global "
            "comparable store sales growth of 1%.",
            ["growth 5 : company", "growth 1 : global comparable store sales"],
        ),
        ("We delivered 5% global revenue growth.", ["growth 5 : company"]),
    ],
    "a pace said with an adjective is the growth's figure": [
        ("Our revenue grew at a steady 5.6%.", ["growth 5.6 : company"]),
        ("Our revenue grew at a steady pace.", []),
    ],
    "the items after a growth across the parts are parts": [
        (
            "For the quarter, we experienced solid growth in all our business lines with "
            "residential increasing 13.6% and termite 16.3% over the second quarter last year.",
            ["growth 13.6 yoy : residential", "growth 16.3 yoy : termite"],
        ),
        ("We experienced solid growth with residential increasing 13.6%.", []),
    ],
    "a part framing a pair of measures owns the revenue's figure": [
        (
            "At the Specialty Solutions segment, revenue and operating income sequentially "
            "increased 18.3% and 32.4%, respectively.",
            ["growth 18.3 sequential : Specialty Solutions segment"],
        ),
        (
            "In the quarter, revenue and operating income increased 18.3% and 32.4%, respectively.",
            ["growth 18.3 : company"],
        ),
    ],
    "a gapped list set apart by semicolons gives each item its figure": [
        (
            "Residential pest control made up 40% of our revenue; commercial pest control, 33%; "
            "and termite and other services, 27%.",
            [
                "share 40 : Residential pest control",
                "share 33 : commercial pest control",
                "share 27 : termite and other services",
            ],
        ),
        (
            "Sales grew 4%; Europe, 3%; and Asia, 6%.",
            ["growth 4 : company", "growth 3 : Europe", "growth 6 : Asia"],
        ),
        ("Revenue grew 5%; operating margin, 20%.", ["growth 5 : company"]),
    ],
    "comparable sales said after their figure": [
        (
            "Our international segment continued to demonstrate the resilience of our brand, "
            "delivering 3% comp sales growth.",
            ["growth 3 : international segment comp sales"],
        ),
        (
            "In China, the team continues to drive demand in a competitive marketplace, "
            "delivering 2% comp growth in Q4.",
            ["growth 2 : China comp"],
        ),
        (
            "Revenue was up 5%, reflecting a 1% increase in global comparable store sales.",
            ["growth 5 : company", "growth 1 : comparable store sales"],
        ),
        ("We expect 3% comp sales growth next year.", []),
        ("Our long-term growth algorithm includes 2% to 3% same-store sales growth.", []),
        ("Foot Locker Europe still posted a high 30% comp increase.", []),
        (
            "In our first quarter, we are lapping two consecutive years of over 20% same-store "
            "sales growth.",
            [],
        ),
        (  # (the system's sales read since the fifty-sixth round, as comparable sales are)
            "KFC full year system sales grew 16%, driven by 11% same-store sales growth and 8% "
            "unit growth.",
            ["growth 16 : KFC system sales"],
        ),
    ],
    "a part presented by the speaker or a page opens its section": [
        (
            "Moving to page 8, we summarize our Hydraulics segment. Revenues increased 11% with "
            "strong 9% organic growth.",
            [],
        ),
        (
            "Slide five illustrates our Mineral Fiber segment results. In the quarter, sales "
            "were down 7% versus prior year.",
            [],
        ),
        (
            "Turning to slide six, the Scientific segment. Revenue increased approximately $9.6 "
            "million or 65% year-on-year.",
            [],
        ),
        ("Turning to slide six. Revenue increased 65% year-on-year.", ["growth 65 yoy : company"]),
        ("We summarize our results below. Revenues increased 11%.", ["growth 11 : company"]),
    ],
    "a part pointed back to by a noun of parts is one named before": [
        ("Annual revenue in the sector increased 17%, driven by cement volumes.", []),
        ("Revenue in the Heavy Materials sector increased 17%.", ["growth 17 : Heavy Materials"]),
    ],
    "a level a measure sat at, and a time that names no one": [
        ("Services sat at about 50% of our total revenue.", ["share 50 ~ : Services"]),
        ("They have right now sat at about 50% of our total revenue.", []),
    ],
    "relationships are counted, no revenue": [
        (
            "Our fastest-growing relationships are greater than 20% of revenues coming from "
            "transformation services.",
            [],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_fifty_fourth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_a_gapped_list_keeps_each_figures_place() -> None:
    """The list is read as if said with commas, but each figure's offsets are the text's own:
    the sentence quoted back is the one written, semicolons and all."""
    text = "Residential made up 40% of our revenue; commercial, 33%; and termite, 27%."
    reads = read_words(text)
    assert [r.subject for r in reads] == ["Residential", "commercial", "termite"]
    assert {r.sentence for r in reads} == {text}
