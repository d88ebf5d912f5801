"""The one table every screen lists rows in: a whole row is the cursor, and a cell's own colour
(a stale price's yellow, a miss's red) shows on the highlighted row too, so moving the cursor
onto a row never hides what its colours say. A table whose last column holds free text (a
title, a reason) keeps those texts whole and shows them clipped to the room the other columns
leave, with `…`, fitted again whenever its width changes: on a resize of the terminal, and when
its pane is shown again after one (a hidden pane has no width to fit to). Columns named to
`give_way` are clipped the same way, down to their floor, when the table would not fit its width
otherwise: the fitted column keeps a third of the width (a reason two cells wide says nothing)
and a table without one its last column whole (a date).

A cell is drawn again only when it changed. DataTable keys every cell it has drawn by a count
of the table's changes, so one row added or one price updated has it draw every cell on screen
again (a screen of the watchlist's cells: 56 ms, which a key pressed then waits for). RowTable
keeps each cell's drawing by the cell itself, where it is and how it is styled: a cell whose
object, place, width and style are those it was drawn with is drawn as it was. Cells are never
changed in place (update_cell puts a new one), and a change of style or CSS drops every kept
drawing, as it drops DataTable's.

A column is as wide as its widest cell. DataTable measures every cell of every new row through
rich (a Measurement of each renderable: 65 ms for 500 rows of 11 cells, ten times that for
5,000); a line of text is as wide as its cells, known without measuring (`cell_width`), so only
other renderables are measured."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.render import measure
from textual.widgets import DataTable
from textual.widgets.data_table import CellKey, ColumnKey, RowKey

from ..format import clip
from ..textual_private import default_cell_formatter
from .parted import PARTS, head_width, shown_at

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from rich.console import Console
    from rich.style import Style
    from textual import events
    from textual._types import SegmentLines


T = TypeVar("T")


def under_cursor(table: DataTable[Any], items: Sequence[T]) -> T | None:
    """The item of the row a table's cursor is on (its rows are `items`, in order); None for an
    empty table. The screens' and panes' `current()`: one reading of the cursor."""
    if not items or not table.row_count:
        return None
    return items[min(table.cursor_row, len(items) - 1)]


def drawn_alike(cell: object, text: Text) -> bool:
    """Whether the table's `cell` draws as `text` does: a Text of the same words, styles and
    layout (a cell that fits its width is kept as it is; one clipped to the same width again
    is an equal copy), or a string without markup or emoji codes (DataTable reads a string as
    markup) and `text` its plain words. An update of a cell that draws the same would only make
    the table draw every row again."""
    if isinstance(cell, Text):
        return cell is text or (
            (cell.plain, cell.spans, cell.style, cell.end, cell.tab_size)
            == (text.plain, text.spans, text.style, text.end, text.tab_size)
            and (cell.justify, cell.overflow, cell.no_wrap)
            == (text.justify, text.overflow, text.no_wrap)
        )
    plain = isinstance(cell, str) and "[" not in cell and cell.count(":") < 2
    return plain and text.plain == cell and not text.spans and not text.style


def cell_width(cell: object, console: Console) -> int:
    """The width DataTable's measurement gives a height-1 cell: a printable line of text is
    its cell length (a str only when no markup or emoji code can be in it); anything else is
    measured as DataTable does."""
    if isinstance(cell, Text):
        if cell.plain.isprintable():
            return cell_len(cell.plain)
    elif isinstance(cell, str) and cell.isprintable() and "[" not in cell and ":" not in cell:
        return cell_len(cell)
    elif cell is None:
        return 0
    return measure(console, default_cell_formatter(cell, wrap=False, height=1), 1)


class RowTable(DataTable[Any]):
    # A row is the cursor: Home and End go to the first and last row (DataTable's scroll the
    # columns sideways, which left and right do here too).
    BINDINGS = [
        Binding("home", "scroll_top", "First row", show=False),
        Binding("end", "scroll_bottom", "Last row", show=False),
    ]

    def __init__(self, *, id: str, zebra_stripes: bool = False, fixed_columns: int = 0) -> None:  # noqa: A002
        # Where a cell was drawn and how -> (the cell, its lines): see the module's docstring.
        # Set first: DataTable's set-up clears the caches.
        self._drawn: LRUCache[tuple[Any, ...], tuple[object, SegmentLines]] = LRUCache(10000)
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
        self._floors: dict[str, int] = {}  # column key -> the narrowest it gives way to
        self._steps: list[tuple[str, int]] = []  # (column key, floor), in the order they give
        self._held: frozenset[str] = frozenset()  # columns that do not give way now
        self._yielding: dict[str, dict[str, Text]] = {}  # column key -> row key -> whole text
        self._shown: dict[str, int | None] = {}  # column key -> the width it gave way to

    def add_keyed_columns(self, columns: Iterable[tuple[str, str] | str]) -> None:
        """The table's columns from its table of (key, label); a label alone is its own key."""
        for column in columns:
            key, label = (column, column) if isinstance(column, str) else column
            self.add_column(label, key=key)

    def give_way(self, floors: dict[str, int] | Sequence[tuple[str, int]]) -> None:
        """Columns (key -> the narrowest width) clipped with … when the table is too wide for
        its room, in the order given: their whole texts are kept as rows are added. As pairs,
        a column may come again with a lower floor: clipped first, left blank later. A floor
        of PARTS: down to its cells' heads, whole (widgets/parted.py)."""
        steps = list(floors.items()) if isinstance(floors, dict) else list(floors)
        self._steps = steps
        self._floors = {key: min(f for k, f in steps if k == key) for key, _ in steps}
        self._yielding = {key: {} for key in self._floors}
        self._shown = dict.fromkeys(self._floors)

    def hold(self, *keys: str) -> None:
        """These columns do not give way (the column sorted by), until the next `hold`."""
        self._held = frozenset(keys)
        self.fit_columns()

    def add_row(
        self, *cells: Any, height: int | None = 1, key: str | None = None, label: Any = None
    ) -> RowKey:
        if self._yielding and key is not None:  # kept whole, shown at the width given way to
            shown = []
            for column, cell in zip(self.ordered_columns, cells, strict=False):
                shown.append(self._keep(key, str(column.key.value), cell))
            cells = (*shown, *cells[len(shown) :])
        return super().add_row(*cells, height=height, key=key, label=label)

    def update_cell(
        self,
        row_key: RowKey | str,
        column_key: ColumnKey | str,
        value: Any,
        *,
        update_width: bool = False,
    ) -> None:
        """A cell of a column that gives way is kept whole and shown at its width now."""
        row = row_key.value if isinstance(row_key, RowKey) else row_key
        column = column_key.value if isinstance(column_key, ColumnKey) else column_key
        if row is not None and column is not None:
            value = self._keep(row, column, value)
        super().update_cell(row_key, column_key, value, update_width=update_width)

    def _keep(self, row: str, column: str, cell: Any) -> Any:
        kept = self._yielding.get(column)
        if kept is None:
            return cell
        whole = cell if isinstance(cell, Text) else Text(str(cell))
        kept[row] = whole
        width = self._shown[column]
        if width is None or whole.cell_len <= width:
            return cell
        return shown_at(whole, width)

    def clear(self, columns: bool = False) -> RowTable:
        for kept in self._yielding.values():
            kept.clear()
        self._shown = dict.fromkeys(self._floors)
        for column in self.columns.values():  # measured again from the rows to come
            if str(column.key.value) in self._floors:
                column.auto_width, column.width = True, 0
        super().clear(columns)
        return self

    def fit_columns(self) -> None:
        """After the rows are added to a table with columns that give way: fitted to its width
        now and after every change of it."""
        self._fitted_width = 0
        self.call_after_refresh(self._fit_last_column)

    def fit_to(self, width: int = 0) -> None:
        """Fitted now to `width`, the width the table is about to be laid out at (a screen
        mounting one that spans it knows its own; 0: the width it has), so that the next frame
        is drawn fitted and its rows are not drawn again at once; the Resize that follows fits
        it again only if the width differs. The rows just added are measured first, as
        DataTable would when idle."""
        if self._updated_cells:
            cells = set(self._updated_cells)
            self._updated_cells.clear()
            self._update_column_widths(cells)
        if self._require_update_dimensions:
            self._require_update_dimensions = False
            rows = list(self._new_rows)
            self._new_rows.clear()
            self._update_dimensions(rows)
        self._fit_last_column(width)

    def set_last_column(self, full: dict[str, Text], key: str | None = None) -> None:
        """The whole texts of the last column (or the column `key`) (row key → text) of the rows
        just added: shown clipped to the room left, now and after every change of its width."""
        self._last_full, self._fit_key = full, key
        self._fitted_width = 0
        self.call_after_refresh(self._fit_last_column)

    def on_resize(self, _event: events.Resize) -> None:
        # Also sent when only the content's size changed (a cell fitted): nothing to do then.
        fitted = self._last_full or self._floors
        if fitted and self.size.width != self._fitted_width:
            self.call_after_refresh(self._fit_last_column)

    def _fit_last_column(self, laid_out: int = 0) -> None:
        """Fitted to the table's width (or `laid_out`, the width it is about to have)."""
        columns = list(self.columns.values())
        full = laid_out or self.size.width
        if not columns or not (self._last_full or self._floors) or not full:
            return  # hidden (no width): fitted on the Resize that showing it sends
        self._fitted_width = full
        # The width less a vertical scrollbar's, whether one shows yet or not (rows may add one).
        scrollbar = max(self.gutter.width, self.styles.scrollbar_size_vertical)
        width = full - scrollbar
        last = next((c for c in columns if c.key == self._fit_key), columns[-1])
        widest = max((t.cell_len for t in self._last_full.values()), default=0)
        wanted = 0  # what the fitted column asks of the others: up to a third of the width
        if self._last_full:
            wanted = min(max(widest, len(str(last.label))), max(16, width // 3))
            wanted += 2 * self.cell_padding
        if self._floors:
            # Without a fitted column, only a scrollbar that shows takes room from the others.
            bar = scrollbar if self._last_full or self.show_vertical_scrollbar else 0
            slack = 4 if self._last_full else 0  # the fitted column gives a few cells itself
            fitted = last if self._last_full else None
            self._give_way(full - bar - wanted + slack, fitted=fitted)
        if not self._last_full:
            return
        used = sum(c.get_render_width(self) for c in columns if c is not last)
        room = max(8, width - used - 2 * self.cell_padding)
        before = last.get_render_width(self)
        last.auto_width = False  # the column is as wide as its widest fitted cell, not the whole
        last.width = min(room, max(widest, len(str(last.label))))
        same = last.get_render_width(self) == before  # as in `_give_way`
        for key, text in self._last_full.items():
            clipped = clip(text, last.width)
            if key in self.rows and not (
                same and drawn_alike(self.get_cell(key, last.key), clipped)
            ):
                self.update_cell(key, last.key, clipped, update_width=True)

    def _give_way(self, room: int, *, fitted: Any) -> None:
        """The columns that give way clipped, in order, down to their floors, until the others
        (all but `fitted`) fit in `room` cells; whole again when there is room. A floor of 0:
        the column is whole or blank (a figure cut short reads as another)."""
        pad = 2 * self.cell_padding
        natural = {
            key: max(
                [len(str(self.columns[ColumnKey(key)].label))]
                + [t.cell_len for t in texts.values()]
            )
            for key, texts in self._yielding.items()
            if ColumnKey(key) in self.columns
        }
        others = [
            c for c in self.columns.values() if c is not fitted and str(c.key.value) not in natural
        ]
        over = sum(c.get_render_width(self) for c in others)
        over += sum(w + pad for w in natural.values()) - room
        widths = dict(natural)
        for key, floor in self._steps:
            if key not in widths or key in self._held:
                continue
            now, parts = widths[key], floor == PARTS
            if parts:  # down to its cells' heads, whole: a width between them shows no more
                heads = map(head_width, self._yielding[key].values())
                floor = max([len(str(self.columns[ColumnKey(key)].label)), *heads])
            shown = max(min(now, floor), now - max(0, over))
            if (floor == 0 or parts) and shown < now:
                shown = floor
            over -= now - shown
            widths[key] = shown
        for key, shown in widths.items():
            column = self.columns[ColumnKey(key)]
            before = column.get_render_width(self)
            column.auto_width, column.width = False, shown
            if self._shown[key] == shown:
                continue  # its cells are shown at this width already (`_keep`)
            self._shown[key] = shown
            # A column drawn as wide as before: only its cells that draw differently change
            # (an update draws every row again); one wider or narrower has all its cells updated.
            same = column.get_render_width(self) == before
            for row, text in self._yielding[key].items():
                if row in self.rows:
                    cell = shown_at(text, shown)
                    if not (same and drawn_alike(self.get_cell(row, column.key), cell)):
                        super().update_cell(row, column.key, cell, update_width=True)

    # -- drawing (see the module's docstring) ------------------------------------------------
    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        if row_key is None or column_key is None:  # the header, a row's label: DataTable's own
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        cell = self._data[row_key].get(column_key)
        key = (
            row_key,
            column_key,
            row_index,  # the row and column are in the drawing (a click's place)
            column_index,
            self.rows[row_key].height,
            base_style,
            width,
            cursor,
            hover,
            self._show_hover_cursor,
            self._pseudo_class_state,
        )
        kept = self._drawn.get(key)
        if kept is not None and kept[0] is cell:
            return kept[1]
        lines = super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        self._drawn[key] = (cell, lines)
        return lines

    def _clear_caches(self) -> None:
        self._drawn.clear()
        super()._clear_caches()

    def notify_style_update(self) -> None:
        self._drawn.clear()
        super().notify_style_update()

    # -- widths (see the module's docstring) -------------------------------------------------
    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        rows = [key for key in new_rows if key in self._row_locations]
        if any(
            r.auto_height or r.height != 1 or r.label is not None
            for r in map(self.rows.get, rows)
            if r
        ):
            super()._update_dimensions(rows)  # not one line of cells each: DataTable's way
            return
        console = self.app.console
        for column in self.ordered_columns:
            key = column.key
            widest = max((cell_width(self._data[row][key], console) for row in rows), default=0)
            column.content_width = max(column.content_width, widest)
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(
            width + self._row_label_column_width, self._total_row_height + header
        )

    def _update_column_widths(self, updated_cells: set[CellKey]) -> None:
        console = self.app.console
        narrower: dict[ColumnKey, Any] = {}  # columns a cell got narrower in: measured once
        for row_key, column_key in updated_cells:
            column, row = self.columns.get(column_key), self.rows.get(row_key)
            if column is None or row is None:
                continue
            if row.height != 1:  # a wrapped cell: DataTable measures it
                super()._update_column_widths({CellKey(row_key, column_key)})
                continue
            width = cell_width(self._data[row_key][column_key], console)
            if width < column.content_width:  # the column may shrink to its widest
                narrower[column_key] = column
            else:
                column.content_width = max(width, cell_width(column.label, console))
        # Once per column, not per cell: clipping a column of 500 rows measured it 500 times.
        for key, column in narrower.items():
            widest = max(
                (cell_width(cells[key], console) for cells in self._data.values()), default=0
            )
            column.content_width = max(widest, cell_width(column.label, console))
        self._require_update_dimensions = True
