"""`catalyst results`: read one earnings press release from a file (no database, no network, no
config), or list the releases stored, newest first."""

from __future__ import annotations

import os
import stat

from .context import EXIT_FLAGGED, EXIT_OK, EXIT_USAGE, CommandError, Context, utc_now
from .names import known_ticker

EXIT_NOT_FOUND = EXIT_FLAGGED  # 1: the document holds no results (its JSON still printed)


def cmd_results(ctx: Context) -> int:
    if ctx.args.file is not None:
        if ctx.args.symbol:
            raise CommandError("catalyst results: give a SYMBOL or --file PATH, not both")
        return _from_file(ctx, ctx.args.file)
    from ..views.health import sec_state
    from ..views.results import load_results
    from .output.results import print_results, results_json

    with ctx.reading() as (config, store):
        symbol = known_ticker("results", store, ctx.args.symbol)
        rows = load_results(store, symbol)
        why = "" if rows else sec_state(config, store, utc_now())
    ctx.report(lambda: results_json(rows), lambda: print_results(rows, why=why))
    return EXIT_OK


def _from_file(ctx: Context, path: str) -> int:
    from ..reading.release.reader import read_release
    from ..reading.release.records import to_json
    from .output.results import print_release

    body = read_document(path)
    results = read_release(body)
    ctx.report(lambda: to_json(results), lambda: print_release(results))
    return EXIT_OK if results.found else EXIT_NOT_FOUND


def read_document(path: str, command: str = "results", limit: int | None = None) -> bytes:
    """The bytes of the regular file at `path`, at most one byte over what a release may be
    (`limit`, for another reader; the reader then says it is too large). Anything else (missing,
    unreadable, a directory, a FIFO, a device) is a CommandError with exit 2: checked before
    opening, and again on what was opened (O_NONBLOCK: a FIFO swapped in meanwhile cannot hold
    the command)."""
    from ..reading.release.records import MAX_BYTES

    limit = MAX_BYTES if limit is None else limit
    where = f"catalyst {command}: {path}"
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise CommandError(f"{where}: not a regular file", EXIT_USAGE)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise CommandError(f"{where}: {exc.strerror or exc}", EXIT_USAGE) from None
    with os.fdopen(fd, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise CommandError(f"{where}: not a regular file", EXIT_USAGE)
        try:
            return file.read(limit + 1)
        except OSError as exc:
            raise CommandError(f"{where}: {exc.strerror or exc}", EXIT_USAGE) from None
