"""The thirty-fifth round's rules, found by where the reader drops the shares and growths of
every set it was scored on (the kind it read worst, shares, first): a share named by its noun
("the share of revenue from X was 48%"), a share said in a relative clause of its part ("gold,
which represents 75% of sales"), a verb of change with an adverb before its "to", a penetration
grown to its level, a breakdown headed by its verb, and a change said as the noun revenue hangs
on ("The increase in net revenue of 28%"); and guidance moved with its way said after it
("we moved our guidance up") or by the act's noun ("our lowering of our outlook"). Made-up
sentences, each beside what it states as test_read_words_classes.py writes it ([] where nothing
may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalyst_tui.reading.words import read_words
from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "a share named by its noun: 'the share of revenue from X was N%' is X's": [
        (
            "As a result, the share of segment revenue derived from defense programs grew to "
            "over 48% during the quarter.",
            ["share 48 > : defense programs"],
        ),
        (
            "During the quarter, the percentage of coastal revenues under term contracts was "
            "approximately 80%.",
            ["share 80 ~ : term contracts"],
        ),
        ("The share of digital sales was 30% this quarter.", ["share 30 : digital"]),
        # no part, a period, no revenue, another clause, a growth, a cause: nothing
        ("The share of revenue was 30%.", []),
        ("The share of revenue in the fourth quarter was 30%.", []),
        ("The share of gross profit from services was 30%.", []),
        ("The percentage of revenue we expect from services is 30%.", []),
        ("The share of revenue from higher prices was 30%.", []),
    ],
    "a share said in a relative clause is its antecedent's": [
        (
            "Moving to ammonium sulfate, which represented nearly 20% of our total sales in the "
            "quarter, we saw seasonal strength.",
            ["share 20 ~ : ammonium sulfate"],
        ),
        (
            "In total, residential pest control, which made up 45% of our revenue, was up 11%.",
            ["share 45 : residential pest control", "growth 11 : residential pest control"],
        ),
        (
            "This was due to the faster growth of online courses, which accounted for 32% of "
            "total revenue in the quarter.",
            ["share 32 : online courses"],
        ),
        # a measure that is no revenue, or a clause of its own before it: as before
        ("Operating income, which represented 20% of revenue, grew.", []),
        (
            "Our largest market in the Northern segment is the U.K., which represented 38% of "
            "segment revenue in the quarter.",
            ["share 38 : U.K."],
        ),
    ],
    "a verb of change with an adverb before its 'to' says a share's level": [
        (
            "High-end display sales increased sequentially to 78% of total sales.",
            ["share 78 : display"],
        ),
        ("Software sales grew further to 40% of revenue.", ["share 40 : Software"]),
        # with no whole, a growth's "to" is no share
        ("Software sales increased sequentially to $40 million.", []),
    ],
    "a channel's penetration grown to its level": [
        ("Digital penetration grew to 45%.", ["share 45 : Digital"]),
        (
            "E-commerce penetration rose to 45% of our retail sales, up from 38% in the third "
            "quarter.",
            ["share 45 : E-commerce", "share 38 : E-commerce"],
        ),
        # a count of buyers is no channel's share
        ("Household penetration grew to 45%.", []),
    ],
    "a breakdown headed by its verb: 'the breakdown was X at N%; Y, N%'": [
        (
            "The revenue breakdown by industry was retail at 25%; financial services, 20%; "
            "telco at 16%; and other at 39%.",
            [
                "share 25 : retail",
                "share 20 : financial services",
                "share 16 : telco",
                "share 39 : other",
            ],
        ),
        (
            "Our revenue mix was software at 60% and services at 40%.",
            ["share 60 : software", "share 40 : services"],
        ),
        # a mix of costs, or a figure first: as before
        ("Our cost mix was labor at 60% and materials at 40%.", []),
        (
            "The current mix of the business is around 35% software, 30% storage, services 35%.",
            ["share 35 ~ : software", "share 30 : storage", "share 35 : services"],
        ),
    ],
    "a change said as the noun revenue hangs on is revenue's": [
        (
            "The increase in net revenue of 28% was primarily driven by volume growth.",
            ["growth 28 : company"],
        ),
        ("Our organic revenue increase was 12% in the quarter.", ["growth 12 : company"]),
        (
            "The consolidated sales increase was driven by a 5% increase at defense and a 10% "
            "increase at fire & emergency.",
            # the first item, after "driven by a", is still left unread
            ["growth 10 : fire & emergency"],
        ),
        # a change of what is no revenue
        ("The increase in orders of 28% was strong.", []),
        ("Revenue grew, driven by a 7% increase at a faster pace than expected.", ["alt 7"]),
    ],
    "guidance moved with its way said after it ('moved our guidance up')": [
        ("And that is why we moved our guidance up a little bit.", ["guidance raised"]),
        (
            "Our strong results are allowing us to update guidance upward.",
            ["guidance raised"],
        ),
        ("We took the low end of our outlook down by $0.05.", ["guidance cut"]),
        # no way said, another's view, or negated: nothing
        ("We are updating our guidance to reflect the acquisition.", []),
        ("We moved our expectations of the market down.", []),
        ("We will not move our guidance up until the deal closes.", []),
        ("We'll move our guidance up next quarter.", []),
        ("He is optimistic that we can even move that expectation up a bit.", []),
    ],
    "guidance moved said by the act's noun ('our lowering of our outlook')": [
        (
            "Our lowering of our full-year revenue outlook is driven by headwinds in one segment.",
            ["guidance cut"],
        ),
        ("The raising of our guidance reflects the strong quarter.", ["guidance raised"]),
        # the lowering of something else
        ("The lowering of interest rates will help our outlook.", []),
        ("The lowering of the interest rates will help our outlook.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_thirty_fifth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)


_PARTS = ("retail", "software", "services", "telco", "auto", "healthcare", "industrial", "energy")


@given(
    st.lists(st.integers(min_value=1, max_value=60), min_size=2, max_size=5),
    st.sampled_from(["breakdown by industry", "mix", "split by channel"]),
    st.sampled_from([" at ", ", "]),
    st.sampled_from(["; ", ", "]),
)
def test_a_breakdown_headed_by_its_verb_gives_each_part_its_own_figure(
    figures: list[int], head: str, joined: str, between: str
) -> None:
    """A law: whatever its parts' figures, the word that heads it and how items are written, a
    breakdown headed by its verb gives each part the figure said beside it and no other, so its
    shares stand within their parts (each at most 100%, their sum as said)."""
    parts = _PARTS[: len(figures)]
    items = [f"{part}{joined}{figure}%" for part, figure in zip(parts, figures, strict=True)]
    text = f"The revenue {head} was {between.join(items[:-1])}{between}and {items[-1]}."
    read = [(s.kind, s.subject, round((s.value or 0) * 100)) for s in read_words(text)]
    assert read == [("share", part, figure) for part, figure in zip(parts, figures, strict=True)]
