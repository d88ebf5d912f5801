"""Edits of catalysts.toml asked for by the screens: a form to open or a question to confirm,
the edit made, and its outcome said and shown. Every edit waits while the file is invalid, and
is made in a worker thread (the file's lock and the database's are waited for there)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on

from . import messages
from .base import NOTICE_SECONDS, CatalystBase

# The forms and the config writer (tomlkit) are imported where first used: at the top, they
# were part of the start-up's imports (bench/startup.py).
if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.screen import Screen

    from ..config.edits import PositionEntry
    from ..session.file_edits import EditOutcome
    from ..session.workspace import Workspace

    FormAsked = (
        messages.AddLot
        | messages.EditLot
        | messages.AddSell
        | messages.EditTicker
        | messages.AddCheckpoint
    )
    Asked = (
        messages.RemoveLot
        | messages.RemoveSell
        | messages.RemoveTicker
        | messages.ArchiveCheckpoint
        | messages.RewriteForSplit
    )


SEC_SKIPPED = (
    "SEC contact skipped: no SEC figures or filings until it is set. "
    "ctrl+p, SEC contact, opens the form again."
)


class EditHandlers(CatalystBase):
    """The app's handlers of the messages that edit catalysts.toml."""

    @on(messages.AddTicker)
    def _add_ticker(self) -> None:
        from .screens.ticker_form import TickerForm

        form = TickerForm(self.workspace, check_quotes=self.live)  # asks the providers first
        self._open_edit(form, lambda _added: self._fetch_now())

    @on(messages.AskSecContact)
    def _ask_sec_contact(self, message: messages.AskSecContact) -> None:
        """The SEC contact's form: asked once (saved or skipped, it is remembered); a saved
        contact fetches SEC's figures and filings at once, a skip says where the form is found
        again. The toast held for it shows once it is closed."""
        from .screens.edit_forms import SecContactForm

        def closed(outcome: object) -> None:
            self._edited(outcome)
            if outcome is None:
                self.notify(SEC_SKIPPED, timeout=NOTICE_SECONDS)
            else:
                self._fetch_now()
            if message.held:
                self.notify(message.held, timeout=NOTICE_SECONDS)

        self.workspace.remember(sec_contact_asked=True)
        if self._file_invalid():  # no form: the held toast shows now
            if message.held:
                self.notify(message.held, timeout=NOTICE_SECONDS)
            return
        self.push_screen(SecContactForm(self.workspace), closed)

    @on(messages.AddLot)
    @on(messages.EditLot)
    @on(messages.AddSell)
    @on(messages.EditTicker)
    @on(messages.AddCheckpoint)
    def _open_form(self, message: FormAsked) -> None:
        self._open_edit(_form(message, self.workspace))

    @on(messages.EditCheckpoint)
    def _edit_checkpoint(self, message: messages.EditCheckpoint) -> None:
        from .screens.edit_forms import CheckpointForm

        c = message.checkpoint
        ticker = self.workspace.config.tickers.get(c.symbol)
        was_kill = ticker is not None and any(k.id == c.id and k.kill for k in ticker.checkpoints)

        def ask_for_a_note(_outcome: object) -> None:
            """A kill criterion loosened: the journal's form, to say why (docs/thesis.md)."""
            from ..thesis.goalposts import move_text
            from .screens.journal_form import JournalForm

            moved = self.workspace.kill_loosened(c.symbol, c.id, was_kill)
            if moved is not None:
                why = f"Kill criterion loosened: {move_text(moved)}. Why?"
                self.push_screen(JournalForm(self.workspace, c.symbol, why=why))

        self._open_edit(CheckpointForm(self.workspace, c.symbol, c), ask_for_a_note)

    @on(messages.RemoveLot)
    @on(messages.RemoveSell)
    @on(messages.RemoveTicker)
    @on(messages.ArchiveCheckpoint)
    @on(messages.RewriteForSplit)
    def _ask_then_edit(self, message: Asked) -> None:
        self._confirm(*_question(message, self.workspace))

    # -- plumbing ------------------------------------------------------------------------------
    def _file_invalid(self) -> bool:
        """Edits of catalysts.toml wait while the file is invalid: one would be made on the
        last good version and write over the user's fixing. Says so when it is. Every edit
        asks it first, through `_open_edit` (a form) or `_confirm` (a question)."""
        if self.config_problem is None:
            return False
        self.notify(
            "catalysts.toml is invalid: fix it first (the banner says where)",
            severity="warning",
            timeout=5,
        )
        return True

    def _open_edit(self, form: Screen[Any], then: Callable[[object], None] | None = None) -> None:
        """A form that writes catalysts.toml; `then` runs after a save, with its outcome."""
        if self._file_invalid():
            return

        def done(outcome: object) -> None:
            self._edited(outcome)
            if outcome is not None and then is not None:
                then(outcome)

        self.push_screen(form, done)

    def _confirm(self, question: str, detail: str, edit: Callable[[], EditOutcome]) -> None:
        """An edit of catalysts.toml made once the user says yes to `question`."""
        from .screens.edit_forms import run_edit
        from .screens.forms import ConfirmScreen

        if self._file_invalid():
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            workspace = self.workspace
            self.save_in_thread("the change", lambda: run_edit(workspace, edit), self._confirmed)

        self.push_screen(ConfirmScreen(question, detail), answered)

    def _confirmed(self, done: EditOutcome | str) -> None:
        if isinstance(done, str):
            self.notify(done, severity="error", timeout=10)
        else:
            self._edited(done)

    def _edited(self, outcome: object) -> None:
        """An edit went through (a form dismissed with its outcome): say so, show it."""
        from ..session.file_edits import EditOutcome

        if not isinstance(outcome, EditOutcome):
            return  # cancelled
        self._follow_config()
        self.notify(
            outcome.message,
            severity="information" if outcome.written else "warning",
            timeout=4 if outcome.written else 12,
        )
        self.refresh_views()


