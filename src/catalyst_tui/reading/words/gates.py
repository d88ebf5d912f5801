"""Gates: a figure the reader has read is given only where the sentence's structure leaves one
reading of whose it is. Each gate is a fact of English or of accounting that, where it holds,
makes the figure none of its subject's (it refuses; it never moves a figure to another subject):

- a **component**: a figure said as part of another ("which includes a 3% increase from the
  acquisition", "with acquisitions contributing 4%", "an 11% increase from volume") is no
  growth of anyone's;
- a **count**: a growth to a number with no currency nor scale ("increased 13% to 2,419"), or
  of a count said right before it ("we sold 6,000 used vehicles, down 5%"), is no revenue's;
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
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from ..leads import led
from ..wordlists import one_of
from .clause_cuts import Clause, clauses
from .clauses import by_dimension, frame_of
from .components import BETWEEN, OVER_YEARS, component, of_a_month, over_years, years_ahead
from .coordinated import other_measure_beside
from .follows import COUNT_BEFORE, TO_A_COUNT_AFTER
from .frame_names import revenue_among
from .frames import WHOLE_AFTER, framed_by_another, opening, place_and_part, whole_beside_part
from .lower_parts import no_measure, said_as_revenue
from .names import no_noun_phrase
from .owners import measure_before, named_after_it, owned_by_another
from .passages import line_name
from .patterns import CHANGE_IN_REVENUE, FIGURE, REVENUE_SAID
from .phrases import finite_verb, other_measure, tokens
from .ratio_base import said_beyond_ratio
from .records import COMPANY
from .unstated import another_compared, driver_apposed, prior_period, share_moved
from .vocabulary import FORWARD, MONTH, NOT_REVENUE, REACH, REVENUE_WORDS
from .whose_growth import WHOLE_AMOUNT_BEFORE, WHOLE_GROWTH_BEFORE

__all__ = ["qualified_measure", "refusal"]


# A share's whole that is an industry's or a market's sales, not the company's: "which
# represents approximately 75% to 80% of pharmaceutical industry sales".
_OTHERS_WHOLE = led(
    r"\s*+(?:to\s+[\d.]+\s*%\s*+)?of\s+(?:the\s+|global\s+|total\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:industry|market|category|sector)\s+(?:sales|revenues?)\b",
    re.I,
)
# A share said changed, not a revenue grown: "Revenue from new styles as a percentage of total
# revenue more than doubled"; and a loan book, no revenue: "Our credit portfolio … growing by 91%".
_SHARE_CHANGED = led(r"\bas\s+an?\s+(?:percent(?:age)?|share|proportion)\s+of\b", re.I)
_LENT = led(r"\b(?:credit|loans?|lending|mortgages?)\s+(?:portfolios?|books?)\b", re.I)
# A figure said of each change of its size, no change that was: "every 5% increase in".
_EVERY = led(r"\b(?:every|each)\s+(?:additional\s+|incremental\s+)?$", re.I)
# An amount in trillions is an economy's or a market's, no company's revenue.
_TRILLIONS = led(r"[$€£]\s?[\d.,]+\s*trillion\b", re.I)

# What the company's growth is said of, in a sentence with no word of revenue: its business,
# the measures of sales growth a company speaks of as its own ("organic growth was 37%", "We
# grew 5.3% underlying"), itself ("the company grew 7%", "we grew 6% overall", "we grew 9%"),
# or a forecast ("Our 10% growth rate projection"); not "year to date, we're up 5.4%" nor "we
# delivered 5% growth", whose measure is unsaid.
_COMPANY_GROWTH_SAID = led(
    r"\b(?:business(?:es)?|organic(?:ally)?|underlying|core|company|overall|grew|grown|"
    r"us\s+to\s+grow|top\s+line)\b",  # ("it enabled us to grow 30%": as "we grew")
    re.I,
)
_WORD = led(r"[A-Za-z][A-Za-z-]*")


def _measure_framed(frame: str) -> bool:
    """Whether a sentence's opening frame is a measure that is no revenue, its last word one
    ("For SG&A,", "In terms of EPS,"; not "On an FX neutral basis,"): the company's growth its
    clause gives is that measure's."""
    words = frame.split()
    return bool(words) and other_measure(words[-1].lower().strip("'’")) and not revenue_among(frame)


