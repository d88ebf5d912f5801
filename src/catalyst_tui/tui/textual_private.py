"""Every private part of Textual the TUI leans on, named in one place. Each is pinned by
tests/tui/test_textual_private.py on the Textual of constraints.txt, so an upgrade (make
upgrade) that renames or reshapes one fails there, by its name, not as a wrong drawing.

- `active_app`: the app of the running context, for the colours' roles (tui/palette.py).
- `default_cell_formatter`: how DataTable turns a cell into a renderable; RowTable measures a
  cell as DataTable would (tui/widgets/table.py).
- DataTable's `_update_dimensions` and `_update_column_widths`, which RowTable overrides to
  measure a line of text by its length, and the state they read and set (`TABLE_STATE`): the
  rows and cells waiting to be measured, which `RowTable.fit_to` measures before the first frame.
- DataTable's `_render_cell`, which RowTable overrides to keep a cell's drawing until the cell
  changes, and `_clear_caches`, which it overrides to drop those drawings with DataTable's, and
  what the drawing's key reads (`TABLE_STATE`).
- DataTable's `_clear_caches`: a header label changed in place is drawn again only after it
  (tui/widgets/watchlist/cells.py).
- Footer's `bindings_changed`, which the Footer subscribes to the screen's bindings signal as it
  mounts and KeyFooter overrides to show its keys without a recompose (tui/widgets/footer.py):
  `FOOTER_OVERRIDDEN`.

A class of ours overrides or sets on `self` no private part of a Textual class but those named
here (tests/project/test_private_writes.py); this module declares and pins them, and writes on
no object itself: what it reads and calls (`_clear_caches()`, `active_app`) writes nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual._context import active_app
from textual.widgets._data_table import default_cell_formatter

if TYPE_CHECKING:
    from textual.widgets import DataTable

__all__ = [
    "FOOTER_OVERRIDDEN",
    "OVERRIDDEN",
    "TABLE_STATE",
    "active_app",
    "clear_table_caches",
    "default_cell_formatter",
]

#: DataTable's methods RowTable overrides, with the parameters it relies on.
OVERRIDDEN = {
    "_update_dimensions": ("self", "new_rows"),
    "_update_column_widths": ("self", "updated_cells"),
    "_render_cell": ("self", "row_index", "column_index", "base_style", "width", "cursor", "hover"),
    "_clear_caches": ("self",),
}
#: Footer's method KeyFooter overrides, with its parameters.
FOOTER_OVERRIDDEN = {"bindings_changed": ("self", "screen")}
#: DataTable's attributes RowTable reads or sets in those overrides.
TABLE_STATE = (
    "_row_locations",
    "_data",
    "_total_row_height",
    "_row_label_column_width",
    "_require_update_dimensions",
    "_new_rows",
    "_updated_cells",
    "_column_locations",
    "_show_hover_cursor",
    "_pseudo_class_state",
)


def clear_table_caches(table: DataTable[Any]) -> None:
    """Drop the table's cached rows and cells, header included, so a label changed in place
    (a sort arrow) is drawn."""
    table._clear_caches()
