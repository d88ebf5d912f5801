"""The parsed-config cache: a valid catalysts.toml, once parsed and checked, kept as a pickle keyed
by the file's bytes and by the code that judged them, so the next start skips tomllib and the
validator (most of a large file's load time; docs/performance.md).

Entries live in the user cache folder (0700, files 0600), written atomically; at most
KEPT_ENTRIES of them. Anything wrong with an entry (unreadable, from other code, not a Config)
is a miss: the file is parsed again. Only catalyst writes there, so loading its own pickles is
no more exposed than the user's account itself.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import logging
import os
import pickle
import sys
from pathlib import Path

import platformdirs

try:  # hashlib's own blake2b, without the OpenSSL hashes `import hashlib` loads (3-7 ms)
    from _blake2 import blake2b
except ImportError:  # a Python built without it
    from hashlib import blake2b

from ..market.registry import SETTINGS
from ..paths import APP_NAME, make_private_dirs
from .model import Config

log = logging.getLogger(__name__)

KEPT_ENTRIES = 8  # entries kept: a few files, or a few versions of one being edited
# The modules whose code decides a Config: the config package's readers and validators, and the
# thesis modules they import (tests/config/test_cache.py checks the list against the imports).
JUDGES = (
    "config.channels",
    "config.digest",
    "config.issues",
    "config.model",
    "config.reader",
    "config.scan",
    "config.validate.channels",
    "config.validate.checkpoints",
    "config.validate.providers",
    "config.validate.validator",
    "thesis.awaiting",
    "thesis.catalogue",
    "thesis.conditions",
    "thesis.evidence.passages",
    "thesis.judgement",
    "thesis.kinds",
    "thesis.kpis.statements",
    "thesis.lines.split",
    "thesis.metric_row",
    "thesis.observation",
    "thesis.portfolio.flows",
    "thesis.portfolio.performance",
    "thesis.portfolio.positions",
    "thesis.portfolio.returns",
    "thesis.reported.forecast",
    "thesis.reported.results",
    "thesis.snapshot",
    "thesis.vocabulary",
)
_PACKAGE = Path(__file__).resolve().parents[1]


def folder() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "parsed-config"


def judge_file(module: str) -> Path:
    """The source file of JUDGES' `module`."""
    return _PACKAGE.joinpath(*module.split(".")).with_suffix(".py")


@functools.cache
def _code_fingerprint() -> bytes:
    """What the entries depend on besides the file: the Python, and the code that parses,
    checks and shapes a Config (a development checkout changes it without a release), each
    source file known by its size and modification time, as Python's own byte-code cache knows
    it: a stat each, not a read."""
    digest = blake2b(sys.version.encode(), digest_size=16)
    files = [judge_file(module) for module in JUDGES]
    # the [providers] tables: each in its provider's module
    files += [Path(sys.modules[table.__module__].__file__ or "") for table in SETTINGS.values()]
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            digest.update(f"{path}:missing;".encode())
        else:
            digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.digest()


def digest(data: bytes) -> str:
    """What a Config read from `data` is: the bytes and the code that judges them."""
    return blake2b(data, digest_size=20, key=_code_fingerprint()).hexdigest()


def _entry(key: str) -> Path:
    return folder() / f"{key}.pickle"


def read(key: str) -> Config | None:
    """The Config parsed earlier from the bytes of digest `key`, or None."""
    try:
        blob = _entry(key).read_bytes()
    except OSError:
        return None
    try:
        config = pickle.loads(blob)
    except Exception:  # from other code, cut short: parse the file instead
        log.debug("parsed-config cache entry unreadable", exc_info=True)
        return None
    return config if isinstance(config, Config) else None


def write(key: str, config: Config) -> None:
    """Keep `config` as the parse of the bytes of digest `key`; failures only cost the next
    start its speed."""
    import tempfile  # only a start-up that parsed the file writes

    target = _entry(key)
    try:
        make_private_dirs(target.parent)
        fd, temp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(dataclasses.replace(config, path=None, digest=""), handle)
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
        _prune(target.parent)
    except (OSError, pickle.PicklingError):
        log.debug("parsed-config cache not written", exc_info=True)


def _prune(where: Path) -> None:
    entries = sorted(where.glob("*.pickle"), key=_mtime, reverse=True)
    for old in entries[KEPT_ENTRIES:]:
        with contextlib.suppress(OSError):
            old.unlink()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
