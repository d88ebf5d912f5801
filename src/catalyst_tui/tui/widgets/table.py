"""The one table every screen lists rows in: a whole row is the cursor, and a cell's own colour
(a stale price's yellow, a miss's red) shows on the highlighted row too, so moving the cursor
onto a row never hides what its colours say. A table whose last column holds free text (a
title, a reason) keeps those texts whole and shows them clipped to the room the other columns
leave, with `…`, fitted again whenever its width changes: on a resize of the terminal, and when
its pane is shown again after one (a hidden pane has no width to fit to)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.widgets import DataTable

from ..format import clip


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
        self._last_full: dict[str, Text] = {}  # row key -> the last column's whole text
        self._fit_key: str | None = None  # the column fitted, when not the last
        self._fitted_width = 0  # the width the last column was fitted to; 0: not yet

    def set_last_column(self, full: dict[str, Text], key: str | None = None) -> None:
        """The whole texts of the last column (or the column `key`) (row key → text) of the rows
        just added: shown clipped to the room left, now and after every change of its width."""
        self._last_full, self._fit_key = full, key
        self._fitted_width = 0
        self.call_after_refresh(self._fit_last_column)

    def on_resize(self, _event: events.Resize) -> None:
        # Also sent when only the content's size changed (a cell fitted): nothing to do then.
        if self._last_full and self.size.width != self._fitted_width:
            self.call_after_refresh(self._fit_last_column)

    def _fit_last_column(self) -> None:
        columns = list(self.columns.values())
        if not columns or not self._last_full or not self.size.width:
            return  # hidden (no width): fitted on the Resize that showing it sends
        self._fitted_width = self.size.width
        last = next((c for c in columns if c.key == self._fit_key), columns[-1])
        used = sum(c.get_render_width(self) for c in columns if c is not last)
        # The width less a vertical scrollbar's, whether one shows yet or not (rows may add one).
        scrollbar = max(self.gutter.width, self.styles.scrollbar_size_vertical)
        room = max(8, self.size.width - scrollbar - used - 2 * self.cell_padding)
        widest = max((t.cell_len for t in self._last_full.values()), default=0)
        last.auto_width = False  # the column is as wide as its widest fitted cell, not the whole
        last.width = min(room, max(widest, len(str(last.label))))
        for key, text in self._last_full.items():
            if key in self.rows:
                self.update_cell(key, last.key, clip(text, last.width), update_width=True)
