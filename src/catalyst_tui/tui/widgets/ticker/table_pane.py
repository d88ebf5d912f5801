"""What the table panes of the ticker screen share (Evidence, Results, Estimates, Lines): a title,
a table and, below it, the detail of the row under the cursor, one under the other."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from ..table import RowTable
from .pane import TickerPane

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual.app import ComposeResult


class TablePane(TickerPane):
    """A title (#PART-title), a table (#PART-table, its columns COLUMNS: (key, label) or a label
    that is its own key, and the columns that GIVE_WAY when it is narrow) and, when DETAIL, the
    detail (#PART-detail), in #PART-box: a scroll when SCROLLS (the three scroll together), else
    the table scrolls on its own. A pane declares no on_mount of its own: Textual calls each
    class's handler, so the columns would be added twice."""

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
