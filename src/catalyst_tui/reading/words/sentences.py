"""A text's sentences with their offsets: each line on its own, split where a sentence ends
(. ! or ? then a space and a capital, a digit, a quote, a masked name "<UNK>" or a name
written with a capital after its first letter, "iPhone"), not after an abbreviation or an
initial, save before a word that only opens a sentence ("the U.S. We"), or a single "." then
a word in lower case after a number or a word of letters, as speech written down by a machine
ends its sentences ("the guidance. and there's no change"); a line that ends on
an abbreviation, the next going on in lower case ("in U.S" / "dollars"), or
that ends with no stop at all, the next going on in lower case ("posted sales of $2.8
billion, up 1.1" / "percent organically."), goes on into the next.

Linear in the text: a run of stops is tried once, from its first stop (a line of 100,000 dots is
one try, not one from each dot), and the word before a stop is looked for back to the last space
only, never past where the sentence began."""

from __future__ import annotations

import re

from ..leads import led
from ..lines import add_span, line_spans
from ..wordlists import word_set

# From the first of a run of stops only (a stop with none before it); possessive: nothing
# tried twice. The stop is read first and what stands before it looked at after, so that `re`
# scans for a stop itself (18 ms to 9 ms over bench/words.py's 10,000 sentences).
_END = led(r"[.!?](?<![.!?]{2})[.!?]*+[\"'”’)\]]*+\s++(?=[A-Z0-9\"'“‘(\[•<]|[a-z])")
_ABBREVIATIONS = word_set(
    "inc corp co ltd llc plc mr mrs ms dr no vs approx e.g i.e u.s u.k st jan feb mar apr jun "
    "jul aug sep sept oct nov dec etc"
)

_LONGEST_ABBREVIATION = max(len(word) for word in _ABBREVIATIONS)
# A word after an abbreviation's stop that only opens a sentence, then a word in lower case:
# the stop ends it too ("… data center wins in the U.S. Revenues were up 3%").
_OPENS = led(
    r"(?:We|Our|The|This|That|These|Those|It|They|And|But|So|If|I|In|As|For|Now|There|With"
    r"|Revenues?|Sales|Orders)\s+[a-z]"
)
# What a sentence's last word may end with: a line ending otherwise, the next going on in lower
# case, was broken inside a sentence (as a PDF's text is).
_ENDS = frozenset(".!?:;\"'”’)…")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of `text`, in order, without surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    carried = -1  # where a sentence a line broke after an abbreviation began
    for line_start, line_end in line_spans(text):
        begin = line_start if carried < 0 else carried
        for match in _END.finditer(text, line_start, line_end):
            if _lower_after(text, match) and not _a_word_ends(text, begin, match.start()):
                continue  # "approx. five", "vs. last year", "… and" go on
            if _abbreviation(text, begin, match.start()) and not _OPENS.match(text, match.end()):
                continue
            add_span(spans, text, begin, match.end())
            begin = match.end()
        carried = begin if _broken_after(text, begin, line_end) else -1
        if carried < 0:
            add_span(spans, text, begin, line_end)
    if carried >= 0:
        add_span(spans, text, carried, len(text))
    return spans


def _broken_after(text: str, begin: int, line_end: int) -> bool:
    """Whether the line ending at `line_end` ends on an abbreviation, its stop said or not, and
    the next line goes on in lower case ("… and 6% in U.S" / "dollars, up 14%"; "up 4% in U.S."
    / "dollars"): one sentence, broken where a stop was taken for its end."""
    following = text[line_end + 1 : line_end + 2]
    if not following.islower() or line_end <= begin:
        return False
    last = text[begin:line_end].rstrip()[-1:]
    if last and last not in _ENDS:
        return True  # "… which posted sales of $2.8 billion dollars, up 1.1" / "percent …"
    return _abbreviation(text, begin, line_end - (text[line_end - 1] == "."))


def _abbreviation(text: str, begin: int, stop: int) -> bool:
    """Whether the word before the stop at `stop` is an abbreviation or an initial ("Inc.",
    "U.S.", "J."), not a digit ("Slide 4."): its sentence goes on. Looked for in the few
    characters an abbreviation takes, never back to where the sentence began."""
    word, whole = _word_before(text, begin, stop, _LONGEST_ABBREVIATION + 1)
    if not whole:
        return False  # a word longer than any abbreviation
    return (len(word) <= 1 and not word.isdigit()) or word.lower() in _ABBREVIATIONS


def _word_before(text: str, begin: int, stop: int, reach: int) -> tuple[str, bool]:
    """The word before the stop at `stop`, looked for back `reach` characters at most and never
    past `begin`, and whether it is whole (its start found within them): each stop looks at a
    bounded run, whatever the length of a word with no space before it."""
    near = max(begin, stop - reach)
    space = max(text.rfind(" ", near, stop), text.rfind("\t", near, stop))
    return text[max(space + 1, near) : stop], space >= 0 or near == begin


def _lower_after(text: str, match: re.Match[str]) -> bool:
    """Whether the word after a stop opens in lower case, no name written with a capital after
    its first letter ("iPhone")."""
    after = text[match.end() : match.end() + 2]
    return after[:1].islower() and not after[1:].isupper()


# How many letters the word before a stop has at least, where the next goes on in lower case,
# for the stop to end its sentence: no initial, no short abbreviation ("no.", "pp.").
_WORD_AT_LEAST = 3
# How far back the word before such a stop is looked at.
_WORD_REACH = 40


def _a_word_ends(text: str, begin: int, stop: int) -> bool:
    """Whether a single stop at `stop` ends a sentence that the next opens in lower case, as
    speech written down by a machine does ("… all elements of the guidance. and there's no
    change"): the word before it is a number, a percent or a word of letters, no
    abbreviation."""
    if text[stop] != "." or text[stop + 1 : stop + 2] in (".", "!", "?"):
        return False  # "?" or "!" before lower case, or a run of stops ("…"), goes on
    word, whole = _word_before(text, begin, stop, _WORD_REACH)
    if word.rstrip("%").isdigit():
        return True  # "our margin was 23%. representing …"
    if not whole:
        return word.isalpha()  # a word longer than any abbreviation
    return (
        len(word) >= _WORD_AT_LEAST
        and word.isalpha()
        and word.lower() not in _ABBREVIATIONS
        and not (word[:1].isupper() and word[1:].islower() and len(word) <= 4)  # "Dept."
    )
