"""A release table's rows read as labelled figures, each figure under the period its column covers.

Pure, no I/O. A table is cut into segments, one per block of header rows ("Three Months Ended",
"October 29, 2023", "Q4 FY24", "Forecast"...): a header cell covers the figures below it that
fall inside its columns (grid columns in HTML, character offsets in plain text), and what the
covering cells say together is that column's period (columns, release_periods); a row of
headings side by side whose words go on in the header row below ("For the 13" over "Weeks
Ended") is a header row too. Workiva splits a
figure over cells (`$`, `(`, `4.38`, `)`, `%`): they are merged back, parentheses making the
figure negative. The scale ("in millions", "in thousands") is the nearest one stated above the
figures, in the table's header or in the lines before it, leaving aside shares ("shares in
thousands"); None when none is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from .columns import column_period
from .document import Cell, Table
from .periods import Column, dated, read_column, year_alone

__all__ = ["Figure", "Line", "Segment", "normal_label", "segments", "states_scale"]

_CONTEXT_CHARS = 700  # the text a segment keeps before its figures: title, scale, lead-in
_PAGE_BREAK_CHARS = 40  # at most a page number and a running head between a table's halves


@dataclass(frozen=True, slots=True)
class Figure:
    """One number as printed in a table cell, with the column it stands in."""

    value: Decimal  # as printed: before the scale, negative when in parentheses
    percent: bool
    places: int  # decimal places printed
    column: Column


@dataclass(frozen=True, slots=True)
class Line:
    """One row of a table: its label, section, figures and other cells."""

    label: str  # normal_label of the row's label
    section: str  # normal_label of the nearest label-only row above, e.g. "earnings per share"
    figures: tuple[Figure, ...]
    texts: tuple[str, ...]  # the other cells: "$21.30 billion to $21.50 billion", "Up 34%"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of a table's lines under one header: its lines, title, context and scale."""

    lines: tuple[Line, ...]
    title: str  # the label-only rows above its first header row, lower case ("non-gaap")
    context: str  # title, scale line and lead-in before the figures, lower case
    scale: Decimal | None  # None: no scale stated above the figures
    headers: tuple[Cell, ...] = ()  # its header cells, for a table continuing it
    starts: frozenset[int] = frozenset()  # where its figures start
    source: int = 0  # the table it was read from (its id while the release is read)


_NUMBER = re.compile(
    r"^(?P<open>\()?\s*[$€£]?\s*(?P<open2>\()?\s*(?:(?P<minus>[-−–])|\+)?\s*[$€£]?\s*"
    r"(?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<decimals>\.\d+)?\s*(?P<close>\))?\s*"
    r"(?P<percent>%)?\s*\)?$"
)
_DASH = re.compile(r"^[-—–]+$")
_SYMBOLS = re.compile(r"^[$€£()%\s*]+$")
_HEADER_WORDS = re.compile(
    r"months|weeks|quarter|year|ended|fiscal|\bfy|\bq[1-4]\b|q[1-4]'|forecast|outlook|gaap"
    r"|\blow\b|\bhigh\b|change|q/q|y/y|as reported|actual|unaudited|\bttm\b|\bytd\b|^%|\(decr\.\)"
    r"|\badj\b|increase|decrease|constant currency|b/\(w\)|o/\(u\)|favorable|\b[1-4]q\s?'?\d\d"
    r"|^(?:19|20)\d\d\s*(?:\(\w{1,2}\)|\*+)$"  # a year with a footnote mark: "2023 (1)"
    r"|^units?$"  # the column of units beside the figures ("$ MM", "$/Share")
)
# "(In millions, ...)", "$ in thousands", "(millions of dollars)", "($ millions)", "(000s)"
_SCALE = re.compile(
    r"\bin\s+(?:u\.?s\.?\s+)?(?:\$\s*)?(millions|thousands|billions)\b"
    r"|\b(millions|thousands|billions) of (?:u\.?s\.? )?dollars\b"
    r"|\(\s*(?:us)?\$?\s*(millions|thousands|billions)\b|\$\s*(millions|thousands|billions)\b"
    r"|\(\s*\$?\s*(000)'?s\)|\(\s*\$\s*(000)\s*\)|\bin (000)'?s\b|\b(000)'?s omitted"
)
_SHARES_NEAR = re.compile(r"shares?\W+(?:\w+\W+){0,4}$")
_SCALES = {"millions": Decimal(10**6), "thousands": Decimal(1000), "billions": Decimal(10**9)}
_FOOTNOTE = re.compile(r"\(\s*[a-z0-9]{1,2}\s*\)|\(notes? \d+[a-z]?\)|\*+|†|‡|\s\d$|(?<=[a-z])\d$")
_PER = re.compile(r"^per (?:common |diluted |basic )?share\b")  # a measure's per-share line
_LOSS = re.compile(r"/?\((?:loss|losses|income|deficit|earnings)\)")


