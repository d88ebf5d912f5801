"""Each channel's last test (`catalyst notify test`), kept beside the database it reports on
(`<database>.channel-tests.json`, readable by its owner alone) so that `catalyst status` says it:
when, whether it worked, and what the service answered (the words already without the URL's
secrets, notify/remote.py). A test is no notification: it is not in the outbox."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

SUFFIX = ".channel-tests.json"


class Tried(NamedTuple):
    """One channel's last test."""

    at: dt.datetime
    ok: bool
    answer: str  # what the service answered, or why it failed (redacted)


def tests_file(database: Path) -> Path:
    return database.with_name(database.name + SUFFIX)


def record_tests(database: Path, answers: Mapping[str, Tried]) -> None:
    """Keep these channels' tests (the others' kept as they were); a file that can't be
    written is left alone (the test's answer was said)."""
    kept = {
        name: t._asdict() | {"at": t.at.isoformat()} for name, t in read_tests(database).items()
    }
    kept.update({name: t._asdict() | {"at": t.at.isoformat()} for name, t in answers.items()})
    path = tests_file(database)
    temporary = path.with_name(path.name + f".{os.getpid()}.tmp")
    with contextlib.suppress(OSError):
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            json.dump(kept, out)
        temporary.replace(path)


def read_tests(database: Path) -> dict[str, Tried]:
    """Each channel's last test, by name (none when never tested or unreadable)."""
    try:
        raw = json.loads(tests_file(database).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out = {}
    for name, entry in raw.items() if isinstance(raw, dict) else ():
        try:
            at = dt.datetime.fromisoformat(entry["at"])
            out[str(name)] = Tried(at, bool(entry["ok"]), str(entry["answer"]))
        except (KeyError, TypeError, ValueError):
            continue
    return out
