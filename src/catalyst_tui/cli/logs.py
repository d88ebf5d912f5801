"""Where the app logs: a private file in the user log dir, and stderr with --debug."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import platformdirs

from ..paths import APP_NAME, make_private_dirs, open_file
from ..text import printable

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / "catalyst.log"


def setup_logging(debug: bool, path: Path | None = None) -> Path | None:
    """Log to a 0600 file in the user log dir (folders it creates 0700), or at `path`; with
    --debug, to stderr too.

    The handlers sit on the root logger, so the libraries' records (APScheduler, httpx,
    desktop-notifier) go to the same file: without a handler of their own, Python would print
    their warnings and tracebacks on stderr, in the middle of the TUI. Libraries log from
    WARNING, catalyst from INFO (DEBUG with --debug)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "catalyst", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(logging.DEBUG if debug else logging.WARNING)
    for name in ("catalyst", "catalyst_tui"):  # the command's own logger, and every module's
        logging.getLogger(name).setLevel(logging.DEBUG if debug else logging.INFO)
        logging.getLogger(name).propagate = True
    fmt = logging.Formatter(LOG_FORMAT)
    handlers: list[logging.Handler] = []
    path = path or log_file()
    written: Path | None = path
    try:
        make_private_dirs(path.parent)
        # Made 0600 if new; a FIFO or a device at its place is refused (NotAFile), not written.
        os.close(open_file(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600))
        # A record is never lost to its text: what UTF-8 cannot hold (a lone surrogate) is
        # written as its escape, where strict UTF-8 would print a traceback on stderr.
        handlers.append(logging.FileHandler(path, encoding="utf-8", errors="backslashreplace"))
    except OSError:
        written = None  # an unwritable log dir must not stop the app
    if debug:
        terminal = logging.StreamHandler(sys.stderr)
        terminal.setFormatter(_TerminalFormatter(LOG_FORMAT))
        handlers.append(terminal)
    if not handlers:
        handlers.append(logging.NullHandler())
    for handler in handlers:
        handler.catalyst = True  # type: ignore[attr-defined]
        if handler.formatter is None:
            handler.setFormatter(fmt)
        root.addHandler(handler)
    return written


class _TerminalFormatter(logging.Formatter):
    """Log records on stderr (--debug) carry providers' messages and the user's text: printed
    without what would command the terminal (text.py). The log file keeps them as they came."""

    def format(self, record: logging.LogRecord) -> str:
        return printable(super().format(record), multiline=True)
