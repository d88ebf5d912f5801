"""Where the config and the database are: lookup order, and the first-run copy of the example;
and the one way catalyst opens a file it is given (`open_file`, `check_file`): only a regular
file, so a FIFO named as `--db` or `--config` (which blocks the open until a writer comes, for
ever) or a device is refused with what it is; and the environment a Python child process of
catalyst starts in (`child_environment`: nothing of the working folder on its import path)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import NamedTuple

import platformdirs

APP_NAME = "catalyst"
CONFIG_NAME = "catalysts.toml"
DB_NAME = "catalyst.db"


class ConfigLocation(NamedTuple):
    path: Path
    origin: str  # "--config", "$CATALYST_CONFIG", "./catalysts.toml", "user config dir"
    created: bool = False  # True when the bundled example was just copied there


def user_config_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / CONFIG_NAME


def user_state_folder() -> Path:
    """Where catalyst keeps what it remembers between runs that is not data (the TUI's
    preferences, the providers' shared pacing)."""
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def user_database_file(config: Path | None = None) -> Path:
    """The default database of a thesis file: `catalyst.db` for the user config dir's
    catalysts.toml (or no file named); for any other file a database of its own, named by it
    (`catalyst-portfolio-1a2b3c4d.db` for ~/notes/portfolio.toml: its name and a hash of its
    absolute path), so two thesis files never share one by accident."""
    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if config is None:
        return folder / DB_NAME
    resolved = config.expanduser().resolve()
    if resolved == user_config_file().resolve():
        return folder / DB_NAME
    import hashlib  # here only: `import hashlib` loads OpenSSL's hashes (3-7 ms of a start-up)

    digest = hashlib.sha256(os.fsencode(resolved)).hexdigest()[:8]
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in resolved.stem)[:40] or "thesis"
    return folder / f"{APP_NAME}-{stem}-{digest}.db"


def bundled_example() -> bytes:
    """The thesis shipped with catalyst (the repository's catalysts.toml)."""
    from importlib import resources  # only a first run copies the example

    return resources.files("catalyst_tui").joinpath("data", CONFIG_NAME).read_bytes()


def find_config(cli_path: str | None, *, create: bool = True) -> ConfigLocation:
    """--config, then $CATALYST_CONFIG, then ./catalysts.toml, then the user config dir.

    If none exists, the bundled example is copied to the user config dir (when `create`).
    An explicitly named file is returned even if missing, so the error names it. The bundled
    example itself is not the user's file: run in the repository (`make run`), where it lies,
    the lookup goes on to the user's own copy, and edits never land in the tracked file.
    """
    if cli_path:
        return ConfigLocation(Path(cli_path).expanduser(), "--config")
    env = os.environ.get("CATALYST_CONFIG")
    if env:
        return ConfigLocation(Path(env).expanduser(), "$CATALYST_CONFIG")
    local = Path.cwd() / CONFIG_NAME
    if local.is_file() and not _is_bundled_example(local):
        return ConfigLocation(Path(CONFIG_NAME), "./catalysts.toml")
    user = user_config_file()
    if user.exists() or not create:
        return ConfigLocation(user, "user config dir")
    user.parent.mkdir(parents=True, exist_ok=True)
    tmp = user.with_suffix(".toml.tmp")
    tmp.write_bytes(bundled_example())
    os.replace(tmp, user)
    return ConfigLocation(user, "user config dir", created=True)


def named_database(cli_path: str | None) -> Path | None:
    """The database named for this run: --db, then $CATALYST_DB; None when the config's
    [settings].database or the default decides (which the daemon reads for itself)."""
    if cli_path:
        return Path(cli_path).expanduser()
    env = os.environ.get("CATALYST_DB")
    return Path(env).expanduser() if env else None


def _is_bundled_example(path: Path) -> bool:
    """Whether `path` is the example shipped in the package (in a checkout, the repository's
    catalysts.toml, which the package's data/catalysts.toml links to)."""
    bundled = Path(__file__).parent / "data" / CONFIG_NAME
    try:
        return os.path.samefile(path, bundled)
    except OSError:  # no bundled file beside the code (a zipped install): it can't be this one
        return False


def find_database(cli_path: str | None, configured: str | None, config_path: Path) -> Path:
    """--db, then $CATALYST_DB, then [settings].database (relative to the config file), then
    the file's own database in the user data dir (`user_database_file`)."""
    named = named_database(cli_path)
    if named is not None:
        return named
    if configured:
        path = Path(configured).expanduser()
        return path if path.is_absolute() else config_path.parent / path
    return user_database_file(config_path)


