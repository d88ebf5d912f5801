"""The measure a passage speaks of: a sentence that names no measure of its own ("Industrial
refrigeration grew 20%") speaks of the one the sentences just before it named, where they named
revenue and nothing else ("Revenue in EMEALA increased 17% organically.").

A speaker names the measure once and goes through its lines, end markets or regions in the
sentences that follow; a line so named without a word of revenue is the passage's revenue line.
The measure in force lasts `_SPAN` sentences, and any sentence that names another measure
(orders, margins, volume), or revenue beside another, ends it: "Orders grew 18%. Industrial
refrigeration grew 20%" gives the line nothing. A question ends it too: an analyst's words are
no statement of the company's.

A passage of another measure refuses what its sentences say with no measure of their own where a
speaker turned to that measure: right after a sentence that only turns to one, with no figure
("Looking at our product orders across our geographic segments. The Americas was up 17%"), and,
for a counted measure (billings, orders, volume, shipments), through the `_TOPIC_SPAN` sentences
after the last that named it, from a turn to it ("beginning with gross billings in constant
currency, …", "Turning to gross billings by region.") or the first sentence after a turn
("Turning to the full year. Total company gross billings were comparable."), until a sentence
names revenue or any other measure, asks, or another speaker speaks. A measure named in passing,
with no turn to it, begins no passage ("Orders continue to be strong. … The Americas were up
29%" stays the Americas' sales).

Linear: each sentence's words are read once, by a test of a substring before any pattern."""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from ..leads import led
from ..wordlists import word_set
from .carried import carried, counted_grew
from .measures import NEVER_REVENUE_SAID
from .names import no_noun_phrase
from .phrases import finite_verb, measure_at, other_measure
from .turns import same_speaker
from .vocabulary import LONGEST, REVENUE_WORDS

__all__ = ["Passages", "line_name"]

# A counted measure of another kind, each with its one name ("volumes" is "volume").
_COUNTED = {
    word: word
    for word in word_set(
        """orders bookings billings backlog units shipments deliveries consumption pos gmv
        traffic transactions volume"""
    )
} | {"volumes": "volume"}
_ENDS = ".,;:!?\"'”’"
# A speaker turning to a counted measure of another kind: "beginning with gross billings in
# constant currency", "Turning to gross billings by region", "In looking at orders by segment".
_TOPIC = led(
    r"\b(?:(?:beginning|starting|begin|start)\s+with|turning\s+(?:now\s+)?to|"
    r"moving\s+(?:on\s+)?to|looking\s+at|in\s+terms\s+of|"
    r"let(?:['’]s|\s+me)\s+(?:now\s+)?(?:turn|move|look)\s+(?:to|at))"
    r"(?:\s+(?:our|the|total|gross|net|company|underlying|global|reported|organic)){0,4}"
    rf"\s+(?:{'|'.join(sorted(_COUNTED))})\b",
    re.I,
)
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# A speaker turning to the outlook: "Turning to our outlook for 2026.", "Now turning to
# guidance.", "Let me now turn to our 2026 outlook."
_TO_OUTLOOK = led(
    r"\b(?:turn(?:ing)?|mov(?:e|ing))\s+(?:now\s+|on\s+)?to\s+(?:(?:our|the)\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:outlook|guidance)\b",
    re.I,
)
# A verb in the past: what was done, a result said ("revenue grew 5%", "the divisions exited
# the quarter with March revenues down 12.5%"); not a participle before "by" (", offset by").
_DONE = led(
    r"\b(?:grew|rose|fell|was|were|had|saw|drove|came|did|made|began|won|(?:exit|clos|finish|"
    r"end|deliver|achiev|post|generat|increas|decreas|declin|improv|accelerat|decelerat|"
    r"outperform|record|return|reach|total|expand|contract)ed(?!\s+by\b))\b",
    re.I,
)
# A sentence that only says examples follow: "I give you a couple of examples."
_EXAMPLES_SAID = led(r"\bexamples\b", re.I)
_EXAMPLES_SAID_LONGEST = 80
_OUTLOOK_SPAN = 5  # sentences after a turn to the outlook that still forecast
_TOPIC_SPAN = 8  # sentences past the last that named the passage's measure that still speak of it
_SPAN = 3  # sentences after the one that named revenue that still speak of it


