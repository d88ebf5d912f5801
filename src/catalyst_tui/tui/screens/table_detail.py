"""A screen of one table whose highlighted row is told in full under it (the changes, the
timeline, the returns): the row's item read from the cursor, its detail drawn again at each move."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from textual.screen import Screen
from textual.widgets import DataTable

from ..widgets.table import under_cursor
from .fresh import FreshScreen

if TYPE_CHECKING:
    from collections.abc import Sequence

T = TypeVar("T")


class TableDetailScreen(FreshScreen, Screen[None], Generic[T]):
    TABLE: ClassVar[str]  # the id of the screen's table

    def row_items(self) -> Sequence[T]:
        """The items of the table's rows, top to bottom."""
        raise NotImplementedError

    def current(self) -> T | None:
        """The item of the highlighted row; None for an empty table."""
        return under_cursor(self.query_one(f"#{self.TABLE}", DataTable), self.row_items())

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        """Tell the highlighted row in full."""
        raise NotImplementedError
