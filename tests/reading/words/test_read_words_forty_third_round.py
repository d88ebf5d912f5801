"""The forty-third round's rules, found on the calls the forty-second round had scored unread
(set Q), once scored, and on the sets read before:

- the examples that follow a sentence of a counted measure of another kind (volume, orders) are
  that measure's;
- a figure said on a consumption basis is what consumers bought, no revenue;
- a growth set on top of the same period's growth a year before ("in Q3 of last year") is that
  period's own;
- a motion verb ("went up", "moved up") ends a name;
- a part that "drives" a share of sales is that share, where buyers named by a letter
  ("Customer A and B") are no part;
- a relative clause with a time before its verb ("which in 2020 drove") is its antecedent's;
- organic growth is of sales beside other measures, where no part is named beside it;
- a frame of discourse ("On the other hand,", "On balance,") names no part;
- what drove a subject, set between it and its verb ("Europe, driven by Germany, grew 12%"), is
  no subject;
- revenue alone after a sentence that only turns to a named part ("Turning to our Aerospace
  segment. Sales were up 9%.") is the part's, not the company's (since rule 130 given to none:
  the sentence does not name the part).

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.words import COMPANY, read_words
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "the examples after a sentence of another counted measure are that measure's": [
        (
            "Retail growth was broad-based, highlighted by strong volume performances across "
            "our brands. A few examples include: branded chicken, up 10.7%; Hillshire "
            "Snacking grew by 12.5% and Aidells sausage went up 7.2%.",
            [],
        ),
        (
            "Shipments were strong in every region. For example, Europe grew 6% and Asia 4%.",
            [],
        ),
        # a sentence of revenue before the examples leaves them revenue's; examples that name
        # revenue are revenue's; examples after another speaker's words are no one's passage
        (
            "Revenue was strong in every region. For example, Europe grew 6%.",
            ["growth 6 : Europe"],
        ),
        (
            "Volume was strong in every region. For example, revenue in Europe grew 6%.",
            ["growth 6 : Europe"],
        ),
        ("Volumes were strong. Europe grew 6%.", ["growth 6 : Europe"]),
        # the examples alone are the measure's, and a measure named as a cause has no examples
        (
            "Shipments were strong in every region. For example, Europe grew 6%. Asia grew 4%.",
            ["growth 4 : Asia"],
        ),
        (
            "Momentum was good, driven by a strong order book and backlog. For example, Europe "
            "grew 6%.",
            ["growth 6 : Europe"],
        ),
    ],
    "a figure on a consumption basis is no revenue": [
        ("On a consumption basis, our namesake brand grew 8% in the U.S. this quarter.", []),
        ("Our brand grew 8% on a consumption basis in the U.S.", []),
        # revenue of consumption is revenue
        ("Consumption revenue grew 29% year over year.", ["growth 29 yoy : Consumption"]),
        (
            "Product revenue grew 29% year over year, driven by consumption.",
            ["growth 29 yoy : Product"],
        ),
    ],
    "a growth on top of a period's growth a year before is that period's": [
        (
            "Q3 net sales grew 38% year-over-year on top of 31% growth in Q3 of last year.",
            ["growth 38 yoy : company", "growth 31 : company"],
        ),
        (
            "Sales grew 6% on top of 9% growth in the fourth quarter of the prior year.",
            ["growth 6 : company", "growth 9 : company"],
        ),
        # a growth in anything else is none of ours
        (
            "Sales grew 6% on top of 9% growth in the fourth quarter in the market.",
            ["growth 6 : company"],
        ),
    ],
    "a motion verb ends a name": [
        (
            "Hillshire Snacking grew by 12.5% and Aidells sausage went up 7.2%.",
            ["growth 12.5 : Hillshire Snacking", "growth 7.2 : Aidells sausage"],
        ),
        (
            "Hillshire Snacking grew by 12.5% and Aidells sausage moved up 7.2%.",
            ["growth 12.5 : Hillshire Snacking", "growth 7.2 : Aidells sausage"],
        ),
    ],
    "a part that drives a share of sales is that share": [
        (
            "For context, international drives approximately 20% of our net sales as compared "
            "to legacy peers having over 70%.",
            ["share 20 ~ : international"],
        ),
        ("The U.S. business drove 60% of revenue in the quarter.", ["share 60 : U.S. business"]),
        # a share of growth is none of sales; buyers named by a letter are theirs, no part
        ("Customer A and B drove 16% and 26% of our overall business.", []),
        ("Customer A and B accounted for 16% and 26% of our overall business.", []),
        ("International drove 20% of our growth.", []),
        ("Price increases drove about 3% of our revenue growth in the quarter.", []),
    ],
    "a relative clause with a time before its verb is its antecedent's": [
        (
            "The largest is Europe, which in 2020 represented 40% of our sales.",
            ["share 40 : Europe"],
        ),
        # its antecedent unread, the clause's subject is not it
        (
            "In fact, the key to our omni-channel offering is our ScoreCard program, which in "
            "2020 drove over 70% of total sales.",
            [],
        ),
    ],
    "organic growth is of sales, beside other measures": [
        (
            "Organic growth was down 1.3% year-on-year, volume down 2.5% and pricing was up 1.2%.",
            ["growth -1.3 yoy : company"],
        ),
        # a growth of no measure beside other measures stays no one's, and organic growth of a
        # part named after it is not the company's
        (
            "Again, we saw 18% growth organic growth in quarter 4 in our Salty business and "
            "that's double-digit volume growth.",
            [],
        ),
        ("We achieved 11% growth and a 1.1 book-to-bill.", []),
        ("Organic EBITDA growth was 8%, and margins were 20%.", []),
        (
            "Continued recovery of key end markets within W&P drove organic growth of 11%, "
            "driven by volume increases.",
            [],
        ),
    ],
    "a frame of discourse names no part": [
        ("On the other hand, net sales grew 2% over the prior year.", ["growth 2 yoy : company"]),
        ("On balance, net sales grew 2% over the prior year.", ["growth 2 yoy : company"]),
        ("For the most part, net sales grew 2% over the prior year.", ["growth 2 yoy : company"]),
        # a part's frame is the part's
        (
            "In our hand tools business, net sales grew 2% over the prior year.",
            ["growth 2 yoy : hand tools business"],
        ),
    ],
    "revenue alone after a sentence that only turns to a named part is the part's: none": [
        # (rule 130: the part only the sentence before names, the figure is given to none)
        (
            "Total revenue grew 5%. Turning to our Electrical Americas segment. Revenue grew 9% "
            "organically.",
            ["growth 5 : company"],
        ),
        (
            "Total revenue grew 5%. Let's go to Slide 4 for segment results, starting with "
            "Automotive OEM. As expected, organic revenue was down 16%.",
            ["growth 5 : company"],
        ),
        (
            "Total revenue grew 5%. Next, Aerospace. Sales were up 9%.",
            ["growth 5 : company"],
        ),
        # and the sentences after it that open with revenue alone, until one names whose
        (
            "Total revenue grew 5%. Turning to Specialty Materials. Sales were down 7% "
            "sequentially. Sales were down 5% year over year. Total revenue grew 4% year over "
            "year.",
            [
                "growth 5 : company",
                "growth 4 yoy : company",
            ],
        ),
        # a sentence that opens with a named part of ours, with no figure, turns to it too
        (
            "Revenue grew 5%. Our CSS segment delivered an exceptional quarter. Sales were down "
            "2% versus prior year.",
            ["growth 5 : company"],
        ),
        (
            "Revenue grew 5%. Our segments did well. Sales were up 4%.",
            ["growth 5 : company", "growth 4 : company"],
        ),
        # a turn to a period, a slide, the outlook or the parts together names none; revenue
        # said whose, or a turn with a figure of its own, is as before
        ("Turning to the fourth quarter. Revenue grew 9%.", ["growth 9 : company"]),
        ("Turning to Slide 5. Revenue grew 9%.", ["growth 9 : company"]),
        ("Turning to our segments. Revenue grew 9%.", ["growth 9 : company"]),
        ("Moving to Aerospace. Total company revenue grew 9%.", ["growth 9 : company"]),
    ],
    "what drove a subject, set between it and its verb, is no subject": [
        ("Europe, driven by Germany, grew 12%.", ["growth 12 : Europe"]),
        ("Revenue, driven by Cloud, grew 12%.", ["growth 12 : company"]),
        (
            "Technology, dominated by data center work, was 45% of our revenue.",
            ["share 45 : Technology"],
        ),
        # set off by no commas, before the verb
        (
            "Technology dominated by data center work was 45% of our revenue, an increase from "
            "33% the prior year.",
            ["share 45 : Technology", "share 33 : Technology"],
        ),
        ("Sales led by Europe were up 5%.", ["growth 5 : company"]),
        # a relative clause after the driver is the driver's
        (
            "Strength in light commercial was driven by strong performance at Hitachi which was "
            "up over 50%.",
            ["growth 50 > : Hitachi"],
        ),
        # the driver's own clause after it is the driver's
        (
            "Revenue grew 7%, led by cloud, which grew 15%.",
            ["growth 7 : company", "growth 15 : cloud"],
        ),
    ],
    # tried and taken back: "the skin care category" as a market's lost a company's own
    # categories, named so as often ("the lodging category", "the color category")
    "a category a company names is its own": [
        ("The lodging category was down 14%.", ["growth -14 : lodging category"]),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_forty_third_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


def test_a_sentence_laid_out_in_runs_of_spaces_is_no_prose() -> None:
    """A run of 16 spaces is a table's columns laid out (no sentence of the shared recordings
    holds one), or a text made to try each space of it: not read. Such sentences took the
    forty-second round's reader 6.4 s over 100,000 characters (bench/words.py's worst input)."""
    laid_out = "Overall so" + " " * 700 + "we grew 5%, or" + " " * 700 + "x, with Europe up 4%."
    assert read_words(laid_out * 3) == ()
    # a few spaces between words are prose still
    (first, second) = read_words("Revenue grew 5%   and Europe grew 4%.")
    assert (first.value, second.subject) == (0.05, "Europe")


@pytest.mark.parametrize(
    "opening",
    ["", "And ", "And, ", "And , ", "So, ", "Now "],
)
def test_a_turn_and_examples_opened_by_a_conjunction_and_its_comma(opening: str) -> None:
    """The turn's and the examples' openings, matched with no give-back over their spaces,
    still take a conjunction with or without its comma."""
    turned = f"{opening}looking at our product orders across our geographic segments. The "
    assert read_words(turned + "Americas was up 17%.") == ()
    examples = "Shipments were strong in every region. "
    if opening.strip(" ,") in ("", "And", "So"):
        assert read_words(examples + f"{opening}for example, Europe grew 6%.") == ()


def test_a_turn_answered_after_another_speakers_question_gives_the_part_nothing() -> None:
    """Revenue alone after another speaker's words is no part's a turn named before them."""
    text = (
        "Company Participants\nJane Doe - Chief Financial Officer\nConference Call "
        "Participants\nJohn Smith - Acme Securities\nJane Doe\nTotal revenue grew 5%. Turning "
        "to our Aerospace segment.\nJohn Smith\nWhat about margins?\nJane Doe\nSales were up 9%.\n"
    )
    assert [(s.subject, s.value) for s in read_words(text)] == [(COMPANY, 0.05)]


def test_what_drove_a_subject_stops_before_a_relative_clause_of_whose() -> None:
    """ "driven by MP whose revenues improved 18%": MP's figure, never the company's (the aside
    set off by no commas ends before "whose", as before "which")."""
    read = read_words(
        "The sequential improvement in revenues was driven by MP whose revenues improved "
        "approximately 18%."
    )
    assert read and all(s.subject != COMPANY for s in read)
