"""The core never imports textual, even indirectly: the headless commands (check, refresh,
daemon, export) start without the TUI's weight, and the split the import contracts state holds
at run time too (lint-imports in `make test` checks the static graph)."""

from __future__ import annotations

import functools
import importlib.util
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

CORE = [
    f"catalyst_tui.{name}"
    for name in (
        "cli",
        "config",
        "config.write",
        "cli.output.export",
        "demo",
        "jobs.evaluation",
        "jobs.intraday",
        "views.intraday",
        "jobs.refresh",
        "jobs.worker.process",
        "jobs.scheduler",
        "notify.channels",
        "notify.delivery",
        "cli.output.report",
        "store",
        "thesis.wording",
        "views.health",
        "views.ticker",
        "views.timeline",
        "views.watchlist",
        "session.workspace",
    )
]


def imported_after(modules: list[str]) -> set[str]:
    """The modules a fresh interpreter holds once it imported `modules`, in that order: asked
    once a process for each list (two checks read the TUI's path to its first frame)."""
    return set(_imported_after(tuple(modules)))


@functools.cache
def _imported_after(modules: tuple[str, ...]) -> frozenset[str]:
    code = (
        "import importlib, sys\n"
        f"for name in {list(modules)!r}:\n    importlib.import_module(name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return frozenset(done.stdout.split())


#: The checks that read the TUI's path to its first frame: one worker, one interpreter.
FIRST_FRAME = pytest.mark.xdist_group("first_frame_imports")


def test_the_core_never_imports_textual():
    loaded = imported_after(CORE)
    assert "catalyst_tui.session.workspace" in loaded  # the probe did import the core
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}
    assert not {m for m in loaded if m.startswith("catalyst_tui.tui")}


def test_the_probe_sees_textual_when_the_tui_is_imported():
    assert "textual" in imported_after(["catalyst_tui.tui.app"])


def test_loading_a_config_imports_no_http_stack():
    """The TUI's first paint waits for the config's checks: httpx (about 130 ms of imports) is
    for the refresh, which starts after it."""
    loaded = imported_after(["catalyst_tui.config", "catalyst_tui.session.workspace"])
    assert not {m for m in loaded if m == "httpx" or m.startswith("httpx.")}


@FIRST_FRAME
def test_the_tuis_path_to_its_first_frame_imports_no_config_checks():
    """A start-up on a config read before (the parsed-config cache) never checks it: the
    validator's modules are imported with the first parse, not on the way to the first frame."""
    loaded = imported_after(["catalyst_tui.cli", "catalyst_tui.tui.app"])
    assert "catalyst_tui.config.cache" in loaded  # the probe did import the config
    assert not {m for m in loaded if m.startswith("catalyst_tui.config.validate")}


@FIRST_FRAME
def test_the_tuis_path_to_its_first_frame_imports_no_release_reader():
    """The store, the metrics and the screens hold releases' results as records: the readers
    (their regular expressions and lexbor, ~15 ms of imports) load with the first release
    read, the XBRL reader (defusedxml, lxml) with the first filing's product lines, in a
    refresh or `catalyst results --file`, never on the way to the first frame."""
    loaded = imported_after(["catalyst_tui.cli", "catalyst_tui.tui.app"])
    assert "catalyst_tui.reading.release.records" in loaded  # the probe did load results
    readers = {
        f"catalyst_tui.reading.{name}"
        for name in (
            "release.document",
            "release.figures",
            "release.guidance",
            "release.tables",
            "release.reader",
            "xbrl.reader",
            "xbrl.facts",
        )
    }
    assert {m for m in loaded if m.startswith("catalyst_tui.reading.release.")}  # probed
    assert not readers & loaded
    assert "selectolax.lexbor" not in loaded


def test_the_tuis_path_to_its_first_frame_loads_no_other_command_pane_or_metric():
    """`catalyst` (the TUI) loads its own command's module and the watchlist's: the other
    commands (the demo's market, the importers, the reports), the other panes' views, the
    metrics behind evaluation and the store's doors the first frame does not read load when
    first used (bench/startup.py: these were 20 ms of a 0.31 s start-up)."""
    loaded = imported_after(
        [
            "catalyst_tui.cli",
            "catalyst_tui.cli.run",
            "catalyst_tui.tui.app",
            "catalyst_tui.session.workspace",
            "catalyst_tui.store",
        ]
    )
    assert {"catalyst_tui.views.watchlist", "catalyst_tui.thesis.verdict"} <= loaded  # probed
    later = {
        "catalyst_tui.cli.demo",
        "catalyst_tui.cli.imports",
        "catalyst_tui.cli.reports",
        "catalyst_tui.cli.results",
        "catalyst_tui.cli.segments",
        "catalyst_tui.reading.brokers.export",
        "catalyst_tui.thesis.evaluate",
        "catalyst_tui.thesis.metrics",
        "catalyst_tui.views.ticker",
        "catalyst_tui.views.performance",
        "catalyst_tui.views.timeline",
        "catalyst_tui.views.changes",
        "catalyst_tui.views.intraday",
        "catalyst_tui.store.changes",
        "catalyst_tui.store.evidence",
        "catalyst_tui.store.journal",
        "catalyst_tui.notify.wording",
        "orjson",
        "calendar",
    }
    assert not later & loaded


