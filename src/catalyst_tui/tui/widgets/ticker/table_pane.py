"""What the table panes of the ticker screen share (Evidence, Results, Estimates, Lines): a title,
a table and, below it, the detail of the row under the cursor, one under the other."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from ..table import RowTable
from .pane import TickerPane

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import RenderableType
    from textual.app import ComposeResult


class TablePane(TickerPane):
    """A title (#PART-title), a table (#PART-table, its columns COLUMNS: (key, label) or a label
    that is its own key, and the columns that GIVE_WAY when it is narrow) and, when DETAIL, the
    detail (#PART-detail), in #PART-box: a scroll when SCROLLS (the three scroll together), else
    the table scrolls on its own; the detail is `cursor_detail()`, drawn again at each move
    of the cursor (`show_detail`). A pane declares no on_mount nor row-highlighted handler of
    its own: Textual calls each class's handler, so they would run twice."""

    PART: ClassVar[str] = ""
    COLUMNS: ClassVar[Sequence[tuple[str, str] | str]] = ()
    GIVE_WAY: ClassVar[Sequence[tuple[str, int]]] = ()
    SCROLLS: ClassVar[bool] = True
    DETAIL: ClassVar[bool] = True

    def compose(self) -> ComposeResult:
        box = VerticalScroll if self.SCROLLS else Vertical
        with box(id=f"{self.PART}-box"):
            yield Static(id=f"{self.PART}-title")
            yield RowTable(id=f"{self.PART}-table", zebra_stripes=True)
            if self.DETAIL:
                yield Static(id=f"{self.PART}-detail")

    @property
    def table(self) -> RowTable:
        return self.query_one(f"#{self.PART}-table", RowTable)

    def on_mount(self) -> None:
        table = self.table
        table.add_keyed_columns(self.COLUMNS)
        if self.GIVE_WAY:
            table.give_way(self.GIVE_WAY)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == f"{self.PART}-table":
            event.stop()
            self.show_detail()

    def show_detail(self) -> None:
        """The detail of the row under the cursor, below the table."""
        shown = self.cursor_detail() if self.DETAIL else None
        if shown is not None:
            self.query_one(f"#{self.PART}-detail", Static).update(shown)

    def cursor_detail(self) -> RenderableType | None:
        """What the detail shows of the row under the cursor; None: the detail is not the
        cursor's (the Estimates pane's is the whole table's), left as `show` drew it."""
        return None
