"""The figures of one clause, read from its first (figures.py reads a sentence's clauses):
each percentage read on its own (one_figure.py), as one of a pair said "respectively" or in
order (pairs.py), as a share's two ends ("10% to 15% of revenue"), or as a list's next rate
("an exit rate of 12%"); a list's growths take the basis said after the list."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .bases import Against, frame_words, growth_basis, list_basis
from .list_bases import another_measure_next, lend_list_basis, list_basis_of
from .one_figure import read_one
from .pairs import BOTH_SAID, both, in_order, paired_span, respectively
from .patterns import EXIT_RATE, FIGURE, RANGE_TO, SHARE_OF, comparison_said, tail
from .rate_moved import moved_from
from .respective import base_shares, named_after

if TYPE_CHECKING:
    from .lists import Found

__all__ = ["clause_figures"]


def clause_figures(
    text: str, at: int, first: bool, revenue_said: bool, against: Against
) -> Iterator[Found]:
    """The clause's figures, the first of them at `at`; a growth of a list with no basis of its
    own takes the basis said after the list ("up 28% in dollars, 25% local currencies and 23%
    organically compared to the first quarter of 2020": each against that quarter)."""
    yield from lend_list_basis(text, list(_each_figure(text, at, first, revenue_said, against)))


def _each_figure(
    text: str, at: int, first: bool, revenue_said: bool, against: Against
) -> Iterator[Found]:
    """Each figure of the clause `text` read, from its first at `at` (looked for from there)."""
    figures = list(FIGURE.finditer(text, at))
    frame = frame_words(text[:at])
    paired = respectively(text, first, revenue_said)
    ordered = None if paired is not None else in_order(text, figures, first, revenue_said)
    paired = ordered if ordered is not None else paired
    limit = resumed = len(text)
    run: list[re.Match[str]] = []
    if paired is not None:  # "64% and 36% of revenue, respectively": each its name, or none
        last_at = max((f.position for f in paired), default=figures[-1].start())
        ending = next((f for f in figures if f.start() == last_at), figures[-1])
        basis = list_basis(text, text[ending.end() :], frame, against)  # after the pair's last
        paired = [
            f._replace(basis=list_basis_of(basis, f.kind, f.position == last_at)) for f in paired
        ]
        # the figures before the pair's, and after "respectively", are each read on their own
        limit, resumed, run = paired_span(text, None if ordered is None else figures[0].start())
        run = run if not paired else []  # a run paired with no names may be a list's bases
        figures = [f for f in figures if f.start() < limit or f.start() >= resumed]
    last: Found | None = None
    skip = -1
    shares: list[Found] = []  # the shares read before a pair: those a base list is of
    for i, match in enumerate(figures):
        if i == skip:
            continue
        nxt = figures[i + 1].start() if i + 1 < len(figures) else len(text)
        if match.start() < limit:
            nxt = min(nxt, limit)
        elif last is not None and last.position < limit:
            last = None  # what stands after the pair is not the list before it
        before, after = text[: match.start()], text[match.end() : nxt]
        high = None
        if (
            i + 1 < len(figures)
            and RANGE_TO.fullmatch(after)
            and not another_measure_next(text, figures[i + 1].end())
            and not moved_from(before)  # "growth accelerated from 5% to 8%": a move, no range
        ):
            high = figures[i + 1]  # "10% to 15% of revenue": one share, both ends
            after = text[high.end() : figures[i + 2].start() if i + 2 < len(figures) else len(text)]
            if not SHARE_OF.match(after):
                skip = i + 1  # "a 68% and 69% increase", "12%-14% growth": two periods' or a range
                last = None
                continue
            skip = i + 1
        rate = EXIT_RATE.search(before, tail(before, 80))
        if last is not None and last.kind == "share" and rate and rate.end() == len(before):
            said = " ".join(rate["rate"].split())
            yield last._replace(
                value=float(match["num"] or 0),
                basis=said,
                position=match.start(),
                comparison=comparison_said(rate),
            )
            continue
        pair = both(text, match, revenue_said, first) if i == 0 and BOTH_SAID.search(text) else []
        for found in pair:  # "X and Y revenues are both up 8%": each its figure
            yield found._replace(basis=growth_basis(text, figures, i, after, frame, against))
        if pair:
            last = None
            continue
        one = read_one(text, match, before, after, first, revenue_said, last)
        if one is None or not named_after(one, text, resumed) or one.of_itself:
            last = None
            continue
        found = one._replace(local=_local(text, match.start()))
        if high is not None and found.kind == "share":
            found = found._replace(high=float(high["num"] or 0), comparison="between")
        if found.kind == "growth" and not found.prior:  # a share has no basis: none looked for
            found = found._replace(basis=growth_basis(text, figures, i, after, frame, against))
        last = found
        if found.kind == "share" and found.position < limit:
            shares.append(found)
        yield found
    yield from paired or base_shares(text, run, shares)


def _local(text: str, at: int) -> str:
    """The words a figure's subject and verb take: from the last clause-opening comma or
    "with" before it."""
    cut = max(text.rfind(",", 0, at), text.rfind(" with ", 0, at), text.rfind(" and ", 0, at))
    return text[max(cut, 0) : at]
