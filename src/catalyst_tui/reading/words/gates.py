"""Gates: a figure the reader has read is given only where the sentence's structure leaves one
reading of whose it is. Each gate is a fact of English or of accounting that, where it holds,
makes the figure none of its subject's (it refuses; it never moves a figure to another subject):

- a **component**: a figure said as part of another ("which includes a 3% increase from the
  acquisition", "with acquisitions contributing 4%", "an 11% increase from volume") is no
  growth of anyone's;
- a **frame of another part**: a clause framed by one part ("In EMEA,", "Within Services,")
  gives no figure to another part, nor to the company; the sentence's opening frame scopes its
  later clauses too;
- **the whole beside a part**: the company's growth is not read from a clause whose own subject
  is a part ("Our components business saw strong demand, with sales up 40%");
- **no noun phrase**: a subject that holds a verb, a word of talk ("Slide", "results"), a
  person speaking or a participle that opens it ("moving to", "approaching") names no part;
- **no measure said**: a part named in lower case, neither a kind of revenue nor a part by its
  last word ("healthcare needs", "paid subscriptions"), grows only in a sentence that speaks
  of revenue or sales, or where the document spoke of it with revenue.

`refusal` gives the gate that refuses a figure, or "" where none does. It reads the sentence,
the figure's offset and the subject given; nothing of how the reader came to it. Linear: each
gate reads the figure's clause once, within the sentence's bound (vocabulary.LONGEST)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .clauses import Clause, clause_subject, clauses, frame_of
from .patterns import FIGURE, REVENUE_SAID, last_match
from .phrases import finite_verb
from .records import COMPANY
from .subjects import Subject, read_subject
from .vocabulary import PART_WORDS, PLACES, REACH, REVENUE_TYPES, word_set

__all__ = ["refusal"]


def refusal(
    sentence: str,
    at: int,
    kind: str,
    subject: str,
    parts: frozenset[str] = frozenset(),
    company: frozenset[str] = frozenset(),
) -> str:
    """The gate that refuses the `kind` figure at `at` in `sentence` given to `subject`
    (COMPANY for the company's own revenue; `parts`: the parts its document spoke of with
    revenue; `company`: the names it calls the company by, casefolded), or "" where none
    does."""
    said = _said(sentence)
    clause = next((c for c in said.clauses if c.start <= at < c.end), Clause(0, len(sentence)))
    end = _end_of(sentence, at)
    if kind == "growth" and _component(sentence, clause, at, end):
        return "component"
    if kind == "growth" and _over_years(sentence, said, at, end):
        return "growth over years"
    if _framed_by_another(sentence, said, clause, subject):
        return "frame of another part"
    if (
        kind == "growth"
        and subject == COMPANY
        and not _WHOLE_AFTER.match(sentence, end, end + REACH)
        and _whole_beside_part(sentence, said, clause, company)
    ):
        return "the whole beside a part"
    if subject != COMPANY and _no_noun_phrase(subject):
        return "no noun phrase"
    if kind == "growth" and subject != COMPANY and _no_measure(said, subject, parts):
        return "no measure said"
    return ""


class _Said(NamedTuple):
    """What a sentence says once for all its figures: its clauses, where words of growth over
    years first stand, its opening frame, and whether it speaks of revenue."""

    clauses: tuple[Clause, ...]
    over_years: int
    frame: str
    revenue: bool
    revenue_named: bool


@lru_cache(maxsize=32)
def _said(sentence: str) -> _Said:
    years = _OVER_YEARS.search(sentence)
    return _Said(
        tuple(clauses(sentence)),
        years.start() if years else len(sentence) + 1,
        frame_of(sentence)[0],
        _REVENUE_TALK.search(sentence) is not None,
        REVENUE_SAID.search(sentence) is not None,
    )


def _end_of(sentence: str, at: int) -> int:
    figure = FIGURE.match(sentence, at)
    return figure.end() if figure else at


# ---------------------------------------------------------------------------- components
# Words right before a figure (back to a comma or the figure before it) that make it a part
# of another: "which includes a 3% increase", "contributing 3% growth", "an impact of 1%".
_COMPONENT_BEFORE = re.compile(
    r"\b(?:includ(?:e|es|ed|ing)|inclusive\s+of|of\s+which|contribut(?:e|es|ed|ing|ion|ions)|"
    r"(?:impact|benefit|effect)s?\s+of|from\s+(?:the\s+|our\s+)?acquisitions?|"
    r"acquisitions?\s+(?:added|contributed))\b",
    re.I,
)
# Words right after it that say what it came from: "an 8% increase from our acquisitions",
# "a 9% increase from volume", "3 points of contribution".
_COMPONENT_AFTER = re.compile(
    r"\s*(?:(?:points?|percentage\s+points?)\b|"
    r"(?:(?:organic\s+)?(?:increase|growth|rise|improvement|benefit|decrease|decline|"
    r"contribution)\s+)?(?:came\s+)?from\s+(?:the\s+|our\s+|an?\s+|higher\s+|lower\s+)?"
    r"(?:[\w&'’-]+\s+){0,3}?(?:acquisitions?|acquired|volumes?|price|pricing|mix|"
    r"currenc(?:y|ies)|fx|f/x|foreign\s+exchange)\b|"
    r"(?:of\s+)?(?:the\s+)?(?:growth\s+)?contribution\b)",
    re.I,
)
# A part's own growth after "including": "including organic growth of 1% in the US",
# "includes more than 30% growth for our Instant Ink business": a growth noun and the part.
_OWN_GROWTH_BEFORE = re.compile(r"\b(?:growth|increase|decline)\s+of\s+\S*\s*$", re.I)
_OWN_GROWTH_AFTER = re.compile(
    r"\s*(?:(?:organic|sales|revenue)\s+)?(?:growth|increase|decline)?\s*(?:in|for)\s+"
    r"(?!(?:the\s+)?(?:quarter|year|period|half)\b)",
    re.I,
)


def _component(sentence: str, clause: Clause, at: int, end: int) -> bool:
    """Whether the growth at `at` (its figure ending at `end`) is said as a part of another."""
    if _COMPONENT_AFTER.match(sentence, end, min(len(sentence), end + 80)):
        return True
    begin = max(clause.start, at - REACH)
    for before in FIGURE.finditer(sentence, begin, at):
        begin = before.end()
    window = sentence[begin:at]
    cut = max(window.rfind(","), window.rfind(";"))
    own = window[cut + 1 :]
    said = last_match(_COMPONENT_BEFORE, own)
    if said is None or any(finite_verb(w) for w in own[said.end() :].split()):
        return False  # "X, which includes Y delivered 3.2% growth": the relative's, not its
    if said.group().lower().startswith("includ") and (
        _OWN_GROWTH_BEFORE.search(own) or _OWN_GROWTH_AFTER.match(sentence, end, end + REACH)
    ):
        named_after = _OWN_GROWTH_AFTER.match(sentence, end, end + REACH)
        return named_after is None or _from_word(sentence, named_after.end())
    return True


_ACQUISITIONS = re.compile(r"\s*(?:the\s+|our\s+)?acquisitions?\b", re.I)


def _from_word(sentence: str, at: int) -> bool:
    return _ACQUISITIONS.match(sentence, at, at + 40) is not None


# ---------------------------------------------------------------------------- years
# Growth over several years: a stack of two years' rates, a compounded or annual rate over
# years, growth "over the last three years".
_OVER_YEARS = re.compile(
    r"\b(?:(?:two|three|four|five|2|3|4|5)[- ]years?\s+(?:stack(?:ed)?|compound(?:ed)?|cagr|"
    r"basis|growth|period|trend)|stack(?:ed)?\s+(?:basis|growth|comparison)|on\s+a\s+stacked|"
    r"compound(?:ed)?\s+annual|cagr|over\s+(?:the\s+)?(?:last|past)\s+(?:two|three|four|five|"
    r"several|\d+)\s+years)\b",
    re.I,
)
# Where a figure's own words end: a comma, a clause's cut, a word that opens another phrase.
_OWN_END = re.compile(r"[,;]|\b(?:and|with|as|while|but|which|driven|led|due)\b|\d\s?%", re.I)


def _over_years(sentence: str, said: _Said, at: int, end: int) -> bool:
    """Whether the growth at `at` is said over several years: such words stand before it in
    its sentence (they frame what follows), or in its own words after it."""
    if said.over_years < at:
        return True
    stop = _OWN_END.search(sentence, end, end + REACH)
    until = stop.start() if stop else min(len(sentence), end + REACH)
    return _OVER_YEARS.search(sentence, end, until) is not None


# ---------------------------------------------------------------------------- frames
def _part(subject: Subject) -> bool:
    return subject.name not in ("", COMPANY) and not subject.other and not subject.anaphor


_SAME_DROP = word_set("the our its and of &")


def _words(name: str) -> frozenset[str]:
    return frozenset(
        w.lower().rstrip("s")
        for w in re.findall(r"[\w/.-]+", name)
        if w.lower() not in _SAME_DROP and w.lower() not in PART_WORDS
    )


def same_part(one: str, other: str) -> bool:
    """Whether two names name the same part: the words of one (without determiners and the
    words of a part's kind) are all the other's."""
    a, b = _words(one), _words(other)
    return bool(a) and bool(b) and (a <= b or b <= a)


def _framed_by_another(sentence: str, said: _Said, clause: Clause, subject: str) -> bool:
    """Whether the figure's clause, or the sentence it opens, is framed by a part other than
    `subject` (the company's own revenue being no part)."""
    frame = said.frame if clause.start == 0 else frame_of(sentence[clause.start : clause.end])[0]
    frame = frame or said.frame  # "In EMEA, while X grew 2%, ...": the sentence's frame
    if not frame:
        return False
    framed = read_subject(frame, revenue_said=True)
    if not _part(framed):
        return False
    if subject == COMPANY:
        return True
    if same_part(framed.name, subject):
        return len(_words(subject)) > len(_words(framed.name))  # "RF Solutions A&D": both
    return _place(framed.name) or _place(subject)  # a business framed by its segment: its own


def _place(name: str) -> bool:
    return any(w.lower().strip(".") in PLACES for w in re.findall(r"[\w.]+", name))


# ---------------------------------------------------------------------------- the whole
# The whole's measure in the figure's own words: "resulting in 10.6% organic revenue growth".
_WHOLE_AFTER = re.compile(
    r"\s*(?:(?:organic|total|net|reported|overall|consolidated)\s+)*(?:revenues?|sales|"
    r"top[- ]line)\s+growth\b",
    re.I,
)


def _whole_beside_part(sentence: str, said: _Said, clause: Clause, company: frozenset[str]) -> bool:
    """Whether the clause's own subject (its frame set aside) names a part of the business,
    not the company by its name."""
    text = sentence[clause.start : clause.end]
    _, body = frame_of(text)
    own = clause_subject(text[body:], clause.start == 0 and body == 0, said.revenue_named)
    if own.name.casefold() in company or re.search(r"\b(?:inc|corp|group)\.?$", own.name, re.I):
        return False  # "NIKE Inc revenue grew 16%", "Group revenue": the company by its name
    return _part(own) and (
        own.name[:1].isupper() or any(w.lower() in PART_WORDS for w in own.name.split())
    )


# ---------------------------------------------------------------------------- names
_TALK = word_set(
    """slide slides page pages chart exhibit results performance i i'll i'm we we're we've
    you you'll let summarize cover mentioned noted said discussed highlighted"""
)
_OPENERS = word_set(
    """further despite considering having given moving turning looking starting to as for
    approaching including excluding compared versus while when"""
)


# One word that never names a part alone: an adverb, a degree, a word of comparison.
_NO_PART_ALONE = word_set(
    "still also even again top flat global overall total comparison contrast lap addition line"
)


def _no_noun_phrase(subject: str) -> bool:
    words = subject.split()
    if not words or subject.lower() in _NO_PART_ALONE:
        return True
    if words[0].lower() in _OPENERS:
        return True
    for word in words:
        low = word.lower().strip(".,;:'’")
        if low in _TALK:
            return True
        if word.islower() and finite_verb(word) and low not in ("up", "down"):
            return True
    return False


# ---------------------------------------------------------------------------- measures
_REVENUE_TALK = re.compile(
    r"\b(?:revenues?|sales|arr|top[- ]line|organic(?:ally)?|core\s+growth|"
    r"constant[- ]currency|by\s+(?:end[- ])?(?:markets?|regions?|geograph\w+|segments?)|"
    # a sentence of the business's parts: "Our data center business was up 30%, networking 12%"
    r"business(?:es)?|segments?|divisions?|"
    # the company grew in a kind of thing: "we grew 48% sequentially in filters"
    r"we(?:['’]ve|\s+have)?\s+(?:grew|grown))\b",
    re.I,
)


def _no_measure(said: _Said, subject: str, parts: frozenset[str]) -> bool:
    """Whether a part named in lower case, neither a kind of revenue nor a part by its last
    word, is said to grow in a sentence that speaks of no revenue."""
    if not subject.islower() or subject.casefold() in parts:
        return False
    head = subject.split()[-1].lower()
    if head in PART_WORDS or head in REVENUE_TYPES:
        return False
    return not said.revenue
