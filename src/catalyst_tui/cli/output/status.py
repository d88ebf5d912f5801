"""`catalyst status`: how each provider has answered (requests in the last hour and day, last
success, last failure and why, paused until, the crumb's age) and where the files are."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...jobs.client import browser_tls_note
from ...market.fetch_kinds import FETCH_KINDS
from ...market.http.browser_tls import load_problem
from ...notify.tried import read_tests
from ...text import counted
from ...views.channels import ChannelState, channel_states
from ...views.health import format_age
from .stream import cell_len

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ...config import Config
    from ...notify.tried import Tried
    from ...store import Store

LABEL = 10  # a labelled line's value starts here: "yahoo     0 requests in the last hour"


@dataclass(frozen=True)
class ProviderStatus:
    """One provider's requests, last success and last failure."""

    name: str
    requests_last_hour: int
    requests_last_day: int
    last_success: dt.datetime | None
    last_failure: dt.datetime | None
    failure: str
    paused_until: dt.datetime | None  # only while the pause lasts
    crumb_age_seconds: int | None  # Yahoo's kept crumb


@dataclass(frozen=True)
class BrowserTls:
    """Whose requests go through Chrome's handshake (settings.browser_tls), and whether they
    can: `problem` is why curl_cffi can't be loaded (then Python's handshake is used)."""

    providers: tuple[str, ...]
    problem: str | None


@dataclass(frozen=True)
class FailedFetches:
    """A kind of daily fetch (fundamentals, earnings) whose last try failed for some symbols:
    the count the health line shows, and the latest failure with its reason."""

    kind: str
    symbols: tuple[str, ...]
    last_failure: dt.datetime
    failure: str


@dataclass(frozen=True)
class KindFetches:
    """A registered kind of fetch (market/fetch_kinds.py) and the symbols it was fetched for."""

    kind: str
    symbols: int
    failed: int
    last: dt.datetime


@dataclass(frozen=True)
class Status:
    """What `catalyst status` reports: the files, the schema and each provider's use."""

    config_path: Path | None
    database_path: Path
    database_bytes: int
    schema_version: int
    providers: list[ProviderStatus]
    browser_tls: BrowserTls = BrowserTls((), None)
    failed_fetches: tuple[FailedFetches, ...] = ()
    fetches: tuple[KindFetches, ...] = ()  # every registered kind fetched, in their order
    channels: tuple[ChannelState, ...] = ()  # [notify.channels], never with a secret
    tests: Mapping[str, Tried] = field(default_factory=dict)  # each channel's last test


def build_status(config: Config, store: Store, now: dt.datetime) -> Status:
    health = store.providers.health()
    hour = store.providers.requests_since(now - dt.timedelta(hours=1))
    day = store.providers.requests_since(now - dt.timedelta(days=1))
    names = list(dict.fromkeys([*config.settings.providers, *health, *day]))
    providers = []
    for name in names:
        known = health.get(name)
        session = store.providers.session(name)
        paused = known.paused_until if known else None
        providers.append(
            ProviderStatus(
                name=name,
                requests_last_hour=hour.get(name, 0),
                requests_last_day=day.get(name, 0),
                last_success=known.last_success if known else None,
                last_failure=known.last_failure if known else None,
                failure=known.failure if known else "",
                paused_until=paused if paused is not None and paused > now else None,
                crumb_age_seconds=int((now - session.obtained_at).total_seconds())
                if session
                else None,
            )
        )
    size = sum(
        p.stat().st_size
        for p in (store.path, store.path.with_name(store.path.name + "-wal"))
        if p.exists()
    )
    chrome = config.settings.browser_tls
    tls = BrowserTls(chrome, load_problem() if chrome else None)
    where = config.path.resolve() if config.path is not None else None  # whole: said anywhere
    states = {kind: store.market.fetch_states(kind) for kind in FETCH_KINDS}
    fetched = tuple(
        KindFetches(
            kind,
            len(kept),
            sum(not f.ok for f in kept.values()),
            max(f.fetched_at for f in kept.values()),
        )
        for kind, kept in states.items()
        if kept
    )
    failed = tuple(_failed(store, k.kind) for k in fetched if k.failed)
    channels = tuple(channel_states(config, store))
    tests = read_tests(store.path)
    return Status(
        where,
        store.path,
        size,
        store.schema_version,
        providers,
        tls,
        failed,
        fetched,
        channels,
        {c.name: tests[c.name] for c in channels if c.name in tests},
    )


def _failed(store: Store, kind: str) -> FailedFetches:
    failed = {s: f for s, f in store.market.fetch_states(kind).items() if not f.ok}
    latest = max(failed.values(), key=lambda f: f.fetched_at)
    return FailedFetches(kind, tuple(sorted(failed)), latest.fetched_at, latest.detail)


