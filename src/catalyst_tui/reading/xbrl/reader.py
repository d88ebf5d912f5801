"""The XBRL reader's door: `read_segments(document, labels)` reads a 10-Q's or 10-K's XML
instance or inline XBRL document (and its label linkbase, when given) into `Segments`: the
current period's total revenue, each member's revenue on the product, segment and geography
axes (and any other axis carrying revenue alone), which members are generic (Product / Service)
or the sum of others, and the largest product line."""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING

from .aggregates import mark_aggregates, mark_within
from .envelope import unwrap
from .errors import NoRevenue, NotWellFormed, XbrlFormatError
from .facts import read_instance
from .figures import figures_of
from .html import looks_inline, read_html_instance
from .inline import parse_date
from .labels import Labels, read_labels, readable
from .records import PRODUCT_AXIS, SEGMENT_AXIS, AxisRevenue, Line, Segments
from .revenue import (
    AXES,
    TOTAL_REVENUE_CONCEPTS,
    Period,
    Priced,
    by_period,
    choose_period,
    member_values,
    other_axes,
    total_of,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Mapping, Sequence
    from datetime import date

__all__ = ["NoRevenue", "XbrlFormatError", "read_segments"]

GENERIC = frozenset({"ProductMember", "ServiceMember"})


def read_segments(
    document: bytes, labels: bytes | None = None, figures: Collection[str] = ()
) -> Segments:
    """`document`'s revenue split for its current period, and the `figures` (concepts' local
    names) it states for that period. XbrlFormatError: not XBRL, or revenue facts that
    contradict each other; NoRevenue: no revenue fact for the period."""
    document, labels = unwrap(document, labels)
    concepts = (*TOTAL_REVENUE_CONCEPTS, *(c for c in figures if c not in TOTAL_REVENUE_CONCEPTS))
    try:
        stated = read_instance(document, concepts)
    except NotWellFormed:
        if not looks_inline(document):
            raise
        stated = read_html_instance(document, concepts)
    instance = replace(
        stated, facts=tuple(f for f in stated.facts if f.concept in TOTAL_REVENUE_CONCEPTS)
    )
    lined = {  # the members a line can be of: the only labels read
        member
        for fact in instance.facts
        if fact.context in instance.contexts
        for _axis, member in instance.contexts[fact.context].dims
    }
    named = read_labels(labels, lined) if labels is not None else Labels({})
    form = " ".join(instance.dei.get("DocumentType", ("", ""))[0].split())
    end_text, end_context = instance.dei.get("DocumentPeriodEndDate", ("", ""))
    end = parse_date(end_text)
    if end is None and end_context in instance.contexts:
        end = instance.contexts[end_context].end
    if not any(f.concept in TOTAL_REVENUE_CONCEPTS for f in instance.facts):
        raise NoRevenue(
            "the document has no revenue facts (Revenues, "
            "RevenueFromContractWithCustomerExcludingAssessedTax, SalesRevenueNet)."
        )
    focus = instance.dei.get("DocumentFiscalPeriodFocus", ("", ""))[0].strip().upper()
    quarter = form.upper().startswith("10-Q") or (not form and focus.startswith("Q"))
    period = choose_period(instance, end, quarter)
    periods = by_period(instance, period.currency)
    priced = periods.get((period.start, period.end), [])
    total = total_of(priced, period)
    first = total.concept if total is not None else None
    total_revenue = _whole(total.value) if total is not None else None
    axes: list[AxisRevenue] = []
    for axis in (*AXES, *other_axes(priced)):
        found = member_values(priced, axis, period, first, alone=axis not in AXES)
        if found is None or not found[1]:
            continue
        written, members = found
        lines = [
            Line(
                member,
                _label(named, member),
                _whole(fact.value),
                generic=member.rpartition(":")[2] in GENERIC,
            )
            for member, fact in members
        ]
        history = _history(periods, period, axis, first)
        marked = mark_within(mark_aggregates(lines, history), total_revenue)
        axes.append(AxisRevenue(written, tuple(marked)))
    if total is None and not axes:
        raise NoRevenue(
            f"the document states no revenue for the {_length(period)} ending "
            f"{period.end.isoformat()}."
        )
    return Segments(
        period_end=end or period.end,
        period_start=period.start,
        form=form,
        currency=period.currency.partition(":")[2].upper(),
        total_revenue=total_revenue,
        axes=tuple(axes),
        largest=_largest(axes),
        figures=figures_of(stated, period, figures),
    )


def _length(period: Period) -> str:
    return "three months" if period.quarter else "fiscal year"


def _label(named: Labels, member: str) -> str:
    return named.of(member) or readable(member)


def _whole(value: Decimal) -> int:
    return int(value.to_integral_value(rounding=ROUND_HALF_EVEN))


def _history(
    periods: Mapping[tuple[date, date], list[Priced]], period: Period, axis: str, first: str | None
) -> Callable[[], list[dict[str, int]]]:
    """How to read `axis`'s members in each other period of the filing (whole units); a period
    whose facts contradict each other is left out: it is not the period the answer is of."""

    def read() -> list[dict[str, int]]:
        out = []
        alone = axis not in AXES
        for (start, end), priced in periods.items():
            if (start, end) == (period.start, period.end):
                continue
            other = Period(start, end, period.currency, period.quarter)
            try:
                found = member_values(priced, axis, other, first, alone=alone)
            except XbrlFormatError:
                continue
            if found is not None and found[1]:
                out.append({member: _whole(fact.value) for member, fact in found[1]})
        return out

    return read


def _largest(axes: Sequence[AxisRevenue]) -> tuple[str, Line] | None:
    """The largest product line (the largest segment without a product axis): neither a generic
    member, when the company's own exist, nor a sum of other members."""
    by_name = {axis.axis.rpartition(":")[2]: axis for axis in axes}
    axis = by_name.get(PRODUCT_AXIS) or by_name.get(SEGMENT_AXIS)
    if axis is None:
        return None
    lines = [ln for ln in axis.members if not ln.aggregate and not ln.within]
    own = [ln for ln in lines if not ln.generic]
    candidates = own or lines
    if not candidates:
        return None
    return axis.axis, max(candidates, key=lambda ln: ln.revenue)
