"""Each company's layout, learned from its own releases: where each stored release's figures
were read (`release_places`, saved with the release), and the places of its newest release that
XBRL confirmed (`release_layouts`), which the company's next release is read with
(reading/release/layout.py checks the structural reading against them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..reading.release.records import Place
from .columns import iso
from .door import Door

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable


# The column each Place field is kept in: what the SELECTs name and what a place is built from,
# by name.
_COLUMNS = {
    "figure": "figure",
    "period": "period",
    "table": "table_title",
    "nth": "nth",
    "row": "row_label",
    "section": "section",
    "column": "col",
}
_PLACE = ", ".join(_COLUMNS.values())


class Layouts(Door):
    def save_places(self, symbol: str, accession: str, places: Iterable[Place]) -> None:
        """Where the stored release `accession` read each figure (its row in `releases` first)."""
        with self._store.transaction():
            self._conn.executemany(
                f"INSERT OR REPLACE INTO release_places (symbol, accession, {_PLACE})"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(symbol, accession, *_row(p)) for p in places],
            )

    def places(self, symbol: str, accession: str) -> tuple[Place, ...]:
        """Where the stored release `accession` read each figure (none before this was kept)."""
        return tuple(
            Place(**dict(zip(_COLUMNS, row, strict=True)))
            for row in self._conn.execute(
                f"SELECT {_PLACE} FROM release_places WHERE symbol = ? AND accession = ?"
                " ORDER BY period, figure",
                (symbol, accession),
            )
        )

    def learn(self, symbol: str, accession: str, places: Iterable[Place], now: dt.datetime) -> None:
        """`symbol`'s layout becomes `places`, those of its release `accession` that XBRL
        confirmed: the places of an older confirmed release are replaced whole."""
        with self._store.transaction():
            self._conn.execute("DELETE FROM release_layouts WHERE symbol = ?", (symbol,))
            self._conn.executemany(
                f"INSERT INTO release_layouts (symbol, {_PLACE}, accession, learned_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(symbol, *_row(p), accession, iso(now)) for p in places],
            )

    def layout(self, symbol: str) -> tuple[Place, ...]:
        """`symbol`'s layout: none until one of its releases is confirmed by XBRL."""
        return tuple(
            Place(**dict(zip(_COLUMNS, row, strict=True)))
            for row in self._conn.execute(
                f"SELECT {_PLACE} FROM release_layouts WHERE symbol = ? ORDER BY period, figure",
                (symbol,),
            )
        )

    def learned_from(self, symbol: str) -> str | None:
        """The accession of the confirmed release `symbol`'s layout was learned from."""
        row = self._conn.execute(
            "SELECT accession FROM release_layouts WHERE symbol = ? LIMIT 1", (symbol,)
        ).fetchone()
        return str(row[0]) if row else None


def _row(place: Place) -> tuple[Any, ...]:
    """`place`'s values in `_PLACE`'s order."""
    return tuple(getattr(place, field) for field in _COLUMNS)
