"""`catalyst init [PATH]`: a thesis file of one's own to start from, empty but for the settings and
one example ticker commented out, and its own database (named by the file: paths.py)."""

from __future__ import annotations

import contextlib
import os
from importlib import resources
from pathlib import Path

from ..paths import find_database, make_private_dirs, user_config_file
from .context import EXIT_OK, CommandError, Context

__all__ = ["cmd_init", "starter"]


def starter() -> bytes:
    """The file `catalyst init` writes (the package's data/starter.toml)."""
    return resources.files("catalyst_tui").joinpath("data", "starter.toml").read_bytes()


def cmd_init(ctx: Context) -> int:
    path = Path(ctx.args.path).expanduser() if ctx.args.path else user_config_file()
    if path.exists() and not ctx.args.force:
        raise CommandError(
            f"catalyst init: {path} already exists: nothing was written (edit it, name another "
            "path, or pass --force to start it again, the old one kept as its .bak)"
        )
    if path.is_dir():
        raise CommandError(f"catalyst init: {path} is a folder: name the file to write")
    from .output_file import not_a_database

    why = not_a_database(path)
    if why is not None:
        raise CommandError(f"catalyst init: {path}: {why}: catalyst writes no thesis over it")
    make_private_dirs(path.parent.resolve())
    if path.exists():
        os.replace(path, path.with_name(path.name + ".bak"))
    temporary = path.with_name(f".{path.name}.init")
    try:
        temporary.write_bytes(starter())
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise CommandError(f"catalyst init: {path}: {exc.strerror or exc}") from None
    ctx.args.config = str(path)  # the database is this file's own, made and synced now
    config, store = ctx.synced_store()
    store.close()
    assert config.path is not None
    database = find_database(ctx.args.db, config.settings.database, config.path)
    own = "" if path == user_config_file() else f" --config {path}"
    ctx.out(f"wrote {path}: its settings, and one example ticker commented out")
    ctx.out(f"its database: {database}")
    ctx.out(f"next: add your tickers (catalyst validate{own} checks them), then run catalyst{own}")
    return EXIT_OK
