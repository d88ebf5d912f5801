"""What every door of the Store is (`Store.evidence`, `Store.results`, ...): a job that hangs off
the facade and reads its connection, whichever the Store holds now. A door knows the Store only
as store/facade.py declares it (its connection, its transactions, the reads it makes of the other
doors), never by importing the package that names it: no import cycle."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .columns import iso

if TYPE_CHECKING:
    import datetime as dt
    import sqlite3
    from collections.abc import Callable

    from .facade import Facade


class Door:
    """A door of the Store: `_store` the facade it hangs off, `_conn` its connection."""

    def __init__(self, store: Facade) -> None:
        self._store = store

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._store.conn

    def _decide(
        self,
        table: str,
        row_id: int,
        word: str,
        now: dt.datetime,
        stance: Callable[[str], str] | None = None,
    ) -> bool:
        """Your word on a row of `table` (a passage, a KPI statement), one at a time: "accept",
        "dismiss" or "reset" (no word), kept as the moment of each (`accepted_at`,
        `dismissed_at`); with `stance`, the stance accepted as it reads the row's passage now
        (`accepted_stance`). False when it already stood so, or there is no such row."""
        accept, dismiss = word == "accept", word == "dismiss"
        passage = ", passage" if stance is not None else ""
        with self._store.transaction() as conn:
            row = conn.execute(
                f"SELECT accepted_at IS NOT NULL, dismissed_at IS NOT NULL{passage} FROM {table}"
                " WHERE id = ?",
                [row_id],
            ).fetchone()
            if row is None or (bool(row[0]), bool(row[1])) == (accept, dismiss):
                return False
            values = {"accepted_at": iso(now) if accept else None}
            if stance is not None:
                values["accepted_stance"] = stance(row[2]) if accept else ""
            values["dismissed_at"] = iso(now) if dismiss else None
            assigned = ", ".join(f"{column} = ?" for column in values)
            conn.execute(f"UPDATE {table} SET {assigned} WHERE id = ?", [*values.values(), row_id])
            return True
