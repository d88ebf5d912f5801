"""`catalyst segments --file PATH [--labels PATH]`: a 10-Q's or 10-K's XBRL (the XML instance or
the inline XBRL document) read into revenue by product line, segment and geography, without
database, network or config. Exit 0 read, 1 no revenue in the document, 2 an unreadable path or
a document that is not XBRL."""

from __future__ import annotations

from .context import EXIT_FLAGGED, EXIT_OK, EXIT_USAGE, CommandError, Context
from .results import read_document

EXIT_NO_REVENUE = EXIT_FLAGGED  # 1: the document holds no revenue facts


def cmd_segments(ctx: Context) -> int:
    args = ctx.args
    if args.file is None:
        if args.symbol:
            raise CommandError("catalyst segments SYMBOL: not yet; give --file PATH", EXIT_USAGE)
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
