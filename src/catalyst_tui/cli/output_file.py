"""Where a command writes a file the user names (`report -o`, `export -o`): never over what it
does not own, never half-written.

A path is looked at before anything is written, its symlinks followed (the link stays, the file
it names is the one judged and replaced) and its inode compared (a hard link is the same file):

- a file catalyst keeps is refused, with the reason: the database and its `-wal`, `-shm` and
  `-journal`, the catalysts.toml in use, its `.bak` and lock, the TUI's preferences, the log;
- so is any file that is one of those kinds wherever it lies: a SQLite database or write-ahead
  log (by their first bytes), a catalysts.toml (by its name, or a `.toml` that declares
  `[settings]` or `[[tickers]]`), and a `.bak` of either;
- a folder, a block device or a socket is refused; a FIFO or a character device (`/dev/stdout`,
  a pipe) is written straight through, as `>` would;
- an existing file is replaced only by a file of the same kind, recognised by what catalyst
  writes at its head (a report's generator mark, an export's header line), or with `--force`.

Writing is atomic: a temporary file in the same folder, flushed to disk, then renamed over the
target, so a failure (a full disk, an interrupt) leaves the old file whole and no temporary
behind. The new file keeps the old one's permissions (a new one gets the umask's).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TextIO, cast

from .context import CommandError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

__all__ = ["Kind", "kept_files", "not_a_database", "refusal", "written"]

HEAD = 64 * 1024  # how much of an existing file is read to tell what it is
SQLITE = b"SQLite format 3\x00"
WAL_MAGIC = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
_THESIS_TABLE = re.compile(rb"^[ \t]*\[(settings|\[\s*tickers\s*\])\]", re.MULTILINE)
DATABASE_SIDES = ("-wal", "-shm", "-journal")


class Kind(NamedTuple):
    """What a command writes: its name in a refusal, and whether a file's head says catalyst
    wrote one of this kind (then it may be replaced without --force)."""

    name: str
    is_one: Callable[[bytes], bool]


def kept_files(config: Path | None, database: Path | None) -> list[tuple[Path, str]]:
    """The files catalyst keeps for this run, each with what it is."""
    from ..paths import user_state_folder
    from ..prefs import prefs_file
    from .logs import log_file

    kept: list[tuple[Path, str]] = []
    if database is not None:
        kept.append((database, "the database"))
        kept += [
            (Path(f"{database}{side}"), f"the database's {side[1:]} file")
            for side in DATABASE_SIDES
        ]
    if config is not None:
        kept.append((config, "the catalysts.toml in use"))
        kept.append((config.with_name(config.name + ".bak"), "the catalysts.toml's backup"))
        kept.append((config.with_name(f".{config.name}.lock"), "the catalysts.toml's lock"))
    kept.append((prefs_file(), "the TUI's preferences"))
    log = log_file()
    kept.append((log, "the log file"))
    kept += [(log.with_name(f"{log.name}.{n}"), "a log file") for n in range(1, 10)]
    from ..market.registry import PROVIDERS

    state = user_state_folder()  # the providers' shared pacing (jobs/client.py)
    kept += [(state / f"{spec.name}-pacing", "a provider's shared pacing") for spec in PROVIDERS]
    return kept


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(HEAD)
    except OSError:
        return b""


def _kind_of_content(name: str, head: bytes) -> str | None:
    """What a file is that no command may write over, by its name and first bytes."""
    if head.startswith(SQLITE):
        return "a SQLite database"
    if head[:4] in WAL_MAGIC:
        return "a SQLite write-ahead log"
    if name == "catalysts.toml" or (name.endswith(".toml") and _THESIS_TABLE.search(head)):
        return "a catalysts.toml"
    if name.endswith(".bak"):
        inner = _kind_of_content(name[: -len(".bak")], head)
        if inner is not None:
            return f"the backup of {inner}"
    if name.endswith(DATABASE_SIDES):
        return "a SQLite database's side file"
    return None


def _same(a: os.stat_result, b: Path) -> bool:
    try:
        other = b.stat()
    except (OSError, ValueError):
        return False
    return (a.st_dev, a.st_ino) == (other.st_dev, other.st_ino)


def _kept_by_name(real: Path, kept: Iterable[tuple[Path, str]]) -> str | None:
    """Why a file not there yet may not be made: SQLite would read it (a database's side file,
    by its name beside the database), or catalyst would (one of its files, by its path)."""
    for file, what in kept:
        if file.resolve() == real:
            return f"{what} ({file}): catalyst keeps it, and writes nothing over it"
    if real.name.endswith(DATABASE_SIDES):
        owner = real.with_name(real.name.rsplit("-", 1)[0])
        if _head(owner).startswith(SQLITE):
            return f"the name of a side file of the database {owner}: SQLite would read it"
    return None


def refusal(path: Path, kind: Kind, kept: Iterable[tuple[Path, str]], *, force: bool) -> str | None:
    """Why `path` may not be written, or None. Follows symlinks; a hard link is its file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        return exc.strerror or str(exc)
    if info is None:
        if path.is_symlink():
            return "a symbolic link to nothing: name the file itself"
        if not path.parent.is_dir():
            return "no such folder"
        return _kept_by_name(path.resolve(), kept)
    if stat.S_ISDIR(info.st_mode):
        return "a folder: name the file to write"
    if stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode):
        return None  # a stream: written straight through
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    real = path.resolve()
    for file, what in kept:
        if _same(info, file):
            return f"{what} ({file}): catalyst keeps it, and writes nothing over it"
    head = _head(real)
    found = _kind_of_content(real.name, head)
    if found is not None:
        return f"{found}: catalyst writes nothing over it"
    if force or info.st_size == 0 or kind.is_one(head):
        return None
    return f"a file that is not {kind.name} catalyst wrote: pass --force to replace it"


@contextlib.contextmanager
def written(
    command: str,
    given: str,
    kind: Kind,
    kept: Iterable[tuple[Path, str]],
    *,
    force: bool = False,
) -> Iterator[TextIO]:
    """A text file to write what `command` outputs to `given`: checked (`refusal`), then made
    whole at the end (rename), or not at all if the block fails."""
    path = Path(given).expanduser()
    why = refusal(path, kind, kept, force=force)
    if why is not None:
        raise CommandError(f"catalyst {command}: {given}: {why}; nothing was written")
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):  # a FIFO, a terminal: straight through
        with _failing(command, given), path.open("w", encoding="utf-8", newline="") as stream:
            yield cast("TextIO", stream)
        return
    real = path.resolve()
    with _failing(command, given):
        descriptor, name = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
        temporary = Path(name)
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as stream:
                yield cast("TextIO", stream)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, stat.S_IMODE(mode) if mode is not None else _default_mode())
            os.replace(temporary, real)
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise


@contextlib.contextmanager
def _failing(command: str, given: str) -> Iterator[None]:
    try:
        yield
    except OSError as exc:
        raise CommandError(
            f"catalyst {command}: {given}: {exc.strerror or exc}; nothing was written"
        ) from None


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def not_a_database(path: Path) -> str | None:
    """Why `catalyst init --force` may not put a thesis at `path`: it is a database, a write-ahead
    log or a database's side file (the command keeps the old file as its .bak, but SQLite would
    no longer find it)."""
    found = _kind_of_content(path.resolve().name, _head(path.resolve()))
    if found is None or "catalysts.toml" in found:
        return _kept_by_name(path.resolve(), [])
    return found
