"""Gates of a clause's frame and its own subject: a clause framed by one part ("In EMEA,")
gives no figure to another part nor to the company; the company's growth is not read from a
clause whose own subject is a part; a place and a part that is no place named together
("Revenue for the Manpower brand in the U.S.") give the figure to neither alone; a part named by
a capital in a clause a place frames grew in that place ("In the Americas, Flavor Solutions
organic sales increased 1%")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..leads import led
from ..wordlists import word_set
from .clauses import frame_of, subordinate_opening
from .lists import LIST_SEPARATOR
from .names import no_noun_phrase
from .patterns import DRIVER_BEFORE
from .phrases import NOT_ADVERBS, finite_verb, words_of
from .records import COMPANY
from .subjects import read_subject
from .trims import SOME
from .vocabulary import (
    GENERIC_WORDS,
    PART_WORDS,
    PERIOD_WORD,
    PLACES,
    REACH,
    REVENUE_WORDS,
    TALK_TO_COME,
)

if TYPE_CHECKING:
    from .clause_cuts import Clause

__all__ = [
    "WHOLE_AFTER",
    "framed_by_another",
    "opening",
    "place_and_part",
    "placed_in_frame",
    "same_part",
    "whole_beside_part",
]


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


def framed_by_another(
    sentence: str, first: str, clause: Clause, subject: str, company: frozenset[str] = frozenset()
) -> bool:
    """Whether the figure's clause, or the sentence it opens, is framed by a part other than
    `subject` (the company's own revenue being no part; `first`: the sentence's opening frame;
    `company`: the names the company is called by, casefolded, which frame no part: "For Sea
    overall, total GAAP revenue increased 38%")."""
    frame = first if clause.start == 0 else frame_of(sentence[clause.start : clause.end])[0]
    frame = frame or first  # "In EMEA, while X grew 2%, ...": the sentence's frame
    if not frame:
        return False
    framed = read_subject(frame, revenue_said=True)
    if not framed.part or framed.name.casefold() in company:
        return False
    if subject.casefold().endswith(f" in {framed.name.casefold()}"):
        return False  # the part placed in the frame's place (placed_in_frame)
    if subject == COMPANY:
        return True
    if same_part(framed.name, subject):
        more = _words(subject) - _words(framed.name)  # "GTO recurring": the frame's, qualified
        return len(_words(subject)) > len(_words(framed.name)) and not more <= _QUALIFIERS
    # a place frames a part not itself a place ("In EMEA, consumer sales declined 11%": EMEA's
    # consumer sales, unsaid whose); a business framing one of its own parts or places leaves
    # the part its own ("In our international business, EMEA revenue was up 24%")
    return (
        _place_said(framed.name)
        and not any(w.lower() in _KINDS_OF_BUSINESS for w in framed.name.split())
        and not _place_said(subject)
    )


def placed_in_frame(
    sentence: str, clause: Clause, subject: str, company: frozenset[str], kind: str
) -> str:
    """`subject` placed in the place that frames its clause, where it is a part named by a
    capital and no place, and the figure a growth ("In the Americas, Flavor Solutions organic
    sales increased 1%": Flavor Solutions in Americas); "" elsewhere (a part in lower case
    may be a market's: "In China, smartphone sales grew 20%"; "In EMEA, consumer sales declined
    11%": whose; a share's whole may be the place's: "Within Experis in the U.S., IT skills
    comprised approximately 80% of revenues")."""
    if kind != "growth" or subject == COMPANY or not subject[:1].isupper():
        return ""
    frame = frame_of(sentence[clause.start : clause.end])[0] or frame_of(sentence)[0]
    if not frame:
        return ""
    framed = read_subject(frame, revenue_said=True)
    if (
        not framed.part
        or framed.name.casefold() in company
        or not _place_said(framed.name)
        or any(w.lower() in _KINDS_OF_BUSINESS for w in framed.name.split())
        or _place_said(subject)
        or same_part(framed.name, subject)
    ):
        return ""
    return f"{subject} in {framed.name}"


# Words that qualify a part's revenue without naming another part: "GTO recurring revenues".
_QUALIFIERS = frozenset({"recurring", "organic", "total", "net", "reported", "core", "underlying"})
# The words that name a business as such, not a place: "our international business".
_KINDS_OF_BUSINESS = word_set(
    "business businesses segment segments division divisions unit units side group groups"
)


def _one_of_the_list(name: str, listed: str) -> bool:
    """Whether `name` is an item of the list `listed` names ("PG&A" of "PG&A and International
    businesses")."""
    items = re.split(LIST_SEPARATOR, listed)
    return len(items) > 1 and name.casefold() in (i.casefold() for i in items)


# ---------------------------------------------------------------------------- the whole
# The whole's measure in the figure's own words: "resulting in 10.6% organic revenue growth".
WHOLE_AFTER = led(
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
_TALK_OPENS = led(
    r"\s*(?:and\s+|so\s+)?[A-Za-z]+ing\s+(?:now|a|an|the|our|to|at|on|onto|into|up|back|with|"
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
    for word in words_of(text[body : body + REACH]):
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
        if low.endswith(("'d", "’d")):
            break  # "I'd note that …": the speaker, then a verb
    return " ".join(words)


def part_beside(sentence: str, clause: Clause, company: frozenset[str], at: int) -> str:
    """The part a clause's own subject names where a bare measure of revenue stands in it
    after that subject (the figure at `at`): "Our global components business capitalized on
    strong demand, with sales up 40%" (the sales are the business's); "" where its subject
    names no part, is named after the figure, or a speaker's words stand between ("Ruth Porat,
    CFO, said: 'We delivered revenues of $85 billion, up 14%'": the company's)."""
    if not whole_beside_part(sentence, clause, company):
        return ""
    phrase = opening(sentence[clause.start : clause.end])
    named_at = sentence.find(phrase, clause.start) if phrase else -1
    if named_at < 0 or named_at + len(phrase) > at:
        return ""  # "Revenue Growth of 234% Fueled by Licensing": named after the figure
    if _SPOKEN.search(sentence, named_at + len(phrase), at):
        return ""
    own = read_subject(phrase, first=clause.start == 0, revenue_said=True)
    return own.name if own.part and not own.other else ""


def framing_part(sentence: str, clause: Clause) -> str:
    """The part the sentence's opening frame names, for a bare measure of revenue in a clause
    that names no frame of its own: "In Industrial, customers were holding back …, and organic
    revenue was down 20%" (Industrial's); "" where the frame names no part."""
    if clause.start and frame_of(sentence[clause.start : clause.end])[0]:
        return ""  # the clause's own frame scopes it
    frame = frame_of(sentence)[0]
    framed = read_subject(frame, revenue_said=True) if frame else None
    return framed.name if framed is not None and framed.part and not framed.other else ""


# A speaker's words, or the company speaking as "we", between a part named and a figure.
_SPOKEN = led(r"\b(?:said|says|stated|commented|noted|added|remarked|we|i)\b|[:“\"]", re.I)


# A name's consolidated figures are the whole company's: "NOV's reported consolidated revenue",
# "Harsco consolidated revenues".
CONSOLIDATED = led(r"(?:['’]s)?\s+(?:reported\s+)?consolidated\s", re.I)


def _consolidated_of(clause: str, name: str) -> bool:
    """Whether `name` stands in `clause` right before "consolidated" ("Harsco consolidated
    revenues"): the company by its name."""
    at = clause.find(name) if name else -1
    return at >= 0 and CONSOLIDATED.match(clause, at + len(name)) is not None


@lru_cache(maxsize=32, typed=True)  # each figure of a clause asks of the same clause again
def whole_beside_part(sentence: str, clause: Clause, company: frozenset[str]) -> bool:
    """Whether the clause's own subject (its frame set aside) names a part of the business,
    not the company by its name."""
    if _SPEAKER_SAID.match(sentence, clause.start, clause.end):
        return False  # "Craig already mentioned, our sales grew 34%": a speaker, no part
    phrase = opening(sentence[clause.start : clause.end])
    if _SOME_PARTS.match(phrase):
        return True  # "Four of our five business segments recorded organic revenue growth"
    own = read_subject(phrase, first=clause.start == 0, revenue_said=True)
    if (
        own.name.casefold() in company
        or _consolidated_of(sentence[clause.start : clause.end], own.name)
        or own.name.lower() == "group"
        or re.search(r"\b(?:inc|corp|corporation|ltd|plc)\.?$", own.name, re.I)
    ):
        return False  # "NIKE Inc revenue grew 16%", "Group revenue": the company by its name
    if subordinate_opening(sentence[clause.start : clause.end]) and no_noun_phrase(own.name):
        return False  # "Normalizing for the inclusion of Cardtronics, pro forma revenue was up"
    return own.part and (
        own.name[:1].isupper()
        or any(w.lower() in PART_WORDS or w.lower() in ("team", "teams") for w in own.name.split())
    )


# A speaker named as having said it, opening the clause: "Craig already mentioned, our sales".
_SPEAKER_SAID = led(
    r"\s*(?:(?:and|so|as)\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+(?:already\s+|just\s+|also\s+)?"
    r"(?:(?:mentioned|said|noted|discussed|highlighted|described|covered|indicated)\s*,|"
    # a speaker's talk to come: "Martin will also go through the financial details, but …"
    + TALK_TO_COME
    + ")"
)
# Some of the company's parts, counted: "Four of our five business segments", "all of our regions".
_SOME_PARTS = led(
    r"\s*(?:all|" + SOME + r")\s+"
    r"(?:of\s+)?(?:our|the|its)\s+(?:\w+\s+){0,2}?(?:segments|businesses|divisions|regions|"
    r"units|groups|brands|markets|geographies|lines|categories)\b",
    re.I,
)


# ---------------------------------------------------------------------------- places
# Any word of a place, as a quick test before the names are read. Every place's word opens
# with a letter, so a word boundary stands where one may start (said first: \b).
_PLACE_WORD = led(
    r"\b(?<!\w)(?i:united\s+states|united\s+kingdom|hong\s+kong|new\s+zealand|saudi\s+arabia|"
    + "|".join(sorted((re.escape(w) for w in PLACES - {"greater"}), key=len, reverse=True))
    + r"|(?-i:Greater))(?!\w)"  # "Greater China"; "greater defense sales" names no place
)
# The first word of each place's name, lowered ("united" of "United States", "u" of "U.S."):
# a place is named only where one stands whole.
_PLACE_FIRSTS = frozenset(
    re.split(r"\W+", place)[0] for place in (*PLACES, "united", "hong", "new", "saudi")
)
_WORD_RUN = re.compile(r"\w+")


def _place_said(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether _PLACE_WORD finds a place in `text` from `start` to `end`: in ASCII words,
    looked for only where the first word of a place's name stands whole, lowered as `re.I`
    reads it (the words before most figures name none: a fifth of the search's cost)."""
    end = len(text) if end is None else end
    words = text[max(start, 0) : max(end, 0)]  # where the search reads, as it bounds them
    if words.isascii() and _PLACE_FIRSTS.isdisjoint(_WORD_RUN.findall(words.lower())):
        return False
    return _PLACE_WORD.search(text, start, end) is not None


def place_and_part(
    sentence: str, clause: Clause, at: int, subject: str, company: frozenset[str]
) -> bool:
    """Whether the figure's subject and the clause's own subject name a place and a part that
    is no place together ("Revenue for the Manpower brand in the U.S.", "Our Friction OE
    business grew 30%, with 42% growth in North America", "Experis U.S. revenues"); a place
    that opens a part's name ("Americas Banking") is a word of that name."""
    if not (_place_said(sentence, max(clause.start, at - REACH), at) or _place_said(subject)):
        return False  # no place named: most figures
    if (
        subject != COMPANY
        and DRIVER_BEFORE.search(sentence, max(0, at - 40), at)
        and not _NAME_AFTER.match(sentence, at, at + _OWN_WORDS)  # "led by 60% growth on the
    ):  # Mainland": the place after it, no part's
        return False  # "Revenue in EMEA was up 41%, driven by nearly 50% growth in our wholesale
        # business": what drove the place's growth is a part's own, said of it
    named = [] if subject == COMPANY else [subject]
    own = read_subject(opening(sentence[clause.start : clause.end]), revenue_said=True)
    if (
        own.part
        and not _VERB_OPENS.match(own.name)  # "30% of our revenue comes from Europe": no part
        and own.name.casefold() not in company
        and not _one_of_the_list(subject, own.name)  # "our PG&A and International
    ):  # businesses performed well, with PG&A sales growing 8%": one the clause names
        named.append(own.name)
    place = other = False
    if (
        _place_and_part_named(subject, company)
        and all(n == subject or n.casefold() in subject.casefold() for n in named)
        and not _NAME_AFTER.match(sentence, at, at + _OWN_WORDS)  # "60% growth on the Mainland"
    ):
        return False  # "Flooring North America sales increased 3%": one name holds both
    for name in named:
        if _PLACE_WORD.match(name):
            continue  # "Americas Banking revenue": a place that opens a part's name is its word
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


# A verb a clause opening with a share's figure goes on with, read as no part of its own.
_VERB_OPENS = led(r"(?:comes?|came|is|are|was|were)\b", re.I)
_OWN_WORDS = 30  # how far after a figure its own words ("growth on the Mainland") stand
# A place named in the figure's own words, right after it: "60% growth on the Mainland" (not
# "15% led by strength at Vans").
_NAME_AFTER = led(r"\S*(?:\s+[\w-]+){0,2}?\s(?:in|on|at|across)\s+(?:the\s+)?(?-i:[A-Z])")


def _place_and_part_named(name: str, company: frozenset[str]) -> bool:
    """Whether one name holds a place and a part of its own ("Flooring North America",
    "Mainland China business"), the place not opening it."""
    if name == COMPANY or not _place_said(name) or _PLACE_WORD.match(name):
        return False
    words = re.findall(r"\w[\w&.'’-]*", _PLACE_WORD.sub(" ", name))
    return any(
        _names_a_part(word, word.lower().strip(".'’-").removesuffix("'s"), company)
        and word.lower().strip(".'’-") not in PLACES
        for word in words
    )


# Words in a name that name no part of their own: adjectives of kind or size, "rest of".
_NO_NAME_WORDS = word_set(
    """operation operations rest other others world all key major main principal primary
    several various certain remaining new existing mature developed developing smaller larger
    largest biggest combined total inc corp corporation ltd plc growth increase decline decrease
    change non mid"""
)


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
