"""The store's failures said for people: StoreError (the database can't be used) and one line
for any SQLite error on a file."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


class StoreError(Exception):
    """The database can't be used; the message names the file and says why."""


def describe_sqlite_error(path: Path | str, exc: BaseException) -> str:
    """A one-line explanation of a SQLite failure on `path`, for people."""
    text = str(exc).lower()
    if "file is not a database" in text:
        why = "is not a SQLite database (the file is corrupt or is something else)"
    elif "malformed" in text or "corrupt" in text:
        why = "is corrupt (SQLite says: database disk image is malformed)"
    elif "locked" in text or "busy" in text:
        why = "is locked by another process; close it or try again"
    elif "readonly" in text or "read-only" in text:
        why = "is read-only: catalyst needs to write to it"
    elif "unable to open" in text:
        why = "cannot be opened (check that the folder exists and is writable)"
    elif "disk i/o" in text:
        why = "could not be read or written (disk I/O error)"
    elif "full" in text:
        why = "could not be written: the disk is full"
    else:
        why = f"could not be used: {exc}"
    return f"database {path}: {why}"
