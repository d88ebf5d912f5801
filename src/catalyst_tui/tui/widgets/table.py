"""The one table every screen lists rows in: a whole row is the cursor, and a cell's own colour
(a stale price's yellow, a miss's red) shows on the highlighted row too, so moving the cursor
onto a row never hides what its colours say."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable


class RowTable(DataTable[Any]):
    def __init__(self, *, id: str, zebra_stripes: bool = False, fixed_columns: int = 0) -> None:  # noqa: A002
        super().__init__(
            id=id,
            cursor_type="row",
            zebra_stripes=zebra_stripes,
            fixed_columns=fixed_columns,
            # The cursor's CSS gives the background; the foreground stays the cell's own.
            cursor_foreground_priority="renderable",
        )
