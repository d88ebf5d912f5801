"""The tables whose last column holds free text (widgets/table.py RowTable): nothing is cut
silently, what is clipped ends in … at a word's end, and the column is fitted again after a
resize, also for a pane that was hidden then."""

from __future__ import annotations

from rich.text import Text
from textual.app import App
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from catalyst_tui.store.records import EventRecord
from catalyst_tui.text import printable
from catalyst_tui.thesis.wording import reason_text, threshold_text
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.screens.timeline import TimelineScreen
from catalyst_tui.tui.widgets.table import RowTable

from ...support.pilot import make_app, open_alab, text_of


class OneTable(App[None]):
    """An app of one RowTable (#t), for the table's own behaviour."""

    def compose(self):
        yield RowTable(id="t")


class OursAndTheirs(App[None]):
    """A RowTable (#ours) beside Textual's DataTable (#theirs), given the same rows."""

    def compose(self):
        yield RowTable(id="ours")
        yield DataTable(id="theirs")


def _fitted(
    table: DataTable, full: dict[str, str], *, word_end: bool = False, column: str | None = None
) -> int:
    """Asserts the table's columns end within its width and each fitted cell (of the last
    column, or of `column`) is its whole text or a start of it ending in … (with `word_end`,
    cut where a word ends: a space follows in the whole text); how many were clipped."""
    index = list(table.columns).index(ColumnKey(column)) if column else -1
    width = sum(c.get_render_width(table) for c in table.columns.values())
    assert width <= table.scrollable_content_region.width, (width, table.size)
    clipped = 0
    for key in table.rows:
        if key.value not in full:  # a timeline's filing: its last column is its link
            continue
        last, whole = str(table.get_row(key)[index]).split("  ▤")[0], full[key.value]
        if last != whole:
            clipped += 1
            assert last.endswith("…") and whole.startswith(last[:-1]), (last, whole)
            if word_end:
                assert whole[len(last) - 1] == " ", (last, whole)
    return clipped


def _whys(app: CatalystApp) -> dict[str, str]:
    """The timeline's whole Why of each event (row key: the event's id), as the screen words
    it (the demo's timeline holds ALAB's results 8-Ks too)."""
    screen = app.screen
    assert isinstance(screen, TimelineScreen)
    today = screen.workspace.today()
    return {
        str(e.id): printable(reason_text(e.reason, e.condition, today))
        for e in screen.entries
        if isinstance(e, EventRecord)
    }


async def test_nothing_is_cut_silently(demo):
    """The ticker's checkpoints (at 80 columns) and the timeline's reasons (at 120) fit the
    screen: the target is whole (a clipped `>= 2` would read as a threshold of 2), and what
    is clipped (the titles, before the figures) ends in …, at a word's end."""
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_alab(pilot, app)
        await pilot.pause()
        table = app.screen.query_one("#checkpoint-table", DataTable)
        targets = {  # in the metric's unit (thesis/wording.py): `>= $1.55B`, `<= 200x`
            c.id: f"{c.when.op} {threshold_text(c.when.metric, c.when.threshold)}"
            for c in config.tickers["ALAB"].checkpoints
            if c.when
        }
        titles = {c.id: c.title for c in config.tickers["ALAB"].checkpoints}
        width = sum(c.get_render_width(table) for c in table.columns.values())
        assert width <= table.scrollable_content_region.width  # no column past the edge
        clipped = 0
        for key in table.rows:
            cells = [str(cell) for cell in table.get_row(key)]
            assert cells[5] == targets.get(key.value, "")
            title = cells[1].split("  ▤")[0]
            if title != titles[key.value]:
                clipped += 1
                assert title.endswith("…") and titles[key.value].startswith(title[:-1])
        assert clipped  # the demo's long titles do not fit 80 columns
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:  # the timeline's Why, at 120 columns
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        await pilot.pause()
        events = app.screen.query_one("#events", DataTable)
        width = sum(c.get_render_width(events) for c in events.columns.values())
        assert width <= events.scrollable_content_region.width
        assert any(str(events.get_row(k)[-1]).endswith("…") for k in events.rows)
        assert _fitted(events, _whys(app), word_end=True)


