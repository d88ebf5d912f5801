"""The thesis journal as the store keeps it: dated notes on a ticker, each with what was done and
the conviction held (thesis/journal.py), newest first."""

from __future__ import annotations

import datetime as dt

from ..thesis.goalposts import Move
from ..thesis.journal import JournalEntry
from . import columns
from .door import Door


class Journal(Door):
    def add(
        self, symbol: str, text: str, now: dt.datetime, *, action: str = "", conviction: str = ""
    ) -> JournalEntry:
        """Keep a note (checked by the caller: thesis.journal.note_error)."""
        stamp = columns.iso(now)
        with self._store.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO journal (ts, symbol, text, action, conviction) VALUES (?, ?, ?, ?, ?)",
                [stamp, symbol, text, action, conviction],
            )
        ts = dt.datetime.fromisoformat(stamp)
        return JournalEntry(int(cursor.lastrowid or 0), ts, symbol, text, action, conviction)

    def entries(
        self, symbol: str | None = None, *, limit: int = 1000, since: dt.datetime | None = None
    ) -> list[JournalEntry]:
        """The notes, newest first (of `symbol` alone, after `since`, when given)."""
        where, args = columns.of_symbol_since(symbol, since)
        return [
            JournalEntry(
                id=ident,
                ts=dt.datetime.fromisoformat(ts),
                symbol=sym,
                text=text,
                action=action,
                conviction=conviction,
            )
            for ident, ts, sym, text, action, conviction in self._conn.execute(
                "SELECT id, ts, symbol, text, action, conviction FROM journal"
                f" {where} ORDER BY ts DESC, id DESC LIMIT ?",
                [*args, limit],
            )
        ]

    def moves(self, symbol: str | None = None) -> list[Move]:
        """The goalposts moved (store/sync.py keeps them), oldest first, each `noted` when a
        journal note on its ticker was written on the move's day or after."""
        where, args = columns.of_symbol_since(symbol, None)
        notes: dict[str, str] = {}
        for sym, last in self._conn.execute(
            f"SELECT symbol, MAX(ts) FROM journal {where} GROUP BY symbol", args
        ):
            notes[sym] = last
        found = []
        for ts, sym, ident, field, before, after, loosened in self._conn.execute(
            "SELECT ts, symbol, checkpoint_id, field, before, after, loosened FROM goalposts"
            f" {where} ORDER BY ts, id",
            args,
        ):
            noted = sym in notes and notes[sym][:10] >= ts[:10]
            at = dt.datetime.fromisoformat(ts)
            found.append(Move(sym, ident, field, before, after, at, bool(loosened), noted))
        return found
