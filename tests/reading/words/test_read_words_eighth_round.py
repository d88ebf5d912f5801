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
