"""Writing a file safely: atomically, with the previous bytes kept as NAME.bak, never loosening
its permissions, and a message for people when it can't be done.

Writing: temp file in the target's directory (`mkstemp`), write, flush, fsync, permission bits
(and owner, when run by root) copied from the original; the previous bytes saved as `NAME.bak`
the same way; `os.replace` over the file; fsync of the directory. A symlink is written through
to its target (the link stays, the `.bak` sits next to the target). A file without write
permission is not replaced even though its directory would allow the rename: read-only means
read-only. If writing fails, nothing on disk changes and the answer says why.

Two writers. `write_with_backup` replaces the file only if it still holds `previous`, the bytes
the new ones were made from: it reads the file again after the temp files are written, just
before the rename, and raises FileChanged when someone saved it meanwhile (an editor, another
catalyst), so the caller makes its change again on what is there now instead of overwriting it.
Writers that are catalyst also take `lock(path)` around their read, change and write: an
exclusive flock on a sidecar `.NAME.lock` next to the file (the file itself can't carry the
lock: each write renames a new inode over it). The holder deletes the lock file before it lets
go, and a process that gets the lock checks that the file it locked is still the one at that
name (else it was deleted meanwhile, and it takes the new one), so nothing is left next to the
file. The kernel releases a flock when its process ends, so a lock held by a killed process is
free at once (its file stays, empty, and is used by the next writer). An editor takes no lock:
between its save and our rename only the re-read stands, a window of microseconds.

Writers take their turns in the order they asked. A flock is not a queue: a writer saving edit
after edit took it again before one that polled for it woke up, and on a loaded machine the other
waited past LOCK_WAIT. So each writer first leaves a ticket, `.NAME.lock.<time_ns>-<pid>-<thread>`,
and takes the lock only when no older ticket of a live process remains; its ticket goes once it
holds the lock (or gives up). A killed waiter's ticket is removed by the next writer that sees
its process gone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock; the re-read before the rename stays
    fcntl = None  # type: ignore[assignment]

LOCK_WAIT = 10.0  # seconds to wait for another writer; an edit holds the lock for milliseconds


class FileChanged(Exception):
    """The file no longer holds the bytes the new ones were made from: nothing was written."""


class FileBusy(Exception):
    """Another process held the file's lock for longer than LOCK_WAIT; the message says so."""


def lock_file(path: Path) -> Path:
    """The sidecar lock of `path`: `.NAME.lock` next to the file (through a symlink, next to the
    file it points to)."""
    target = path.resolve() if path.is_symlink() else path
    return target.with_name(f".{target.name}.lock")


@contextlib.contextmanager
def lock(path: Path, *, wait: float = LOCK_WAIT) -> Iterator[None]:
    """Hold the exclusive lock of `path` (see the module docstring) while the block runs;
    FileBusy if it stays taken for `wait` seconds. In a folder where the lock file can't be
    created nothing can be written either, so the block runs unlocked and the write says why."""
    if fcntl is None:  # pragma: no cover - Windows
        yield
        return
    where = lock_file(path)
    deadline = time.monotonic() + wait
    ticket = _ticket(where)
    while True:
        try:
            fd = os.open(where, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError:
            _drop(ticket)
            yield
            return
        try:
            try:
                _take(fd, deadline, path, wait, ticket)
            except FileBusy:
                _drop(ticket)
                raise
            try:
                current = os.path.samestat(os.fstat(fd), os.stat(where))
            except FileNotFoundError:
                current = False
            if not current:
                continue  # locked a file its holder deleted on release: take the new one
            _drop(ticket)  # held: the next in line may wait on the lock itself
            try:
                yield
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(where)  # before the lock is released, never after
            return
        finally:
            os.close(fd)  # releases the lock


def _ticket(where: Path) -> Path | None:
    """This writer's place in line next to the lock file; None where none can be written (the
    lock alone then decides, as it does for a writer that is not catalyst)."""
    name = where.with_name(
        f"{where.name}.{time.time_ns():020d}-{os.getpid()}-{threading.get_ident()}"
    )
    try:
        os.close(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600))
    except OSError:
        return None
    return name


