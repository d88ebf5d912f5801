"""`store.as_filed`: SEC's values as each filing stated them (market/sec/as_filed.py), kept as
they arrive: a value once filed stays, a later filing's restatement is a row of its own, known
from its own day. What replay reads to know a company's figures as of a day (store/as_of.py)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..market.models import FiledValue
from .columns import day
from .door import Door

if TYPE_CHECKING:
    from collections.abc import Iterable


class AsFiled(Door):
    def save(self, symbol: str, values: Iterable[FiledValue]) -> int:
        """Keep the values not kept yet (a body holds every filing's again); how many were
        new."""
        rows = [
            (
                symbol,
                v.taxonomy,
                v.concept,
                v.unit,
                v.period_start.isoformat() if v.period_start else "",
                v.period_end.isoformat(),
                v.value,
                v.form,
                v.filed.isoformat(),
                v.accession,
            )
            for v in values
        ]
        with self._store.transaction() as conn:
            before = conn.total_changes
            conn.executemany(
                "INSERT OR IGNORE INTO filed_values (symbol, taxonomy, concept, unit,"
                " period_start, period_end, value, form, filed, accession)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            return conn.total_changes - before

    def of(self, symbol: str, until: dt.date | None = None) -> list[FiledValue]:
        """`symbol`'s values, oldest filing first (those filed on or before `until` alone)."""
        limit, args = ("", [symbol]) if until is None else (" AND filed <= ?", [symbol, str(until)])
        return [
            FiledValue(
                taxonomy,
                concept,
                unit,
                day(start),
                dt.date.fromisoformat(end),
                value,
                form,
                dt.date.fromisoformat(filed),
                accession,
            )
            for taxonomy, concept, unit, start, end, value, form, filed, accession in (
                self._conn.execute(
                    "SELECT taxonomy, concept, unit, period_start, period_end, value, form,"
                    " filed, accession FROM filed_values WHERE symbol = ?"
                    + limit
                    + " ORDER BY filed, accession, taxonomy, concept, period_end",
                    args,
                )
            )
        ]
