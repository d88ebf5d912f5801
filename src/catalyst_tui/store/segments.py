"""Revenue by product line, segment and geography of each 10-Q and 10-K read (`catalyst segments`
and the refresh store them here): one row a filing and one a member, kept for every filing so
a line's history over quarters builds up; `of` gives a symbol's splits, oldest first, as the
line metrics and the Lines pane read them (thesis/lines.LineSplit)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..thesis.lines.split import LineSplit, StoredLine
from .columns import day, iso
from .door import Door

if TYPE_CHECKING:
    # The reader's package loads the reader (lexbor, defusedxml): not on the way to the TUI's
    # first frame (tests/project/test_import_hygiene.py).

    from ..reading.xbrl.records import Segments


class SegmentStore(Door):
    def save(
        self,
        symbol: str,
        accession: str,
        filed: dt.date | None,
        segments: Segments,
        now: dt.datetime,
    ) -> None:
        """The split of the filing `accession`; a filing read again replaces what it said."""
        with self._store.transaction():
            self._conn.execute(
                "DELETE FROM segment_filings WHERE symbol = ? AND accession = ?",
                (symbol, accession),
            )
            self._conn.execute(
                "INSERT INTO segment_filings (symbol, accession, form, filed, period_start,"
                " period_end, currency, total_revenue, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    symbol,
                    accession,
                    segments.form,
                    None if filed is None else filed.isoformat(),
                    segments.period_start.isoformat(),
                    segments.period_end.isoformat(),
                    segments.currency,
                    segments.total_revenue,
                    iso(now),
                ),
            )
            rows = {
                (axis.axis, line.member): (
                    line.label,
                    line.revenue,
                    line.generic,
                    line.aggregate,
                    line.within,
                )
                for axis in segments.axes
                for line in axis.members
            }
            self._conn.executemany(
                "INSERT INTO segment_members (symbol, accession, axis, member, label, revenue,"
                " generic, aggregate, within) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(symbol, accession, a, m, *rest) for (a, m), rest in rows.items()],
            )
            self._conn.executemany(
                "INSERT INTO segment_figures (symbol, accession, concept, value)"
                " VALUES (?, ?, ?, ?)",
                [(symbol, accession, c, v) for c, v in segments.figures.items()],
            )

    def accessions(self, symbol: str) -> frozenset[str]:
        """The filings of `symbol` already read."""
        return frozenset(
            a
            for (a,) in self._conn.execute(
                "SELECT accession FROM segment_filings WHERE symbol = ?", (symbol,)
            )
        )

    def of(self, symbol: str) -> tuple[LineSplit, ...]:
        """`symbol`'s stored splits, the oldest period first."""
        members: dict[str, list[StoredLine]] = {}
        for row in self._conn.execute(
            "SELECT accession, axis, member, label, revenue, generic, aggregate, within"
            " FROM segment_members WHERE symbol = ? ORDER BY accession, axis, revenue DESC",
            (symbol,),
        ):
            accession, axis, member, label, revenue, generic, aggregate, within = row
            line = StoredLine(
                axis=axis,
                member=member,
                label=label,
                revenue=revenue,
                generic=bool(generic),
                aggregate=bool(aggregate),
                within=bool(within),
            )
            members.setdefault(accession, []).append(line)
        figures: dict[str, dict[str, float]] = {}
        for accession, concept, value in self._conn.execute(
            "SELECT accession, concept, value FROM segment_figures WHERE symbol = ?", (symbol,)
        ):
            figures.setdefault(accession, {})[concept] = value
        return tuple(
            LineSplit(
                symbol,
                accession,
                form,
                day(filed),
                dt.date.fromisoformat(start),
                dt.date.fromisoformat(end),
                currency,
                total,
                tuple(members.get(accession, ())),
                figures.get(accession, {}),
            )
            for accession, form, filed, start, end, currency, total in self._conn.execute(
                "SELECT accession, form, filed, period_start, period_end, currency, total_revenue"
                " FROM segment_filings WHERE symbol = ? ORDER BY period_end, filed",
                (symbol,),
            )
        )
