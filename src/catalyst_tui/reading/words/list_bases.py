"""What basis the figures of one list take of each other (figures.py reads them): a growth
with none of its own takes the one said after the list ("up 28% in dollars, 25% local
currencies and 23% organically compared to the first quarter of 2020": each against that
quarter), save a growth over two years, which is the last figure's own ("grew 22.6% and 29% on
a two-year basis"), and a part listed after one said with its basis takes that basis
("men's revenue increased 8% versus last year, women's increased 6%") where it says none of its
own; and two figures joined by "and" are no range where the second is said in another
measure ("grew 16% and 12% on a currency neutral basis") or over two years. Comparable sales
said "with" after a growth take its year-over-year basis (said_with)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..leads import led
from .basis_ends import CUT_BASIS
from .patterns import FIGURE
from .records import OVER_TWO_YEARS
from .vocabulary import TWO_YEARS, YEAR_SAID, YEARLY

if TYPE_CHECKING:
    from .lists import Found

__all__ = ["another_measure_next", "lend_list_basis", "list_basis_of", "said_with"]


def lend_list_basis(text: str, found: list[Found]) -> list[Found]:
    """`found` (the clause `text`'s figures in order), each growth with no basis of its own
    given the basis of the growth after it in the same list."""
    for j in range(len(found) - 2, -1, -1):
        one, nxt = found[j], found[j + 1]
        if one.kind == nxt.kind == "growth" and not one.basis and nxt.basis and not one.prior:
            if nxt.basis == OVER_TWO_YEARS:
                continue  # "grew 22.6% and 29% on a two-year basis": the 29% alone
            figure = FIGURE.match(text, one.position)
            gap = text[figure.end() if figure else one.position : nxt.position]
            if _LIST_GAP.fullmatch(gap) and not CUT_BASIS.search(gap):
                found[j] = one._replace(basis=nxt.basis)
    for j in range(1, len(found)):  # and forward, to the parts listed after a basis said once
        one, prev = found[j], found[j - 1]
        if (
            one.kind == prev.kind == "growth"
            and not one.basis
            and not one.prior  # "up 34% year-over-year, up from 30% last quarter": a base's
            and prev.basis in _CARRIED
            and not (
                prev.subject.other  # "average revenue per key, increasing 9% sequentially": its own
            )
        ):
            figure = FIGURE.match(text, prev.position)
            gap = text[figure.end() if figure else prev.position : one.position]
            own = FIGURE.match(text, one.position)  # a base of its own after it: not the list's
            if own is None or own["mult"] or _OWN_BASE.match(text, own.end()):
                continue  # ("and cloud more than doubled": a multiple says its own base)
            if not _ITEM_AFTER.fullmatch(gap):
                continue
            if not CUT_BASIS.search(gap):
                found[j] = one._replace(basis=prev.basis)
    return found


# The bases a list's later parts take from its first ("men's revenue increased 8% versus last
# year, women's increased 6% and accessories grew 12%"), and the words between: the basis said,
# then the next part's name and its verb, nothing else.
_CARRIED = frozenset({"year over year", "sequential"})
_OWN_BASE = led(
    r"\s*(?:[\w'’-]+\s+){0,3}?(?:versus|vs\.?|compared|from|over|relative|against|than|"
    r"excluding|ex|on\s+an?|in\s+(?:constant|local)|organically|sequentially|year|when)\b",
    re.I,
)
_ITEM_AFTER = led(
    r"\s*(?:(?:versus|vs\.?|compared\s+(?:to|with)|over|from)\s+(?:the\s+)?(?:last|prior|"
    r"previous|same)\s+(?:year|quarter|period)|year[- ](?:over|on)[- ]year|sequentially)?\s*"
    r"(?:,|,?\s+and)\s+(?:[\w'’&.-]+\s+){1,4}?(?:increased|grew|rose|declined|decreased|fell|"
    r"(?:was|were)\s+(?:up|down)|up|down)?\s*(?:by\s+)?",
    re.I,
)


_LIST_GAP = led(r"(?:\s+(?:in|on|from|for)?\s*[\w.&/-]+){0,4}\s*(?:,|,?\s+and)\s+", re.I)


def list_basis_of(basis: str, kind: str, last: bool) -> str:
    """The basis a listed figure takes of the one said after the list: a share none, a growth
    over two years only the last."""
    if kind != "growth" or (basis == OVER_TWO_YEARS and not last):
        return ""
    return basis


def another_measure_next(text: str, end: int) -> bool:
    """Whether the figure ending at `end` is said in another measure or over two years, where
    it follows another with "and": one growth twice, no range of two."""
    return bool(_IN_ANOTHER_MEASURE.match(text, end) or TWO_YEARS.match(text, end))


# "grew 16% and 12% on a currency neutral basis": one growth in two measures, not two periods.
_IN_ANOTHER_MEASURE = led(
    r"\s*(?:(?:on|in|at)\s+(?:an?\s+)?)?(?:constant[- ]currency|currency[- ]neutral|"
    r"f/?x[- ]neutral|local[- ]currenc(?:y|ies)|organic(?:ally)?|core|operational(?:ly)?)\b",
    re.I,
)


# Comparable sales said with the whole's growth, after it: "a 17.8% decline versus the prior
# year quarter, with same-store revenue down approximately 22%" (its basis theirs).
_WITH_AFTER = led(r",\s*+with\s++$", re.I)
# A figure and the year-over-year base said right after it ("17.8% decline versus the prior
# year quarter"); a year named in it is no year before of its own (bases.py).
_FIGURE_BASIS = led(r"\d%\s*+(?:[a-z]++\s++){0,2}?(?:" + YEARLY.pattern + ")", re.I)


def said_with(text: str, at: int) -> str:
    """The year-over-year basis of the growth said before comparable sales at `at` that are
    said after it with "with" ("…, a 17.8% decline versus the prior year quarter, with
    same-store revenue down approximately 22%"), where they say none of their own; "" where
    that growth says none, or names a year."""
    if not _WITH_AFTER.search(text, max(0, at - 8), at):
        return ""
    said = [*_FIGURE_BASIS.finditer(text, 0, at)][-1:]
    return "year over year" if said and not YEAR_SAID.search(said[0].group()) else ""
