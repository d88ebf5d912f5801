"""Evidence with a stance: whether a passage matched to a checkpoint supports it, challenges it
or breaks it, with the words that decided it. Pure: the passage's text in, a stance and its
words out (docs/thesis.md, Evidence).

- **breaks**: a word that ends what the checkpoint waits for: "cancelled", "discontinued",
  "abandoned", "terminated", "lost", "no longer".
- **challenges**: a negation of what is said ("not", "never", "did not", "failed to", "-n't"), or
  a word of delay or shortfall: "delayed", "pushed out", "postponed", "slipped", "below",
  "behind", "short of", "slower", "weaker", "lower than".
- **supports**: none of these. A negated shortfall ("not delayed", "no delay") is no challenge:
  the negation and the word it turns are kept as the words that decided it.

A machine's stance is a reading, never a verdict: it is shown beside the passage, and only what
you accept counts (a passage never breaks a thesis by itself). What you accepted is `Accepted`:
the verdict's rules read it (thesis/verdict.py)."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import datetime as dt


class Stance(StrEnum):
    SUPPORTS = "supports"
    CHALLENGES = "challenges"
    BREAKS = "breaks"


class Classified(NamedTuple):
    stance: Stance
    words: tuple[str, ...]  # the words that decided it, as the passage writes them, in order


#: How each stance looks (a rich style, as vocabulary.STATUS_STYLE: the TUI maps it to a role).
STANCE_STYLE: dict[str, str] = {
    Stance.SUPPORTS: "green",
    Stance.CHALLENGES: "yellow",
    Stance.BREAKS: "bold red",
}
#: The stances that speak against a checkpoint: accepted, they put its thesis at risk.
AGAINST = frozenset({Stance.CHALLENGES, Stance.BREAKS})
QUOTED = 160  # the characters of a passage a reason quotes


class Accepted(NamedTuple):
    """A passage you accepted, with the stance it was accepted with: what the verdict reads."""

    evidence_id: int
    stance: Stance
    document: str  # what and when: "10-Q 2026-11-04"
    passage: str
    on: dt.date  # the day you accepted it

    @property
    def quoted(self) -> str:
        """ "10-Q 2026-11-04 — “Scorpio was delayed …”": the document and the passage."""
        passage = " ".join(self.passage.split())
        if len(passage) > QUOTED:
            passage = passage[: QUOTED - 1].rstrip() + "…"
        return f"{self.document} — “{passage}”"


BREAKING = ("cancelled", "canceled", "discontinued", "abandoned", "terminated", "lost")
BREAKING_PHRASES = ("no longer",)
SHORTFALL = (
    "delayed",
    "delay",
    "delays",
    "postponed",
    "slipped",
    "below",
    "behind",
    "slower",
    "weaker",
)
SHORTFALL_PHRASES = ("pushed out", "short of", "lower than")
NEGATIONS = ("not", "never")
TURNING = (*NEGATIONS, "no", "without")  # before a shortfall word, they turn it: "no delay"
NEGATION_PHRASES = ("failed to",)

_WORD = re.compile(r"[a-z]+n['’]t|[a-z]+", re.I)


def _phrases(text: str, phrases: tuple[str, ...]) -> list[tuple[int, str]]:
    found = []
    for phrase in phrases:
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", text, re.I):
            found.append((m.start(), m.group(0)))
    return found


def classify(passage: str) -> Classified:
    """The passage's stance toward its checkpoint, and the words that decided it."""
    tokens = [(m.start(), m.group(0)) for m in _WORD.finditer(passage)]
    lowered = [word.lower() for _, word in tokens]
    breaking = [(at, w) for (at, w), low in zip(tokens, lowered, strict=True) if low in BREAKING]
    breaking += _phrases(passage, BREAKING_PHRASES)
    if breaking:
        return Classified(Stance.BREAKS, tuple(w for _, w in sorted(breaking)))
    challenges: list[tuple[int, str]] = []
    turned: list[tuple[int, str]] = []  # a negated shortfall: "not delayed", "no delay"
    negated_at: set[int] = set()
    for i, low in enumerate(lowered):
        if low not in SHORTFALL:
            continue
        near = range(i - 1, max(-1, i - 3), -1)  # the two words before it
        negation = next((j for j in near if _negating(lowered[j], TURNING)), None)
        if negation is not None:
            turned += [tokens[negation], tokens[i]]
            negated_at.add(negation)
        else:
            challenges.append(tokens[i])
    challenges += _phrases(passage, SHORTFALL_PHRASES)
    for i, low in enumerate(lowered):
        if i not in negated_at and _negating(low):
            challenges.append(tokens[i])
    challenges += _phrases(passage, NEGATION_PHRASES)
    if challenges:
        return Classified(Stance.CHALLENGES, tuple(w for _, w in sorted(set(challenges))))
    return Classified(Stance.SUPPORTS, tuple(w for _, w in turned))


def _negating(word: str, words: tuple[str, ...] = NEGATIONS) -> bool:
    return word in words or word.endswith(("n't", "n’t"))


def shown(passage: str, accepted: str = "") -> Classified:
    """The stance shown beside a passage: the one you accepted it with (`accepted`, a stance's
    value) when you did, else the machine's reading; the words are the reading's when they
    decided that stance."""
    found = classify(passage)
    if not accepted or accepted == found.stance:
        return found
    return Classified(Stance(accepted), ())


def stance_text(found: Classified) -> str:
    """ "challenges: delayed", "breaks: lost", "supports" (no word decided it)."""
    words = ", ".join(f"“{w}”" for w in found.words)
    return f"{found.stance}: {words}" if words else str(found.stance)
