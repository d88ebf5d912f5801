"""Evidence with a stance, on hand-written passages of each kind: each supports, challenges or
breaks its checkpoint, with the words that decided it (thesis/evidence/stance.py)."""

from __future__ import annotations

import pytest

from catalyst_tui.thesis.evidence.stance import Stance, classify, shown, stance_text


@pytest.mark.parametrize(
    ("passage", "stance", "words"),
    [
        # no word decides: no stance, neither for nor against
        ("Scorpio became our largest product line in the fourth quarter.", "no stance", ()),
        ("Scorpio X-Series shipments ramped to volume production.", "no stance", ()),
        ("The NPO program remains on schedule and is not delayed.", "supports", ("not", "delayed")),
        ("There was no delay in the Scorpio X ramp.", "supports", ("no", "delay")),
        ("There is no doubt Scorpio is now our largest line.", "no stance", ()),
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


@pytest.mark.parametrize(
    ("passage", "word"),
    [
        ("Scorpio revenue fell short of the largest line in the quarter.", "short of"),
        ("The NPO launch slipped to 2028.", "slipped"),
        ("The rack deployment was postponed by the customer.", "postponed"),
        ("Scorpio grew slower than the retimer line.", "slower"),
        ("Scorpio margins were lower than the company's other lines.", "lower than"),
        ("We failed to win the second hyperscaler.", "failed to"),
        ("The program is behind the schedule we set in March.", "behind"),
    ],
)
def test_each_other_word_of_delay_or_shortfall_decides_a_challenge(passage, word):
    assert classify(passage) == (Stance.CHALLENGES, (word,))


@pytest.mark.parametrize(
    ("passage", "word"),
    [
        ("The customer discontinued the Scorpio program.", "discontinued"),
        ("The NPO project was abandoned in the quarter.", "abandoned"),
        ("The supply agreement was terminated by the hyperscaler.", "terminated"),
        ("The order was canceled in October.", "canceled"),
    ],
)
def test_each_other_word_that_ends_it_decides_a_break(passage, word):
    assert classify(passage) == (Stance.BREAKS, (word,))


def test_the_stance_shown_is_the_one_you_accepted_else_the_machines_reading():
    passage = "Volume production of Scorpio X was delayed to the second half."
    assert shown(passage) == (Stance.CHALLENGES, ("delayed",))
    assert shown(passage, "challenges") == (Stance.CHALLENGES, ("delayed",))
    assert shown(passage, "breaks") == (Stance.BREAKS, ())  # accepted as read then, kept
    assert stance_text(shown(passage)) == "challenges: “delayed”"
    assert stance_text(shown("Scorpio became our largest line.")) == "no stance"
    assert stance_text(shown("Scorpio was not delayed.")) == "supports: “not”, “delayed”"


@pytest.mark.parametrize(
    ("passage", "stance", "words"),
    [
        # a negation's scope: "not cancelled" is no cancellation
        ("Scorpio revenue was not cancelled by the customer.", "supports", ("not", "cancelled")),
        # "no longer delayed" is a resolution, not an end
        ("Scorpio revenue is no longer delayed.", "supports", ("no longer", "delayed")),
        ("The ramp has not been delayed.", "supports", ("not", "delayed")),
        # a hedge or a condition decides nothing
        ("The program could be delayed if the customer postpones its build.", "no stance", ()),
        ("The order may be cancelled.", "no stance", ()),
        # a negation out of scope still decides: the cancellation stands
        ("We did not expect it, but the order was cancelled.", "breaks", ("cancelled",)),
    ],
)
def test_a_negation_turns_only_the_words_in_its_scope_and_a_hedge_decides_nothing(
    passage, stance, words
):
    assert classify(passage) == (Stance(stance), words)


def test_boilerplate_decides_nothing():
    legal = (
        "Certain statements in this press release including, but not limited to, statements as "
        "to the timing of Scorpio are forward-looking statements; actual results may differ "
        "materially, including delays in production and cancelled orders."
    )
    assert classify(legal) == (Stance.NONE, ())


@pytest.mark.parametrize(
    ("passage", "stance", "words"),
    [
        # a hedge inside a relative clause scopes that clause alone: the delay is the main
        # clause's, said as a fact
        (
            "Volume production that would make Scorpio our largest product line was delayed to "
            "next year.",
            "challenges",
            ("delayed",),
        ),
        (
            "The platform that could make Scorpio our largest line was cancelled by the customer.",
            "breaks",
            ("cancelled",),
        ),
        (
            "Production that might double Scorpio's revenue slipped to 2028.",
            "challenges",
            ("slipped",),
        ),
        (
            "The ramp which would make Scorpio the largest line was pushed out by a quarter.",
            "challenges",
            ("pushed out",),
        ),
        # the relative clause's own words stay hedged
        ("The program that could be delayed is Scorpio's.", "no stance", ()),
        # a hedge of the main clause still holds to the clause's end
        ("Volume production could be delayed to next year.", "no stance", ()),
    ],
)
def test_a_hedge_in_a_relative_clause_scopes_that_clause_alone(passage, stance, words):
    assert classify(passage) == (Stance(stance), words)


def test_round_six_passages_hold_a_delay_challenges_a_loss_breaks_a_negation_turns_its_clause():
    """The hand-written passages of the stance's first reading, read the same again."""
    assert classify("Volume production of Scorpio X was delayed to the second half.") == (
        Stance.CHALLENGES,
        ("delayed",),
    )
    assert classify("We lost the design win at the second hyperscaler.") == (
        Stance.BREAKS,
        ("lost",),
    )
    # a negation turns only its clause: the first clause's "not" is no denial of the second's
    assert classify("Revenue was not delayed, but the program was cancelled.") == (
        Stance.BREAKS,
        ("cancelled",),
    )
    assert classify("We have not lost the customer; the ramp was delayed.") == (
        Stance.CHALLENGES,
        ("delayed",),
    )
    # no deciding word is no stance: nothing for the verdict to read
    assert classify("Scorpio shipped in the quarter.") == (Stance.NONE, ())
