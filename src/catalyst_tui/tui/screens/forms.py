"""The modal form that validates as you type (the edit forms in edit_forms.py declare their
fields on it), a yes/no confirmation, and the list of keys."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from ...text import printable
from .. import format as fmt
from ..palette import ink
from .fresh import FreshScreen

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.widget import Widget

Check = Callable[[dict[str, str]], dict[str, str]]
Submit = Callable[[dict[str, str]], str | None]


# The modal screens' rules (this module's and screens/passage.py's), loaded when the first one
# opens; a rule of a modal screen node itself stays in app.tcss.
MODAL_CSS = Path(__file__).with_name("forms.tcss")
# The most rows a form's fields take before they scroll (forms.tcss says it of #form-fields);
# fewer where the screen is shorter (FormScreen._fit).
_FIELDS_HEIGHT = 18


@dataclass(frozen=True)
class Field:
    """One field of a form: its name, label, value and kind of input."""

    name: str
    label: str
    value: str = ""
    placeholder: str = ""
    kind: str = "input"  # input, text (several lines) or select
    options: tuple[str, ...] = ()
    # Shown only while the form's `kind` field is one of these (empty: always). A hidden field
    # is saved empty: what applies to a guard is not written for a milestone.
    for_kinds: tuple[str, ...] = ()


class FormScreen(FreshScreen, ModalScreen[object]):
    """Fields, each with its inline message. `check(values)` returns {field: message} and runs
    on every change; `submit(values)` runs on save and returns None when done, else a message
    shown above the buttons (the form stays open, nothing typed is lost). Dismissed with
    `result()` after a save, None when cancelled; a cancel (esc) that would lose what was typed
    asks first. With SAVE_IN_THREAD (a save that writes), `submit` runs in a worker thread: it
    may wait there for another process's lock while the form says "saving…" and keys are
    answered; the form stays open until the save is done or refused."""

    CSS_PATH = MODAL_CSS

    SAVE_IN_THREAD = False

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def __init__(
        self,
        title: str,
        fields: Iterable[Field],
        *,
        check: Check,
        submit: Submit,
        note: str = "",
        form_id: str = "form",
        cancel: str = "Cancel",
    ) -> None:
        super().__init__(id=form_id)
        self.title_text = title
        self.fields = list(fields)
        self.check = check
        self.submit = submit
        self.note = note
        self.cancel_label = cancel  # what leaving without saving is called ("Skip")
        self.touched: set[str] = set()
        self.errors: dict[str, str] = {}
        self.initial: dict[str, str] = {}
        self.saving = False
        self._fitted = _FIELDS_HEIGHT

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box"):
            yield Static(fmt.plain(self.title_text, "bold"), id="form-title")
            if self.note:
                yield Static(fmt.plain(self.note, ink().muted, multiline=True), id="form-note")
            with VerticalScroll(id="form-fields"):
                for field in self.fields:
                    with Horizontal(classes="field-row", id=f"row-{field.name}"):
                        yield Label(field.label, classes="field-label")
                        yield _widget(field)
                    yield Static("", id=f"error-{field.name}", classes="field-error")
            yield Static("", id="form-error")
            with Horizontal(id="form-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary", compact=True)
                yield Button(f"{self.cancel_label} (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self._show_fields_of_kind()
        self.initial = self.values()
        self.query_one(f"#field-{self.fields[0].name}").focus()
        self.call_after_refresh(self._fit)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """The fields scroll in what the screen leaves the form: its title, note, message and
        buttons stay in sight at any height (Save at 80x24 too)."""
        if not self.is_attached:
            return
        box = self.query_one("#form-box")
        fields = self.query_one("#form-fields", VerticalScroll)
        others = sum(w.outer_size.height for w in box.children if w is not fields)
        room = self.size.height - box.styles.gutter.height - others
        fitted = max(3, min(_FIELDS_HEIGHT, room))
        if fitted != self._fitted:
            self._fitted = fitted
            fields.styles.max_height = fitted

    def _kind(self) -> str:
        if not any(f.name == "kind" for f in self.fields):
            return ""
        widget = self.query_one("#field-kind", Select)
        return "" if widget.is_blank() else str(widget.value)

    def _shown(self, field: Field, kind: str) -> bool:
        return not field.for_kinds or kind in field.for_kinds

    def _show_fields_of_kind(self) -> None:
        kind = self._kind()
        for field in self.fields:
            shown = self._shown(field, kind)
            self.query_one(f"#row-{field.name}").display = shown
            self.query_one(f"#error-{field.name}").display = shown

    def values(self) -> dict[str, str]:
        out = {}
        kind = self._kind()
        for field in self.fields:
            if not self._shown(field, kind):
                out[field.name] = ""
                continue
            widget = self.query_one(f"#field-{field.name}")
            if isinstance(widget, TextArea):
                out[field.name] = widget.text
            elif isinstance(widget, Select):
                out[field.name] = "" if widget.is_blank() else str(widget.value)
            else:
                assert isinstance(widget, Input)
                out[field.name] = widget.value
        return out

    def validate_fields(self, *, show_all: bool = False) -> dict[str, str]:
        try:
            self.errors = self.check(self.values())
        except Exception as exc:  # a checker bug must not take the form (and the typing) down
            self.errors = {"": f"could not check the form: {exc}"}
        for field in self.fields:
            message = self.errors.get(field.name, "")
            if not show_all and field.name not in self.touched:
                message = ""
            self.query_one(f"#error-{field.name}", Static).update(fmt.plain(message))
        general = self.errors.get("", "")
        self.query_one("#form-error", Static).update(fmt.plain(general, multiline=True))
        self.call_after_refresh(self._fit)
        return self.errors

    def _touch(self, widget_id: str | None) -> None:
        if widget_id and widget_id.startswith("field-"):
            self.touched.add(widget_id.removeprefix("field-"))
            self.validate_fields()

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        self._touch(event.input.id)

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        self._touch(event.text_area.id)

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "field-kind":
            self._show_fields_of_kind()
        self._touch(event.select.id)

    @on(Input.Submitted)
    def _input_submitted(self, _event: Input.Submitted) -> None:
        self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_save(self) -> None:
        errors = self.validate_fields(show_all=True)
        bad = [f.name for f in self.fields if f.name in errors]
        if bad:
            self.query_one(f"#field-{bad[0]}").focus()
            return
        if errors.get(""):
            return
        if self.saving:
            self.app.notify("still saving: the form closes once it is saved or refused", timeout=3)
            return
        values = self.values()
        if not self.SAVE_IN_THREAD:
            self._submitted(self._submit(values))
            return
        self.saving = True
        self._say("saving… (it waits here while another program holds the file or database)")
        app = self.app

        def run() -> None:
            app.call_from_thread(self._submitted, self._submit(values))

        app.run_worker(run, name="the save", group="saves", thread=True, exit_on_error=False)

    def _submit(self, values: dict[str, str]) -> str | None:
        try:
            return self.submit(values)
        except Exception as exc:  # shown in the form; the typed values stay
            return f"could not save: {exc}"

    def _submitted(self, problem: str | None) -> None:
        self.saving = False
        if not self.is_attached:  # the app is closing
            return
        if problem:
            self._say(problem, ink().alarm)
            return
        self.dismiss(self.result())

    def _say(self, text: str, style: str | None = None) -> None:
        self.query_one("#form-error", Static).update(
            fmt.plain(text, style or ink().muted, multiline=True)
        )
        self.call_after_refresh(self._fit)

    def result(self) -> object:
        """What a saved form is dismissed with."""
        return True

    def action_cancel(self) -> None:
        if self.saving:  # the save goes on: said, never dropped
            self.app.notify("still saving: the form closes once it is saved or refused", timeout=3)
            return
        if self.values() == self.initial:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Discard your changes?", "n or esc goes back to the form."), answered
        )


def _widget(field: Field) -> Widget:
    """The field's input, holding its current value without control characters (what the
    file or the database gave may hold escape sequences; saving writes the value shown)."""
    widget_id = f"field-{field.name}"
    if field.kind == "text":
        area = TextArea(
            printable(field.value, multiline=True),
            id=widget_id,
            soft_wrap=True,
            show_line_numbers=False,
            compact=True,
        )
        area.add_class("multiline")
        return area
    if field.kind == "select":
        return Select(
            [(option, option) for option in field.options],
            value=field.value or field.options[0],
            allow_blank=False,
            id=widget_id,
            compact=True,
        )
    return Input(printable(field.value), placeholder=field.placeholder, id=widget_id, compact=True)


class ConfirmScreen(FreshScreen, ModalScreen[bool]):
    CSS_PATH = MODAL_CSS

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__(id="confirm")
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(fmt.plain(self.question, "bold"))
            if self.detail:
                yield Static(fmt.plain(self.detail, ink().muted, multiline=True))
            with Horizontal(id="form-buttons"):
                yield Button("Yes (y)", id="yes", variant="error", compact=True)
                yield Button("No (n)", id="no", compact=True)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class KeysScreen(FreshScreen, ModalScreen[None]):
    """Every key of the screen underneath and of the app, with what it does."""

    CSS_PATH = MODAL_CSS

    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, rows: list[tuple[str, str]], title: str) -> None:
        super().__init__(id="keys")
        self.rows = rows
        self.title_text = title

    def compose(self) -> ComposeResult:
        p = ink()
        text = Text()
        text.append(f"Keys: {self.title_text}\n\n", style="bold")
        width = max((len(k) for k, _ in self.rows), default=4)
        for key, description in self.rows:
            text.append(f"{key:>{width}}  ", style=f"bold {p.info}")
            text.append(f"{description}\n")
        text.append("\nctrl+p opens the command palette: every action by name.", style=p.muted)
        with VerticalScroll(id="keys-box"):
            yield Static(text)

    def action_close(self) -> None:
        self.dismiss(None)
