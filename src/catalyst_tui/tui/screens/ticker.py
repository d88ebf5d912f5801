"""One ticker: its verdict at the top, its checkpoints (status, due, value against threshold, why,
evidence found), price chart, position and fundamentals, the thesis text, the evidence found in
filings and news, and its earnings releases. The panes are widgets, one row each in
widgets/ticker/panes.py, from which the screen takes its number keys, tabs, focus and the panes'
keys; the screen holds the ticker's page, the title line, and the intraday fetches the Chart pane
asks for."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static, TabbedContent

from ...text import printable
from ...thesis.staleness import stale_text
from ...thesis.verdict import reason_text
from ...thesis.vocabulary import VERDICT_STYLE
from ...views.sec_contact import sec_wait_text, waiting_for_sec
from .. import format as fmt
from ..palette import ink
from ..widgets.banner import ConfigBanner
from ..widgets.footer import KeyFooter
from ..widgets.ticker.chart_pane import ChartPane
from ..widgets.ticker.pane import PaneContext, TickerPane
from ..widgets.ticker.panes import PANES, Pane, tab_labels
from .fresh import FreshScreen
from .keys import pushed_screen_keys

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from ...session.workspace import Workspace
    from ...views.ticker import TickerDetail

# A pane's key, whichever pane has the focus: the pane that declares it, and its action.
_PANE_KEYS: dict[Binding, Pane] = {k: p for p in PANES for k in p.keys}
_BY_KEY: dict[str, tuple[Pane, str]] = {k.key: (p, k.action) for k, p in _PANE_KEYS.items()}
_REASONS_SHOWN = 3  # the verdict's reasons shown at the top, one a line (from _TALL lines)
_TALL = 30  # under it, the verdict and its worst reason share one line: the panes keep their room
_FOCUS = {p.id: p.focus for p in PANES}  # the widget each pane gives the focus to when shown


def _bindings() -> list[BindingType]:
    return pushed_screen_keys(
        *(Binding(p.key, f"pane({p.id!r})", p.title, show=False) for p in PANES),
        # Every pane's keys, hidden here: each pane shows its own while it has the focus.
        *(Binding(k.key, f"pane_key({k.key!r})", k.description, show=False) for k in _PANE_KEYS),
        Binding("t", "app.open_timeline", "Timeline", show=False),
        Binding("j", "note", "Note", show=False),
        Binding("r", "replay", "Replay", show=False),
    )


class TickerScreen(FreshScreen, Screen[None]):
    """Every key works on every pane (`m` goes to the Checkpoints pane first); the Footer shows
    the screen's own (back, quit, keys) and those of the pane shown."""

    CSS_PATH = Path(__file__).with_name("ticker.tcss")  # loaded when the first one opens

    BINDINGS = _bindings()

    def __init__(self, workspace: Workspace, symbol: str) -> None:
        super().__init__(id=f"ticker-{symbol.replace('.', '_').replace('^', '_')}")
        self.workspace = workspace
        self.symbol = symbol
        self.detail: TickerDetail | None = None
        self._fetching: set[str] = set()  # intraday spans being fetched
        context = PaneContext(
            symbol,
            workspace.today,
            lambda: workspace.config.settings.currency,
            self.action_pane,
        )
        self.panes: dict[str, TickerPane] = {
            p.id: p.widget(f"{p.key} {p.title}", context, id=p.id) for p in PANES
        }

    @property
    def chart(self) -> ChartPane:
        return self.query_one(ChartPane)

    def compose(self) -> ComposeResult:
        yield ConfigBanner()
        yield Static(id="ticker-title")
        yield Static(id="ticker-verdict")  # the thesis's verdict, and its reasons one a line
        yield Static(id="sec-notice")  # what waits for the SEC contact, while none is set
        with TabbedContent(id="panes", initial=PANES[0].id):
            yield from self.panes.values()
        yield KeyFooter()  # ctrl+p still opens it; ? says so

    def on_mount(self) -> None:
        self.reload()
        self.set_focus(self.query_one(PANES[0].focus))  # before the first frame (watchlist.py)
        # After each layout (the detail's height follows its text; a pane shown has its own).
        self.screen_layout_refresh_signal.subscribe(self, self._toasts_above_the_detail)

    def _toasts_above_the_detail(self, _screen: Screen[object]) -> None:
        """Toasts stand above the shown pane's detail (the highlighted row said whole: a
        checkpoint's why, source and notes), over the table's last rows, not over what the
        cursor chose; without a detail, above the footer, where Textual puts them."""
        tops = [
            w.region.y
            for w in self.query(Static)
            if (w.id or "").endswith("-detail") and w.region.height
        ]
        bottom = self.region.bottom - min(tops) if tops else 1
        for rack in self.query("ToastRack"):  # Textual's own, one a screen
            if rack.styles.margin.bottom != bottom:
                rack.styles.margin = (0, 0, bottom, 0)

    def reload(self) -> None:
        detail = self.workspace.ticker(self.symbol)
        if detail is None:
            self.app.pop_screen()
            return
        self.detail = detail
        self._show_title(detail)
        self._show_verdict(detail)
        self._show_sec_notice(detail)
        for pane in self.panes.values():
            pane.show(detail)

    def recolour(self) -> None:
        """The theme changed: the page shown again, in its colours (palette.py)."""
        self.reload()

    def _show_title(self, d: TickerDetail) -> None:
        p = ink()
        text = Text()
        text.append(printable(d.symbol), style="bold")
        text.append(printable(f"  {d.ticker.name} · {d.ticker.group}"), style=p.muted)
        row = d.row
        why = ""  # a quote asked for and not had: the provider's words, last on the line
        if row is None or row.price is None:
            if row is not None and row.error:  # asked, and told why not: said last
                why = printable(row.error)
            else:
                text.append("   no data yet: the first refresh fetches it (r)", style=p.muted)
        else:
            text.append(f"   {fmt.money(row.price)} ")
            if d.unit and not d.in_base:  # as the watchlist says it: 309.30 GBp
                text.append(f"{printable(d.unit)} ", style=p.muted)
            text.append_text(fmt.percent(row.change_pct))
            if row.ext_session and row.ext_price is not None:
                text.append(
                    f"   {row.ext_session}-market {fmt.money(row.ext_price)} ", style=p.muted
                )
                text.append_text(fmt.percent(row.ext_change_pct))
            if row.stale:
                stale = printable(row.error or "last refresh failed")
                text.append(f"   stale: {stale}", style=p.warning)
        if row is not None:
            text.append("   ")
            text.append_text(fmt.score(row.met, row.missed, row.pending))
            if row.flagged:
                text.append(f"  {fmt.FLAG} {row.flagged} flagged", style=p.alarm)
        if why:  # one line: what does not fit ends in … (catalyst status says it whole)
            text.append(f"   no quote: {why}", style=p.warning)
        self.query_one("#ticker-title", Static).update(text)

    def _show_verdict(self, d: TickerDetail) -> None:
        """The verdict, since when, and each reason on a line of its own; on a short terminal
        one line with the worst reason, kept whole: the coverage, then the other reasons'
        pointer, then the verdict's own day give way first."""
        review = d.review
        shown = self.query_one("#ticker-verdict", Static)
        shown.display = review is not None
        if review is None:
            return
        p = ink()
        verdict = review.verdict.verdict
        text = Text("Verdict: ", style=p.muted)
        text.append(str(verdict), style=f"bold {p.status(VERDICT_STYLE[verdict])}")
        since = Text()
        if review.since is not None:
            since.append(f" since {review.since.date().isoformat()}", style=p.muted)
        if review.stale is not None:  # judged from data that stopped coming
            since.append(f" — {stale_text(review.stale)}", style=p.warning)
        coverage = Text(f" · {review.verdict.coverage}", style=p.muted)
        reasons = review.verdict.reasons
        if reasons and self.size.height < _TALL:  # a short terminal: one line, the worst reason
            worst = Text(f" · {printable(reason_text(reasons[0]))}")
            more = [Text(), Text()]  # the other reasons: pointed to in full, or counted
            if len(reasons) > 1:
                count = f" (+{len(reasons) - 1} more"
                more = [Text(f"{count}: catalyst review {printable(d.symbol)})", p.muted)]
                more.append(Text(f"{count})", p.muted))
            room = self.size.width - 2 or 10**6  # the line's padding; unknown: all of it
            fits = [
                [since, coverage, worst, more[0]],
                [since, worst, more[0]],
                [since, worst, more[1]],
                [worst, more[1]],
            ]
            parts = next(
                (f for f in fits if text.cell_len + sum(t.cell_len for t in f) <= room), fits[-1]
            )
            for part in parts:
                text.append_text(part)
            reasons = ()
        else:
            text.append_text(since)
            text.append_text(coverage)
        for reason in reasons[:_REASONS_SHOWN]:
            text.append(f"\n  {printable(reason_text(reason))}")
        if len(reasons) > _REASONS_SHOWN:
            left = len(reasons) - _REASONS_SHOWN
            text.append(f"\n  … {left} more: catalyst review {printable(d.symbol)}", style=p.muted)
        for note in review.journal[:1]:  # the last note of its journal (j writes one)
            tags = f" ({note.tags})" if note.tags else ""
            said = f"\nLast note {note.ts.date().isoformat()}{tags}: "
            text.append(said, style=p.muted)
            text.append(printable(note.text))
        shown.update(text)

    def _show_sec_notice(self, d: TickerDetail) -> None:
        notice = self.query_one("#sec-notice", Static)
        wait = waiting_for_sec(d.checkpoints)
        notice.display = bool(wait) and not self.workspace.sec_contact
        if notice.display:
            said = sec_wait_text(wait, symbol=d.symbol) + " ctrl+p, SEC contact: set it."
            notice.update(fmt.plain(said, ink().warning))

    # -- actions ----------------------------------------------------------------------------------
    def action_replay(self) -> None:
        """The replay of this ticker's thesis (screens/replay.py)."""
        from .replay import ReplayScreen

        self.app.push_screen(ReplayScreen(self.workspace, self.symbol))

    def action_note(self) -> None:
        """A note in the ticker's journal, from a small form; the page shows it on save."""
        from .journal_form import JournalForm

        def saved(result: object) -> None:
            if result is not None:
                self.notify(f"{self.symbol}: noted in its journal", timeout=3)
                self.reload()

        self.app.push_screen(JournalForm(self.workspace, self.symbol), saved)

    def action_pane(self, pane: str) -> None:
        self.query_one("#panes", TabbedContent).active = pane
        self.query_one(_FOCUS[pane]).focus()

    async def action_pane_key(self, key: str) -> None:
        """A pane's key: its pane's action, whichever pane is shown."""
        pane, action = _BY_KEY[key]
        await self.panes[pane.id].run_action(action)

    def on_resize(self, event: events.Resize) -> None:
        self._fit_tabs(event.size.width)
        if self.detail is not None:  # the verdict's line fitted to the new width
            self._show_verdict(self.detail)

    def _fit_tabs(self, width: int) -> None:
        """The tabs' labels as fit in one row of `width` (panes.tab_labels): none is cut."""
        tabs = self.query_one("#panes", TabbedContent)
        for pane, label in tab_labels(width, tabs.active).items():
            tab = tabs.get_tab(pane)
            if tab.label_text != label:
                tab.label = label

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """A pane shown by a click on its tab: the focus goes into it, as with its number key."""
        if event.tabbed_content.id == "panes":
            self._fit_tabs(self.size.width)  # the shown pane's title whole
        pane = event.pane.id or ""
        # Only the pane still shown: a late message for one a number key has since left would
        # take the focus back into it, and the pane with it.
        shown = event.tabbed_content.active == pane
        if event.tabbed_content.id == "panes" and pane in _FOCUS and shown:
            target = self.query_one(_FOCUS[pane])
            if not (self.focused and target in self.focused.ancestors_with_self):
                target.focus()

    @on(ChartPane.IntradayWanted)
    def _intraday(self, event: ChartPane.IntradayWanted) -> None:
        """The stored bars at once; fresh ones fetched in a thread when due (views/intraday)."""
        chart = self.chart
        page = self.workspace.intraday(event.symbol, event.span)
        chart.show_intraday(page)
        if not page.due or event.span in self._fetching:
            return
        self._fetching.add(event.span)
        workspace, app = self.workspace, self.app

        def fetch() -> None:
            try:
                fetched = workspace.intraday_in_thread(event.symbol, event.span)
            finally:
                app.call_from_thread(lambda: self._fetching.discard(event.span))
            app.call_from_thread(lambda: chart.show_intraday(fetched))

        app.run_worker(fetch, name="the intraday chart", thread=True, exit_on_error=False)
