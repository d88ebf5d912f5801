"""The edit forms' fields as TOML: the raw strings a form holds become TOML values in one place,
and a form is validated as it is typed by the config's own validator.

Raw form strings become TOML values in one place, `field_values`: numbers (`shares`, `cost`)
become an int or float when the text parses and stay the raw string otherwise; dates (`date`,
`due`, `until`, `period_end`) become a TOML date when `date.fromisoformat` accepts them and stay
the raw string otherwise; so a bad entry is written as a string and the validator says what is
wrong with it ("'2027-13-01' is not a date"); `evidence` is one entry per line and becomes a list
of strings. Every string is stripped of surrounding whitespace,
an empty or whitespace-only field is left out (the validator then names a missing required key),
and text with a line break is written as a multi-line string.

`field_errors` builds a minimal document from the fields with that conversion and runs
`parse_config` on it, so the messages are the validator's own, each placed on its field by the
issue's key path (a missing key by the name the issue carries); it runs on every keystroke and
never reads the file (its cost against the 5 ms budget is in docs/performance.md).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import tomlkit

from . import (
    CHECKPOINT_KEYS,
    LOT_KEYS,
    SELL_KEYS,
    TICKER_KEYS,
    ConfigError,
    ConfigIssue,
    IssueCode,
    KeyPath,
    Lot,
    Sell,
    parse_config,
)
from .validate.validator import SYMBOL_RE

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping, Sequence

# The keys of the config's own tables, so a form can never offer a key the validator refuses.
TICKER_FIELDS = (
    "symbol",
    # feeds: written by hand in the file (a ticker's edit leaves the keys it does not show)
    *(k for k in TICKER_KEYS if k not in ("lots", "checkpoints", "sells", "dividends", "feeds")),
)
# currency, fees_currency: an import's, of a trade awaiting its day's rate (an edit leaves them)
_WRITTEN_IN = ("currency", "fees_currency")
LOT_FIELDS = tuple(k for k in LOT_KEYS if k not in _WRITTEN_IN)
SELL_FIELDS = tuple(k for k in SELL_KEYS if k not in _WRITTEN_IN)
CHECKPOINT_FIELDS = CHECKPOINT_KEYS
SEC_FIELDS = ("user_agent",)  # the contact SEC EDGAR asks for, of [providers.sec]
FORMS: dict[str, tuple[str, ...]] = {
    "ticker": TICKER_FIELDS,
    "lot": LOT_FIELDS,
    "sell": SELL_FIELDS,
    "checkpoint": CHECKPOINT_FIELDS,
    "sec": SEC_FIELDS,
}
_NUMBER_FIELDS = frozenset({"shares", "cost", "price", "fees", "fx", "confidence"})
_ARRAYS = {"lot": "lots", "sell": "sells", "checkpoint": "checkpoints"}
_DATE_FIELDS = frozenset({"date", "due", "until", "period_end"})
_LIST_FIELDS = frozenset({"evidence"})  # one entry per line
_PLACEHOLDER_SYMBOL = "X"


class EditError(KeyError):
    """An edit that cannot be made: unknown symbol or checkpoint, ticker already present..."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:  # KeyError would show repr(message)
        return self.message


def field_values(form: str, fields: Mapping[str, str | None]) -> dict[str, Any]:
    """The form's raw strings as TOML-ready values, in the form's order; empty fields left out.

    Numbers become int/float when they parse, dates a `datetime.date` when
    `date.fromisoformat` accepts them; anything else stays the (stripped) string so that the
    validator reports it. Line breaks are normalised to "\\n".
    """
    names = _form_fields(form)
    unknown = [name for name in fields if name not in names]
    if unknown:
        raise EditError(f"unknown {form} field {unknown[0]!r}: use {', '.join(names)}")
    out: dict[str, Any] = {}
    for name in names:
        raw = fields.get(name)
        if raw is None:
            continue
        text = str(raw).replace("\r\n", "\n").replace("\r", "\n").strip()
        if not text:
            continue
        out[name] = _convert(name, text)
    return out


def _form_fields(form: str) -> tuple[str, ...]:
    try:
        return FORMS[form]
    except KeyError:
        raise ValueError(f"unknown form {form!r}: use {', '.join(FORMS)}") from None


def _convert(name: str, text: str) -> Any:
    if name in _NUMBER_FIELDS:
        try:
            return int(text)
        except ValueError:
            pass
        try:
            return float(text)
        except ValueError:
            return text
    if name in _DATE_FIELDS:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    if name in _LIST_FIELDS:
        return [line.strip() for line in text.split("\n") if line.strip()]
    return text


def _item(value: Any) -> Any:
    """A tomlkit item for a converted value: multi-line strings as \"\"\"...\"\"\"."""
    if isinstance(value, str) and "\n" in value:
        # tomlkit writes """first line...; start the text on its own line, as the bundled file
        # does. TOML drops a newline right after the opening quotes, so the value is the same;
        # tomlkit keeps a parsed item's original text when it dumps it.
        text = tomlkit.string(value, multiline=True).as_string()
        if not text.startswith('"""\n'):
            text = '"""\n' + text[3:]
        return tomlkit.parse("v = " + text + "\n")["v"]
    return tomlkit.item(value)


