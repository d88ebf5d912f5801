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

from .attribution import object_subject
from .clauses import Clause, clauses, frame_of
from .patterns import FIGURE, OBJECT, REVENUE_SAID, last_match
from .phrases import NOT_ADVERBS, finite_verb, other_measure, tokens
from .records import COMPANY
from .subjects import Subject, read_subject
from .vocabulary import (
    GENERIC_WORDS,
    NOT_REVENUE,
    PART_WORDS,
    PERIOD,
    PERIOD_WORD,
    PLACES,
    REACH,
    REVENUE_TYPES,
    REVENUE_WORDS,
    word_set,
)

__all__ = ["refusal"]


def refusal(
    sentence: str,
    at: int,
    kind: str,
    subject: str,
    parts: frozenset[str] = frozenset(),
    company: frozenset[str] = frozenset(),
    clause: Clause | None = None,
) -> str:
    """The gate that refuses the `kind` figure at `at` in `sentence` given to `subject`
    (COMPANY for the company's own revenue; `parts`: the parts its document spoke of with
    revenue; `company`: the names it calls the company by, casefolded; `clause`: the
    figure's, where the caller has cut the sentence), or "" where none does."""
    said = _said(sentence)
    if clause is None:
        clause = next((c for c in clauses(sentence) if c.start <= at < c.end), None)
        clause = clause or Clause(0, len(sentence))
    end = _end_of(sentence, at)
    if kind == "growth" and _component(sentence, clause, at, end):
        return "component"
    if kind == "growth" and _over_years(sentence, said, at, end):
        return "growth over years"
    if _BETWEEN.search(sentence, max(clause.start, at - 80), at):
        return "a range's end"
    if _framed_by_another(sentence, said, clause, subject):
        return "frame of another part"
    if (
        kind == "growth"
        and subject == COMPANY
        and not _WHOLE_AFTER.match(sentence, end, end + REACH)
        and _whole_beside_part(sentence, clause, company)
    ):
        return "the whole beside a part"
    if _place_and_part(sentence, clause, at, subject, company):
        return "a place and a part"
    if subject != COMPANY and _no_noun_phrase(subject):
        return "no noun phrase"
    if kind == "growth" and _of_another(sentence, end, subject):
        return "what grew named after it"
    if _owned_by_another(sentence, clause, at, subject, company):
        return "owned by another"
    if (
        kind == "growth"
        and not _WHOLE_AFTER.match(sentence, end, end + REACH)
        and _measure_before(sentence, clause, at)
    ):
        return "another measure before it"
    if kind == "growth" and subject != COMPANY and _no_measure(said, subject, parts):
        return "no measure said"
    return ""


class _Said(NamedTuple):
    """What a sentence says once for all its figures: where words of growth over years first
    stand, its opening frame, and whether it speaks of revenue."""

    over_years: int
    frame: str
    revenue: bool
    revenue_named: bool


