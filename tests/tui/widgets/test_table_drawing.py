"""A cell drawn again only when it changed (widgets/table.py RowTable._render_cell): whatever
happens to a table (cells updated, equal copies put back, rows added and removed, the cursor,
the hover, focus, stripes, a column's width), what it draws from the drawings it kept is what
it draws from nothing, and a row added or a cell updated draws only the cells that changed."""

from __future__ import annotations

import asyncio

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.text import Text
from textual.app import App
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from catalyst_tui.tui.widgets.table import RowTable

COLUMNS = ("a", "b", "c")
words = st.text(alphabet="ab xy12.,…", min_size=0, max_size=9)
styles = st.sampled_from(["", "bold", "red", "dim green", "reverse"])
cells = st.one_of(
    words,
    st.builds(Text, words, style=styles),
    st.builds(lambda w: Text(w, justify="right"), words),
)
changes = st.one_of(
    st.tuples(st.just("update"), st.integers(0, 40), st.integers(0, 2), cells),
    st.tuples(st.just("again"), st.integers(0, 40), st.integers(0, 2)),
    st.tuples(st.just("add"), cells),
    st.tuples(st.just("remove"), st.integers(0, 40)),
    st.tuples(st.just("cursor"), st.integers(0, 40)),
    st.tuples(st.just("hover"), st.integers(0, 40)),
    st.tuples(st.just("focus")),
    st.tuples(st.just("stripes")),
    st.tuples(st.just("width"), st.integers(0, 2), st.integers(1, 12)),
)


class OneTable(App[None]):
    CSS = "RowTable { height: 12; }"

    def compose(self):
        yield RowTable(id="t")
        yield RowTable(id="other")


def _screen(table: RowTable) -> list[list[tuple[str, object]]]:
    return [[(s.text, s.style) for s in table.render_line(y)] for y in range(table.size.height)]


def _apply(table: RowTable, change: tuple, added: list[int]) -> None:
    kind, *args = change
    keys = [str(k.value) for k in table.rows]
    if kind == "add":
        added[0] += 1
        table.add_row(args[0], str(added[0]), Text("row", style="italic"), key=f"r{added[0]}")
    elif not keys:
        return
    elif kind == "update":
        table.update_cell(keys[args[0] % len(keys)], COLUMNS[args[1]], args[2], update_width=True)
    elif kind == "again":  # an equal copy of the cell put back: a new object, drawn the same
        key, column = keys[args[0] % len(keys)], COLUMNS[args[1]]
        cell = table.get_cell(key, column)
        copy = cell.copy() if isinstance(cell, Text) else "".join(list(str(cell)))
        table.update_cell(key, column, copy)
    elif kind == "remove":
        table.remove_row(keys[args[0] % len(keys)])
    elif kind == "cursor":
        table.move_cursor(row=args[0] % len(keys), animate=False)
    elif kind == "hover":
        table.hover_coordinate = Coordinate(args[0] % len(keys), 0)
    elif kind == "focus":
        (table.app.query_one("#other") if table.has_focus else table).focus()
    elif kind == "stripes":
        table.zebra_stripes = not table.zebra_stripes
    elif kind == "width":  # as RowTable fits a column: its width set, its cells put again
        fitted = table.columns[list(table.columns)[args[0]]]
        fitted.auto_width, fitted.width = False, args[1]
        first = table.get_cell(keys[0], COLUMNS[args[0]])
        table.update_cell(keys[0], COLUMNS[args[0]], first)


async def _kept_and_fresh(rows: list[object], steps: list[tuple]) -> None:
    app = OneTable()
    async with app.run_test(size=(40, 14)) as pilot:
        table = app.query_one("#t", RowTable)
        table.add_keyed_columns(COLUMNS)
        for n, cell in enumerate(rows):
            table.add_row(cell, str(n), "x", key=f"s{n}")
        table.focus()
        await pilot.pause()
        _screen(table)
        added = [0]
        for change in steps:
            _apply(table, change, added)
            await pilot.pause()
            kept = _screen(table)
            table._clear_caches()  # every drawing dropped: drawn from nothing
            assert _screen(table) == kept, change


@settings(max_examples=20)
@given(st.lists(cells, min_size=0, max_size=15), st.lists(changes, min_size=1, max_size=6))
def test_a_table_draws_from_the_drawings_it_kept_what_it_draws_from_nothing(rows, steps) -> None:
    asyncio.run(_kept_and_fresh(rows, steps))


async def test_a_row_added_or_a_cell_updated_draws_only_the_cells_that_changed(monkeypatch):
    """DataTable draws every cell on screen again after any change (its caches are keyed by a
    count of changes): a screen of the watchlist's took 55 ms, which a key pressed then waited
    for. A row added under the screen draws none of the cells on it; a cell updated, that one."""
    drawn: list[tuple[int, int]] = []
    render_cell = DataTable._render_cell  # a cell actually drawn, not one kept

    def counted(self, row_index, column_index, *args, **kwargs):
        if self.id == "t" and row_index >= 0:
            drawn.append((row_index, column_index))
        return render_cell(self, row_index, column_index, *args, **kwargs)

    monkeypatch.setattr(DataTable, "_render_cell", counted)
    app = OneTable()
    async with app.run_test(size=(40, 14)) as pilot:
        table = app.query_one("#t", RowTable)
        table.add_keyed_columns(COLUMNS)
        for n in range(30):
            table.add_row(f"n{n}", str(n), "x", key=f"s{n}")
        table.focus()
        await pilot.pause()
        _screen(table)
        assert len(drawn) >= 3 * 11  # the rows on screen, drawn once
        drawn.clear()
        table.add_row("new", "30", "x", key="s30")  # under the screen
        await pilot.pause()
        _screen(table)
        assert drawn == []
        table.update_cell("s2", "b", "changed")
        await pilot.pause()
        _screen(table)
        assert drawn == [(2, 1)]
