"""An apposition set between commas before a clause's verb, read for the name it gives: "pharma,
our largest market," is pharma, a market; "our daily silicone hydrogel lenses, MyDay and
Clarity," the lenses so named; "moving to Slide 11, our net sales" the sales (talk, no part);
"Net sales in Latin America, including Mexico and the Caribbean, in the second quarter" Latin
America's (what it holds and when, no name of their own)."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import word_set
from .records import COMPANY
from .subjects import read_subject
from .vocabulary import SAID_PERIOD

__all__ = ["without_apposition"]


def without_apposition(phrase: str) -> str:
    """ "pharma, our largest market," is pharma, a market."""
    parts = [p.strip() for p in phrase.split(",") if p.strip()]
    parts = [p for p in parts if not _WHICH_ONE.match(p)] or parts  # "X, namely Y,": X
    if len(parts) >= 3 and _WHEN_ONLY.fullmatch(parts[-1]) and _HOLDS.match(parts[-2]):
        parts = parts[:-2]  # "Net sales in Latin America, including Mexico …, in the quarter"
    elif len(parts) >= 2 and _HOLDS.match(parts[-1]) and phrase.rstrip().endswith(","):
        parts = parts[:-1]  # "Industrial, including valves," (not "Revenue, including Canada
        # grew 5%": no comma closes it, whose unsaid)
    if len(parts) >= 2 and _PARTICIPLE.match(parts[0]) and not _is_part(parts[0]):
        parts = parts[1:]  # "moving to Slide 11, our net sales were down 3%": talk, no part
    if (
        len(parts) >= 2
        and read_subject(parts[-1]).name == COMPANY
        and not _PARTICIPLE.match(parts[-2])  # "coming into the quarter, sales grew": when
        and not _CIRCUMSTANCE.match(parts[-2])  # "With stable fee income, total revenue": ours
    ):
        named = read_subject(parts[-2])
        if named.name not in ("", COMPANY) and not named.other:
            return f"{parts[-2]} {parts[-1]}"  # "Our AD&M business, sales declined 7%"
    if len(parts) >= 2 and _DESCRIBED.match(parts[-1]) and _DETERMINED.match(parts[-2]):
        if _is_part(parts[-2]):  # "Our Cloud segment, the heart of our business,": the segment
            return parts[-2]  # (not "Similar to our title business, our agency operations")
    elif len(parts) >= 2 and parts[-2].split()[-1].lower() in _PART_HEADS:
        return f"{parts[-1]} {parts[-2].split()[-1]}"  # "Our largest end market, automotive,"
    if (
        len(parts) >= 2
        and _DETERMINED.match(parts[1])
        and not re.search(r"\b(?:as|noted|said|mentioned|we|I)\b", parts[0])
    ):
        return f"{parts[0]} {parts[1].split()[-1]}" if _is_part(parts[1]) else parts[0]
    if len(parts) >= 2 and _NAMES_ONLY.fullmatch(parts[-1]) and _KIND_NAMED.fullmatch(parts[-2]):
        # "our daily silicone hydrogel lenses, MyDay and Clarity,": the lenses, so named
        return f"{parts[-2]} {parts[-1]}"
    return parts[-1] if parts else ""


# Names alone, one or a list of them ("MyDay and Clarity"), that an apposition gives as what a
# kind named before it holds.
_NAMES_ONLY = led(
    r"[A-Z][\w&'’-]*+(?:\s++[A-Z][\w&'’-]*+)*+(?:(?:,\s*+|\s++(?:and|&)\s++)"
    r"[A-Z][\w&'’-]*+(?:\s++[A-Z][\w&'’-]*+)*+)*+"
)
# A kind of the company's own named in lower case, its head plural and no word of a whole
# ("our daily silicone hydrogel lenses"; not "our two brands", "our segments").
_KIND_NAMED = led(
    r"(?:(?i:and|but|while)\s++)?(?i:our|its|the)\s++(?:[\w-]++\s++){0,5}?"
    r"(?!(?:brands|segments|businesses|products|"
    r"lines|divisions|units|regions|markets)\b)[a-z][\w-]*s"
)


# An apposition that describes what is named before it: "the heart of our business" (not a
# name: "Our largest market, the US,").
_DESCRIBED = led(r"(?i:our|its|the|a|an)\b(?!\s++[A-Z])")
_DETERMINED = led(r"(?:our|its|the|a|an)\b", re.I)
_PART_HEADS = frozenset({"market", "segment", "business", "category"})
# What a clause happened with, before its comma, names no part of it.
_CIRCUMSTANCE = led(r"(?:with|despite|given|amid|thanks\s+to|due\s+to)\b", re.I)
# An apposition that says which one: "Industrial, namely the valves business,".
_WHICH_ONE = led(r"(?:namely|specifically)\b|i\.e\.", re.I)
# An apposition of what a name holds: "Latin America, including Mexico and the Caribbean,".
_HOLDS = led(r"including\b", re.I)
# A period alone, the last apposition before the verb: "in the 2025 second quarter".
_WHEN_ONLY = led(SAID_PERIOD, re.I)
# Talk before a comma ("moving to Slide 11,"), or a word of discourse alone ("Still,").
_PARTICIPLE = led(r"(?i:and\s+|as\s+)?[a-z]+(?:ing|ed)\b|(?i:still|however|also)$")


def _is_part(words: str) -> bool:
    """Whether an apposition's last word says its antecedent is a part: "our third largest
    category", "our fastest-growing vertical"."""
    return words.split()[-1].lower() in _APPOSED_PARTS


_APPOSED_PARTS = word_set(
    "market segment business region division category vertical channel franchise brand "
    "geography platform"
)
