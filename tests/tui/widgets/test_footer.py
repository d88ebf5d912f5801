"""The footer's keys in one widget (tui/widgets/footer.py): drawn cell for cell as Textual's own
Footer draws the same bindings (a key its action cannot run dimmed, a hidden one left out, an
action's second key left out), a click runs the key's action, a dimmed key's rings the bell, the
key under the mouse in the hover colours, and the same keys again draw nothing new."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Static

from catalyst_tui.tui.widgets.footer import FooterKeys, KeyFooter, ShownKey
from tests.support.pilot import wait_for

BINDINGS: list[BindingType] = [
    Binding("a", "add", "Add ticker"),
    Binding("A", "add", "Add again"),  # the same action: Footer shows its first key only
    Binding("s", "sort", "Sort"),
    Binding("x", "archive", "Archive"),  # its action cannot run: dimmed
    Binding("h", "hidden", "Hidden", show=False),
    Binding("question_mark", "keys", "Keys"),
]


class Keys(App[None]):
    BINDINGS = BINDINGS

    def __init__(self, footer: Footer) -> None:
        super().__init__()
        self.footer = footer
        self.ran: list[str] = []
        self.bells = 0

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield self.footer

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "archive" else True  # None: shown dimmed

    def action_add(self) -> None:
        self.ran.append("add")

    def action_sort(self) -> None:
        self.ran.append("sort")

    def bell(self) -> None:
        self.bells += 1


Cell = tuple[str, Style | None]


def last_line(app: App[None]) -> list[Cell]:
    """The screen's last line, a (character, style) a cell, the style without Textual's
    offsets of each cell in its widget (which tell where a cell is, not how it looks)."""
    console = Console(width=app.size.width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(app.screen._compositor.render_update(full=True))
    *_, line = Segment.split_lines(console._record_buffer)
    return [
        (ch, None if style is None else style.clear_meta_and_links())
        for text, style, control in line
        if not control
        for ch in text
    ]


async def drawn(footer: Footer, width: int = 60) -> list[Cell]:
    app = Keys(footer)
    async with app.run_test(size=(width, 4)) as pilot:
        return await settled(pilot, app, lambda line: bool(_text(line).strip()))


async def test_the_keys_are_drawn_as_textuals_footer_draws_them() -> None:
    ours = await drawn(KeyFooter())
    assert "".join(ch for ch, _ in ours).rstrip() == " a Add ticker  s Sort  x Archive  ? Keys"
    assert ours == await drawn(Footer(show_command_palette=False))


async def test_keys_wider_than_the_screen_are_drawn_as_textuals_footer_cuts_them() -> None:
    ours = await drawn(KeyFooter(), width=20)
    assert "".join(ch for ch, _ in ours) == " a Add ticker  s Sor"
    assert ours == await drawn(Footer(show_command_palette=False), width=20)


async def test_a_click_runs_the_keys_action_and_a_dimmed_keys_rings_the_bell() -> None:
    app = Keys(KeyFooter())
    async with app.run_test(size=(60, 4)) as pilot:
        # the footer's keys are gathered after its first frame: wait for them, not for a pause
        # (a busy machine once read the line before they were there)
        await wait_for(pilot, lambda: len(app.query_one(FooterKeys).placed()) == 4)
        await pilot.pause()
        line = app.query_one(FooterKeys)
        placed = {text.split()[0]: (start, end) for text, start, end in line.placed()}
        assert placed == {"a": (0, 14), "s": (14, 22), "x": (22, 33), "?": (33, 41)}
        await pilot.click(FooterKeys, offset=(15, 0))  # on "Sort"
        await pilot.click(FooterKeys, offset=(0, 0))  # on the key "a" itself
        await pilot.click(FooterKeys, offset=(25, 0))  # "Archive", which cannot run
        await pilot.pause()
        assert app.ran == ["sort", "add"]
        assert app.bells == 1


async def hovered(footer: Footer) -> tuple[list[Cell], list[Cell]]:
    """The last line before and with the mouse over " s Sort", the second key: each once it
    is drawn (its keys written; then a change under the mouse), not after a guessed pause."""
    app = Keys(footer)
    async with app.run_test(size=(60, 4)) as pilot:
        keys = " a Add ticker  s Sort  x Archive  ? Keys"
        before = await settled(pilot, app, lambda line: _text(line).rstrip() == keys)
        await pilot.hover(Footer, offset=(15, 0))  # a KeyFooter is a Footer
        return before, await settled(pilot, app, lambda line: line != before)


def _text(line: list[Cell]) -> str:
    return "".join(ch for ch, _ in line)


async def settled(pilot: Any, app: Keys, drawn: Callable[[list[Cell]], bool]) -> list[Cell]:
    """The last line once `drawn(line)` holds (the state itself; a minute of the loop's clock
    at most)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 60
    while not drawn(line := last_line(app)):
        assert loop.time() < deadline, _text(line)
        await pilot.pause(0.05)
    return line


async def test_the_key_under_the_mouse_is_drawn_as_textuals_footer_draws_it() -> None:
    before, after = await hovered(KeyFooter())
    changed = [i for i, (cell, was) in enumerate(zip(after, before, strict=True)) if cell != was]
    assert changed == list(range(14, 22))  # the cells of " s Sort ", and only those
    assert len({style.bgcolor for _, style in after[14:22] if style}) == 1
    assert (before, after) == await hovered(Footer(show_command_palette=False))


async def test_the_same_keys_again_draw_nothing_new() -> None:
    app = Keys(KeyFooter())
    async with app.run_test(size=(60, 4)) as pilot:
        await wait_for(pilot, lambda: bool(app.query_one(FooterKeys).keys))
        line = app.query_one(FooterKeys)
        keys = line.keys
        assert keys[0] == ShownKey(
            key="a", display="a", description="Add ticker", enabled=True, tooltip=""
        )
        app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert line.keys is keys  # kept, not replaced by an equal tuple


async def test_keys_shown_after_the_footers_keys_are_gone_draw_nothing_and_raise_nothing():
    """The keys are shown after the refresh that followed a change of bindings: a quit pressed
    then has removed the footer's keys first (a traceback reached the terminal on quitting the
    TUI in tmux). Nothing is shown, nothing raised; with the keys back, they are shown."""
    footer = KeyFooter()
    app = Keys(footer)
    async with app.run_test(size=(80, 6)) as pilot:
        await pilot.pause()
        await footer.query_one(FooterKeys).remove()
        footer.bindings_changed(app.screen)
        await pilot.pause()  # the refresh, and the keys shown after it
        assert not footer.query(FooterKeys)
        await footer.mount(FooterKeys())
        footer.bindings_changed(app.screen)
        await pilot.pause()
        assert "Add ticker" in "".join(text for text, _ in last_line(app))
