"""The form of a new ticker: its symbol (taken in capitals), name, group and thesis, checked
as typed with the config's validator and, in a live session, asked of the quote providers
before it is written (jobs/symbol_check.py): a symbol none of them knows is said, and kept only
when the user says so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...jobs.symbol_check import SymbolCheck, check_symbol_in_thread
from .edit_forms import EditForm
from .forms import ConfirmScreen, Field

if TYPE_CHECKING:
    from ...session.file_edits import EditOutcome
    from ...session.workspace import Workspace


class TickerForm(EditForm):
    """A new ticker. With `check_quotes` (a live session) its symbol is asked of the quote
    providers before it is written (jobs/symbol_check.py, in a thread): one no provider knows,
    or that could not be checked, is said, and kept only when the user says so."""

    FORM = "ticker"

    def __init__(self, workspace: Workspace, *, check_quotes: bool = False) -> None:
        self.check_quotes = check_quotes
        self._kept = ""  # the symbol a provider knows, or the user kept: written on save
        self._checking = False
        fields = [
            Field("symbol", "Symbol", placeholder="e.g. CRDO, BRK.B, ^GSPC"),
            Field("name", "Name", placeholder="optional: defaults to the symbol"),
            Field("group", "Group (a tab)", placeholder="optional: defaults to watchlist"),
            Field("thesis", "Thesis", kind="text"),
        ]
        super().__init__(workspace, "Add a ticker", fields, form_id="ticker-form")

    def values(self) -> dict[str, str]:
        """The symbol as exchanges write it: `aapl` is AAPL."""
        out = super().values()
        out["symbol"] = out["symbol"].strip().upper()
        return out

    def field_errors(self, values: dict[str, str]) -> dict[str, str]:
        return self.workspace.field_errors(
            "ticker", values, existing_symbols=self.workspace.symbols()
        )

    def edit(self, values: dict[str, str]) -> EditOutcome:
        return self.workspace.add_ticker(values)

    def action_save(self) -> None:
        symbol = self.values()["symbol"]
        if not self.check_quotes or symbol == self._kept or self.validate_fields(show_all=True):
            super().action_save()  # written, or the form's errors shown
            return
        if self._checking:
            return
        self._checking = True
        self._say(f"checking {symbol} with the quote providers…")
        workspace, app = self.workspace, self.app

        def check() -> None:
            try:
                found = check_symbol_in_thread(
                    workspace.config, workspace.store.path, symbol, now=workspace.clock
                )
            except Exception as exc:  # said in the question; the user can still keep it
                found = SymbolCheck(symbol, asked=("?",), failure=f"could not ask: {exc}")
            app.call_from_thread(self._checked, found)

        app.run_worker(check, name="the symbol check", thread=True, exit_on_error=False)

    def _checked(self, found: SymbolCheck) -> None:
        """The providers' answer: a known symbol is written; another is asked about."""
        self._checking = False
        if not self.is_attached:  # the form was cancelled meanwhile
            return
        symbol = found.symbol
        if found.known:
            self._kept = symbol
            self._say("")
            super().action_save()
            return
        if found.unknown:
            question = f"No quote provider knows {symbol}: keep it anyway?"
        else:
            question = f"{symbol} could not be checked: keep it anyway?"
        said = f"{symbol}: {found.why}"
        detail = f"{said}\ny keeps it (its row will say it has no quote); n goes back to the form."

        def answered(keep: bool | None) -> None:
            if keep:
                self._kept = symbol
                super(TickerForm, self).action_save()
            else:
                self._say(said)
                self.query_one("#field-symbol").focus()

        self.app.push_screen(ConfirmScreen(question, detail), answered)
