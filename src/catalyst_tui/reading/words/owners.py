"""Gates of whose a figure is, said around it: what grew named right after it ("25% growth
in our component supply"), a possessive owner before it ("Consulting's hybrid cloud
revenue"), or a measure that is no revenue nearest before it in its clause ("order growth,
with a 76% improvement")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..leads import led
from ..wordlists import word_set
from .capitals import CHANNEL_OF_A_NAME, brand_before
from .clauses import frame_of
from .frames import CONSOLIDATED, same_part
from .objects import object_subject
from .outside import a_place
from .own_names import may_name
from .patterns import FIGURE, OBJECT, REVENUE_SAID, last_match
from .phrases import finite_verb, measure_at, other_measure, phrase_before, tokens
from .records import COMPANY
from .subjects import read_subject
from .vocabulary import NOT_REVENUE, PERIOD, REACH, REVENUE_WORDS

if TYPE_CHECKING:
    from .clause_cuts import Clause

__all__ = [
    "at_part",
    "measure_before",
    "named_after_it",
    "owned_by_another",
    "owner_of",
    "part_before_as",
    "part_of_other_measure",
    "part_object",
    "total_of_name",
]


# What a growth is of, said right after its figure: "25% growth in our component supply",
# "an increase of 31% in the Hispanic persons demo".
def of_another(sentence: str, end: int, subject: str) -> bool:
    """Whether the words right after the figure (ending at `end`) name what grew, and that is
    not `subject`: a measure that is no revenue, or another part."""
    part = _PART_OBJECT.match(sentence, end, end + REACH)
    if part is not None and (subject == COMPANY or not same_part(part["x"], subject)):
        return True  # "we've nearly doubled our digital business": the digital business's
    if _measure_after(sentence, end):
        return True
    named = object_subject(sentence[end : end + REACH])
    if named is None:
        return False
    return bool(named.name) and subject != COMPANY and not same_part(named.name, subject)


def named_after_it(sentence: str, end: int, subject: str, *, paired: bool) -> bool:
    """Whether what grew is named right after the figure (ending at `end`), and is not
    `subject`: another part or another measure; for a figure of a pair, another measure only
    (its names are said after its figures: "grew 67% and 74% in the U.S. and Europe")."""
    if paired:
        return _measure_after(sentence, end)
    return of_another(sentence, end, subject) or at_another(sentence, end, subject)


def _measure_after(sentence: str, end: int) -> bool:
    """Whether the words right after the figure (ending at `end`) name what grew, and that is
    a measure that is no revenue."""
    said = OBJECT.match(sentence[end : end + REACH])
    if said is not None and (NOT_REVENUE.search(said["x"]) or _counts_other(said["x"])):
        return True  # "21% growth in same-store rental revenue": what grew is no revenue
    named = object_subject(sentence[end : end + REACH])
    return named is not None and named.other


# A part named after its growth by "at": "core revenue growth of more than 40% at Cytiva and
# Pall Biotech"; a rate of exchange ("at CER", "at constant currency") is no part.
_AT_PART = led(
    # "… on the Mainland", "grew 17% in Q4 on Optical Networking" (not "on Slide 8")
    r"\s+(?:(?:growth|increase|decline)\s+)?(?:in\s+(?:Q[1-4]|the\s+quarter)\s+)?"
    r"(?:at(?:\s+the)?|on\s+the|on(?=\s+(?!(?:Slides?|Pages?|Black|Cyber|Christmas|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b)[A-Z]))\s+"
    r"(?P<x>[A-Z][\w&.'’-]*(?:\s+(?:and\s+|&\s+)?"
    r"[A-Z][\w&.'’-]*){0,4})"
)
# A part in lower case after a change said at it: "a 5% increase at defense and a 10% increase
# at fire & emergency, partially offset by …" (no article: "an increase at a faster pace").
_AT_LOWER = led(
    r"\s+(?:growth|increase|decrease|decline)\s+at\s+"
    r"(?P<x>(?!(?:a|an|the|our|its|this|that|constant|cost)\b)[a-z][\w&-]*"
    r"(?:\s+(?:&\s+)?(?!and\b|partially\b)[a-z][\w&-]*){0,3})"
    r"(?=\s*(?:[,;.]|$|\band\b|\bpartially\b))"
)
_NO_PART_AT = word_set("cer aer cc constant actual reported")


def at_another(sentence: str, end: int, subject: str) -> bool:
    """Whether a part is named after the figure (ending at `end`) by "at", and is not
    `subject`."""
    said = _AT_PART.match(sentence, end, end + REACH)
    if said is None or said["x"].split()[0].lower() in _NO_PART_AT:
        return False
    return subject == COMPANY or not same_part(_SENTENCE_STOP.sub("", said["x"]), subject)


def _counts_other(words: str) -> bool:
    """Whether the head of what grew is a measure that is no revenue ("units", "yield")."""
    found = re.findall(r"[a-z][\w-]*", words.lower())
    return bool(found) and other_measure(found[-1]) and found[-1] not in _NOT_ITS_MEASURE


# A part as the object of a verb of multiples: "doubled our digital business".
_PART_OBJECT = led(
    r"\s+(?:our|its|the)\s+(?P<x>(?:[\w&'’-]+\s+){1,3}?(?:business(?:es)?|segments?|divisions?|"
    r"units?|portfolios?))\b",
    re.I,
)


# Possessive owners: "Bloomingdale's digital sales", "Consulting's hybrid cloud revenue".
# "Let's", "It's", "That's": a verb's contraction, no owner; "the Company's": the company's own;
# a name in the possessive before a verb is a line's name, owning nothing ("Women's was up 10%").
_OWNER = led(
    r"(?<![\w&.-])(?!(?:Let|It|That|There|Here|What|Who|Company)['’]s\s)"
    r"(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s\s"
    r"(?!(?:was|were|is|are|grew|rose|fell|increased|decreased|declined|came|continued)\b)"
)


_LED_BY = led(r"\b(?:led|driven)\s+by\b", re.I)
# An owner in lower case right before revenue: "at-home's revenue growth", "the segment's
# sales", "our customers' revenue" (a part, a part unnamed, another's: never the company's
# whole, where the figure is read as the company's). A time's ("last year's sales") and the
# company's own ("the company's revenue") are none.
_LOWER_OWNER = led(
    r"(?<![\w&'’.-])(?!(?:year|quarter|month|week|period|season|half|decade|today|yesterday|"
    r"company|group|firm|corporation|organization|enterprise)['’]s?\s)"
    r"(?P<owner>[a-z][a-z-]*)(?:['’]s|(?<=s)['’])\s+(?:[\w-]+\s+){0,2}?"
    r"(?:revenues?|sales|top[- ]line)\b"
)


def owner_of(sentence: str, clause: Clause, at: int, subject: str, company: frozenset[str]) -> str:
    """The subject named with its owner, where a possessive other than the company's stands
    right before it in the figure's clause ("Consulting's hybrid cloud revenue grew 34%":
    "Consulting's hybrid cloud"; "NVIDIA's Blackwell Data Center revenue", NVIDIA the
    company: the subject alone); "" where none does."""
    for owner in _OWNER.finditer(sentence, max(clause.start, at - REACH), at):
        if owner["owner"].casefold() in company:
            continue
        if sentence.startswith(subject, owner.end()):
            return sentence[owner.start() : owner.end() + len(subject)]
    return ""


def at_part(sentence: str, at: int) -> str:
    """The part a growth at `at` is named of by where it was earned: after it by "at" ("growth
    of more than 40% at Acme and Brightwell"), or by "internationally" or "domestically" after
    it or after its revenue ("sales increased 20.1% internationally"); "" where none is."""
    figure = FIGURE.match(sentence, at)
    placed = _PLACED_AFTER.match(sentence, figure.end()) if figure else None
    if placed is None:  # the last revenue said before the figure, if it is said so
        words = list(_REVENUE_WORD.finditer(sentence, max(0, at - REACH), at))
        placed = _PLACED_BEFORE.match(sentence, words[-1].start()) if words else None
    if placed is not None:  # "sales increased 20.1% internationally": International's
        return "Domestic" if placed["place"].lower() == "domestically" else "International"
    said = _AT_PART.match(sentence, figure.end(), figure.end() + REACH) if figure else None
    if said is None and figure is not None:
        said = _AT_LOWER.match(sentence, figure.end(), figure.end() + REACH)
    if said is None or said["x"].split()[0].lower() in _NO_PART_AT:
        return ""
    return _SENTENCE_STOP.sub("", said["x"])  # "at Cepheid." ends the sentence; "the U.K." keeps


# A sentence's full stop after a name, not an abbreviation's (one letter before it: "U.K.").
_SENTENCE_STOP = led(r"(?<![\s.][A-Z])\.$")
# Revenue said of the business abroad or at home by an adverb: "total revenues internationally
# were $28.3 million, down 3.4%", "organic revenue fell by over 20% domestically".
_PLACED_AFTER = led(r"\s*(?P<place>internationally|domestically)\b", re.I)
_PLACED_BEFORE = led(r"(?:revenues?|sales)\s+(?P<place>internationally|domestically)\b", re.I)
_REVENUE_WORD = led(r"\b(?:revenues?|sales)\b", re.I)


def part_object(sentence: str, at: int) -> str:
    """The part a verb of multiples at `at` acts on, where it names one right after ("we've
    nearly doubled our digital business": "digital business"); "" where it names none."""
    figure = FIGURE.match(sentence, at)
    if figure is None or not figure["mult"]:
        return ""
    part = _PART_OBJECT.match(sentence, figure.end(), figure.end() + REACH)
    return part["x"] if part else ""


def owned_by_another(
    sentence: str, clause: Clause, at: int, subject: str, company: frozenset[str]
) -> bool:
    """Whether a name that owns a part ("X's digital sales") stands in the figure's clause
    before it, and is neither the company nor the subject."""
    for owner in _OWNER.finditer(sentence, max(clause.start, at - REACH), at):
        name = owner["owner"]
        if name.casefold() in company or PERIOD.fullmatch(name.split()[0]):
            continue
        if CONSOLIDATED.match(sentence, owner.end("owner")):
            continue  # "NOV's consolidated revenue": the company by its name
        if _LED_BY.search(sentence, owner.end(), at):
            continue  # "Consulting's growth was led by X, which was up 20%": X is its part
        if subject == COMPANY or not same_part(name, subject):
            return True
    # a part named is read from its own words; the company's revenue is no lower-case owner's
    return subject == COMPANY and bool(
        _LOWER_OWNER.search(sentence, max(clause.start, at - REACH), at)
    )


# The measure nearest before a figure in its clause is its measure ("led in terms of order
# growth, with a 76% improvement" is of orders); words of guidance and of the figure's own
# comparison ("above our guidance range and growing 31%") set none.
_NOT_ITS_MEASURE = word_set(
    """rate rates impact impacts contribution contributions price prices pricing customer
    customers client clients volume volumes demand content investment investments production
    interest guidance outlook forecast headwind headwinds tailwind tailwinds currency
    currencies exchange"""
)


# A growth said of each of what was named before: "each with over 50% growth".
_EACH_WITH = led(r"\b(?:each|both|all)\s+with\s+(?:[\w-]+\s+){0,3}$", re.I)


def measure_before(
    sentence: str, clause: Clause, at: int, revenue_here: frozenset[str] = frozenset()
) -> bool:
    """Whether the nearest measure word before the figure in its clause is no revenue
    (`revenue_here`: measure words its document says as revenue, "advertising revenues")."""
    begin = max(clause.start + frame_of(sentence[clause.start : clause.end])[1], at - REACH)
    if _EACH_WITH.search(sentence, max(begin, at - 40), at):
        begin = clause.start  # "strong orders in medical end markets, …, each with over 50%
        # growth": what "each" counts is named before, however far
    # a relative clause set off by commas says what its subject is, no measure the figure is
    # of: "Revenues from e-filing, which are included in subscriptions, were $26.9 million, up"
    window = _SET_OFF.sub(lambda m: " " * len(m.group()), sentence[begin:at])
    said = last_match(NOT_REVENUE, window)
    if said is not None and not REVENUE_SAID.search(window, said.end()):
        return True  # "new business growth ... with Executive Search up 29%": of new business
    after = ""  # the word after the one read, going back
    words = tokens(window)
    lows = [w.lower() for _, w in words]
    for place in range(len(words) - 1, -1, -1):
        low = words[place][1].lower()
        if low in REVENUE_WORDS or low in ("top-line", "topline") or low in revenue_here:
            return False
        if low in ("all", "each", "both") and (finite_verb(after) or after in ("up", "down")):
            return False  # "revenue, EBITDA and cash flow all grew": each of them
        after = low
        if measure_at(lows, place) and (
            low not in _NOT_ITS_MEASURE or _heads_the_clause(lows, place)
        ):
            if any(
                lows[j] in _LEFT_OUT
                and (lows[j] != "ex" or REVENUE_WORDS.intersection(lows[max(0, j - 4) : j]))
                for j in range(max(0, place - 5), place)
            ):
                continue  # "net revenues excluding these proceeds were up 4%": left out (not
                # "ex special EPS", the EPS's own)
            if _in_a_name(words, place):
                continue  # "Transaction Processing up 10 percent": a word of a part's name
            return True
    return False


def _heads_the_clause(lows: list[str], place: int) -> bool:
    """Whether the word at `place` heads the noun phrase that is the subject of the figure's
    verb, its clause's only verb: "The demand for power generation equipment in China
    increased 47%" is the demand's (not "strong demand drove sales up 10%")."""
    before, after = lows[:place], lows[place + 1 :]
    if any(w in _PREPOSITIONS or w in REVENUE_WORDS or finite_verb(w) for w in before):
        return False  # "growth in volume", "Sales to transportation customers decreased"
    if not after or not (after[0] in _PREPOSITIONS or finite_verb(after[0])):
        return False  # its phrase's last word before a preposition or the verb: "our full price
        # Digital business grew 20%" is the business's
    if any(w in ",:;" for w in after):
        return False
    return sum(1 for w in after if finite_verb(w)) == 1


_PREPOSITIONS = word_set("in of for from at on with by to")


def _in_a_name(words: list[tuple[int, str]], place: int) -> bool:
    """Whether the word at `place` is capitalised (not written in capitals) before another
    capitalised word: a word of a name ("Transaction Processing", "Free Cash Flow" save its
    last word)."""
    word = words[place][1]
    following = words[place + 1][1] if place + 1 < len(words) else ""
    if word.lower() in CHANNEL_OF_A_NAME and brand_before([w for _, w in words], place):
        return True  # "NIKE stores up 1%": the name's own stores
    return word[:1].isupper() and not word.isupper() and following[:1].isupper()


_SET_OFF = led(r",\s*(?:which|who)\s[^,;%]{1,120},")
# Words that leave what follows out of the measure: "revenues excluding these proceeds".
_LEFT_OUT = frozenset({"excluding", "ex", "excludes", "exclusive"})


# A bare measure in a clause opened by "as", after a part the main clause names: "We saw an
# acceleration in our Foodservice business as sales grew 45%" is Foodservice's.
_AS_BARE = led(
    r"\s+as\s+(?:sales|revenues?)\s+(?:\w+ly\s+)?(?:grew|increased|rose|declined|decreased|fell|"
    r"were|was|improved)\b[^,;%]{0,30}$",
    re.I,
)


def part_before_as(sentence: str, start: int, at: int) -> str | None:
    """The part named right before "as sales grew" in the clause from `start` ("the global
    improvement in Champion as sales increased 130%": "Champion"); None where no such "as"
    stands, or the words before it name no part."""
    said = _AS_BARE.search(sentence, max(start, at - REACH), at)
    if said is None:
        return None
    named = read_subject(phrase_before(sentence, said.start()), revenue_said=True)
    if named.name in ("", COMPANY) or named.other or named.anaphor or not named.revenue:
        return None  # "a strong story of demand recovery as revenue grew 11%": the company's
    return named.name


def part_of_other_measure(sentence: str, end: int) -> str | None:
    """The part whose other measure the clause before `end` is of ("Jennie-O volume increased
    9%, and sales increased 22%": "Jennie-O"); "" where that clause's subject is another
    measure of no part named, None where it is no other measure."""
    begin = max(0, end - REACH)  # the clause before, within a phrase's reach: linear
    for at, word in tokens(sentence[begin:end]):
        if not finite_verb(word):
            continue
        words = phrase_before(sentence, begin + at).split()
        if not words or not other_measure(words[-1].lower()):
            return None
        named = read_subject(" ".join(words[:-1]) + " sales", revenue_said=True)
        if named.name in ("", COMPANY):
            return None  # "Total orders increased 8%, and revenue grew 6%": the company's
        return named.name if named.name[:1].isupper() and not named.other else ""
    return None


def total_of_name(sentence: str, name: str, at: int, company: frozenset[str] = frozenset()) -> bool:
    """Whether `name` is said between "total" and its measure ("total GPC sales", "Total VF
    revenue") before the figure at `at`: the company's whole where the name is its own, a
    part's total where it is a part's; which, the sentence does not say where the names the
    company is called by (`company`, casefolded) are unknown, or the name may be one of them."""
    if a_place(name):
        return False  # "total APAC revenue": a place's, never the company's own name
    if company and not may_name(name.casefold(), company) and not a_place(name.split()[0]):
        return False  # "Total ALM revenue" in a call of Iron Mountain: the part's (not "total
        # U.S. retail sales", a place's market)
    return name[:1].isupper() and (
        re.search(
            rf"\btotal\s+{re.escape(name)}\s+(?:net\s+)?(?:sales|revenues?)\b",
            sentence[max(0, at - REACH) : at],
            re.I,
        )
        is not None
    )
