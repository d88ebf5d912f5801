"""The forms that edit the thesis, each declaring its own fields: a ticker's name, group and
thesis (a new ticker's form is ticker_form.py), a lot, a sale, a checkpoint (new or edited), and
a mark by hand. Each validates as you type with the config's validator (through the workspace)
and dismisses with the outcome of its edit; nothing typed is lost when an edit is refused."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ...config import ConfigError
from ...thesis.awaiting import AT_DUE
from ...thesis.kinds import KINDS, allowing
from ...thesis.vocabulary import KIND_NAMES, STATUSES
from .forms import Field, FormScreen

if TYPE_CHECKING:
    from collections.abc import Callable

    from ...config.model import Checkpoint
    from ...session.file_edits import EditOutcome
    from ...session.workspace import Workspace
    from ...store.records import CheckpointRecord
    from ...thesis.portfolio.positions import Lot


def run_edit(workspace: Workspace, edit: Callable[[], EditOutcome]) -> EditOutcome | str:
    """Run an edit: its outcome, or what to tell the user when the file would not take it."""
    from ...config.write import EditError

    try:
        return edit()
    except ConfigError as exc:
        lines = [str(issue) for issue in exc.issues[:5]]
        return "catalysts.toml would not be valid:\n" + "\n".join(lines)
    except EditError as exc:
        return str(exc)
    except OSError as exc:
        return f"could not read {workspace.config.path}: {exc.strerror or exc}"


class EditForm(FormScreen):
    """A form whose save is an edit of catalysts.toml; dismissed with the EditOutcome."""

    FORM = ""  # which of config.forms.FORMS its fields are
    SAVE_IN_THREAD = True  # the file's lock and the database's are waited for off the loop

    def __init__(
        self, workspace: Workspace, title: str, fields: list[Field], **options: Any
    ) -> None:
        super().__init__(title, fields, check=self.field_errors, submit=self.save, **options)
        self.workspace = workspace
        self.outcome: EditOutcome | None = None

    def field_errors(self, values: dict[str, str]) -> dict[str, str]:
        return self.workspace.field_errors(self.FORM, values)

    def edit(self, values: dict[str, str]) -> EditOutcome:
        raise NotImplementedError

    def save(self, values: dict[str, str]) -> str | None:
        done = run_edit(self.workspace, lambda: self.edit(values))
        if isinstance(done, str):
            return done
        self.outcome = done
        return None

    def result(self) -> EditOutcome | None:
        return self.outcome


class LotForm(EditForm):
    """A new lot of `symbol`, or the edit of its lot number `index` (0-based, file order), as
    written in the file (cost on the share basis of its date)."""

    FORM = "lot"

    def __init__(
        self, workspace: Workspace, symbol: str, lot: Lot | None = None, index: int | None = None
    ) -> None:
        fields = [
            Field("shares", "Shares", f"{lot.shares:g}" if lot else "", "e.g. 25"),
            Field("cost", "Cost per share", f"{lot.cost:g}" if lot else "", "e.g. 118.50"),
            Field(
                "date",
                "Date",
                lot.date.isoformat() if lot and lot.date else "",
                "optional: YYYY-MM-DD (needed to place it around a split)",
            ),
            Field("note", "Note", lot.note if lot else "", "optional"),
            Field(
                "fx",
                "Rate paid",
                f"{lot.fx:g}" if lot and lot.fx else "",
                "optional: base currency per unit of the listing's, e.g. 1.27",
            ),
            Field(
                "fees",
                "Fees",
                f"{lot.fees:g}" if lot and lot.fees else "",
                "optional: in all, part of the cost",
            ),
        ]
        title = f"Add a lot of {symbol}" if index is None else f"Lot {index + 1} of {symbol}"
        super().__init__(workspace, title, fields, form_id="lot-form")
        self.symbol = symbol
        self.index = index

    def field_errors(self, values: dict[str, str]) -> dict[str, str]:
        return self.workspace.field_errors("lot", values, symbol=self.symbol)

    def edit(self, values: dict[str, str]) -> EditOutcome:
        if self.index is None:
            return self.workspace.add_lot(self.symbol, values)
        return self.workspace.update_lot(self.symbol, self.index, values)


class SellForm(EditForm):
    """A sale of `symbol`, checked as typed against its lots and earlier sales (first-in
    first-out: no more than is held on the sale's day)."""

    FORM = "sell"

    def __init__(self, workspace: Workspace, symbol: str) -> None:
        fields = [
            Field("shares", "Shares sold", "", "e.g. 10"),
            Field("price", "Price per share", "", "in the listing's unit, e.g. 171.20"),
            Field("date", "Date", workspace.today().isoformat(), "YYYY-MM-DD"),  # the app's today
            Field("fees", "Fees", "", "optional: in all"),
            Field("note", "Note", "", "optional"),
        ]
        super().__init__(workspace, f"Record a sale of {symbol}", fields, form_id="sell-form")
        self.symbol = symbol

    def field_errors(self, values: dict[str, str]) -> dict[str, str]:
        ticker = self.workspace.config.tickers.get(self.symbol)
        return self.workspace.field_errors(
            "sell",
            values,
            symbol=self.symbol,
            held=ticker.lots if ticker else (),
            sold=ticker.sells if ticker else (),
        )

    def edit(self, values: dict[str, str]) -> EditOutcome:
        return self.workspace.add_sell(self.symbol, values)


class TickerEditForm(EditForm):
    """A ticker's name, group and thesis, as written in the file."""

    FORM = "ticker"

    def __init__(self, workspace: Workspace, symbol: str) -> None:
        ticker = workspace.config.tickers.get(symbol)
        fields = [
            Field("name", "Name", ticker.name if ticker else "", "defaults to the symbol"),
            Field("group", "Group (a tab)", ticker.group if ticker else "", "e.g. optics"),
            Field("thesis", "Thesis", ticker.thesis if ticker else "", kind="text"),
        ]
        super().__init__(workspace, f"Edit {symbol}", fields, form_id="ticker-edit-form")
        self.symbol = symbol

    def field_errors(self, values: dict[str, str]) -> dict[str, str]:
        return self.workspace.field_errors("ticker", values, symbol=self.symbol)

    def edit(self, values: dict[str, str]) -> EditOutcome:
        return self.workspace.update_ticker(self.symbol, values)


class SecContactForm(EditForm):
    """The contact SEC EDGAR asks for (providers.sec.user_agent): why, a name and an e-mail
    address checked as typed, saved into catalysts.toml, or skipped."""

    FORM = "sec"

    def __init__(self, workspace: Workspace) -> None:
        from ...views.sec_contact import WHY_CONTACT

        current = workspace.sec_contact or ""
        fields = [Field("user_agent", "Name and e-mail", current, "Jane Doe jane@example.com")]
        super().__init__(
            workspace,
            "Your contact for SEC EDGAR",
            fields,
            note=WHY_CONTACT,
            form_id="sec-form",
            cancel="Skip",
        )

    def edit(self, values: dict[str, str]) -> EditOutcome:
        return self.workspace.set_sec_contact(values["user_agent"])


class CheckpointForm(EditForm):
    """A new checkpoint of `symbol`, or the edit of `checkpoint`."""

    FORM = "checkpoint"

    def __init__(
        self, workspace: Workspace, symbol: str, checkpoint: CheckpointRecord | None = None
    ) -> None:
        c = checkpoint

        def value(text: object) -> str:
            return "" if text is None else str(text)

        condition = c.condition.text if c and c.condition else ""
        kinds = KIND_NAMES
        written = _in_file(workspace, symbol, c.id if c else None)
        confidence = written.confidence if written is not None else None
        fields = [
            Field("id", "Id", value(c and c.id), "lowercase, digits, - and _: e.g. npo-ships"),
            Field("title", "Title", value(c and c.title)),
            Field("kind", "Kind", value(c and c.kind) or kinds[0], kind="select", options=kinds),
            Field("due", "Due", value(c and c.due), "YYYY-MM-DD"),
            Field("when", "When", condition, "gross_margin >= 70%"),
            Field("until", "Until (optional)", value(c and c.until), "YYYY-MM-DD"),
            Field("period_end", "Period end (optional)", value(c and c.period_end), "YYYY-MM-DD"),
            Field("source", "Source", value(c and c.source), "optional: where it comes from"),
            Field(
                "confidence",
                "Confidence (optional)",
                "" if confidence is None else f"{confidence:g}",
                "how likely it is met: 0.7 for 70%",
            ),
            Field(
                "judged",
                "Judged past due",
                _judged(workspace, symbol, c.id if c else None),
                kind="select",
                options=JUDGED_CHOICES,
            ),
            Field("notes", "Notes", value(c and c.notes), kind="text"),
            Field(
                "evidence",
                "Evidence entries (one per line)",
                "\n".join(c.evidence) if c else "",
                "Scorpio largest",
                kind="text",
            ),
        ]
        fields = [replace(f, for_kinds=_kinds_allowing(f.name)) for f in fields]
        if c is None:
            title, note = f"New checkpoint for {symbol}", ""
        else:
            title = f"Edit {symbol}/{c.id}"
            note = "A changed id starts a new checkpoint; the old one is archived with its history."
        super().__init__(workspace, title, fields, note=note, form_id="checkpoint-form")
        self.symbol = symbol
        self.editing = c.id if c else None

    def field_errors(self, values: dict[str, str]) -> dict[str, str]:
        return self.workspace.field_errors(
            "checkpoint",
            values,
            symbol=self.symbol,
            existing_ids=self.workspace.checkpoint_ids(self.symbol),
            editing_id=self.editing,
        )

    def edit(self, values: dict[str, str]) -> EditOutcome:
        values = dict(values)
        if values.get("judged") == BY_REPORT:  # the default is the key left out of the file
            was = _judged(self.workspace, self.symbol, self.editing)
            if was == BY_REPORT:  # as it was: the file's text left alone
                del values["judged"]
            else:  # from "at due": the key removed
                values["judged"] = ""
        if self.editing is None:
            return self.workspace.add_checkpoint(self.symbol, values)
        return self.workspace.update_checkpoint(self.symbol, self.editing, values)


BY_REPORT = "by report"
#: The judged field's choices, the default first: settled by its quarter's report, or by its
#: date alone (thesis/awaiting.py; docs/thesis.md, Milestones settled by their report).
JUDGED_CHOICES = (BY_REPORT, AT_DUE)


def _judged(workspace: Workspace, symbol: str, checkpoint_id: str | None) -> str:
    """How the file says the checkpoint is judged: "at due", or "by report" (the default, for a
    new one too)."""
    found = _in_file(workspace, symbol, checkpoint_id)
    return AT_DUE if found is not None and found.judged == AT_DUE else BY_REPORT


def _in_file(workspace: Workspace, symbol: str, checkpoint_id: str | None) -> Checkpoint | None:
    """The checkpoint as catalysts.toml writes it (None: a new one, or not in the file)."""
    ticker = workspace.config.tickers.get(symbol)
    if ticker is None or checkpoint_id is None:
        return None
    return next((c for c in ticker.checkpoints if c.id == checkpoint_id), None)


def _kinds_allowing(key: str) -> tuple[str, ...]:
    """The kinds a checkpoint field shows for: those whose row in thesis/kinds.py allows its key
    (() when all do: the field always shows)."""
    kinds = allowing(key)
    return () if len(kinds) == len(KINDS) else tuple(str(kind) for kind in kinds)


class MarkForm(FormScreen):
    """Met or missed by hand (frozen until reopened), or pending to reopen it; dismissed with
    what was done, for the user."""

    SAVE_IN_THREAD = True  # the database's lock is waited for off the loop

    def __init__(
        self,
        workspace: Workspace,
        checkpoint: CheckpointRecord,
        *,
        note: str | None = None,
        status: str | None = None,
    ) -> None:
        """The form starts from the checkpoint as it stands, its status and the note of its
        mark; `note` and `status`: what they start as instead (a mark from a passage)."""
        c = checkpoint
        fields = [
            Field("status", "New status", status or c.status, kind="select", options=STATUSES),
            Field(
                "note",
                "Note (why)",
                c.manual_note if note is None else note,
                placeholder="e.g. Q4 call: NPO shipping",
            ),
        ]
        super().__init__(
            f"Mark {c.symbol}/{c.id}",
            fields,
            check=lambda _values: {},
            submit=self.save,
            note=f"{c.title}. Met or missed freezes it; pending reopens it to evaluation.",
            form_id="mark-form",
        )
        self.workspace = workspace
        self.checkpoint = c
        self.message = ""

    def save(self, values: dict[str, str]) -> str | None:
        c = self.checkpoint
        self.message = self.workspace.mark(c.symbol, c.id, values["status"], values["note"])
        return None

    def result(self) -> str:
        return self.message