@lru_cache(maxsize=4096)  # the same labels recur from table to table
def normal_label(text: str) -> str:
    """A row label in one spelling: lower case, no footnote marks or "(loss)", no end colon."""
    label = _FOOTNOTE.sub(" ", text.lower().replace("’", "'"))
    label = _LOSS.sub(" ", label).replace("—", " ").replace("–", " ")
    return " ".join(label.split()).strip(" :$/,")  # "(Loss)/earnings from operations"


def segments(table: Table, previous: Segment | None = None) -> list[Segment]:
    """The table's segments, in order: each block of header rows and the figures under it.

    A table with no header rows that follows `previous` across a page break (little text
    between them, its figures in the same columns) is read under `previous`'s headers.
    """
    found: list[Segment] = []
    headers: list[Cell] = []  # the header cells of the current segment, row by row
    columns: dict[tuple[int, int], Column] = {}
    lines: list[Line] = []
    lead = table.before[-_CONTEXT_CHARS:]  # the text before the table: the first segment's
    pending: list[str] = []  # label-only rows and heading labels since the last figures
    title: list[str] | None = None  # the label-only rows above the segment's headers
    head = ""  # the context as it stood at the segment's first figures
    section = ""
    starts: set[int] = set()
    carried = _continued(table, previous)

    def close() -> None:
        if lines:
            scale = _scale(head) or (carried.scale if carried and not found else None)
            found.append(
                Segment(
                    tuple(lines),
                    " ".join(title or ()).lower(),
                    head,
                    scale,
                    tuple(headers),
                    frozenset(starts),
                    id(table),
                )
            )

    rows = [_row(row, table.label_end) for row in table.rows]
    for at, (labels, rest, label, figures, texts) in enumerate(rows):
        if (
            _is_header(label, figures, texts)
            or (headers and not lines and _years(figures, texts))
            # line items named over the columns of a transposed reconciliation
            or (headers and not lines and not label and not figures and len(texts) > 1)
            # headings whose words wrap onto the header row below ("For the 13" over "Weeks
            # Ended"): texts side by side, no label, no figure, right above headers
            or (
                not label
                and not figures
                and len(texts) > 1
                and at + 1 < len(rows)
                and _is_header(*rows[at + 1][2:])
            )
        ):
            if lines:  # a new block of headers after figures: a new segment
                close()
                lines, headers, title, section, starts = [], [], None, "", set()
            if title is None:
                title = list(pending)
            # a heading in the label's place ("4Q24" over the figures left of the labels);
            # a period in the label's place beside years ("Three Months Ended September 30, |
            # 2025 | 2024") heads every year of its row, as a heading above them would
            if len(labels) == 1 and figures and not texts and _period_alone(label):
                headers.append(Cell(labels[0].start, max(c.end for c in rest), label))
                headers.extend(rest)
            else:
                headers.extend([*labels, *rest] if labels and _heading(label) else rest)
            columns.clear()
            if label:
                pending.append(label)
            # a scale line among the headings ("(In millions ...; unaudited)") scales the figures
            pending.extend(t for t in texts if not figures and _SCALE.search(t.lower()))
        elif figures or texts:
            if not lines:
                above = carried.context if carried and not carried.lines and not found else ""
                head = " ".join([above, lead, *pending]).lower()[-_CONTEXT_CHARS:]
                lead = ""
                if title is None:
                    title = list(pending)
                if not headers and carried and not found:
                    headers = list(carried.headers)
            placed = tuple(
                Figure(
                    f.value, f.percent, f.places, column_period(headers, f.start, f.end, columns)
                )
                for f in figures
            )
            starts.update(f.start for f in figures)
            named = normal_label(label)
            if _PER.match(named) and lines and not pending:  # "Per common share" under its measure
                named = f"{lines[-1].label} {named}"
            lines.append(Line(named, section, placed, tuple(texts)))
            pending = []
        elif label:
            named = normal_label(label)
            section = f"{section} {named}" if _PER.match(named) and section else named
            pending.append(label)
    close()
    if not found and headers and not lines:  # a table of headers alone, its figures in the next
        context = " ".join([lead, *pending]).lower()[-_CONTEXT_CHARS:]
        found.append(
            Segment(
                (),
                " ".join(title or ()).lower(),
                context,
                _scale(context),
                tuple(headers),
                frozenset(),
                id(table),
            )
        )
    return found


