"""Whose a growth is, said around its figure rather than by its clause's subject (one_figure.py
asks): the part after "higher" or "lower" ("driven by 3.5% higher merchandise sales"), the part
that led it ("led by Europe with 15% growth"), the name of a share said in an aside just before
it ("Local, which accounted for 64% of revenue was down 27.6%"), and the whole's after a part's
("growth of 15% in Europe and total revenue growth of 9%"), and the item a bare "up" or "down"
is set beside ("strength in services, up 7%"; "India, up 93%, Mexico, up 23%"), and the part
that generated the sales a growth resulted from ("Collins generated $30.2 billion of adjusted
sales, resulting in 9% organic sales growth")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..leads import led
from ..wordlists import word_set
from .against_expected import BEFORE_A_FIGURE
from .clauses import clause_subject
from .components import MADE, RESULTS_INCLUDE
from .measures import ONLY_QUALIFY
from .names import no_noun_phrase
from .patterns import AMOUNT, tail
from .phrases import finite_verb, other_measure, phrase_before
from .records import COMPANY
from .subjects import Subject, read_subject
from .vocabulary import NOT_REVENUE, REACH

if TYPE_CHECKING:
    from .lists import Found

__all__ = [
    "REFUSED",
    "generated_by",
    "measure_before",
    "owner_around",
    "part_before_noun",
    "part_said_higher",
]

#: What owner_around gives where the words around the figure refuse it.
REFUSED = Subject("", False, True, False)
# A loose bound before a figure: "nearly 50%", "more than 30%".
_ROUGHLY = r"(?:(?:about|approximately|nearly|roughly|almost|over|more\s+than)\s+)?"

# The whole's revenue, named so; said just before its growth, after a part's: "… and total
# revenue growth of 9%".
_WHOLE = (
    r"(?:total|consolidated|overall|company|companywide|company-wide)\s+(?:net\s+)?"
    r"(?:revenues?|sales)"
)
WHOLE_AFTER_PART = led(r"\band\s+" + _WHOLE + r"\s+$", re.I)
# The whole said with its amount just before a growth: "…, resulting in total revenue of $2.4
# billion, growth of 13%" (the whole's, whatever part the clause opened with).
WHOLE_AMOUNT_BEFORE = led(
    r"\b" + _WHOLE + r"\s+of\s+" + AMOUNT + r"\s*,\s*(?:an?\s+|representing\s+)?"
    r"(?:(?:growth|increase|decline|decrease)\s+of\s+|up\s+|down\s+)?$",
    re.I,
)
# The whole's growth named right before its figure: "with total revenue growth of 12%" (the
# whole's, whatever parts the clause spoke of before).
WHOLE_GROWTH_BEFORE = led(
    r"\b" + _WHOLE + r"\s+(?:growth|increase)\s+(?:of\s+|was\s+|at\s+)?"
    r"(?:approximately\s+|about\s+|roughly\s+|nearly\s+|over\s+)?$",
    re.I,
)
# A part named as what led a growth, then its own figure: "led by Europe with 15% growth".
LED_BY_WITH = led(
    r"\bled\s+by\s+(?:the\s+|our\s+)?(?P<name>[\w&'’.-]+(?:\s+[\w&'’.-]+){0,4}?)\s+with\s+"
    # "with 15%", "with outstanding growth of 30%"
    r"(?:an?\s+)?(?:(?:[a-z-]+\s+){0,2}?(?:growth|increase|decline)\s+of\s+)?" + _ROUGHLY + "$",
    re.I,
)
# A line's revenue said after "higher" or "lower": "3.5% higher merchandise sales".
_HIGHER_OF = led(r"\s*(?P<name>(?:[\w&'’-]+\s+){0,3}?[\w&'’-]+)\s+(?:revenues?|sales)\s*$", re.I)
# A share said in an aside, then the verb of its name's growth: "(Local, which accounted for
# 64)% of revenue was down (27.6%)", "… of European revenue, declined (17%)".
SHARE_THEN_VERB = led(
    r"%\s+of\s+(?:(?:our|the|its|total)\s+)*(?:[\w-]+\s+){0,2}?(?:revenues?|sales)"
    r"(?:\s+in\s+(?:the\s+quarter|(?:19|20)\d\d))?,?\s+(?:(?:was|were|is|are)\s+)?"
    r"(?:up|down|grew|declined|increased|decreased|rose|fell)(?:\s+by)?\s+" + _ROUGHLY + "$",
    re.I,
)
_WHICH = led(r",\s*(?:which|that)\b", re.I)
# A bare "up" or "down" set after a comma, its figure next: "…, up 7%".
_APPOSED = led(
    r",\s*(?:up|down)\s+(?:by\s+)?" + _ROUGHLY + "$",
    re.I,
)
# What stands before an item of a list or the object of "in": "strength in (services)",
# "India, up 93%, (Mexico)".
_ITEM_LEAD = led(r"(?:\b(?:in|at|across)|,|\band)\s*$", re.I)
# An aside that describes a name before it: "…, the leader in".
_APPOSITIVE = led(r",\s*(?:the|an?)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:in|at|across)\s*$", re.I)
# An amount said in a measure: "$620 million in (revenue)".
_AMOUNT_IN = led(AMOUNT + r"\s+in\s*$", re.I)
# A relative clause whose verb reports a growth of what it stands for: "…, which posted an
# organic sales decline of".
_WHICH_POSTED = led(
    r",\s*which\s+(?:posted|delivered|reported|recorded|generated|saw|had|achieved)\s+"
    r"(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:growth|increase|decline|decrease)\s+of\s+" + _ROUGHLY + "$",
    re.I,
)
# An amount of a measure: "$31.2 million of (E&P waste revenue)".
_AMOUNT_OF = led(
    AMOUNT + r"\s+of\s+(?P<name>(?:[\w&'’-]+\s+){0,4}?(?:revenues?|sales))\s+(?:in|for|during)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:quarter|year|period|half)\s*$",
    re.I,
)
# A figure or an amount within a phrase: the clause's own subject said with it, no item.
_FIGURE_IN = led(r"[\d$€£%]")
# Words that end a manner, not a thing: "in dollar terms", "in U.S. dollars".
_MANNER = frozenset(
    {"terms", "dollars", "dollar", "basis", "currency", "currencies", "pace", "rate", "clip"}
)


def part_said_higher(what: str) -> Subject | None:
    """The part whose revenue `what` (the words after "higher" or "lower") names, where it names
    one: "merchandise sales"; none for "sales" or "total sales"."""
    said = _HIGHER_OF.match(what.rstrip(". "))
    part = read_subject(said["name"], revenue_said=True) if said else None
    if part is None or part.name in ("", COMPANY) or part.other or part.anaphor:
        return None
    return part


# A part named with its amount, then the growth: "with CooperVision at $561 million, up 11%",
# "and CooperSurgical reaching a new all-time high of $226 million, up 30%".
_NAME_AT_AMOUNT = led(
    r"\b(?:with|and)\s+(?P<name>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\s+(?:at|reaching)\s+"
    r"(?:[\w-]+\s+){0,5}?[$€£][\d.,]+\s*(?:million|billion)?\s*,?\s*(?:up|down)?\s*$"
)


def owner_around(
    text: str,
    before: str,
    at: int,
    last: Found | None,
    growth_verb: re.Match[str] | None,
    first: bool,
    revenue_said: bool,
) -> Subject | None:
    """The owner the words around the growth at `at` give it (`before`: the clause's words up to
    it; `growth_verb`: its verb where that is a growth's noun, "growth of"), REFUSED where they
    refuse it, None where they say nothing of whose it is."""
    owner = None
    led = LED_BY_WITH.search(before, tail(before, 80))
    if led is not None:  # "Sales grew 10%, led by Europe with 15% growth": Europe's
        leader = read_subject(led["name"], revenue_said=True)
        if (
            not leader.name
            or leader.other
            or leader.anaphor
            or leader.name == COMPANY
            or clause_subject(text, first, revenue_said).other
        ):
            return REFUSED  # "Protective volumes were up 1% led by EMEA with 7% growth"
        owner = leader._replace(revenue=True)
    if last is not None and after_its_share(text, last, at):
        owner = last.subject  # "Local, which accounted for 64% of revenue was down 27.6%"
    if growth_verb and (
        WHOLE_AFTER_PART.search(before, tail(before, 50), growth_verb.start())
        or WHOLE_AMOUNT_BEFORE.search(before, tail(before, 100), growth_verb.start())
    ):
        owner = Subject(COMPANY, True, False, False)  # "…, and total revenue growth of 9%"
    amount_of = _NAME_AT_AMOUNT.search(before, tail(before, 120)) if owner is None else None
    if amount_of is not None:  # "revenues were $787 million, with CooperVision at $561 million,
        named = read_subject(amount_of["name"], revenue_said=True)  # up 11%": CooperVision's
        if named.name and named.name != COMPANY and not (named.other or named.anaphor):
            owner = named._replace(revenue=True)
    which = _WHICH_POSTED.search(before, tail(before, 120))
    if owner is None and which is not None:  # "our Safety and Industrial business, which
        named = read_subject(phrase_before(before, which.start()), revenue_said=True)
        if named.other or named.anaphor:  # posted an organic sales decline of 1.3%"
            return REFUSED
        owner = named if named.name not in ("", COMPANY) else None
    if owner is not None:
        return owner
    item = item_apposed(before)
    if item is not None and item is not REFUSED and clause_subject(text, first, revenue_said).other:
        return REFUSED  # "EBITDA was $5 million in EMEA, up 7%": EMEA's EBITDA
    return item


def item_apposed(before: str) -> Subject | None:
    """The thing a bare "up" or "down" is set beside, where the words before the figure
    (`before`) end in one after "in" or as an item of a list ("strength in services, up 7%";
    "India, up 93%, Mexico, up 23%"); REFUSED for a measure that is no revenue ("and EBITDA,
    up 9%"); None where the phrase before the comma is the clause's own subject ("Revenue was
    $5 billion, up 7%") or names no thing (a period, "in constant currency")."""
    apposed = _APPOSED.search(before, tail(before, 40))
    if apposed is None:
        return None
    head = before[: apposed.start()].rstrip()
    if BEFORE_A_FIGURE.search(head, tail(head, 110)):
        return None  # "Revenue was at the high end of our guidance, up 7%": the clause's
    measured = _AMOUNT_OF.search(head, tail(head, 120))
    if measured is not None:  # "$31.2 million of E&P waste revenue in the second quarter, up 26%"
        item = read_subject(measured["name"], revenue_said=True)
        return item if item.name and not (item.other or item.anaphor) else None
    phrase = phrase_before(head, len(head))
    if not phrase or phrase == head.strip() or not head.endswith(phrase):
        return None
    lead = _ITEM_LEAD.search(head, 0, len(head) - len(phrase))
    if lead is None:
        return None
    if _APPOSITIVE.search(head, 0, lead.end()):
        return None  # "Wolverine, the leader in the U.S. work boot category, up 16%": Wolverine's
    qualified = head[: lead.start()].split()
    if qualified and lead.group().strip()[:1].isalpha() and other_measure(qualified[-1].lower()):
        return REFUSED  # "acquisition volume … in UPB, down 10%": the volume's
    words = phrase.casefold().split()
    if _FIGURE_IN.search(phrase) or any(finite_verb(word) for word in words):
        return None  # "ad revenues totaled $41.8 million, up 48%": the clause's own subject
    adverbs = [i for i, word in enumerate(words) if word.endswith("ly")]
    if adverbs:  # "most notably Energy, up 60%": Energy
        phrase = " ".join(phrase.split()[adverbs[-1] + 1 :])
        words = words[adverbs[-1] + 1 :]
    if not words:
        return None
    if other_measure(words[-1]):
        return REFUSED
    item = read_subject(phrase, revenue_said=True)
    if item.name == COMPANY and item.bare and _AMOUNT_IN.search(head, 0, lead.end()):
        return item  # "delivering $620 million in revenue, up 65%": the revenue's
    if (
        not item.name
        or item.other
        or item.anaphor
        or item.name == COMPANY
        or words[-1] in _MANNER
        or words[0] in ("each", "every")
    ):
        return None
    return item._replace(revenue=True)


# A growth set right after a part's share, no words between: "APJ for 15%, up 23%".
_RIGHT_AFTER = led(r"\d\s?%\s*,\s*(?:up|down)\s+(?:approximately\s+|about\s+|roughly\s+)?$", re.I)


def after_its_share(text: str, last: Found | None, at: int) -> bool:
    """Whether the figure at `at` is the growth of what a share said in an aside just before
    it is of ("X, which accounted for 64% of revenue was down 27.6%")."""
    if last is None or last.kind != "share" or not last.subject.name:
        return False
    if _RIGHT_AFTER.search(text, max(0, at - 40), at):
        return True  # "…, and APJ for 15%, up approximately 23%": APJ's
    percent = text.find("%", last.position, at)
    if percent < 0 or SHARE_THEN_VERB.fullmatch(text, percent, at) is None:
        return False
    return _WHICH.search(text, max(0, last.position - 80), last.position) is not None


def measure_before(text: str, at: int) -> Subject:
    """Whose a bare "growth" is: the revenue-like measure named last before it ("delivered ARR
    of $237 million with growth accelerating to 131%"), else the company's."""
    named = list(re.finditer(r"\b(?:revenues?|sales|ARR)\b", text[max(0, at - REACH) : at], re.I))
    last = named[-1] if named else None
    if last is None:
        return Subject(COMPANY, True, False, False)
    return read_subject(phrase_before(text, max(0, at - REACH) + last.end()), revenue_said=True)


def generated_by(text: str, before: str, first: bool, revenue_said: bool) -> Subject | None:
    """The clause's part, where it is said to have made an amount of revenue before the figure
    (`before`: the words up to it) that a bare measure's growth resulted from; None elsewhere."""
    made = _GENERATED.search(before)
    if made is None:
        return None
    if made["results"]:  # whose the results are: the words before them, if a part
        own = read_subject(phrase_before(before, made.start()), revenue_said=True)
    else:
        own = clause_subject(text, first, revenue_said)
    return own if own.part else None


# The clause's part said to have made an amount of revenue ("Collins generated $30.2 billion"),
# or whose results a list gives ("Industrial results included 6% revenue growth").
_GENERATED = led(
    r"\b" + MADE + r"\s+(?:[$€£]|(?:record\s+)?"
    r"(?:revenues?|sales)\b)|\b(?P<results>" + RESULTS_INCLUDE + ")",
    re.I,
)


def part_before_noun(
    after: str, subject: Subject | None = None, *, bare: str | None = None
) -> tuple[Subject, bool] | None:
    """A part's revenue growth said as a noun after its figure ("15% subscription revenue
    growth": subscription's), and whether it is a fall ("a 4% hardware sales decline"); the
    clause's part's kind where the clause names a part by a proper name of two words or more
    ("Entertainment DTC delivered 14% ad revenue growth": "Entertainment DTC ad"); with `bare`
    (the words before the figure), said with no word of revenue too where no article stands
    before the figure (part_before_growth: "driven by 9% storage growth", not "driven by a
    17.5% admission growth"). None where the words before revenue's only qualify it or measure
    another thing ("7% organic revenue growth", "47.5% same restaurant sales growth", "5.7%
    weather normalized sales growth")."""
    named = _PART_BEFORE_NOUN.match(after)
    if named is None and bare is not None:
        return (
            None if _ARTICLE_END.search(bare, max(0, len(bare) - 8)) else part_before_growth(after)
        )
    if named is None or NOT_REVENUE.search(named.group()):
        return None  # "47.5% same restaurant sales growth": no revenue of a part
    if any(w.lower() in _NO_PART for w in named["part"].split()):
        return None
    kind = read_subject(named["part"] + " revenue", revenue_said=True)
    if kind.name in ("", COMPANY) or kind.other or kind.anaphor:
        return None
    fall = named["noun"].lower().startswith("de")
    if subject is None:
        return kind, fall
    words = subject.name.split()
    proper = len(words) > 1 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    if proper and not (subject.other or subject.anaphor) and not no_noun_phrase(subject.name):
        return subject._replace(name=f"{subject.name} {kind.name}"), fall
    return kind, fall


_PART_BEFORE_NOUN = led(
    r"\s*(?P<part>[a-z][\w&/-]*(?:\s+[a-z][\w&/-]*){0,2})\s+(?:revenues?|sales|top[\s-]line)\s+"
    r"(?P<noun>growth|increase|decrease|decline)\b",
    re.I,
)
# Words before revenue's that qualify it (with measures.ONLY_QUALIFY), say its sign, a
# franchisor's system ("global retail sales") or are no name.
_NO_PART = ONLY_QUALIFY | word_set(
    """core sequential seasonal top-line top line annual annualized underlying consolidated
    overall year-over-year quarter-over-quarter constant currency constant-currency
    currency-neutral local fx combined retail negative positive pro forma our its their the a an
    of in on for to and or as at by with from this that these those which who new"""
)


def part_before_growth(after: str) -> tuple[Subject, bool] | None:
    """A part's growth said as a noun after its figure with no word of revenue, where it drives
    or is included in a growth of revenue ("Revenue grew 12%, driven by 9% storage growth":
    storage's); None where the words name another measure or what a growth comes from
    (volume, price, acquisitions, currency) or only qualify it ("5% organic growth")."""
    named = _PART_BEFORE_GROWTH.match(after)
    if named is None or NOT_REVENUE.search(named.group()):
        return None
    words = [w.lower() for w in named["part"].split()]
    if any(
        w in _NO_PART or w in _A_SOURCE or other_measure(w) or other_measure(w + "s") for w in words
    ):
        return None
    kind = read_subject(named["part"] + " revenue", revenue_said=True)
    if kind.name in ("", COMPANY) or kind.other or kind.anaphor:
        return None
    return kind, named["noun"].lower().startswith("de")


_ARTICLE_END = led(r"\b(?:a|an|the)\s*$", re.I)
_PART_BEFORE_GROWTH = led(
    r"\s*(?P<part>[a-z][\w&/-]*(?:\s+[a-z][\w&/-]*)?)\s+(?P<noun>growth|increase|decrease|"
    r"decline)\b",
    re.I,
)
# What a growth comes from, no part: "3% acquisition growth", "2% price increase".
_A_SOURCE = word_set(
    """acquisition acquisitions acquired inorganic m&a price pricing mix currency fx volume
    volumes unit units same comparable comp comps like-for-like store stores record records"""
)
