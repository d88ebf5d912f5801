"""`catalyst segments --file PATH [--labels PATH]`: a 10-Q's or 10-K's XBRL (the XML instance or
the inline XBRL document) read into revenue by product line, segment and geography, without
database, network or config. Exit 0 read, 1 no revenue in the document, 2 an unreadable path or
a document that is not XBRL. `catalyst segments SYMBOL`: the newest 10-Q or 10-K of the ticker's
company read from EDGAR (jobs/segments.py) and stored with the filing; exit 0 read, 1 the filing
gave no split (why is printed), 2 no SEC contact, no CIK or no filing."""

from __future__ import annotations

import asyncio
import contextlib

from .context import EXIT_FLAGGED, EXIT_OK, EXIT_USAGE, CommandError, Context, utc_now
from .names import known_ticker
from .results import read_document

EXIT_NO_REVENUE = EXIT_FLAGGED  # 1: the document holds no revenue facts


def cmd_segments(ctx: Context) -> int:
    args = ctx.args
    if args.file is None:
        if args.symbol:
            return _of_symbol(ctx, args.symbol)
        raise CommandError("catalyst segments: give --file PATH (a 10-Q's or 10-K's XBRL)")
    if args.symbol:
        raise CommandError("catalyst segments: give a SYMBOL or --file PATH, not both")
    from ..reading.xbrl import NoRevenue, XbrlFormatError, read_segments
    from ..reading.xbrl.facts import MAX_BYTES
    from .output.segments import print_segments, segments_json

    document = read_document(args.file, "segments", MAX_BYTES)
    labels = None if args.labels is None else read_document(args.labels, "segments", MAX_BYTES)
    try:
        segments = read_segments(document, labels)
    except NoRevenue as exc:
        raise CommandError(f"catalyst segments: {args.file}: {exc}", EXIT_NO_REVENUE) from None
    except XbrlFormatError as exc:
        raise CommandError(f"catalyst segments: {args.file}: {exc}", EXIT_USAGE) from None
    ctx.report(lambda: segments_json(segments), lambda: print_segments(segments))
    return EXIT_OK


def _of_symbol(ctx: Context, text: str) -> int:
    from ..jobs.segments import SegmentsProblem, read_symbol
    from .output.segments import print_segments, segments_json

    config, store = ctx.synced_store()
    with contextlib.closing(store):
        symbol = known_ticker("segments", store, text) or text.upper()
        try:
            found = asyncio.run(read_symbol(store, config, symbol, utc_now))
        except SegmentsProblem as why:
            raise CommandError(f"catalyst segments {symbol}: {why}") from None
    filing = found.filing
    if found.segments is None:
        raise CommandError(
            f"catalyst segments {symbol}: {filing.form} {filing.accession} of {filing.filed}: "
            f"{found.problem}",
            EXIT_NO_REVENUE,
        )
    segments = found.segments
    ctx.report(lambda: segments_json(segments), lambda: print_segments(segments))
    return EXIT_OK