@FIRST_FRAME
def test_the_watchlists_first_read_loads_no_snapshot_filing_reader_kpi_reader_or_goalposts(
    tmp_path: Path,
):
    """The first frame's read of the watchlist, on the bundled thesis's database (every door it
    opens: the quotes and positions, the verdicts with their accepted passages, the results'
    marks, the estimates, FX, the health): neither the metrics' snapshot (store/snapshot.py and
    thesis/snapshot.py, with the performance behind them), SEC's filing index with its HTML
    bounds, the KPI statements' reader nor the goalposts load with it; each loads with its
    first use (bench/startup.py: 8 ms of the start-up's 0.48 s)."""
    from catalyst_tui.config import load_config
    from catalyst_tui.store import Store

    database = tmp_path / "catalyst.db"
    with Store.open(database) as store:
        store.sync.apply(load_config(Path(__file__).parents[2] / "catalysts.toml"))
    listed = tmp_path / "modules.txt"
    code = (
        "import datetime, sys\n"
        "import catalyst_tui.cli, catalyst_tui.cli.run, catalyst_tui.tui.app\n"
        "from catalyst_tui.store import Store\n"
        "from catalyst_tui.views.watchlist import load_watchlist\n"
        f"with Store.open({str(database)!r}) as store:\n"
        "    rows = load_watchlist(store, datetime.date.today()).rows\n"
        f"open({str(listed)!r}, 'w').write('\\n'.join(sys.modules))\n"
        "print(len(rows))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(done.stdout) > 1  # the probe read the thesis's rows
    loaded = set(listed.read_text(encoding="utf-8").split())
    assert {"catalyst_tui.store.verdicts", "catalyst_tui.store.evidence"} <= loaded  # read
    later = {
        "catalyst_tui.store.snapshot",
        "catalyst_tui.thesis.snapshot",
        "catalyst_tui.thesis.portfolio.performance",
        "catalyst_tui.market.sec.filings",
        "catalyst_tui.reading.filing_index",
        "catalyst_tui.reading.html_bounds",
        "catalyst_tui.thesis.kpis.statements",
        "catalyst_tui.thesis.goalposts",
    }
    assert not later & loaded


def _dead_url() -> str:
    """http://127.0.0.1:PORT where nothing listens: every connection is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def test_a_refresh_with_no_network_loads_neither_httpxs_cli_nor_the_later_steps(tmp_path: Path):
    """`catalyst refresh` as the script runs it (launch.py), every provider refused: httpx is
    loaded without its command-line client (click, pygments: launch.py), and the steps after
    the quotes (fundamentals, filings, releases, product lines, estimates, FX) are not loaded
    when no host answered (jobs/refresh.py); nor is rich's progress bar with no terminal to
    draw it on, nor curl_cffi, which loads once Yahoo's host is reached (market/http/
    browser_tls.py). The second refresh is probed, as bench/offline.py times it: on a database
    the first made."""
    dead = _dead_url()
    config = tmp_path / "catalysts.toml"
    config.write_text(
        '[settings]\nproviders = ["yahoo", "stooq"]\n'
        f'[providers.yahoo]\nbase_url = "{dead}"\ncookie_url = "{dead}/fc"\n'
        f'[providers.stooq]\nbase_url = "{dead}"\n'
        f'[providers.sec]\nbase_url = "{dead}"\n'
        f'tickers_url = "{dead}/files/company_tickers.json"\n'
        "[tickers.AAA]\n[tickers.BBB]\n",
        encoding="utf-8",
    )
    listed = tmp_path / "modules.txt"
    argv = ["catalyst", "--config", str(config), "--db", str(tmp_path / "c.db"), "refresh"]
    code = (
        "import atexit, sys\n"
        "def loaded():  # a None is a module marked as not importable\n"
        "    return '\\n'.join(name for name, m in sys.modules.items() if m is not None)\n"
        f"atexit.register(lambda: open({str(listed)!r}, 'w').write(loaded()))\n"
        f"sys.argv = {argv!r}\n"
        "from catalyst_tui.launch import main\n"
        "sys.exit(main())\n"
    )
    env = {**os.environ, "NO_PROXY": "127.0.0.1"}
    for _ in range(2):  # the first makes the database (sqlite-utils' schema code, click's)
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
        )
        assert done.returncode == 3, done.stderr  # every symbol stale
    assert "no network" in done.stdout  # the refresh found every host out of reach
    loaded = set(listed.read_text(encoding="utf-8").split())
    assert {"httpx", "catalyst_tui.jobs.refresh"} <= loaded  # the probe saw the refresh
    assert not {m for m in loaded if m.split(".")[0] in ("click", "pygments")}
    assert "httpx._main" not in loaded
    assert not {m for m in loaded if m.split(".")[0] == "curl_cffi"}
    later = {
        f"catalyst_tui.jobs.{name}"
        for name in ("daily", "estimates", "evidence", "fetches", "fx", "results", "segments")
    }
    assert not later & loaded
    assert "rich.progress" not in loaded
    # The feeds' parser (XML, e-mail dates) loads with the first feed read, none here.
    assert "catalyst_tui.reading.feeds" not in loaded and "pyexpat" not in loaded


def test_the_tuis_refresh_child_keeps_httpxs_cli_out(tmp_path: Path):
    """The TUI's refresh child (`python -m catalyst_tui.jobs.worker.process`) keeps httpx's
    command-line client out as the script does (market/http `keep_out_unused_parts`): its
    module loads no httpx before it has; its refresh, every provider refused, loads httpx and
    neither click, pygments nor `httpx._main`."""
    from catalyst_tui.config import parse_config
    from catalyst_tui.jobs.worker.process import MODULE, request_for
    from catalyst_tui.store import Store

    dead = _dead_url()
    config = parse_config(
        '[settings]\nproviders = ["yahoo", "stooq"]\n'
        f'[providers.yahoo]\nbase_url = "{dead}"\ncookie_url = "{dead}/fc"\n'
        f'[providers.stooq]\nbase_url = "{dead}"\n[tickers.AAA]\n'
    )
    db = tmp_path / "c.db"
    with Store.open(db) as store:
        store.sync.apply(config)
    listed = tmp_path / "modules.txt"
    code = (  # `python -m MODULE`, with the modules it loaded written as it exits
        "import atexit, runpy, sys\n"
        "def loaded():\n"
        "    return '\\n'.join(name for name, m in sys.modules.items() if m is not None)\n"
        f"atexit.register(lambda: open({str(listed)!r}, 'w').write(loaded()))\n"
        f"runpy.run_module({MODULE!r}, run_name='__main__', alter_sys=True)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=request_for(config, db),
        capture_output=True,
        env={**os.environ, "NO_PROXY": "127.0.0.1"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert b'"reach": "offline"' in done.stdout  # the child did refresh, and found no host
    loaded = set(listed.read_text(encoding="utf-8").split())
    assert "httpx" in loaded
    assert not {m for m in loaded if m.split(".")[0] in ("click", "pygments")}
    assert "httpx._main" not in loaded


def test_the_probe_sees_httpxs_cli_where_click_is_installed():
    """httpx imports its command-line client whenever click can be imported: what launch.py
    keeps out of the program, seen here without it."""
    click = importlib.util.find_spec("click") is not None
    assert ("httpx._main" in imported_after(["httpx"])) is click


def test_every_command_loads_the_words_records_not_their_reader():
    """The metric catalogue (every command: the config is checked against it) names the
    guidance words of reading/words/records.py; the reader of words (its sentences,
    vocabulary, clauses, figures, guidance and subjects: tens of milliseconds of regular
    expressions) loads with the first text read, never on the way to the TUI's first frame or
    a `check`; a name of the package's asked for loads its module then (PEP 562)."""
    loaded = imported_after(["catalyst_tui.cli", "catalyst_tui.tui.app", "catalyst_tui.config"])
    assert "catalyst_tui.reading.words.records" in loaded  # the probe loaded the catalogue
    reader = {
        f"catalyst_tui.reading.words.{name}"
        for name in (
            "reader",
            "sentences",
            "vocabulary",
            "clauses",
            "figures",
            "guidance",
            "subjects",
            "attribution",
            "patterns",
        )
    }
    assert not reader & loaded
    assert reader <= imported_after(["catalyst_tui.reading.words.figures", *reader])
    from catalyst_tui.reading import words

    assert words.read_words("Revenue grew 12% from a year ago.")[0].value == 0.12


