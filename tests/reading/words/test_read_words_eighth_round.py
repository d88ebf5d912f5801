"""The eighth round's classes of calls never seen (guidance said in other words, a part's
growth said in other words): made-up sentences, each beside what it states as
test_read_words_classes.py writes it, or nothing where no rule says whose a figure is or that
guidance moved."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

# Verbs of guidance the earlier rounds did not know, and their traps.
GUIDANCE_VERBS: dict[str, list[tuple[str, list[str]]]] = {
    "a forecast of ours improved or upgraded is raised": [
        ("We are improving our revenue outlook for the year.", ["guidance raised"]),
        ("We think it right to upgrade those expectations today.", ["guidance raised"]),
        # an outlook said improved, as an adjective, is no act
        ("Costs rose with our improved financial outlook.", []),
        ("We see a path to improving our sales for the fourth quarter.", []),
        # a long-term outlook is a view of a business over years, no guidance for a period
        ("New markets have improved our longer-term outlook of the pipeline business.", []),
    ],
    "affirmed, reconfirmed or held to is reiterated": [
        ("We are affirming that guidance.", ["guidance reiterated"]),
        ("We are reconfirming our full year outlook.", ["guidance reiterated"]),
        ("We are holding to our Investor Day guidance for margins.", ["guidance reiterated"]),
    ],
    "guidance established, or now able to be given, for a period is introduced": [
        ("We are now able to provide guidance for fiscal 2023.", ["guidance introduced"]),
        (
            "This gives us the confidence to establish guidance for the year.",
            ["guidance introduced"],
        ),
        # guidance to be given again later is none begun now
        ("We expect to reinstate annual guidance early next year.", []),
        ("We are not able to provide guidance for 2023.", []),
    ],
    "guidance, which has been moved, in the passive": [
        (
            "We announced our revised full year guidance, which has been increased to $2.10.",
            ["guidance raised"],
        ),
    ],
    "guidance revised upwards or downwards": [
        ("We revised our full year EPS guidance upwards to $1.90 to $2.", ["guidance raised"]),
        ("We revised our full year EPS guidance downwards to $1.50.", ["guidance cut"]),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(GUIDANCE_VERBS))
def test_guidance_moved_by_verbs_in_other_words(text: str, expected: list[str]) -> None:
    _check(text, expected)


# Guidance moved or standing said with no verb of the company's, and their traps.
GUIDANCE_NOUNS: dict[str, list[tuple[str, list[str]]]] = {
    "a noun of the change after the guidance": [
        ("Our guidance raise is broad-based across the business.", ["guidance raised"]),
        ("This guidance increase reflects our strong balance sheet.", ["guidance raised"]),
    ],
    "a noun of the change before the guidance": [
        ("The range includes an increase in beer operating income guidance.", ["guidance raised"]),
        ("The increase in our top line guidance is due to shipments.", ["guidance raised"]),
        ("This is a $0.40 improvement in our earnings per share guidance.", ["guidance raised"]),
        ("I will close with a positive update to our guidance for the year.", ["guidance raised"]),
        # someone else's view of a market is no guidance of ours
        ("We see an increase in our outlook for the market this year.", []),
    ],
    "ours said higher": [
        ("This higher guidance reflects the momentum of the base business.", ["guidance raised"]),
    ],
    "a forecast set against the initial outlook": [
        (
            "Revenue for the year is now estimated to be $5.9 billion or $175 million above "
            "our initial outlook.",
            ["guidance raised"],
        ),
        (
            "Free cash flow is now expected to be $1 billion and down $20 million from our "
            "initial outlook.",
            ["guidance cut"],
        ),
        # a result set against it is no guidance moved
        ("Revenue was $175 million above our initial outlook.", []),
    ],
    "guidance said unchanged with no determiner": [
        ("Capex guidance is also unchanged.", ["guidance reiterated"]),
        ("Guidance for the other items remains materially unchanged.", ["guidance reiterated"]),
        ("Our guidance for operating expenses hasn't changed.", ["guidance reiterated"]),
        ("Our revised guidance for other items is unchanged from the one we gave in May.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(GUIDANCE_NOUNS))
def test_guidance_moved_or_standing_said_with_no_verb(text: str, expected: list[str]) -> None:
    _check(text, expected)


# Growth said of two parts at once.
GROWTH_OF_TWO: dict[str, list[tuple[str, list[str]]]] = {
    "two revenues named together, then both or each, give each the figure": [
        (
            "Surgery and Peripheral Intervention revenues are both up 8%.",
            ["growth 8 : Surgery", "growth 8 : Peripheral Intervention"],
        ),
        (
            "Europe and Asia sales were each down about 20% year over year.",
            ["growth -20 ~ yoy : Europe", "growth -20 ~ yoy : Asia"],
        ),
        # two measures that are no revenue give nothing; two names with no revenue said are
        # read as each would be alone ("Cisco grew 20%"), as parts (round 29)
        ("EBITDA and EPS were both up 20%.", []),
        ("Cisco and Lumentum both grew 20%.", ["growth 20 : Cisco", "growth 20 : Lumentum"]),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(GROWTH_OF_TWO))
def test_growth_said_of_two_parts_at_once(text: str, expected: list[str]) -> None:
    _check(text, expected)
