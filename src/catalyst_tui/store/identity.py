"""Whose database a file is: catalyst's own, a new one, or someone else's, told before anything
is written to it.

catalyst marks its databases with PRAGMA application_id = APPLICATION_ID (0x43544C59, "CTLY"
in ASCII), set in the transaction that creates the schema and when a database is upgraded. A file
given as the database is used when it is

- empty: 0 bytes, or a SQLite database with no table, no user_version and no application_id;
- marked with APPLICATION_ID;
- a database of a catalyst from before the mark (the first release): unmarked, a user_version
  of 1 or more, and every table of the first migration (schema.MIGRATIONS[0]); it is marked
  when it is opened (migrated or not).

Anything else (another application's mark, or another application's tables) is refused, and so is a
database beside which lies a write-ahead log that is not its own (wal.py: SQLite would copy that
log's pages into it); the files are left exactly as they were: the first look reads the 100-byte
header (and the log) with plain file I/O, and the tables through a read-only, immutable connection
(no lock, no -wal, no -shm, no journal), all before the connection that writes, and before its
switch to WAL, which rewrites the header. The writing connection looks once more before that switch:
a database in WAL mode may hold tables the main file doesn't have yet.

That first look opens and closes the file outside SQLite, and closing any descriptor of a file
drops every POSIX lock the process holds on it: the locks of a Store already open on it in this
process (the scheduler's and the workspace's second Stores) would be gone, and two writers could
corrupt the database. So it is taken only when no Store of this process has the file open
(`claim`, under a lock, counting the open Stores per file); one that is open was looked at when
it was opened.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from collections import Counter
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..paths import open_file
from . import schema
from .wal import ForeignWal, check_wal, wal_path

if TYPE_CHECKING:
    from pathlib import Path

APPLICATION_ID = 0x43544C59  # "CTLY"
_MAGIC = b"SQLite format 3\x00"
_LARGEST_PAGE = 65536  # the first page, whatever the page size
_LOOKS = 5  # at a file that changes while it is looked at
_FIRST_TABLES = frozenset(re.findall(r"CREATE TABLE (\w+)", schema.MIGRATIONS[0].script))


class ForeignDatabase(Exception):
    """The file is another application's (or not a database): why, for people."""


FileKey = tuple[int, int]  # (device, inode)
_claims: Counter[FileKey] = Counter()  # Stores of this process open on each file
_claims_lock = threading.Lock()


def claim(path: Path) -> FileKey:
    """Count one more Store of this process on the file at `path`, after `check_file` when it
    is the first (see the module docstring); ForeignDatabase, with nothing counted, when it is
    not catalyst's. Give it back with `release` when the Store closes, or fails to open."""
    st = os.stat(path)
    key = (st.st_dev, st.st_ino)
    with _claims_lock:
        if not _claims[key]:
            check_file(path)
            try:
                check_wal(path, APPLICATION_ID)
            except ForeignWal as exc:
                raise ForeignDatabase(
                    f"{exc}. catalyst left both untouched: SQLite would have copied that log "
                    f"into the database. If no program is using it, move {wal_path(path).name} "
                    "away and try again"
                ) from None
        _claims[key] += 1
    return key


def release(key: FileKey) -> None:
    with _claims_lock:
        _claims[key] -= 1
        if _claims[key] <= 0:
            del _claims[key]


def check_file(path: Path) -> None:
    """ForeignDatabase unless the file at `path` is one catalyst may open and write; it reads
    the file only, and never creates anything next to it.

    Another process may write the file while it is looked at (catalyst creating it copies its
    write-ahead log into it when it closes), and the immutable connection takes no lock: its reads
    may straddle that write and find pages of two moments (a malformed database, tables without
    their mark). SQLite writes the first page first (a checkpoint copies pages in ascending order,
    and a commit without WAL always changes the change counter on page 1), so a verdict against
    the file stands only when its first page is the same after the look as before it; else the
    file is looked at again (the last look's verdict stands if it never holds still)."""
    for looks_left in reversed(range(_LOOKS)):
        first = _first_page(path)
        try:
            _check_first_page(path, first)
        except (ForeignDatabase, sqlite3.DatabaseError):
            if not looks_left or _first_page(path) == first:
                raise
        else:
            return


def _first_page(path: Path) -> bytes:
    with os.fdopen(open_file(path), "rb") as handle:  # never blocks: NotAFile for a FIFO
        return handle.read(_LARGEST_PAGE)


def _check_first_page(path: Path, first: bytes) -> None:
    header = first[:100]
    if not header:
        return  # new: created empty a moment ago, or by the user
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise ForeignDatabase("is not a SQLite database (the file is corrupt or is something else)")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id == APPLICATION_ID:
        return
    if application_id != 0:
        raise ForeignDatabase(_marked_by_another(application_id))
    uri = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True)
    try:
        check_connection(conn)
    finally:
        conn.close()


def check_connection(conn: sqlite3.Connection) -> None:
    """ForeignDatabase unless the database `conn` reads is empty, catalyst's (marked), or made
    by the first release; reads only, in one read transaction: the mark, the version and the
    tables are of one moment, though another process creates the database meanwhile (read one
    statement at a time, a new database's mark could be read before its creation and its
    tables after: tables without a mark or version, someone else's)."""
    conn.execute("BEGIN")  # deferred: the first read takes the snapshot every read then sees
    try:
        _check_snapshot(conn)
    finally:
        if conn.in_transaction:  # an I/O error may have ended it already
            conn.execute("ROLLBACK")  # nothing was written


def _check_snapshot(conn: sqlite3.Connection) -> None:
    application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if application_id == APPLICATION_ID:
        return
    if application_id != 0:
        raise ForeignDatabase(_marked_by_another(application_id))
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    tables = {
        name
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not name.startswith("sqlite_")
    }
    if not tables and version == 0:
        return  # empty
    if version >= 1 and tables >= _FIRST_TABLES:
        return  # catalyst's, from before the mark
    listed = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
    what = f"another application's tables ({listed})" if tables else f"user_version {version}"
    raise ForeignDatabase(
        f"is not a catalyst database: it holds {what}. catalyst left it untouched; "
        "give --db a new file (or an empty one)"
    )


def mark(conn: sqlite3.Connection) -> None:
    """Mark the database as catalyst's; inside the caller's write transaction."""
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def is_marked(conn: sqlite3.Connection) -> bool:
    return int(conn.execute("PRAGMA application_id").fetchone()[0]) == APPLICATION_ID


def _marked_by_another(application_id: int) -> str:
    return (
        f"belongs to another application (its application_id is 0x{application_id:08X}; "
        f"catalyst's is 0x{APPLICATION_ID:08X}). catalyst left it untouched; "
        "give --db a new file (or an empty one)"
    )
