"""`catalyst import FILE`: a broker's transaction export read, what it would add shown, then
appended to catalysts.toml as lots and sales (nothing when a row cannot be read, or with
--dry-run)."""

from __future__ import annotations

from pathlib import Path

from ..config import ConfigError
from ..text import printable
from .context import EXIT_OK, EXIT_USAGE, CommandError, Context

MAX_IMPORT_BYTES = 20 * 1024 * 1024  # a decade of daily trades is a few MB


def _pairs(values: list[str] | None, what: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for value in values or []:
        key, sep, name = value.partition("=")
        if not sep or not key.strip() or not name.strip():
            raise CommandError(f"catalyst import: {what} {value!r}: write KEY=VALUE")
        out[key.strip()] = name.strip()
    return out


def _text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CommandError(f"catalyst import: {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_IMPORT_BYTES:
        raise CommandError(f"catalyst import: {path}: larger than 20 MB, not a transaction export")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # older exports from Windows tools


def cmd_import(ctx: Context) -> int:
    from ..config.importing import import_edit, plan_import
    from ..config.write import apply_edit
    from ..reading.broker_formats import BROKERS, GENERIC_FIELDS, detect, generic, read_export
    from ..reading.brokers import Options, sniff
    from .output.imports import print_plan

    args = ctx.args
    path = Path(args.file)
    text = _text(path)
    columns = _pairs(args.map, "--map")
    unknown = sorted(set(columns) - set(GENERIC_FIELDS))
    if unknown:
        raise CommandError(f"catalyst import: --map {unknown[0]}: the fields are "
                           f"{', '.join(GENERIC_FIELDS)}")  # fmt: skip
    comma = args.decimal_comma
    if comma is None and sniff(text) == ";":
        comma = True  # a semicolon-separated file is written where decimals are commas
    options = Options(columns, args.day_first, comma, _pairs(args.symbol, "--symbol"))
    if args.broker == "generic" or (args.broker is None and columns):
        broker = generic(options)
    elif args.broker is not None:
        broker = BROKERS[args.broker]
    else:
        broker = detect(text) or generic(options)
    read = read_export(text, broker, options)
    shown = printable(str(path))
    if read.issues:
        for row in read.issues:
            ctx.err(f"{shown}:{row.line}: {printable(row.message)}")
        count = len(read.issues)
        rows = f"{count} row{'s' if count != 1 else ''}"
        raise CommandError(f"catalyst import: {rows} of {shown} ({broker.title}) could not be "
                           "read; nothing was written")  # fmt: skip
    config = ctx.load_config()
    plan = plan_import(config, broker.name, read.trades, read.skipped, read.issues)
    print_plan(plan, broker.title, dry_run=args.dry_run)
    if args.dry_run or not plan.add:
        return EXIT_OK
    assert config.path is not None
    try:
        result = apply_edit(config.path, import_edit(plan, broker.title))
    except ConfigError as exc:
        for issue in exc.issues:
            ctx.err(str(issue))
        raise CommandError(f"catalyst import: the trades would make {config.path} invalid; "
                           "nothing was written") from None  # fmt: skip
    if not result.written:
        ctx.err(printable(result.message))
        return EXIT_USAGE
    ctx.out(f"{config.path}: {len(plan.add)} added")
    return EXIT_OK