class Passages:
    """The measure in force at each sentence of a text, judged only where it is asked (a
    sentence whose figures are read), by the `_SPAN` sentences before it: each sentence's
    measures are read once, whatever the text's length."""

    def __init__(self, text: str, spans: Sequence[tuple[int, int]]) -> None:
        self._text, self._spans = text, spans
        self._said: dict[int, tuple[bool, bool] | None] = {}
        self._topics: dict[int, tuple[frozenset[str], int] | None] = {}
        self._outlook: dict[int, bool] = {}  # whether each sentence turns to the outlook
        self._judged = 0  # the sentences before it are judged (self._topics: those in one)
        self._counted_at: list[int] | None = None  # where a counted measure is named
        self._ends: list[int] = []

    def revenue_in_force(self, index: int) -> bool:
        """Whether the sentence at `index` names no measure of its own and follows, within
        `_SPAN` sentences that name none either, one that named revenue and no other
        measure."""
        if self._measures(index) != (False, False):
            return False
        for back in range(index - 1, max(-1, index - 1 - _SPAN), -1):
            said = self._measures(back)
            if said is None:
                return False  # a question, or a table run together, ends the passage
            if said != (False, False):
                return said == (True, False)
        return False

    def outlook_in_force(self, index: int) -> bool:
        """Whether the sentence at `index` follows, within `_OUTLOOK_SPAN` sentences of the same
        speaker that state nothing done, one that turns to the outlook ("Turning to our outlook
        for 2026. … North America up 3%": a forecast), and states nothing done itself."""
        turn = next(
            (
                back
                for back in range(index - 1, max(-1, index - 1 - _OUTLOOK_SPAN), -1)
                if self._turns_to_outlook(back)
            ),
            -1,
        )
        if turn < 0:
            return False  # most sentences: no turn to the outlook before them
        for at in range(turn + 1, index + 1):
            start, end = self._spans[at]
            if not same_speaker(self._text, self._spans, at):
                return False  # another speaker spoke between
            if at < index and self._measures(at) is None:
                return False  # a question
            if _DONE.search(self._text, start, end):
                return False  # "Q4 revenue grew 5%": a result, and the outlook's passage over
        return True

    def _turns_to_outlook(self, index: int) -> bool:
        if index not in self._outlook:
            start, end = self._spans[index]
            low = self._text[start:end].lower()
            said = ("outlook" in low or "guidance" in low) and _TO_OUTLOOK.search(low) is not None
            self._outlook[index] = said
        return self._outlook[index]

    def _next_counted(self, at: int) -> int:
        """The first sentence from the one at `at` that names a counted measure of another
        kind (the text's words looked for once, in one pass); the count of sentences where none
        does."""
        if self._counted_at is None:
            self._counted_at = _counted_at(self._text)
            self._ends = [end for _start, end in self._spans]
        last = len(self._spans)
        while at < last:
            word = bisect_left(self._counted_at, self._spans[at][0])
            if word == len(self._counted_at):
                return last
            at = bisect_right(self._ends, self._counted_at[word], lo=at)  # the one it ends
            if at < last and self._spans[at][0] <= self._counted_at[word]:
                return at
        return last  # (a word between two sentences, an analyst's: looked on past it)

    def _turned_to_other(self, index: int) -> bool:
        """Whether the sentence at `index` names no measure of its own right after a sentence
        that only turns to another measure, with no figure ("Looking at our product orders
        across our geographic segments. The Americas was up 17%": the Americas' orders)."""
        if self._examples_of_other(index):
            return self._measures(index) == (False, False)  # "Orders are up across the board.
            # I give you a couple of examples. Engines were up 30%.": the orders' examples
        if self._turn_before(index) != (False, True):
            return False  # most sentences: no turn before them, no measure read
        start, end = self._spans[index - 1]
        return NEVER_REVENUE_SAID.search(self._text, start, end) is not None and self._measures(
            index
        ) == (False, False)

    def _examples_of_other(self, index: int) -> bool:
        """Whether the sentence before the one at `index`, its speaker's, only says examples
        follow ("I give you a couple of examples."), after one that named another measure and
        no revenue."""
        if index < 2 or not same_speaker(self._text, self._spans, index):
            return False
        start, end = self._spans[index - 1]
        if end - start > _EXAMPLES_SAID_LONGEST or not _EXAMPLES_SAID.search(
            self._text, start, end
        ):
            return False
        return not any(c.isdigit() for c in self._text[start:end]) and self._measures(
            index - 2
        ) == (False, True)

    def _turn_before(self, index: int) -> tuple[bool, bool] | None:
        """What the sentence before the one at `index` names (revenue, another measure) where
        it only turns the speaker to what comes next, with no figure ("Turning to the full
        year."); None where it does not."""
        if index < 1:
            return None
        start, end = self._spans[index - 1]
        start = _opening(self._text, start, end)
        if _TURNS_TO.match(self._text, start, end) is None:
            return None
        if any(c.isdigit() for c in self._text[start:end]):
            return None
        return self._measures(index - 1)

    def other_in_force(self, index: int) -> bool:
        """Whether the sentence at `index` names no measure of its own within a passage of a
        counted measure of another kind that a speaker turned to ("Turning to gross billings
        by region. … International grew 4%": billings, not revenue), right after a sentence
        that only turns to another measure, or after a growth of one (carried.py)."""
        if (
            self._topic(index) is None
            and not self._turned_to_other(index)
            and not self._grew_before(index)
        ):
            return False  # most sentences: no passage of another measure, no measure read
        return self._measures(index) == (False, False)

    def _grew_before(self, index: int) -> bool:
        """Whether the sentence at `index` follows a growth of a counted measure (carried.py),
        and turns to no section of its own ("Turning to slide 8, Plumbing grew 12%")."""
        start, end = self._spans[index]
        if _TURNS_TO.match(self._text, _opening(self._text, start, end), end):
            return False
        return carried(
            index,
            lambda at: counted_grew(self._text, *self._spans[at], lambda: self._measures(at)),
            lambda at: same_speaker(self._text, self._spans, at),
        )

    def _topic(self, index: int) -> tuple[frozenset[str], int] | None:
        """The counted measures the passage at `index` is of, and how many sentences since
        one named them; None where it is of none. A passage begins where a speaker turns to
        one ("Turning to gross billings by region."), lasts while its sentences name no
        measure or name it again, `_TOPIC_SPAN` sentences past the last that named it, and
        ends at revenue, another measure, a question or another speaker's words."""
        at = self._judged  # each sentence's passage is judged once, in order
        while at <= index:
            start, end = self._spans[at]
            before = self._topics.get(at - 1) if at > 0 else None
            if before is not None and not same_speaker(self._text, self._spans, at):
                before = None  # another speaker spoke between
            if before is None:  # no passage in force: none begins before a measure is named
                at = self._next_counted(at)
                if at > index:
                    break
                start, end = self._spans[at]
            topic: tuple[frozenset[str], int] | None = None
            said = self._measures(at)
            if said == (False, False):
                if before is not None and before[1] < _TOPIC_SPAN:
                    topic = (before[0], before[1] + 1)
            elif said is not None and not said[0]:
                counted = _counted(self._text[start:end])
                if counted and (
                    _TOPIC.search(self._text, start, end) or self._turn_before(at) == (False, False)
                ):
                    topic = (counted, 0)  # "In looking at orders by segment, …"; "Turning
                    # to the full year. Total company gross billings were comparable."
                elif counted and self._examples_after(at):
                    topic = (counted, _TOPIC_SPAN - 1)  # the examples' sentence alone
                elif before is not None and counted & before[0]:
                    topic = (before[0], 0)  # "Total company gross billings were comparable."
            self._topics[at] = topic
            at += 1
        self._judged = max(self._judged, index + 1)
        return self._topics.get(index)

    def _examples_after(self, index: int) -> bool:
        """Whether the sentence after the one at `index`, the same speaker's, opens the
        examples of a counted measure the one at `index` names before any cause ("…
        highlighted by strong volume performances across several brands. A few examples
        include: …": the examples are of volume, and only they)."""
        if index + 1 >= len(self._spans):
            return False
        start, end = self._spans[index + 1]
        if not same_speaker(self._text, self._spans, index + 1):
            return False  # another speaker's words
        if _EXAMPLES.match(self._text, _opening(self._text, start, end), end) is None:
            return False
        start, end = self._spans[index]
        cause = _CAUSE.search(self._text, start, end)  # "…, driven by a strong order book"
        return bool(_counted(self._text[start : cause.start() if cause else end]))

    def _measures(self, index: int) -> tuple[bool, bool] | None:
        if index not in self._said:
            start, end = self._spans[index]
            sentence = self._text[start:end]
            question = sentence.rstrip("\"'”’) ").endswith("?")
            long = end - start > LONGEST
            self._said[index] = None if question or long else _measures(sentence)
        return self._said[index]