async def test_the_last_column_is_fitted_again_when_a_hidden_pane_is_shown_after_a_resize(demo):
    """The terminal narrowed while the chart was shown: the Checkpoints pane, hidden then (no
    width to fit to), is fitted when shown again; the screen's edge never cuts its titles.
    The timeline's Why is fitted again on a resize too."""
    config, store = demo
    titles = {c.id: c.title for c in config.tickers["ALAB"].checkpoints}
    app = make_app(config, store)
    async with app.run_test(size=(140, 36)) as pilot:
        await open_alab(pilot, app)
        table = app.screen.query_one("#checkpoint-table", DataTable)
        assert _fitted(table, titles, column="title") == 0  # 140 columns: every title whole
        await pilot.press("2")
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.press("1")
        await pilot.pause()
        await pilot.pause()
        assert _fitted(table, titles, column="title")  # the long titles clipped, with …
        await pilot.resize_terminal(140, 36)
        await pilot.pause()
        assert _fitted(table, titles, column="title") == 0  # and whole again when there is room
        await pilot.press("escape", "t")
        await pilot.pause()
        events = app.screen.query_one("#events", DataTable)
        wide = _fitted(events, _whys(app))
        await pilot.resize_terminal(100, 24)  # at 80 its other columns leave Why no room
        await pilot.pause()
        await pilot.pause()
        assert _fitted(events, _whys(app)) > wide  # fitted again to the narrower screen


async def test_at_80_columns_the_timeline_gives_why_a_third_of_the_width(demo):
    """At 80 columns the other columns took all but 2 cells of Why: now the value (the reason
    names it) is left blank, the time and the checkpoint's id are clipped with …, and Why gets
    about a third of the width; nothing runs past the edge, at 120 nothing is clipped but Why."""
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        await pilot.pause()
        events = app.screen.query_one("#events", DataTable)
        why = events.columns[ColumnKey("reason")]
        assert why.get_render_width(events) >= 80 // 4, why.get_render_width(events)
        assert _fitted(events, _whys(app), word_end=True)
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        ids = {
            str(e.id): f"{e.symbol}/{e.checkpoint_id}"
            for e in screen.entries
            if isinstance(e, EventRecord)
        }
        for key in events.rows:
            if key.value in ids:
                shown = str(events.get_row(key)[1]).removeprefix("⚑ ")
                assert shown == ids[key.value] or ids[key.value].startswith(shown[:-1])
                when = str(events.get_row(key)[0])
                assert len(when) >= 10 and when[:10].count("-") == 2  # the date stays whole
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        await pilot.pause()
        for key in events.rows:
            cells = [str(c) for c in events.get_row(key)]
            assert not any(c.endswith("…") for c in cells[:4]), cells
        used = sum(c.get_render_width(events) for c in events.columns.values())
        assert used >= events.scrollable_content_region.width - 4  # the width used, not left


async def test_at_80_columns_the_results_pane_cuts_no_header(demo):
    """The Results table is wider than 80 columns on a quarter "0.0% in line" (the README's
    demo): its headers were cut ("vs gui", "XB"); now a column gives way no narrower than its
    header, XBRL's word and the beat's first, then the Filed date, whole or left out (the
    detail under the table says it). At 120 every cell is whole."""
    config, store = demo
    for width in (78, 80, 120):
        app = make_app(config, store)
        async with app.run_test(size=(width, 24)) as pilot:
            await open_alab(pilot, app)
            await pilot.press("6")
            await pilot.pause()
            await pilot.pause()
            table = app.screen.query_one("#results-table", DataTable)
            used = sum(c.get_render_width(table) for c in table.columns.values())
            assert used <= table.scrollable_content_region.width, (width, used)
            shown = {str(c.label): c for c in table.columns.values()}
            cut = [label for label, c in shown.items() if 0 < c.width < len(label)]
            assert cut == [], (width, cut)
            releases = store.results.releases("ALAB")
            filed = sorted(str(table.get_row(k)[-1]) for k in table.rows)
            whole = sorted(r.filed.isoformat() for r in releases)
            assert filed == (whole if width >= 120 else [""] * len(whole)), (width, filed)
            xbrl = [str(table.get_row(k)[list(shown).index("XBRL")]) for k in table.rows]
            assert all(x == "✓ confirmed" for x in xbrl) == (width >= 120), (width, xbrl)
            assert all(x.startswith("✓") for x in xbrl), (width, xbrl)
            detail = " ".join(text_of(app, "#results-detail").split())
            newest = max(r.filed for r in releases)  # the row the cursor starts on
            assert f"8-K filed {newest.isoformat()}" in detail