def _no_measure_of_ours(sentence: str) -> bool:
    words = {w.lower() for w in _WORD.findall(sentence)}  # "Net revenue13": its footnote apart
    return (
        words.isdisjoint(REVENUE_WORDS)
        and not _COMPANY_GROWTH_SAID.search(sentence)
        and not FORWARD.search(sentence)
    )


def refusal(
    sentence: str,
    at: int,
    kind: str,
    subject: str,
    parts: frozenset[str] = frozenset(),
    company: frozenset[str] = frozenset(),
    clause: Clause | None = None,
    *,
    paired: bool = False,
    passage: Callable[[], bool] | None = None,
    listed: bool = False,
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
    if _TRILLIONS.search(sentence, max(clause.start, at - REACH), min(clause.end, end + REACH)):
        return "a market's"  # "total retail sales in the U.S. grew 4% to $3.5 trillion"
    if _EVERY.search(sentence, max(0, at - 20), at):
        return "a sensitivity"  # "Every 5% increase in new applications increases …"
    if kind == "growth" and (
        _SHARE_CHANGED.search(sentence, max(clause.start, at - REACH), at)
        or share_moved(sentence, at)  # "accounted for 38% and 35% last year with an increase of"
    ):
        return "a share's change"
    if _TITLE.search(subject):
        return "a speaker's title"  # "Executive VP & CFO Yes, up 2% volume": a label run in
    if _LENT.search(subject):
        return "a loan book's"
    if kind == "growth" and component(sentence, clause, at, end):
        return "component"
    if kind == "growth" and over_years(sentence, said.over_years, at, end):
        return "growth over years"
    if kind == "share" and _OTHERS_WHOLE.match(sentence, end):
        return "a share of others' sales"  # "75% of pharmaceutical industry sales"
    if kind == "share" and years_ahead(sentence, end):
        return "a goal years ahead"  # "greater than 90% of sales within three years"
    if kind == "growth" and another_compared(sentence, end):
        return "a level against another's"
    if kind == "growth" and driver_apposed(sentence, at):
        return "a driver's"  # "grew 2%, driven by the FONA and Cholula acquisitions, a 7% increase"
    if kind == "growth" and prior_period(sentence, clause.start, at):
        return "a prior period's"  # "The prior year quarterly organic growth for Specialty
        # Products was actually down 3.4%": the base's own growth
    if kind == "growth" and of_a_month(sentence, end, clause.start):
        return "a month's"
    if kind == "growth" and _WEEKS.search(sentence, max(0, at - REACH), end + REACH):
        return "a consumption period's"  # "Distribution is up 13% … in the latest 13 weeks"
    if kind == "growth" and (
        TO_A_COUNT_AFTER.match(sentence, end)
        or COUNT_BEFORE.search(sentence, max(0, at - 120), at)
        or _counted(sentence, subject, clause.start, at)
        or _in_units(sentence, at, end)
    ):
        return "a count's"  # "Homes delivered increased 13% year-over-year to 2,419"
    if kind == "share" and _SEASON.match(sentence, end, end + REACH):
        return "a season's share of the year"
    if _MINUS.search(sentence, max(0, at - 12), at):
        return "a tolerance"
    if kind == "growth" and subject == COMPANY and _no_measure_of_ours(sentence):
        return "no revenue said"  # "And year to date, we're up 5.4%"; "we delivered 5% growth"
    if BETWEEN.search(sentence, max(clause.start, at - 80), at):
        return "a range's end"
    if framed_by_another(sentence, said.frame, clause, subject, company):
        return "frame of another part"
    if kind == "growth" and subject == COMPANY and _measure_framed(said.frame):
        return "a frame of another measure"  # "For SG&A, we expect growth of about 9.5%"
    if 0 < said.not_revenue_until <= at:
        return "a frame of what is no revenue"  # "On a same-store basis, X revenues grew 4%"
    if _basis_not_revenue(sentence, end):
        return "a basis of what is no revenue"  # "increasing 17.8% on a same-store basis"
    if (
        kind == "growth"
        and subject == COMPANY
        and not WHOLE_AFTER.match(sentence, end, end + REACH)
        and not WHOLE_AMOUNT_BEFORE.search(sentence, max(0, at - 110), at)
        and not (
            WHOLE_GROWTH_BEFORE.search(sentence, max(0, at - 60), at)
            and _WE_OPEN.match(sentence, clause.start if clause else 0)
        )
        and whole_beside_part(sentence, clause, company)
    ):
        return "the whole beside a part"
    if place_and_part(sentence, clause, at, subject, company):
        return "a place and a part"
    if subject != COMPANY and no_noun_phrase(subject):
        return "no noun phrase"
    if subject != COMPANY and _A_SPAN.search(subject):
        return "a span of time"  # "our sales from Christmas through the end of the month"
    if kind == "growth" and named_after_it(sentence, end, subject, paired=paired):
        return "what grew named after it"
    if kind == "growth" and _sentence_measure(sentence, clause):
        return "the sentence's measure"
    if owned_by_another(sentence, clause, at, subject, company):
        return "owned by another"
    if (
        kind == "growth"
        # "Revenue and EBITDA grew 17.5% and 23%, respectively": each its own (not where no
        # revenue is named: "bookings growth …, up 6% and 9% in …, respectively")
        and (not paired or not said.revenue_named)
        and not WHOLE_AFTER.match(sentence, end, end + REACH)
        and not _IN_REVENUE_AFTER.match(sentence, end, end + REACH)  # "a 12% increase in revenue"
        and measure_before(sentence, clause, at, said_as_revenue(subject, parts))
    ):
        return "another measure before it"
    if (
        kind == "growth"
        and subject != COMPANY
        and no_measure(said.revenue, subject, parts)
        and not (passage is not None and line_name(subject) and passage())  # passages.py
        and not by_dimension(sentence)  # "Within categories, …, and spheres were up 6%"
        and not listed  # "Apparel was up 10%, footwear was up 9%": the part before's kind
    ):
        return "no measure said"
    if (
        kind == "growth"
        and subject != COMPANY
        and other_measure_beside(sentence, at, end, subject, said.revenue_named)
    ):
        return "another measure beside it"
    if kind == "growth" and not said.revenue_named and _OFFSETS_THAT.match(sentence):
        return "an antecedent's measure"
    qualified = (
        _QUALIFIED_AMOUNT.search(sentence, max(clause.start, at - REACH), at)
        if said.relative
        else None
    )
    if qualified is not None and qualified["by"].lower() not in subject.lower().split():
        return "a qualified measure's amount before it"
    return ""


# A number right before the subject's name counts what it names: "our portfolio of over 420
# extended-stay hotels grew 6%" (not an amount, a year nor a quarter: "$5 million", "'21", "Q1").
_NUMBER_BEFORE = led(r"(?<![\w$€£.,'’])\d{1,3}(?:,\d{3})*\+?\s+$")


def _in_units(sentence: str, at: int, end: int) -> bool:
    """Whether units are counted near the figure, and no revenue named near it."""
    start, stop = max(0, at - REACH), min(len(sentence), end + REACH)
    return _UNITS.search(sentence, start, stop) is not None and not REVENUE_SAID.search(
        sentence, start, stop
    )


def _counted(sentence: str, subject: str, start: int, at: int) -> bool:
    named = sentence.rfind(subject, start, at) if subject and subject != COMPANY else -1
    return named > 0 and _NUMBER_BEFORE.search(sentence, max(0, named - 12), named) is not None


# A noun of change of revenue right after a figure: "and a 14% increase in revenue".
_IN_REVENUE_AFTER = led(r"\s*" + CHANGE_IN_REVENUE, re.I)
# A share of its own year's sales that falls in a part of it: "about 20% of its full year net
# sales in the April to June period" is a season's weight, no part of the business.
_SEASON = led(
    r"\s+of\s+(?:its|their)\s+(?:(?:full[- ]year|annual|yearly)\s+)?(?:net\s+)?"
    r"(?:sales|revenues?)\s+(?:in|during)\s+(?:the\s+)?(?:first|second|third|fourth|holiday|"
    r"spring|summer|fall|autumn|winter|(?-i:" + MONTH + r"))\b",
    re.I,
)
# A span of days named where a part would stand: "sales from Christmas through the end of the
# fiscal month were down 20%" (the subject read: "Christmas through end").
_A_SPAN = led(
    r"\bthrough\s+(?:the\s+)?(?:end|middle|close)\b|^(?:Christmas|Thanksgiving|Easter|holidays?|"
    r"(?-i:" + MONTH + r"))\s+(?:through|to|until)\b",
    re.I,
)
# A portfolio counted in units, near a figure no revenue is named near: "At approximately 2.5
# million units, …, our maintenance portfolio grew 4%".
_UNITS = led(r"\b\d[\d.,]*\s+(?:million\s+|thousand\s+)?units\b", re.I)
# A period of weeks counted back from now, as retail scanner data are reported ("in the latest
# 13 weeks", "over the last 52 weeks"): consumption measured in stores, no sales of the period.
_WEEKS = led(
    r"\b(?:latest|last|past|trailing)\s+(?:\d{1,2}|four|twelve|thirteen|twenty-six|fifty-two)"
    r"[\s-]+weeks?\b",
    re.I,
)
# A speaker's title, no part's word: a label run into the speech it opens.
_TITLE = led(r"\b(?-i:CEO|CFO|COO|CTO|VP|EVP|SVP)\b|\bAnalyst\b")
# A tolerance said before a figure ("plus or minus 2%"): no growth of anyone's.
_MINUS = led(r"\bplus\s+or\s+minus\s*$|[+]/-\s*$|±\s*$", re.I)


class _Said(NamedTuple):
    """What a sentence says once for all its figures: where words of growth over years first
    stand, its opening frame, and whether it speaks of revenue."""

    over_years: int
    frame: str
    revenue: bool
    revenue_named: bool
    not_revenue_until: int  # where an opening frame of what is no revenue ends ("On a
    # same-store basis,"), 0 for none
    relative: bool  # whether "that" or "which" stands in it (few sentences: a quick test)


@lru_cache(maxsize=32)
def _said(sentence: str) -> _Said:
    years = OVER_YEARS.search(sentence)
    frame, body = frame_of(sentence)
    return _Said(
        years.start() if years else len(sentence) + 1,
        frame,
        said_beyond_ratio(_REVENUE_TALK, sentence),
        REVENUE_SAID.search(sentence) is not None,
        body if body and NOT_REVENUE.search(sentence, 0, body) else 0,
        " that " in sentence or " which " in sentence,
    )


# A basis said in a figure's own words after it ("increased 12.3% on a same-store basis"):
# where it is what no revenue is (vocabulary.NOT_REVENUE: what the same stores sold), the
# figure is none of the period's.
_BASIS_AFTER = led(
    r"[^,;.%]{0,40}?\bon\s+an?\s+(?P<basis>[\w-]+(?:\s+[\w-]+){0,2}?)\s+basis\b", re.I
)


def _basis_not_revenue(sentence: str, end: int) -> bool:
    said = _BASIS_AFTER.match(sentence, end)
    return said is not None and NOT_REVENUE.search(said["basis"]) is not None


def _end_of(sentence: str, at: int) -> int:
    figure = FIGURE.match(sentence, at)
    return figure.end() if figure else at


# ---------------------------------------------------------------------------- measures
_REVENUE_TALK = led(
    r"\b(?:revenues?|sales|arr|top[- ]line|organic(?:ally)?|core\s+growth|"
    r"constant[- ]currency|by\s+(?:end[- ])?(?:markets?|regions?|geograph\w+|segments?)|"
    # a sentence of the business's parts: "Our data center business was up 30%, networking 12%"
    r"business(?:es)?|segments?|divisions?|"
    # the company grew in a kind of thing: "we grew 48% sequentially in filters"
    r"we(?:['’]ve|\s+have)?\s+(?:grew|grown))\b",
    re.I,
)


# A sentence that goes on from the one before by an anaphor ("This was offset by a 3% decline
# in APAC"): its figures are of the measure said before, which it does not name.
_ANAPHOR = one_of("this that these those it they")
_BE = one_of("was were is are has_been have_been")
_OFFSETS_THAT = led(rf"\s*{_ANAPHOR}\s+{_BE}\s+(?:\w+ly\s+)?offset\b", re.I)
# A measure with a qualifier of its own that reached an amount, then a growth in apposition:
# "we grew our digital sales that reached $22 billion, an increase of 25%": digital sales'.
_WHOLE_WORDS = one_of(
    """total net our its the record reported overall consolidated company group quarterly annual
    full-year organic adjusted gaap core"""
)
_QUALIFIED_AMOUNT = led(
    rf"\b(?!{_WHOLE_WORDS}\b)(?P<by>(?-i:[a-z][\w-]*))\s+(?P<measure>sales|revenues?)\s+(?:that|which)\s+"
    + one_of("reached were was totaled grew_to rose_to")
    + r"\b[^%;]{0,80},\s*(?:an?\s+)?(?:increase|decrease|decline|growth|rise)\s+of\s+\S*\s*$",
    re.I,
)


def qualified_measure(sentence: str, at: int, start: int = 0) -> str:
    """The qualified measure that reached an amount before the growth at `at` in apposition
    ("our digital sales that reached $22 billion, an increase of 25%": "digital sales"), its
    clause from `start`; "" where none stands there."""
    if " that " not in sentence and " which " not in sentence:
        return ""
    said = _QUALIFIED_AMOUNT.search(sentence, max(start, at - REACH), at)
    return f"{said['by']} {said['measure']}" if said else ""


def _sentence_measure(sentence: str, clause: Clause) -> bool:
    """Whether a later clause that names no measure of its own goes on from a sentence whose
    subject is a measure that is no revenue ("Food volumes were up 4%; with the Americas, up
    7%": the Americas' volumes)."""
    if clause.start == 0 or REVENUE_SAID.search(sentence, clause.start, clause.end):
        return False
    head = opening(sentence).split()
    if head and other_measure(head[-1].lower()):
        return True
    # the first clause's subject, read to its verb: "Our global tubes, cores and cones franchise
    # volume rose by 12%, and our global paper business increased by almost 3%"
    first = clauses(sentence)[0]
    verb = next((w for w in tokens(sentence[first.start : first.end]) if finite_verb(w[1])), None)
    before = tokens(sentence[first.start : first.start + verb[0]]) if verb else []
    return bool(before) and other_measure(before[-1][1].lower())


# A clause of ours: "Overall, we continue to see solid growth across all major service lines
# with total revenue growth of 12%" (the whole's, said as such; not "Our Government business
# had a strong quarter, with total revenue growth of 11%": the business's total).
_WE_OPEN = led(r"\s*(?:(?:overall|so|and|now|also|again|today)\s*,?\s+)?we\b", re.I)
