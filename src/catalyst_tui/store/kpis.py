"""KPIs read from words (thesis/kpis/statements.py) in the stored documents of each ticker: the
values with
their sentences, and what each ticker was read for (the products its conditions name) and up to
which document. jobs/kpi_reading.py reads; the metrics (through the snapshot), the ticker page,
the report and `--json` read `series`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..thesis.kpis.statements import Kpi, StatedKpi
from .columns import condition, iso
from .document_rows import DOCUMENT_COLUMNS, document_record
from .door import Door

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from ..thesis.conditions import Condition

_COLUMNS = (
    "k.kind, k.subject, k.value, k.high, k.comparison, k.basis, k.forward, k.sentence,"
    f" k.sentence_start, k.sentence_end, {DOCUMENT_COLUMNS}"
)


def _stated(row: Sequence[Any]) -> StatedKpi:
    kind, subject, value, high, comparison, basis, forward, sentence, start, end = row[:10]
    document = document_record(row[10:])
    kpi = Kpi(kind, subject, value, high, comparison, basis, bool(forward), sentence, start, end)
    return StatedKpi(kpi, document.day, document.form, document.title, document.url, document.id)


class KpiStore(Door):
    def conditions(self) -> list[tuple[str, Condition]]:
        """The conditions of the active checkpoints of active tickers, with their symbols, in
        the file's order: what jobs/kpi_reading.py picks the KPI metrics' products from."""
        found = []
        for symbol, text in self._conn.execute(
            "SELECT c.symbol, c.condition FROM checkpoints c JOIN tickers t ON t.symbol = c.symbol"
            " WHERE c.archived = 0 AND t.archived = 0 AND c.condition IS NOT NULL"
            " ORDER BY t.position, c.position"
        ):
            parsed = condition(text)
            if parsed is not None:
                found.append((symbol, parsed))
        return found

    def reading(self, symbol: str) -> tuple[tuple[str, ...], int]:
        """The products `symbol`'s documents were last read for, and the last document read
        (0: none yet)."""
        row = self._conn.execute(
            "SELECT subjects, through FROM kpi_reads WHERE symbol = ?", [symbol]
        ).fetchone()
        if row is None:
            return (), 0
        return tuple(json.loads(row[0])), int(row[1])

    def record(
        self,
        symbol: str,
        subjects: Sequence[str],
        found: Sequence[tuple[int, Kpi]],
        through: int,
        now: dt.datetime,
    ) -> int:
        """The KPIs `found` (document id, KPI) in documents up to id `through`, read for
        `subjects`: read for other subjects than before, what was stored is read again (the
        caller passes every document), so the old values go first. How many were new."""
        wanted = list(subjects)
        with self._store.transaction():
            before, _ = self.reading(symbol)
            if list(before) != wanted:
                self._conn.execute("DELETE FROM kpis WHERE symbol = ?", [symbol])
            added = 0
            for document_id, k in found:
                cursor = self._conn.execute(
                    "INSERT OR IGNORE INTO kpis (symbol, document_id, kind, subject, value, high,"
                    " comparison, basis, forward, sentence, sentence_start, sentence_end, read_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        symbol,
                        document_id,
                        k.kind,
                        k.subject,
                        k.value,
                        k.high,
                        k.comparison,
                        k.basis,
                        int(k.forward),
                        k.sentence,
                        k.start,
                        k.end,
                        iso(now),
                    ),
                )
                added += cursor.rowcount
            self._conn.execute(
                "INSERT INTO kpi_reads (symbol, subjects, through) VALUES (?, ?, ?)"
                " ON CONFLICT (symbol) DO UPDATE SET subjects = excluded.subjects,"
                " through = excluded.through",
                (symbol, json.dumps(wanted), through),
            )
        return added

    def series(self, symbol: str) -> tuple[StatedKpi, ...]:
        """`symbol`'s KPIs, oldest document first, in the order each document states them."""
        return tuple(
            _stated(row)
            for row in self._conn.execute(
                f"SELECT {_COLUMNS} FROM kpis k JOIN documents d ON d.id = k.document_id"
                " WHERE k.symbol = ? ORDER BY d.published, d.id, k.sentence_start, k.id",
                [symbol],
            )
        )
