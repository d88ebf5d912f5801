"""Writing a file safely: atomically, with the previous bytes kept as NAME.bak, never loosening
its permissions, and a message for people when it can't be done.

Writing: temp file in the target's directory (`mkstemp`), write, flush, fsync, permission bits
(and owner, when run by root) copied from the original; the previous bytes saved as `NAME.bak`
the same way; `os.replace` over the file; fsync of the directory. A symlink is written through
to its target (the link stays, the `.bak` sits next to the target). A file without write
permission is not replaced even though its directory would allow the rename: read-only means
read-only. If writing fails, nothing on disk changes and the answer says why.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path


def write_with_backup(path: Path, previous: bytes, new: bytes) -> tuple[bool, str]:
    """Replace `path`'s bytes with `new`, `previous` going to NAME.bak: (written, message)."""
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