def test_the_tuis_path_to_its_first_frame_loads_no_http_client():
    """The first frame reads the database: httpx, curl_cffi and the jobs that fetch load with
    the scheduler, once that frame is painted (tui/app.py `_after_first_paint`)."""
    loaded = imported_after(
        ["catalyst_tui.cli", "catalyst_tui.cli.run", "catalyst_tui.tui.app", "catalyst_tui.store"]
    )
    assert "catalyst_tui.tui.screens.watchlist" in loaded  # the probe loaded the first screen
    heavy = {m for m in loaded if m.split(".")[0] in ("httpx", "httpcore", "curl_cffi", "click")}
    assert not heavy
    assert "catalyst_tui.jobs.refresh" not in loaded


def test_the_tuis_path_to_its_first_frame_loads_no_openssl_hashes():
    """The config cache's key and the sync's stamp are blake2b digests, taken from hashlib's
    own module: `import hashlib` loads OpenSSL's hashes too (3-7 ms), which nothing before the
    first frame needs (a path's sha256 imports hashlib where it is taken)."""
    loaded = imported_after(
        [
            "catalyst_tui.cli",
            "catalyst_tui.cli.run",
            "catalyst_tui.tui.app",
            "catalyst_tui.config.cache",
            "catalyst_tui.store.sync",
            "catalyst_tui.paths",
        ]
    )
    assert "catalyst_tui.store.sync" in loaded  # the probe loaded the sync
    assert "_hashlib" not in loaded and "hashlib" not in loaded