def _opening(text: str, start: int, end: int) -> int:
    """Where the sentence from `start` to `end` opens, past its spaces: a pattern of its opening
    words matched there, once (no pattern tries each space of a run)."""
    while start < end and text[start].isspace():
        start += 1
    return start


def _counted_at(text: str) -> list[int]:
    """Where `text` names a counted measure of another kind, in order: each word found by a
    search for its letters (a pass of the text each, in C, where a pattern of all of them in
    any case took 50 ms over bench/words.py's 1.3 MB), kept where it stands whole."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is two ("İ"): ASCII alone lowered
        low = text.translate(_ASCII_LOWER)
    found = []
    for word in _COUNTED:
        at = low.find(word)
        while at >= 0:
            end = at + len(word)
            if not (at and low[at - 1].isalnum()) and not (end < len(low) and low[end].isalnum()):
                found.append(at)
            at = low.find(word, end)
    return sorted(found)


def _counted(sentence: str) -> frozenset[str]:
    """The counted measures of another kind `sentence` names ("volumes" as "volume")."""
    words = sentence.lower().translate(_APART).split()
    return frozenset(_COUNTED[w.strip(_ENDS)] for w in words if w.strip(_ENDS) in _COUNTED)


def _measures(sentence: str) -> tuple[bool, bool]:
    """Whether `sentence` names revenue, and whether it names another measure, before what
    drove its figure ("…, down 29%, given the extreme drop in oil prices": no measure). Its
    words are split as phrases.tokens splits them, by the characters that stand alone."""
    figure = sentence.find("%")
    cause = _CAUSE.search(sentence, figure) if figure >= 0 else None
    words = sentence[: cause.start() if cause else None].lower().translate(_APART).split()
    revenue = other = False
    for at, low in enumerate(words):
        if low in REVENUE_WORDS:
            revenue = True
        elif not other and low not in _NO_MEASURE:
            other = measure_at(words, at)  # not "which accounts for 60% of revenues": a verb
    return revenue, other


# A sentence that only turns the speaker to what comes next.
_TURNS_TO = led(
    r"(?:(?:and|so|now|next)(?:\s*+,\s*+|\s++))?(?:looking\s+at|turning\s+(?:now\s+)?to|"
    r"moving\s+(?:on\s+)?to|let(?:['’]s|\s+me)\s+(?:now\s+)?(?:turn|move|look)\s+(?:to|at))\b",
    re.I,
)
# A sentence that opens the examples of the one before: "A few examples include:", "For
# instance, …".
_EXAMPLES = led(
    r"(?:(?:and|so)(?:\s*+,\s*+|\s++))?(?:(?:(?:a\s+few|some|several|two|three|other)\s+)?"
    r"examples?\s+(?:include|includes|are|were|of\s+this)|for\s+(?:example|instance)|"
    r"to\s+name\s+a\s+few)\b",
    re.I,
)
# The characters that stand alone as words (phrases.tokens): the rest are split on spaces.
_APART = str.maketrans({c: " " for c in ",;:()"})


def line_name(name: str) -> bool:
    """Whether `name` reads as the name of a line, market or region ("Industrial
    refrigeration", "General engineering"): words of a name only, none a measure of its own,
    a verb, a pronoun or a figure."""
    words = name.split()
    if not words or len(words) > _WORDS:
        return False
    for word in words:
        low = word.lower()
        if (
            _NAME_WORD.fullmatch(word) is None
            or other_measure(low)
            or finite_verb(low)
            or low in _NOT_NAMES
        ):
            return False
    return not no_noun_phrase(name)


_WORDS = 5  # a line's name is short; a longer phrase is a clause read as one
_NAME_WORD = led(r"[A-Za-z][A-Za-z&'’-]*")
# What drove a figure, said after it: the measures it names are the cause's.
_CAUSE = led(
    r"\b(?:given|due\s+to|driven|reflecting|led\s+by|because|as\s+a\s+result|offset|thanks\s+to|"
    r"owing\s+to|on\s+the\s+back\s+of|benefit(?:ed|ing)?)\b",
    re.I,
)
# Words of talk about a measure, said beside revenue without being another measure.
_NO_MEASURE = word_set(
    """impact impacts headwind headwinds tailwind tailwinds demand activity forecast outlook
    guidance estimate estimates number contribution contributions rate"""
)
# Words no name of a line holds: pronouns and the words of a clause.
_NOT_NAMES = word_set(
    """we i you they it this that these those which who what our their its there here
    per offset offsets driven led including excluding connections fewer more less putting
    posting delivering reporting generating showing achieve deliver reach initiatives end ramp
    continue see expect drive build grow launch expand"""
)