def _drop(ticket: Path | None) -> None:
    if ticket is not None:
        with contextlib.suppress(OSError):
            os.unlink(ticket)


def _first_in_line(ticket: Path | None) -> bool:
    """No older ticket of a live process is waiting before `ticket`."""
    if ticket is None:
        return True
    prefix = ticket.name[: ticket.name.rindex(".") + 1]
    try:
        names = [e.name for e in os.scandir(ticket.parent) if e.name.startswith(prefix)]
    except OSError:
        return True
    for name in sorted(names):
        if name >= ticket.name:
            return True
        if _alive(name[len(prefix) :]):
            return False
        _drop(ticket.with_name(name))  # its writer was killed while waiting
    return True


def _alive(stamp: str) -> bool:
    try:
        pid = int(stamp.split("-")[1])
    except (IndexError, ValueError):
        return False  # not a ticket
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process: alive
    return True


def _take(fd: int, deadline: float, path: Path, wait: float, ticket: Path | None) -> None:
    assert fcntl is not None
    while True:
        try:
            if not _first_in_line(ticket):
                raise BlockingIOError
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise FileBusy(
                    f"{path.name} is being saved by another process (for more than "
                    f"{wait:g}s): the change is kept in the database only"
                ) from None
            time.sleep(0.005)


def write_with_backup(path: Path, previous: bytes, new: bytes) -> tuple[bool, str]:
    """Replace `path`'s bytes with `new`, `previous` going to NAME.bak: (written, message).
    FileChanged, with nothing written, when the file no longer holds `previous`."""
    target = path.resolve() if path.is_symlink() else path
    name = path.name
    folder = target.parent
    backup = target.with_name(target.name + ".bak")
    shown_backup = backup.name if backup.parent == path.parent else str(backup)
    temps: list[str] = []
    stage = "file"
    try:
        st = os.stat(target)
        # rename() needs only the directory's permission: check the file's own first, so a
        # read-only (or immutable) file is not silently replaced.
        with open(target, "r+b"):
            pass
        stage = "folder"
        temps.append(_write_temp(folder, target.name, new, st))
        temps.append(_write_temp(folder, backup.name, previous, st))
        stage = "file"
        with open(target, "rb") as now:  # last look before the rename: still what was edited?
            if now.read(len(previous) + 1) != previous:
                raise FileChanged(f"{name} changed while the change was being saved")
        stage = "backup"
        os.replace(temps[1], backup)
        temps.pop()
        stage = "file"
        os.replace(temps[0], target)
        temps.pop()
    except OSError as exc:
        return False, _failure_message(name, folder, stage, exc)
    finally:
        for temp in temps:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    _fsync_dir(folder)
    return True, f"saved {name} (previous version in {shown_backup})"


def _write_temp(folder: Path, name: str, data: bytes, st: os.stat_result) -> str:
    fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, stat.S_IMODE(st.st_mode))
        if hasattr(os, "chown") and hasattr(os, "geteuid") and os.geteuid() == 0:
            with contextlib.suppress(OSError):  # root editing someone's file: keep its owner
                os.chown(temp, st.st_uid, st.st_gid)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return temp


def _fsync_dir(folder: Path) -> None:
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(folder, flags)
    except OSError:  # not possible everywhere (Windows): the rename itself is atomic
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


_READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}


def _failure_message(name: str, folder: Path, stage: str, exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    kept = "the change is kept in the database only"
    if stage == "backup":
        return (
            f"{name} cannot be saved: its backup {name}.bak cannot be replaced ({reason}): {kept}"
        )
    if exc.errno in _READ_ONLY:
        if stage == "folder":
            return f"{name} cannot be saved: its folder {folder} is read-only ({reason}): {kept}"
        return f"{name} is read-only ({reason}): {kept}"
    if exc.errno == errno.ENOSPC:
        return f"{name} cannot be saved: the disk is full ({reason}): {kept}"
    return f"{name} cannot be saved ({reason}): {kept}"
