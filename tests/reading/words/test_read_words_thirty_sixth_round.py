"""The thirty-sixth round's rules, found on calls of a newer era and another transcript source
(paragraphs of several sentences a line, each opened by its speaker's name): a sentence that
opens with a name written with a capital after its first letter ("iPhone"), a basis broken at
its hyphen ("year-over- year"), a line's name with "and" in it before revenue's word ("Xbox
content and services revenue"), a word of talk that is one only where it ends the subject
("the good news", not "news advertising"), an opening "All up," that names no part, and things
counted on a named platform ("comments on LinkedIn"), no line's revenue. Made-up sentences,
each beside what it states as test_read_words_classes.py writes it ([] where nothing may be
read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.reading.words import COMPANY, read_words
from catalyst_tui.reading.words.sentences import sentence_spans
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a sentence may open with a name written with a capital after its first letter": [
        (
            "Let me start with iPad. iPad revenue was $6.6 billion, down 8% from a year ago.",
            ["growth -8 yoy : iPad"],
        ),
        (
            "Turning to marketplaces. eBay sales were up 12% year over year.",
            ["growth 12 yoy : eBay"],
        ),
        # an abbreviation before it still ends no sentence, and an example is no subject
        ("Sales of devices, e.g. iPad, grew 5%.", []),
    ],
    "a basis broken at its hyphen is the basis": [
        (
            "Mac revenue was $8 billion, up 15% year-over- year, driven by MacBook Air.",
            ["growth 15 yoy : Mac"],
        ),
        (
            "Services revenue grew 4% quarter-over- quarter.",
            ["growth 4 sequential : Services"],
        ),
        ("Mac revenue was $8 billion, up 15% year over year.", ["growth 15 yoy : Mac"]),
    ],
    "a line's name may hold 'and' before revenue's word; two measures joined do not": [
        (
            "Xbox content and services revenue increased 13%.",
            ["growth 13 : Xbox content and services"],
        ),
        (
            "Search and news advertising revenue increased 21% and 20% in constant currency.",
            ["growth 21 : Search and news advertising", "alt 20"],
        ),
        # two measures: a measure before the join, or only a qualifier after it
        # (revenue sharing the verb and figure has it: the thirty-eighth round)
        ("Orders and net sales increased 13%.", ["growth 13 : company"]),
        ("EBITDA and services revenue increased 13%.", []),
        ("The good news is that revenue increased 13%.", ["growth 13 : company"]),
    ],
    "an opening 'All up,' names no part": [
        (
            "All up, Microsoft Cloud surpassed $168 billion in annual revenue, up 23%.",
            ["growth 23 : Microsoft Cloud"],
        ),
        ("All-in, our cloud business grew revenue 23%.", ["growth 23 : cloud business"]),
    ],
    "things counted on a named platform are no line's revenue": [
        ("AI projects on GitHub more than doubled over the last year.", []),
        (
            "All up, comments on LinkedIn rose over 30% and video uploads increased over 20%.",
            [],
        ),
        ("Our video views on Snapchat and TikTok are up 22% and 29%, respectively.", []),
        # revenue on a platform is its revenue
        ("Sales on Amazon grew 30% year over year.", ["growth 30 yoy : Amazon"]),
    ],
    "a multiple written 'Nx' after its verb is a growth of revenue said before it": [
        (
            "NVIDIA GPU regional cloud revenue jumped 2x year on year as clouds came online.",
            ["growth 100 yoy : NVIDIA GPU regional cloud"],
        ),
        (
            "Spectrum-X Ethernet revenue increased over 3x year on year.",
            ["growth 200 > yoy : Spectrum-X Ethernet"],
        ),
        # no revenue before it, or a comparison of a product's: nothing
        ("We released 46 new products, which is up almost 2x from last year.", []),
        ("Blackwell is 2x faster than Hopper and revenue grew.", []),
        ("Through software alone, we deliver 2x more tokens for the same revenue.", []),
    ],
    "a frame that says how parts are cut makes each part named with its figure a part": [
        (
            "Within categories, Torx and multifocals grew 7%, and spheres were up 6%.",
            ["growth 7 : Torx and multifocals", "growth 6 : spheres"],
        ),
        (
            "By end market, energy was up 37% year-over-year and general engineering was up 23%.",
            # (the basis said right after the 37% is lent to the 23%: the forty-fourth round)
            ["growth 37 yoy : energy", "growth 23 yoy : general engineering"],
        ),
        # a part not named with its own figure, or a measure: nothing of it
        (
            "By segment, reinsurance grew 40% and insurance reported a record quarter, "
            "representing 25% growth.",
            ["growth 40 : reinsurance"],
        ),
        ("Within categories, margins expanded 7%.", []),
        # a part named just after its own figure
        (
            "By channel, commercial aftermarket sales were up 24% driven by a 30% increase in "
            "parts and repair, a 16% increase in modification and upgrades.",
            [
                "growth 24 : commercial aftermarket",
                "growth 30 : parts",
                "growth 16 : modification",
            ],
        ),
    ],
    "names set between commas are the kind before them, so named": [
        (
            "Our daily lenses, MyDay and Clarity, grew 10%.",
            ["growth 10 : daily lenses MyDay and Clarity"],
        ),
        (
            "Within modalities, our daily silicone hydrogel lenses, MyDay and Clarity, grew 10%, "
            "and our silicone hydrogel FRP lenses, BioAffinity and Avera, were up 6%.",
            [
                "growth 10 : daily silicone hydrogel lenses MyDay and Clarity",
                "growth 6 : silicone hydrogel FRP lenses BioAffinity and Avera",
            ],
        ),
        # a participle after the comma: the subject before it, no name between commas
        (
            "As expected, the EMEA region was hardest hit by COVID-19, decreasing 10.3%.",
            ["growth -10.3 : EMEA region"],
        ),
    ],
    "a base said after a change in points is the points' own": [
        (
            "Direct revenue increased 35% and represented 47% of total revenue, up 8 percentage "
            "points from last year.",
            ["growth 35 : Direct", "share 47 : Direct"],
        ),
        ("Revenue increased 35% from last year.", ["growth 35 yoy : company"]),
    ],
    "two figures said with nothing between are a range said loosely, neither a figure": [
        ("As you know, IT continues to grow about 20% 30% a year.", []),
        ("Revenue grew 20%, 30% in Europe.", ["growth 20 : company", "growth 30 : Europe"]),
    ],
    "a figure of a comparative before a noun other than revenue compares a product": [
        (
            "Our SSDs offered a 34% higher throughput and over 80% lower energy per terabyte.",
            [],
        ),
        ("We delivered 10% higher revenue this quarter.", ["growth 10 : company"]),
        (
            "Net sales increased 4.4% driven by 3.5% higher merchandise sales.",
            ["growth 4.4 : company", "growth 3.5 : merchandise"],
        ),
        ("Sales were 5% lower than last year.", ["growth -5 yoy : company"]),
    ],
    "an estimate of a market's size moved is the world's, no guidance": [
        ("We have increased our HBM market TAM estimate to now exceed $30 billion.", []),
        (
            "We are reaffirming our guidance as we pursue our $52 billion addressable market.",
            ["guidance reiterated"],
        ),
    ],
    "guidance 'established' after a determiner is the guidance there is, no act": [
        ("Any impact from tariffs falls well within our established guidance.", []),
        ("We established guidance for 2025 of $4.30 to $4.70.", ["guidance introduced"]),
    ],
    "a measure by the day is the measure, no part; a kind by the day is the kind": [
        ("Daily sales increased 23% on a constant currency basis.", ["growth 23 : company"]),
        (
            "For CooperVision, our daily silicone hydrogel portfolio led the way, growing 19%.",
            ["growth 19 : daily silicone hydrogel portfolio"],
        ),
    ],
    "guidance named, then moved in a relative clause of ours, is moved now": [
        (
            "To conclude, let me comment on our revenue guidance, which we're tightening and "
            "raising at the midpoint.",
            ["guidance raised"],
        ),
        (
            "I will go over our top-line and earnings guidance, which we are reiterating.",
            ["guidance reiterated"],
        ),
        # negated, or moved before this call: nothing now
        ("Our revenue guidance, which we are not raising, calls for growth.", []),
        ("Margins were at the high end of our guidance that we increased just last quarter.", []),
    ],
    "a guidance raised said by its noun, 'an increase in our guidance'": [
        (
            "We want to emphasize that $85 million of the $100 million increase in our operating "
            "EBITDA guidance comes from the business.",
            ["guidance raised"],
        ),
        ("This represents a $0.07 per share increase to our July forecast.", ["guidance raised"]),
        # a forecast's range, or what is no guidance: nothing
        ("We anticipate adjusted EBITDA to increase in the range of 50% to 60% from 2020.", []),
        ("The increase in our servicing portfolio should help our margins.", []),
        (
            "Operating income was hurt by a $300 million write-down of inventory due to reduced "
            "revenue expectations.",
            [],
        ),
    ],
    "a sentence with no measure after one that only turns to another measure is of that one": [
        (
            "Looking at our product orders across our geographic segments. The Americas was up "
            "17%, EMEA was up 26% and APJC was up 25%.",
            [],
        ),
        (
            "Now turning to the details of our regional mix of business on page six.\nYou can see "
            "the quarterly split was 55% in the U.S., 3% for the rest of North America, 10% in "
            "the U.K., 17% for the rest of Europe, 12% for Asia-Pacific, 2% in Latin America and "
            "1% for the Middle East and Africa.",
            [
                "share 55 : U.S.",
                "share 3 : rest of North America",
                "share 10 : U.K.",
                "share 17 : rest of Europe",
                "share 12 : Asia-Pacific",
                "share 2 : Latin America",
                "share 1 : Middle East and Africa",
            ],
        ),
        (
            "Looking at our product revenue across our geographic segments. The Americas was up "
            "17%.",
            ["growth 17 : Americas"],
        ),
    ],
    "an amount a year earlier is a year-over-year base; a period before a figure's own is none": [
        (
            "Net sales for the quarter increased 17.5% to $61.44 billion, up from $52.28 billion "
            "a year earlier in the fourth quarter.",
            ["growth 17.5 yoy : company"],
        ),
        (
            "E-commerce sales in the fourth quarter increased by 8.9% year-over-year, that's on "
            "top of last year's Q4 E-commerce sales increase of 91%.",
            ["growth 8.9 yoy : E-commerce", "growth 91 : E-commerce"],
        ),
        ("Sales grew 5% on last year.", ["growth 5 yoy : company"]),
    ],
    "a frame that names a part may follow one that names none": [
        (
            "Moving to segment performance, and starting with North America, first quarter "
            "revenue increased 8%.",
            ["growth 8 : North America"],
        ),
        ("Moving to segment performance, revenue increased 8%.", ["growth 8 : company"]),
    ],
    "parts listed after ', with' are of the counted measure the sentence named": [
        (
            "Payments volume growth rates were strong in most regions, with Latin America, "
            "CEMEA, and Europe up more than 16%.",
            [],
        ),
        ("Revenue was up 10%, with Europe up 16%.", ["growth 10 : company", "growth 16 : Europe"]),
        # revenue said after the ", with": its figures as they were
        (
            "Payments volume grew 10%, with revenue up 5% and Europe up 16%.",
            ["growth 5 : company", "growth 16 : Europe"],
        ),
    ],
    "a line with no stop, the next going on in lower case, is one sentence with it": [
        (
            "Starting with our Safety and Industrial business … which posted sales of $2.8 "
            "billion, up 1.1\npercent organically.",
            ["growth 1.1 : Safety and Industrial business"],
        ),
        (
            "we're raising the bottom-end of our full\nyear adjusted earnings guidance by 20 "
            "cents.",
            ["guidance raised"],
        ),
        # a speaker's name on its own line, the speech opening with a capital: apart
        ("Bill Brown\nRevenue grew 5%.", ["growth 5 : company"]),
    ],
    "words of how many or of praise name no part": [
        (
            "We've had strong performance in VAS, over $2 billion of revenue, over 20% growth for "
            "many quarters now.",
            [],
        ),
        (
            "Our domestic same-store sales were 4.3% this quarter on top of last year's historic "
            "21.8% growth.",
            [],
        ),
    ],
    "how guidance is set is no guidance; 'when you look at X,' frames X": [
        ("First, our guidance philosophy overall remains unchanged.", []),
        ("Our guidance remains unchanged.", ["guidance reiterated"]),
        (
            "When you look at our data center segment, revenue more than doubled year-over-year.",
            ["growth 100 > yoy : data center segment"],
        ),
        # one part named before, by its kind alone: no one's
        ("If you look at the segment, revenue grew 8%.", []),
        ("In the segment, revenue grew 8%.", []),
        ("By segment, Industrial grew 8%.", ["growth 8 : Industrial"]),
    ],
    "wholesale is a kind of revenue, a channel's": [
        ("North America wholesale increased 2%.", ["growth 2 : North America wholesale"]),
        ("Wholesale prices increased 2%.", []),
    ],
    "an outlook open to change, or a view of demand, is no guidance kept": [
        ("Given the volatility, our outlook continues to be subject to change.", []),
        ("Our view on demand for the back half of the year remains unchanged.", []),
        ("Our outlook remains unchanged.", ["guidance reiterated"]),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_thirty_sixth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("Let me start with iPad. iPad revenue fell.", 2),
        ("Sales of devices, e.g. iPad, grew.", 1),
        ("We sell in the U.S. iPad sales grew.", 1),  # an abbreviation's stop ends no sentence
        ("It was a good year. eBay grew.", 2),
        # a single stop after a word of letters ends its sentence whatever opens the next, as
        # speech written down by a machine ends them (round 46)
        ("It was a good year. ebay grew.", 2),
        ("Sales rose approx. five percent.", 1),  # an abbreviation's stop goes on
    ],
)
def test_a_name_with_a_capital_after_its_first_letter_may_open_a_sentence(
    text: str, cut: int
) -> None:
    assert len(sentence_spans(text)) == cut


_NAMES = st.sampled_from(["iPhone", "iPad", "eBay", "iCloud", "Mac", "Wearables"])


@given(st.lists(st.tuples(_NAMES, st.integers(min_value=1, max_value=90)), min_size=1, max_size=6))
def test_a_paragraph_of_sentences_gives_each_its_own_figure(said: list[tuple[str, int]]) -> None:
    """A law: a speaker's paragraph of sentences, each a line's revenue and its growth, whatever
    the names that open them (a capital first or after it), is cut into those sentences and
    reads each line's figure from its own sentence, in order, and no other."""
    text = " ".join(f"{name} revenue was up {figure}% year-over- year." for name, figure in said)
    assert len(sentence_spans(text)) == len(said)
    read = [(s.kind, s.subject, round((s.value or 0) * 100), s.basis) for s in read_words(text)]
    assert read == [("growth", name, figure, "year over year") for name, figure in said]


