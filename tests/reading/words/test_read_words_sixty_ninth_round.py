"""The sixty-ninth round's rules, found on a set of calls published whole labelled blind in the
sixty-eighth round and kept unread until this one (BY), and on the reader's changed reads over
ECTSum:

- guidance named, then "which we are now raising" (an adverb or two between the speaker and the
  verb: "now", "also", "again", "further", "today") is guidance raised, as "which we are raising";
- lapses and persistency (policies kept or let go) and premiums written are no revenue: an
  insurer's revenue is the premiums it earns ("Net premiums earned grew 8%" is read as before).

Made-up sentences, each beside what it states as test_read_words_classes.py writes it ([] where
nothing may be read), with a counterexample the rule must leave as it was."""

from __future__ import annotations

import pytest

from tests.reading.words.test_read_words_classes import _check, by_rule

RULES: dict[str, list[tuple[str, list[str]]]] = {
    "guidance, which we are now raising": [
        (
            "Through nine months we've achieved nearly 75% of our full year 2021 EPS guidance, "
            "which we are now raising to $2.26 to $2.30.",
            ["guidance raised"],
        ),
        (
            "Our revenue guidance, which we are also reaffirming today, stands at $4 billion.",
            ["guidance reiterated"],
        ),
        ("Our revenue guidance, which we now expect to exceed, stands at $4 billion.", []),
    ],
    "lapses, persistency and premiums written": [
        (
            "Policy lapses in the quarter were an estimated 25% lower than 2019, while "
            "persistency improved 3%.",
            [],
        ),
        (
            "Beginning with Commercial Lines, which generated net written premium growth of 8% in "
            "the quarter.",
            [],
        ),
        ("Gross premiums written in reinsurance were up 40% over the second quarter of 2020.", []),
    ],
}


@pytest.mark.parametrize(("text", "expected"), by_rule(RULES))
def test_the_sixty_ninth_rounds_rules(text: str, expected: list[str]) -> None:
    _check(text, expected)
