"""The basis of a growth: what it is measured against, said in its own words ("sequentially",
"year over year", "versus the prior-year quarter", "compared to Q1 of 2020"), the earliest
first, else in the words of a list it closes or of its clause's opening, else none (figures.py
reads the figures, this module their bases).

A quarter named against the clause's own is a year before when it is the same quarter and
sequential when it is the one just before ("For the fourth quarter, … compared to the third
quarter of 2020"); a year named as a base is a year before only where no later year is one in
the sentence or in the company's own statements of the document ("up 11% versus 2020 and 4%
versus 2019": the 4% is against two years before, no year-over-year growth), nor is a base the
speaker calls pre-pandemic."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from ..leads import led
from .attribution import other_in
from .basis_ends import CUT_BASIS, POINTS_ASIDE, against_doubled
from .pace import paced
from .patterns import ANOTHER_MEASURE, CMP, CONCESSION
from .quarters import AS_BASE as _AS_BASE
from .quarters import against_quarter, quarter_of_bases, year_said
from .records import OVER_TWO_YEARS
from .two_bases import OF_A_MEASURE as _OF_A_MEASURE
from .two_bases import base_of_its_own, later_than_named, of_a_period_before
from .vocabulary import BASIS_KEYS, COMPARED_KEYS, FORWARD, SEQUENTIAL, TWO_YEARS, YEARLY


def _own_clause(before: str) -> str:
    """The words before a figure back to the last "and", "while", "when", "where", comma or
    semicolon ("a sequential improvement from the second quarter when year-over-year sales were
    down 25%" is year over year): a basis
    said there is its own ("sequentially up 7%"), one before them the figure before's ("140
    basis points above last year despite the sales decline of 19%": the points')."""
    return paced(_OWN_CLAUSE_ENDS.split(before)[-1])


_OWN_CLAUSE_ENDS = led(r",|;|\b(?:and|while|when|where|despite|because)\b|\bdue\s+to\b")


_SET_ASIDE = led(r"\s*(?:excluding|including|apart\s+from|aside\s+from|other\s+than)\b", re.I)
# Words that open a clause of its own between two figures: the opening's basis is the first's.
_CLAUSE_OPENS = led(r"\b(?:as|because|since|while|whereas)\s", re.I)
_CHANGE_AFTER = led(r"\s+(?:growth|increase|decline|decrease|change)\b", re.I)
# Between a growth and the next in a list of growths of several measures: "revenue growth of
# 16% and EBIT growth of 22% versus the prior year".
_NEXT_GROWTH = led(
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:[\w&/-]+\s+){1,3}(?:(?:growth|increase|decline)\s+of|"
    # "revenues were up 28% and earnings per share up 46% versus a year ago"
    r"(?:was\s+|were\s+)?(?:up|down))\s+" + CMP,
    re.I,
)


def _listed_words(text: str, figures: list[re.Match[str]], i: int, after: str) -> str:
    """The words after the next growth of a list of growths, whatever its measure: its basis
    is the list's ("revenue growth of 16% and EBIT growth of 22% versus the prior year")."""
    if i + 1 >= len(figures) or not _NEXT_GROWTH.fullmatch(after):
        return ""
    end = figures[i + 2].start() if i + 2 < len(figures) else len(text)
    return basis_window(text[figures[i + 1].end() : end])


# An alternative in another measure between a growth and the next ("an increase of 11% or 10.5%
# on a constant-currency basis compared to the prior-year quarter"): the basis after is both's.
OR_NEXT = led(r"\s*,?\s*or\s+(?:an?\s+)?" + CMP, re.I)


def _alternative_words(text: str, figures: list[re.Match[str]], i: int, after: str) -> str:
    """The words after the alternative a growth is said with, in another measure."""
    if i + 1 >= len(figures) or not OR_NEXT.fullmatch(after):
        return ""
    end = figures[i + 2].start() if i + 2 < len(figures) else len(text)
    words = text[figures[i + 1].end() : end]
    if not ANOTHER_MEASURE.match(words):
        return ""  # "grew 24.4% or 2.8% versus 2019": the alternative's own base, not the first's
    return basis_window(words)


# A figure set against a range of the same measure: "10.6% organic revenue growth, slightly
# below our guidance range of 12% to 14% growth versus 2020": against 2020 too.
_AGAINST_RANGE = led(
    r"[\w\s-]{0,40}?,?\s*(?:slightly\s+|well\s+|just\s+)?(?:below|above|within|ahead\s+of|"
    r"short\s+of|in\s+line\s+with)\s+(?:our|the)\s+(?:guidance\s+|prior\s+)?(?:range|guidance|"
    r"outlook)(?:\s+range)?\s+of\s+" + CMP,
    re.I,
)


def _range_words(text: str, figures: list[re.Match[str]], i: int, after: str) -> str:
    """The words after a range a growth is set against: its basis is the growth's."""
    if i + 2 >= len(figures) or not _AGAINST_RANGE.fullmatch(after):
        return ""
    between = text[figures[i + 1].end() : figures[i + 2].start()]
    if not re.fullmatch(r"\s*(?:to|-|–)\s*", between):
        return ""
    end = figures[i + 3].start() if i + 3 < len(figures) else len(text)
    return basis_window(text[figures[i + 2].end() : end])


def frame_words(opening: str) -> str:
    """The words before a clause's first figure where they say a basis for its figures; "" where
    it qualifies another measure ("a favorable year-over-year impact of 1%, resulting in sales
    growth of 23.4%") or what is left out ("Excluding our fourth quarter shipping delays,"); a
    concession set off says none ("although improving sequentially, we still experienced …")."""
    if "hough" in opening or "hile" in opening or "espite" in opening:
        opening = CONCESSION.sub(lambda m: " " * len(m.group()), opening)
    opening = paced(opening, nouns=True)
    basis = _basis(opening)
    if not basis and _SET_ASIDE.match(opening):
        return ""
    said = (
        (SEQUENTIAL.search(opening) if basis == "sequential" else yearly_said(opening))
        if basis
        else None
    )
    if said is not None and other_in(" ".join(opening[said.end() :].split()[:2])):
        return ""
    if said is not None and _SET_ASIDE.match(opening) and _CHANGE_AFTER.match(opening, said.end()):
        return ""  # "Excluding the year-over-year growth in our aftermarket, X declined 9%"
    return opening


class Against(NamedTuple):
    """What a year named as a base is set against: the sentence it is said in, the latest
    year a base is in the document's statements (latest_base) and the years those statements
    name (named_years; none known where the sentence is read alone)."""

    sentence: str
    latest: float
    named: frozenset[int] = frozenset()
    quarter: int = 0  # the quarter the document is of, quarters.document_quarter; 0 for none known


def growth_basis(
    text: str, figures: list[re.Match[str]], i: int, after: str, frame: str, against: Against
) -> str:
    """The basis of the growth that is figure `i` of the clause `text` (`after`: the words
    up to the next figure; `frame`: frame_words of the clause)."""
    since = figures[i - 1].end() if i else 0
    start = figures[i].start()
    window = against_doubled(basis_window(after), figures[i]["mult"])
    if base_of_its_own(window) or of_a_period_before(text, since, start, window):
        return ""  # "up 115% compared to two years ago"; "the prior year when sales grew 9%"
    if i and _CLAUSE_OPENS.search(text, since, start):
        frame = ""  # "X continued to sequentially improve, down 8%, as 48% growth in Y …": Y's none
    if _POINTS_SAID.search(frame):
        frame = ""  # "margin decreased 80 basis points year-over-year to 18.6% on revenues that
        # were down almost 20%": the basis is the points'
    lent = (  # a list's, an alternative's, a range's basis, not one over two years (the last's)
        _listed_words(text, figures, i, after),
        _alternative_words(text, figures, i, after),
        _range_words(text, figures, i, after),
    )
    own = (window, basis_window(_own_clause(text[since:start])))
    for words in (*own, *(w for w in lent if _basis(w) != OVER_TWO_YEARS), frame):
        if _basis(words):
            # a quarter is read where the base is said: after the figure, or in the frame
            return basis_in(words, text, against, words if words is frame else basis_window(after))
    return ""


_POINTS_SAID = led(r"\d\s*(?:basis\s+points?|bps|bips|percentage\s+points?|points?)\b", re.I)


def basis_in(words: str, text: str, against: Against, quarter_words: str | None = None) -> str:
    """The basis `words` say for a growth of the clause `text`: a quarter named against the
    clause's own is the year before or sequential (read in `quarter_words`, `words` unless
    given); a year two back or a base before the pandemic is no year-over-year basis."""
    basis = _basis(words)
    if basis == "year over year" or (not basis and "quarter" in words):  # "the June quarter"
        said = words if quarter_words is None else quarter_words
        basis = against_quarter(said, text, basis, against.quarter)
        if basis == "year over year" and (_years_back(words, against) or _other_half(words, text)):
            return ""
    return basis


_HALF = led(r"\b(?P<half>first|second)\s+half\b", re.I)


def _other_half(words: str, text: str) -> bool:
    """Whether a half named as the base is not the half the clause's figure is of: "Revenue in
    the second half grew 5% over the first half of 2021" is no year over year."""
    base = _HALF.search(words)
    own = _HALF.search(text)
    return bool(base and own and base["half"].lower() != own["half"].lower())


def list_basis(text: str, after_last: str, frame: str, against: Against) -> str:
    """The basis of a list's growths said after its last figure, else the clause's frame."""
    for words in (basis_window(after_last), frame):
        basis = _basis(words)
        if basis:
            return "" if basis == "year over year" and _years_back(words, against) else basis
    return ""


_BASE_YEAR = led(r"(?<![\w$.,])(?:(?P<c>19|20)(?P<y>\d\d)|['’](?P<yy>\d\d))\b")
# What each year said as a base holds: "19", "20", or the apostrophe of "'20".
_BASE_YEAR_KEYS = ("19", "20", "'", "’")
_PRE = led(r"\bpre-?\s?(?:pandemic|covid)\b", re.I)
#: A base said as "last year", "the prior-year quarter" or "year over year": the latest.
NOW = float("inf")


@lru_cache(maxsize=32)  # a figure's words are asked for their base, its year, how far back
def yearly_said(words: str) -> re.Match[str] | None:
    """The first year-over-year base said in `words` (YEARLY's first match)."""
    return YEARLY.search(words)


def base_year(words: str) -> float:
    """The year a year-over-year base is said as in `words` ("versus 2019": 2019; "versus
    '20": 2020), NOW for one said as the year before ("versus last year"), 0 for none."""
    said = yearly_said(words)
    if said is None:
        return 0
    year = _BASE_YEAR.search(said.group())
    if year is None:
        return NOW
    return int(year["c"] + year["y"]) if year["c"] else 2000 + int(year["yy"])


def _years_back(words: str, against: Against) -> bool:
    """Whether the year-over-year base said in `words` is two years back or more: a base the
    speaker calls pre-pandemic, or a year before the latest one a base is in, in its sentence
    or its document (looked for only where a year is named: few figures)."""
    said = yearly_said(words)
    if said is not None and _PRE.search(words, 0, words.find(",", said.end()) % (len(words) + 1)):
        return True  # "versus 2019, pre-pandemic"; not "versus last year, outpacing pre-…"
    year = base_year(words)
    if not 0 < year < NOW:
        return False
    own, bases = _sentence_years(against.sentence)
    if year + 1 in own or (year - 1 in bases and year == max(bases)):
        return False  # "in the second quarter of 2020 over 2019"; "versus 2020 and from 2019"
    if against.named and year + 1 not in against.named:
        return True  # "compared to Q2 2019" where no statement names 2020: two years back, maybe
    return year < sentence_base(against.sentence, against.latest, quarter=against.quarter)


@lru_cache(maxsize=32)
def _sentence_years(sentence: str) -> tuple[frozenset[int], frozenset[int]]:
    """The years a sentence names as its own period and those it names as a base."""
    own: set[int] = set()
    bases: set[int] = set()
    if not year_said(sentence):
        return frozenset(), frozenset()
    for m in _BASE_YEAR.finditer(sentence):
        if not m["c"]:
            continue
        if _AS_BASE.search(sentence, max(0, m.start() - 60), m.start()):
            bases.add(int(m["c"] + m["y"]))
        elif _OWN_YEAR.search(sentence, max(0, m.start() - 40), m.start()):
            own.add(int(m["c"] + m["y"]))
    return frozenset(own), frozenset(bases)


# A year said as the period a figure is of: "in the second quarter of 2020", "for fiscal 2020".
_OWN_YEAR = led(
    r"\b(?:in|for|during)\s+(?:the\s+)?(?:(?:first|second|third|fourth)\s+quarter\s+(?:of|in)\s+|"
    r"q[1-4]\s+(?:of\s+)?)?(?:fiscal\s+)?(?:year\s+)?$",
    re.I,
)


def latest_base(sentences: Iterable[str], quarter: int = 0, known: float = 0) -> float:
    """The latest year the company's statements of what happened measure a growth against,
    a year before (its forecasts set aside: "we expect 2022 to grow 5% versus 2021" is no base
    of this year's figures; a quarter just before the sentence's own is no year before).
    `known`: the year before the period the document's day reports (quarters.day_base), which
    decides, not a sentence's "two-year" (that may be another figure's)."""
    latest: float = known
    for sentence in sentences:
        if (
            "%" in sentence
            and any(map(sentence.__contains__, _BASE_YEAR_KEYS))
            and _BASE_YEAR.search(sentence)
            and not FORWARD.search(sentence)
        ):
            latest = max(latest, sentence_base(sentence, 0, said_before=False, quarter=quarter))
            latest = max(latest, later_than_named(sentence))  # "… last year and 11% versus 2019"
            if not known and _TWO_YEARS.search(sentence):
                # "Versus 2019, … up 31%, so strong growth on a two-year basis": 2019 is two
                # years back, the year after it the year before
                year = sentence_base(sentence, 0, said_before=False, quarter=quarter)
                if 0 < year < NOW:
                    latest = max(latest, year + 1)
    # no base of what happened is later than the year before the document's own period: a later
    # one is a forecast's that no word of the future marked ("the second half earnings per share
    # equates to … a decrease of 26 to 30% on a year-over-year basis")
    return min(latest, known) if known else latest


# A figure said over two years: "on a two-year basis", "a two-year stack", "two years ago".
_TWO_YEARS = led(
    r"\btwo[- ]years?\s+(?:basis|stack|comp|performance|growth)|\btwo\s+years\s+ago\b", re.I
)


# A year named as a base: after a word of comparison, a few words before it.


def named_years(sentences: Iterable[str]) -> frozenset[int]:
    """The years the company's statements of what happened name, other than as a base (its
    forecasts set aside; "Entering the second half of 2021"): where there are such, a base year
    is the year before only where the year after it is one of them."""
    named: set[int] = set()
    for sentence in sentences:
        if not year_said(sentence) or FORWARD.search(sentence):
            continue
        for m in _BASE_YEAR.finditer(sentence):
            if m["c"] and not _AS_BASE.search(sentence, max(0, m.start() - 60), m.start()):
                named.add(int(m["c"] + m["y"]))
    return frozenset(named)


@lru_cache(maxsize=32, typed=True)  # each figure of a sentence asks for its base again
def sentence_base(
    sentence: str, latest: float, *, said_before: bool = True, quarter: int = 0
) -> float:
    """The latest year-over-year base `sentence` names, or `latest` (the document's) where
    that is later; with `said_before`, a base said as the year before ("versus last year")
    is the latest of all (NOW)."""
    quarter = quarter or quarter_of_bases(sentence)
    for said in YEARLY.finditer(sentence):
        year = base_year(said.group())
        if year == NOW and not said_before:
            continue
        if year == NOW and _OF_A_MEASURE.match(sentence, said.end()):
            continue  # "lower year-over-year selling prices": an adjective, no base
        window = sentence[said.start() : said.end() + 16]  # "the 2021 second quarter"
        if year != NOW and against_quarter(window, sentence, "year over year", quarter) != (
            "year over year"
        ):
            continue  # "compared to the third quarter of 2020" in the fourth: sequential
        latest = max(latest, year)
    return latest


@lru_cache(maxsize=32)  # a clause's figures ask for the same words' window again
def basis_window(after: str) -> str:
    """The words a figure's basis is said in: up to a word that opens another phrase or
    clause ("up 5% to Q3 2019 and we achieved ... from our store base last year": the 5% is
    against Q3 2019), within _BASIS_REACH characters."""
    if len(after) > _BASIS_REACH:
        after = after[:_BASIS_REACH].rsplit(" ", 1)[0]  # whole words
    cut = CUT_BASIS.search(after)
    after = after[: cut.start()] if cut else after
    points = POINTS_ASIDE.search(after) if "point" in after else None
    after = after[: points.start()] if points else after
    amount = _AMOUNT_CHANGE.search(after) if "$" in after or "€" in after or "£" in after else None
    after = after[: amount.start()] if amount else after
    clause = _NEW_CLAUSE.search(after)
    return after[: clause.start()] if clause else after


_BASIS_REACH = 200
# A change of an amount said after a growth with a verb of its own, the basis after it the
# amount's ("growing 23% …, and increasing more than $170 million versus prior year").
_AMOUNT_CHANGE = led(
    r"(?:,|\band)\s+(?:increasing|decreasing|growing|rising|declining|adding)\s+"
    r"(?:(?:more\s+than|over|nearly|about|approximately|by)\s+)?[$€£]",
    re.I,
)
# "and" that opens a clause of its own subject: "and we achieved our highest sales".
_NEW_CLAUSE = led(r"\band\s+(?:we|our|it|they|this|that|these)\b", re.I)


# What a growth was set against, said as last year's strength: a reason, no base ("against
# strong gains last year", "against a tough comp from last year").
_LAPPED = led(r"\b(?:comps?|comparisons?|compares?|gains|strength|growth)\b", re.I)


@lru_cache(maxsize=32)  # a figure's words asked again for the basis they say (growth_basis)
def _basis(words: str) -> str:
    """The basis said first in `words`: "up 12% year-over-year, an acceleration from our Q1"
    is year over year."""
    low = words.lower()
    if not any(map(low.__contains__, BASIS_KEYS)) and not (
        any(map(str.isdigit, words)) and any(map(low.__contains__, COMPARED_KEYS))
    ):
        return ""  # no word either pattern needs: most words after a figure
    sequential, yearly = SEQUENTIAL.search(words), yearly_said(words)
    if "year" in low and (two := TWO_YEARS.match(words)) and two["stack"] is None:
        return OVER_TWO_YEARS  # "and 7% on a two-year basis": said first, right after it
    if (
        yearly is not None
        and yearly.group().lower().startswith("against")
        and _LAPPED.search(yearly.group())
    ):
        yearly = None
    if sequential and (yearly is None or sequential.start() <= yearly.start()):
        return "sequential"
    return "year over year" if yearly else ""
