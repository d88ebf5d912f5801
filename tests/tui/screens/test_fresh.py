"""A screen pushed new is styled once (tui/screens/fresh.py): its push's ScreenResume does not
style its tree again, a later resume that asks for it does, and the styles are its CSS's."""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Static

from catalyst_tui.tui.screens.fresh import FreshScreen


class Pushed(FreshScreen, Screen[None]):
    DEFAULT_CSS = "Pushed Static { background: red; }"

    def compose(self) -> ComposeResult:
        yield Static("pushed")


class Pushing(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.restyled: list[DOMNode] = []  # every node Textual styled again, with its tree

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        self.restyled.append(node)
        super().update_styles(node, animate)


async def test_a_pushed_screen_is_not_styled_again_by_its_first_resume() -> None:
    app = Pushing()
    async with app.run_test() as pilot:
        screen = Pushed()
        await app.push_screen(screen)
        await pilot.pause()
        assert screen.query_one(Static).styles.background.hex == "#FF0000"  # styled, once
        assert screen not in app.restyled
        screen.post_message(events.ScreenResume())  # a later resume asks: the tree restyled
        await pilot.pause()
        assert screen in app.restyled
