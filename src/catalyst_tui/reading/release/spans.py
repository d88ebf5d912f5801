"""The span of a column its header dates without saying how long it is: a statement headed by
its days alone ("March 28, 2026 | March 29, 2025", no "Three Months Ended" above), in a release
whose text says the quarter it reports ended that day ("results for its first quarter ended March
28, 2026"). Such a column is the quarter, and the column a year before it (364 days, give or
take a 52/53-week year's slack) the same quarter a year earlier.

Pure. Nothing is spanned where the text also says a year ended that day ("fourth quarter and
fiscal year ended December 31": which column is which is not said), where it names no quarter's
end, or where a header says a span of its own: the header's word stands.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .periods import Kind, day_at
from .stated import reported_end

if TYPE_CHECKING:
    from datetime import date

    from .periods import Column
    from .tables import Segment

__all__ = ["span_by_text"]

# "fiscal year ended", "full year ended", "twelve months ended", "52 weeks ended"
_YEAR_ENDED = re.compile(
    r"(?:year|twelve months|12 months|(?:52|53|fifty-two|fifty-three) weeks),? "
    r"(?:of fiscal (?:year )?\d{4} )?ended (?:on )?"
)
_A_YEAR = 364  # days from a quarter's end to the same quarter's a year before (52 weeks)
_SLACK_DAYS = 10  # a 53-week year, a calendar quarter: a few days either side


def span_by_text(segments: list[Segment], text: str, filed: date | None) -> list[Segment] | None:
    """The segments with each column dated but not spanned, ending the day the text says the
    reported quarter ended or a year before it, made that quarter's; None when the text gives
    no such day, says a year ended it too, or no column is so dated."""
    quarter = reported_end(text, filed)
    if quarter is None:
        return None
    lower = text.lower()
    years = {day for said in _YEAR_ENDED.finditer(lower) if (day := day_at(lower, said.end()))}
    if quarter in years:
        return None

    def spanned(column: Column) -> bool:
        if column.kind is not None or column.end is None or column.forecast:
            return False
        return column.end == quarter or abs((quarter - column.end).days - _A_YEAR) <= _SLACK_DAYS

    found = False
    out = []
    for segment in segments:
        lines = []
        for line in segment.lines:
            figures = []
            for figure in line.figures:
                if spanned(figure.column):
                    found = True
                    figure = replace(figure, column=replace(figure.column, kind=Kind.QUARTER))
                figures.append(figure)
            lines.append(replace(line, figures=tuple(figures)))
        out.append(replace(segment, lines=tuple(lines)))
    return out if found else None
