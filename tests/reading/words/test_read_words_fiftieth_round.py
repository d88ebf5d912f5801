"""The fiftieth round's rules, found on two sets of calls labelled blind in round 48 and 49 and
kept unread until this round (AF, AK), and on the reader's reads over a corpus of calls it was
not written against, each read judged against its call's text:

- a place or a channel named alone ("International increased 2.9%", "Wholesale was down 33%") in
  the section of a part of another kind is a part of that part, whose whole only a sentence
  before names: none is read. The section is the nearest sentence before that gave a part's
  figure with its total's amount or a turn to it, or that only turned to a part; the part is of
  another kind where it is a name with no place or channel in it ("Orbix", said not as the
  sentence's first word), or a place or a channel of the other cut and the figure's sentence
  names no revenue before its figure. Not where the sentence says how its parts are cut
  ("Regionally,"), names the whole ("of our total sales", "Globally,"), opens its own slide,
  calls the part a segment or division, names the section's part itself, or gave a part's figure
  before; nor after parts said with no total ("Semiconductor was strong, up 20%"), parts alike
  ("EMEA grew 5%. APAC grew 7%."), or a sentence that opens saying how the parts are cut or
  turns to no part;
- a turn is also said "Switching to", "Shifting now to", "Moving now to"; a slide shown after
  the part ("Hardware on slide 15") is no word of its name; a place or a channel named by its
  word alone may be turned to in lower case ("Moving to online.");
- a place or a channel said alone right after a part's part is a part of the same part
  ("Wholesale was down 30%. Royalties and other revenue were up 2%.");
- a range said narrowed or tightened, the new one within the prior one, moves guidance in no
  direction, whatever their midpoints;
- comparable sales "down 2% to flat" are a range; gross payment, booking and transaction volumes
  (GPV, GBV, GTV) are no revenue;
- an amount said by its currency's code ("an increase of RMB 670 million or 65%") is an amount
  as one said by its sign;
- a turn to a named part whose deed "which" says ("Turning now to Orbix, which delivered $4.9
  billion …, representing 32% growth") gives the deed to the part;
- monthly and daily active users (MAU, DAU, MPU) are no revenue;
- a verb of guidance written with a capital after a determiner ("our Raise the Bar ambitions")
  is a name, no act;
- a turn whose own figure "which" says ("Now turning to Consumer Services, which contributed 14%
  to total revenue this quarter.") turns to the part as a turn alone does;
- a view said unchanged of how something goes ("no real change in our view of how that's
  affecting what we do") is no guidance; one of the year is, as before;
- a growth joined by "and" to "exceeded our expectation" moves no guidance: exceeding is a
  result's, not a second verb of the guidance's;
- guidance moderated ("we are moderating our earnings per share outlook") is cut; "up to"
  between a range's ends ("$10.90 up to $11.10") says no direction against the prior range;
- a company's name with its legal suffix after a comma ("Acme, Inc. net sales were down 0.6%")
  is one name, no list;
- returns on equity (ROTCE), scores (Net Promoter Score) and a shipment are no revenue; "a
  satisfactory sales growth" names no part; a service, a product or an offering named by "this"
  keeps the sentence's revenue its own; a currency named by its place ("revenue in U.S. dollar
  up 5.3%") is no place;
- a vertical or an industry is a cut of the company's parts ("By vertical, travel was up 15%,
  retail up 70%"), as a segment or an end market is;
- "Y-o-Y" and "Q-o-Q" are year-over-year and sequential bases;
- a basis said of a change of pace ("continued to decelerate sequentially, down 11%";
  "accelerated sequentially to 12%", a frame's "sequential improvement") is the rate's, not
  the figure's; nor is one said after a deterioration or a slowdown set beside the figure
  ("down 13%, a limited deterioration compared to Q4").

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words.dimensions import cut_of, cuts_in
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a place or a channel alone in another part's section is that part's": [
        (
            "Turning to our direct-to-consumer segment, sales increased 6%, with domestic "
            "growth of 11%. International increased 2.9%.",
            ["growth 6 : direct-to-consumer segment", "growth 11 : domestic"],
        ),
        (
            "Let's now move to our brands, starting with Aurelia on Slide 8. Revenue was €1.2 "
            "billion, down 12% reported. The brand kept its focus on leather goods. Wholesale "
            "was down 30%. Retail was down 9%, and royalties were up 2%.",
            [],
        ),
        (
            "Turning now to Orbix, which delivered $2.1 billion in global net sales, up 20% "
            "year-over-year. U.S. net sales grew 25% to $1.5 billion.",
            ["growth 20 yoy : Orbix"],
        ),
        (
            "Direct-to-consumer sales grew 6% to $879 million. Domestic increased 11%. "
            "International grew 3%.",
            ["growth 6 : Direct-to-consumer"],
        ),
        # counterexamples: the company's own parts, as before
        ("EMEA grew 5% in the quarter. APAC grew 7%.", ["growth 5 : EMEA", "growth 7 : APAC"]),
        (
            "APAC sales grew 12%. Wholesale sales increased 7.8% year-over-year to $1.5 billion.",
            ["growth 12 : APAC", "growth 7.8 yoy : Wholesale"],
        ),
        (
            "Semiconductor was strong, up 20%. E-commerce sales grew approximately 30%.",
            ["growth 20 : Semiconductor", "growth 30 ~ : E-commerce"],
        ),
        (
            "Direct-to-consumer sales grew 6% to $879 million. Regionally, the Americas grew 5%.",
            ["growth 6 : Direct-to-consumer", "growth 5 : Americas"],
        ),
        (
            "Direct-to-consumer sales grew 6% to $879 million. International sales comprised "
            "56% of our total sales.",
            ["growth 6 : Direct-to-consumer", "share 56 : International"],
        ),
        (
            "Direct-to-consumer sales grew 6% to $879 million. Globally, our e-commerce business "
            "was up 69%.",
            ["growth 6 : Direct-to-consumer", "growth 69 : e-commerce business"],
        ),
        (
            "Moving to Slide 7, Americas Banking revenue of $312 million declined 7%. On Slide "
            "8, retail revenue of $304 million increased 11%.",
            ["growth -7 : Americas Banking", "growth 11 : retail"],
        ),
        (
            "Our Hardware segment delivered $500 million in sales, up 10%. For our digital "
            "division, digital revenues grew 12%.",
            ["growth 10 : Hardware segment", "growth 12 : digital"],
        ),
        (
            "Direct-to-consumer sales grew 6% to $879 million. On a geographic basis, all "
            "regions grew. Europe grew 5%.",
            ["growth 6 : Direct-to-consumer", "growth 5 : Europe"],
        ),
        (
            "Direct-to-consumer sales grew 6% to $879 million. Total company revenue grew 4%. "
            "International grew 3%.",
            ["growth 6 : Direct-to-consumer", "growth 4 : company", "growth 3 : International"],
        ),
        (
            "Our Hardware segment delivered $500 million in sales, up 10%. Digital grew 12% in "
            "the segment.",
            ["growth 10 : Hardware segment"],
        ),
        (
            "Exports were $900 million, up over 18%. And year-to-date sales grew approximately "
            "6% in our international business.",
            ["growth 18 > : Exports", "growth 6 ~ : international business"],
        ),
    ],
    "a part's part said right after another is that part's too": [
        (
            "Let's now move to our brands, starting with Aurelia on Slide 8. Revenue was €1.2 "
            "billion, down 12% reported. The brand kept its focus on leather goods. It opened "
            "four stores. It closed two. Its artistic director joins in July. Its handbags sold "
            "well. Its shoes did too. The brand's events drew crowds. Wholesale was down 30%. "
            "Royalties and other revenue were up 2%.",
            [],
        ),
    ],
    "a turn said otherwise": [
        ("Switching to our Industrial segment. Sales were up 9%.", []),
        (
            "Moving now to Aerospace. Sales were $86 million, up 23% from a year ago.",
            [],
        ),
        (
            "Starting with Hardware on slide 15. Reported net sales increased 18%.",
            [],
        ),
        ("Shifting now to Security. Total revenue was up 5%.", []),
        ("Moving to online. We delivered 10.5% growth this quarter.", []),
        # counterexample: a turn to no part
        ("Shifting now to the quarter. Revenue grew 5%.", ["growth 5 : company"]),
    ],
    "a range narrowed within the prior one has no direction": [
        (
            "For the full year, we are narrowing our revenue range to $1.6 billion to $2 billion "
            "from our previous guidance of $1.5 billion to $2.2 billion.",
            [],
        ),
        (
            "We now expect revenue of $1.6 billion to $2 billion, having tightened it from our "
            "prior guidance of $1.5 billion to $2.2 billion.",
            [],
        ),
        # counterexamples: a range moved, narrowed or not
        (
            "We are narrowing our revenue range to $1.7 billion to $2.3 billion from our "
            "previous guidance of $1.5 billion to $2.2 billion.",
            ["guidance raised : company"],
        ),
        (
            "We now expect revenue of $1.6 billion to $2 billion, versus our prior guidance of "
            "$1.5 billion to $2.2 billion.",
            ["guidance cut : company"],
        ),
    ],
    "a comparable sales range to flat is a range": [
        ("We expect comparable sales down 2% to flat for the fourth quarter.", []),
        ("Go-forward comparable sales were down 2% to flat.", []),
    ],
    "a payment volume is no revenue": [
        ("GPV was $52 billion, growing 24% year-over-year.", []),
        ("Gross booking value, GBV, grew 18%.", []),
    ],
    "an amount said by its currency's code is an amount": [
        (
            "Total revenue for the third quarter was RMB 1.69 billion, an increase of RMB 670 "
            "million or 65% compared to the same period of last year.",
            ["growth 65 yoy : company"],
        ),
        (
            "Net revenue was HK$2.1 billion, an increase of HK$200 million or 11%.",
            ["growth 11 : company"],
        ),
    ],
    "a turn to a named part whose deeds 'which' says": [
        (
            "Turning now to Orbix, which delivered $4.9 billion in global net sales, "
            "representing 32% year-over-year growth.",
            ["growth 32 yoy : Orbix"],
        ),
        # counterexample: no part's deed
        ("Turning to the balance sheet, which remains strong, cash was up 10%.", []),
    ],
    "a part's part after a sentence that only mentions a cut is still the part's": [
        (
            "Direct-to-consumer sales grew 6% to $879 million. You will find the usual details "
            "by region in the appendix. Domestic increased 11%.",
            ["growth 6 : Direct-to-consumer"],
        ),
    ],
    "monthly and daily active users are no revenue": [
        ("Japan's MAU increased 12.6% year-over-year to 25.3 million.", []),
        ("Our English platform app MAU was up 12% year-over-year.", []),
        ("DAUs grew 9%.", []),
    ],
    "a view of how something goes is no guidance": [
        ("So I'd say no real change in our view of how that's affecting what we do.", []),
        ("Our view of how the market develops remains unchanged.", []),
        # counterexamples: a view of the year
        ("There is no change in our view of the full year.", ["guidance reiterated : company"]),
        ("Our view of the year remains unchanged.", ["guidance reiterated : company"]),
    ],
    "a verb of guidance a name holds is no act": [
        (
            "These improvements will contribute to higher same-store sales growth in support of "
            "our Raise the Bar ambitions.",
            [],
        ),
        ("With our Raise the Bar strategy, we aim to accelerate restaurant economics.", []),
        # counterexample: the act
        ("We are raising our full year guidance.", ["guidance raised : company"]),
    ],
    "a result that exceeded an expectation moves no guidance": [
        ("We saw a 14.8% increase and exceeded our expectation.", []),
        # counterexample: two verbs that move it
        ("We raised and narrowed our guidance range.", ["guidance raised : company"]),
    ],
    "guidance moderated is cut; a range's 'up to' no direction": [
        ("We are moderating our earnings per share outlook.", ["guidance cut : company"]),
        (
            "We are moderating the earnings per share outlook to $10.90 up to $11.10 from the "
            "previous range of $11.35 to $11.65.",
            ["guidance cut : company"],
        ),
        # counterexample: growth moderated, no guidance
        ("Our growth has moderated the pace of hiring.", []),
    ],
    "a turn whose figure 'which' says is a turn": [
        (
            "Now turning to Consumer Services, which contributed 14% to total revenue this "
            "quarter. Fourth quarter adjusted revenue grew 26%.",
            [],
        ),
    ],
    "a company's name with its legal suffix after a comma is one name": [
        (
            "Acme, Inc. net sales of $4.7 billion were down 0.6% or about $29 million to last "
            "year.",
            ["growth -0.6 yoy : company"],
        ),
        ("Excluding these closures, Acme, Inc. sales grew 2.9%.", ["growth 2.9 : company"]),
    ],
    "returns, scores and shipments are no revenue": [
        ("In Q4, our ROTCE climbed above 15%.", []),
        ("Our Net Promoter Score continues to rise, up nearly 50% year-over-year in Europe.", []),
        ("Net sales increased 4%, driven by shipment growth of 3%.", ["growth 4 : company"]),
    ],
    "a word of praise before a growth names no part": [
        ("We had a satisfactory sales growth of 1.6%.", ["growth 1.6 : company"]),
    ],
    "a service or a product named by 'this' keeps its revenue": [
        ("For last year, we enjoyed a 42% increase in this service.", []),
    ],
    "a currency named by its place is no place": [
        ("Revenue in U.S. dollar was up 5.3% year-on-year.", ["growth 5.3 yoy : company"]),
        # counterexample: the place's revenue
        ("U.S. revenue grew 4%.", ["growth 4 : U.S."]),
    ],
    "a vertical or an industry is a cut of the company's parts": [
        (
            "By vertical, travel was up 15%, retail up 70%, and financial services up 20%.",
            ["growth 15 : travel", "growth 70 : retail", "growth 20 : financial services"],
        ),
        (
            "By industry, healthcare grew 12% and manufacturing declined 3%.",
            ["growth 12 : healthcare", "growth -3 : manufacturing"],
        ),
        # counterexample: an industry's own growth
        ("The industry grew 5% this year.", []),
    ],
    "Y-o-Y and Q-o-Q are bases": [
        (
            "Insurance and wealth now account for 23% of revenue with insurance up 13% Y-o-Y "
            "and wealth up 5% Y-o-Y.",
            [
                "share 23 : Insurance and wealth",
                "growth 13 yoy : insurance",
                "growth 5 yoy : wealth",
            ],
        ),
        ("Revenue grew 5% Q-o-Q.", ["growth 5 sequential : company"]),
    ],
    "a basis of a change of pace is the rate's": [
        ("Japan continued to decelerate sequentially, down 11%.", ["growth -11 : Japan"]),
        ("Revenue growth accelerated sequentially to 12%.", ["growth 12 : company"]),
        ("Europe was down 13%, a limited deterioration compared to Q4.", ["growth -13 : Europe"]),
        (
            "As we anticipated, we again saw a sequential improvement in organic revenue "
            "performance, a decrease of 1.8% in the first quarter.",
            ["growth -1.8 : company"],
        ),
        # counterexamples: a level's, not a pace's; the improvement's own figure
        ("Revenue improved sequentially, up 5%.", ["growth 5 sequential : company"]),
        ("Revenue showed a sequential improvement of 5%.", ["growth 5 sequential : company"]),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_fiftieth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(
    ("name", "cut"),
    [
        ("U.S.", "place"),
        ("Western Europe and North America", "place"),
        ("the rest of the World", "place"),
        ("Wholesale", "channel"),
        ("Royalties and other", "channel"),
        ("direct-to-consumer segment", "channel"),
        ("domestic wholesale", ""),
        ("Americas Banking", ""),
        ("Gucci", ""),
        ("revenue", ""),
    ],
)
def test_a_part_is_cut_by_place_or_channel_only_where_its_words_say_so(name: str, cut: str):
    assert cut_of(name) == cut


def test_the_kinds_of_a_parts_words():
    assert cuts_in("Americas Banking") == {"place", "other"}
    assert cuts_in("DUPIXENT") == {"other"}
    assert cuts_in("net sales") == frozenset()
