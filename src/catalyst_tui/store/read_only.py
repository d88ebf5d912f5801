"""A database opened for reading alone: SQLite's `mode=ro` on a file that exists, is catalyst's
and is of this catalyst's schema; nothing is created, migrated, marked or written (what `catalyst
mcp` serves). A write through such a connection fails in SQLite itself ("attempt to write a
readonly database"), whatever code asks for it.

A reader of a database in WAL mode still keeps SQLite's shared-memory index beside it (`-shm`,
and an empty `-wal` when none is there): the database file's own bytes are never touched. A
schema older than this catalyst's is refused, not read: the migration that would bring it up to
date is a write (any command that writes, `catalyst refresh`, makes it)."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING
from urllib.parse import quote

from . import identity, schema
from .errors import StoreError, describe_sqlite_error

if TYPE_CHECKING:
    from pathlib import Path


def connect_read_only(path: Path, busy_timeout_ms: int) -> sqlite3.Connection:
    """A connection that reads `path` and can write nothing (the caller has claimed the file,
    `identity.claim`, which looked at its header and write-ahead log first); StoreError, with
    the file named, when it is empty, someone else's or of another schema."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    conn = sqlite3.connect(
        uri,
        uri=True,
        timeout=busy_timeout_ms / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        identity.check_connection(conn)
        version = schema.schema_version(conn)
        if version == 0:
            raise StoreError(f"database {path}: holds nothing yet: run `catalyst refresh` first")
        if version > schema.SCHEMA_VERSION:
            raise StoreError(
                f"database {path}: was written by a newer catalyst (schema {version}; this "
                f"version knows up to {schema.SCHEMA_VERSION}): upgrade catalyst"
            )
        if version < schema.SCHEMA_VERSION:
            raise StoreError(
                f"database {path}: is of an earlier catalyst (schema {version} of "
                f"{schema.SCHEMA_VERSION}), and a reader does not migrate it: run `catalyst "
                "refresh` once to bring it up to date"
            )
    except identity.ForeignDatabase as exc:
        conn.close()
        raise StoreError(f"database {path}: {exc}") from None
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(describe_sqlite_error(path, exc)) from None
    except BaseException:
        conn.close()
        raise
    return conn
