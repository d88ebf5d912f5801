"""Evidence with a stance: whether a passage matched to a checkpoint supports it, challenges it
or breaks it, with the words that decided it. Pure: the passage's text in, a stance and its
words out (docs/thesis.md, Evidence).

- **breaks**: a word that ends what the checkpoint waits for: "cancelled", "discontinued",
  "abandoned", "terminated", "lost", "no longer".
- **challenges**: a negation of what is said ("not", "never", "did not", "failed to", "-n't"), or
  a word of delay or shortfall: "delayed", "pushed out", "postponed", "slipped", "below",
  "behind", "short of", "slower", "weaker", "lower than".
- **supports**: a negated break or shortfall. A negation turns the word in its scope, the two
  words after it in its clause: "not delayed", "no delay" are no shortfall, "not cancelled" no
  break, and "no longer delayed" a resolution; the negation and the word it turns are kept as
  the words that decided it. "No longer" before anything else ends what it names ("no longer
  part of the design").
- **no stance**: no word decided it ("Scorpio became our largest product line"): a passage
  that names what the checkpoint waits for, shown, and read as nothing for or against.

A word in a hedged or conditional clause ("could be delayed", "if the customer cancels",
"may not ship") decides nothing: it says what might be, not what is. A hedge inside a relative
clause scopes that clause alone ("Volume production that would make Scorpio our largest product
line was delayed to next year" is a delay: "would" hedges "make", not "was delayed").
Boilerplate (forward-looking statements, safe harbour, risk factors, "including, but not
limited to") decides nothing either, and is never made a passage (thesis/evidence/passages.py).

A machine's stance is a reading, never a verdict: it is shown beside the passage, and only what
you accept counts (a passage never breaks a thesis by itself). What you accepted is `Accepted`:
the verdict's rules read it (thesis/verdict.py)."""

from __future__ import annotations

import bisect
import re
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import datetime as dt


class Stance(StrEnum):
    SUPPORTS = "supports"
    CHALLENGES = "challenges"
    BREAKS = "breaks"
    NONE = "no stance"  # no word decided it


class Classified(NamedTuple):
    stance: Stance
    words: tuple[str, ...]  # the words that decided it, as the passage writes them, in order


#: How each stance looks (a rich style, as vocabulary.STATUS_STYLE: the TUI maps it to a role).
STANCE_STYLE: dict[str, str] = {
    Stance.SUPPORTS: "green",
    Stance.CHALLENGES: "yellow",
    Stance.BREAKS: "bold red",
    Stance.NONE: "dim",
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
TURNING = (*NEGATIONS, "no", "without")  # before a word of break or shortfall, they turn it
NEGATION_PHRASES = ("failed to",)
#: Words that make their clause say what might be, not what is: nothing in it decides.
HEDGING = frozenset(
    {"could", "might", "may", "would", "should", "if", "unless", "whether", "possible", "risk"}
)

_WORD = re.compile(r"[a-z]+n['’]t|[a-z]+|[,;:.()]", re.I)
_SCOPE = 2  # words after a negation that it turns


def _phrases(text: str, phrases: tuple[str, ...]) -> list[tuple[int, str]]:
    found = []
    for phrase in phrases:
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", text, re.I):
            found.append((m.start(), m.group(0)))
    return found


def classify(passage: str) -> Classified:
    """The passage's stance toward its checkpoint, and the words that decided it."""
    from ...reading.words.vocabulary import boilerplate  # its patterns: with the first passage

    if boilerplate(passage):
        return Classified(Stance.NONE, ())
    tokens = [(m.start(), m.group(0)) for m in _WORD.finditer(passage)]
    lowered = [word.lower() for _, word in tokens]
    hedged = _hedged(lowered)
    breaking: list[tuple[int, str]] = []
    challenges: list[tuple[int, str]] = []
    turned: list[tuple[int, str]] = []  # a negated break or shortfall: "not cancelled"
    negated_at: set[int] = set()
    for i, low in enumerate(lowered):
        if hedged[i] or (low not in BREAKING and low not in SHORTFALL):
            continue
        negation = _negation_before(lowered, i)
        if negation is not None:
            at = tokens[negation[0]][0]
            words = " ".join(lowered[j] for j in negation)
            turned += [(at, passage[at : at + len(words)]), tokens[i]]
            negated_at.update(negation)
        elif low in BREAKING:
            breaking.append(tokens[i])
        else:
            challenges.append(tokens[i])
    for i, low in enumerate(lowered):
        if low == "no" and i + 1 < len(lowered) and lowered[i + 1] == "longer":
            if i not in negated_at and not hedged[i]:
                breaking.append((tokens[i][0], passage[tokens[i][0] : tokens[i + 1][0] + 6]))
            negated_at.update({i, i + 1})
    if breaking:
        return Classified(Stance.BREAKS, tuple(w for _, w in sorted(breaking)))
    challenges += [p for p in _phrases(passage, SHORTFALL_PHRASES) if not _at(tokens, hedged, p)]
    for i, low in enumerate(lowered):
        if i not in negated_at and not hedged[i] and _negating(low):
            challenges.append(tokens[i])
    challenges += [p for p in _phrases(passage, NEGATION_PHRASES) if not _at(tokens, hedged, p)]
    if challenges:
        return Classified(Stance.CHALLENGES, tuple(w for _, w in sorted(set(challenges))))
    if turned:  # "not cancelled", "no longer delayed": a word turned into support
        return Classified(Stance.SUPPORTS, tuple(w for _, w in sorted(set(turned))))
    return Classified(Stance.NONE, ())


def _negation_before(lowered: list[str], i: int) -> list[int] | None:
    """The negation that turns the word at `i`: within the two words before it in its clause
    ("not delayed", "no delay", "not been cancelled", "no longer delayed")."""
    for j in range(i - 1, max(-1, i - _SCOPE - 2), -1):
        word = lowered[j]
        if word in ",;:.()":
            return None
        if word == "longer" and j > 0 and lowered[j - 1] == "no":
            return [j - 1, j]
        if _negating(word, TURNING):
            return [j]
    return None


def _hedged(lowered: list[str]) -> list[bool]:
    """For each word, whether a hedge opened its clause before it. A hedge in a relative clause
    ("Volume production that would make Scorpio our largest line was delayed") scopes that
    clause alone: the main clause's verb ("was") ends it."""
    out: list[bool] = []
    on = False
    relative = -1  # where a hedge opened a relative clause; -1: none open
    for i, word in enumerate(lowered):
        if word in ",;.":
            on = False if word in ";." else on
            relative = -1 if word in ";." else relative
        if relative >= 0 and (
            (i - relative >= 2 and word in _MAIN_VERBS)
            or (i - relative >= 3 and (word in BREAKING or word in SHORTFALL))
        ):
            on, relative = False, -1  # the relative clause ended: the main clause goes on
        if word in HEDGING and not on:
            on = True
            relative = i if i > 0 and lowered[i - 1] in _RELATIVES else -1
        out.append(on)
    return out


_RELATIVES = frozenset({"that", "which", "who", "whom", "whose"})
#: The verbs that carry a main clause on after a relative clause ends.
_MAIN_VERBS = frozenset({"was", "were", "is", "are", "has", "have", "had", "will", "did"})


def _at(tokens: list[tuple[int, str]], hedged: list[bool], found: tuple[int, str]) -> bool:
    """Whether the phrase `found` stands where a hedge holds (its first word's)."""
    i = bisect.bisect_left(tokens, (found[0], ""))
    return i < len(hedged) and hedged[i]


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
