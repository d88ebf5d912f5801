"""`catalyst import FILE`: a broker's transaction export read, what it would add shown, then
appended to catalysts.toml as lots and sales (nothing when a row cannot be read, or with
--dry-run)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import ConfigError
from ..paths import NotAFile, TooLarge, read_file
from ..text import counted, printable
from .context import EXIT_OK, EXIT_USAGE, CommandError, Context

if TYPE_CHECKING:
    from ..config import Config
    from ..config.importing import Opening
    from ..reading.brokers.export import RowIssue

MAX_IMPORT_BYTES = 64 * 1024 * 1024  # a million trades of a compact CSV; a decade's is a few MB


def _pairs(values: list[str] | None, what: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for value in values or []:
        key, sep, name = value.partition("=")
        if not sep or not key.strip() or not name.strip():
            raise CommandError(f"catalyst import: {what} {value!r}: write KEY=VALUE")
        out[key.strip()] = name.strip()
    return out


_TOO_LARGE = f"larger than {MAX_IMPORT_BYTES // 2**20} MB, not a transaction export"


def _bytes(path: Path) -> bytes:
    """The file's bytes, at most MAX_IMPORT_BYTES of them: opened without waiting (a pipe with
    no writer, a terminal), and only a regular file (a link is judged by what it points to)
    is read (paths.read_file)."""
    shown = printable(str(path))
    try:
        return read_file(path, MAX_IMPORT_BYTES)
    except NotAFile as what:
        said = f"catalyst import: {shown}: {what.short}, not a broker's export file"
        raise CommandError(said) from None
    except TooLarge:
        raise CommandError(f"catalyst import: {shown}: {_TOO_LARGE}") from None
    except OSError as exc:
        raise CommandError(f"catalyst import: {shown}: {exc.strerror or exc}") from None


def _text(path: Path) -> str:
    from ..reading.brokers.export import BadRow
    from ..reading.brokers.text import decode_export

    try:
        return decode_export(_bytes(path))
    except BadRow as error:
        raise CommandError(f"catalyst import: {printable(str(path))}: {error}") from None


def _refuse(ctx: Context, shown: str, title: str, issues: list[RowIssue]) -> None:
    """Each issue at its line of the export, then the command refused: nothing written."""
    if not issues:
        return
    lines: dict[str, list[int]] = {}
    for row in issues:  # one message for the rows it is said of (an ISIN on many rows)
        lines.setdefault(row.message, []).append(row.line)
    for message, at in lines.items():
        ctx.err(f"{shown}:{','.join(map(str, at))}: {printable(message)}")
    count = len(issues)
    rows = counted(count, "row")
    raise CommandError(
        f"catalyst import: {rows} of {shown} ({title}) could not be read; nothing was written"
    )


def _not_this(
    shown: str, text: str, error: Exception, columns: dict[str, str], *, asked: bool
) -> CommandError:
    """What a file without the header line looked for is: not the broker's export asked for,
    or no export catalyst knows, with the columns it has."""
    from ..reading.brokers.export import columns_said
    from ..reading.brokers.formats import BROKERS, GENERIC_FIELDS

    said = printable(columns_said(text))
    needed = ", ".join(repr(columns.get(f, f)) for f in GENERIC_FIELDS[:5])
    if not asked and not columns:
        known = ", ".join(dict.fromkeys(b.title.split(" (")[0] for b in BROKERS.values()))
        return CommandError(
            f"catalyst import: {shown}: not an export catalyst knows ({known}), "
            f"nor a CSV with the columns {needed}; its columns are {said}: name "
            "them with --map FIELD=COLUMN"
        )
    if columns or "CSV" in str(error):
        return CommandError(
            f"catalyst import: {shown}: no line has the columns {needed}; its columns are {said}"
        )
    return CommandError(f"catalyst import: {shown}: {printable(str(error))}")


def _openings(values: list[str] | None) -> list[Opening]:
    """`--opening SYMBOL=QTY@PRICE`, each: a position held before the export begins."""
    from ..config.importing import Opening
    from ..reading.brokers.cells import symbol_of
    from ..reading.brokers.export import BadRow, number

    out: list[Opening] = []
    for symbol, said in _pairs(values, "--opening").items():
        shares, at, price = said.partition("@")
        try:
            opening = Opening(symbol_of(symbol), number(shares), number(price))
        except BadRow:
            opening = None
        if not at or opening is None or opening.shares <= 0 or opening.cost < 0:
            raise CommandError(
                f"catalyst import: --opening {printable(symbol)}={printable(said)}: write "
                "SYMBOL=SHARES@PRICE (10@181.5: 10 shares held at 181.5 each)"
            )
        out.append(opening)
    return out


def _save_symbols(ctx: Context, config: Config, given: dict[str, str]) -> Config:
    """The --symbol ISINs kept in the file's [import.symbols] (`--save`): the config as written."""
    from ..config.forms import EditError
    from ..config.importing import save_symbols
    from ..config.write import apply_edit

    assert config.path is not None
    try:
        result = apply_edit(config.path, save_symbols(given))
    except (ConfigError, EditError) as exc:
        raise CommandError(f"catalyst import: --save: {printable(str(exc))}") from None
    if not result.written:
        raise CommandError(f"catalyst import: --save: {printable(result.message)}")
    count = counted(len(given), "symbol")
    ctx.out(f"{config.path}: {count} kept in [import.symbols] for the next imports")
    return result.config


