"""Evidence with a stance, on hand-written passages of each kind: each supports, challenges or
breaks its checkpoint, with the words that decided it (thesis/stance.py)."""

from __future__ import annotations

import pytest

from catalyst_tui.thesis.stance import Stance, classify


@pytest.mark.parametrize(
    ("passage", "stance", "words"),
    [
        ("Scorpio became our largest product line in the fourth quarter.", "supports", ()),
        ("Scorpio X-Series shipments ramped to volume production.", "supports", ()),
        ("The NPO program remains on schedule and is not delayed.", "supports", ("not", "delayed")),
        ("There was no delay in the Scorpio X ramp.", "supports", ("no", "delay")),
        ("There is no doubt Scorpio is now our largest line.", "supports", ()),
        ("Scorpio did not become our largest product line in 2026.", "challenges", ("not",)),
        ("Scorpio didn't reach volume in the quarter.", "challenges", ("didn't",)),
        (
            "Volume production of Scorpio X was delayed to the second half.",
            "challenges",
            ("delayed",),
        ),
        (
            "The customer pushed out its rack deployment by two quarters.",
            "challenges",
            ("pushed out",),
        ),
        ("Scorpio revenue came in below our expectations.", "challenges", ("below",)),
        ("Scorpio didn’t reach volume in the quarter.", "challenges", ("didn’t",)),
        ("We never shipped the NPO chipset in volume.", "challenges", ("never",)),
        ("The hyperscaler program was cancelled after the evaluation.", "breaks", ("cancelled",)),
        ("We lost the design win at the second hyperscaler.", "breaks", ("lost",)),
        ("Scorpio is no longer part of the rack design.", "breaks", ("no longer",)),
    ],
)
def test_each_passage_has_its_stance_and_the_words_that_decided_it(passage, stance, words):
    found = classify(passage)
    assert (found.stance, found.words) == (Stance(stance), words)


def test_a_break_outweighs_a_challenge_in_the_same_passage():
    found = classify("The launch was delayed and then cancelled.")
    assert (found.stance, found.words) == (Stance.BREAKS, ("cancelled",))
