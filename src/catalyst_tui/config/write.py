"""Writing edits made in the TUI back into catalysts.toml: `apply_edit` reads the file as it is
now, applies an edit (config/edits.py: pure functions of the text, placed by config/regions.py),
validates the result with the same `parse_config` as every start, and writes it atomically with
a `.bak`. This module is the door the workspace opens for every edit: it names the edits and
`field_errors` (config/forms.py), which validates a form as it is typed.

Raw form strings become TOML values in config/forms.py (`field_values`), the one conversion the
edits and the validation as you type share.

Writing is config/atomic.py's: atomic, with the previous bytes kept as NAME.bak. If writing
fails, nothing on disk changes and `WriteResult.written` is False: the caller keeps the change in
the database, and the file wins again at the next start.

Two writers lose nothing. `apply_edit` reads, edits and writes under the file's lock (two TUIs,
the TUI and `w` in another window), and the write replaces the file only if it still holds the
bytes that were read (an editor that saved meanwhile): when it doesn't, the edit, a pure
function of the text, is made again on the text as it is now, up to EDIT_ATTEMPTS times, and
otherwise refused with a message. A UTF-8 byte-order mark in front of the file stays there.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import BOM, MAX_CONFIG_BYTES, Config, decode_config, parse_config, read_config_bytes
from .atomic import LOCK_WAIT, FileBusy, FileChanged, lock, write_with_backup
from .edits import (
    add_checkpoint,
    add_lot,
    add_sell,
    add_ticker,
    remove_checkpoint,
    remove_entry,
    remove_ticker,
    set_sec_contact,
    update_checkpoint,
    update_lot,
    update_ticker,
)
from .forms import (
    CHECKPOINT_FIELDS,
    FORMS,
    LOT_FIELDS,
    TICKER_FIELDS,
    EditError,
    field_errors,
    field_values,
)
from .issues import IssueCode, file_error

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "CHECKPOINT_FIELDS",
    "FORMS",
    "LOT_FIELDS",
    "TICKER_FIELDS",
    "EditError",
    "WriteResult",
    "add_checkpoint",
    "add_lot",
    "add_sell",
    "add_ticker",
    "apply_edit",
    "field_errors",
    "field_values",
    "remove_checkpoint",
    "remove_entry",
    "remove_ticker",
    "set_sec_contact",
    "update_checkpoint",
    "update_lot",
    "update_ticker",
]

EDIT_ATTEMPTS = 5  # an edit made again on a file that keeps changing under it, then refused


@dataclass(frozen=True)
class WriteResult:
    """The validated new config, whether the file was written, and a message for the user."""

    config: Config
    written: bool
    message: str


def apply_edit(path: Path, edit: Callable[[str], str], *, wait: float = LOCK_WAIT) -> WriteResult:
    """Apply `edit` to the file's current text, validate, and write it atomically with a .bak;
    another writer's lock is waited for up to `wait` seconds (the TUI waits longer, in a worker
    thread: its form says it is saving meanwhile).

    Raises ConfigError when the current file or the edited text is invalid, or the edited text
    would be larger than MAX_CONFIG_BYTES, which every command refuses (nothing written), and
    EditError from the edit itself. A failed write is not an exception: the result carries
    the validated config with `written=False` and a message naming the file and the reason.
    """
    path = Path(path)
    shown = str(path)
    try:
        with lock(path, wait=wait):
            for _ in range(EDIT_ATTEMPTS):
                data = read_config_bytes(path)  # ConfigError: not found, not a file, too large
                text = decode_config(data, shown)
                bom = BOM if text.startswith(BOM) else ""
                text = text.removeprefix(BOM)
                parse_config(text, shown)
                new_text = edit(text)
                parsed = parse_config(new_text, shown)
                config = dataclasses.replace(parsed, path=path)
                new = (bom + new_text).encode("utf-8")
                if len(new) > MAX_CONFIG_BYTES:  # a file every command would then refuse
                    limit = MAX_CONFIG_BYTES // (1024 * 1024)
                    raise file_error(
                        shown,
                        IssueCode.TOO_LARGE,
                        f"the change would make it larger than {limit} MB, the most "
                        "catalyst reads: not written",
                    )
                try:
                    written, message = write_with_backup(path, data, new)
                except FileChanged:
                    continue  # saved by someone else meanwhile: the edit again, on their text
                return WriteResult(config, written, message)
    except FileBusy as exc:
        return WriteResult(_config_of(path, edit), False, str(exc))
    message = (
        f"{path.name} kept changing while the change was being saved: not written, "
        "the change is kept in the database only"
    )
    return WriteResult(config, False, message)


def _config_of(path: Path, edit: Callable[[str], str]) -> Config:
    """The config the edit makes of the file as it is now, validated (nothing written)."""
    shown = str(path)
    text = decode_config(read_config_bytes(path), shown).removeprefix(BOM)
    parsed = parse_config(edit(text), shown)
    return dataclasses.replace(parsed, path=path)
