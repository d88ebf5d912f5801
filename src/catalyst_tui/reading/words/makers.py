"""Whose a bare measure of revenue is where its clause says who made it: a part beside it or
framing it ("Our components business capitalized on strong demand, with sales up 40%"), a part
the sentence points back to ("While sales declined 2%, the segment would have been up 5%"), or a
maker named in words no part's name holds ("data center generated revenue of $194 billion, up
68%"), whose figure is then nobody's: never the company's."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..leads import led
from .components import MADE
from .frames import framing_part, opening, part_beside
from .names import PART_NOUNS, no_noun_phrase
from .records import COMPANY
from .subjects import Subject, read_subject

if TYPE_CHECKING:
    from .clause_cuts import Clause

__all__ = ["part_named_before", "part_or_maker", "part_where_seen", "we_reported"]


def part_named_before(earlier: Subject, parts: frozenset[str]) -> bool:
    """Whether `earlier`, a clause before's subject, names a part a bare measure of revenue
    after it is of ("Security revenue declined, while revenue grew 5%"; "Our filtration
    business has continued …, and revenues were up 30%"; not "When comparing …, revenues
    grew"): a name in capitals, one of the company's parts, or a noun of a part."""
    return (
        earlier.name not in ("", COMPANY)
        and not earlier.other
        and (
            earlier.name[:1].isupper()
            or earlier.name.casefold() in parts
            or earlier.name.rsplit(maxsplit=1)[-1].lower() in PART_NOUNS
        )
        and not no_noun_phrase(earlier.name)
    )


def part_or_maker(sentence: str, clause: Clause, company: frozenset[str], at: int) -> str | None:
    """The part a bare measure of revenue in `clause` (its figure at `at`) is of, "" where it is
    the company's, None where whose it is goes unsaid: the sentence points back to a part ("the
    segment would have been up 5%"), or the clause's own subject made it but names no part ("data
    center generated revenue of $194 billion, up 68%")."""
    part = part_beside(sentence, clause, company, at) or framing_part(sentence, clause)
    if part:
        return part
    if _A_PART_BEFORE.search(sentence):
        return None  # "While sales declined 2%, the segment would have been up 5%": the
        # segment's, which a sentence before names
    phrase = opening(sentence[clause.start : clause.end])
    named_at = sentence.find(phrase, clause.start, at) if phrase else -1
    if named_at < 0 or not _MADE_REVENUE.match(sentence, named_at + len(phrase), at):
        return ""
    maker = read_subject(phrase, first=clause.start == 0, revenue_said=True)
    if maker.name in ("", COMPANY) or maker.other or maker.anaphor:
        return ""  # "We generated revenue of …", "The company generated …": the company's
    return None if maker.name.casefold() not in company else ""


# A part named in capitals after a preposition, then a clause of where the company saw its
# figure: "led once again by Animal Health, where we saw a 53% sales growth".
_WHERE_WE = led(
    r"\b(?:by|in|from|at)\s+(?P<name>(?:our\s+|the\s+)?(?-i:[A-Z])[\w&'’.-]*"
    r"(?:\s+(?-i:[A-Z&])[\w&'’.-]*){0,3}),\s*where\s+(?:we|our|it|its)\b[^,;%]*$",
    re.I,
)


def part_where_seen(sentence: str, clause: Clause, at: int, read: Subject) -> Subject | None:
    """The part named right before a clause of where the company saw the figure at `at` ("led
    once again by Animal Health, where we saw a 53% sales growth": Animal Health's), where the
    subject `read` is not named in that clause; None elsewhere."""
    where = _WHERE_WE.search(sentence, max(clause.start, at - 160), at)
    if where is None or (read.name != COMPANY and read.name in sentence[where.end("name") : at]):
        return None
    named = read_subject(where["name"], revenue_said=True)
    if not named.part or named.other or named.anaphor or named.name == COMPANY:
        return None
    return named


# A figure of revenue's change the company says it reported: "the 7% organic revenue growth
# that we reported".
_WE_REPORTED = led(
    r"\d(?:\.\d+)?\s?(?:%|percent\b)\s+(?:(?:organic|total|net|reported|consolidated)\s+){0,2}"
    r"(?:revenues?|sales)\s+(?:growth|increase|decline|decrease)\s+(?:that|which)\s+we\s+"
    r"(?:have\s+|just\s+)?(?:reported|delivered|achieved|posted|generated)\b",
    re.I,
)


def we_reported(sentence: str, at: int) -> bool:
    """Whether the figure at `at` is of the revenue the company says it reported ("I'd like to
    highlight the 7% organic revenue growth that we reported": the company's, though the
    clause's subject is a speaker)."""
    return _WE_REPORTED.match(sentence, at) is not None


# A part the sentence points back to, by a noun no whole is called: "the segment", "this
# division" (not "the business", which may be the whole).
_A_PART_BEFORE = led(r"\b(?:the|this|that)\s+(?:segment|division|sector)\b", re.I)
# A verb of making revenue, right after its maker, and the amount made: " generated revenue of
# $194 billion" (not "reported sales growth of 5%": an adjective).
_MADE_REVENUE = led(
    r"\s+(?:\w+ly\s+)?"
    + MADE
    + r"\s+(?:(?:total|net|record)\s+)?(?:revenues?|sales)\s+of\s+(?:approximately\s+)?[$€£]?\s?\d",
    re.I,
)
