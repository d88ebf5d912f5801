"""What every command shares: the exit codes, the one-line CommandError, and the Context that
finds the config and the database (created, read-only probed or refused) and writes the output
so that no text in it can command the terminal."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import logging
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from ..config import Config, ConfigError, load_config
from ..paths import find_config, find_database, named_database, user_database_file
from ..store import Store, StoreError, describe_sqlite_error
from ..text import counted, printable

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Iterator
    from pathlib import Path

EXIT_OK = 0
EXIT_FLAGGED = 1
EXIT_USAGE = 2
EXIT_STALE = 3
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a tool the pipe's reader left

log = logging.getLogger("catalyst")


def modules_loaded() -> None:
    """The command's modules are in: the cyclic garbage collector, paused while the `catalyst`
    script loaded them (launch.py), runs again, with what they made set aside (gc.freeze: it
    lives as long as the program; a first collection walking all of it cost more than the pause
    saved). A no-op when it ran all along."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


class CommandError(Exception):
    """A failure to report in one line and exit with `code`."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Context:
    """One command's run: its arguments, where it writes, and the config file it follows."""

    args: argparse.Namespace
    out: Callable[[str], None]
    err: Callable[[str], None]
    created: Path | None = None  # the user's own catalysts.toml, when this run made it
    named: bool = False  # the config was named for this run (--config, $CATALYST_CONFIG)

    def report(self, data: Callable[[], object], show: Callable[[], object]) -> None:
        """A report as a JSON document (--json: `data()`), or for people (`show()`)."""
        if self.args.json:
            import json

            self.out(json.dumps(data(), indent=2))
        else:
            show()

    def load_config(self) -> Config:
        location = find_config(self.args.config)
        self.named = location.origin in ("--config", "$CATALYST_CONFIG")
        if location.created:
            self.created = location.path
            self.err(first_run_text(location.path))
        try:
            return load_config(location.path)
        except ConfigError as exc:
            for issue in exc.issues:
                self.err(str(issue))
            count = len(exc.issues)
            raise CommandError(
                f"catalyst: {location.path}: {counted(count, 'error')}; nothing was written"
            ) from None

    def open_store(self, config: Config, *, create: bool = True, write: bool = True) -> Store:
        """The database; `create=False` for commands that report on what is stored (a mistyped
        --db is not made into an empty database that reports everything pending), `write` for
        commands that store: a database they can't write is said before any other work."""
        path = self.database_path(config)
        if not create and not path.exists():
            raise CommandError(f"catalyst: no database at {path}: run `catalyst refresh` first")
        try:
            store = Store.open(path)
        except StoreError as exc:
            raise CommandError(f"catalyst: {exc}") from None
        try:
            if write:
                store.check_writable()
        except sqlite3.Error as exc:
            store.close()
            raise CommandError(f"catalyst: {describe_sqlite_error(path, exc)}") from None
        log.info("database %s (schema %d)", path, store.schema_version)
        return store

    def database_path(self, config: Config) -> Path:
        """The database this run uses: --db, $CATALYST_DB, [settings].database, the file's own
        (or the one it shared before each file had its own)."""
        assert config.path is not None
        path = find_database(self.args.db, config.settings.database, config.path)
        if not path.exists() and named_database(self.args.db) is None:
            path = self._earlier_database(config, path)
        return path

    def read_only_store(self, config: Config) -> Store:
        """The database the other commands would use, opened to be read alone
        (`Store.read_only`): never created, migrated nor synced with the file; one that follows
        another catalysts.toml is refused as every command refuses it."""
        try:
            store = Store.read_only(self.database_path(config))
        except StoreError as exc:
            raise CommandError(f"catalyst: {exc}") from None
        self._refuse_another_file(config, store)
        return store

    def synced_store(self, *, create: bool = True, write: bool = True) -> tuple[Config, Store]:
        config = self.load_config()
        store = self.open_store(config, create=create, write=write)
        try:
            self._refuse_another_file(config, store)
            report = store.sync.apply(config)
        except sqlite3.Error as exc:
            store.close()
            raise CommandError(f"catalyst: {describe_sqlite_error(store.path, exc)}") from None
        if report.changed:
            log.info("config sync: %s", report)
        return config, store

    @contextlib.contextmanager
    def reading(self) -> Iterator[tuple[Config, Store]]:
        """The config and its database synced, for a command that only reads it: never created
        nor probed for writing, closed when the block ends."""
        config, store = self.synced_store(create=False, write=False)
        with contextlib.closing(store):
            yield config, store

    def _earlier_database(self, config: Config, own: Path) -> Path:
        """Before a thesis file had a database of its own, every file shared catalyst.db: the
        one that shared database follows keeps it (its marks and timeline), the others start
        their own."""
        assert config.path is not None
        shared = user_database_file()
        if config.settings.database or own == shared or not shared.is_file():
            return own
        try:
            with Store.open(shared) as store:
                follows = store.sync.follows()
        except (StoreError, sqlite3.Error):
            return own
        return shared if follows == config.path.resolve() else own

    def _refuse_another_file(self, config: Config, store: Store) -> None:
        """A database follows one catalysts.toml: another one found by the lookup (run from a
        folder that has one) would archive every ticker it lacks, so only a file named for the
        run (--config) takes the database over."""
        assert config.path is not None
        follows = store.sync.follows()
        if follows is None or self.named or follows == config.path.resolve():
            return
        store.close()
        raise CommandError(
            f"catalyst: {store.path} follows {follows}, not {config.path.resolve()}: "
            f"run with --config {config.path} to make it follow that file (the tickers it lacks "
            "would be archived), or from another folder to use the one it follows"
        )


def first_run_text(path: Path) -> str:
    """What the first run says (on stderr, and in the TUI) of the file it made."""
    return (
        f"catalyst: no catalysts.toml of your own yet, so the bundled example thesis was copied "
        f"to {path}: edit it to make it yours, or start from an empty one with "
        "`catalyst init --force`."
    )


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def line_writer(stream: TextIO) -> Callable[[str], None]:
    """A line writer whose text can't command the terminal (text.py): the lines carry titles,
    notes, reasons, paths and config errors, whoever wrote them."""

    def write(text: str) -> None:
        print(printable(text, multiline=True), file=stream)

    return write
