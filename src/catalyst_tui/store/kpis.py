"""KPIs read from words (thesis/kpis/statements.py) in the stored documents of each ticker: the
values with their sentences, your word on each (accepted or dismissed, kept when the documents
are read again), and what each ticker was read for (the products its conditions name) and up to
which document. jobs/kpi_reading.py reads; the metrics (through the snapshot), the ticker page,
the report and `--json` read `series`, which leaves out what you dismissed; the verdict reads
which kill criterion awaits your word (`awaiting`)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ..thesis.kpis.awaiting import Awaiting, awaiting
from ..thesis.kpis.statements import Kpi, StatedKpi
from ..thesis.verdict import SAID_METRICS
from ..thesis.vocabulary import Status
from .columns import condition, iso
from .document_rows import DOCUMENT_COLUMNS, document_record
from .door import Door

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from ..thesis.conditions import Condition

_COLUMNS = (
    "k.kind, k.subject, k.value, k.high, k.comparison, k.basis, k.forward, k.sentence,"
    f" k.sentence_start, k.sentence_end, k.of_part, k.id,"
    " CASE WHEN k.accepted_at IS NOT NULL THEN 'accepted'"
    " WHEN k.dismissed_at IS NOT NULL THEN 'dismissed' ELSE '' END,"
    f" {DOCUMENT_COLUMNS}"
)
#: Your word on a statement, as `decide` takes it, and what it did.
WORDS = {"accept": "accepted", "dismiss": "dismissed", "reset": "reset: undecided"}
# The active kill criteria a statement may have turned missed: not by your hand, with a KPI
# metric's condition (what `awaiting` reads).
_KILL_MISSED = (
    "SELECT c.symbol, c.id, c.condition FROM checkpoints c JOIN tickers t ON t.symbol = c.symbol"
    " WHERE c.archived = 0 AND t.archived = 0 AND c.kill = 1 AND c.manual = 0"
    f" AND c.status = '{Status.MISSED.value}' AND c.condition IS NOT NULL{{only}}"
    " ORDER BY t.position, c.position"
)


def _stated(row: Sequence[Any]) -> StatedKpi:
    kind, subject, value, high, comparison, basis, forward, sentence, start, end, of = row[:11]
    document = document_record(row[13:])
    kpi = Kpi(
        kind, subject, value, high, comparison, basis, bool(forward), sentence, start, end, of
    )
    return StatedKpi(
        kpi=kpi,
        day=document.day,
        form=document.form,
        title=document.title,
        url=document.url,
        document_id=document.id,
        kpi_id=int(row[11]),
        decision=row[12],
    )


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
            if list(before) != wanted:  # what you gave your word on stays, and is kept
                self._conn.execute(
                    "DELETE FROM kpis WHERE symbol = ? AND accepted_at IS NULL"
                    " AND dismissed_at IS NULL",
                    [symbol],
                )
            added = 0
            for document_id, k in found:
                cursor = self._conn.execute(
                    "INSERT OR IGNORE INTO kpis (symbol, document_id, kind, subject, value, high,"
                    " comparison, basis, forward, sentence, sentence_start, sentence_end,"
                    " of_part, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                        k.of,
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

    def series(self, symbol: str, *, dismissed: bool = False) -> tuple[StatedKpi, ...]:
        """`symbol`'s KPIs, oldest document first, in the order each document states them;
        those you dismissed only with `dismissed` (they judge nothing)."""
        shown = "" if dismissed else " AND k.dismissed_at IS NULL"
        return tuple(
            _stated(row)
            for row in self._conn.execute(
                f"SELECT {_COLUMNS} FROM kpis k JOIN documents d ON d.id = k.document_id"
                f" WHERE k.symbol = ?{shown} ORDER BY d.published, d.id, k.sentence_start, k.id",
                [symbol],
            )
        )

    def statements(self, ids: Sequence[int]) -> list[tuple[str, StatedKpi]]:
        """The statements of these IDs that exist (dismissed ones too), with their symbols, in
        the order asked."""
        found: dict[int, tuple[str, StatedKpi]] = {}
        wanted = list(dict.fromkeys(ids))
        for start in range(0, len(wanted), 500):  # SQLite's bound on a statement's variables
            chunk = wanted[start : start + 500]
            for row in self._conn.execute(
                f"SELECT k.symbol, {_COLUMNS} FROM kpis k JOIN documents d"
                f" ON d.id = k.document_id WHERE k.id IN ({', '.join('?' * len(chunk))})",
                chunk,
            ):
                stated = _stated(row[1:])
                found[stated.kpi_id] = (row[0], stated)
        return [found[i] for i in wanted if i in found]

    def decide(self, kpi_id: int, word: str, now: dt.datetime) -> bool:
        """Your word on a statement, one at a time: "accept" (what it says is so: a kill
        criterion it decides breaks the thesis), "dismiss" (a misread: it judges nothing, now
        or later) or "reset" (no word); False when it already stood so, or there is none."""
        return self._decide("kpis", kpi_id, word, now)

    def awaiting(self, symbol: str | None = None) -> dict[tuple[str, str], Awaiting]:
        """Each kill criterion (symbol, id) a KPI statement read from words alone turned missed
        and you have not confirmed, with that statement (thesis/kpis/awaiting.py)."""
        only, args = ("", []) if symbol is None else (" AND c.symbol = ?", [symbol])
        found: dict[tuple[str, str], Awaiting] = {}
        series: dict[str, tuple[StatedKpi, ...]] = {}
        for sym, ident, text in self._conn.execute(_KILL_MISSED.format(only=only), args):
            parsed = condition(text)
            if parsed is None or parsed.metric not in SAID_METRICS:
                continue
            if sym not in series:
                series[sym] = self.series(sym)
            word = awaiting(series[sym], parsed, sym)
            if word is not None:
                found[(sym, ident)] = word
        return found
