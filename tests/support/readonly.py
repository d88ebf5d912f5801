"""Making a file or folder really unwritable in a test, also for root (tests run as root in
the sandbox and in some CI containers)."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


# Tests run as root in the sandbox (and in some CI containers), and root writes through a
# chmod 0o444 file and a 0o555 folder: permission bits alone would make these tests pass
# without exercising the failure path. As root the file or folder is made immutable with
# `chattr +i` as well (ext4 here; root has CAP_LINUX_IMMUTABLE), which refuses writes,
# renames and new entries to root too. Dropping privileges in a child (setuid 65534) was the
# alternative, but pytest's tmp dirs are 0o700 root, so the child could not even read the file.
# Each helper checks that the path really is unwritable before the test relies on it.
@contextlib.contextmanager
def read_only_file(path: Path) -> Iterator[None]:
    mode = stat.S_IMODE(path.stat().st_mode)
    path.chmod(0o444)
    immutable = _chattr("+i", path)
    try:
        with pytest.raises(PermissionError):
            open(path, "r+b").close()  # noqa: SIM115 - only probing
        yield
    finally:
        if immutable:
            _chattr("-i", path)
        path.chmod(mode)


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    mode = stat.S_IMODE(folder.stat().st_mode)
    folder.chmod(0o555)
    immutable = _chattr("+i", folder)
    try:
        with pytest.raises(PermissionError):
            (folder / "probe").touch()
        yield
    finally:
        if immutable:
            _chattr("-i", folder)
        folder.chmod(mode)


def _chattr(flag: str, path: Path) -> bool:
    if os.geteuid() != 0:
        return False
    if shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: cannot make a file read-only for root")
    done = subprocess.run(["chattr", flag, str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"chattr {flag} failed here ({done.stderr.strip()})")
    return True
