"""Whether the write-ahead log beside a database is that database's own, told before SQLite opens
it: SQLite replays any WAL it finds next to a database, whoever wrote it, and the first
checkpoint (when the last connection closes) copies its pages into the database. A stray WAL of
another SQLite application's database would so replace catalyst's (a 188 KB database became the
other's 8 KB one). Nothing in the WAL format names its database, so what can be checked is:

- it is SQLite's WAL: the magic number, format version 3007000, a header whose checksum holds;
- its pages are the database's page size;
- its committed frames (those SQLite would replay: salts of the header, checksums chained) hold
  no first page another application marked (PRAGMA application_id, catalyst's is identity's
  APPLICATION_ID), and do not end in a database smaller than the file: catalyst's databases only
  grow (no VACUUM), so a last commit that would shrink it is another database's.

Read with plain file I/O, the database's size before the WAL (a live WAL of another catalyst
process only grows past it); nothing is written, and no -shm is made. The format:
https://www.sqlite.org/fileformat2.html#walformat.
"""

from __future__ import annotations

import os
import struct
from typing import TYPE_CHECKING, BinaryIO

from ..paths import NotAFile, open_file

if TYPE_CHECKING:
    from pathlib import Path

_MAGIC = (0x377F0682, 0x377F0683)  # checksums of little-endian words, of big-endian ones
_VERSION = 3007000
_HEADER, _FRAME_HEADER = 32, 24
_MASK = 0xFFFFFFFF


class ForeignWal(Exception):
    """The WAL beside a database is not its own: why, for people."""


def wal_path(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


def check_wal(database: Path, application_id: int) -> None:
    """ForeignWal unless the WAL beside `database` is absent, empty, inert (no frame SQLite would
    replay) or plausibly its own; `application_id` is catalyst's mark."""
    wal = wal_path(database)
    db_page_size, db_pages, db_mark = _database(database)
    try:
        handle = os.fdopen(open_file(wal), "rb")
    except FileNotFoundError:
        return
    except NotAFile as exc:
        raise ForeignWal(f"{wal.name} beside it {exc}") from None
    with handle:
        header = handle.read(_HEADER)
        if not header:
            return
        magic, version, page_size, _, salt1, salt2, sum1, sum2 = struct.unpack(">8I", header)
        if len(header) < _HEADER or magic not in _MAGIC or version != _VERSION:
            raise ForeignWal(f"{wal.name} beside it is not a SQLite write-ahead log")
        order = ">" if magic & 1 else "<"
        if _checksum(header[:24], order, 0, 0) != (sum1, sum2):
            raise ForeignWal(
                f"{wal.name} beside it is not a SQLite write-ahead log (its header is damaged)"
            )
        if db_page_size and page_size != db_page_size:
            raise ForeignWal(
                f"{wal.name} beside it is another database's: its pages are "
                f"{page_size} bytes, the database's {db_page_size}"
            )
        first_page, last_size = _committed(handle, page_size, order, (salt1, salt2), (sum1, sum2))
    if first_page is not None:
        mark = int.from_bytes(first_page[68:72], "big")
        if mark != application_id and (not db_page_size or mark != db_mark):
            raise ForeignWal(
                f"{wal.name} beside it is another database's: its first page is "
                f"marked 0x{mark:08X}, the database's 0x{db_mark:08X}"
            )
    if last_size is not None and last_size < db_pages:
        raise ForeignWal(
            f"{wal.name} beside it is another database's: it would cut the "
            f"database from {db_pages} pages to {last_size}"
        )


def _database(path: Path) -> tuple[int, int, int]:
    """(page size, pages, application_id) of the database file; zeros for an empty one."""
    with os.fdopen(open_file(path), "rb") as handle:
        header = handle.read(100)
        size = os.fstat(handle.fileno()).st_size
    if len(header) < 100:
        return 0, 0, 0
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    return page_size, size // page_size if page_size else 0, int.from_bytes(header[68:72], "big")


def _committed(
    handle: BinaryIO, page_size: int, order: str, salts: tuple[int, int], sums: tuple[int, int]
) -> tuple[bytes | None, int | None]:
    """The last first-page image and the database's size after the last commit, of the frames
    SQLite would replay: those of the header's salts whose checksums chain, up to the last
    commit."""
    first_page: bytes | None = None
    pending: bytes | None = None
    last_size: int | None = None
    while True:
        frame = handle.read(_FRAME_HEADER + page_size)
        if len(frame) < _FRAME_HEADER + page_size:
            break
        number, commit, salt1, salt2, sum1, sum2 = struct.unpack(">6I", frame[:_FRAME_HEADER])
        if (salt1, salt2) != salts:
            break
        sums = _checksum(frame[_FRAME_HEADER:], order, *_checksum(frame[:8], order, *sums))
        if sums != (sum1, sum2):
            break
        if number == 1:
            pending = frame[_FRAME_HEADER:]
        if commit:  # a transaction's last frame: what came before it is replayed
            first_page = pending if pending is not None else first_page
            last_size = commit
    return first_page, last_size


def _checksum(data: bytes, order: str, s1: int, s2: int) -> tuple[int, int]:
    """SQLite's WAL checksum of `data` (a multiple of 8 bytes), continued from (s1, s2)."""
    words = struct.unpack(f"{order}{len(data) // 4}I", data)
    for a, b in zip(words[0::2], words[1::2], strict=True):
        s1 = (s1 + a + s2) & _MASK
        s2 = (s2 + b + s1) & _MASK
    return s1, s2
