"""The ticker page's tabs at every width: no tab is cut. Every title whole where all fit (120
columns); at 80 the shown pane's title whole and the others' first three letters; narrower, the
others' number alone; the labels follow the pane shown."""

from __future__ import annotations

import pytest
from textual.widgets import TabbedContent

from catalyst_tui.tui.widgets.ticker.panes import PANES, TAB_PADDING, tab_labels

from ....support.pilot import make_app, open_alab


def row_width(labels: dict[str, str]) -> int:
    return sum(len(label) + TAB_PADDING for label in labels.values())


@pytest.mark.parametrize("width", range(20, 200, 7))
def test_the_labels_fit_their_row_or_are_as_short_as_they_go(width: int):
    for shown in (p.id for p in PANES):
        labels = tab_labels(width, shown)
        numbers = [label for pane, label in labels.items() if pane != shown]
        assert row_width(labels) <= width or numbers == [p.key for p in PANES if p.id != shown]
        assert labels[shown].endswith(next(p.title for p in PANES if p.id == shown))
        assert all(labels[p.id].startswith(f"{p.key}") for p in PANES)


async def test_at_80_columns_the_tab_row_is_whole(demo):
    config, store = demo
    app = make_app(config, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_alab(pilot, app)
        tabs = app.screen.query_one("#panes", TabbedContent)
        shown = [tabs.get_tab(p.id) for p in PANES]
        assert [t.label_text for t in shown] == [
            "1 Checkpoints",
            "2 Cha",
            "3 Pos",
            "4 The",
            "5 Evi",
            "6 Res",
            "7 Est",
            "8 Lin",
            "9 KPI",
        ]
        assert max(t.region.right for t in shown) <= 80  # the last tab on the screen
        await pilot.press("5")
        await pilot.pause()
        assert [t.label_text for t in shown][:5] == [
            "1 Che",
            "2 Cha",
            "3 Pos",
            "4 The",
            "5 Evidence",
        ]
    app = make_app(config, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_alab(pilot, app)
        tabs = pilot.app.screen.query_one("#panes", TabbedContent)
        assert [tabs.get_tab(p.id).label_text for p in PANES] == [
            f"{p.key} {p.title}" for p in PANES
        ]
