"""The sixty-first round's rules, found on two sets of calls labelled blind in round 59 and kept
unread until this round (BG, the fifth source; BH, ECTSum) and on the reader's changed reads over
ECTSum and the fifth source:

- a part's frame written in capitals holds no verb ("In Optimized LED,": no "led"), and results
  announced "as follows:" open no clause of their own;
- "recorded" and "produced" are verbs a subject ends before ("Our Integrated Memory business
  recorded $137 million of revenue");
- an amount of the year before may be said roughly ("compared to just over $1 billion during
  the same period in 2020");
- one figure said against both bases is each basis's ("up 8% both year-over-year and
  sequentially");
- comparable sales after a name and its verb are the name's ("Furniture delivered another very
  strong quarter, with comps down 10%"), the whole's where the name is the company's or a word
  of how it went; against a named year they are the year before's where the document measures
  against that year, of no basis where it measures against a later one; "to 2019" ends no
  range; a comparable sales decrease, and a comp said after its figure, are read;
- like-for-like growth is organic growth, the whole's ("On a like-for-like basis, growth came
  to 3%");
- a growth rate moved from a figure keeps that figure where its measure's word stands before
  both ("Organic growth accelerated from 2.6% in the first quarter to 3.7% in the second");
- "progressed" is a verb of growth; a figure set off with its praise is the verb's ("grew
  organically, an impressive 12.3%");
- a growth at an adjusted rate of a figure is that figure; a part of ours opening a sentence
  with its revenue's amount alone opens its section ("Our Construction Products Group
  generated all-time record sales of $614.2 million. Sales grew 22%": the group's, unsaid);
- guidance adjusted up or down is raised or cut, its first way said deciding ("adjusted our
  gross margin outlook down by 50 basis points to account for a higher mix"); "adjusted" before
  a measure is no verb;
- a pair said "respectively" after a figure of its own is read from the words after that
  figure ("HIV growth was 6%, driven by Biktarvy and Descovy, which grew 7% and 31%
  respectively").

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a part's frame in capitals, results as follows": [
        (
            "And in Optimized LED, Q2 net sales were $55 million, which was 16% of total company "
            "net sales and down 18% year-over-year.",
            ["share 16 : Optimized LED", "growth -18 yoy : Optimized LED"],
        ),
        (
            "Net sales by business segment were as follows: In Advanced Computing, Q2 net sales "
            "were $151 million, down 15% year-over-year.",
            ["growth -15 yoy : Advanced Computing"],
        ),
        ("In Q4, we grew 5%.", ["growth 5 : company"]),
    ],
    "recorded and produced end the subject": [
        (
            "Our Integrated Memory business recorded $137 million of revenue in Q2, up 3% "
            "compared to the prior quarter and up 41% compared to Q2 2024.",
            [
                "growth 3 sequential : Integrated Memory business",
                "growth 41 yoy : Integrated Memory business",
            ],
        ),
        (
            "The Diagnostics Group produced revenue of $346 million, up 44%.",
            ["growth 44 : Diagnostics Group"],
        ),
        (
            "In 2020, the company successfully managed an extremely challenging environment and "
            "recorded year-over-year revenue growth of 6%.",
            [],
        ),
    ],
    "an amount of the year before said roughly": [
        (
            "Net sales increased 29.1% to just under $1.3 billion, compared to just over $1 "
            "billion during the same period in 2020.",
            ["growth 29.1 yoy : company"],
        ),
    ],
    "one figure against both bases": [
        (
            "In the fourth quarter, Trodelvy sales were $384 million, up 8% both year-over-year "
            "and sequentially.",
            ["growth 8 yoy : Trodelvy", "growth 8 sequential : Trodelvy"],
        ),
        (
            "Revenue grew 8% year-over-year and sequentially margins rose.",
            ["growth 8 yoy : company"],
        ),
    ],
    "comparable sales of a name, against a named year, decreased, after their figure": [
        (
            "Furniture delivered another very strong quarter, with comps down 10% to last year.",
            ["growth -10 yoy : Furniture comps"],
        ),
        (
            "Sam's Club had another impressive quarter with comps up 10.8%.",
            ["growth 10.8 : Sam's Club comps"],
        ),
        (
            "Performance remained strong with system-wide sales up 6.2%.",
            ["growth 6.2 : system-wide sales"],
        ),
        ("The brand had a good quarter with comps up 3%.", []),
        (
            "For the fourth quarter of FY '20, Brinker reported consolidated net comp sales of "
            "negative 36.7%.",
            ["growth -36.7 : Brinker comp sales"],
        ),
        (
            "All in, we delivered enterprise positive same-store sales of 1.3%.",
            ["growth 1.3 : same-store sales"],
        ),
        (
            "Soft Home comps were up 14% versus 2019. Sales were down 13% versus 2020.",
            ["growth 14 : Soft Home comps", "growth -13 yoy : company"],
        ),
        ("Comps were up 9% versus 2020.", ["growth 9 yoy : comps"]),
        (
            "Hard Home comps were up 13% to 2019. Sales were down 13% versus 2020 and up 4% "
            "versus 2019.",
            ["growth 13 : Hard Home comps", "growth -13 yoy : company", "growth 4 : company"],
        ),
        ("Comp sales were up 2% to 3%.", []),
        # a year named as their base where the document measures against none: unread
        ("Hard Home comps were up 13% to 2019.", []),
        (
            "The decline was driven by a comparable sales decrease of 13.2%.",
            ["growth -13.2 : comparable sales"],
        ),
        (
            "Apparel delivered a 90% comp for the quarter, with casual dressing dominating.",
            ["growth 90 : Apparel comp"],
        ),
    ],
    "like-for-like growth is organic": [
        ("On a like-for-like basis, growth came to 3%.", ["growth 3 : company"]),
        ("Our first half net revenues grew 2% like-for-like.", ["growth 2 : company"]),
        ("Revenue came to 3% of the total.", []),
    ],
    "a rate moved from, its measure's word before both": [
        (
            "As anticipated, our like-for-like growth accelerated from 2.6% in the first quarter "
            "to 3.7% in the second.",
            ["growth 2.6 : company", "growth 3.7 : company"],
        ),
        (
            "The Diagnostics Group produced revenue of $346 million, up 44% reported and up 37% "
            "core, compared to an 8% decline last year.",
            ["growth 44 : Diagnostics Group"],
        ),
    ],
    "progressed, and praise set off by a comma": [
        (
            "Consumer Products progressed 2.8%, perfectly balanced between volume and value.",
            ["growth 2.8 : Consumer Products"],
        ),
        (
            "For the full-year, our National Programs segment grew organically, an impressive "
            "12.3%.",
            ["growth 12.3 : National Programs segment"],
        ),
        ("Revenue grew, a strong year, and margins were 5%.", []),
    ],
    "a growth at an adjusted rate; a part's revenue amount opens its section": [
        (
            "North America has been growing at an adjusted rate of 3.8%.",
            ["growth 3.8 : North America"],
        ),
        (
            "Our Construction Products Group generated all-time record sales of $614.2 million.\n"
            "Sales grew 22% for the quarter.",
            [],
        ),
        (
            "Our Construction Products Group had a record quarter.\nTotal company sales grew 22% "
            "for the quarter.",
            ["growth 22 : company"],
        ),
        (
            "Our Support Services segment revenues for the third quarter were $13.5 million "
            "compared to $7.3 million in the same quarter last year.\nSegment operating loss in "
            "the third quarter was $55,000.\nOn a sequential basis, third quarter revenues "
            "increased 19.4% to $225.3 million from $188.8 million in the prior quarter.",
            ["growth 19.4 sequential : company"],
        ),
    ],
    "guidance adjusted up or down": [
        (
            "We adjusted our gross margin outlook down by 50 basis points to account for a higher "
            "mix of memory sales.",
            ["guidance cut"],
        ),
        (
            "We are adjusting our guidance ranges for 2020 only slightly downwards, with the "
            "higher end of our revised ranges still within our original range.",
            ["guidance cut"],
        ),
        (
            "This will drive our adjusted EBITDA margin expectations higher for the balance of "
            "the year.",
            [],
        ),
    ],
    "a pair said respectively after a figure of its own": [
        (
            "HIV growth was 6%, driven by Biktarvy and Descovy, which grew 7% and 31% "
            "respectively.",
            ["growth 6 : HIV", "growth 7 : Biktarvy", "growth 31 : Descovy"],
        ),
        ("Revenue grew 6%, with margins of 20% and 30%, respectively.", ["growth 6 : company"]),
        (
            "Revenue grew 6% in the year as volumes rose 20% and 30%, respectively.",
            ["growth 6 : company"],
        ),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_sixty_first_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