def _question(message: Asked, workspace: Workspace) -> tuple[str, str, Callable[[], EditOutcome]]:
    """What an edit made once the user says yes asks (the question, then what follows) and the
    edit itself."""
    entry: PositionEntry
    match message:
        case messages.RemoveTicker(symbol=symbol):
            return (
                f"Remove {symbol} from catalysts.toml?",
                "Its table, lots and checkpoints leave the file; prices and history stay stored.",
                lambda: workspace.remove_ticker(symbol),
            )
        case messages.ArchiveCheckpoint(checkpoint=c):
            return (
                f"Archive {c.symbol}/{c.id}?",
                "It leaves catalysts.toml; its history stays in the database and on the timeline.",
                lambda: workspace.archive_checkpoint(c.symbol, c.id),
            )
        case messages.RewriteForSplit(rewrites=rewrites):
            lines = "\n".join(f"{r.symbol}/{r.checkpoint_id}: {r.old} → {r.new}" for r in rewrites)
            return (
                "Rewrite these thresholds on today's share basis?",
                f"{lines}\nThey then compare as written; the verdicts stay the same.",
                lambda: workspace.rewrite_for_splits(rewrites),
            )
        case messages.RemoveLot(symbol=symbol, index=index, entry=lot):
            entry = "lot"
            what = f"lot {index + 1} of {symbol} ({lot.shares:g} at {lot.cost:g})"
            then = "a sale it held makes the file invalid and is refused"
        case messages.RemoveSell(symbol=symbol, index=index, entry=sell):
            entry = "sale"
            what = f"the sale of {sell.shares:g} {symbol} on {sell.date.isoformat()}"
            then = "the shares it sold are held again"
    return (
        f"Remove {what}?",
        f"It leaves catalysts.toml; {then}.",
        lambda: workspace.remove_entry(symbol, entry, index),
    )


def _form(message: FormAsked, workspace: Workspace) -> Screen[Any]:
    """The form a message opens, on `workspace`."""
    from .screens import edit_forms as forms

    match message:
        case messages.AddLot(symbol=symbol):
            return forms.LotForm(workspace, symbol)
        case messages.EditLot(symbol=symbol, index=index, entry=lot):
            return forms.LotForm(workspace, symbol, lot, index)
        case messages.AddSell(symbol=symbol):
            return forms.SellForm(workspace, symbol)
        case messages.EditTicker(symbol=symbol):
            return forms.TickerEditForm(workspace, symbol)
        case messages.AddCheckpoint(symbol=symbol):
            return forms.CheckpointForm(workspace, symbol)