_REMARKS = (
    "Thank you for standing by. Please go ahead. Thanks, operator, and good afternoon. ",
    "Total revenue in the fourth quarter grew {growth}% as reported. ",
    "We generated broad-based growth across products and regions. ",
)
_QUESTION = (
    "Our next question comes from the line of Jane Doe with Big Bank. ",
    "Thanks for taking my question. You said revenue grew {said}% this quarter. ",
    "How should we think about next year? ",
    "Sure, we are pleased with demand. ",
)


@given(
    st.integers(min_value=1, max_value=60),
    st.lists(st.integers(min_value=61, max_value=99), min_size=1, max_size=5),
    st.integers(min_value=20, max_value=40),
)
def test_a_call_on_one_line_reads_the_company_and_no_analyst(
    growth: int, asked: list[int], filler: int
) -> None:
    """A law: a whole call written on one line, with no speaker named (as speech-to-text gives
    it), gives the company's figure from its remarks, whatever questions the operator's
    handoffs bring after them, and no figure an analyst states in a question."""
    text = "".join(_REMARKS).format(growth=growth)
    text += "We remain focused on execution. " * filler
    text += "".join("".join(_QUESTION).format(said=said) for said in asked)
    read = [(s.kind, s.subject, round((s.value or 0) * 100)) for s in read_words(text)]
    assert read == [("growth", COMPANY, growth)]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # a label with no space after its colon, and an analyst named alone after the handoff
        (
            "Operator:The next question comes from the line of Brent Thill with Jefferies.\n"
            "Brent Thill:Thanks. You grew product revenue 32% this quarter.\n"
            "Mike Scarpelli:Product revenue grew 30% year over year.\n",
            [("growth", "Product", 30)],
        ),
        (
            "Yeah. Revenue grew 5%, and maybe you could just give us more color on margins.\n",
            [],
        ),
    ],
)
def test_who_speaks_in_a_transcript_of_names(text: str, read: list[tuple[str, str, int]]) -> None:
    said = [(s.kind, s.subject, round((s.value or 0) * 100)) for s in read_words(text)]
    assert said == read


@pytest.mark.parametrize(("between", "read"), [(3, []), (9, [("growth", COMPANY, 5)])])
def test_an_analysts_turn_on_one_line_ends_at_its_question_or_after_eight_sentences(
    between: int, read: list[tuple[str, str, int]]
) -> None:
    """On a call written as one line, the operator's handoff opens an analyst's turn that no
    question closes here: its sentences are no word of the company's, at most eight of them; a
    figure said later is the company's again (a question missed loses its answer, never the
    call)."""
    text = "Thanks for joining. " * 30 + "Our next question comes from the line of Jane Doe. "
    # (a total: revenue said alone in an answer is of what was asked, the fifty-second round)
    text += "I have a few parts to this one. " * between + "Total revenue grew 5%."
    said = [(s.kind, s.subject, round((s.value or 0) * 100)) for s in read_words(text)]
    assert said == read
