"""The rules that choose a filing's revenue figures: the current period (a 10-Q's three months
ending dei:DocumentPeriodEndDate, a 10-K's fiscal year), the total (the undimensioned fact of
Revenues, else RevenueFromContractWithCustomerExcludingAssessedTax, else SalesRevenueNet) and
each member's revenue on an axis (the context with that one dimension; else with
ConsolidationItemsAxis=OperatingSegmentsMember; else, when it is the member's only such fact,
beside one member of another of the three axes). Two facts of one shape that disagree are an
error, never a pick."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING

from .errors import NoRevenue, XbrlFormatError
from .records import GEOGRAPHY_AXIS, PRODUCT_AXIS, SEGMENT_AXIS

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from datetime import date

    from .facts import Context, Fact, Instance

__all__ = [
    "AXES",
    "TOTAL_REVENUE_CONCEPTS",
    "Period",
    "Priced",
    "by_period",
    "choose_period",
    "in_period",
    "member_values",
    "other_axes",
    "total_of",
]

# In the order the total is looked for.
TOTAL_REVENUE_CONCEPTS = (
    "Revenues",
    "RevenueFromContractWithCustomerExcludingAssessedTax",
    "SalesRevenueNet",
    "RevenueFromContractWithCustomerIncludingAssessedTax",
)
AXES = (PRODUCT_AXIS, SEGMENT_AXIS, GEOGRAPHY_AXIS)
CONSOLIDATION_AXIS = "ConsolidationItemsAxis"
OTHER_AXES = frozenset(
    {
        CONSOLIDATION_AXIS,
        "MajorCustomersAxis",
        "ContractWithCustomerBasisOfPricingAxis",
        "ContractWithCustomerDurationAxis",
        "ContractWithCustomerSalesChannelAxis",
        "TimingOfTransferOfGoodOrServiceAxis",
        "ProductsAndServicesAxis",
    }
)
STANDARD_PREFIXES = frozenset({"us-gaap", "srt", "dei", "country", "ifrs-full"})
OPERATING_SEGMENTS = "OperatingSegmentsMember"
QUARTER_SPAN = range(70, 116)  # 13 weeks = 91 days, 14 weeks = 98
YEAR_SPAN = range(340, 391)  # 52 weeks = 364 days, 53 = 371
NEAR_DAYS = 7  # a context may end a few days off the nominal period end (52/53-week calendars)


def _local(qname: str) -> str:
    return qname.rpartition(":")[2]


def other_axes(priced: Sequence[Priced]) -> list[str]:
    """Further breakdowns of revenue that carry it alone in the period, in the document's order:
    the standard ones of OTHER_AXES (MSFT's segments of 2015 on ConsolidationItemsAxis, major
    customers, pricing) and the company's own axes; not reclassifications or an investee's."""
    seen: dict[str, None] = {}
    for p in priced:
        if len(p.dims) == 1:
            ((axis, (written, _member)),) = p.dims.items()
            standard = written.partition(":")[0] in STANDARD_PREFIXES
            if axis not in AXES and (axis in OTHER_AXES or not standard):
                seen.setdefault(axis)
    return list(seen)


@dataclass(frozen=True, slots=True)
class Period:
    """A revenue fact's period: its days, its currency, and whether it is a quarter."""

    start: date
    end: date
    currency: str  # "iso4217:USD"
    quarter: bool


@dataclass(frozen=True, slots=True)
class Priced:
    """One revenue fact in the chosen period, its context's dimensions by axis local name."""

    fact: Fact
    dims: dict[str, tuple[str, str]]  # axis local name -> (axis QName, member QName)


def _money(instance: Instance, fact: Fact) -> str | None:
    measure = instance.units.get(fact.unit, "")
    return measure if measure.lower().startswith("iso4217:") else None


def _durations(instance: Instance) -> Iterable[tuple[Fact, Context, str]]:
    for fact in instance.facts:
        context = instance.contexts.get(fact.context)
        currency = _money(instance, fact)
        if context is not None and context.start is not None and currency and not context.typed:
            yield fact, context, currency


def choose_period(instance: Instance, end: date | None, quarter: bool) -> Period:
    """The revenue facts' period ending at (or within NEAR_DAYS of) `end`, of a quarter's or a
    year's length; the undimensioned total's context first. `end` None: the latest."""
    days = QUARTER_SPAN if quarter else YEAR_SPAN
    shaped = [
        (f, c, cur)
        for f, c, cur in _durations(instance)
        if c.start is not None and (c.end - c.start).days + 1 in days
    ]
    if not shaped:
        length = "three months" if quarter else "fiscal year"
        raise NoRevenue(
            f"the document states no revenue for a {length}"
            + (f" ending {end.isoformat()}" if end else "")
            + "."
        )
    undimensioned = [item for item in shaped if not item[1].dims] or shaped
    if end is None:
        target = max(c.end for _f, c, _cur in undimensioned)
    else:
        target = min(
            (c.end for _f, c, _cur in undimensioned),
            key=lambda day: (abs((day - end).days), day != end),
        )
        if abs((target - end).days) > NEAR_DAYS:
            length = "three months" if quarter else "fiscal year"
            raise NoRevenue(
                f"the document states no revenue for the {length} ending {end.isoformat()}."
            )
    first = next((f, c, cur) for f, c, cur in undimensioned if c.end == target)
    assert first[1].start is not None
    return Period(first[1].start, target, first[2], quarter)


