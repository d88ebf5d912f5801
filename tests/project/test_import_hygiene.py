"""The core never imports textual, even indirectly: the headless commands (check, refresh,
daemon, export) start without the TUI's weight, and the split the import contracts state holds
at run time too (lint-imports in `make test` checks the static graph)."""

from __future__ import annotations

import subprocess
import sys

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
        "jobs.refresh_process",
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
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n    importlib.import_module(name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


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


def test_the_tuis_path_to_its_first_frame_imports_no_config_checks():
    """A start-up on a config read before (the parsed-config cache) never checks it: the
    validator's modules are imported with the first parse, not on the way to the first frame."""
    loaded = imported_after(["catalyst_tui.cli", "catalyst_tui.tui.app"])
    assert "catalyst_tui.config.cache" in loaded  # the probe did import the config
    assert not {m for m in loaded if m.startswith("catalyst_tui.config.validate")}


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
