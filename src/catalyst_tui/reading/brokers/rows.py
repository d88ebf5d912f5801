"""A broker's export read row by row: the rows under its header line by name (a long cell the
export wrapped onto a line of its own joined back), each read by the broker's row reader
(reading/brokers/formats.py `BROKERS` names it) into a trade, a dividend or an issue of its line;
a cancelled trade taken out with the trade it cancels, a trade id seen twice one trade."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from .cells import ExportRow
from .export import (
    BadRow,
    CapitalReturn,
    CapitalReturned,
    Dividend,
    ImportRead,
    LeftOut,
    NotThisExport,
    Options,
    RowIssue,
    Trade,
    columns_said,
    sniff,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from .cells import Reader


def rows(
    text: str, header: Callable[[list[str]], bool], *, wraps: bool = False, title: str = ""
) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows under the first line `header` accepts, by name, with their line numbers (a
    preamble before it, as Schwab's and Fidelity's have, is passed over; a repeated header, as
    a Flex query's sections repeat it, is not a row). With `wraps`, a line whose first cell is
    empty is the rest of the row above, cut where the export wrapped a long cell (DEGIRO's):
    each of its cells is appended to that row's cell of the same column."""
    reader = csv.reader(io.StringIO(text), delimiter=sniff(text))
    names: list[str] | None = None
    pending: tuple[int, dict[str, str]] | None = None
    for cells in reader:
        line = reader.line_num
        cells = [c.strip().lstrip("\ufeff") for c in cells]
        if names is None:
            if header(cells):
                # a column without a name is the currency of the one before it (DEGIRO's)
                names = [
                    c or f"{cells[i - 1] if i else ''} (currency)" for i, c in enumerate(cells)
                ]
            continue
        if not any(cells) or header(cells):
            continue
        if wraps and pending is not None and not cells[0]:
            above = pending[1]
            for name, part in zip(names, cells, strict=False):
                if part:
                    above[name] = above.get(name, "") + part
            continue
        if pending is not None:
            yield pending
        pending = (line, dict(zip(names, cells, strict=False)))
    if pending is not None:
        yield pending
    if names is None:
        said = columns_said(text)
        raise NotThisExport(
            f"not {title or 'this broker'}'s export (no line has its "
            f"columns); its columns are {said}"
        )


def read_rows(
    text: str,
    header: Callable[[list[str]], bool],
    reader: Reader,
    options: Options,
    *,
    wraps: bool = False,
    title: str = "",
) -> ImportRead:
    """Every row read with `reader`; an issue per row it could not read. A trade the broker
    cancels (IBKR's `BUY (Ca.)`) takes its trade out; a trade id seen twice is one trade."""
    trades: list[Trade] = []
    issues: list[RowIssue] = []
    dividends: list[Dividend] = []
    left_out: list[RowIssue] = []
    returned: list[CapitalReturn] = []
    skipped = 0
    try:
        for line, row in rows(text, header, wraps=wraps, title=title):
            try:
                got = reader(ExportRow(line, row, options))
                if got is not None and options.today and got.day > options.today:
                    raise BadRow(f"dated {got.day.isoformat()}, after today")
            except BadRow as error:
                issues.append(RowIssue(line, str(error)))
                continue
            except CapitalReturned as paid:  # no dividend: it lowers the lots' cost
                returned.append(paid.returned._replace(line=line))
                continue
            except LeftOut as error:
                left_out.append(RowIssue(line, str(error)))
                continue
            if got is None:
                skipped += 1
            elif isinstance(got, Dividend):
                dividends.append(got)
            else:
                trades.append(got)
    except csv.Error as error:
        return ImportRead([], [RowIssue(1, f"not a CSV file: {error}")], 0)
    kept, ref_issues = one_per_id(trades)
    return ImportRead(kept, issues + ref_issues, skipped, dividends, left_out, returned)


def one_per_id(trades: list[Trade]) -> tuple[list[Trade], list[RowIssue]]:
    """The trades less those a cancellation takes out (the first of its id, each) and less
    the repeats of an id (the same trade twice in the file is one); an id given to two
    different trades, or a cancellation of a trade the file does not hold, is an issue."""
    cancels: dict[str, int] = {}
    for t in trades:
        if t.cancel:
            cancels[t.ref] = cancels.get(t.ref, 0) + 1
    kept: list[Trade] = []
    seen: dict[str, Trade] = {}
    issues: list[RowIssue] = []
    for t in trades:
        if t.cancel:
            continue
        if t.ref and cancels.get(t.ref):
            cancels[t.ref] -= 1
            continue
        if t.ref and t.ref in seen:
            first = seen[t.ref]
            if _what(first) != _what(t):
                issues.append(
                    RowIssue(
                        t.line,
                        f"trade {t.ref!r} is also line {first.line}, "
                        "with other figures: which is it?",
                    )
                )
            continue
        if t.ref:
            seen[t.ref] = t
        kept.append(t)
    for t in trades:
        if t.cancel and cancels.get(t.ref, 0) > 0:
            cancels[t.ref] -= 1
            issues.append(
                RowIssue(
                    t.line,
                    f"cancels trade {t.ref!r}, which the file does not "
                    "hold: export the period that holds it",
                )
            )
    return kept, sorted(issues)


def _what(t: Trade) -> tuple[object, ...]:
    return (t.symbol, t.side, t.day, round(t.shares, 9), round(t.price, 9))
