"""The watchlist's group tabs (tui/widgets/watchlist/groups.py) in a real Textual app: "All"
first, then the file's groups, kept in step as groups come and go, each tab telling its group."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Tab

from catalyst_tui.tui.widgets.watchlist.groups import ALL_ID, GroupTabs


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield GroupTabs(id="groups")


async def test_the_tabs_follow_the_files_groups_and_tell_their_group():
    app = Host()
    async with app.run_test(size=(80, 10)) as pilot:
        tabs = app.query_one(GroupTabs)

        def shown() -> list[str]:
            return [str(tab.label) for tab in tabs.query(Tab)]

        tabs.sync(["optics", "[b]platform"])
        await pilot.pause()
        assert shown() == ["All", "optics", "[b]platform"]  # a group's name as typed
        tabs.sync(["[b]platform", "networking"])
        await pilot.pause()
        assert shown() == ["All", "[b]platform", "networking"]
        groups = [tabs.group_of(tab) for tab in tabs.query(Tab)]
        assert groups == [None, "[b]platform", "networking"]  # All: no group
        tabs.active = next(t.id for t in tabs.query(Tab) if str(t.label) == "networking") or ""
        tabs.show_all()
        await pilot.pause()
        assert tabs.active == ALL_ID