@lru_cache(maxsize=32)
def _said(sentence: str) -> _Said:
    years = _OVER_YEARS.search(sentence)
    return _Said(
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


# A figure that is an end of a range: "between a 4% decline and a 1% increase".
_BETWEEN = re.compile(r"\bbetween\b[^,;.]*$", re.I)


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


_SAME_DROP = word_set("the our its and of & by for in to at on with from")


def _words(name: str) -> frozenset[str]:
    """The words that name a part: without determiners, and without words of a part's kind
    where others remain ("services business" is services'; "EV applications" is EV's)."""
    words = [
        w.lower().rstrip("s") for w in re.findall(r"[\w/.-]+", name) if w.lower() not in _SAME_DROP
    ]
    named = [w for w in words if w not in _PART_KINDS]
    return frozenset(named or words)


_PART_KINDS = frozenset(w.rstrip("s") for w in PART_WORDS)


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
    return _PLACE_WORD.search(name) is not None


# ---------------------------------------------------------------------------- the whole
# The whole's measure in the figure's own words: "resulting in 10.6% organic revenue growth".
_WHOLE_AFTER = re.compile(
    r"\s*(?:(?:organic|total|net|reported|overall|consolidated)\s+)*(?:revenues?|sales|"
    r"top[- ]line)\s+(?:growth|increase|decline|decrease)\b",
    re.I,
)
# Words that end a clause's opening noun phrase: a verb, an auxiliary, a relative, a comma.
_OPENING_ENDS = word_set(
    """was were is are be been has have had will would could should may can do does did also
    still now today currently again already which that who whose with while as because since
    despite after before comprising representing including excluding accounting"""
)
# A participle that opens talk, not a name: "Moving now to our sales by geography,", "Taking a
# closer look at our geographic distribution,".
_TALK_OPENS = re.compile(
    r"\s*(?:and\s+|so\s+)?[A-Za-z]+ing\s+(?:now|a|an|the|our|to|at|on|onto|into|up|back|"
    r"through|over|further|more)\b[^,;]{0,120},\s*",
    re.I,
)


@lru_cache(maxsize=64)
def opening(text: str) -> str:
    """The noun phrase that opens a clause (its frame set aside), up to its first verb: "the
    Materials segment" of "Finally, the Materials segment completed a quarter with ..."."""
    body = 0
    for _ in range(3):  # a frame, talk, a frame: "Moving now to X, on a constant currency basis,"
        framed = frame_of(text[body:])[1]
        talk = _TALK_OPENS.match(text, body + framed)
        moved = talk.end() if talk else body + framed
        if moved == body:
            break
        body = moved
    words: list[str] = []
    for _, word in tokens(text[body : body + REACH]):
        low = word.lower()
        if (
            word in ",;:()"
            or (finite_verb(word) and low not in ("up", "down"))
            or low in _OPENING_ENDS
            or (word.islower() and len(low) > 4 and low.endswith("ed"))
            or (word.islower() and low.endswith("ly") and low not in NOT_ADVERBS)
        ):
            break
        words.append(word)
    return " ".join(words)


def _whole_beside_part(sentence: str, clause: Clause, company: frozenset[str]) -> bool:
    """Whether the clause's own subject (its frame set aside) names a part of the business,
    not the company by its name."""
    phrase = opening(sentence[clause.start : clause.end])
    own = read_subject(phrase, first=clause.start == 0, revenue_said=True)
    if (
        own.name.casefold() in company
        or own.name.lower() == "group"
        or re.search(r"\b(?:inc|corp|corporation|ltd|plc)\.?$", own.name, re.I)
    ):
        return False  # "NIKE Inc revenue grew 16%", "Group revenue": the company by its name
    return _part(own) and (
        own.name[:1].isupper()
        or any(w.lower() in PART_WORDS or w.lower() in ("team", "teams") for w in own.name.split())
    )


# ---------------------------------------------------------------------------- places
# Any word of a place, as a quick test before the names are read.
_PLACE_WORD = re.compile(
    r"(?<!\w)(?i:united\s+states|united\s+kingdom|hong\s+kong|new\s+zealand|saudi\s+arabia|"
    + "|".join(sorted((re.escape(w) for w in PLACES), key=len, reverse=True))
    + r")(?!\w)"
)


def _place_and_part(
    sentence: str, clause: Clause, at: int, subject: str, company: frozenset[str]
) -> bool:
    """Whether the figure's subject and the clause's own subject name a place and a part that
    is no place together ("Revenue for the Manpower brand in the U.S.", "Our Friction OE
    business grew 30%, with 42% growth in North America", "Experis U.S. revenues")."""
    if not (
        _PLACE_WORD.search(sentence, max(clause.start, at - REACH), at)
        or _PLACE_WORD.search(subject)
    ):
        return False  # no place named: most figures
    named = [] if subject == COMPANY else [subject]
    own = read_subject(opening(sentence[clause.start : clause.end]), revenue_said=True)
    if _part(own) and own.name.casefold() not in company:
        named.append(own.name)
    place = other = False
    if subject != COMPANY and not _place(subject):
        begin = max(clause.start, at - REACH)
        if _PLACE_WORD.search(_outside(sentence[begin:at], subject)):
            return True  # "a strong quarter in China with Off-Road sales up 50%": a place's
    for name in named:
        if _PLACE_WORD.search(name):
            place = True
        for word in re.findall(r"\w[\w&.'’-]*", _PLACE_WORD.sub(" ", name)):
            low = word.lower().strip(".'’-").removesuffix("'s").removesuffix("’s")
            pieces = [p for p in re.split(r"[-/]", low) if p]
            if any(p.strip(".") in PLACES for p in pieces):
                place = True
            elif _names_a_part(word, low, company):
                other = True
    return place and other


# Words in a name that name no part of their own: adjectives of kind or size, "rest of".
_NO_NAME_WORDS = word_set(
    """operation operations rest other others world all key major main principal primary
    several various certain remaining new existing mature developed developing smaller larger
    largest biggest combined total inc corp corporation ltd plc growth increase decline decrease
    change non mid"""
)


def _outside(words: str, subject: str) -> str:
    """`words` without the subject's own name, and without names of the place a figure is
    said in as a currency ("in U.S. dollars")."""
    words = words.replace(subject, " ")
    return re.sub(r"\b(?:U\.?S\.?|Canadian|Australian)\s+dollars?\b", " ", words, flags=re.I)


def _names_a_part(word: str, low: str, company: frozenset[str]) -> bool:
    """Whether a word of a name names a part of its own (no determiner, measure, period or
    word of a part's kind: "Manpower", "staffing", "Friction")."""
    return not (
        low in _SAME_DROP
        or low in PART_WORDS
        or low in GENERIC_WORDS
        or low in REVENUE_WORDS
        or low in PERIOD_WORD
        or low in company
        or low in _NO_NAME_WORDS
        or (word.islower() and low.endswith("ly"))
    )


# ---------------------------------------------------------------------------- names
_TALK = word_set(
    """slide slides page pages chart exhibit i i'll i'm we we're we've
    you you'll let summarize cover mentioned noted said discussed highlighted"""
)
# Words that open no name: a preposition, a conjunction, a participle of talk or of a verb's
# phrase ("representing 80% of our sales", "Breaking our revenue trend down").
_PARTICIPLES = word_set(
    """considering having being moving turning looking starting approaching including excluding
    breaking taking representing reflecting resulting driving leading making bringing reaching
    accounting comprising contributing offsetting following featuring adjusting"""
)
_OPENERS = _PARTICIPLES | word_set(
    """further despite given to as for inclusive exclusive compared versus while when in on at
    of by with from through within across between"""
)
# A description, not a name: "our most resilient product line", "the fastest growing vertical".
_DESCRIBES = word_set(
    """most least largest biggest fastest strongest highest lowest smallest best worst greatest
    newest oldest"""
)
# One word that never names a part alone: an adverb, a degree, a word of comparison or of
# change.
_NO_PART_ALONE = word_set(
    """still also even again top flat global overall total comparison contrast lap addition
    line increase decrease decline growth improvement change"""
)


def _no_noun_phrase(subject: str) -> bool:
    words = subject.split()
    if not words or subject.lower() in _NO_PART_ALONE:
        return True
    if words[0].lower() in _OPENERS:
        return True
    if len(words) == 1 and subject.isalpha() and subject.islower() and subject.endswith("ed"):
        return True  # "which supported 21% sales growth": a verb, no name
    for word in words:
        low = word.lower().strip(".,;:'’")
        if low in _TALK or low in _DESCRIBES or low == "between":
            return True
        if (
            word.islower()
            and (finite_verb(word) or low in _PARTICIPLES)
            and low not in ("up", "down")
        ):
            return True
    return False


# ---------------------------------------------------------------------------- whose else
# What a growth is of, said right after its figure: "25% growth in our component supply",
# "an increase of 31% in the Hispanic persons demo".
def _of_another(sentence: str, end: int, subject: str) -> bool:
    """Whether the words right after the figure (ending at `end`) name what grew, and that is
    not `subject`: a measure that is no revenue, or another part."""
    said = OBJECT.match(sentence[end : end + REACH])
    if said is not None and (NOT_REVENUE.search(said["x"]) or _counts_other(said["x"])):
        return True  # "21% growth in same-store rental revenue": what grew is no revenue
    named = object_subject(sentence[end : end + REACH])
    if named is None:
        return False
    if named.other:
        return True
    return bool(named.name) and subject != COMPANY and not same_part(named.name, subject)


def _counts_other(words: str) -> bool:
    """Whether the head of what grew is a measure that is no revenue ("units", "yield")."""
    found = re.findall(r"[a-z][\w-]*", words.lower())
    return bool(found) and other_measure(found[-1]) and found[-1] not in _NOT_ITS_MEASURE


# Possessive owners: "Bloomingdale's digital sales", "Consulting's hybrid cloud revenue".
_OWNER = re.compile(r"(?<![\w&.-])(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s\s")


def _owned_by_another(
    sentence: str, clause: Clause, at: int, subject: str, company: frozenset[str]
) -> bool:
    """Whether a name that owns a part ("X's digital sales") stands in the figure's clause
    before it, and is neither the company nor the subject."""
    for owner in _OWNER.finditer(sentence, max(clause.start, at - REACH), at):
        name = owner["owner"]
        if name.casefold() in company or PERIOD.fullmatch(name.split()[0]):
            continue
        if subject == COMPANY or not same_part(name, subject):
            return True
    return False


# The measure nearest before a figure in its clause is its measure ("led in terms of order
# growth, with a 76% improvement" is of orders); words of guidance and of the figure's own
# comparison ("above our guidance range and growing 31%") set none.
_NOT_ITS_MEASURE = word_set(
    """rate rates impact impacts contribution contributions price prices pricing customer
    customers client clients volume volumes demand content investment investments production
    interest guidance outlook forecast headwind headwinds tailwind tailwinds currency
    currencies exchange"""
)


def _measure_before(sentence: str, clause: Clause, at: int) -> bool:
    """Whether the nearest measure word before the figure in its clause is no revenue."""
    begin = max(clause.start + frame_of(sentence[clause.start : clause.end])[1], at - REACH)
    said = last_match(NOT_REVENUE, sentence[begin:at])
    if said is not None and not REVENUE_SAID.search(sentence, begin + said.end(), at):
        return True  # "new business growth ... with Executive Search up 29%": of new business
    for _, word in reversed(tokens(sentence[begin:at])):
        low = word.lower()
        if low in REVENUE_WORDS or low in ("top-line", "topline"):
            return False
        if low in ("all", "each", "both"):
            return False  # "revenue, EBITDA and cash flow all grew": each of them
        if other_measure(low) and low not in _NOT_ITS_MEASURE:
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
