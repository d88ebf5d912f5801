"""Who a call's header lists: the company's people and the analysts.

A published transcript may open with its participants, one a line under a heading ("Company
Participants", "Corporate Participants", "Executives"; "Conference Call Participants",
"Analysts"), each "Name - Title" or "Name - Firm". A turn labelled by a name alone ("Matthew
Friend: Executive VP & CFO And to hit on …") is then the company's or an analyst's by the list
that names the speaker, whatever the turn says ("you mentioned pull forward" is the CFO echoing
a question, not asking one).

Linear: the header's first lines only are looked at, each once."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..leads import led

__all__ = ["NAME_COLON", "Participants", "participants", "speaker_named"]

_HEADER_LINES = 80  # lines at the text's start a header of participants may take
_NAME_WORDS = 6  # words a listed name takes at most
_COMPANY_HEADING = led(r"(?:company|corporate)\s+participants|executives", re.I)
_ANALYSTS_HEADING = led(r"(?:conference\s+call\s+participants|analysts)", re.I)
# The header's end: the call itself begins.
_CALL_BEGINS = led(r"(?:presentation|operator|prepared\s+remarks)\b", re.I)
# A name before its title or firm: "Matthew Friend - Executive VP & CFO".
_LISTED = led(r"\s*(?P<name>[A-Z][\w.'’-]*+(?:[ \t]++[A-Z][\w.'’-]*+){1,5})[ \t]*+(?:[-–—][ \t]|$)")
# The rest of a firm's name wrapped onto a line of its own ("Robert W. Baird & Co." then
# "Incorporated, Research Division"): the list goes on after it.
_WRAPPED = led(r"[A-Z][\w.,&'’ -]{0,60}+(?<![.!?])")
# A person's name alone before a colon at a line's start ("Matthew Friend: …", "Brent
# Thill:Thanks, Mike."): a speaker (turns.py reads one after the operator's handoff).
NAME_COLON = led(r"[ \t]*+(?P<name>[A-Z][\w.'’-]*+(?:[ \t]++[A-Z][\w.'’-]*+){1,5})[ \t]*+:")


class Participants(NamedTuple):
    company: frozenset[str]  # casefolded names
    analysts: frozenset[str]


def participants(text: str) -> Participants:
    """The names the header of `text` lists under each heading; none where it has no header."""
    company: set[str] = set()
    analysts: set[str] = set()
    into: set[str] | None = None
    start = 0
    for _ in range(_HEADER_LINES):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].strip()
        if _COMPANY_HEADING.fullmatch(line):
            into = company
        elif _ANALYSTS_HEADING.fullmatch(line):
            into = analysts
        elif _CALL_BEGINS.match(line) and (company or analysts):
            break
        elif into is not None:
            listed = _LISTED.match(line)
            if listed is None and not _WRAPPED.fullmatch(line):
                into = None
            elif listed is not None and len(listed["name"].split()) <= _NAME_WORDS:
                into.add(listed["name"].casefold())
        if end >= len(text):
            break
        start = end + 1
    return Participants(frozenset(company), frozenset(analysts - company))


def speaker_named(text: str, line_start: int, line_end: int, listed: Participants) -> str:
    """ "company" or "analyst" where the line opens with a listed name and a colon, else ""."""
    if not (listed.company or listed.analysts):
        return ""
    named = NAME_COLON.match(text, line_start, line_end)
    if named is None:
        return ""
    name = " ".join(named["name"].split()).casefold()
    if name in listed.company:
        return "company"
    return "analyst" if name in listed.analysts else ""
