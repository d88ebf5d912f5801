"""Data hygiene and security, end to end on real parts: the Finnhub key never leaves the request
header (not in the database, the log, the output of any command, an export or a screenshot), the
database, its WAL/SHM and the log are private whatever the umask, no shell command is ever built
from user text, and such text arrives verbatim where it is shown.

Related, elsewhere: the key in FetchError messages and log records for every fault, timeouts
included, on the unit level: tests/market/test_finnhub_token_secrecy.py; CSV formula injection:
tests/cli/output/test_export.py; atomic write-back of catalysts.toml: tests/config/test_write.py.

The commands keep their processes where the process is what is tested (runs at the same time,
their own log files, the umask they start with, a refresh that notifies a desktop session);
the commands after such a refresh run in the test's own process (tests/support/cli_inline.py)."""

from __future__ import annotations

import ast
import asyncio
import csv
import io
import json
import logging
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from catalyst_tui.cli import log_file
from catalyst_tui.config import load_config
from catalyst_tui.config.write import add_lot, apply_edit
from catalyst_tui.paths import user_database_file
from catalyst_tui.session.workspace import Workspace
from catalyst_tui.store import Store
from catalyst_tui.tui.app import CatalystApp
from catalyst_tui.tui.messages import OpenTicker
from tests.support import cli_inline, source_trees
from tests.support.dbus_session import DbusSession
from tests.support.market_server import MarketServer

from ..conftest import BUNDLED_CONFIG, REPO
from .test_thesis_commands import loopback_thesis

pytest_plugins = ["tests.support.fixtures"]

SENTINEL = "sk-SENTINEL-7f3a9c"
MARK = b"SENTINEL"  # a part of the key: a truncated or re-quoted leak is found too
KEY_ENV = "HYGIENE_FINNHUB_KEY"  # not the default name: proves api_key_env is what is read
SYMBOLS = ("ALAB", "CRDO")  # few: Finnhub is paced at one request a second
UA = "Catalyst Tests tests@example.com"
SRC = REPO / "src" / "catalyst_tui"


@pytest.fixture(scope="module")
def market() -> Iterator[MarketServer]:
    with MarketServer(finnhub_token=SENTINEL) as server:
        yield server


@pytest.fixture
def fresh_market(market: MarketServer) -> MarketServer:
    market.clear_faults()
    market.clear_log()
    return market


def finnhub_config(path: Path, base: str, providers: str = '["finnhub", "yahoo", "stooq"]') -> Path:
    path.write_text(
        # the returns held against a ticker of the file: no other symbol asked of the providers
        f'[settings]\nproviders = {providers}\nbenchmark = "CRDO"\n'
        f'[providers.yahoo]\nbase_url = "{base}"\ncookie_url = "{base}/fc"\n'
        f'[providers.stooq]\nbase_url = "{base}"\n'
        f'[providers.finnhub]\nbase_url = "{base}"\napi_key_env = "{KEY_ENV}"\n'
        f'[providers.sec]\nbase_url = "{base}"\n'
        f'tickers_url = "{base}/files/company_tickers.json"\nuser_agent = "{UA}"\n'
        '[tickers.ALAB]\nthesis = "Connectivity, not compute."\n'
        '[[tickers.ALAB.lots]]\nshares = 10\ncost = 100.0\nnote = "first buy"\n'
        '[[tickers.ALAB.checkpoints]]\nid = "above-one"\ntitle = "Price stays above $1"\n'
        'kind = "guard"\nwhen = "price > 1"\n'
        "[tickers.CRDO]\n"
    )
    return path


def start(
    workdir: Path, *args: str, db: Path | None = None, umask: int = 0o022
) -> subprocess.Popen[bytes]:
    """`catalyst ARGS --config workdir/catalysts.toml [--db DB]`, with the key in its env."""
    where = ["--config", str(workdir / "catalysts.toml")]
    where += ["--db", str(db)] if db is not None else []
    return subprocess.Popen(
        [sys.executable, "-m", "catalyst_tui.cli", *args, *where],
        cwd=workdir,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        umask=umask,
    )


KEY_IN_ENV = {"NO_PROXY": "127.0.0.1", KEY_ENV: SENTINEL}


