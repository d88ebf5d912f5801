"""The seventeenth round's rules. Made-up sentences (a few of several sentences, where the rule
reads a passage), each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.reading.words import read_words
from catalyst_tui.reading.words.passages import Passages, line_name
from catalyst_tui.reading.words.sentences import sentence_spans
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a line named with no measure after sentences that named revenue alone is a revenue line": [
        (
            "Revenue in Europe increased 17% organically. Industrial refrigeration grew 20% in "
            "the quarter.",
            ["growth 17 : Europe", "growth 20 : Industrial refrigeration"],
        ),
        (
            "Organic sales declined 17% versus the prior year. Regionally, the Americas led the "
            "decline. By end market, the results were driven by energy, which was down 29% "
            "year-over-year, given the drop in oil prices.",
            ["growth -17 yoy : company", "growth -29 yoy : energy"],
        ),
        (
            "Net sales grew 9% in the quarter. General engineering and earthworks were down 17% "
            "and 6%, respectively.",
            ["growth 9 : company", "growth -17 : General engineering", "growth -6 : earthworks"],
        ),
        # another measure named before, alone or beside revenue, ends the passage
        (
            "Orders in North America grew 18% versus the prior year. Industrial refrigeration "
            "grew 20%.",
            [],
        ),
        (
            "Revenue grew 5% and margins expanded 40 basis points. Industrial refrigeration grew "
            "20%.",
            ["growth 5 : company"],
        ),
        # so do a question, and four sentences with no measure
        (
            "Revenue grew 5%. What drove refrigeration? Industrial refrigeration grew 20%.",
            ["growth 5 : company"],
        ),
        (
            "Revenue grew 5%. We opened a plant. We hired a team. We moved offices. Industrial "
            "refrigeration grew 20%.",
            ["growth 5 : company"],
        ),
        # a count, a verb or a pronoun is no line's name
        (
            "Revenue grew 5%. Total daily circulation declined 4.5% in the quarter.",
            ["growth 5 : company"],
        ),
        (
            "Revenue grew 5%. Owner reservations are up 10% compared to 2019.",
            ["growth 5 : company"],
        ),
        ("Revenue grew 5%. Rebates and incentives were up 38%.", ["growth 5 : company"]),
    ],
    "whose a figure is, said around it": [
        # a clause between the figures names the second one's subject
        (
            "Finally, industrial and other revenue grew 23% in the fourth quarter, while weakness "
            "in the food-away-from-home channel continued and was down 27%.",
            ["growth 23 : industrial and other", "growth -27 : food-away-from-home channel"],
        ),
        ("Revenue grew 23%, while margins contracted and were down 2%.", ["growth 23 : company"]),
        # "organic revenue" after a part named in its sentence is the part's
        (
            "Cloud and Security revenue was $471 million and organic revenue was down 12.2%.",
            ["growth -12.2 : Cloud and Security"],
        ),
        (
            "Asia-Pacific net sales grew 1% and organic sales declined 0.5% in the quarter.",
            ["growth 1 : Asia-Pacific", "growth -0.5 : Asia-Pacific"],
        ),
        (
            "Total revenue grew 7% and organic revenue grew 5%.",
            [
                "growth 7 : company",
                "growth 5 : company",
            ],
        ),
        # a line named before "where revenues", whatever its word
        (
            "Moving now to circulation, where revenues decreased 9.2% compared to the prior year.",
            ["growth -9.2 yoy : circulation"],
        ),
        # a frame's part, where its clause opens with the figure
        (
            "Lastly, for Process Technologies, a 21% organic decline, with margins holding up "
            "well at 31.3%.",
            ["growth -21 : Process Technologies"],
        ),
        (
            "For Measurement & Analytical Solutions, plus 1% organic growth, as we start to see "
            "some recovery.",
            ["growth 1 : Measurement & Analytical Solutions"],
        ),
        ("For the full year, 8% organic growth was achieved.", []),
        # an amount of revenue, then "that's up"
        (
            "We reported consolidated net sales of $2.2 billion for the quarter, that's up 16% "
            "over 2020.",
            ["growth 16 yoy : company"],
        ),
        ("Cloud sales of $20 million, which is up 16% over 2020.", ["growth 16 yoy : Cloud"]),
        # the antecedent of "which" after a verb of being is the phrase after the verb
        (
            "A final highlight that helped drive results was e-commerce, which now represents "
            "about 11% of revenue.",
            ["share 11 ~ : e-commerce"],
        ),
        (
            "Our Q2 ARR was $678 million, which was up 30% year over year.",
            ["growth 30 yoy : ARR"],
        ),
        # a Roman numeral after a name is no one speaking
        (
            "Group I, which represented approximately 20% of revenue in Q3, continued to show "
            "resilience.",
            ["share 20 ~ : Group I"],
        ),
        ("Revenue I think grew 5%.", []),
    ],
    "words that qualify a figure without naming whose it is": [
        # what "excluding" leaves out is no measure of the figure
        (
            "Fourth quarter net revenues excluding these proceeds were up 4% driven by growth "
            "projects.",
            ["growth 4 : company"],
        ),
        ("Fourth quarter revenue excluding costs was up 4%.", ["growth 4 : company"]),
        ("Fourth quarter margin was up 4%.", []),
        # a growth said at its pace
        ("Revenue grew at a rate of 7%.", ["growth 7 : company"]),
        (
            "Non-GAAP maintenance revenue grew at a rate of 7%, reaching over $478 million.",
            ["growth 7 : maintenance"],
        ),
        ("Our tax rate increased at a rate of 7%.", []),
        # a magnitude in words before the figure
        (
            "Our MSP business again delivered double-digit 15% growth in the fourth quarter.",
            ["growth 15 : MSP business"],
        ),
        # a verb of change before "up" or "down" is the subject's
        (
            "Commercial HVAC sales improved significantly up more than 20%.",
            ["growth 20 > : Commercial HVAC"],
        ),
        # the figure that opens "The 8.1% increase in organic net sales was …"
        (
            "The 8.1% increase in organic net sales was primarily driven by a 6.6% increase in "
            "volume.",
            ["growth 8.1 : company"],
        ),
        (
            "In terms of our industrial business, core industrial did very well with a 27% "
            "increase in sales.",
            [],
        ),
    ],
    "what a figure is said beside": [
        # "organic" said for organic growth, and a figure "with" another after it
        (
            "Commercial Risk delivered 9% organic, an outstanding result.",
            ["growth 9 : Commercial Risk"],
        ),
        ("Lastly, we have termite, which grew 13.6% with 10.1% organic.", []),
        (
            "Termite revenue grew 13.6% with 10.1% organic.",
            [
                "growth 13.6 : Termite",
                "alt 10.1",
            ],
        ),
        # talk before the sales; a sentence's opening "and"; "then"
        (
            "Starting with the topline, you see that sales were $1.415 billion, up $130 million "
            "or almost 8% from the prior year period.",
            ["growth 8 ~ yoy : company"],
        ),
        ("And transactions organic revenue increased 10%.", ["growth 10 : transactions"]),
        # revenue sharing one verb and figure with another measure has it (the thirty-eighth round)
        ("Orders and revenue grew 10%.", ["growth 10 : company"]),
        # a noun of change in a line named in lower case, then "of"; a list's "and B of"
        (
            "Sales declined 17% versus the prior year. We still experienced year-over-year "
            "declines in transportation of 21% and general engineering of 20%.",
            [
                "growth -17 yoy : company",
                "growth -21 yoy : transportation",
                "growth -20 yoy : general engineering",
            ],
        ),
        ("We saw a decline in volume of 5%.", []),
        ("Our businesses drove growth in excess of 20% again this quarter.", []),
        (
            "We had a record quarter highlighted by a 35% increase in revenue, and a return on "
            "equity of 27%.",
            ["growth 35 : company"],
        ),
        # a part's performance names the part (its quarter's results, opening a call, name the
        # company: "an overview of Baxter's third quarter performance")
        (
            "Legal's performance was again impressive with organic revenue growth of 6%.",
            ["growth 6 : Legal"],
        ),
        # a frame of a way of measuring, an ordinal quarter, a participle's frame
        (
            "In constant dollars, net sales were up 15%, with 17% growth in food.",
            ["growth 15 : company", "growth 17 : food"],
        ),
        (
            "Financially, we delivered record 3rd quarter revenue of $2.2 billion, an increase of "
            "16% compared with the same period last year.",
            ["growth 16 yoy : company"],
        ),
        (
            "Normalizing for the inclusion of the acquisition, pro forma revenue was up 3% year "
            "over year.",
            ["growth 3 yoy : company"],
        ),
        # a selling week is no expense of selling
        (
            "Excluding the benefit of the extra selling week last year, net sales increased 28%.",
            ["growth 28 : company"],
        ),
        ("Selling expenses increased 12%.", []),
        # "which accounts for" is a verb, no measure
        (
            "Equipment parts and service sales, which accounts for 8% of the segment, were up 40% "
            "in the quarter.",
            ["growth 40 : Equipment parts and service"],
        ),
        # a list of shares of several wholes
        (
            "Digital comprised 36% of transactions and 24% of revenues for the C2C segment.",
            ["share 24 : Digital"],
        ),
        ("Digital comprised 36% of revenue and 24% of profit.", ["share 36 : Digital"]),
        # a figure that names its own kind of revenue goes on no list: it is that kind's
        (
            "We delivered 20% total revenue growth and 39% recurring revenue growth.",
            ["growth 20 : company", "growth 39 : recurring"],
        ),
        # what aided a growth ends the words of its basis
        (
            "Total revenue grew 16%, with underlying trends aided by sequential improvement in "
            "retail.",
            ["growth 16 : company"],
        ),
    ],
    "a number of the company's parts is no one part": [
        (
            "Four of our five business segments again recorded organic revenue growth of 6% or "
            "greater.",
            [],
        ),
        ("In many of these markets, sales increased 16.3% on an organic basis.", []),
        ("Our five business segments grew revenue; total revenue grew 6%.", ["growth 6 : company"]),
    ],
    "a channel's penetration is its share of sales; a habit hedges no share": [
        ("Our 21% e-commerce penetration is a new record.", ["share 21 : e-commerce"]),
        ("Year-to-date, digital penetration is 35%.", ["share 35 : digital"]),
        ("Digital sales penetration rate was 19.8%.", ["share 19.8 : Digital"]),
        (
            "For the full year, e-commerce penetration approached 13%.",
            ["share 13 ~ : e-commerce"],
        ),
        (
            "By channel, digital grew more than 35% compared to prior year, reaching 30% "
            "penetration.",
            ["share 30 : digital", "growth 35 > yoy : digital"],
        ),
        # a count of buyers or of payments is no channel's share
        ("Our household penetration is 35%.", []),
        ("Loyalty penetration increased 2 percentage points to 65% of sales.", []),
        ("Cash penetration was 42.6% compared with 42.2% a year ago.", []),
        ("Our U.S. eCommerce penetration is forecasted to be nearly 40% this year.", []),
        # a habit hedges no share of revenue, but still a growth
        (
            "Our Texas operations, which typically represent around 40% of our total revenues, "
            "were impacted.",
            ["share 40 ~ : Texas operations"],
        ),
        ("Our Texas sales typically grow 5% a quarter.", []),
        # a share of its own year's sales in a part of the year is a season's weight
        (
            "Historically, Crisco generated about 20% of its full year net sales in the April to "
            "June period.",
            [],
        ),
    ],
    "a change in points set beside a growth keeps its own basis": [
        (
            "Europe also improved significantly, down only 8%, a sequential improvement of almost "
            "30 percentage points.",
            ["growth -8 : Europe"],
        ),
        ("Europe was down 8% sequentially.", ["growth -8 sequential : Europe"]),
    ],
    "guidance raised by the noun, given again, set, or said as it was": [
        ("This is our third consecutive raise this year.", ["guidance raised"]),
        (
            "While the new guidance reflects the acquisition, the bulk of this raise is organic.",
            ["guidance raised"],
        ),
        ("We returned to the preferred market for our second raise in 2021.", []),
        ("The price raise helped margins.", []),
        (
            "Given the recovery and confidence we have, we are returning to giving guidance.",
            ["guidance introduced"],
        ),
        ("We expect to return to providing guidance once there's further clarity.", []),
        (
            "Accordingly, we have set capex guidance of $230 million to $240 million.",
            ["guidance introduced"],
        ),
        ("We have set ourselves up well against our outlook.", []),
        (
            "About 90 days ago, we provided guidance for the first time since the pandemic began.",
            ["guidance introduced"],
        ),
        ("We provided guidance last quarter.", []),
        (
            "In line with our prior November guidance, we still expect this amount to be in the "
            "$800 million area.",
            ["guidance reiterated"],
        ),
        (
            "We also still expect LEAP revenue to be in-line with prior expectations.",
            ["guidance reiterated"],
        ),
        (
            "We continue to project the tax rate in the high 17% range, which is consistent with "
            "our prior guidance.",
            ["guidance reiterated"],
        ),
        ("Revenue was consistent with our prior guidance.", []),
        (
            "Consistent with our prior guidance, we do not expect this offering to contribute "
            "materially.",
            [],
        ),
        (
            "We then expect to return to the typical 2% range by 2023, consistent with our "
            "previous expectations.",
            [],
        ),
        (
            "Earnings per share are expected to be $9.75 to $10, an increase of $0.75 at the "
            "midpoint from our prior outlook.",
            ["guidance raised"],
        ),
        ("This is down $0.08 at the midpoint from our previous guidance.", ["guidance cut"]),
        (
            "I'd like to provide an update on our full-year financial outlook, which we are "
            "downwardly revising based on supply chain disruptions.",
            ["guidance cut"],
        ),
    ],
    "the eighteenth round's: a hyphened word, an exclusion, guidance by its range": [
        (
            "Digital-only subscriber growth yielded 27% growth in digital-only revenue.",
            ["growth 27 : digital-only"],
        ),
        (
            "The organic decline was minus 1%, but if you take out aerospace and look at the "
            "industrial only, industrial segment grew organically almost 4%.",
            ["growth 4 ~ : industrial segment"],
        ),
        ("If revenue grows 5%, margins expand.", []),
        (
            "We're keeping our sales volume ranges for 2020 unchanged for both segments.",
            ["guidance reiterated"],
        ),
        ("The higher content ranges from 10% to 15% in mid-range devices.", []),
        ("We are reiterating our earnings framework for the year.", ["guidance reiterated"]),
        (
            "These are meaningful increases compared to our prior outlook of up 55%.",
            ["guidance raised"],
        ),
        (
            "We are therefore also improving the structured issuance outlook to be up 30%.",
            ["guidance raised"],
        ),
        (
            "We have narrowed our guidance for service revenues to a range of $3.025 billion to "
            "$3.075 billion, maintaining the midpoint.",
            ["guidance reiterated"],
        ),
        (
            "For adjusted operating income, we have both increased the midpoint and narrowed the "
            "range.",
            ["guidance raised"],
        ),
        ("At the midpoint, this represents 20% growth.", []),
        (
            "We expect Capex in 2021 to be around $600 million, which is less than our original "
            "plan.",
            ["guidance cut"],
        ),
        ("Revenue was less than our original plan.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_seventeenth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_a_line_name_holds_no_measure_verb_or_pronoun() -> None:
    assert line_name("Industrial refrigeration")
    assert line_name("Non-resi construction")
    for name in (
        "circulation",
        "Americas grew",
        "that activity",
        "putting",
        "end",
        "stores",
        "ramp Blackwell architecture",
    ):
        assert not line_name(name), name


def test_a_passage_lasts_three_sentences_and_ends_at_another_measure() -> None:
    text = (
        "Revenue grew 5%. A grew 1%. B grew 2%. C grew 3%. D grew 4%. Orders grew 9%. E grew 5%. "
        "Revenue grew 5%. Is F up? F grew 6%."
    )
    spans = list(sentence_spans(text))
    passages = Passages(text, spans)
    kept = [text[s:e].split()[0] for i, (s, e) in enumerate(spans) if passages.revenue_in_force(i)]
    assert kept == ["A", "B", "C"]


# Names of two words, the second in lower case: no proper name read alone (a capitalised word
# alone, "Hospitality grew 1%", is read as a name wherever it stands).
_LINES = ["Industrial refrigeration", "Food retail", "Styling tools", "Hair care", "Meal prep"]


@given(
    lines=st.lists(st.sampled_from(_LINES), min_size=1, max_size=3, unique=True),
    values=st.lists(st.integers(1, 90), min_size=3, max_size=3),
    measure=st.sampled_from(["Revenue", "Net sales", "Orders", "Operating margin", "Volume"]),
)
def test_a_passage_gives_its_lines_the_measure_named_before_them(
    lines: list[str], values: list[int], measure: str
) -> None:
    """Law: after "Revenue grew 4%." each line named alone in the next sentences is a revenue
    line with its own figure; after another measure ("Orders grew 4%.") none is."""
    said = [f"{line} grew {value}%." for line, value in zip(lines, values, strict=False)]
    text = " ".join([f"{measure} grew 4%.", *said])
    read = [(s.subject, round((s.value or 0) * 100)) for s in read_words(text) if s.subject]
    lines_read = [r for r in read if r[0] in _LINES]
    if measure in ("Revenue", "Net sales"):
        assert lines_read == [(line, v) for line, v in zip(lines, values, strict=False)]
    else:
        assert lines_read == []