async def test_home_and_end_go_to_the_first_and_last_row(demo):
    """In every table (one RowTable each): the watchlist, and the timeline."""
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for opened in ((), ("t",)):
            await pilot.press(*opened)
            await pilot.pause()
            table = app.screen.focused
            assert isinstance(table, DataTable) and table.row_count > 3
            await pilot.press("end")
            await pilot.pause()
            assert table.cursor_row == table.row_count - 1
            await pilot.press("home")
            await pilot.pause()
            assert table.cursor_row == 0


# -- widths known without measuring ----------------------------------------------------------


CELLS = [
    [Text("T0001", style="bold"), "$1,234.56", Text("+1.20%", style="green"), "", None],
    [Text("⚑ 株式会社"), "[bold]x[/bold]", Text("no quote ⏎"), ":smile: ok", 3.14159],
    [Text("a\u2028b"), "tab\there", Text(""), "wide 🚀 emoji", Text("x" * 40)],
]


async def test_row_table_widths_are_those_datatable_measures():
    """RowTable takes a line of text's width from its cells without measuring it through
    rich: every column comes out as wide as DataTable's own measurement makes it, for plain
    and styled text, wide characters, markup, emoji codes, a line separator, None and a float,
    after rows are added and after cells are updated narrower and wider."""

    def widths(table: DataTable) -> list[int]:
        return [c.content_width for c in table.columns.values()]

    app = OursAndTheirs()
    async with app.run_test() as pilot:
        ours, theirs = app.query_one("#ours", DataTable), app.query_one("#theirs", DataTable)
        for table in (ours, theirs):
            for n in range(5):
                table.add_column(f"c{n}", key=f"c{n}")
            for i, row in enumerate(CELLS):
                table.add_row(*row, key=f"r{i}")
        await pilot.pause()
        assert widths(ours) == widths(theirs) and max(widths(ours)) == 40
        for table in (ours, theirs):
            table.update_cell("r2", "c4", Text("short"), update_width=True)
            table.update_cell("r0", "c1", "$12,345,678.90", update_width=True)
        await pilot.pause()
        assert widths(ours) == widths(theirs)
        assert ours.virtual_size == theirs.virtual_size


async def test_row_table_measures_no_line_of_text(monkeypatch):
    """Rows of printable text are added without one rich measurement (DataTable measures
    every cell: the count below shows the counter sees its measurements)."""
    import textual.widgets._data_table as data_table
    from textual.render import measure

    from catalyst_tui.tui.widgets import table as ours_module

    counted: list[str] = []

    def counting(name, measure):
        def wrapped(*args, **kwargs):
            counted.append(name)
            return measure(*args, **kwargs)

        return wrapped

    monkeypatch.setattr(data_table, "measure", counting("datatable", data_table.measure))
    monkeypatch.setattr(ours_module, "measure", counting("ours", measure))

    app = OursAndTheirs()
    async with app.run_test() as pilot:
        cells = [Text("T0001", style="bold"), "$1,234.56", Text("+1.20%", style="green"), ""]
        for key in ("ours", "theirs"):
            table = app.query_one(f"#{key}", DataTable)
            for n in range(4):
                table.add_column(f"c{n}", key=f"c{n}")
            await pilot.pause()
            counted.clear()
            for i in range(50):
                table.add_row(*cells, key=f"r{i}")
            table.update_cell("r3", "c1", "$2.00", update_width=True)
            await pilot.pause()
            if key == "ours":
                assert counted == []
            else:
                assert len(counted) >= 50 * len(cells)


