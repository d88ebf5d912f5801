"""Words a subject holds that are verbs by their form and place in the sentence, not words of
a name: a past tense with its object ("our staffing divisions exited the quarter with June
revenues down 34%"), an infinitive with its object ("continued to narrow the revenue
shortfall"), a progressive after a form of "be" ("we were discussing net sales growth").

What stands before a past tense is the subject of it and may own the figure ("staffing
divisions"); an infinitive or a progressive, or a verb at the subject's start, leaves no name at
all."""

from __future__ import annotations

from ..wordlists import word_set
from .phrases import finite_verb, last_word_at

__all__ = ["after_verbs", "without_verb"]

_DETERMINERS = word_set("the a an our its their this that these those his her my your")
_BE = word_set("am is are was were be been being")


def _verb(word: str, before: str, after: str) -> bool:
    """Whether `word` (lower case in the sentence) is a verb, by its form and the words
    `before` and `after` it (lowered)."""
    if not word.isalpha() or not word.islower():
        return False
    if after in _DETERMINERS and (before == "to" or word.endswith("ed")):
        return True  # "to narrow the revenue shortfall"; "divisions exited the quarter"
    return word.endswith("ing") and before in _BE  # "we were discussing net sales growth"


def without_verb(sentence: str, subject: str) -> str | None:
    """`subject` cut before the first word of it that is a verb in `sentence` ("staffing
    divisions exited" → "staffing divisions"; "narrow", "am pleased to report that momentum" →
    ""), or None where it holds none (or
    does not stand in the sentence as written)."""
    at = last_word_at(sentence, subject)
    if at < 0:
        return None
    words = subject.split()
    before = sentence[:at].split()
    after = sentence[at + len(subject) :].split()
    context = [*(before[-1:] or [""]), *words, *(after[:1] or [""])]
    for i, word in enumerate(words, 1):
        low = [w.lower().strip(".,;:'’\"") for w in (context[i - 1], context[i + 1])]
        if _verb(word, low[0], low[1]):
            # what stands before a past tense is its subject; before an infinitive or a
            # progressive, a verb of its own ("am pleased to report that momentum")
            return "" if low[0] == "to" or low[0] in _BE else " ".join(words[: i - 1])
    return None


def after_verbs(phrase: str) -> str:
    """The words of `phrase` after its last verb: the noun phrase a clause ends with
    ("offsetting this performance was our foodservice business": "our foodservice business")."""
    words = phrase.split()
    verbs = [i for i, word in enumerate(words) if word.islower() and finite_verb(word)]
    return " ".join(words[verbs[-1] + 1 :]) if verbs else phrase