def render_value(value: Any) -> str:
    return str(_item(value).as_string())


def table_snippet(path: tuple[str, ...], values: Mapping[str, Any], *, aot: bool) -> str:
    """`[a.b]` / `[[a.b]]` with `values`, as tomlkit writes it."""
    table = tomlkit.table()
    for key, value in values.items():
        table.add(key, _item(value))
    node: Any
    if aot:
        node = tomlkit.aot()
        node.append(table)
    else:
        node = table
    for key in reversed(path[1:]):
        parent = tomlkit.table(is_super_table=True)
        parent.add(key, node)
        node = parent
    doc = tomlkit.document()
    doc.add(path[0], node)
    return tomlkit.dumps(doc)


def key_value_line(key: str, value: Any) -> str:
    doc = tomlkit.document()
    doc.add(key, _item(value))
    return tomlkit.dumps(doc)


def field_errors(
    form: str,
    fields: Mapping[str, str],
    *,
    symbol: str | None = None,
    existing_ids: Collection[str] = (),
    existing_symbols: Collection[str] = (),
    editing_id: str | None = None,
    held: Sequence[Lot] = (),
    sold: Sequence[Sell] = (),
) -> dict[str, str]:
    """Problems with a form's fields, as {field: message} ("" for one tied to no field).

    Builds a minimal document from the fields with `field_values` and runs `parse_config` on
    it, so the messages are the validator's; adds the duplicate checks a one-entry document
    cannot see: a checkpoint id already in `existing_ids` (other than `editing_id`, the id of
    the checkpoint being edited) and a symbol already in `existing_symbols`. A sale is checked
    after the ticker's lots `held` and its other sales `sold`, so selling more than is held
    is caught as it is typed.
    """
    names = _form_fields(form)
    try:
        values = field_values(form, fields)
    except EditError as exc:
        return {"": str(exc)}
    if form == "ticker":
        ticker = str(values.pop("symbol", "")) or (symbol or "")
        table: KeyPath = ("tickers", ticker)
        snippet = table_snippet(("tickers", ticker), values, aot=False)
    elif form == "sec":
        table = ("providers", "sec")
        snippet = table_snippet(table, values, aot=False)
        if "user_agent" not in values:  # the table's key is optional; the form's is not
            return {"user_agent": 'write "Your Name you@example.com"'}
    else:
        ticker = symbol if symbol and SYMBOL_RE.match(symbol) else _PLACEHOLDER_SYMBOL
        array = _ARRAYS[form]
        context = ""
        if form == "sell":
            context = "".join(
                table_snippet(("tickers", ticker, "lots"), _lot_values(lot), aot=True)
                for lot in held
            ) + "".join(
                table_snippet(("tickers", ticker, "sells"), _sell_values(sale), aot=True)
                for sale in sold
            )
        table = ("tickers", ticker, array, len(sold) if form == "sell" else 0)
        snippet = context + table_snippet(("tickers", ticker, array), values, aot=True)
    errors: dict[str, str] = {}
    try:
        parse_config(snippet)
    except ConfigError as exc:
        for issue in exc.issues:
            errors.setdefault(_field_of(issue, table, form, names), issue.message)
    if form == "checkpoint":
        cid = values.get("id")
        if isinstance(cid, str) and cid in existing_ids and cid != editing_id:
            errors.setdefault("id", f"duplicate checkpoint id {cid!r} in this ticker")
    elif form == "ticker":
        sym = fields.get("symbol")
        sym = sym.strip() if isinstance(sym, str) else ""
        if sym and sym in existing_symbols:
            errors.setdefault("symbol", f"{sym!r} is already in the watchlist")
    return errors


def _lot_values(lot: Lot) -> dict[str, Any]:
    values: dict[str, Any] = {"shares": lot.shares, "cost": lot.cost}
    return values | ({"date": lot.date} if lot.date else {})


def _sell_values(sale: Sell) -> dict[str, Any]:
    return {"shares": sale.shares, "price": sale.price, "date": sale.date}


def _field_of(issue: ConfigIssue, table: KeyPath, form: str, names: tuple[str, ...]) -> str:
    """The form field `issue` belongs to ("" for none): the key under the form's `table`, the
    key a MISSING_KEY issue of the table names, or the symbol for the ticker's table itself."""
    path = issue.key_path
    if path[: len(table)] != table:
        return ""
    if len(path) > len(table):
        name = path[len(table)]
        return name if isinstance(name, str) and name in names else ""
    if form == "ticker":
        return "symbol"
    missing = issue.missing if issue.code == IssueCode.MISSING_KEY else None
    return missing if missing in names else ""
