"""What every pane of the ticker screen is: a TabPane built from what the page is about
(`PaneContext`), shown again whole with each `TickerDetail`, and declaring its own keys.

A pane's `KEYS` run its own actions and work from every pane (the screen binds them all,
panes.py); the pane shows them in the Footer while it has the focus, through the screen, so the
`?` keys screen and the palette list them as the screen's. Keys that only work inside the pane
(a table's, the Evidence pane's `m`) are its ordinary BINDINGS."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, TypeVar

from textual.binding import Binding, BindingType
from textual.widgets import TabPane

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Sequence

    from textual.message import Message

    from ....views.ticker import TickerDetail

T = TypeVar("T")


class PaneContext(NamedTuple):
    """What a pane is built with: the page's symbol, today's date and base currency as they are
    when asked (the clock and the config move), and how a pane brings itself to the front."""

    symbol: str
    today: Callable[[], dt.date]
    currency: Callable[[], str]
    reveal: Callable[[str], None]  # the pane's id: it is shown and the focus goes into it


class TickerPane(TabPane):
    """One pane of the ticker screen; its row in panes.PANES gives its number, title, id and
    the widget the focus goes to."""

    KEYS: ClassVar[tuple[Binding, ...]] = ()  # (key, this pane's action, the Footer's words)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # A pane's BINDINGS are its KEYS as the screen runs them, unless it declares its own
        # (keys of its own beside them); set before Textual merges the bindings of the class.
        if "KEYS" in cls.__dict__ and "BINDINGS" not in cls.__dict__:
            cls.BINDINGS = shown_keys(cls.KEYS)
        super().__init_subclass__(**kwargs)

    def __init__(self, title: str, context: PaneContext, *, id: str) -> None:  # noqa: A002
        super().__init__(title, id=id)
        self.context = context

    @property
    def symbol(self) -> str:
        return self.context.symbol

    def today(self) -> dt.date:
        """Today, by the app's clock in the user's zone, as it is when asked."""
        return self.context.today()

    def show(self, detail: TickerDetail) -> None:
        """The pane again, from the page as it is now."""
        raise NotImplementedError

    def post_about(self, chosen: T | None, message: Callable[[T], Message]) -> None:
        """`message` about `chosen`, what a key acts on, when there is one (the pane's `_need`
        has said so when there is not)."""
        if chosen is not None:
            self.post_message(message(chosen))

    def reveal(self) -> None:
        """This pane to the front, the focus in it (as its number key does)."""
        self.context.reveal(self.id or "")


def shown_keys(keys: Sequence[Binding]) -> list[BindingType]:
    """A pane's KEYS as its BINDINGS: run through the screen (`pane_key`), which binds the same
    keys for every pane, so the Footer, `?` and the palette say them once, as the screen's."""
    return [Binding(k.key, f"screen.pane_key({k.key!r})", k.description) for k in keys]
