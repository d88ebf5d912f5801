"""The fifty-second round's rules, found on a set of calls labelled blind in round 51 and kept
unread until this round (AO, the fifth source):

- a place's name alone on the line before ("U.S.", then "CAG Diagnostics recurring revenues
  increased 9% organically") is a heading: the sentence's figures are the place's, which only
  the sentence before names, and give nothing (rule 130);
- in the call's answers, a growth of a part the question named with another measure ("… the
  Unified SASE billings …?", then "you can see the Unified SASE grew 40%") is that measure's,
  and revenue said alone ("Revenues grew by 38% year-over-year") is of what was asked about,
  which the sentence does not name: it gives nothing;
- a part's growth set beside another's by "and", the other's words naming a measure that is
  no revenue ("MSW grew 5% in the quarter and special waste volumes grew 5.5%"), is of that
  measure too;
- revenue named only as a ratio's base ("or 6% of revenue") is no revenue of the sentence's:
  a part named in lower case there ("equity grants declined 36%") grew in no revenue;
- a count's change said after its comma in any words ("adoption by more than 1,500
  customers, nearly doubling year-over-year") is the count's;
- a part's growth is also said by "gains", "a lift" or "an expansion" in it ("4% organic gains
  in LPD", "an 11% quarter-over-quarter lift in our Grow segment"), and "solid gains across our
  major business segments, including …" names no measure of its own;
- a measure's expectations opening a clause (", margin expectations have increased to …") are
  guidance moved;
- a frame of a name the company is called by ("For Sea overall, total GAAP revenue increased
  38%") frames no part.

And on a set labelled blind in round 51 and read this round (AP, ECTSum):

- figures paired with "respectively" after a measure that is no revenue, no revenue named
  ("bookings growth …, up 6% and 9% in the third quarter and year-to-date, respectively") are
  that measure's;
- a pair's first measure owned by a named part ("FCD's bookings and sales were down 16% and
  18.7%, respectively") gives its revenue's figure to the part;
- a clause of time opening a sentence ("before we ever heard of the virus,"), after a frame or
  not, names no part;
- "in spite of" after comparable sales' figure names no place they are of;
- a multiple said of "we" after "and" ("…, and we more than tripled our licensed brands
  business") is a clause of its own: the part it names is its;
- "a 5.6% decline, where FCD's 21% year-over-year decrease …": a basis said in a clause of
  "where" on another figure is none of the first's.

And on a random sample of the reader's own reads over ECTSum (calls of no set), judged against
their calls:

- the growth of the year before ("The prior year quarterly organic growth for Specialty Products
  was actually down 3.4%") is no growth of the period;
- a result said better than the outlook, after another said lower than a previous quarter, cuts
  no guidance ("lower than the previous quarter, we performed better than the outlook").

And on a random sample of its reads over the fifth source (calls of no set):

- a section opened by a frame of a named segment ("In the International segment, …") reaches
  the second sentence after it, as a turn does: revenue said alone there gives nothing;
- days sales outstanding (DSOs) are a measure of their own, no revenue;
- a part named by "on" after its figure ("We obviously grew 17% in Q4 on Optical Networking")
  is its (not a day, "on Monday", nor a slide);
- "an increase in revenue in the corporate and club segment" is that segment's, and the
  sentence names it only as where: it gives nothing (never the company's);
- a speaker's title run into the speech it opens ("Executive VP & CFO Yes, up 2% …") names
  no part.

And on a second random sample over ECTSum:

- a level set against another's ("approximately 40% below that of White and Asian American")
  is no change;
- a reduction "to our target range" reaches a target and cuts no guidance, and "increase" as a
  noun before "range" ("a cash same property increase range of 3.5% to 4.5%") raises none;
- a verb of raising whose object is a probability ("increase the probability of targets")
  raises no guidance (from a second sample over the fifth source);
- and from a third: a frame "Starting in our Specialty and Care businesses," names the parts;
  a change said after two shares of a part ("accounted for 38% and 35% last year with an
  increase of 3%") is its share's; eCPMs are a price, no revenue.

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import COMPANY, read_words
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a place's name alone on the line before is a heading": [
        ("Europe.\nRevenue increased 9% in Q4.", []),
        ("U.S.\nCloud revenues increased 9% organically in Q4.", []),
        ("North America.\nSales were up 4%.", []),
        ("Highlights.\nRevenue increased 9% in Q4.", ["growth 9 : company"]),
        (
            "Revenue grew 5% in Europe.\nCloud revenues increased 9%.",
            ["growth 5 : Europe", "growth 9 : Cloud"],
        ),
    ],
    "a part's growth beside another measure's, said by and, is that measure's": [
        ("MSW grew 5% in the quarter and special waste volumes grew 5.5%.", []),
        ("Industrial grew 7% and unit shipments rose 4%.", []),
        (
            "Software grew 5% in the quarter and services revenue grew 3%.",
            ["growth 5 : Software", "growth 3 : services"],
        ),
    ],
    "revenue named only as a ratio's base is no revenue of the sentence's": [
        (
            "In the quarter, equity grants declined 36% to approximately $160 million or 6% of "
            "revenue.",
            [],
        ),
        (
            "In the quarter, cloud revenue grew 36% to $160 million or 6% of total revenue.",
            ["growth 36 : cloud"],
        ),
    ],
    "a count's change after its comma is the count's": [
        (
            "Momentum remains strong with adoption by more than 1,500 customers, nearly doubling "
            "year-over-year.",
            [],
        ),
        ("We now serve 12,000 customers, up 20%.", []),
        ("RingCX revenue nearly doubled year-over-year.", ["growth 100 ~ yoy : RingCX"]),
    ],
    "gains, a lift or an expansion in a part is its growth": [
        ("We saw 4% organic gains in LPD.", ["growth 4 : LPD"]),
        (
            "Organic revenue growth of 12% reflected solid gains across our major business "
            "segments, including 13% organic growth in CAG.",
            ["growth 12 : company", "growth 13 : CAG"],
        ),
        (
            "Results exceeded our guidance, including an 11% quarter-over-quarter lift in our Grow "
            "segment.",
            ["growth 11 sequential : Grow segment"],
        ),
        ("We saw a 10% lift in traffic.", []),
        ("We recorded 5% gains on investments.", []),
    ],
    "a measure's expectations opening a clause are guidance": [
        (
            "With strong results so far, margin expectations have increased to between 29.6% and "
            "30.2%.",
            ["guidance raised"],
        ),
        ("As a result, consumer expectations have increased.", []),
    ],
    "the growth of the year before is no growth of the period": [
        ("The prior year quarterly organic growth for Specialty Products was down 3.4%.", []),
        (
            "Specialty Products grew 5% over the prior year.",
            ["growth 5 yoy : Specialty Products"],
        ),
    ],
    "a better result than the outlook cuts nothing": [
        (
            "Whilst transportation sales are lower than the previous quarter, we performed better "
            "than the outlook we provided in the last quarterly update.",
            [],
        ),
        ("We now expect revenue lower than our previous outlook.", ["guidance cut"]),
    ],
    "figures paired with respectively after a measure, no revenue named, are the measure's": [
        (
            "Only Latin America has delivered constant-currency bookings growth in 2020, up 6% "
            "and 9% in the third quarter and year-to-date, respectively.",
            [],
        ),
        (
            "Inventory fell, with the most impacted in Journeys and J&M, which were down 20% and "
            "39%, respectively.",
            [],
        ),
        ("Revenue and EBITDA grew 17.5% and 23%, respectively.", ["growth 17.5 : company"]),
    ],
    "a pair's first measure owned by a named part gives its revenue to the part": [
        ("FCD's bookings and sales were down 16% and 18.7%, respectively.", ["growth -18.7 : FCD"]),
        ("Orders and revenue were up 12% and 8%, respectively.", ["growth 8 : company"]),
    ],
    "a clause of time opening the sentence names no part": [
        (
            "In the quarter, before we ever heard of the virus, our sales grew 15.1%.",
            ["growth 15.1 : company"],
        ),
        ("Before we ever heard of the virus, Europe grew 15.1%.", ["growth 15.1 : Europe"]),
        (
            "In looking at fourth quarter results, beginning with gross billings in constant "
            "currency, Mattel grew 6%.",
            [],
        ),
    ],
    "in spite of names no place of comparable sales": [
        (
            "Our comp sales increased 80.3% in spite of store closures in Europe and Canada.",
            ["growth 80.3 : comp sales"],
        ),
        ("Comp sales increased 3% in Europe.", []),
    ],
    "a multiple of our part said after and is the part's": [
        (
            "Journeys grew 2%, and we more than tripled our licensed brands business.",
            ["growth 2 : Journeys", "growth 200 > : licensed brands business"],
        ),
        (
            "As a result, we saw our sales price for ammonia and UAN more than doubled from a "
            "year ago, and the prices have continued to increase.",
            [],
        ),
    ],
    "a section opened by a frame of a named segment reaches two sentences": [
        (
            "In the International segment, trends across regions drove a 16% constant currency "
            "net sales increase.\nGrowth was balanced with price contributing 9.2 points.\n"
            "Factoring in a favorable FX benefit, reported net sales increased 21%.",
            [],
        ),
        (
            "In the International segment, trends across regions drove a 16% constant currency "
            "net sales increase.\nGrowth was balanced with price contributing 9.2 points.\n"
            "Total net sales increased 21%.",
            ["growth 21 : company"],
        ),
        (
            "And in the International segment, trends drove a 16% constant currency net sales "
            "increase.\nGrowth was balanced with price contributing 9.2 points.\n"
            "Reported net sales increased 21%.",
            [],
        ),
    ],
    "a part said with its figure as the subject opens no section": [
        (
            "The Kosmos Cement business contributed approximately $176 million of revenue during "
            "the year.\nRevenue for the fourth quarter was up 12% to $343 million.",
            ["growth 12 : company"],
        ),
    ],
    "the reasons a figure is said for name no part": [
        (
            "And core sales to the consumer healthcare market decreased 1% for the reasons that "
            "Stephan mentioned earlier.",
            ["growth -1 : consumer healthcare market"],
        ),
    ],
    "days sales outstanding are no revenue": [
        (
            "Consolidated DSOs increased from 111 days to 121 days, reflecting the nearly 22% "
            "revenue growth.",
            [],
        ),
    ],
    "a part named by on after its figure is its": [
        ("We obviously grew 17% in Q4 on Optical Networking.", ["growth 17 : Optical Networking"]),
        ("Revenue grew 8% on Monday.", ["growth 8 : company"]),
    ],
    "an increase in revenue in a named segment is the segment's, unsaid": [
        (
            "The 9.2% increase in revenue in the corporate and club segment was primarily driven "
            "by increased same club sales.",
            [],
        ),
        (
            "The 9.2% increase in revenue was primarily driven by increased same club sales.",
            ["growth 9.2 : company"],
        ),
    ],
    "a level set against another's is no change": [
        (
            "We saw the vaccination rate for Black and Hispanic were approximately 40% below that "
            "of White and Asian American.",
            [],
        ),
        ("Hispanic sales were 40% below last year.", ["growth -40 yoy : Hispanic"]),
        (
            "Our third quarter regional net revenues were $925 million, just 1% below that of the "
            "third quarter in 2019.",
            ["growth -1 : regional"],
        ),
    ],
    "a target reached and a range of an increase move no guidance": [
        (
            "We've reduced our net debt by $1.2 billion, which has led to further reduction of our "
            "leverage ratio to our target range.",
            [],
        ),
        (
            "The assumptions that comprise 2021 guidance produced a cash same property increase "
            "range of 3.5% to 4.5%.",
            [],
        ),
        ("We are lowering our revenue guidance to a range of $5 billion.", ["guidance cut"]),
        (
            "What we decided to do was do the geophysics, increase the probability of targets, "
            "figure out how many more targets are on this property.",
            [],
        ),
    ],
    "a frame starting in our parts names them": [
        (
            "Starting in our Specialty and Care businesses, we delivered strong results with 14% "
            "adjusted revenue growth.",
            ["growth 14 : Specialty and Care businesses"],
        ),
    ],
    "a change said after two shares of a part is its share's": [
        ("Overseas revenue accounted for 38% and 35% last year with an increase of 3%.", []),
        (
            "Cloud accounted for 38% of revenue, with an increase of 30% in the quarter.",
            ["share 38 : Cloud", "growth 30 : Cloud"],
        ),
    ],
    "a price per thousand impressions is no revenue": [
        ("Total eCPMs declined approximately 8% year-over-year.", []),
    ],
    "a speaker's title run into the speech names no part": [
        ("Executive VP & CFO Yes, up 2% volume in 2025 in total.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_fifty_second_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_a_frame_of_the_companys_own_name_frames_no_part() -> None:
    text = "For Acme overall, total GAAP revenue increased 38% year-on-year to $6.9 billion."
    (read,) = read_words(text, names=("Acme Ltd",))
    assert (read.subject, round((read.value or 0.0) * 100), read.basis) == (
        COMPANY,
        38,
        "year over year",
    )
    (read,) = read_words(text.replace("Acme", "Europe"), names=("Acme Ltd",))
    assert read.subject == "Europe"  # a part's frame


_QUESTION = (
    "Operator: Our next question comes from Jane Doe with Acme.\n"
    "Jane Doe: Could you talk about the Unified SASE billings and what drove them?\n"
    "John Smith - CEO: "
)


def test_an_answers_revenue_alone_is_of_what_was_asked() -> None:
    answer = (
        _QUESTION.replace("Unified SASE billings", "ad business")
        + "So yes, we had a great quarter in ads. "
    )
    assert read_words(answer + "Revenues grew by 38% year-over-year in dollars.") == ()
    (read,) = read_words(answer + "Total revenue grew by 38% year-over-year in dollars.")
    assert (read.subject, round((read.value or 0.0) * 100)) == (COMPANY, 38)  # a whole named
    (read,) = read_words("John Smith - CEO: Revenues grew by 38% year-over-year in dollars.")
    assert (read.subject, round((read.value or 0.0) * 100)) == (COMPANY, 38)  # no question yet


def test_an_answers_growth_of_a_part_the_question_named_with_another_measure() -> None:
    assert read_words(_QUESTION + "Actually, you can see the Unified SASE grew 40%.") == ()
    asked_of_revenue = _QUESTION.replace("billings", "revenue")
    (read,) = read_words(asked_of_revenue + "Actually, you can see the Unified SASE grew 40%.")
    assert (read.subject, round((read.value or 0.0) * 100)) == ("Unified SASE", 40)