_Row = tuple[list[Cell], list[Cell], str, list["_Printed"], list[str]]


def _row(row: tuple[Cell, ...], label_end: int) -> _Row:
    """A row's label cells, its other cells, its label, its figures and its other texts."""
    # The label: cells left of the first figure column, headings reaching over it aside
    labels: list[Cell] = []
    rest: list[Cell] = []
    for c in row:  # one pass: a row of 40,000 cells is read in linear time
        (labels if c.end <= label_end and not _NUMBER.match(c.text) else rest).append(c)
    label = " ".join(c.text for c in labels)
    figures, texts = _figures(rest)
    if not labels and len(rest) == 1 and texts and not _heading(texts[0]):
        label, rest, texts = texts[0], [], []  # a title row spanning the table
    elif not labels and len(texts) == 1 and _between(rest, texts[0]):
        label, texts = texts[0], []  # "1.67 | 1.92 | Earnings Per Share | 7.79 | 9.52"
    return labels, rest, label, figures, texts


def _continued(table: Table, previous: Segment | None) -> Segment | None:
    """`previous` when `table` is its continuation past a page break, or the figures under a
    table of headers alone (the same grid, every figure under a header), else None."""
    if previous is None or not previous.headers:
        return None
    gap = table.before
    if not previous.lines:  # the table of headers stands in the text before this one, as a title
        last = previous.headers[-1].text
        if (at := gap.rfind(last)) < 0:
            return None
        gap = gap[at + len(last) :]
    if len(gap) > _PAGE_BREAK_CHARS:
        return None
    starts = {
        cell.start
        for row in table.rows
        for cell in row
        if cell.start >= table.label_end and _NUMBER.match(cell.text) and not year_alone(cell.text)
    }
    if previous.lines:
        return previous if starts and starts <= previous.starts else None
    width = max(cell.end for row in table.rows for cell in row)
    spans = [(h.start, h.end) for h in previous.headers]
    aligned = width == max(end for _, end in spans) and all(
        any(low <= start < high for low, high in spans) for start in starts
    )
    return previous if starts and aligned else None


def _is_header(label: str, figures: list[_Printed], texts: list[str]) -> bool:
    """A row of period headings: dates, years, "Three Months Ended", "Q4 FY24", "GAAP"..."""
    if figures:  # only years ("2023 | 2022") under an empty or heading label
        return (
            all(f.year for f in figures)
            and all(map(_heading_or_scale, texts))  # "2025 | % of Revenues | 2024 | ..."
            and (not label or _heading(label) or _SCALE.search(label.lower()) is not None)
        )
    # the scale line may stand among the headings ("3Q25 | 2Q25 | Dollars in millions | YTD 2025")
    return any(map(_heading, texts)) and all(map(_heading_or_scale, texts))


