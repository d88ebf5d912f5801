"""A basis said once for a whole sentence: at its end, after its last figure ("sales were up
22% and adjusted operating margins were down 230 basis points to 6.9% when compared with the
third quarter of 2020"), or in a frame at its start, before its first ("When compared with
2020, …"). It scopes each growth of the sentence that says no basis of its own (figures.py
gives it)."""

from __future__ import annotations

import re

from ..leads import led
from .bases import OR_NEXT, Against, basis_in, basis_window, frame_words
from .patterns import ANOTHER_MEASURE, DRIVER_BEFORE, FIGURE
from .records import OVER_TWO_YEARS
from .vocabulary import SEQUENTIAL, YEAR_SAID, YEARLY

# A part's figure said with "with" after the whole's: "up 4% versus the year ago period, with
# U.S. Protiviti revenues up 6%" (the part's against the whole's base, where it says none).
_WITH_PART = led(
    r",\s*+with\s++(?:[\w&'’.-]++\s++){1,6}?(?:up|down|growing|increasing|declining)\s++"
    r"(?:(?:nearly|over|more\s++than|approximately|about|roughly|almost)\s++)?$",
    re.I,
)


# The parts a growth is made of, said right before their figures: "…, reflecting a 4% increase
# in Golf Clubs", "grew 11% year-over-year in Q4 with 8% growth in residential revenue".
_PARTS_SAID = led(
    r"(?:,\s*+reflecting|\s++with)\s++(?:an?\s++)?"
    r"(?:(?:nearly|over|more\s++than|approximately|about|roughly|almost)\s++)?$",
    re.I,
)


# What offset a growth, said before its own figure: "…, partially offset by a 1% increase in".
_OFFSET_BY = led(
    r",\s*+(?:(?:partially|partly|more\s+than)\s++)?offset\s++by\s++(?:an?\s++|the\s++)?"
    r"(?:(?:nearly|over|approximately|about|roughly|almost)\s++)?$",
    re.I,
)


class SentenceBasis:
    """The basis a sentence says once, for its figures that say none: read at most once, and
    only for a sentence that has a growth with none. It reaches a figure over clauses joined
    by "and", not over a contrast or a semicolon ("X improved 11%, while Y increased 21%
    year-over-year": the 11% has none); a basis that frames the sentence's opening reaches each
    clause ("Sequentially, X was up 32%, while Y was up 5%")."""

    def __init__(self, sentence: str, against: Against) -> None:
        self.sentence = sentence
        self.against = against
        self._figures: list[re.Match[str]] | None = None
        self._said: list[tuple[str, int, int]] = []  # each basis, and the words it reaches over
        self._given: set[int] = set()  # where the growths given so far stand

    def of(self, at: int, said: str = "") -> str:
        """The basis of the growth given whose figure stands at `at`: `said`, the one its own
        words say, or the sentence's; "" where the figure's own words (back to the figure before
        it, on to the one after) say a basis, kept or set aside (a base two years back is no
        year before)."""
        self._given.add(at)
        if said:
            return said
        if self._figures is None:
            self._figures = list(FIGURE.finditer(self.sentence))
            self._said = self._read(self._figures)
        driven = self._driver_basis(at)
        if driven:
            return driven
        since, until = 0, len(self.sentence)
        for figure in self._figures:
            if figure.end() <= at:
                since = figure.end()
            elif figure.start() > at:
                until = figure.start()
                break
        own = self.sentence[since:until]
        if SEQUENTIAL.search(own) or YEARLY.search(own):
            return self._lent(since, at)
        if not self._said:
            return ""
        if alternative_base(self.sentence, at, until):
            return ""  # "grew 24.4% or 2.8% versus 2019": the base is the alternative's alone
        for basis, start, end in self._said:
            if end == 0 or not _CONTRAST.search(self.sentence, min(start, at), max(end, at)):
                return basis  # a frame that opens the sentence scopes each clause of it
        return ""

    def _lent(self, since: int, at: int) -> str:
        """The basis said right after the growth given before (ending at `since`), lent to the
        growth at `at` of a clause set beside it ("U.S. sales grew 36% year-over-year, while
        international sales grew 44%"); none where the growth's own words after it say a basis
        (it ends its clause), or a semicolon or a driver stands between them."""
        figure = FIGURE.match(self.sentence, at)
        ends = _ENDS_CLAUSE.match(self.sentence, figure.end()) if figure is not None else None
        if since == 0 or ends is None:
            return ""  # "up 10% to last year and up 5% to pre-pandemic levels": its own base
        before = next((f.start() for f in self._figures or [] if f.end() == since), -1)
        if before not in self._given:
            return ""  # "With average revenue per key increasing 9% sequentially": another's
        if _NOT_LENT.search(self.sentence, since, at):
            return ""
        gap = self.sentence[since:at]
        right = _RIGHT_AFTER.match(gap)
        said = basis_window(right.group() if right is not None else gap)
        basis = basis_in(said, self.sentence, self.against) if said.strip() else ""
        if basis == "sequential" and ends["period"] and ends["period"].lower() == "year":
            return ""  # "up 9% sequentially, and 7% for the year": a year's is no quarter's
        return "" if basis == OVER_TWO_YEARS else basis

    def _driver_basis(self, at: int) -> str:
        """The basis of the growth a driver's growth at `at` drove, said in the driven one's
        own words ("sales increased 20% over prior year driven by an 18% increase in Basics,
        an 8% increase in intimates": each year over year), where a driver says none."""
        figures = self._figures or []
        index = next((i for i, f in enumerate(figures) if f.start() == at), 0)
        for j in range(index, 0, -1):
            gap = self.sentence[figures[j - 1].end() : figures[j].start()]
            offset = _OFFSET_BY.search(gap)
            if offset is not None:  # "driven by a 7% decrease in X, partially offset by a 1%
                # increase in Y": both of the growth they drove, over its basis
                said = gap[: offset.start()]
                basis = basis_in(said, self.sentence, self.against) if said.strip() else ""
                if basis:
                    return basis
                continue
            driver = DRIVER_BEFORE.search(gap) or _WITH_PART.search(gap) or _PARTS_SAID.search(gap)
            if driver is not None and YEAR_SAID.search(self._own_words(index)):
                return ""  # "comes on top with 6% growth in the first quarter of 2020": a period's
            if driver is not None:
                said = gap[: driver.start()]
                return basis_in(said, self.sentence, self.against) if said.strip() else ""
            if not _ITEM_GAP.fullmatch(gap):
                return ""
        return ""

    def _own_words(self, index: int) -> str:
        """The words after the figure `index`, up to the next figure."""
        figures = self._figures or []
        until = figures[index + 1].start() if index + 1 < len(figures) else len(self.sentence)
        return self.sentence[figures[index].end() : until]

    def _read(self, figures: list[re.Match[str]]) -> list[tuple[str, int, int]]:
        if not figures:
            return []
        said = []
        last = figures[-1].end()
        closing = basis_window(self.sentence[last:])
        if closing and _POINTS.search(closing):
            closing = ""  # "…, up 8 percentage points from last year": the points' own base
        basis = basis_in(closing, self.sentence, self.against) if closing else ""
        if basis and basis != OVER_TWO_YEARS:  # "and 29% on a two-year basis": the 29%'s own
            said.append((basis, last, last))
        first = figures[0].start()
        opening = frame_words(self.sentence[: self.sentence.find(",", 0, first) + 1])
        basis = basis_in(opening, self.sentence, self.against) if opening else ""
        if basis:  # "When compared with 2020, …": a frame, over each clause (start 0)
            said.append((basis, 0, 0))
        return said