def status_json(status: Status) -> dict[str, Any]:
    def value(item: object) -> object:
        if isinstance(item, dt.datetime):
            return item.isoformat()
        return str(item) if isinstance(item, Path) else item

    return {
        "config": str(status.config_path) if status.config_path else None,
        "database": {
            "path": str(status.database_path),
            "bytes": status.database_bytes,
            "schema_version": status.schema_version,
        },
        "providers": {
            p.name: {k: value(v) for k, v in asdict(p).items() if k != "name"}
            for p in status.providers
        },
        "failed_fetches": {
            f.kind: {
                "symbols": list(f.symbols),
                "last_failure": f.last_failure.isoformat(),
                "failure": f.failure,
            }
            for f in status.failed_fetches
        },
        "fetches": {
            f.kind: {"symbols": f.symbols, "failed": f.failed, "last": f.last.isoformat()}
            for f in status.fetches
        },
        "channels": {
            c.name: {k: value(v) for k, v in asdict(c).items() if k != "name"}
            | {"failing": c.failing, "last_test": _test_json(status.tests.get(c.name))}
            for c in status.channels
        },
        "browser_tls": {
            "providers": list(status.browser_tls.providers),
            "active": bool(status.browser_tls.providers) and status.browser_tls.problem is None,
            "problem": status.browser_tls.problem,
        },
    }


def status_lines(status: Status, now: dt.datetime) -> list[str]:
    lines = [
        f"config    {status.config_path}",
        f"database  {status.database_path} ({_size(status.database_bytes)}, "
        f"schema {status.schema_version})",
        "",
    ]
    for p in status.providers:
        parts = [
            f"{counted(p.requests_last_hour, 'request')} in the last hour, "
            f"{p.requests_last_day} in the last day"
        ]
        if p.paused_until is not None:
            parts.append(f"PAUSED until {p.paused_until:%Y-%m-%d %H:%M} UTC")
        parts.append(f"last success {_ago(p.last_success, now)}")
        if p.last_failure is not None:
            parts.append(f"last failure {_ago(p.last_failure, now)}: {p.failure}")
        if p.crumb_age_seconds is not None:
            parts.append(f"crumb {format_age(dt.timedelta(seconds=p.crumb_age_seconds))} old")
        lines.append(f"{p.name:<8}  " + "; ".join(parts))
    for f in status.failed_fetches:  # the health line's "fundamentals failed 3", whole
        who = ", ".join(f.symbols[:5]) + (
            f" and {len(f.symbols) - 5} more" if len(f.symbols) > 5 else ""
        )
        lines.append(
            f"{f.kind:<8}  failed for {len(f.symbols)} ({who}); last "
            f"{_ago(f.last_failure, now)}: {f.failure}"
        )
    if status.fetches:  # every registered kind of fetch kept, for how many symbols
        kinds = ", ".join(f"{f.kind} {f.symbols}" for f in status.fetches)
        lines.append(f"fetched   {kinds}")
    lines += _channel_lines(status.channels, status.tests, now)
    lines += ["", _browser_tls_line(status.browser_tls)]
    return lines


def fitted(lines: list[str], width: int) -> list[str]:
    """Each line in lines of at most `width` cells, broken between words, never inside one (a
    word wider than the room, a long path, stands whole on a line of its own), each line after
    the first under its text: under the value of a labelled line (`yahoo     0 requests in ...`),
    else two cells in."""
    out: list[str] = []
    for line in lines:
        labelled = len(line) > LABEL and line[LABEL - 2 : LABEL] == "  " and line[LABEL] != " "
        head, words = (line[:LABEL], line[LABEL:]) if labelled else ("", line)
        pad = " " * (LABEL if labelled else 2)
        first, *rest = words.split(" ")
        now = head + first
        for word in rest:
            if cell_len(now) + 1 + cell_len(word) <= width or not now.strip():
                now += " " + word
            else:
                out.append(now)
                now = pad + word
        out.append(now)
    return out


def _test_json(tried: Tried | None) -> object:
    if tried is None:
        return None
    return {"at": tried.at.isoformat(), "ok": tried.ok, "answer": tried.answer}


def _channel_lines(
    channels: tuple[ChannelState, ...], tests: Mapping[str, Tried], now: dt.datetime
) -> list[str]:
    """A line per channel beyond the desktop: its shown URL and kinds, its last delivery, its
    last test, and why it fails or can't be used."""
    lines = [""] if channels else []
    for c in channels:
        said = f"channel {c.name} {c.url} ({', '.join(c.kinds)})"
        if c.problem:
            lines.append(f"{said}: NOT USED: {c.problem}")
            continue
        parts = [f"last sent {_ago(c.last_sent, now)}"]
        if c.failure:
            parts.append(f"FAILING since {_ago(c.failed_at, now)}: {c.failure}")
        if c.waiting:
            parts.append(f"{c.waiting} waiting")
        if c.given_up:
            parts.append(f"{c.given_up} given up")
        tried = tests.get(c.name)
        if tried is not None:
            how = "ok" if tried.ok else "FAILED"
            parts.append(f"last test {_ago(tried.at, now)} {how}: {tried.answer}")
        lines.append(f"{said}: " + "; ".join(parts))
    return lines


def _browser_tls_line(tls: BrowserTls) -> str:
    if not tls.providers:
        return "tls       Python's own handshake for every provider (settings.browser_tls = [])"
    if tls.problem is not None:
        return "tls       " + browser_tls_note(tls.providers, tls.problem)
    return f"tls       Chrome's handshake (curl_cffi) for {', '.join(tls.providers)}"


def _ago(moment: dt.datetime | None, now: dt.datetime) -> str:
    """An age as the watchlist's health line says it (views/health.format_age): one way."""
    return "never" if moment is None else f"{format_age(now - moment)} ago"


def _size(size: int) -> str:
    for unit in ("B", "KiB", "MiB"):
        if size < 1024:
            return f"{size:g} {unit}"
        size //= 1024
    return f"{size} GiB"
