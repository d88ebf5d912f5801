"""Whether a place or a channel said in a part's section is the part's: "DUPIXENT … U.S. net
sales grew 36%" is DUPIXENT's in the U.S. (part_turns.py reads the sections)."""

from __future__ import annotations

from .dimensions import cut_of, cuts_in
from .names import acronym

__all__ = ["within"]

# The most words a part's name holds, as a part of it is said after.
_NAME_WORDS = 4


def within(part: str, cut: str, alone: bool, sentence: str, said: str) -> bool:
    """Whether a place or a channel of `cut`, said after `part` was, is `part`'s: where `part`
    is a name of another kind with no place or channel in it ("DUPIXENT … U.S. net sales grew
    36%"; not "Americas Banking": a cut of the company's own), or a place or a channel of the
    other cut and it is said alone, no revenue word before its figure ("Direct-to-consumer
    sales grew 6%. Domestic increased 11%"; not "APAC sales grew 12%. Wholesale sales increased
    7.8%": a cut of the company's own after another)."""
    if not part or cut_of(part) == cut or len(part.split()) > _NAME_WORDS:
        return False  # (nor after a subject no name: "Our strong financial performance across
        # both our wholesale and direct-to-consumer segments was …")
    if part.lower() in sentence.lower():
        return False  # the sentence names it: "In terms of the UGG brand's …, DTC revenue …"
    return alone or (cuts_in(part) == {"other"} and _a_name(part, said))


def _a_name(part: str, said: str) -> bool:
    """Whether `part`, said in the sentence `said`, is a name: a word of it in capitals, or one
    with a capital that is not the sentence's first word ("LIBTAYO", "Saint Laurent", "…
    starting with Gucci"; not "Exports were up over 18%")."""
    first, *rest = part.split()
    return (
        acronym(first)
        or any(w[:1].isupper() for w in rest)
        or (first[:1].isupper() and not said.lstrip(" \"'“‘(").startswith(first))
    )
