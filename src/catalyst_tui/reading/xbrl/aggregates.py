"""Which members of an axis are the sum of others (a parent beside its children: NVIDIA's Data
Center = Compute + Networking). A sum in the current period alone may be a coincidence, so a
member is marked only when the same members add up to it in every other period of the filing
where they are all tagged (the prior year's quarter, the year to date), and in at least one:
a filing of one period marks nothing, and every line stays a line of its own.

And which member is a part of another beside it (`within`): Netflix lists its United States
beside the United States and Canada that holds it, with no Canada of its own, so the members
add up to more than the total. A member is marked within only when the filing states the
total, the members (aggregates and generic members aside) exceed it, and leaving out that one
member, and no other, gives the total exactly; a larger member must be beside it to hold it.
Otherwise nothing is marked: lines that over-sum for another reason stay as the filing says."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from .records import Line

__all__ = ["mark_aggregates", "mark_within"]

_MAX_PARTS = 24  # members searched for a sum; a longer axis is left unmarked
_MAX_SUMS = 1 << 12  # distinct partial sums followed: a hostile axis stays milliseconds

# Each other period's revenue by member on the axis (whole currency units).
History = Sequence[Mapping[str, int]]


def mark_aggregates(lines: list[Line], history: Callable[[], History]) -> list[Line]:
    """`lines` with each member that is the sum of other (non-generic, positive) members in the
    current period and in every other period where they are all tagged marked aggregate.
    `history` is asked only when some member is a sum in the current period."""
    parts = [ln for ln in lines if not ln.generic and ln.revenue > 0]
    if len(parts) > _MAX_PARTS:
        return lines
    candidates = {ln.member for ln in parts if _is_sum(ln, parts, (), needed=False)}
    if not candidates:
        return lines
    others = history()
    return [
        Line(
            ln.member,
            ln.label,
            ln.revenue,
            ln.generic,
            ln.member in candidates and _is_sum(ln, parts, others, needed=True),
        )
        for ln in lines
    ]


def _is_sum(target: Line, lines: Sequence[Line], others: History, needed: bool) -> bool:
    """Whether some of `lines` (each smaller than `target` now, two or more then) add up to it
    now and in each of `others` where `target` and all of them are tagged; `needed`: in at
    least one of `others` too."""
    spans = [period for period in others if target.member in period]
    if needed and not spans:
        return False
    goal = tuple(period[target.member] for period in spans)
    start: tuple[int | None, ...] = (0,) * len(spans)
    states = {(0, start)}
    for line in lines:
        if line.revenue >= target.revenue:
            continue
        then = [period.get(line.member) for period in spans]
        grown = set()
        for now, sums in states:
            if now + line.revenue <= target.revenue:
                added = tuple(
                    None if s is None or v is None else s + v
                    for s, v in zip(sums, then, strict=True)
                )
                grown.add((now + line.revenue, added))
        states |= grown
        if len(states) > _MAX_SUMS:
            return False  # too many members to tell: not marked
    return any(now == target.revenue and _agrees(sums, goal, needed) for now, sums in states)


def _agrees(sums: tuple[int | None, ...], goal: tuple[int, ...], needed: bool) -> bool:
    stated = [(s, g) for s, g in zip(sums, goal, strict=True) if s is not None]
    return (bool(stated) or not needed) and all(s == g for s, g in stated)


def mark_within(lines: list[Line], total: int | None) -> list[Line]:
    """`lines` with the one member that is a part of another beside it marked `within`: the
    members (neither generic nor a sum of others) exceed `total` by exactly that member's
    revenue, a larger member is beside it, and no other member does the same."""
    parts = [ln for ln in lines if not ln.generic and not ln.aggregate]
    if total is None or not parts:
        return lines
    excess = sum(ln.revenue for ln in parts) - total
    if excess <= 0:
        return lines
    largest = max(ln.revenue for ln in parts)
    found = [ln for ln in parts if ln.revenue == excess and ln.revenue < largest]
    if len(found) != 1:
        return lines
    part = found[0].member
    return [replace(ln, within=True) if ln.member == part else ln for ln in lines]
