"""One ticker: its checkpoints (status, due, value against threshold, why, evidence found),
price chart, position and fundamentals, the thesis text, the evidence found in filings and
news, and its earnings releases. The panes are widgets (widgets/ticker/, widgets/evidence.py);
the screen holds the ticker's page, its keys, and the title line."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static, TabbedContent, TabPane

from ...store.records import CheckpointRecord
from ...text import printable
from ...thesis.positions import Lot
from ...views.sec_contact import sec_wait_text, waiting_for_sec
from ...views.ticker import TickerDetail
from ...views.workspace import Workspace
from .. import format as fmt
from .. import messages
from ..widgets.banner import ConfigBanner
from ..widgets.evidence import EvidencePane
from ..widgets.ticker.chart_pane import ChartPane
from ..widgets.ticker.checkpoints import CheckpointsPane
from ..widgets.ticker.keys import screen_bindings
from ..widgets.ticker.position import PositionPane
from ..widgets.ticker.results import ResultsPane
from ..widgets.ticker.thesis import ThesisPane

# The widget each pane gives the focus to when shown: the pane's own keys (its BINDINGS) show in
# the Footer while the focus is in it.
PANE_FOCUS = {
    "checkpoints": "#checkpoint-table",
    "chart": "#ranges",
    "position": "#position-scroll",
    "thesis": "#thesis-scroll",
    "evidence": "#evidence-table",
    "results": "#results-table",
}


class TickerScreen(Screen[None]):
    """Every key works on every pane (`m` goes to the Checkpoints pane first); the Footer shows
    the screen's own (back, quit, keys) and those of the pane shown."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("q", "app.quit", "Quit"),
        Binding("1", "pane('checkpoints')", "Checkpoints", show=False),
        Binding("2", "pane('chart')", "Chart", show=False),
        Binding("3", "pane('position')", "Position", show=False),
        Binding("4", "pane('thesis')", "Thesis", show=False),
        Binding("5", "pane('evidence')", "Evidence", show=False),
        Binding("6", "pane('results')", "Results", show=False),
        *screen_bindings(),  # the keys of one pane (widgets/ticker/keys.py)
        Binding("t", "app.open_timeline", "Timeline", show=False),
        Binding("r", "app.refresh_now", "Refresh", show=False),
        Binding("question_mark", "app.keys", "Keys"),
    ]

    def __init__(self, workspace: Workspace, symbol: str) -> None:
        super().__init__(id=f"ticker-{symbol.replace('.', '_').replace('^', '_')}")
        self.workspace = workspace
        self.symbol = symbol
        self.detail: TickerDetail | None = None
        self._fetching: set[str] = set()  # intraday spans being fetched
        today = workspace.today
        self.checkpoints = CheckpointsPane("1 Checkpoints", today, id="checkpoints")
        self.chart = ChartPane("2 Chart", symbol, today, id="chart")
        self.position = PositionPane("3 Position", today, id="position")
        self.thesis = ThesisPane("4 Thesis", id="thesis")
        self.results = ResultsPane("6 Results", id="results")

    def compose(self) -> ComposeResult:
        yield ConfigBanner()
        yield Static(id="ticker-title")
        yield Static(id="sec-notice")  # what waits for the SEC contact, while none is set
        with TabbedContent(id="panes", initial="checkpoints"):
            yield self.checkpoints
            yield self.chart
            yield self.position
            yield self.thesis
            with TabPane("5 Evidence", id="evidence"):
                yield EvidencePane(id="evidence-pane")
            yield self.results
        yield Footer(show_command_palette=False)  # ctrl+p still opens it; ? says so

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#checkpoint-table", DataTable).focus()

    def reload(self) -> None:
        detail = self.workspace.ticker(self.symbol)
        if detail is None:
            self.app.pop_screen()
            return
        self.detail = detail
        self._show_title(detail)
        self._show_sec_notice(detail)
        self.checkpoints.show(detail.checkpoints, detail.evidence)
        self.chart.show(detail.history)
        self.position.show(detail, self.workspace.config.settings.currency)
        reading = any(c.evidence for c in detail.checkpoints)
        self.query_one(EvidencePane).show(detail.evidence, detail.symbol, reading=reading)
        self.thesis.show(detail.symbol, detail.ticker.thesis)
        self.results.show(detail.results)

    def _show_title(self, d: TickerDetail) -> None:
        text = Text()
        text.append(printable(d.symbol), style="bold")
        text.append(printable(f"  {d.ticker.name} · {d.ticker.group}"), style="dim")
        row = d.row
        if row is None or row.price is None:
            if row is not None and row.error:  # asked, and told why not
                text.append(f"   no quote: {printable(row.error)}", style="yellow")
            else:
                text.append("   no data yet: the first refresh fetches it (r)", style="dim")
        else:
            text.append(f"   {fmt.money(row.price)} ")
            text.append_text(fmt.percent(row.change_pct))
            if row.ext_session and row.ext_price is not None:
                text.append(f"   {row.ext_session}-market {fmt.money(row.ext_price)} ", style="dim")
                text.append_text(fmt.percent(row.ext_change_pct))
            if row.stale:
                stale = printable(row.error or "last refresh failed")
                text.append(f"   stale: {stale}", style="yellow")
        if row is not None:
            text.append("   ")
            text.append_text(fmt.score(row.met, row.missed, row.pending))
            if row.flagged:
                text.append(f"  {fmt.FLAG} {row.flagged} flagged", style="bold red")
        self.query_one("#ticker-title", Static).update(text)

    def _show_sec_notice(self, d: TickerDetail) -> None:
        notice = self.query_one("#sec-notice", Static)
        wait = waiting_for_sec(d.checkpoints)
        notice.display = bool(wait) and not self.workspace.sec_contact
        if notice.display:
            said = sec_wait_text(wait, symbol=d.symbol) + " ctrl+p, SEC contact: set it."
            notice.update(fmt.plain(said, "yellow"))

    def current_checkpoint(self) -> CheckpointRecord | None:
        return self.checkpoints.current_checkpoint()

    # -- actions ----------------------------------------------------------------------------------
    def action_pane(self, pane: str) -> None:
        self.query_one("#panes", TabbedContent).active = pane
        self.query_one(PANE_FOCUS[pane]).focus()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """A pane shown by a click on its tab: the focus goes into it, as with its number key."""
        pane = event.pane.id or ""
        if event.tabbed_content.id == "panes" and pane in PANE_FOCUS:
            target = self.query_one(PANE_FOCUS[pane])
            if not (self.focused and target in self.focused.ancestors_with_self):
                target.focus()

    @on(ChartPane.IntradayWanted)
    def _intraday(self, event: ChartPane.IntradayWanted) -> None:
        """The stored bars at once; fresh ones fetched in a thread when due (views/intraday)."""
        page = self.workspace.intraday(event.symbol, event.span)
        self.chart.show_intraday(page)
        if not page.due or event.span in self._fetching:
            return
        self._fetching.add(event.span)
        workspace, app = self.workspace, self.app

        def fetch() -> None:
            try:
                fetched = workspace.intraday_in_thread(event.symbol, event.span)
            finally:
                app.call_from_thread(lambda: self._fetching.discard(event.span))
            app.call_from_thread(lambda: self.chart.show_intraday(fetched))

        app.run_worker(fetch, name="the intraday chart", thread=True, exit_on_error=False)

    def action_range(self, step: int) -> None:
        self.query_one("#panes", TabbedContent).active = "chart"
        self.chart.step_range(step)

    def _need_checkpoint(self) -> CheckpointRecord | None:
        self.action_pane("checkpoints")
        c = self.current_checkpoint()
        if c is None:
            self.notify("no checkpoint selected", severity="warning")
        return c

    def action_mark(self) -> None:
        c = self._need_checkpoint()
        if c is not None:
            self.post_message(messages.MarkCheckpoint(c))

    def action_add_checkpoint(self) -> None:
        self.post_message(messages.AddCheckpoint(self.symbol))

    def action_edit_checkpoint(self) -> None:
        """e edits what the pane shows: a lot on the Position pane, else a checkpoint."""
        if self.query_one("#panes", TabbedContent).active == "position":
            self.action_edit_lot()
            return
        c = self._need_checkpoint()
        if c is not None:
            self.post_message(messages.EditCheckpoint(c))

    def action_archive_checkpoint(self) -> None:
        c = self._need_checkpoint()
        if c is not None:
            self.post_message(messages.ArchiveCheckpoint(c))

    def action_add_lot(self) -> None:
        self.post_message(messages.AddLot(self.symbol))

    def action_edit_lot(self) -> None:
        """The lot under the lots table's cursor when it has focus, else the first lot a split
        leaves uncertain, else the first lot."""
        found = self._chosen_lot()
        if found is not None:
            self.post_message(messages.EditLot(self.symbol, *found))

    def action_remove_lot(self) -> None:
        found = self._chosen_lot()
        if found is not None:
            self.post_message(messages.RemoveLot(self.symbol, *found))

    def _chosen_lot(self) -> tuple[int, Lot] | None:
        found = self.position.chosen_lot(self.detail) if self.detail else None
        if found is None:
            self.notify(f"{self.symbol} has no lots: l adds one", severity="warning", timeout=3)
        return found

    def action_sell(self) -> None:
        self.post_message(messages.AddSell(self.symbol))

    def action_remove_sell(self) -> None:
        """The last sale in the file (the one most likely just recorded by mistake)."""
        sells = self.detail.sells if self.detail else ()
        if not sells:
            self.notify(f"{self.symbol} has no sales: s records one", severity="warning", timeout=3)
            return
        self.post_message(messages.RemoveSell(self.symbol, len(sells) - 1, sells[-1]))

    def action_edit_ticker(self) -> None:
        self.post_message(messages.EditTicker(self.symbol))

    def action_acknowledge(self) -> None:
        c = self.current_checkpoint()
        if c is not None and c.flagged:
            self.post_message(messages.Acknowledge([(c.symbol, c.id)]))
        else:
            self.post_message(messages.AcknowledgeTicker(self.symbol))
