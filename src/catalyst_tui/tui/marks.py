"""Marks and flags asked for by the screens: acknowledging flags, marking a checkpoint by hand
(from its row or from a passage of evidence), showing, accepting or dismissing a passage or a
KPI statement read from words, and adding a document the user brings to a ticker's evidence
(read in a thread: jobs/documents.py). Each save runs in a worker thread (`save_in_thread`):
the loop never waits for the database."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on

from ..text import counted
from ..thesis.vocabulary import Status
from . import messages
from .base import CatalystBase

if TYPE_CHECKING:
    from collections.abc import Callable


class MarkHandlers(CatalystBase):
    """The app's handlers of the messages that judge checkpoints and their evidence."""

    @on(messages.Acknowledge)
    def _acknowledge(self, message: messages.Acknowledge) -> None:
        targets = message.targets
        what = "every flag" if targets is None else ", ".join(f"{s}/{c}" for s, c in targets)

        def acknowledged(cleared: int) -> None:
            if cleared:
                self.notify(f"acknowledged {what}", timeout=3)
            else:
                self.notify("nothing to acknowledge", timeout=3)
            self.refresh_views()

        workspace = self.workspace
        self.save_in_thread(
            f"the acknowledgement of {what}", lambda: workspace.acknowledge(targets), acknowledged
        )

    @on(messages.AcknowledgeTicker)
    def _acknowledge_ticker(self, message: messages.AcknowledgeTicker) -> None:
        targets = self.workspace.flagged(message.symbol)
        if not targets:
            self.notify(f"{message.symbol} has no flags", timeout=3)
            return
        self.post_message(messages.Acknowledge(targets))

    @on(messages.MarkCheckpoint)
    def _mark_checkpoint(self, message: messages.MarkCheckpoint) -> None:
        from .screens.edit_forms import MarkForm

        c = message.checkpoint  # as it stands now: a row shown may predate the last mark
        c = self.workspace.checkpoint(c.symbol, c.id) or c
        self.push_screen(MarkForm(self.workspace, c), self._marked)

    def _marked(self, done: object) -> None:
        if isinstance(done, str) and done:
            self.notify(done, timeout=4)
            self.refresh_views()

    @on(messages.ShowPassage)
    def _show_passage(self, message: messages.ShowPassage) -> None:
        from .screens.passage import PassageScreen

        self.push_screen(PassageScreen(self.workspace, message.record))

    @on(messages.MarkFromPassage)
    def _mark_from_passage(self, message: messages.MarkFromPassage) -> None:
        from .screens.edit_forms import MarkForm
        from .widgets.ticker.evidence import mark_note

        r = message.record
        checkpoint = self.workspace.checkpoint(r.symbol, r.checkpoint_id)
        if checkpoint is None:
            self.notify(f"{r.symbol}/{r.checkpoint_id} is no longer in the thesis", timeout=4)
            return
        # A passage is evidence the checkpoint is met: the form proposes it, a mark kept as is.
        status = Status.MET if checkpoint.status == Status.PENDING else None
        form = MarkForm(self.workspace, checkpoint, note=mark_note(r), status=status)
        self.push_screen(form, self._marked)

    @on(messages.DismissPassage)
    def _dismiss_passage(self, message: messages.DismissPassage) -> None:
        record, undo, workspace = message.marked, message.undo, self.workspace
        self._decide(
            lambda: workspace.dismiss_passage(record, undo=undo),
            undo,
            ("the passage's dismissal", "dismissed: not shown again (u brings it back)"),
            ("bringing back the passage", "brought back: the passage is shown again"),
        )

    @on(messages.AcceptPassage)
    def _accept_passage(self, message: messages.AcceptPassage) -> None:
        record, workspace = message.record, self.workspace
        self._decide(
            lambda: workspace.accept_passage(record),
            record.decision == "accepted",
            (
                "the passage's acceptance",
                "accepted: its stance counts in the verdict (y takes it back)",
            ),
            ("taking back the acceptance", "acceptance taken back: its stance no longer counts"),
        )

    @on(messages.AcceptKpi)
    def _accept_kpi(self, message: messages.AcceptKpi) -> None:
        stated, workspace = message.stated, self.workspace
        back = stated.decision == "accepted"
        self._decide(
            lambda: workspace.decide_kpi(stated, "reset" if back else "accept"),
            back,
            (
                "the statement's confirmation",
                "confirmed: the statement counts as said; a kill criterion it missed breaks the"
                " thesis (y takes it back)",
            ),
            (
                "taking back the confirmation",
                "confirmation taken back: the statement awaits your word",
            ),
            seconds=4,
        )

    @on(messages.DismissKpi)
    def _dismiss_kpi(self, message: messages.DismissKpi) -> None:
        stated, undo, workspace = message.marked, message.undo, self.workspace
        self._decide(
            lambda: workspace.decide_kpi(stated, "reset" if undo else "dismiss"),
            undo,
            (
                "the statement's dismissal",
                "dismissed: the statement judges nothing, now or later (u brings it back)",
            ),
            ("bringing back the statement", "brought back: the statement counts again"),
            seconds=4,
        )

    def _decide(
        self,
        save: Callable[[], bool],
        back: bool,
        made: tuple[str, str],
        taken_back: tuple[str, str],
        *,
        seconds: float = 3,
    ) -> None:
        """The user's word on a passage or a KPI statement saved off the loop, or taken back
        (`back`): `made` and `taken_back` each name the save (in a refusal's toast) and say what
        it did once saved (a decision made, shown `seconds`); then every view reads again, as
        the verdict, on the watchlist too, and the checkpoints judged may change."""
        what, said = taken_back if back else made

        def done(changed: bool) -> None:
            if changed:
                self.notify(said, timeout=3 if back else seconds)
            self.refresh_views()

        self.save_in_thread(what, save, done)

    @on(messages.AddDocument)
    def _add_document(self, message: messages.AddDocument) -> None:
        from .screens.document_form import DocumentForm

        self.push_screen(DocumentForm(message.symbol), self._document_wanted)

    def _document_wanted(self, wanted: object) -> None:
        from ..jobs.documents import DocumentProblem, add_document_at
        from .screens.document_form import DocumentWanted

        if not isinstance(wanted, DocumentWanted):
            return
        workspace = self.workspace
        db, config, now = workspace.store.path, workspace.config, workspace.now()

        def read() -> None:
            try:
                added = add_document_at(
                    db,
                    config,
                    wanted.symbol,
                    wanted.where,
                    now,
                    day=wanted.day,
                    title=wanted.title or None,
                )
            except DocumentProblem as why:
                self.call_from_thread(self.notify, str(why), severity="error", timeout=8)
                return
            how = "added" if added.new else "already added"
            said = (
                f"{wanted.symbol}: {how} {added.kind} “{added.title}”: "
                f"{counted(len(added.passages), 'passage')} match its evidence entries"
            )
            self.call_from_thread(self.notify, said, timeout=6)
            self.call_from_thread(self.refresh_views, skip_watchlist=True)

        self.notify(f"reading {wanted.where}…", timeout=3)
        self.run_worker(read, name="the document", thread=True, exit_on_error=False)
