"""What the keys are: `?` lists the keys of the screen, and every described binding is also a
command of the palette (ctrl+p), with "Acknowledge every flag" besides."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand

from . import messages
from .base import CatalystBase

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from textual.binding import Binding
    from textual.screen import Screen


class KeyCommands(CatalystBase):
    """The keys screen and the palette's commands."""

    def action_keys(self) -> None:
        from .screens.forms import KeysScreen

        rows = [(self.get_key_display(b), b.description) for _, b in _bindings(self.screen)]
        self.push_screen(KeysScreen(rows, _screen_name(self.screen)))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for node, binding in _bindings(screen, widgets=False):  # no "Cursor left" to run
            if binding.action in ("app.command_palette", "command_palette"):
                continue
            yield SystemCommand(
                binding.description,
                f"{_screen_name(screen)} · key {self.get_key_display(binding)}",
                _runner(self, binding.action, node),
            )
        if _screen_name(screen) != "timeline":
            yield SystemCommand(
                "Acknowledge every flag", "clear all unacknowledged misses", self._ack_all
            )
        yield SystemCommand(
            "SEC contact",
            "your name and e-mail for SEC EDGAR (providers.sec.user_agent)",
            lambda: self.post_message(messages.AskSecContact()),
        )

    def _ack_all(self) -> None:
        self.post_message(messages.Acknowledge(None))


def _bindings(screen: Screen[Any], *, widgets: bool = True) -> list[tuple[object, Binding]]:
    """The described bindings active on `screen`: its own and the app's first, then (with
    `widgets`) the focused widget's (a table's cursor keys), which work the same everywhere."""
    seen: set[str] = set()
    out: list[tuple[object, Binding]] = []
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description or binding.action in seen:
            continue
        ours = active.node is screen or active.node is screen.app
        if not widgets and not ours and not binding.action.startswith("screen."):
            continue  # a widget's own key; a pane's that shows a screen's is the screen's
        seen.add(binding.action)
        out.append((active.node, binding))
    return sorted(out, key=lambda pair: pair[0] is not screen and pair[0] is not screen.app)


def _runner(app: App[None], action: str, node: object) -> Callable[[], None]:
    def run() -> None:
        app.call_later(app.run_action, action, node)

    return run


def _screen_name(screen: Screen[Any]) -> str:
    """The screen as a person names it: its own `help_name` ("the replay of ALAB"), else its
    class's name in words ("TimelineScreen": "timeline")."""
    named = getattr(screen, "help_name", None)
    if isinstance(named, str) and named:
        return named
    return type(screen).__name__.removesuffix("Screen").lower() or "this screen"
