"""A list whose items each say their change with a participle of their own: "consisted of drain
cleaning revenue, declining 5.8%, plumbing revenue, declining 5%, and excavation, declining
19.5%" (each figure the item's named right before its participle, not the list's first).

`listed_item(text, at)` is the item named before the participle that governs the figure at
`at`, where the words before it are a list's item (a noun phrase after the item before it and
its figure, or after the verb that opens the list; no verb of its own); None otherwise.
Linear: both patterns are searched within a bounded window before the figure.

`as_adjective(text)` writes a compound adjective said in two words with its hyphen ("our
faster growing Laboratory business": "faster-growing"), the text's length unchanged, so that a
name after it is read as one phrase, not as a verb's object."""

from __future__ import annotations

import re

from ..leads import led
from .phrases import finite_verb, words_of

__all__ = ["as_adjective", "listed_item"]

# A participle of change right before a figure, after a comma: ", declining 5.8%".
_PARTICIPLE_BEFORE = led(
    r",\s*+(?:(?:declin|increas|decreas|grow|expand|improv|ris|fall|climb|jump)ing)\s++"
    r"(?:by\s++)?(?:(?:approximately|about|nearly|roughly|over|more\s++than)\s++)?$",
    re.I,
)
# The list's item that ends the words before it: after the item before it and its figure
# ("5.8%, plumbing revenue"), or after the verb that opens the list ("consisted of drain
# cleaning revenue").
_ITEM_END = led(
    r"(?:\d\s*+%\s*+,\s*+(?:and\s++)?|\b(?:consist(?:ed|s)?|compris(?:ed|es|ing)|"
    r"includ(?:ed|es|ing))\s++(?:of\s++)?(?:our\s++)?)(?P<item>[A-Za-z][\w&'’./ -]{1,60}?)\s*+$",
    re.I,
)
_REACH = 60


def listed_item(text: str, at: int) -> str | None:
    """The item a participle's figure at `at` is of, where a list names it right before."""
    said = _PARTICIPLE_BEFORE.search(text, max(0, at - _REACH), at)
    if said is None:
        return None
    before = text[: said.start()]
    item = _ITEM_END.search(before, max(0, len(before) - 80))
    if item is None:
        return None
    words = words_of(item["item"])
    if not words or any(finite_verb(w) for w in words):
        return None  # "We experienced strong growth in X, increasing 11%": a clause, no item
    return item["item"].strip()


# A comparative or an adverb, then a participle, before a name: one adjective in two words.
_TWO_WORD_ADJECTIVE = led(
    r"\b(?:fast(?:er|est)?|slow(?:er|est)?|rapidly|quickly|high(?:er|est)?)(?P<gap> )growing\b",
    re.I,
)


def as_adjective(text: str) -> str:
    """`text` with each two-word adjective of growth hyphened ("faster growing": "faster-growing"),
    every other character in its place."""
    if "growing" not in text.lower():
        return text  # looked for first, in any case, as the pattern reads it
    return _TWO_WORD_ADJECTIVE.sub(lambda m: m.group().replace(" ", "-"), text)
