"""The short names a document gives its lines and measures: "Contract Sales and Medical
Solutions, or CSMS, …", "Adjusted net income for the quarter, or ANI, …", "Retail Branding and
Information Solutions (RBIS)". A figure said later of the short name is the long name's: a
line's, or, where the long name is a measure that is no revenue ("adjusted net income"), none.

A short name is capitals (two to eight, "&" among them), said after "or" or in parentheses
right after the long name, and its letters are the initials of the long name's words ("and",
"of", "the", "for" and "&" passed over): "CSMS" of Contract Sales and Medical Solutions, never
of a phrase whose initials differ. Read in one pass, each try bounded by the long name's eight
words."""

from __future__ import annotations

from ..leads import led
from .phrases import other_measure

__all__ = ["aliases", "measured"]

_SAID = led(
    r"(?<![\w&'’-])(?P<name>[A-Z][\w&'’-]*+(?:[ ]++[A-Za-z&][\w&'’-]*+){0,7}+),?[ ]++"
    r"(?:or[ ]++(?:the[ ]++)?|\()(?P<short>[A-Z][A-Z&]{1,7}+)(?![\w&'’-])"
)
# A short name said after "or" or in parentheses: where a long name may end before it.
_SHORT = led(r"[ ](?:or[ ]++(?:the[ ]++)?|\()[A-Z][A-Z&]{1,7}+(?![\w&'’-])")
_LONGEST = 160  # characters of a long name of eight words, and its comma
_PASSED = frozenset({"and", "of", "the", "for", "&", "in", "on"})
_MOST = 8  # letters of a short name


def aliases(text: str) -> dict[str, str]:
    """Each short name `text` gives, with the long name it stands for."""
    if " or " not in text and "(" not in text:
        return {}
    found: dict[str, str] = {}
    for anchor in _SHORT.finditer(text):  # where a short name stands: few places in a call
        begin = max(0, anchor.start() - _LONGEST)
        match = next(
            (m for m in _SAID.finditer(text, begin, anchor.end()) if m.end() == anchor.end()),
            None,
        )
        if match is None:
            continue
        short = match["short"]
        long = _initialled(match["name"].split(), short.replace("&", ""))
        if long and short not in found:
            found[short] = long
    return found


def _initialled(words: list[str], letters: str) -> str:
    """The run of `words` whose initials are `letters`, the longest that begins earliest; ""
    where none is."""
    if len(letters) > _MOST:
        return ""
    for start in range(len(words)):
        if words[start].lower() in _PASSED:
            continue
        initials = ""
        for end in range(start, len(words)):
            word = words[end]
            if word.lower() not in _PASSED:
                initials += word[0].upper()
            if initials == letters:
                return " ".join(words[start : end + 1])
            if not letters.startswith(initials):
                break
    return ""


def measured(long: str) -> bool:
    """Whether a long name is a measure that is no revenue: its last word one ("Adjusted Net
    Income"), or a word in lower case ("adjusted net income for the quarter"); a capitalised
    word inside a name is the name's ("Cash Management Solutions")."""
    words = long.split()
    return bool(words) and (
        other_measure(words[-1].lower()) or any(w.islower() and other_measure(w) for w in words)
    )