async def test_a_column_whose_cells_all_got_narrower_is_measured_once_not_per_cell(monkeypatch):
    """500 cells of one column updated narrower (a column giving way, every row clipped): the
    column is as wide as its widest cell after, and its cells were measured about once each,
    not once per cell per cell (250,000 measurements, a half-second stall after start-up)."""
    from catalyst_tui.tui.widgets import table as module

    app = OneTable()
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(RowTable)
        table.add_column("Name", key="name")
        for i in range(500):
            table.add_row(Text(f"row {i:03d} " + "x" * 40), key=f"r{i}")
        await pilot.pause()
        assert table.columns[ColumnKey("name")].content_width == 48
        calls = 0
        measure = module.cell_width

        def counted(cell, console):
            nonlocal calls
            calls += 1
            return measure(cell, console)

        monkeypatch.setattr(module, "cell_width", counted)
        for i in range(500):
            cell = Text(f"r{i}" + "y" * (i % 7))  # the widest: 'r496' + 6 'y's, 10 cells
            table.update_cell(f"r{i}", "name", cell, update_width=True)
        await pilot.pause()
        assert table.columns[ColumnKey("name")].content_width == 10
        assert calls <= 3 * 500, calls


async def test_a_column_that_gives_way_with_room_keeps_its_cells_as_they_were_given():
    """Rows that fit: fitting the columns that give way changes no cell (an update of a cell
    that draws the same made the table draw every row again); a column given too little room
    is clipped with … as before."""
    app = OneTable()
    async with app.run_test(size=(60, 10)) as pilot:
        table = app.query_one(RowTable)
        table.add_column("Name", key="name")
        table.add_column("Note", key="note")
        table.give_way({"name": 4, "note": 4})
        given = {"a": ("alpha", Text("short")), "b": ("beta", Text("brief"))}
        for key, cells in given.items():
            table.add_row(*cells, key=key)
        table.fit_columns()
        await pilot.pause()
        for key, (name, note) in given.items():
            assert table.get_cell(key, "name") is name
            assert table.get_cell(key, "note") is note
        table.add_row("gamma " * 12, Text("a long note " * 6), key="c")  # wider than 60
        table.fit_columns()
        await pilot.pause()
        assert str(table.get_cell("c", "name")).endswith("…")


class _FittedAtMount(App[None]):
    """One RowTable whose columns give way, its rows added as it mounts: fitted then to the
    screen's width (`fit_to`), or after its first frame (`fit_columns`)."""

    def __init__(self, *, at_mount: bool) -> None:
        super().__init__()
        self.at_mount = at_mount
        self.drawn: list[tuple[int, int]] = []  # (the columns' width, the table's) each frame

    def compose(self):
        yield RowTable(id="t")

    def on_mount(self) -> None:
        table = self.query_one(RowTable)
        table.add_column("Name", key="name")
        table.add_column("Note", key="note")
        table.add_column("Day", key="day")
        table.give_way({"note": 6, "name": 4})
        for i in range(8):
            name, note = f"company {i} " * 3, Text(f"a note of {i} " * 8)
            table.add_row(name, note, f"2026-11-{i + 1:02d}", key=f"r{i}")
        if self.at_mount:
            table.fit_to(self.screen.size.width)
        else:
            table.fit_columns()


async def test_a_table_fitted_as_it_mounts_draws_its_first_frame_fitted(monkeypatch):
    """`fit_to` measures the rows just added and fits the columns before the first frame: every
    frame drawn fits the table's width, and the cells are those a fit after the first frame
    gives (which draws one frame too wide, then every row again)."""
    frames: list[tuple[bool, int, int]] = []
    render_lines = RowTable.render_lines

    def drawn(self, crop):
        frames.append((self.app.at_mount, self.virtual_size.width, self.size.width))
        return render_lines(self, crop)

    monkeypatch.setattr(RowTable, "render_lines", drawn)
    cells = {}
    for at_mount in (True, False):
        app = _FittedAtMount(at_mount=at_mount)
        async with app.run_test(size=(70, 14)) as pilot:
            await pilot.pause()
            table = app.query_one(RowTable)
            cells[at_mount] = [[str(c) for c in table.get_row_at(i)] for i in range(8)]
    assert cells[True] == cells[False]
    assert any(str(c).endswith("…") for row in cells[True] for c in row)  # it had to give way
    fitted = [(virtual, width) for at_mount, virtual, width in frames if at_mount]
    assert fitted and all(virtual <= width for virtual, width in fitted), fitted
    late = [(virtual, width) for at_mount, virtual, width in frames if not at_mount]
    assert late[0][0] > late[0][1]  # the first frame of a late fit: too wide, as the test says