def cmd_import(ctx: Context) -> int:
    from ..config import MAX_CONFIG_BYTES
    from ..config.bulk import TooLarge
    from ..config.capital import capital_returned, lower_lots
    from ..config.importing import import_edit, plan_import, settle
    from ..config.write import apply_edit
    from ..reading.brokers.export import NotThisExport, Options, header_cells
    from ..reading.brokers.formats import BROKERS, GENERIC_FIELDS, detect, generic, read_export
    from .output.imports import print_plan

    args = ctx.args
    path = Path(args.file)
    text = _text(path)
    columns = _pairs(args.map, "--map")
    unknown = sorted(set(columns) - set(GENERIC_FIELDS))
    if unknown:
        raise CommandError(
            f"catalyst import: --map {unknown[0]}: the fields are {', '.join(GENERIC_FIELDS)}"
        )
    given = _pairs(args.symbol, "--symbol")
    if args.save and not given:
        raise CommandError("catalyst import: --save keeps the --symbol ISINs: give one")
    openings = _openings(args.opening)
    config = ctx.load_config()
    # the file's [import.symbols] of the ISINs this export names, then the command line's
    kept = {isin: s for isin, s in config.import_symbols.items() if isin in text}
    symbols = kept | given
    today = dt.date.today()
    options = Options(columns, args.day_first, args.decimal_comma, symbols, today)
    shown = printable(str(path))
    if args.broker == "generic" or (args.broker is None and columns):
        broker = generic(options)
    elif args.broker is not None:
        broker = BROKERS[args.broker]
    else:
        broker = detect(text) or generic(options)
    if given and (not broker.isin or broker.isin not in header_cells(text)):
        raise CommandError(
            f"catalyst import: --symbol: {broker.title}'s export names no ISIN to give a symbol to"
        )
    unused = [isin for isin in given if isin not in text]
    if unused:
        raise CommandError(
            f"catalyst import: --symbol {printable(unused[0])}: {shown} names "
            "no such ISIN (a typo leaves its rows to their ticker)"
        )
    try:
        read = read_export(text, broker, options)
    except NotThisExport as error:
        raise _not_this(shown, text, error, columns, asked=args.broker is not None) from None
    _refuse(ctx, shown, broker.title, read.issues)
    unconverted: dict[int, list[RowIssue]] = {}  # kept in their own currency, by trade
    if any(t.priced_in or t.fees_in for t in read.trades):
        from .trade_rates import converted_trades

        read, unconverted = converted_trades(ctx, config, read, today)
    if args.save and not args.dry_run:
        config = _save_symbols(ctx, config, given)
    plan = plan_import(
        config, broker.name, read.trades, read.skipped, read.issues, read.dividends, read.left_out
    )
    plan, short = settle(config, plan, openings)
    for row in short:
        if not row.line:  # an opening no sale needs: the command line's
            raise CommandError(f"catalyst import: {printable(row.message)}")
    _refuse(ctx, shown, broker.title, short)
    returned = capital_returned(config, plan.add, read.returned)
    plan = plan._replace(add=returned.add, left_out=sorted(plan.left_out + returned.left_out))
    print_plan(plan, broker.title, dry_run=args.dry_run, source=shown)
    new_lines = {t.line for t in plan.add}  # a trade the file has already is said no more
    kept_said = [row for n in sorted(unconverted) if n in new_lines for row in unconverted[n]]
    for row in [*kept_said, *returned.said]:
        ctx.out(f"{shown}:{row.line}: {printable(row.message)}")
    if args.dry_run or not (plan.add or plan.dividends or returned.lowered):
        return EXIT_OK
    assert config.path is not None
    try:
        edit = import_edit(plan, broker.title, config.settings.currency, MAX_CONFIG_BYTES)
        if returned.lowered:
            edit = lower_lots(edit, returned.lowered)
        result = apply_edit(config.path, edit)
    except TooLarge:
        limit = MAX_CONFIG_BYTES // 2**20
        raise CommandError(
            f"catalyst import: {len(plan.add):,} trades would make {config.path} larger than "
            f"{limit} MB, the most catalyst reads; nothing was written (import the export in "
            "parts, or keep what you follow in the file)"
        ) from None
    except ConfigError as exc:
        for issue in exc.issues:
            ctx.err(str(issue))
        raise CommandError(
            f"catalyst import: the trades would make {config.path} invalid; nothing was written"
        ) from None
    if not result.written:
        ctx.err(printable(result.message))
        return EXIT_USAGE
    added = [counted(len(plan.add), "trade")] if plan.add else []
    added += [counted(len(plan.dividends), "dividend")] if plan.dividends else []
    added += [counted(len(plan.openings), "opening position")] if plan.openings else []
    lots = len(returned.lowered)
    lowered = f"; the cost of {counted(lots, 'lot')} lowered by a return of capital" if lots else ""
    said = f"{' and '.join(added)} added" if added else "nothing added"
    ctx.out(f"{config.path}: {said}{lowered}")
    return EXIT_OK