def make_private_dirs(folder: Path) -> None:
    """`mkdir -p` whose every folder it creates is 0700 (the XDG base directory spec's mode),
    whatever the umask; `Path.mkdir(parents=True)` gives the parents the umask's default (0755,
    or 0777 under umask 000). Folders that already exist are left as they are."""
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        try:
            candidate.mkdir(mode=0o700)
        except FileExistsError:  # made by another process just now: its own choice of mode
            continue
        os.chmod(candidate, 0o700)  # mkdir's mode is masked by the umask (e.g. 0o277 → 0500)


_KINDS = (  # (test, what it is, in short)
    (stat.S_ISDIR, "a directory", "a folder"),
    (stat.S_ISFIFO, "a FIFO (a named pipe)", "a pipe"),
    (stat.S_ISSOCK, "a socket", "a socket"),
    (stat.S_ISCHR, "a character device", "a device"),
    (stat.S_ISBLK, "a block device", "a device"),
)


class NotAFile(OSError):
    """The path names something other than a regular file; str() says what: "is a FIFO (a
    named pipe), not a file"."""

    def __init__(self, mode: int) -> None:
        kind, self.short = next(
            ((name, short) for test, name, short in _KINDS if test(mode)),
            ("not a regular file", "a special file"),
        )
        super().__init__(errno.EINVAL, f"is {kind}, not a file")

    def __str__(self) -> str:
        return str(self.strerror)


def open_file(path: Path, flags: int = os.O_RDONLY, mode: int = 0o600) -> int:
    """`os.open` of a regular file (a symlink to one), never blocking on anything else: opened
    non-blocking, looked at, and refused (NotAFile) unless it is a regular file; then blocking
    as usual. The descriptor is the caller's to close."""
    fd = os.open(path, flags | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0), mode)
    try:
        found = os.fstat(fd).st_mode
        if not stat.S_ISREG(found):
            raise NotAFile(found)
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


class TooLarge(OSError):
    """A file past the bytes a reader takes of it."""


def read_file(path: Path, limit: int) -> bytes:
    """A regular file's bytes, at most `limit`: opened without blocking (`open_file`: NotAFile
    for a pipe, a device, a folder, or a link to one), TooLarge past `limit` by its size or as it
    grew while read; a read of a bounded amount however large or endless the file."""
    fd = open_file(path)
    try:
        if os.fstat(fd).st_size > limit:
            raise TooLarge(errno.EFBIG, f"larger than {limit} bytes")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise TooLarge(errno.EFBIG, f"larger than {limit} bytes")
    return data


def check_file(path: Path) -> None:
    """NotAFile when `path` exists and is not a regular file (for a file another library opens
    by its name: SQLite); nothing when it is one, or is absent."""
    try:
        found = os.stat(path).st_mode
    except OSError:
        return  # absent or unreadable: the open that follows says so
    if not stat.S_ISREG(found):
        raise NotAFile(found)


#: What may put the working folder, or a module of anyone's choosing, before a Python child's
#: own: its start-up file, an interactive prompt after it, another debugger. Left out of every
#: child's environment; PYTHONPATH keeps only its absolute folders (an empty or relative entry
#: is the working folder, or a folder under it).
_UNSAFE_PYTHON = ("PYTHONSTARTUP", "PYTHONINSPECT", "PYTHONBREAKPOINT", "PYTHONEXECUTABLE")


def child_environment(env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a Python child of catalyst (the release reader, the PDF reader, the
    notification sender, the refresh worker), which every caller starts as `sys.executable -P
    -m MODULE`: -P keeps the working folder off its import path, and this keeps it off through
    the environment. A `pickle.py` or a `catalyst_tui/` in the folder `catalyst` was started from
    is never imported by a child (tests/project/test_children_isolated.py)."""
    out = dict(os.environ if env is None else env)
    for name in _UNSAFE_PYTHON:
        out.pop(name, None)
    if "PYTHONPATH" in out:
        kept = [p for p in out["PYTHONPATH"].split(os.pathsep) if p and os.path.isabs(p)]
        if kept:
            out["PYTHONPATH"] = os.pathsep.join(kept)
        else:
            del out["PYTHONPATH"]
    out["PYTHONSAFEPATH"] = "1"  # and -P for any Python that child starts in turn
    return out
