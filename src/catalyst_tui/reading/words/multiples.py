"""A growth said as a multiple: "doubled", "more than tripled", "grew fourfold" (one_figure.py
asks), of revenue or of a part by its word, never of what else a verb of multiples acts on
("we nearly doubled free cash flow", "doubled the number of instruments")."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import any_word, one_of
from .attribution import other_in, subject_at
from .clauses import frame_of
from .lists import Found
from .objects import object_subject
from .patterns import (
    NEGATIVE,
    REVENUE_SAID,
    TIMES,
    VERB_THEN,
    compared_at_end,
    comparison_said,
    tail,
)
from .records import COMPANY
from .subjects import read_subject

__all__ = ["read_multiple"]

# A multiple said as a word, or written "Nx": the growth it is (a percentage).
MULTIPLE = {"doubled": 100.0, "tripled": 200.0, "quadrupled": 300.0, "halved": -50.0}
MULTIPLE |= {"doubling": 100.0, "tripling": 200.0, "quadrupling": 300.0}
MULTIPLE |= {"double": 100.0, "triple": 200.0}  # "more than double the $9.8 million": against it
MULTIPLE |= {f"{word}fold": 100.0 * (times - 1) for times, word in enumerate(TIMES, 3)}
MULTIPLE |= {f"{word}-fold": 100.0 * (times - 1) for times, word in enumerate(TIMES, 3)}
MULTIPLE |= {f"{times}x": 100.0 * (times - 1) for times in range(2, 10)}  # "2x": doubled

# What a verb of multiples acts on, up to a preposition: "doubled free cash flow in 2021".
_NOT_ACTED_ON = one_of(
    """in on to from at for with over versus year since during while and as after because due
    driven led thanks when which compared again"""
)
_ACTED_ON = led(rf"(?:\s+(?!{_NOT_ACTED_ON}\b)[\w&'’/-]+){{1,4}}", re.I)
# What a verb of multiples acts on, where it is revenue's: revenue, or a part by its word.
_OF_REVENUE_OR_PART = any_word(
    """revenues? sales arr top~line business(?:es)? segments? divisions? portfolio products?
    services software subscriptions?_revenue"""
)
# Adverbs, or the period it was done in: "Grilling sales more than doubled this quarter".
_ADVERBS_ONLY = led(
    r"(?:\s+(?:\w+ly|year(?:-\s?|\s)over(?:-\s?|\s)year|again|since|"
    r"(?:this|that|last|the)\s+(?:quarter|year|period|month|half)))+",
    re.I,
)
# What was named before: "those sales", "that business".
_NAMED_BEFORE = led(
    r"\s+(?:those|these|that|this)\b(?!\s+(?:quarter|year|period|month|half|time|week)s?\b)", re.I
)
# A doubling under way, said in the present: "we are now doubling".
_UNDER_WAY = led(r"\b(?:are|is|['’]re|be)\s+(?:\w+ly\s+|now\s+|also\s+)?$", re.I)
# A count: "we have doubled the number of instruments that can be networked".
_COUNT = led(r"\s+(?:the\s+|our\s+)?(?:number|count|amount)\s+of\b", re.I)


def read_multiple(
    text: str, match: re.Match[str], before: str, after: str, first: bool, revenue_said: bool
) -> Found | None:
    """The growth the multiple `match` says ("doubled": 100%), or None where it is another
    measure's."""
    against = match["mult"].lower() in ("double", "triple")  # an amount, then the one before
    acts = None if against else _ACTED_ON.match(after)
    if acts and _NAMED_BEFORE.match(acts.group()):
        return None  # "we almost doubled those sales": what was named before, unsaid here
    if match["mult"].lower().endswith("ing") and _UNDER_WAY.search(before, tail(before, 30)):
        return None  # "we are now doubling from 2025 to 2026 to $3.25 billion": a plan's
    if acts and (
        other_in(acts.group())
        or _COUNT.match(acts.group())
        or not (_OF_REVENUE_OR_PART.search(acts.group()) or _ADVERBS_ONLY.fullmatch(acts.group()))
    ):
        return None  # "we nearly doubled free cash flow", "its media rights": no revenue
    said = compared_at_end(before, tail(before, 40))
    value = MULTIPLE[match["mult"].lower()]
    verb_at = said.start() if said is not None else match.start()
    if match["mult"].lower().endswith("x") and not REVENUE_SAID.search(before):
        return None  # "46 new products, up almost 2x", "the magnitude increases 4X": no revenue
    if match["mult"].lower().endswith(("fold", "x")):  # "grew fourfold", "jumped 2x": after
        # its verb
        verb = VERB_THEN.search(before, tail(before, 160))
        if verb is None or NEGATIVE.match(verb["verb"]):
            return None
        verb_at = verb.start()
    subject = subject_at(text, verb_at, after, first, revenue_said)
    frame = frame_of(text)[0] if subject.name == COMPANY and subject.bare else ""
    framed = read_subject(frame, revenue_said=True) if frame else None
    if framed is not None and (framed.other or framed.anaphor):
        return None  # "In this segment, revenues doubled": one named before
    if framed is not None and framed.name not in ("", COMPANY):
        subject = framed._replace(revenue=True)  # "In Canada, revenues nearly tripled": Canada's
    if subject.name == COMPANY:  # "we doubled revenue in our cloud business": the cloud's
        subject = object_subject(after, of_revenue=True) or subject
    acted = read_subject(acts.group(), revenue_said=True) if acts else None
    if subject.name == COMPANY and acted is not None and acted.name not in ("", COMPANY):
        subject = acted if not (acted.other or acted.anaphor) else subject  # "tripling our
        # cloud revenue": the cloud's
    comparison = comparison_said(said)
    return Found("growth", value, comparison, subject, "", match.start())
