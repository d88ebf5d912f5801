"""What `catalyst segments` prints: a filing's revenue by product line, segment and geography as
one JSON object, or as a table per axis with each line's share of the total revenue and the
largest product line marked. Labels come from the filing: they pass through `printable`."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from rich.text import Text

from ...text import printable
from ...thesis.vocabulary import NONE
from ...thesis.wording import money
from ...views.lines import LARGEST
from .tables import keep_whole, output_console, report_table, show

if TYPE_CHECKING:
    from rich.console import Console

    from ...reading.xbrl.records import Segments

__all__ = ["print_segments", "segments_json"]


def segments_json(segments: Segments) -> dict[str, object]:
    """The JSON object of `catalyst segments --json`."""
    largest = None
    if segments.largest is not None:
        axis, line = segments.largest
        largest = {
            "axis": axis,
            "member": line.member,
            "label": line.label,
            "revenue": line.revenue,
        }
    return {
        "period_start": segments.period_start.isoformat(),
        "period_end": segments.period_end.isoformat(),
        "form": segments.form,
        "currency": segments.currency,
        "total_revenue": segments.total_revenue,
        "axes": [
            {"axis": axis.axis, "members": [asdict(line) for line in axis.members]}
            for axis in segments.axes
        ],
        "largest": largest,
    }


def _share(revenue: int, total: int | None) -> str:
    return NONE if not total else f"{revenue / total:.1%}"


def _amount(value: int | None, currency: str) -> str:
    if value is None:
        return NONE
    return money(value, currency)


def print_segments(segments: Segments, console: Console | None = None) -> None:
    """Each axis as a table: member, revenue, share of the total; the largest line marked."""
    console = console or output_console()
    total = segments.total_revenue
    span = f"{segments.period_start.isoformat()} to {segments.period_end.isoformat()}"
    head = f"{segments.form or 'filing'} for {span}: revenue {_amount(total, segments.currency)}"
    console.print(Text(printable(head)))
    if not segments.axes:
        console.print(Text("no revenue by product line, segment or geography in the filing"))
    largest = segments.largest
    for axis in segments.axes:
        table = report_table(printable(axis.axis))
        for name in ("member", "revenue", "share", ""):
            table.add_column(name, justify="right" if name in ("revenue", "share") else "left")
        for line in axis.members:
            notes = []
            if largest is not None and largest[0] == axis.axis and largest[1] == line:
                notes.append(LARGEST)
            if line.aggregate:
                notes.append("sum of other lines")
            if line.within:
                notes.append("within another line")
            if line.generic:
                notes.append("products / services")
            table.add_row(
                Text(printable(line.label)),
                _amount(line.revenue, segments.currency),
                _share(line.revenue, total),
                Text(", ".join(notes)),
            )
        keep_whole(console, table, 1, 2)
        console.print()
        show(console, table)