def _period_alone(label: str) -> bool:
    """A label naming a period's length and nothing of an order ("Three Months Ended September
    30,"; not "4Q24 3Q24 Dollars in millions", the headings of columns either side)."""
    column = read_column(label)
    return column.kind is not None and column.order is None


def _heading_or_scale(text: str) -> bool:
    """A heading, or the scale line standing among the years ("Dollars in millions")."""
    return _heading(text) or _SCALE.search(text.lower()) is not None


def _between(cells: list[Cell], text: str) -> bool:
    """Whether the one text of a row of figures stands between them, figures that are not all
    years on either side: the row's label, in a table whose quarters stand left of its labels
    and its years right ("4Q24 | 3Q24 | Dollars in millions | 2024 | 2023")."""
    at = next(c.start for c in cells if c.text == text)
    left = [c for c in cells if c.end <= at and _NUMBER.match(c.text)]
    right = [c for c in cells if c.start > at and _NUMBER.match(c.text)]
    return bool(left and right) and not all(year_alone(c.text) for c in left + right)


def _years(figures: list[_Printed], texts: list[str]) -> bool:
    """Only years, two or more, under a section's label ("REVENUES AND OTHER INCOME | 2024 |
    2023"): a header row, where it comes between the headers and the first figures."""
    return len(figures) > 1 and all(f.year for f in figures) and all(map(_heading, texts))


@lru_cache(maxsize=4096)
def _heading(text: str) -> bool:
    lower = text.lower()
    return _HEADER_WORDS.search(lower) is not None or dated(lower)


class _Printed(NamedTuple):
    value: Decimal
    percent: bool
    places: int
    start: int
    end: int
    year: bool  # a bare year ("2023"), as in a header row


def _figures(cells: list[Cell]) -> tuple[list[_Printed], list[str]]:
    """The figures printed in the cells and their other texts, split cells merged back."""
    figures: list[_Printed] = []
    texts: list[str] = []
    opened = False
    for cell in cells:
        text = cell.text
        number = _NUMBER.match(text)
        if number:
            negative = bool(number["open"] or number["open2"] or number["minus"] or opened)
            digits, decimals = number["digits"], number["decimals"] or ""
            value = Decimal(digits.replace(",", "") + decimals)
            year = not decimals and year_alone(digits)
            places = max(len(decimals) - 1, 0)
            signed = -value if negative else value
            figures.append(
                _Printed(signed, bool(number["percent"]), places, cell.start, cell.end, year)
            )
            opened = False
        elif _DASH.match(text):
            figures.append(_Printed(Decimal(0), False, 0, cell.start, cell.end, False))
            opened = False
        elif _SYMBOLS.match(text):
            if "%" in text and figures and figures[-1].end <= cell.start:
                figures[-1] = figures[-1]._replace(percent=True)
            opened = text.rstrip().endswith("(")
        else:
            texts.append(text)
            opened = False
    return figures, texts


def states_scale(segment: Segment) -> bool:
    """Whether the segment's lead-in or headers state a scale of amounts ("in thousands")."""
    return segment.scale is not None or any(
        _scale(text.lower()) is not None
        for text in (segment.context, *(h.text for h in segment.headers))
    )


def _scale(context: str) -> Decimal | None:
    """The nearest scale stated in the context (lower case), shares aside; None if none is."""
    for match in reversed(list(_SCALE.finditer(context))):
        if _SHARES_NEAR.search(context[max(0, match.start() - 60) : match.start()]):
            continue
        return _SCALES.get(next(g for g in match.groups() if g), Decimal(1000))
    return None
