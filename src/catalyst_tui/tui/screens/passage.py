"""A passage of evidence in its surrounding text: the sentences before and after it in the
document, the passage highlighted, its stance with the words that decided it (`y` accepts it),
where it is from and its link: the document's text, title
and link through `printable` (someone else's words never command the terminal)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...text import printable
from .. import format as fmt
from .. import messages
from ..palette import ink
from ..widgets.ticker.evidence import marked, stance_line
from .forms import MODAL_CSS
from .fresh import FreshScreen

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from ...session.workspace import Workspace
    from ...store.records import EvidenceRecord


class PassageScreen(FreshScreen, ModalScreen[None]):
    CSS_PATH = MODAL_CSS

    BINDINGS = [
        Binding("escape,enter,q", "close", "Close"),
        Binding("m", "mark", "Mark from it"),
        Binding("y", "accept", "Accept"),
    ]

    def __init__(self, workspace: Workspace, record: EvidenceRecord) -> None:
        super().__init__(id="passage")
        self.workspace = workspace
        self.record = record

    def compose(self) -> ComposeResult:
        p = ink()
        r = self.record
        before, passage, after = self.workspace.passage_in_context(r)
        # A title's wrapped lines start under its first column, not at the left edge.
        head = Group(
            fmt.hanging(
                Text(printable(f"{r.symbol}/{r.checkpoint_id}  "), style="bold"),
                fmt.plain(r.checkpoint_title),
            ),
            fmt.hanging(
                Text(printable(f"{r.document.label}  "), style=p.muted),
                fmt.plain(r.document.title, p.muted),
            ),
            fmt.plain(r.document.url, p.muted),
            stance_line(r),
        )
        body = Text()
        if before:
            body.append(printable(before, multiline=True) + " ", style=p.muted)
        body.append_text(marked(passage, r.entry))
        if after:
            body.append(" " + printable(after, multiline=True), style=p.muted)
        with Vertical(id="passage-box"):
            yield Static(head, id="passage-head")
            with VerticalScroll():
                yield Static(body, id="passage-text")
            yield Static(
                Text(
                    f"matched “{printable(r.entry)}” · m marks the checkpoint from it · esc closes",
                    style=p.muted,
                )
            )

    def action_close(self) -> None:
        self.dismiss(None)

    def action_mark(self) -> None:
        record = self.record
        self.dismiss(None)
        self.app.post_message(messages.MarkFromPassage(record))

    def action_accept(self) -> None:
        """Accept it (one accepted already: take it back), as `y` on the Evidence pane."""
        record = self.record
        self.dismiss(None)
        self.app.post_message(messages.AcceptPassage(record))
