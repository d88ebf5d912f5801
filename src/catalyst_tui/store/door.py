"""What every door of the Store is (`Store.evidence`, `Store.results`, ...): a job that hangs off
the facade and reads its connection, whichever the Store holds now. A door knows the Store only
as store/facade.py declares it (its connection, its transactions, the reads it makes of the other
doors), never by importing the package that names it: no import cycle."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

    from .facade import Facade


class Door:
    """A door of the Store: `_store` the facade it hangs off, `_conn` its connection."""

    def __init__(self, store: Facade) -> None:
        self._store = store

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._store.conn
