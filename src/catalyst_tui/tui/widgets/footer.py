"""The screens' footer: Textual's Footer, its keys drawn by one widget rather than one widget a
key. Textual's Footer rebuilds a widget for every key each time the screen's bindings change
(a pane shown, the focus moved), and each one is styled twice as it mounts; a ticker screen has
about fifty keys, and that work was a third of the CPU of a start, an open or a pane switch.

`KeyFooter` keeps the Footer's own look and scrolling (its CSS, the wheel scrolling the keys
sideways) and draws the keys as Textual's FooterKey does, each " key description " in the
theme's footer colours, a key its action cannot run now dimmed; the same keys again draw
nothing new. A click on a key presses it (a dimmed key rings the bell), as on a FooterKey; the
key under the mouse shows in the hover colours. Textual's binding groups are not used by the
TUI: a grouped key is drawn as any other."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.widget import Widget
from textual.widgets import Footer

if TYPE_CHECKING:
    from textual import events
    from textual.app import ComposeResult
    from textual.screen import Screen


class ShownKey(NamedTuple):
    """One key as the footer shows it."""

    key: str  # the key pressed when it is clicked
    display: str  # how the key is written
    description: str
    enabled: bool  # its action can run now; a key that cannot is dimmed
    tooltip: str


def footer_keys(screen: Screen[object]) -> tuple[ShownKey, ...]:
    """The keys Textual's Footer shows for `screen`'s active bindings: those shown, the first
    binding of each action, in the bindings' order."""
    first: dict[str, ShownKey] = {}
    for _node, binding, enabled, tooltip in screen.active_bindings.values():
        if binding.show and binding.action not in first:
            first[binding.action] = ShownKey(
                key=binding.key,
                display=screen.app.get_key_display(binding),
                description=binding.description,
                enabled=enabled,
                tooltip=tooltip,
            )
    return tuple(first.values())


class FooterKeys(Widget):
    """The footer's keys as one line of text, as wide as the keys."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer-key--key", "footer-key--description", "footer-key--hover"}
    # FooterKey's CSS, its hover as a component class (the hover is one key's, not the widget's)
    DEFAULT_CSS = """
    FooterKeys {
        width: auto;
        height: 1;
        text-wrap: nowrap;
        background: $footer-item-background;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
            padding: 0 1;
        }
        .footer-key--description {
            padding: 0 1 0 0;
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer-key--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        &:hover {
            pointer: pointer;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.set_reactive(Widget.shrink, False)  # wider than the screen: the footer scrolls
        self.keys: tuple[ShownKey, ...] = ()
        self._hovered: int | None = None
        self._ends: list[int] = []  # where each key's text ends, in cells from the left

    def show(self, keys: tuple[ShownKey, ...]) -> None:
        """Draw `keys`; the keys drawn already draw nothing new."""
        if keys != self.keys:
            self.keys = keys
            self._hovered = None
            self.refresh(layout=True)

    def placed(self) -> list[tuple[str, int, int]]:
        """Each key's text as drawn, with the cells it starts and ends at, from the left."""
        placed, start = [], 0
        for key in self.keys:
            text = self._text(key, hovered=False)
            placed.append((text.plain, start, start + text.cell_len))
            start += text.cell_len
        return placed

    def render(self) -> Text:
        line = Text()
        self._ends = []
        plain = self.rich_style
        for index, key in enumerate(self.keys):
            hovered = index == self._hovered
            text = self._text(key, hovered=hovered)
            base = self._hover_style("footer-key--hover") if hovered else plain
            text.stylize_before(base + Style(dim=not key.enabled or None))
            line.append_text(text)
            self._ends.append(line.cell_len)
        return line

    def _text(self, key: ShownKey, *, hovered: bool) -> Text:
        """The key's text in the key's and the description's styles, as FooterKey draws it."""
        style = self._hover_style if hovered else self.get_component_rich_style
        if not key.description:
            return Text.assemble((key.display, style("footer-key--key")))
        key_padding = self.get_component_styles("footer-key--key").padding
        padding = self.get_component_styles("footer-key--description").padding
        return Text.assemble(
            (
                " " * key_padding.left + key.display + " " * key_padding.right,
                style("footer-key--key"),
            ),
            (
                " " * padding.left + key.description + " " * padding.right,
                style("footer-key--description"),
            ),
        )

    def _hover_style(self, name: str) -> Style:
        """A component's style on a FooterKey under the mouse: over the footer's background,
        the hover's in place of the key's own, then the component's (the key's, the
        description's) with its colour and text style."""
        footer = self.parent.rich_style.bgcolor if self.parent is not None else None
        hover = self.get_component_styles("footer-key--hover")
        background = Color.from_rich_color(footer) + hover.background
        styles = hover if name == "footer-key--hover" else self.get_component_styles(name)
        if styles is not hover:
            background += styles.background
        return styles.text_style + Style.from_color(
            (background + styles.color).rich_color, background.rich_color
        )

    def _key_at(self, x: int) -> int | None:
        return next((i for i, end in enumerate(self._ends) if x < end), None) if x >= 0 else None

    def _hover(self, index: int | None) -> None:
        if index != self._hovered:
            self._hovered = index
            self.tooltip = self.keys[index].tooltip or None if index is not None else None
            self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover(self._key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._hover(None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._key_at(event.x)
        if index is None:
            return
        key = self.keys[index]
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()


class KeyFooter(Footer):
    """Textual's Footer (no command palette key: ctrl+p opens it and `?` says so) with its keys
    in one FooterKeys, shown anew when the screen's bindings change, after the next refresh as
    the Footer's are."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=False)

    def compose(self) -> ComposeResult:
        yield FooterKeys()

    def bindings_changed(self, screen: Screen[object]) -> None:
        """The screen's bindings changed (Footer's hook on the screen's signal)."""
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_after_refresh(self._show_keys)

    def _show_keys(self) -> None:
        """After the refresh that followed the change: by then the app may be closing, the
        footer's keys already removed (a quit pressed as the bindings changed), and then there
        is nothing to show them in."""
        if self.is_attached:
            for keys in self.query(FooterKeys):
                keys.show(footer_keys(self.screen))
