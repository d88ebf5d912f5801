"""The Evidence pane of a ticker: every passage that matched a checkpoint's evidence entries,
newest document first, the matched words highlighted, with its stance (supports, challenges,
breaks: thesis/evidence/stance.py), ✓ after it once you accepted it; the detail under the table
says the
words that decided it. `enter` shows a passage in its surrounding text, `m` marks its
checkpoint with the document and its link in the note, `y` accepts it (its stance then counts
in the verdict; `y` again takes it back), `d` dismisses it as irrelevant (not shown again), `u`
brings back the last one dismissed (the footer shows it while there is one), and `a` adds a
document the user brings (a call's transcript: jobs/documents.py). Documents are other
people's text (a filing, a headline): every part of them goes on screen through `printable` /
`fmt.plain`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable, Static

from ....text import counted, printable
from ....thesis.evidence.passages import highlights, parse_entry
from ....thesis.evidence.stance import STANCE_STYLE, shown
from ... import format as fmt
from ... import messages
from ...palette import ink
from ..table import under_cursor
from .table_pane import TablePane

if TYPE_CHECKING:
    from ....store.records import EvidenceRecord
    from ....views.ticker import TickerDetail
    from .pane import PaneContext

PASSAGE_WIDTH = 90


def marked(passage: str, entry: str) -> Text:
    """The passage with the words and phrases of its entry highlighted; never markup, and
    without what would command the terminal (the highlights are found in what is shown)."""
    shown = printable(passage)
    text = Text(shown)
    try:
        spans = highlights(shown, parse_entry(entry))
    except ValueError:
        return text
    for start, end in spans:
        text.stylize(ink().highlight, start, end)
    return text


def stance_cell(record: EvidenceRecord) -> Text:
    """Its stance in its colour, " ✓" after it once you accepted it."""
    stance = shown(record.passage, record.accepted_stance).stance
    cell = Text(str(stance), style=ink().status(STANCE_STYLE[stance]))
    if record.decision == "accepted":
        cell.append(" ✓", style="bold")
    return cell


def stance_line(record: EvidenceRecord) -> Text:
    """The line of its stance: the words that decided it, and your word on it (the pane's
    detail and the passage's screen)."""
    p = ink()
    found = shown(record.passage, record.accepted_stance)
    line = Text(str(found.stance), style=p.status(STANCE_STYLE[found.stance]))
    if found.words:
        line.append(printable(f", decided by {', '.join(f'“{w}”' for w in found.words)}"))
    if record.accepted_at is not None:
        day = record.accepted_at.date().isoformat()
        line.append(f" · accepted on {day}: it counts in the verdict (y takes it back)")
    else:
        line.append(" · a reading, not counted: y accepts it", style=p.muted)
    return line


def mark_note(record: EvidenceRecord) -> str:
    """The note a mark made from a passage starts with: the document, its link, the passage."""
    passage = record.passage if len(record.passage) <= 200 else record.passage[:199] + "…"
    return f"evidence: {record.document.label} {record.document.url} — “{passage}”"


class EvidencePane(TablePane):
    PART = "evidence"
    COLUMNS = (
        ("date", "Date"),
        ("checkpoint", "Checkpoint"),
        ("source", "Source"),
        ("stance", "Stance"),
        ("passage", "Passage"),
    )
    SCROLLS = False  # the table scrolls its passages; the detail stays in view
    # Its own keys, inside it only (m marks a checkpoint elsewhere); enter (the table's row
    # selection) shows the passage in context.
    BINDINGS = [
        Binding("m", "mark", "Mark from it"),
        Binding("y", "accept", "Accept"),
        Binding("d", "dismiss", "Dismiss"),
        Binding("u", "undo_dismiss", "Undo dismiss"),
        Binding("a", "add_document", "Add document"),
    ]

    def __init__(self, title: str, context: PaneContext, *, id: str) -> None:  # noqa: A002
        super().__init__(title, context, id=id)
        self.records: list[EvidenceRecord] = []
        self.dismissed: list[EvidenceRecord] = []  # this session's, the last one last

    def show(self, detail: TickerDetail) -> None:
        """The passages of the ticker; when there are none, whether its checkpoints have
        evidence entries to look for at all."""
        p = ink()
        records, symbol = detail.evidence, detail.symbol
        reading = any(c.evidence for c in detail.checkpoints)
        table = self.table
        if self.records == records and table.row_count == len(records):
            return  # the same passages, decided the same
        row = table.cursor_row
        self.records = records
        table.clear()
        passages: dict[str, Text] = {}
        for r in records:
            passages[str(r.id)] = fmt.clip(marked(r.passage, r.entry), PASSAGE_WIDTH)
            table.add_row(
                r.document.day.isoformat(),
                fmt.plain(r.checkpoint_id),
                fmt.plain(
                    r.document.form,
                    p.primary if r.document.source == "sec" else p.secondary,
                ),
                stance_cell(r),
                passages[str(r.id)],
                key=str(r.id),
            )
        # The passage fitted to the room the other columns leave: cut at a word, with …
        table.set_last_column(passages)
        if records:
            table.move_cursor(row=min(row, len(records) - 1), animate=False)
        title = Text(f"Evidence: {counted(len(records), 'passage')}", style="bold")
        if not records:
            hint = (
                "   none found yet in the filings and news read so far (a adds a document)"
                if reading
                else f'   no checkpoint of {symbol} has evidence entries: add evidence = ["..."]'
                " to one (e edits it)"
            )
            title.append(hint, style=p.muted)
        self.query_one("#evidence-title", Static).update(title)
        self.show_detail()

    def current(self) -> EvidenceRecord | None:
        return under_cursor(self.query_one("#evidence-table", DataTable), self.records)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "evidence-table":
            event.stop()
            self.action_show()

    def cursor_detail(self) -> RenderableType:
        """The passage in full under the table, each part's wrapped lines under its own first
        column (a hanging indent), never back at the left edge under its label."""
        p = ink()
        r = self.current()
        if r is None:
            return Text()
        head = Text(printable(f"{r.symbol}/{r.checkpoint_id}  "), style="bold")
        source = Text(printable(f"{r.document.label}  "), style=p.muted)
        matched = Text(printable(f"matched “{r.entry}”  {r.document.url}"), style=p.muted)
        parts = [
            fmt.hanging(head, fmt.plain(r.checkpoint_title)),
            fmt.hanging(source, Text(printable(r.document.title), style=p.muted)),
            fmt.hanging("  ", marked(r.passage, r.entry)),
            fmt.hanging("  ", stance_line(r)),
            fmt.hanging("  ", matched),
        ]
        return Group(*parts)

    def _need(self) -> EvidenceRecord | None:
        r = self.current()
        if r is None:
            self.notify("no passage selected", severity="warning", timeout=3)
        return r

    def action_show(self) -> None:
        self.post_about(self._need(), messages.ShowPassage)

    def action_mark(self) -> None:
        self.post_about(self._need(), messages.MarkFromPassage)

    def action_add_document(self) -> None:
        self.post_message(messages.AddDocument(self.symbol))

    def action_accept(self) -> None:
        self.post_about(self._need(), messages.AcceptPassage)

    def action_dismiss(self) -> None:
        if (r := self._need()) is not None:
            self.dismissed.append(r)
            self.post_message(messages.DismissPassage(r))
            self.refresh_bindings()  # u shows in the footer

    def action_undo_dismiss(self) -> None:
        if self.dismissed:
            self.post_message(messages.DismissPassage(self.dismissed.pop(), undo=True))
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """u only while there is a dismissal of this session to undo."""
        return bool(self.dismissed) if action == "undo_dismiss" else True