def child_env() -> dict[str, str]:
    env = {**os.environ, **KEY_IN_ENV}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # no desktop session of the machine's
    return env


def query(db: Path, sql: str, *args: object) -> list[tuple]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def files_under(*roots: Path) -> dict[str, bytes]:
    return {
        str(p): p.read_bytes()
        for root in roots
        if root.exists()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def wait_for(pilot, condition, timeout: float = 120.0) -> None:
    """Until `condition()`: a moment on a quiet machine, and a loaded one may take many."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "timed out"
        await pilot.pause(0.05)


# --------------------------------------------------------------------------------------------
# 1. The Finnhub key goes to Finnhub in a header, and nowhere else
# --------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_finnhub_key_is_sent_in_a_header_and_appears_nowhere_else(
    tmp_path, fresh_market, isolated_home, monkeypatch, caplog
):
    market = fresh_market
    finnhub_config(tmp_path / "catalysts.toml", market.url)
    good, faulty = tmp_path / "good.db", tmp_path / "faulty.db"
    seen: dict[str, bytes] = {}  # every output of every run, by a name for the failure message

    def run(*runs: tuple[str, tuple[str, ...], Path, tuple[int, ...]]) -> None:
        """Runs of `catalyst`, at the same time: (name, args, database, exit codes)."""
        started = [(name, codes, start(tmp_path, *args, db=db)) for name, args, db, codes in runs]
        for name, codes, proc in started:
            out, err = proc.communicate(timeout=90)
            seen[f"{name} stdout"], seen[f"{name} stderr"] = out, err
            assert proc.returncode in codes, (name, err.decode(errors="replace"))
            assert b"Traceback" not in err, name

    # A refresh with Finnhub answering, --debug (httpx logs every request URL at that level).
    run(("refresh --debug", ("refresh", "--debug"), good, (0,)))
    used = market.requests_for(provider="finnhub")
    assert {r.endpoint for r in used} == {"quote", "calendar"}
    assert {s for r in used for s in r.symbols} == set(SYMBOLS)
    for table in ("quotes", "earnings"):
        sources = dict(query(good, f"SELECT symbol, source FROM {table}"))
        assert sources == dict.fromkeys(SYMBOLS, "finnhub"), table

    # Every way Finnhub fails, with Yahoo and Stooq failing too, so the errors are stored: on a
    # new database (earnings due again) with --debug, and on the first one (INFO: the log only).
    # (A 500 or a reset is retried: once each here, then the next matching fault answers.)
    market.inject("http500", provider="finnhub", endpoint="calendar", symbol="ALAB", times=1)
    market.inject("quota", provider="finnhub", endpoint="calendar", symbol="ALAB")  # text, 200
    market.inject("auth", provider="finnhub", symbol="ALAB")  # 401 {"error":"Invalid API key"}
    market.inject("reset", provider="finnhub", endpoint="calendar", symbol="CRDO", times=1)
    # (429 on the calendar: one to a quote would pause Finnhub before its calendar is asked.)
    market.inject(
        "rate_limit", provider="finnhub", endpoint="calendar", symbol="CRDO", retry_after=600
    )
    market.inject("http500", provider="finnhub", endpoint="quote", symbol="CRDO")
    for symbol in SYMBOLS:
        market.inject("http500", provider="yahoo", symbol=symbol)
        market.inject("quota", provider="stooq", symbol=symbol)
    run(
        ("faulty refresh --debug", ("refresh", "--debug"), faulty, (3,)),
        ("faulty refresh", ("refresh",), good, (3,)),
    )
    faults = {(r.endpoint, r.fault) for r in market.requests_for(provider="finnhub")}
    assert faults >= {
        ("quote", "auth"),
        ("calendar", "http500"),
        ("calendar", "quota"),
        ("calendar", "reset"),
        ("calendar", "rate_limit"),
        ("quote", "http500"),
    }
    for db in (good, faulty):
        errors = dict(query(db, "SELECT symbol, last_error FROM quotes WHERE stale = 1"))
        assert set(errors) == set(SYMBOLS)
        assert "finnhub" in errors["ALAB"] and "401" in errors["ALAB"]  # stored, and shown
        assert "finnhub" in errors["CRDO"] and "500" in errors["CRDO"]
    failed = query(faulty, "SELECT symbol FROM fetch_state WHERE kind = 'earnings' AND ok = 0")
    assert len(failed) == len(SYMBOLS)

    # Every command that prints stored data, every export kind in every format: what each
    # prints, so in this process (tests/support/cli_inline.py), the key in its environment.
    printing = [("check",), ("check", "--json")] + [
        ("export", kind, "--format", fmt)
        for kind in ("prices", "checkpoints", "events")
        for fmt in ("csv", "json")
    ]
    for args in printing:
        where = ("--config", str(tmp_path / "catalysts.toml"), "--db", str(good))
        done = cli_inline.run(*args, *where, env=KEY_IN_ENV, cwd=tmp_path)
        name = " ".join(args).replace(" --format", "")
        seen[f"{name} stdout"], seen[f"{name} stderr"] = done.stdout.encode(), done.stderr.encode()
        assert done.returncode in ((0, 1) if args[0] == "check" else (0,)), (name, done.stderr)
        assert "Traceback" not in done.stderr, name
    assert b"\nCRDO," in seen["export prices csv stdout"]
    assert b"above-one" in seen["export events json stdout"]

    # The TUI on that database with the key in its environment, refreshing live once.
    monkeypatch.setenv(KEY_ENV, SENTINEL)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    caplog.set_level(logging.DEBUG)  # every record of this process (and those it relays)
    before = len(market.requests_for(provider="finnhub"))
    screenshots = asyncio.run(tui_screenshots(good, tmp_path / "catalysts.toml", market))
    for name, svg in screenshots.items():
        (tmp_path / f"{name}.svg").write_text(svg)
    assert "stale" in screenshots["ticker-alab"] and "finnhub" in screenshots["ticker-alab"]
    seen["TUI log records"] = caplog.text.encode()
    assert len(market.requests_for(provider="finnhub")) > before  # the TUI used the key too

    # The key was live: every request carried it, in the header, never in the URL.
    used = market.requests_for(provider="finnhub")
    assert len(used) >= 3 * len(SYMBOLS)
    for request in used:
        assert request.headers.get("x-finnhub-token") == SENTINEL
        assert "token" not in request.query
        assert MARK not in (request.path + request.raw_query).encode()

    log = log_file()
    assert log.is_file() and log.is_relative_to(isolated_home)
    assert b"/api/v1/quote?symbol=ALAB" in log.read_bytes()  # --debug logged the Finnhub URLs
    assert b"/api/v1/quote?symbol=ALAB" in seen["refresh --debug stderr"]
    assert b"401" in seen["faulty refresh --debug stdout"]  # the summary shows the errors
    seen |= files_under(tmp_path, isolated_home)  # databases (+ -wal/-shm), log, SVGs, config
    seen |= files_under(REPO / "screenshots", REPO / "tests" / "__snapshots__")
    assert {str(good), str(faulty), str(log), str(tmp_path / "ticker-alab.svg")} <= set(seen)
    assert [name for name, data in seen.items() if MARK in data] == []


async def tui_screenshots(db: Path, config_path: Path, market: MarketServer) -> dict[str, str]:
    """SVGs of the watchlist (health line), ALAB's screen (its stale error) and the timeline,
    after one live refresh through Finnhub."""
    config = load_config(config_path)
    store = Store.open(db)
    store.sync.apply(config)
    before = len(market.requests_for(provider="finnhub", endpoint="quote"))
    app = CatalystApp(Workspace(config, store), live=True, watch_file=False, channels=[])
    shots: dict[str, str] = {}
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            quotes = lambda: len(market.requests_for(provider="finnhub", endpoint="quote"))  # noqa: E731
            await wait_for(pilot, lambda: quotes() >= before + len(SYMBOLS))
            await wait_for(
                pilot, lambda: app.scheduler is not None and not app.scheduler.refreshing
            )
            await pilot.pause(0.2)
            shots["watchlist"] = app.export_screenshot()
            app.post_message(OpenTicker("ALAB"))
            await pilot.pause()
            shots["ticker-alab"] = app.export_screenshot()
            await pilot.press("escape", "t")
            await pilot.pause()
            shots["timeline"] = app.export_screenshot()
            await pilot.press("q")
            await pilot.pause()
    finally:
        store.close()
    return shots


# --------------------------------------------------------------------------------------------
# 2. Private files, whatever the umask
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o022, 0o000], ids=["umask022", "umask000"])
def test_database_wal_shm_and_log_are_0600_in_0700_folders(
    tmp_path, fresh_market, isolated_home, umask
):
    """The daemon (a real process, default locations) holds the database open so its -wal and
    -shm exist; then the TUI opens it again in this process, under the same umask."""
    finnhub_config(tmp_path / "catalysts.toml", fresh_market.url, '["yahoo", "stooq"]')
    db, log = user_database_file(tmp_path / "catalysts.toml"), log_file()
    assert not db.parent.exists() and not log.parent.exists()
    proc = start(tmp_path, "daemon", umask=umask)  # default database and log locations
    watchdog = threading.Timer(180, proc.kill)  # a daemon that never prints must not hang us
    watchdog.start()
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline(), proc.stdout.readline()]
        assert f"watching {len(SYMBOLS)} tickers".encode() in lines[0], lines
        assert f"refresh: {len(SYMBOLS)}/{len(SYMBOLS)} fresh".encode() in lines[1], lines
        private_while_open(db, log, isolated_home)
    finally:
        watchdog.cancel()
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and b"Traceback" not in err, err
    private_while_open(db, log, isolated_home, wal=False)

    previous = os.umask(umask)
    try:
        asyncio.run(tui_session(db, tmp_path / "catalysts.toml", log, isolated_home))
    finally:
        os.umask(previous)
    private_while_open(db, log, isolated_home, wal=False)


def private_while_open(db: Path, log: Path, home: Path, *, wal: bool = True) -> None:
    files = [db, log]
    if wal:
        files += [db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
    for path in files:
        assert mode(path) == 0o600, f"{path}: {oct(mode(path))}"
    # every folder catalyst made, the XDG homes it had to create included: data/catalyst,
    # state/catalyst/log
    made = [f for path in (db, log) for f in path.parents if f.is_relative_to(home) and f != home]
    assert {f.relative_to(home).as_posix() for f in made} >= {
        "data",
        "data/catalyst",
        "state",
        "state/catalyst/log",
    }
    for folder in made:
        assert mode(folder) == 0o700, f"{folder}: {oct(mode(folder))}"
    for path in [*db.parent.iterdir(), *log.parent.iterdir()]:  # nothing else, nothing looser
        assert mode(path) & 0o077 == 0, f"{path}: {oct(mode(path))}"


async def tui_session(db: Path, config_path: Path, log: Path, home: Path) -> None:
    config = load_config(config_path)
    store = Store.open(db)
    try:
        store.sync.apply(config)
        app = CatalystApp(Workspace(config, store), live=False, watch_file=False, channels=[])
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("t")
            await pilot.pause()
            private_while_open(db, log, home)  # this process made the -wal and -shm
            await pilot.press("q")
    finally:
        store.close()


@pytest.mark.parametrize("umask", [0o022, 0o000], ids=["umask022", "umask000"])
@pytest.mark.parametrize("original", [0o600, 0o640], ids=["0600", "0640"])
def test_config_write_back_keeps_the_file_mode_and_the_backup_no_looser(tmp_path, umask, original):
    """tests/config/test_write.py covers 0640 under the runner's umask; here a 0600 file too, a
    permissive umask, and a looser .bak from before that must not stay loose."""
    path = tmp_path / "catalysts.toml"
    shutil.copyfile(BUNDLED_CONFIG, path)
    path.chmod(original)
    backup = tmp_path / "catalysts.toml.bak"
    backup.write_text("an old backup\n")
    backup.chmod(0o666)
    previous = os.umask(umask)
    try:
        result = apply_edit(path, lambda t: add_lot(t, "ALAB", {"shares": "1", "cost": "2.0"}))
    finally:
        os.umask(previous)
    assert result.written, result.message
    assert mode(path) == original
    assert mode(backup) == original and backup.read_bytes() == BUNDLED_CONFIG.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalysts.toml", "catalysts.toml.bak"]


# --------------------------------------------------------------------------------------------
# 3. No shell, no eval: statically, over every module
# --------------------------------------------------------------------------------------------

SHELL_CALLS = {
    "os.system",
    "os.popen",
    "pty.spawn",
    "asyncio.create_subprocess_shell",
    "subprocess.getoutput",
    "subprocess.getstatusoutput",
}
SPAWN_PREFIXES = ("os.exec", "os.spawn", "os.posix_spawn", "os.fork")
PROCESS_CALLS = {
    "subprocess.run",
    "subprocess.Popen",
    "subprocess.call",
    "subprocess.check_call",
    "subprocess.check_output",
    "asyncio.create_subprocess_exec",
    "webbrowser.open",
    "webbrowser.open_new",
    "webbrowser.open_new_tab",
}
DYNAMIC_CODE = {"eval", "exec", "compile", "__import__"}
# Every process catalyst may start, as "module:call": the TUI's refresh process
# (`sys.executable -P -m catalyst_tui.jobs.worker.process`, kept between refreshes by
# jobs/worker/parent.py), the reader children (below), and the service manager `catalyst
# daemon --uninstall` asks to stop the daemon (`systemctl --user disable --now
# catalyst.service`, `launchctl remove io.github.catalyst.daemon`). A new one is added here only
# with an argv of fixed strings; `audit` rejects any other argv.
KNOWN_PROCESSES = {
    "jobs/worker/process.py:asyncio.create_subprocess_exec",
    "jobs/worker/parent.py:asyncio.create_subprocess_exec",
    "cli/service.py:subprocess.run",
    # every reader child: `sys.executable -P -m MODULE` (jobs/kept_child.py `start_reader`: the
    # release, text and PDF readers, each its job's MODULE, checked by `reader_module`)
    "jobs/kept_child.py:asyncio.create_subprocess_exec",
    # a channel's send: `sys.executable -P -m catalyst_tui.notify.send_child` (notify/remote.py)
    "notify/remote.py:asyncio.create_subprocess_exec",
}


@dataclass(frozen=True)
class Finding:
    where: str
    call: str
    problem: str = ""


def audit(source: str, filename: str) -> tuple[list[Finding], list[Finding]]:
    """(problems, every process start) in one module's source."""
    tree = ast.parse(source, filename)
    return audit_tree(tree, tuple(ast.walk(tree)), filename)


def audit_tree(
    tree: ast.Module, walked: tuple[ast.AST, ...], filename: str
) -> tuple[list[Finding], list[Finding]]:
    """(problems, every process start) in one module's parsed tree and its nodes."""
    aliases: dict[str, str] = {}
    for node in walked:
        if isinstance(node, ast.Import):
            for a in node.names:
                top = a.name.split(".")[0]
                aliases[a.asname or top] = a.name if a.asname else top
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for a in node.names:
                aliases[a.asname or a.name] = f"{node.module}.{a.name}"

    def name_of(expr: ast.expr) -> str:
        if isinstance(expr, ast.Name):
            return aliases.get(expr.id, expr.id)
        if isinstance(expr, ast.Attribute):
            base = name_of(expr.value)
            return f"{base}.{expr.attr}" if base else ""
        return ""

    constants = _module_constants(tree) | _imported_constants(tree, filename)
    problems: list[Finding] = []
    processes: list[Finding] = []
    for node in walked:
        if not isinstance(node, ast.Call):
            continue
        name, where = name_of(node.func), f"{filename}:{node.lineno}"
        shell = [k for k in node.keywords if k.arg == "shell" and not _is_false(k.value)]
        if name in SHELL_CALLS or name.startswith(SPAWN_PREFIXES):
            problems.append(Finding(where, name, "runs a shell or replaces the process"))
        elif shell:
            problems.append(Finding(where, name, "shell= other than False"))
        elif name in DYNAMIC_CODE and not all(isinstance(a, ast.Constant) for a in node.args):
            problems.append(Finding(where, name, "evaluates code that is not a literal"))
        if name in PROCESS_CALLS or name.startswith("subprocess."):
            processes.append(Finding(where, name))
            if name.startswith("webbrowser."):
                continue
            argv: list[ast.expr] = list(node.args)  # create_subprocess_exec(program, *args)
            if name.startswith("subprocess."):
                first = (
                    node.args[0]
                    if node.args
                    else next((k.value for k in node.keywords if k.arg == "args"), None)
                )
                if not isinstance(first, ast.List | ast.Tuple):
                    problems.append(Finding(where, name, "argv is not a list"))
                    continue
                argv = list(first.elts)
            loose = [ast.unparse(a) for a in argv if not _fixed(a, constants, name_of)]
            if loose:
                problems.append(Finding(where, name, f"argv not fixed: {', '.join(loose)}"))
    return problems, processes


def _module_constants(tree: ast.Module) -> set[str]:
    """Names assigned a string literal at module level (MODULE = "catalyst_tui.jobs...")."""
    return {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def _imported_constants(tree: ast.Module, where: str) -> set[str]:
    """Names imported from a sibling module (`from .process import MODULE`) that it
    assigns a string literal at its top level."""
    names: set[str] = set()
    folder = (SRC / where).parent
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            sibling = folder / f"{node.module.replace('.', '/')}.py"
            if sibling.is_file():
                theirs = _module_constants(source_trees.tree(sibling))
                names |= {alias.asname or alias.name for alias in node.names} & theirs
    return names


# Words made of data but checked where they are made: cli/service.py's `service_word` returns a
# unit's name or an agent's label only when it is letters, digits, '.', '_' and '-' and does not
# start with '-' (catalyst-1a2b3c4d.service: each catalysts.toml's own unit), else raises.
# `reader_module` returns a reader child's module only when it is one of catalyst's, written as
# one (`catalyst_tui.` and dotted identifiers), else raises: each is its job's MODULE constant.
CHECKED_WORDS = {"service_word", "reader_module"}


def _fixed(arg: ast.expr, constants: set[str], name_of) -> bool:
    """A string literal, a module-level string constant, the running interpreter, or a word
    checked where it is made (CHECKED_WORDS)."""
    return (
        (isinstance(arg, ast.Constant) and isinstance(arg.value, str))
        or (isinstance(arg, ast.Name) and arg.id in constants)
        or name_of(arg) == "sys.executable"
        or (isinstance(arg, ast.Call) and name_of(arg.func) in CHECKED_WORDS)
    )


def _is_false(expr: ast.expr) -> bool:
    return isinstance(expr, ast.Constant) and expr.value is False


@source_trees.SOURCE_GROUP
def test_no_module_runs_a_shell_or_evaluates_text():
    modules = source_trees.modules(SRC)
    assert len(modules) > 20 and SRC / "notify/__init__.py" in modules
    problems: list[Finding] = []
    processes: list[Finding] = []
    for path in modules:
        where = str(path.relative_to(SRC))
        found, started = audit_tree(source_trees.tree(path), source_trees.nodes(path), where)
        problems += found
        processes += started
    assert problems == []
    assert {f"{p.where.split(':')[0]}:{p.call}" for p in processes} <= KNOWN_PROCESSES


@pytest.mark.parametrize(
    "source",
    [
        "import os\nos.system(cmd)",
        "from os import popen as p\np(cmd)",
        "import subprocess as sp\nsp.run(['ls'], shell=True)",
        "from subprocess import Popen\nPopen(cmd)",
        "import subprocess\nsubprocess.check_output(f'notify-send {title}')",
        "import asyncio\nasyncio.create_subprocess_shell(cmd)",
        "import pty\npty.spawn(['sh'])",
        "import os\nos.execvp('sh', ['sh', '-c', cmd])",
        "eval(text)",
        "exec(compile(text, 'x', 'exec'))",
        "import subprocess\nsubprocess.run(['notify-send', title])",
        "import asyncio\nasyncio.create_subprocess_exec(program, '--flag')",
        "import sys, subprocess\nsubprocess.Popen([sys.executable, '-c', f'print({x})'])",
    ],
)
def test_the_audit_finds_what_it_looks_for(source):
    problems, _ = audit(source, "snippet.py")
    assert problems, source


def test_the_audit_lets_a_fixed_argv_pass_and_lists_it():
    problems, started = audit(
        "import asyncio, subprocess, sys\nMODULE = 'catalyst_tui.jobs.worker.process'\n"
        "subprocess.run(['notify-send', '--version'], check=False)\n"
        "asyncio.create_subprocess_exec(sys.executable, '-m', MODULE, stdin=PIPE)\n"
        "eval('1 + 1')\nimport re\nre.compile(pattern)\n",
        "snippet.py",
    )
    assert problems == []
    assert started == [
        Finding("snippet.py:3", "subprocess.run"),
        Finding("snippet.py:4", "asyncio.create_subprocess_exec"),
    ]


# --------------------------------------------------------------------------------------------
# 4. Shell syntax in user text stays text: refresh, check, mark, export, a desktop notification
# --------------------------------------------------------------------------------------------


@pytest.fixture
def trap() -> Iterator[Path]:
    """A short folder (the payload must fit in a notification title) that nothing may touch."""
    folder = Path(tempfile.mkdtemp(prefix="cx", dir="/tmp" if Path("/tmp").is_dir() else None))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_shell_syntax_in_user_text_is_never_run_and_arrives_verbatim(
    tmp_path, fresh_market, notification_recorder: DbusSession, trap
):
    title = f"GM $(touch {trap}/a) `touch {trap}/b`; touch {trap}/c"
    assert len(f"ALAB: missed — {title}") <= 100  # a notification title shows it whole
    note = f"call | touch {trap}/d && touch {trap}/e || $(touch {trap}/f)"
    thesis = f"'; touch {trap}/g; echo $(touch {trap}/h)"
    text = loopback_thesis(fresh_market.url)
    for old, new in [
        ('title = "Gross margin holds at or above 70%"', f"title = '{title}'"),
        ('note = "EXAMPLE lot: replace with your own purchases"', f"note = '{note}'"),
        ('name = "Astera Labs"', f"name = '$(touch {trap}/i)'"),
    ]:
        assert old in text
        text = text.replace(old, new, 1)
    text = text.replace('thesis = """\n', f'thesis = """\n{thesis}\n', 1)
    (tmp_path / "catalysts.toml").write_text(text)
    config = load_config(tmp_path / "catalysts.toml")
    assert config.tickers["ALAB"].thesis.startswith(thesis)
    db = tmp_path / "c.db"

    where = ("--db", str(db), "--config", str(tmp_path / "catalysts.toml"))

    def run(*args: str, codes: tuple[int, ...] = (0,)) -> str:
        """`catalyst ARGS` in this process (tests/support/cli_inline.py), from the trap."""
        env = {"DBUS_SESSION_BUS_ADDRESS": notification_recorder.address, "NO_PROXY": "127.0.0.1"}
        done = cli_inline.run(*args, *where, env=env, cwd=trap)
        assert done.returncode in codes, done.stderr
        assert "Traceback" not in done.stderr
        return done.stdout

    # The refresh that notifies is a process of its own, as a desktop session's client is.
    refreshed = subprocess.run(
        [sys.executable, "-m", "catalyst_tui.cli", "refresh", *where],
        cwd=trap,
        env=notification_recorder.env(NO_PROXY="127.0.0.1"),
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert refreshed.returncode == 0, refreshed.stderr
    assert "Traceback" not in refreshed.stderr
    assert "notifications: 3 sent" in refreshed.stdout
    run("mark", "ALAB/scorpio-largest-line", "met", "--note", note)
    run("check", codes=(1,))
    checked = {r["id"]: r for r in json.loads(run("check", "--json", codes=(1,)))}
    exports = {
        f"{kind}.{fmt}": run("export", kind, "--format", fmt)
        for kind in ("checkpoints", "events")
        for fmt in ("csv", "json")
    }

    sent = [n["summary"] for n in notification_recorder.notifications()]
    assert f"ALAB: missed — {title}" in sent
    assert checked["gross-margin-floor"]["title"] == title
    rows = list(csv.DictReader(io.StringIO(exports["checkpoints.csv"])))
    assert next(r for r in rows if r["id"] == "gross-margin-floor")["title"] == title
    events = list(csv.DictReader(io.StringIO(exports["events.csv"])))
    assert any(e["title"] == title and e["to_status"] == "missed" for e in events)
    marked = next(e for e in json.loads(exports["events.json"]) if e["manual"])
    assert marked["reason"].endswith(note)
    assert list(trap.iterdir()) == []  # no a…i: nothing was run by a shell
    assert not list(tmp_path.glob("[a-i]"))
