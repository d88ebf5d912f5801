"""The watchlist's group tabs: "All", then one tab per group of the file, kept in step with
the groups as the file changes."""

from __future__ import annotations

from textual.widgets import Tab, Tabs

from ... import format as fmt

ALL = "All"
ALL_ID = "group-all"


class GroupTabs(Tabs):
    """A tab's label is the group shown; its id is its own (ids are never reused: a removal
    completes after `sync` returns)."""

    def __init__(self, *, id: str) -> None:  # noqa: A002
        super().__init__(Tab(ALL, id=ALL_ID), id=id)
        self._groups: dict[str, str] = {}  # tab id -> group
        self._serial = 0

    def sync(self, groups: list[str]) -> None:
        """Tabs of groups gone are removed, new groups added at the end."""
        have = {group: tab_id for tab_id, group in self._groups.items()}
        for group, tab_id in have.items():
            if group not in groups:
                del self._groups[tab_id]
                self.remove_tab(tab_id)
        for group in groups:
            if group not in have:
                self._serial += 1
                tab_id = f"group-{self._serial}"
                self._groups[tab_id] = group
                self.add_tab(Tab(fmt.plain(group), id=tab_id))

    def group_of(self, tab: Tab | None) -> str | None:
        """The group a tab shows; None for "All"."""
        return self._groups.get(tab.id or "") if tab else None

    def show_all(self) -> None:
        self.active = ALL_ID