def in_period(instance: Instance, period: Period) -> list[Priced]:
    """The revenue facts of `period` in its currency, each with its dimensions."""
    return by_period(instance, period.currency).get((period.start, period.end), [])


def by_period(instance: Instance, currency: str) -> dict[tuple[date, date], list[Priced]]:
    """The revenue facts in `currency` of every duration the document states, by (start, end),
    each with its dimensions: one pass over the facts."""
    out: dict[tuple[date, date], list[Priced]] = {}
    for fact, context, unit in _durations(instance):
        if unit == currency and context.start is not None:
            dims = {_local(axis): (axis, member) for axis, member in context.dims}
            if len(dims) == len(context.dims):
                out.setdefault((context.start, context.end), []).append(Priced(fact, dims))
    return out


def agree(facts: Sequence[Fact], what: str) -> Fact:
    """The most precise of facts that state one value (equal once rounded to the least precise
    one's decimals); an XbrlFormatError naming both when two disagree."""
    best = facts[0]
    for fact in facts[1:]:
        places = min((d for d in (best.decimals, fact.decimals) if d is not None), default=None)
        a, b = best.value, fact.value
        if places is not None:
            quantum = Decimal(1).scaleb(-places)
            with localcontext() as context:
                context.prec = 80  # |value| < 10^18 at 30 places: never cut
                a, b = a.quantize(quantum), b.quantize(quantum)
        if a != b:
            raise XbrlFormatError(
                f"{what} is given twice with different values: {best.value} ({best.where}) "
                f"and {fact.value} ({fact.where})"
            )
        if fact.decimals is None or (best.decimals is not None and fact.decimals > best.decimals):
            best = fact
    return best


def _order(concepts: Iterable[str]) -> list[str]:
    return sorted(set(concepts), key=lambda c: TOTAL_REVENUE_CONCEPTS.index(c))


def total_of(priced: Sequence[Priced], period: Period) -> Fact | None:
    """The undimensioned total, by the concepts' order."""
    plain = [p.fact for p in priced if not p.dims]
    for concept in _order(f.concept for f in plain):
        facts = [f for f in plain if f.concept == concept]
        return agree(facts, f"{facts[0].prefix}:{concept} for {_span(period)}")
    return None


def _span(period: Period) -> str:
    return f"{'three months' if period.quarter else 'the year'} ending {period.end.isoformat()}"


def _shape(p: Priced, axis: str) -> int | None:
    """Which rule `p` answers for its member on `axis`: 0 alone, 1 with the operating segments,
    2 beside one member of another of the three axes; None for any other context."""
    if axis not in p.dims:
        return None
    others = [key for key in p.dims if key != axis]
    if not others:
        return 0
    if len(others) == 1:
        if others[0] == CONSOLIDATION_AXIS and _local(p.dims[others[0]][1]) == OPERATING_SEGMENTS:
            return 1
        if others[0] in AXES:
            return 2
    return None


def member_values(
    priced: Sequence[Priced], axis: str, period: Period, first: str | None, alone: bool = False
) -> tuple[str, list[tuple[str, Fact]]] | None:
    """`axis`'s QName as written and each member's revenue fact, in the document's order;
    None when no fact in the period names the axis. `first`: the total's concept, tried first;
    `alone`: only contexts of that one dimension count (an axis other than the three)."""
    shapes: dict[str, dict[int, list[Priced]]] = {}
    written = ""
    for p in priced:
        shape = _shape(p, axis)
        if shape is not None and not (alone and shape):
            written, member = p.dims[axis]
            shapes.setdefault(member, {}).setdefault(shape, []).append(p)
    if not shapes:
        return None
    concepts = _order(TOTAL_REVENUE_CONCEPTS)
    if first in concepts:
        concepts.remove(first)
        concepts.insert(0, first)
    lines: list[tuple[str, Fact]] = []
    for member, by_shape in shapes.items():
        for shape in sorted(by_shape):
            found = _member_fact(by_shape[shape], shape, concepts, f"{written}={member}", period)
            if found is not None:
                lines.append((member, found))
                break
    return written, lines


def _member_fact(
    items: list[Priced], shape: int, concepts: list[str], what: str, period: Period
) -> Fact | None:
    for concept in concepts:
        facts = [p for p in items if p.fact.concept == concept]
        if not facts:
            continue
        if shape == 2:
            contexts = {tuple(sorted(p.dims.values())) for p in facts}
            if len(contexts) != 1:
                continue  # beside several members: not the member's only such fact
        named = f"{facts[0].fact.prefix}:{concept} for {what}, {_span(period)},"
        return agree([p.fact for p in facts], named)
    return None