def alternative_base(text: str, at: int, following: int) -> bool:
    """Whether the growth at `at` is followed by an alternative figure (at `following`) said
    against a base of its own, in the same measure: "grew 24.4% or 2.8% versus 2019" (the base
    is the 2.8%'s only); not "up 8% or 6% in constant currency versus last year"."""
    figure = FIGURE.match(text, at)
    if figure is None or following >= len(text):
        return False
    if not OR_NEXT.fullmatch(text, figure.end(), following):
        return False
    second = FIGURE.match(text, following)
    return second is not None and not ANOTHER_MEASURE.match(text, second.end())


# A change said in points, whose base after it is its own.
_POINTS = led(r"\b\d[\d.]*+\s++(?:percentage\s++|basis\s++)?points?\b", re.I)
# What a basis does not reach over: a contrast, a semicolon.
# A contrast, or what drove or is set beside a growth ("grew 22%, highlighted by 80% growth in
# digital relative to fiscal 2020": the base is the driver's own).
_CONTRAST = led(
    # a clause of "where" on another part's figure: "down 5.6%, where FCD's 21% year-over-year
    # decrease more than offset FPD strength" (the 5.6% has none)
    r";|\b(?:while|whereas|where|but|although|though|yet|highlighted|representing|"
    # a driver's clause: "down 8% overall, primarily due to same-store sales being down 6%
    # year-over-year" (the base is the driver's own)
    r"due\s+to|driven|led\s+by|because|reflecting|offset)\b",
    re.I,
)
# What a basis said after one growth is not lent over to the next: a semicolon, a driver, an
# alternative ("up 9% year over year, or 2% against 2019"), a base's own growth ("on top of 31%
# growth in Q3 of last year", "an acceleration from our Q1 revenue growth of 11%").
_NOT_LENT = led(
    r";|\b(?:due\s+to|driven|led\s+by|because|reflecting|offset|highlighted|representing|"
    r"including|or|compared|versus|against|from|than|after|on\s+top|lap(?:s|ped|ping)?)\b",
    re.I,
)
# The words right after a growth, to a comma or an "and" ("grew 12% and also improved
# sequentially, …": no base said of the 12%).
_RIGHT_AFTER = led(r"[^,;]*?(?=,|;|\band\b|$)", re.I)
# A growth that ends its clause: nothing of its own said after it.
# A period said after it is no basis of its own ("up 9% year-over-year during the quarter and 7%
# for the year").
_ENDS_CLAUSE = led(
    r"(?:\s++(?:for|in|during)\s++the\s++(?:full\s++)?(?:fiscal\s++)?(?P<period>year|quarter)\b"
    r"(?:\s++(?:19|20)\d\d\b)?)?"  # ("and 39% for the full year 2025")
    r"\s*+(?:[.,;!?)]|$|(?:and|but|while|whereas)\b)",
    re.I,
)
# Between two growths of one list of drivers: a few words of what each is in, then a comma or
# "and".
_ITEM_GAP = led(
    r"[^,;%]{0,60}(?:,|,?\s+and)\s+(?:an?\s+|the\s+)?(?:(?:nearly|over|more\s+than|"
    r"approximately|about|roughly|almost)\s+)?",
    re.I,
)
